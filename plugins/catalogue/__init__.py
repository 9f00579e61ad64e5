"""Loads the data files and their prose into one Catalogue, shared as context['catalogue'].

The catalogue generator runs first (PLUGINS order): every other generator reads the model it
builds, never the YAML. Invalid content stops the build with every problem listed.
"""
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from .loading import CatalogueLoader
from .problems import InvalidContent

__all__ = ["CatalogueGenerator", "InvalidContent", "load_catalogue", "register"]


def load_catalogue(settings):
    """The Catalogue of a site, from its checked settings; raises InvalidContent with all problems."""
    return CatalogueLoader(settings, Path(settings["PATH"]).parent).load()


class CatalogueGenerator(Generator):
    def generate_context(self):
        self.context["catalogue"] = load_catalogue(self.settings)


def get_generators(pelican):
    return CatalogueGenerator


def register():
    signals.get_generators.connect(get_generators)
