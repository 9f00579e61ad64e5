"""One Localizer per language: gettext for theme strings, Babel for dates, numbers and sorting."""
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_currency, format_decimal
from babel.support import Translations
from babel.units import format_unit

from . import collation

UNIT_NAMES = {"hour": "duration-hour", "day": "duration-day", "week": "duration-week",
              "month": "duration-month", "year": "duration-year"}


class UntranslatedStrings(ValueError):
    """A catalog leaves theme strings untranslated or fuzzy: visitors would see English."""


def catalog_path(translations_dir, lang):
    return Path(translations_dir) / lang / "LC_MESSAGES" / "messages.po"


def read_catalog(translations_dir, lang):
    path = catalog_path(translations_dir, lang)
    if not path.exists():
        raise UntranslatedStrings(f"{path}: catalog missing: run `invoke translations` and translate it")
    with path.open("rb") as f:
        return read_po(f, locale=lang)


def untranslated(catalog):
    """(line, message) for each entry of a catalog that visitors would see in English."""
    return [(m.lineno, f"\"{m.id if isinstance(m.id, str) else m.id[0]}\" is "
             + ("fuzzy: check it and remove the fuzzy flag" if m.fuzzy else "not translated: write its translation"))
            for m in catalog if m.id and (m.fuzzy or not all(m.string if isinstance(m.string, tuple) else [m.string]))]


def compile_catalog(catalog, path):
    """Translations from a catalog, compiled in memory; raise if any string is left untranslated."""
    bad = untranslated(catalog)
    if bad:
        raise UntranslatedStrings("\n".join(f"{path}:{line}: {message}" for line, message in bad))
    buffer = BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer)


@dataclass
class Localizer:
    lang: str
    locale: Locale
    translations: Translations
    digraphs: tuple = ()

    # -- theme strings
    def gettext(self, message):
        return self.translations.gettext(message)

    def ngettext(self, singular, plural, n):
        return self.translations.ngettext(singular, plural, n)

    # -- dates, numbers, units, names
    def date(self, value, format="long"):
        return format_date(value, format=format, locale=self.locale)

    def number(self, value):
        return format_decimal(value, locale=self.locale)

    def euros(self, value):
        """'1 200 €' / '€ 1.200' for whole amounts, '12,50 €' otherwise."""
        pattern = self.locale.currency_formats["standard"].pattern
        if value == int(value):
            pattern = pattern.replace(".00", "")
        return format_currency(value, "EUR", format=pattern, locale=self.locale, currency_digits=False)

    def duration(self, duration):
        return format_unit(duration.amount, UNIT_NAMES[duration.unit], length="long", locale=self.locale)

    def language_name(self, code):
        return self.locale.languages.get(code, code)

    # -- order
    def sort_key(self, text):
        return collation.sort_key(text)

    def initial(self, text):
        return collation.initial(text)

    def capitalize(self, text):
        return collation.capitalize(text, self.digraphs)

    def sorted(self, records, title=lambda r, lang: r.title[lang]):
        return sorted(records, key=lambda r: self.sort_key(title(r, self.lang)))


def localizers(settings):
    """{lang: Localizer} for the configured languages, their catalogs compiled."""
    result = {}
    for lang, spec in settings["LANGUAGES"].items():
        catalog = read_catalog(settings["TRANSLATIONS_PATH"], lang)
        translations = compile_catalog(catalog, catalog_path(settings["TRANSLATIONS_PATH"], lang))
        result[lang] = Localizer(lang, Locale.parse(spec["locale"]), translations,
                                 tuple(spec.get("digraphs", ())))
    return result
