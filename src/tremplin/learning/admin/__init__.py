"""The learning app's back office: content (paths, chapters, modules, quizzes) and webinars."""

from tremplin.learning.admin import content, webinars

__all__ = ["content", "webinars"]
