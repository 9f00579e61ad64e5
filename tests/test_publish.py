"""`invoke publish`: the bundled site publishes; broken outputs are refused with a message naming
the page; the offline zip works from file:// in Chromium; two publications give the same bytes."""
import hashlib
import json
import re
import shutil
import xml.etree.ElementTree as ET
import zipfile
from datetime import date
from fnmatch import fnmatchcase
from pathlib import Path

import pytest

import tasks
from htmlpages import all_pages, parse
from publish import PublicationFailed, check_output
from publish.validator import invalid_html

DAY = date(2026, 3, 3)
VERSION_LINES = {"fr": "Version du 3 mars 2026", "nl": "Versie van 3 maart 2026"}
WEB = "https://metiers.brussels"


def publish_into(folder):
    """A publication of the bundled site dated DAY into folder/output and folder/dist."""
    return tasks.publish_site(folder / "output", folder / "dist", DAY, progress=lambda line: None)


@pytest.fixture(scope="module")
def publication(tmp_path_factory):
    return publish_into(tmp_path_factory.mktemp("publication"))


@pytest.fixture(scope="module")
def web(publication):
    return publication.output


@pytest.fixture(scope="module")
def publish_settings():
    return tasks.publication_settings(DAY)[0]


@pytest.fixture(scope="module")
def offline(publication, tmp_path_factory):
    """The offline zip unpacked into a temporary folder: the copy a visitor opens from a USB stick."""
    folder = tmp_path_factory.mktemp("usb")
    with zipfile.ZipFile(publication.zip_path) as archive:
        archive.extractall(folder)
    return folder / f"metiers-brussels-{DAY.isoformat()}"


def files_of(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(Path(root).rglob("*")) if p.is_file()}


# -- the publication of the bundled site


def test_bundled_site_publishes_web_version_and_offline_zip(publication, web):
    assert publication.zip_path.name == "metiers-brussels-2026-03-03.zip"
    assert publication.pages["fr"] == publication.pages["nl"] > 100
    for name in ("index.html", "404.html", "sitemap.xml", "robots.txt", "MANIFEST.sha256"):
        assert (web / name).is_file(), name
    summary = publication.summary()
    assert f"{publication.pages['fr']} in fr, {publication.pages['nl']} in nl" in summary
    assert "HTML validity (vnu)" in summary and "MB" in summary


def test_manifest_lists_every_file_with_its_sha256(web):
    lines = (web / "MANIFEST.sha256").read_text(encoding="utf-8").splitlines()
    listed = dict(reversed(line.split("  ", 1)) for line in lines)
    on_disk = {name for name in files_of(web) if name != "MANIFEST.sha256"}
    assert set(listed) == on_disk
    for name, digest in listed.items():
        assert hashlib.sha256((web / name).read_bytes()).hexdigest() == digest, name


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_every_page_gives_its_version_date_in_its_language_and_links_to_the_web(web, lang):
    for page in all_pages(web / lang):
        assert VERSION_LINES[lang] in page.text, page.path
        own = page.path.relative_to(web).as_posix()
        assert ("a", "href", f"{WEB}/{own}") in page.links, f"{page.path}: no link to its web version"
        assert ("link", "href", f"{WEB}/{own}") in page.links, f"{page.path}: no canonical link"
    root = parse(web / "index.html")
    assert all(line in root.text for line in VERSION_LINES.values())


def test_sitemap_lists_every_page_with_its_counterparts_and_robots_points_to_it(web):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = ET.parse(web / "sitemap.xml").getroot().findall("s:url", ns)
    pages = {p.relative_to(web).as_posix() for lang in ("fr", "nl") for p in (web / lang).rglob("*.html")}
    assert {u.find("s:loc", ns).text for u in urls} == {f"{WEB}/{p}" for p in pages}
    for url in urls:
        alternates = {a.get("hreflang"): a.get("href") for a in url.findall("x:link", ns)}
        assert set(alternates) == {"fr", "nl"}
        assert all((web / href[len(WEB) + 1:]).is_file() for href in alternates.values())
    assert f"Sitemap: {WEB}/sitemap.xml" in (web / "robots.txt").read_text(encoding="utf-8")


def test_404_page_speaks_both_languages_with_links_that_work_at_any_address(web):
    page = parse(web / "404.html")
    assert "Page introuvable" in page.text and "Pagina niet gevonden" in page.text
    assert all(value.startswith(WEB + "/") for tag, attr, value in page.links), page.links


# -- broken outputs are refused, each with a message naming the page


def broken_copy(web, tmp_path, path, old, new):
    copy = tmp_path / "output"
    shutil.copytree(web, copy)
    file = copy / path
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    return copy


@pytest.mark.parametrize("path,old,new,expected", [
    ("fr/metiers/boulanger.html", 'href="../../fr/formations.html"', 'href="../../fr/formation.html"',
     "fr/metiers/boulanger.html: dead link: ../../fr/formation.html"),
    ("nl/beroepen/bakker.html", 'href="#main"', 'href="#hoofd"',
     "nl/beroepen/bakker.html: dead anchor: #hoofd"),
    ("fr/themes/se-former.html", "</main>", '<img src="https://cdn.example.com/a.png" alt="a"></main>',
     "fr/themes/se-former.html: <img> loads https://cdn.example.com/a.png from another host"),
    ("fr/index.html", "</head>", '<link rel="preconnect" href="https://fonts.example.com"></head>',
     "fr/index.html: <link> loads https://fonts.example.com from another host"),
    ("nl/index.html", "</body>", "<script>alert(1)</script></body>",
     "nl/index.html: 1 inline <script>"),
    ("fr/index.html", "<body", '<body onload="go()"', "fr/index.html: inline event handler (onload)"),
    ("theme/js/search.js", '"use strict";', '"use strict"; localStorage.setItem("q", "1");',
     "theme/js/search.js:*: uses localStorage"),
    ("nl/beroepen/bakker.html", '<html lang="nl">', '<html lang="fr">',
     "nl/beroepen/bakker.html: <html lang=\"fr\"> in the 'nl' folder"),
])
def test_a_broken_output_is_refused_naming_the_page(web, publish_settings, tmp_path, path, old, new, expected):
    problems = check_output(broken_copy(web, tmp_path, path, old, new), publish_settings)
    assert any(fnmatchcase(p, f"{expected}*") for p in problems), problems


def test_a_page_without_its_counterpart_is_refused(web, publish_settings, tmp_path):
    copy = tmp_path / "output"
    shutil.copytree(web, copy)
    (copy / "nl/beroepen/bakker.html").unlink()
    problems = check_output(copy, publish_settings)
    assert any(p.startswith("fr/metiers/boulanger.html: no counterpart in 'nl'") for p in problems), problems


def test_a_wrong_switcher_and_a_copied_title_are_refused(web, publish_settings, tmp_path):
    copy = broken_copy(web, tmp_path, "fr/metiers/boulanger.html", 'hreflang="nl" lang="nl"',
                       'hreflang="nl" lang="nl" data-x')
    page = copy / "fr/metiers/boulanger.html"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace('href="../../nl/beroepen/bakker.html" hreflang="nl" lang="nl" data-x',
                                 'href="../../nl/index.html" hreflang="nl" lang="nl"'), encoding="utf-8")
    title = parse(copy / "fr/metiers/patissier.html").title
    text = (copy / "fr/metiers/macon.html").read_text(encoding="utf-8")
    (copy / "fr/metiers/macon.html").write_text(text.replace(parse(copy / "fr/metiers/macon.html").title, title),
                                                encoding="utf-8")
    problems = check_output(copy, publish_settings)
    assert any(p.startswith("fr/metiers/boulanger.html: the language switcher to 'nl' should lead to "
                            "nl/beroepen/bakker.html") for p in problems), problems
    assert any(p.startswith("fr/metiers/patissier.html: same <title> as fr/metiers/macon.html")
               or p.startswith("fr/metiers/macon.html: same <title> as fr/metiers/patissier.html")
               for p in problems), problems


def test_invalid_html_is_refused_by_the_validator_naming_the_page(web, tmp_path):
    copy = broken_copy(web, tmp_path, "fr/infos-pratiques.html", "</main>", "<p><div></p></main>")
    problems = invalid_html(copy, [copy / "fr/infos-pratiques.html"])
    assert problems and all(p.startswith("fr/infos-pratiques.html: line ") for p in problems), problems


def test_a_refused_publication_changes_nothing(tmp_path):
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("previous", encoding="utf-8")
    with pytest.raises(PublicationFailed, match="link to unknown"):
        tasks.publish_site(output, tmp_path / "dist", DAY, data=Path(__file__).parent / "fixtures/mini/data",
                           progress=lambda line: None)
    assert [p.name for p in output.iterdir()] == ["index.html"]
    assert not list(tmp_path.rglob("*.zip")) and not (tmp_path / "dist/.publication").exists()


# -- the offline copy, browsed from file://


def test_zip_is_the_web_version_without_its_web_only_files(publication, web, offline):
    names = zipfile.ZipFile(publication.zip_path).namelist()
    assert names == sorted(names[:-1]) + ["metiers-brussels-2026-03-03/MANIFEST.sha256"]
    unpacked, published = files_of(offline), files_of(web)
    assert set(published) - set(unpacked) == {"404.html", "robots.txt", "sitemap.xml"}
    assert {"open-data/metiers-fr.json", "open-data/metiers-nl.csv", "open-data/README-nl.md"} <= set(unpacked)
    assert all(unpacked[name] == published[name] for name in unpacked if name != "MANIFEST.sha256")


def test_offline_copy_is_browsed_from_disk_home_theme_profession_training_search_switch(offline, page):
    errors, outside = [], []
    page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith("file://") else None)
    page.goto((offline / "index.html").as_uri())
    for selector, landed in (('a[hreflang="fr"]', "/fr/index.html"), ('main a[href*="/themes/"]', "/fr/themes/"),
                             ('main a[href*="/metiers/"]', "/fr/metiers/"),
                             ('main a[href*="/formations/"]', "/fr/formations/")):
        page.click(selector)
        page.wait_for_load_state()
        assert landed in page.url, (selector, page.url)
        assert VERSION_LINES["fr"] in page.inner_text("footer")
    page.fill("[data-search-input]", "boulanger")
    page.wait_for_selector("[data-search-result]")
    page.click("[data-search-result]")
    page.wait_for_url("**/fr/metiers/boulanger.html")
    page.click('.languages a[hreflang="nl"]')
    page.wait_for_url("**/nl/beroepen/bakker.html")
    assert page.evaluate("document.documentElement.lang") == "nl"
    assert VERSION_LINES["nl"] in page.inner_text("footer")
    assert page.get_attribute("footer .version-line a", "href") == f"{WEB}/nl/beroepen/bakker.html"
    assert not errors, errors
    assert not outside, outside


def test_content_security_policy_blocks_inline_scripts_from_disk(offline, page, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(offline, copy)
    home = copy / "fr/index.html"
    home.write_text(home.read_text(encoding="utf-8").replace(
        "</body>", "<script>window.inlineRan = true</script></body>"), encoding="utf-8")
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(home.as_uri())
    assert page.evaluate("window.inlineRan === undefined")
    assert violations, "Chromium reports the blocked inline script"
    page.fill("[data-search-input]", "boulanger")
    page.wait_for_selector("[data-search-result]")  # the site's own scripts still run under the policy


# -- reproducibility


def test_two_publications_of_the_same_sources_are_identical(publication, tmp_path):
    again = publish_into(tmp_path)
    assert again.zip_path.read_bytes() == publication.zip_path.read_bytes()
    first, second = files_of(publication.output), files_of(again.output)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


# -- schema.org structured data

VOCABULARY = json.loads((Path(tasks.ROOT) / "plugins/publish/schema_org.json").read_text(encoding="utf-8"))
STRUCTURED = {"metiers": "Occupation", "beroepen": "Occupation", "formations": "Course",
              "opleidingen": "Course", "activites": "Event", "activiteiten": "Event"}


def json_ld(path):
    text = path.read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    return [json.loads(block) for block in blocks]


def schema_problems(item, where):
    """Every @type and property not in schema.org's vocabulary for that type (or its parents)."""
    kind, problems = item.get("@type"), []
    if kind not in VOCABULARY["types"]:
        return [f"{where}: unknown type {kind}"]
    lineage = [kind]
    while VOCABULARY["types"][lineage[-1]]:
        lineage.append(VOCABULARY["types"][lineage[-1]])
    for name, value in item.items():
        if name.startswith("@"):
            continue
        if not set(VOCABULARY["properties"].get(name, [])) & set(lineage):
            problems.append(f"{where}: {kind} has no property '{name}' in schema.org")
        for nested in value if isinstance(value, list) else [value]:
            if isinstance(nested, dict):
                problems += schema_problems(nested, f"{where} {name}")
    return problems


def test_profession_training_and_activity_pages_describe_themselves_with_schema_org(web):
    problems, seen = [], set()
    for page in sorted(web.glob("*/*/*.html")):
        expected = STRUCTURED.get(page.parent.name)
        if expected is None:
            continue
        items = [i for block in json_ld(page) for i in (block if isinstance(block, list) else [block])]
        where = page.relative_to(web).as_posix()
        assert items and {i["@type"] for i in items} == {expected}, where
        assert all(i["url"] == f"{WEB}/{where}" and i["@context"] == "https://schema.org" for i in items), where
        problems += [p for i in items for p in schema_problems(i, where)]
        seen.add(expected)
    assert seen == {"Occupation", "Course", "Event"}
    assert not problems, problems[:10]
