"""Small template filters of the learning pages (lookups only, no logic)."""

from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    return mapping.get(key)


@register.filter
def is_multiple(question) -> bool:
    """Checkboxes when a question has several right answers (the answers are prefetched)."""
    return sum(1 for answer in question.answers.all() if answer.correct) > 1


@register.filter
def getlist_of(post, question_pk) -> list[str]:
    """What the person ticked for a question, to keep it when the form comes back."""
    return post.getlist(f"question-{question_pk}") if hasattr(post, "getlist") else []


@register.filter
def french(text):
    """No line break before « ? ! ; : » (the value is escaped by the template as usual)."""
    from tremplin.learning.rendering import french_spacing

    return french_spacing(str(text))
