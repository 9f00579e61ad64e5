"""The built site as a visitor meets it: pages in both languages, links, counterparts, content."""
import re
from pathlib import Path

import pytest

from htmlpages import all_pages, parse

EXTERNAL = re.compile(r"^(https?:)?//")


@pytest.fixture(scope="module")
def pages(site):
    return all_pages(site)


def test_root_offers_both_languages_without_redirect(site):
    root = parse(site / "index.html")
    assert "Cité des métiers de Bruxelles" in root.text and "Beroepenpunt Brussel" in root.text
    assert "Français" in root.text and "Nederlands" in root.text
    assert root.switcher == {"fr": "./fr/index.html", "nl": "./nl/index.html"}
    assert "refresh" not in (site / "index.html").read_text().lower(), "no redirect: both languages are offered"


def test_home_presents_the_centre(site):
    fr, nl = parse(site / "fr/index.html"), parse(site / "nl/index.html")
    for page, words in ((fr, ["Astronomie", "Madou", "gratuit", "anonyme", "S'orienter", "Bouger"]),
                        (nl, ["Sterrenkundelaan", "Madou", "gratis", "anoniem", "Kiezen", "Bewegen"])):
        for word in words:
            assert word.lower() in page.text.lower(), f"{page.path.name} ({page.lang}) lacks '{word}'"


def test_every_internal_link_and_asset_resolves_to_a_file(pages):
    broken = [f"{p.path}: {value}" for p in pages for tag, attr, value in p.links
              if not EXTERNAL.match(value) and not value.startswith(("#", "mailto:", "tel:"))
              and not p.resolve(value).is_file()]
    assert not broken, "\n".join(broken[:20])


def test_links_work_from_disk(pages):
    """Relative links ending in .html (or an asset): never '/' (a folder listing on file://)."""
    bad = [f"{p.path}: {value}" for p in pages for tag, attr, value in p.links
           if tag == "a" and not EXTERNAL.match(value) and not value.startswith(("#", "mailto:"))
           and not value.split("#")[0].endswith((".html", ".ics", ".atom", ".json", ".csv", ".md"))]
    assert not bad, "\n".join(bad[:20])


def test_no_asset_from_another_host(pages):
    bad = [f"{p.path}: <{tag} {attr}={value}>" for p in pages for tag, attr, value in p.links
           if EXTERNAL.match(value) and not (tag == "a")]
    assert not bad, "\n".join(bad[:20])


def test_every_page_lands_on_its_counterpart_and_back(site, pages):
    for page in pages:
        if page.path == site / "index.html":
            continue
        assert page.lang in ("fr", "nl"), page.path
        other = "nl" if page.lang == "fr" else "fr"
        assert other in page.switcher, f"{page.path} has no link to its {other} version"
        counterpart = parse(page.resolve(page.switcher[other]))
        assert counterpart.lang == other
        assert counterpart.resolve(counterpart.switcher[page.lang]) == page.path.resolve(), page.path
        assert page.alternates[other] == page.switcher[other]


def test_pages_exist_for_every_record_in_both_languages(site, catalogue):
    for record in catalogue.records():
        for lang in ("fr", "nl"):
            assert (site / record.urls[lang]).is_file(), f"{record.id} ({lang})"
    assert len(catalogue.professions) >= 30
    assert len(catalogue.trainings) >= 20


def test_localised_addresses(site):
    assert (site / "fr/metiers/boulanger.html").is_file()
    assert (site / "nl/beroepen/bakker.html").is_file()


def test_profession_and_training_link_each_other(site, catalogue):
    profession = catalogue.professions["boulanger"]
    training = profession.trainings[0]
    for lang in ("fr", "nl"):
        page = parse(site / profession.urls[lang])
        targets = {page.resolve(v) for t, a, v in page.links if t == "a"}
        assert (site / training.urls[lang]).resolve() in targets
        back = parse(site / training.urls[lang])
        assert (site / profession.urls[lang]).resolve() in {back.resolve(v) for t, a, v in back.links if t == "a"}


def test_profession_page_shows_what_a_visitor_looks_for(site):
    page = parse(site / "fr/metiers/infirmier.html")
    for label in ("En quoi consiste ce métier ?", "Compétences", "Conditions de travail", "Comment y accéder ?",
                  "Vous avez un diplôme étranger ?", "Langues demandées à Bruxelles", "Offres d’emploi",
                  "Métiers proches", "Profession réglementée", "Fonction critique à Bruxelles", "Besoin d’un conseil ?"):
        assert label in page.text, label
    assert any("actiris.brussels" in v and "Infirmier" in v for t, a, v in page.links)
    nl = parse(site / "nl/beroepen/verpleegkundige.html")
    for label in ("Wat doe je in dit beroep?", "Vaardigheden", "Heb je een buitenlands diploma?", "Vacatures",
                  "Knelpuntberoep in Brussel", "Gereglementeerd beroep"):
        assert label in nl.text, label


def test_masculine_and_feminine_titles(site):
    assert "Boulanger / Boulangère" in parse(site / "fr/metiers/boulanger.html").title


def test_theme_page_lists_its_professions_and_trainings(site, catalogue):
    theme = catalogue.themes["se-former"]
    page = parse(site / theme.urls["nl"])
    targets = {page.resolve(v) for t, a, v in page.links if t == "a"}
    for record in theme.professions + theme.trainings:
        assert (site / record.urls["nl"]).resolve() in targets, record.id


def test_training_page_formats_duration_and_cost_per_locale(site, catalogue):
    free = next(t for t in catalogue.trainings.values() if t.cost == 0)
    assert "Gratuit" in parse(site / free.urls["fr"]).text
    assert "Gratis" in parse(site / free.urls["nl"]).text
    paid = next(t for t in catalogue.trainings.values() if t.cost >= 1000)
    thousands = f"{int(paid.cost) // 1000}\u202f{int(paid.cost) % 1000:03d}"
    assert f"{thousands}\u00a0€" in (site / paid.urls["fr"]).read_text(encoding="utf-8")  # '1 200 €', no decimals
    assert f"€\u00a0{thousands.replace(chr(0x202f), '.')}" in (site / paid.urls["nl"]).read_text(encoding="utf-8")  # '€ 1.200'


def test_statements_exist_in_both_languages(site):
    for path in ("fr/accessibilite.html", "nl/toegankelijkheid.html", "fr/vie-privee.html", "nl/privacy.html"):
        assert (site / path).is_file(), path
    assert "cookie" in parse(site / "fr/vie-privee.html").text.lower()


def test_no_cookie_storage_or_script_from_anywhere(pages):
    for page in pages:
        source = page.path.read_text(encoding="utf-8")
        assert "document.cookie" not in source and "localStorage" not in source and "sessionStorage" not in source


def test_open_data_export_in_each_language(site, catalogue):
    import csv
    import json

    for lang in ("fr", "nl"):
        document = json.loads((site / f"open-data/metiers-{lang}.json").read_text(encoding="utf-8"))
        assert document["language"] == lang and document["licence"].startswith("CC BY 4.0")
        assert len(document["professions"]) == len(catalogue.professions)
        baker = next(p for p in document["professions"] if p["id"] == "boulanger")
        assert baker["page"] == catalogue.professions["boulanger"].urls[lang] and (site / baker["page"]).is_file()
        with open(site / f"open-data/metiers-{lang}.csv", newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        assert [r["id"] for r in rows] == [p["id"] for p in document["professions"]]
        assert rows[0]["other_names"] == " | ".join(document["professions"][0]["other_names"])
        readme = (site / f"open-data/README-{lang}.md").read_text(encoding="utf-8")
        assert f"`metiers-{lang}.csv`" in readme and "`isco`" in readme and document["version"][:4] in readme
    assert "Version du " in (site / "open-data/README-fr.md").read_text(encoding="utf-8")
    assert "Versie van " in (site / "open-data/README-nl.md").read_text(encoding="utf-8")
