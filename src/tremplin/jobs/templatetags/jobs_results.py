"""The fast parts of the search pages (see tremplin.jobs.views.cards)."""

from django import template

from tremplin.jobs.views import cards

register = template.Library()

register.simple_tag(cards.offer_cards, name="offer_cards")
register.simple_tag(cards.training_cards, name="training_cards")
register.simple_tag(cards.facet_filters, name="facet_filters")
register.simple_tag(cards.facet_counts_oob, name="facet_counts_oob")
register.simple_tag(cards.select_options, name="select_options")
