"""Loads the data files and their prose into one Catalogue, shared as context['catalogue'].

The catalogue generator runs first (PLUGINS order): every other generator reads the model it
builds, never the YAML. Invalid content stops the build with every problem listed.
"""
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from .loading import CatalogueLoader
from .problems import InvalidContent, Problems

__all__ = ["CatalogueGenerator", "InvalidContent", "Problems", "load_catalogue", "register"]


def load_catalogue(settings, problems):
    """The Catalogue of a site from its checked settings; what is wrong goes to `problems`.

    Entries with errors are left out, so the catalogue is only fit to write once the checks
    plugin has found no error."""
    return CatalogueLoader(settings, Path(settings["PATH"]).parent, problems).load()


class CatalogueGenerator(Generator):
    def generate_context(self):
        self.context["problems"] = Problems()
        self.context["catalogue"] = load_catalogue(self.settings, self.context["problems"])


def get_generators(pelican):
    return CatalogueGenerator


def register():
    signals.get_generators.connect(get_generators)
