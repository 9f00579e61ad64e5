"""`invoke import-esco` on the official export's 200-occupation sample: what an editor relies on."""
import csv
import shutil
from pathlib import Path

import pytest
import yaml

import tasks
from importers.esco import import_esco, split_gender

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT.parent / "shared" / "esco" / "raw-sample"
MARITIME = "http://data.europa.eu/esco/occupation/0599d0e7-398f-464b-97bb-427686f27d50"


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    dest = tmp_path_factory.mktemp("esco") / "data"
    report = import_esco(SAMPLE, dest, ROOT / "data")
    return dest, report, yaml.safe_load((dest / "metiers.yaml").read_text(encoding="utf-8"))


def by_uri(entries, uri):
    return next(e for e in entries.values() if e.get("esco") == uri)


def test_counts(imported):
    dest, report, entries = imported
    assert len(report.added) == 200
    assert sum(1 for e in entries.values() if e.get("esco")) == 200
    bundled = yaml.safe_load((ROOT / "data/metiers.yaml").read_text(encoding="utf-8"))
    assert set(bundled) <= set(entries), "the editors' own professions stay"


def test_labels_synonyms_and_gender_forms(imported):
    _, _, entries = imported
    maritime = by_uri(entries, MARITIME)
    assert maritime["title"]["fr"] == "Instructeur maritime"
    assert maritime["title_feminine"] == {"fr": "Instructrice maritime"}
    assert maritime["isco"] == "2320"
    assert maritime["slug"]["fr"] == "instructeur-maritime"
    assert "instructeur maritime" not in maritime.get("other_names", {}).get("fr", [])
    assert maritime["description"]["fr"].startswith("Les instructeurs maritimes/instructrices maritimes forment")
    assert maritime["themes"] == ["travailler"] and len(maritime["esco_checksum"]) == 16


def test_quirks_are_cleaned(imported):
    _, _, entries = imported
    texts = [t for e in entries.values() if e.get("esco") for t in e["description"].values()]
    assert not any("\u00a0" in t or "\u200b" in t or t != t.strip() or "  " in t for t in texts)


def test_slash_inside_guillemets_is_not_a_gender_pair():
    label = "formateur «lutte contre l’illettrisme/français langue étrangère»/formatrice «lutte contre l’illettrisme/français langue étrangère»"
    assert split_gender(label) == ("formateur «lutte contre l’illettrisme/français langue étrangère»",
                                   "formatrice «lutte contre l’illettrisme/français langue étrangère»")
    assert split_gender("chauffeur/verhuizer") == ("chauffeur/verhuizer", None)
    assert split_gender("développeur/développeuse de logiciels cloud") == (
        "développeur de logiciels cloud", "développeuse de logiciels cloud"), "the words after both forms are shared"


def test_reimport_is_idempotent_and_keeps_editors_changes(imported, tmp_path):
    dest, _, entries = imported
    copy = tmp_path / "data"
    shutil.copytree(dest, copy)
    edited = by_uri(entries, MARITIME)
    path = copy / "metiers.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Instructeur maritime\n", "Instructeur de navigation\n", 1), encoding="utf-8")
    report = import_esco(SAMPLE, copy, ROOT / "data")
    assert report.added == [] and report.changed_upstream == [] and report.withdrawn_upstream == []
    assert len(report.unchanged) == 199
    after = yaml.safe_load(path.read_text(encoding="utf-8"))
    kept = by_uri(after, MARITIME)
    assert report.kept_because_edited == [next(i for i, e in after.items() if e is kept)]
    assert kept["title"]["fr"] == "Instructeur de navigation" and edited["title"]["fr"] == "Instructeur maritime"


def test_upstream_changes_and_withdrawals_are_reported(imported, tmp_path):
    dest, _, entries = imported
    release = tmp_path / "release"
    shutil.copytree(SAMPLE, release)
    fr = release / "occupations_fr.csv"
    with open(fr, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    rows = [r for r in rows if r["conceptUri"] != rows[0]["conceptUri"]]  # withdrawn upstream
    for row in rows:
        if row["conceptUri"] == MARITIME:
            row["preferredLabel"] = "instructeur nautique/instructrice nautique"
    with open(fr, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    copy = tmp_path / "data"
    shutil.copytree(dest, copy)
    report = import_esco(release, copy, ROOT / "data")
    changed = yaml.safe_load((copy / "metiers.yaml").read_text(encoding="utf-8"))
    assert by_uri(changed, MARITIME)["title"]["fr"] == "Instructeur nautique"
    assert len(report.changed_upstream) == 1 and len(report.withdrawn_upstream) == 1


def test_imported_data_passes_the_checks_and_builds(imported, tmp_path):
    dest, _, _ = imported
    report, failed = tasks.check_content(data=str(dest))
    assert not failed, report
    out = tasks.build_site(data=dest, output=tmp_path / "out")
    page = (out / "fr/metiers/instructeur-maritime.html").read_text(encoding="utf-8")
    assert "Instructeur maritime / Instructrice maritime" in page
    assert "ESCO, © Union européenne" in page
    nl = (out / "nl/beroepen/instructeur-scheepvaart.html").read_text(encoding="utf-8")
    assert "Benamingen en beschrijving: ESCO, © Europese Unie." in nl and "instructeur maritieme vorming" in nl


def test_browsing_at_scale_by_letter_and_isco_group(imported, tmp_path):
    """With small listing parts, as with thousands of professions: letters, ISCO groups, pagination."""
    from htmlpages import parse

    dest, _, _ = imported
    out = tasks.build_site(data=dest, output=tmp_path / "out", extra={"BROWSE_PAGE_SIZE": 10})
    az = parse(out / "fr/repertoire-des-metiers.html")
    assert "letter-group" not in (out / "fr/repertoire-des-metiers.html").read_text(encoding="utf-8"), "too many for one page"
    letter_links = [v for t, a, v in az.links if "parcourir/" in v and "isco" not in v]
    assert "parcourir/a.html" in letter_links[0] and len(letter_links) >= 20
    part_two = parse(out / "fr/parcourir/a-2.html")
    assert "Métiers commençant par A (2/" in part_two.title
    assert part_two.switcher["nl"].endswith("bladeren/a-2.html")
    sector = parse(out / "nl/bladeren/isco-2.html")
    assert "Beroepen: Intellectuele en wetenschappelijke beroepen" in sector.title
    group = parse(out / "fr/parcourir/isco-23.html")
    assert "Métiers : Enseignement" in group.title and "Instructeur maritime / Instructrice maritime" in group.text
    theme = parse(out / "fr/themes/travailler.html")
    assert any(v.endswith("parcourir/theme-travailler.html") for t, a, v in theme.links)
    assert max(p.stat().st_size for p in out.rglob("*.html")) < 200_000


def test_related_professions_from_esco_relations_and_isco_unit_group(imported, tmp_path):
    from htmlpages import parse

    dest, _, entries = imported
    child, parent = next((i, e["related"][0]) for i, e in entries.items() if e.get("related"))
    assert child in entries[parent]["related"], "relations go both ways"
    out = tasks.build_site(data=dest, output=tmp_path / "out")
    page = parse(out / "fr/metiers" / f"{entries[child]['slug']['fr']}.html")
    assert any(v.endswith(f"metiers/{entries[parent]['slug']['fr']}.html") for t, a, v in page.links)
    # a bundled profession is related to the ESCO occupations of its ISCO unit group
    own = next(e for e in entries.values() if not e.get("esco") and e.get("isco") == "2635")
    siblings = [e for e in entries.values() if e.get("esco") and e.get("isco") == "2635"]
    assert len(siblings) >= 3
    own_page = parse(out / "fr/metiers" / f"{own['slug']['fr']}.html")
    assert all(any(v.endswith(f"metiers/{e['slug']['fr']}.html") for t, a, v in own_page.links) for e in siblings[:3])
