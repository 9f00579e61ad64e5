"""Languages: catalogs complete, A–Z order by each language's collation, a third language by configuration."""
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from htmlpages import parse

ROOT = Path(__file__).resolve().parent.parent


def template_strings():
    """Every msgid the templates use, as pybabel extracts it."""
    found = set()
    method_map = [("templates/**.html", "jinja2")]
    options = {"templates/**.html": {"extensions": "jinja2.ext.i18n"}}
    for _file, _line, message, _comments, _context in extract_from_dir(ROOT / "theme", method_map, options):
        found.add(message if isinstance(message, str) else message[0])
    return found


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_every_theme_string_is_translated(lang):
    with open(ROOT / f"theme/translations/{lang}/LC_MESSAGES/messages.po", "rb") as f:
        catalog = read_po(f, locale=lang)
    translated = {(m.id if isinstance(m.id, str) else m.id[0]) for m in catalog
                  if m.id and not m.fuzzy and (all(m.string) if isinstance(m.string, tuple) else m.string)}
    missing = template_strings() - translated
    assert not missing, f"untranslated in {lang}: {sorted(missing)}"
    assert len(translated) >= 50


def test_untranslated_string_stops_the_build(tmp_path):
    from i18n.localizer import UntranslatedStrings, localizers

    po = tmp_path / "nl/LC_MESSAGES/messages.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid "Home"\nmsgstr "Home"\n\nmsgid "Skills"\nmsgstr ""\n\n#, fuzzy\nmsgid "Cost"\nmsgstr "Kost"\n')
    settings = {"LANGUAGES": {"nl": {"locale": "nl_BE"}}, "TRANSLATIONS_PATH": str(tmp_path)}
    with pytest.raises(UntranslatedStrings) as raised:
        localizers(settings)
    assert str(raised.value).splitlines() == [
        f'{po}:4: "Skills" is not translated: write its translation',
        f'{po}:8: "Cost" is fuzzy: check it and remove the fuzzy flag',
    ]


def test_collation_sorts_accents_ligatures_and_case_as_readers_expect():
    from i18n.collation import capitalize, initial, sort_key

    words = ["Zoologiste", "électricien", "Ébéniste", "eboueur", "œnologue", "Opticien", "ébéniste", "Ecrivain"]
    assert sorted(words, key=sort_key) == ["ébéniste", "Ébéniste", "eboueur", "Ecrivain", "électricien",
                                           "œnologue", "Opticien", "Zoologiste"]
    dutch = ["Jurist", "IJzervlechter", "Imker", "Informaticus", "ijsverkoper"]
    assert sorted(dutch, key=sort_key) == ["ijsverkoper", "IJzervlechter", "Imker", "Informaticus", "Jurist"]
    assert initial("Éducateur") == "E" and initial("IJzervlechter") == "I" and initial("3D-ontwerper") == "#"
    assert capitalize("ijzervlechter", ("ij",)) == "IJzervlechter" and capitalize("ébéniste") == "Ébéniste"


@pytest.mark.parametrize("lang,page_path", [("fr", "fr/repertoire-des-metiers.html"),
                                            ("nl", "nl/beroepenrepertorium.html")])
def test_a_to_z_is_in_the_collation_of_the_language(site, catalogue, lang, page_path):
    from i18n.collation import initial, sort_key

    source = (site / page_path).read_text(encoding="utf-8")
    titles_in_page = [parse_title for parse_title in _profession_links(source)]
    expected = sorted((p.full_title(lang) for p in catalogue.professions.values()), key=sort_key)
    assert [t.casefold() for t in titles_in_page] == [t.casefold() for t in expected]
    letters = re.findall(r'<h2 id="letter-(.)">', source)
    assert letters == sorted(set(letters)) and len(letters) >= 10, "one heading per letter, in order"
    assert letters == sorted({initial(p.title[lang]) for p in catalogue.professions.values()})


def _profession_links(source):
    groups = re.findall(r'<section class="letter-group".*?</section>', source, flags=re.S)
    return [re.sub(r"<[^>]+>", "", m).strip() for g in groups for m in re.findall(r'<li><a href="[^"]+">(.*?)</a>', g)]


def test_third_language_needs_settings_catalog_and_content_only(tmp_path):
    """English added as configuration + catalog + content: the build works with no code change."""
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", "output", ".git", "tests", "__pycache__"))
    add_english(project)
    script = ("import sys; sys.path.insert(0, '.'); import tasks; "
              "tasks.build_site(settings_file='pelicanconf_en.py', output='output')")
    result = subprocess.run([sys.executable, "-c", script], cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    out = project / "output"
    home = parse(out / "en/index.html")
    assert home.lang == "en" and "Skip to main content" in home.text
    assert set(home.switcher) == {"fr", "nl"} and set(home.alternates) == {"fr", "nl", "en"}
    assert (out / "en/jobs/boulanger.html").is_file()
    assert "en" in parse(out / "fr/index.html").switcher
    assert "English" in parse(out / "index.html").text


def add_english(project):
    """What an editor would do: a settings file, a catalog, content, and English in the data."""
    import yaml

    (project / "pelicanconf_en.py").write_text(
        "from pelicanconf import *\n"
        "LANGUAGES = dict(LANGUAGES, en={'locale': 'en_GB', 'name': 'English',"
        " 'sections': {'profession': 'jobs', 'training': 'training', 'theme': 'topics',"
        " 'activity': 'events', 'browse': 'browse'}})\n"
        "CENTRE = {k: dict(v, en=v['fr']) for k, v in CENTRE.items()}\n"
        "JOB_BOARDS = [dict(b, url=dict(b['url'], en=b['url']['fr'])) for b in JOB_BOARDS]\n")
    po = project / "theme/translations/en/LC_MESSAGES/messages.po"
    po.parent.mkdir(parents=True)
    with open(project / "theme/translations/fr/LC_MESSAGES/messages.po", "rb") as f:
        catalog = read_po(f, locale="en")
    for message in catalog:
        if message.id:
            message.string = message.id if isinstance(message.id, str) else message.id
    from babel.messages.pofile import write_po
    with open(po, "wb") as f:
        write_po(f, catalog)
    shutil.copytree(project / "content/fr", project / "content/en")
    for data_file in (project / "data").glob("*.yaml"):
        document = yaml.safe_load(data_file.read_text(encoding="utf-8"))
        data_file.write_text(yaml.safe_dump(_with_english(document), allow_unicode=True), encoding="utf-8")


def _with_english(node):
    if isinstance(node, dict):
        node = {k: _with_english(v) for k, v in node.items()}
        if "fr" in node and "nl" in node and "en" not in node:
            node["en"] = node["fr"]
        return node
    if isinstance(node, list):
        return [_with_english(v) for v in node]
    return node
