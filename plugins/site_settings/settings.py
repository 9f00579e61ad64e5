"""Defaults and checks of every setting metiers.brussels adds to Pelican's."""
import re
from datetime import date
from pathlib import Path

from babel import Locale

LANG_CODE = re.compile(r"^[a-z]{2}$")
SECTION = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
RECORD_KINDS = ("profession", "training", "theme", "activity", "browse")

DEFAULTS = {
    # Languages of the site, in the order of the language switcher. A third language is a new
    # entry here, a catalog in theme/translations/<code>/ and content in content/<code>/.
    "LANGUAGES": None,
    # Folder with themes.yaml, providers.yaml, trainings.yaml, metiers.yaml.
    "DATA_PATH": "data",
    # Folder of the JSON Schemas that document and check the data files.
    "SCHEMA_PATH": "schema",
    # Where a record's page is written: {lang}, {section} (LANGUAGES[lang]['sections'][kind]), {slug}.
    "RECORD_URL": "{lang}/{section}/{slug}.html",
    # Where a page of content/<lang>/pages/ is written.
    "SITE_PAGE_URL": "{lang}/{slug}.html",
    # Links out to job offers: name and search address per language, {query} is the profession's title.
    "JOB_BOARDS": [],
    # Theme string catalogs: <TRANSLATIONS_PATH>/<lang>/LC_MESSAGES/messages.po (default: THEME/translations).
    "TRANSLATIONS_PATH": None,
    # Professions per listing page (A–Z letter, ISCO group, theme): keeps pages light at any size.
    "BROWSE_PAGE_SIZE": 250,
    # Licence of the open data export (open-data/ in every build), as shown in its README.
    "OPEN_DATA_LICENCE": "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)",
    # Warnings (what should be completed) count as errors: set for publishing.
    "STRICT_CHECKS": False,
    # Postal address and name of the centre, shown in every page footer, per language.
    "CENTRE": None,
    # Agenda: the day "upcoming" is counted from (a date or 'YYYY-MM-DD'; None: the day of the build).
    "AGENDA_TODAY": None,
    # Agenda: the domain that makes the UIDs of calendar events and the ids of feed entries unique.
    "AGENDA_UID_DOMAIN": "metiers.brussels",
    # Where the search index of each language is written ({lang}), as a script loaded on demand.
    "SEARCH_INDEX_URL": "theme/search/index-{lang}.js",
    # Weight of a match in each searched field: title > other names > summary text.
    "SEARCH_BOOSTS": {"title": 10, "other_names": 5, "text": 1},
    # Publishing: the public address of the web version (https://..., no trailing slash). When set,
    # pages get a canonical link and the version line links to it. None for previews.
    "WEB_URL": None,
    # Publishing: the date of the version shown on every page (a date or 'YYYY-MM-DD'), never the
    # clock, so that two publications of the same sources are identical. None: no version line.
    "BUILD_DATE": None,
    # Kiosk mode for the centre's public PCs (off for the web): after KIOSK_IDLE_MINUTES without input,
    # a notice warns for KIOSK_WARNING_SECONDS, then the page goes back to the home page, search emptied.
    # Preview: the output folder of the previous build, whose unchanged record pages are linked rather
    # than rendered again (plugins/reuse). Set by `invoke serve`; None: every page is rendered.
    "REUSE_PAGES_FROM": None,
    "KIOSK": False,
    "KIOSK_IDLE_MINUTES": 3,
    "KIOSK_WARNING_SECONDS": 30,
}


class SettingsError(ValueError):
    """A setting has a value the build cannot use; the message names it and says what is expected."""


def _fail(key, message):
    raise SettingsError(f"Config value '{key}': {message}")


def _check_languages(settings):
    languages = settings["LANGUAGES"]
    if not isinstance(languages, dict) or not languages:
        _fail("LANGUAGES", "expected a dict {code: {locale, name, sections}}, e.g. {'fr': {...}, 'nl': {...}}")
    for code, spec in languages.items():
        if not LANG_CODE.match(code):
            _fail("LANGUAGES", f"'{code}' is not a two-letter language code")
        missing = {"locale", "name", "sections"} - set(spec)
        if missing:
            _fail("LANGUAGES", f"'{code}' lacks {', '.join(sorted(missing))}")
        sections = spec["sections"]
        for kind in RECORD_KINDS:
            if not SECTION.match(str(sections.get(kind, ""))):
                _fail("LANGUAGES", f"'{code}': sections['{kind}'] must be a folder name such as 'metiers'")
    if settings["DEFAULT_LANG"] not in languages:
        _fail("DEFAULT_LANG", f"'{settings['DEFAULT_LANG']}' is not one of LANGUAGES ({', '.join(languages)})")


def _check_job_boards(settings):
    for board in settings["JOB_BOARDS"]:
        if set(board) != {"name", "url"}:
            _fail("JOB_BOARDS", "each board is {'name': ..., 'url': {lang: 'https://...{query}...'}}")
        for lang in settings["LANGUAGES"]:
            url = board["url"].get(lang, "")
            if not url.startswith("https://") or "{query}" not in url:
                _fail("JOB_BOARDS", f"'{board['name']}' needs an https address with {{query}} for '{lang}'")


def _check_centre(settings):
    centre = settings["CENTRE"]
    for lang in settings["LANGUAGES"]:
        if not isinstance(centre, dict) or not all(lang in centre.get(k, {}) for k in ("name", "address")):
            _fail("CENTRE", f"expected {{'name': {{lang: ...}}, 'address': {{lang: ...}}}} with '{lang}'")


def _check_search(settings):
    url, boosts = settings["SEARCH_INDEX_URL"], settings["SEARCH_BOOSTS"]
    if "{lang}" not in url or not url.endswith(".js") or url.startswith("/"):
        _fail("SEARCH_INDEX_URL", f"expected a relative path with {{lang}} ending in .js, got '{url}'")
    if set(boosts) != {"title", "other_names", "text"} or not all(
            isinstance(v, (int, float)) and v > 0 for v in boosts.values()):
        _fail("SEARCH_BOOSTS", f"expected positive numbers for 'title', 'other_names', 'text', got {boosts}")
    if not boosts["title"] > boosts["other_names"] > boosts["text"]:
        _fail("SEARCH_BOOSTS", "title must weigh more than other_names, and other_names more than text")


def _check_paths(settings):
    base = Path(settings.get("PATH", ".")).parent
    if settings["TRANSLATIONS_PATH"] is None:
        settings["TRANSLATIONS_PATH"] = str(Path(settings["THEME"]) / "translations")
    for key in ("DATA_PATH", "SCHEMA_PATH", "TRANSLATIONS_PATH"):
        path = Path(settings[key])
        if not path.is_absolute():
            path = (base / path).resolve()
        if not path.is_dir():
            _fail(key, f"folder '{path}' does not exist")
        settings[key] = str(path)


def _check_agenda(settings):
    today = settings["AGENDA_TODAY"]
    if today is None:
        settings["AGENDA_TODAY"] = date.today()
    elif not isinstance(today, date):
        try:
            settings["AGENDA_TODAY"] = date.fromisoformat(str(today))
        except ValueError:
            _fail("AGENDA_TODAY", f"expected a date such as '2026-03-03', got {today!r}")
    if not re.match(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$", str(settings["AGENDA_UID_DOMAIN"])):
        _fail("AGENDA_UID_DOMAIN", "expected a domain name of the site, e.g. 'metiers.brussels'")
    for code, spec in settings["LANGUAGES"].items():
        short = Locale.parse(spec["locale"]).time_formats["short"].pattern  # the locale's own: 09:30
        formats = spec.setdefault("time_formats", {"hour": short, "minutes": short})
        if set(formats) != {"hour", "minutes"} or not all(isinstance(v, str) for v in formats.values()):
            _fail("LANGUAGES", f"'{code}': time_formats must be {{'hour': pattern, 'minutes': pattern}} "
                               f"(Babel time patterns, e.g. \"H 'h'\" and \"H 'h' mm\")")


def _check_publishing(settings):
    url, day = settings["WEB_URL"], settings["BUILD_DATE"]
    if url is not None and not re.match(r"^https://[a-z0-9.-]+(/[^/\s]+)*$", str(url)):
        _fail("WEB_URL", f"expected the https address of the site without a trailing slash, got {url!r}")
    if day is not None and not isinstance(day, date):
        try:
            settings["BUILD_DATE"] = date.fromisoformat(str(day))
        except ValueError:
            _fail("BUILD_DATE", f"expected a date such as '2026-03-03', got {day!r}")


def _check_kiosk(settings):
    if not isinstance(settings["KIOSK"], bool):
        _fail("KIOSK", f"expected True or False, got {settings['KIOSK']!r}")
    for key in ("KIOSK_IDLE_MINUTES", "KIOSK_WARNING_SECONDS"):
        value = settings[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            _fail(key, f"expected a number greater than 0, got {value!r}")


def check_settings(settings):
    """Fill in defaults for our keys, then check every one; raise SettingsError on the first bad value."""
    for key, default in DEFAULTS.items():
        settings.setdefault(key, default)
    _check_languages(settings)
    _check_job_boards(settings)
    _check_centre(settings)
    _check_agenda(settings)
    _check_search(settings)
    _check_publishing(settings)
    _check_kiosk(settings)
    _check_paths(settings)
    if not isinstance(settings["BROWSE_PAGE_SIZE"], int) or settings["BROWSE_PAGE_SIZE"] < 10:
        _fail("BROWSE_PAGE_SIZE", f"expected a whole number of at least 10, got {settings['BROWSE_PAGE_SIZE']!r}")
    if not isinstance(settings["STRICT_CHECKS"], bool):
        _fail("STRICT_CHECKS", f"expected True or False, got {settings['STRICT_CHECKS']!r}")
    if settings["REUSE_PAGES_FROM"] is not None and not Path(settings["REUSE_PAGES_FROM"]).is_absolute():
        _fail("REUSE_PAGES_FROM", f"expected None or the absolute path of an output folder, got {settings['REUSE_PAGES_FROM']!r}")
    for key in ("RECORD_URL", "SITE_PAGE_URL"):
        if not settings[key].endswith(".html") or "{slug}" not in settings[key]:
            _fail(key, "must contain {slug} and end in .html (pages are opened from file://)")
    return settings
