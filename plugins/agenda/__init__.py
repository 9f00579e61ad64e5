"""The agenda: workshops and collective activities, dated in the site's time zone.

Adds a page per activity, shares `agenda` (upcoming vs past against AGENDA_TODAY, dates and times
worded by Babel for each language) with every template, and writes at build time an iCalendar
file per activity and per theme and an Atom feed of new activities per language.
"""
from pelican import signals

from .generators import AGENDA_GENERATORS

__all__ = ["register"]


def get_generators(pelican):
    return AGENDA_GENERATORS


def register():
    signals.get_generators.connect(get_generators)
