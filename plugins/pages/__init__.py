"""Writes one HTML page per record and language, and the language chooser at the root.

Each page kind (site page, theme, profession, training) has its generator. In generate_context
every record gets its URL in every language, before anything is written, so that links and
the language switcher (which lands on the counterpart page) are known to all templates.
"""
from pelican import signals

from .generators import PAGE_GENERATORS

__all__ = ["register"]


def get_generators(pelican):
    return PAGE_GENERATORS


def register():
    signals.get_generators.connect(get_generators)
