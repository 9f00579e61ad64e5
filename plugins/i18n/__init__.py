"""Everything that depends on the visitor's language: theme strings, dates, numbers, sorting.

Theme strings come from the Babel catalogs theme/translations/<lang>/LC_MESSAGES/messages.po,
compiled in memory at each build; dates, numbers, units and language names from Babel's locale
data (fr_BE, nl_BE...). Nothing here names a language: the languages are settings.
"""
from pelican import signals
from pelican.generators import Generator

from .localizer import Localizer, UntranslatedStrings, localizers

__all__ = ["Localizer", "UntranslatedStrings", "localizers", "register"]


class LocalizerGenerator(Generator):
    """Compiles the catalogs once per build and shares them as context['localizers']."""

    def generate_context(self):
        self.context["localizers"] = localizers(self.settings)


def get_generators(pelican):
    return LocalizerGenerator


def register():
    signals.get_generators.connect(get_generators)
