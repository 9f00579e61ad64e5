"""Listing pages to browse the répertoire at any size: A–Z by letter, by ISCO group, a theme's list.

Each listing is cut into parts of BROWSE_PAGE_SIZE professions, so that no page grows heavy
when the répertoire holds thousands of professions. Listings exist under the same key in every
language (a letter with no profession in one language says so), so the language switcher always
lands on the counterpart.
"""
from pelican import signals

from .listings import BrowseGenerator

__all__ = ["BrowseGenerator", "register"]


def get_generators(pelican):
    return BrowseGenerator


def register():
    signals.get_generators.connect(get_generators)
