"""Theme strings: every string of the templates is in each language's catalog, translated."""
from pathlib import Path

from babel.messages.extract import extract_from_dir
from catalogue.model import Source, shown_path
from i18n.localizer import catalog_path, read_catalog, untranslated, UntranslatedStrings


def template_strings(theme_dir):
    """{msgid: 'theme/templates/x.html:12'} for every string the templates translate."""
    found = {}
    method_map = [("templates/**.html", "jinja2")]
    options = {"templates/**.html": {"extensions": "jinja2.ext.i18n"}}
    for filename, line, message, _comments, _context in extract_from_dir(theme_dir, method_map, options):
        msgid = message if isinstance(message, str) else message[0]
        found.setdefault(msgid, f"{Path(theme_dir).name}/{filename}:{line}")
    return found


def catalog_problems(settings, problems):
    used = template_strings(settings["THEME"])
    for lang in settings["LANGUAGES"]:
        shown = shown_path(catalog_path(settings["TRANSLATIONS_PATH"], lang), Path(settings["PATH"]).parent)
        try:
            catalog = read_catalog(settings["TRANSLATIONS_PATH"], lang)
        except UntranslatedStrings:
            problems.error(Source(shown, 1), "catalog missing: run `invoke translations`, then translate it")
            continue
        for line, message in untranslated(catalog):
            problems.error(Source(shown, line), message)
        known = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
        for msgid, where in sorted(used.items()):
            if msgid not in known:
                problems.error(Source(shown, 1), f"\"{msgid}\" ({where}) is missing: run `invoke translations`, "
                                                 "then translate it")
