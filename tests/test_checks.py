"""Bad input never ships: each editor's mistake is reported as `file:line: message`, all at once."""
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import tasks

ROOT = Path(__file__).resolve().parent.parent
MINI = Path(__file__).parent / "fixtures" / "mini"


def check(project, strict=False):
    """(errors and warnings as printed, one per line) of `invoke check` on a project folder."""
    from checks import check_site
    from pelican.settings import read_settings
    from site_settings import check_settings

    settings = check_settings(read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(project / "content"), "DATA_PATH": str(project / "data"),
        "SCHEMA_PATH": str(ROOT / "schema"), "TRANSLATIONS_PATH": str(project / "translations"),
        "STRICT_CHECKS": strict}))
    return check_site(settings)[1]


@pytest.fixture
def project(tmp_path):
    """A copy of the tiny valid site of tests/fixtures/mini, with the theme's catalogs."""
    shutil.copytree(MINI, tmp_path / "mini")
    shutil.copytree(ROOT / "theme/translations", tmp_path / "mini/translations")
    return tmp_path / "mini"


def edit(project, name, old, new):
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_fixture_is_clean(project):
    assert check(project).items == []


BOULANGER = "data/metiers.yaml"
CASES = {
    "yaml syntax": (BOULANGER, "  title: {fr: Boulanger, nl: Bakker}", "  title: {fr: Boulanger, nl: Bakker",
                    ["data/metiers.yaml:4: YAML syntax error at column 17: did not find expected ',' or '}'; "
                     "check the indentation and quotes"]),
    "tab indentation": (BOULANGER, "  level: lower-secondary\n  trainings: [boulangerie]\n  regulated: false\n  languages: [fr, nl]",
                        "\tlevel: lower-secondary\n  trainings: [boulangerie]\n  regulated: false\n  languages: [fr, nl]",
                        ["data/metiers.yaml:10: tab used for indentation: indent with spaces"]),
    "duplicate key": (BOULANGER, "  languages: [fr, nl]\n", "  languages: [fr, nl]\n  languages: [fr]\n",
                      ["data/metiers.yaml:14: duplicate key 'languages' (first given on line 13): keep only one"]),
    "duplicate key lower down": (BOULANGER, "  languages: [fr]\n", "  languages: [fr]\n  languages: [nl]\n",
                                 ["data/metiers.yaml:29: duplicate key 'languages' (first given on line 28): keep only one"]),
    "unknown field": (BOULANGER, "  working_conditions: {fr: Tôt le matin.", "  working_condition: {fr: Tôt le matin.",
                      ["data/metiers.yaml:8: profession 'boulanger': working_condition: unknown field 'working_condition'; "
                       "did you mean 'working_conditions'? (allowed: slug, title, title_feminine, other_names, summary, "
                       "description, tasks, skills, working_conditions, access, level, trainings, regulated, regulation, "
                       "foreign_diploma, languages, shortage, related, themes, isco, esco, esco_checksum)"]),
    "missing field": (BOULANGER, "  regulated: false\n  languages: [fr, nl]", "  languages: [fr, nl]",
                      ["data/metiers.yaml:1: profession 'boulanger': missing required field 'regulated': add it"]),
    "not described yet": (BOULANGER, "  access: {fr: Une formation., nl: Een opleiding.}\n", "",
                          ["data/metiers.yaml:1: warning: profession 'boulanger': not described yet: write access"]),
    "wrong type": (BOULANGER, "  shortage: false\n  related", "  shortage: yes please\n  related",
                   ["data/metiers.yaml:14: profession 'boulanger': shortage: expected boolean, got str 'yes please'"]),
    "value not allowed": ("data/trainings.yaml", "  kind: vocational-training", "  kind: evening-class",
                          ["data/trainings.yaml:5: training 'boulangerie': kind: 'evening-class' is not allowed "
                           "(allowed: vocational-training, adult-education, dual, secondary, bachelor, master, short-course)"]),
    "missing language": (BOULANGER, "  title: {fr: Boulanger, nl: Bakker}", "  title: {fr: Boulanger}",
                         ["data/metiers.yaml:3: profession 'boulanger': title: missing in 'nl': add `nl: ...`"]),
    "duplicate slug": (BOULANGER, "  slug: {fr: patissier, nl: banketbakker}", "  slug: {fr: boulanger, nl: banketbakker}",
                       ["data/metiers.yaml:17: profession 'patissier': slug 'boulanger' (fr) is already used by "
                        "'boulanger' (data/metiers.yaml:1): choose another"]),
    "slug characters": (BOULANGER, "  slug: {fr: boulanger, nl: bakker}", "  slug: {fr: Boulanger_Artisan, nl: bakker}",
                        ["data/metiers.yaml:2: profession 'boulanger': slug.fr: 'Boulanger_Artisan' has a wrong form: "
                         "Identifier of an entry: lower-case letters, digits and hyphens, the same in every language (e.g. 'boulanger')."]),
    "unknown training": (BOULANGER, "  trainings: [boulangerie]\n  regulated: false\n  languages: [fr, nl]",
                         "  trainings: [boulangeri]\n  regulated: false\n  languages: [fr, nl]",
                         ["data/metiers.yaml:1: profession 'boulanger': trainings: unknown training 'boulangeri' "
                          "(known: 'boulangerie'); did you mean 'boulangerie'?"]),
    "unknown profession from a training": ("data/trainings.yaml", "  themes: [bouger]", "  themes: [bouger]\n  professions: [boulangr]",
                                           ["data/trainings.yaml:1: training 'boulangerie': professions: unknown profession "
                                            "'boulangr' (known: 'boulanger', 'patissier'); did you mean 'boulanger'?"]),
    "unknown theme": ("data/trainings.yaml", "  themes: [bouger]", "  themes: [bougre]",
                      ["data/trainings.yaml:1: training 'boulangerie': themes: unknown theme 'bougre' (known: 'bouger'); "
                       "did you mean 'bouger'?"]),
    "unknown provider": ("data/trainings.yaml", "  provider: bruxelles-formation", "  provider: bruxelles-formatoin",
                         ["data/trainings.yaml:1: training 'boulangerie': provider: unknown provider 'bruxelles-formatoin' "
                          "(known: 'bruxelles-formation'); did you mean 'bruxelles-formation'?"]),
    "front matter key": ("content/fr/pages/home.md", "Title: Accueil", "Titel: Accueil",
                         ["content/fr/pages/home.md:1: missing 'Title:' line at the top of the file (metadata lines, "
                          "then an empty line, then the text)",
                          "content/fr/pages/home.md:1: unknown metadata 'Titel'; did you mean 'title'?"]),
    "front matter template": ("content/nl/pages/home.md", "Template: home", "Template: hom",
                              ["content/nl/pages/home.md:1: unknown template 'hom'; did you mean 'home'?"]),
    "metadata in prose": ("content/fr/themes/bouger.md", "## Partir", "Summary: Partir\n\n## Partir",
                          ["content/fr/themes/bouger.md:1: unknown metadata 'Summary': this file takes no metadata lines"]),
    "internal link": ("content/fr/pages/home.md", "({profession}boulanger)", "({profession}boulangr)",
                      ["content/fr/pages/home.md:6: link to unknown profession 'boulangr'; did you mean 'boulanger'?: "
                       "write the id of an entry, e.g. ({profession}boulanger)"]),
    "image without alt": ("content/fr/pages/home.md", "Voir le", "![]({image}accueil.gif)\n\nVoir le",
                          ["content/fr/pages/home.md:6: image without alternative text: describe it between the brackets: "
                           "![what it shows](...)"]),
    "missing image": ("content/fr/pages/home.md", "Voir le", "![Le comptoir]({image}comptoir.jpg)\n\nVoir le",
                      ["content/fr/pages/home.md:6: image file missing: content/images/comptoir.jpg: add it or fix the name"]),
    "link not https": ("content/nl/pages/home.md", "Zie de", "Zie [Actiris](http://www.actiris.brussels) en de",
                       ["content/nl/pages/home.md:6: link is not https (http://www.actiris.brussels): use the https:// address"]),
    "image from another host": ("content/fr/pages/home.md", "Voir le", "![Logo](https://example.org/logo.png)\n\nVoir le",
                                ["content/fr/pages/home.md:6: embedded img from another host (https://example.org/logo.png): "
                                 "visitors' browsers would contact it; save the file in content/images/ and write "
                                 "{image}name, or link to the page instead"]),
    "iframe from another host": ("content/fr/pages/home.md", "Voir le", '<iframe src="https://video.example/x"></iframe>\n\nVoir le',
                                 ["content/fr/pages/home.md:6: embedded iframe from another host (https://video.example/x): "
                                  "visitors' browsers would contact it; save the file in content/images/ and write "
                                  "{image}name, or link to the page instead"]),
    "raw script": ("content/nl/pages/home.md", "Zie de", "<script>alert(1)</script>\n\nZie de",
                   ["content/nl/pages/home.md:6: raw <script> in content: remove it (content may not run scripts)"]),
    "mojibake": (BOULANGER, "{fr: Il fait le pain.", "{fr: Il fait le pÃ¢tÃ©.",
                 ["data/metiers.yaml:5: garbled characters 'Ã¢' (text saved in the wrong encoding): retype the accented "
                  "letters, e.g. 'é' for 'Ã©'"]),
    "not NFC": (BOULANGER, "{fr: Boulangère", "{fr: Boulange\u0300re",
                ["data/metiers.yaml:4: text not in Unicode NFC (an accent typed as a separate character): retype the "
                 "accented letters"]),
    "not NFC in Markdown": ("content/nl/themes/bouger.md", "Een taal", "Een ide\u0301e en een taal",
                            ["content/nl/themes/bouger.md:3: text not in Unicode NFC (an accent typed as a separate "
                             "character): retype the accented letters"]),
}


@pytest.mark.parametrize("name", CASES)
def test_each_mistake_is_reported_with_file_line_and_fix(project, name):
    path, old, new, expected = CASES[name]
    edit(project, path, old, new)
    assert [str(p) for p in sorted(check(project).items)] == expected


def test_text_not_utf8(project):
    path = project / BOULANGER
    path.write_bytes(path.read_bytes().replace("Tôt le matin".encode(), "Tôt le matin".encode("latin-1")))
    (project / "content/fr/pages/home.md").write_bytes("Title: Caf\xe9\n".encode("latin-1"))
    assert [str(p) for p in sorted(check(project).items)] == [
        "content/fr/pages/home.md:1: text is not UTF-8: save the file as UTF-8",
        "data/metiers.yaml:8: text is not UTF-8: save the file as UTF-8"]


def test_markdown_without_data_entry_and_entry_without_markdown(project):
    for lang in ("fr", "nl"):
        (project / f"content/{lang}/themes/bouger.md").rename(project / f"content/{lang}/themes/voyager.md")
    assert [str(p) for p in sorted(check(project).items)] == [
        "content/fr/themes/voyager.md:1: no theme 'voyager' in data/themes.yaml; did you mean 'bouger'?: rename the file after an id of "
        "data/themes.yaml, or add the entry",
        "data/themes.yaml:2: theme 'bouger': its text is missing: create content/<lang>/themes/bouger.md"]


def test_page_without_counterpart(project):
    (project / "content/nl/pages/home.md").unlink()
    assert [str(p) for p in check(project).items] == [
        "content/fr/pages/home.md:1: page 'home' has no nl version: create content/nl/pages/home.md"]


def test_untranslated_theme_strings(project):
    po = project / "translations/nl/LC_MESSAGES/messages.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('msgstr "Vaardigheden"', 'msgstr ""'), encoding="utf-8")
    line = text.splitlines().index('msgstr "Vaardigheden"')  # the msgid is on the line before
    assert [str(p) for p in check(project).items] == [
        f'translations/nl/LC_MESSAGES/messages.po:{line}: "Skills" is not translated: write its translation']


def test_warnings_do_not_block_unless_strict(project):
    edit(project, BOULANGER, "  trainings: [boulangerie]\n  regulated: false\n  languages: [fr]",
         "  trainings: []\n  regulated: false\n  languages: [fr]")
    problems = check(project)
    assert [str(p) for p in problems.items] == [
        "data/metiers.yaml:17: warning: profession 'patissier': no training yet: add the ids of trainings that "
        "lead to it under `trainings:`"]
    from catalogue import InvalidContent
    from checks import fail_on

    fail_on(problems, strict=False)
    with pytest.raises(InvalidContent, match=r"0 errors, 1 warning \(strict mode: warnings count as errors\)"):
        fail_on(problems, strict=True)


def test_a_file_full_of_mistakes_is_reported_in_one_run(project):
    for name in ("mojibake", "wrong type", "missing language", "unknown training", "duplicate key", "image without alt",
                 "raw script", "front matter template", "not NFC in Markdown"):
        path, old, new, _ = CASES[name]
        edit(project, path, old, new)
    problems = check(project)
    expected = sorted(line for name in ("mojibake", "wrong type", "missing language", "unknown training",
                                        "image without alt", "raw script", "front matter template", "not NFC in Markdown")
                      for line in CASES[name][3])
    reported = [str(p) for p in sorted(problems.items)]
    shifted = [line.replace("metiers.yaml:14: profession 'boulanger': shortage", "metiers.yaml:15: profession "
                            "'boulanger': shortage") for line in expected]  # the duplicate line moved it down
    assert set(shifted) <= set(reported)
    assert any("duplicate key 'languages'" in line for line in reported)
    places = [(line.split(":")[0], int(line.split(":")[1])) for line in problems.report().splitlines()]
    assert places == sorted(places) and len(places) == len(reported), "sorted by file, then line number"


def test_lines_stay_right_when_an_edit_moves_the_entries_below(project):
    """A rebuild reuses the entries that did not change (parsed and checked): their mistakes are still
    reported, at the lines they moved to."""
    edit(project, BOULANGER, "{fr: Il fait les gâteaux.", "{fr: Il fait les gÃ¢teaux.")
    edit(project, BOULANGER, "  shortage: false\n  themes", "  shortage: often\n  themes")
    first = [str(p) for p in sorted(check(project).items)]
    assert first == ["data/metiers.yaml:20: garbled characters 'Ã¢' (text saved in the wrong encoding): retype the "
                     "accented letters, e.g. 'é' for 'Ã©'",
                     "data/metiers.yaml:29: profession 'patissier': shortage: expected boolean, got str 'often'"]
    edit(project, BOULANGER, "  related: [patissier]\n", "  related: [patissier]\n  # two lines\n  # more\n")
    assert [str(p) for p in sorted(check(project).items)] == [line.replace(":20:", ":22:").replace(":29:", ":31:")
                                                               for line in first]
    edit(project, BOULANGER, "  # two lines\n  # more\n", "")
    assert [str(p) for p in sorted(check(project).items)] == first


def test_yaml_shared_between_entries_reads_as_one_file(project):
    """Anchors and aliases across entries, and a top-level key given twice, read as in the whole file."""
    edit(project, BOULANGER, "  languages: [fr, nl]\n  shortage", "  languages: &both [fr, nl]\n  shortage")
    edit(project, BOULANGER, "  languages: [fr]\n", "  languages: *both\n")
    assert check(project).items == []
    edit(project, BOULANGER, "patissier:\n", "boulanger:\n  level: secondary\npatissier:\n")
    assert "data/metiers.yaml:17: duplicate key 'boulanger' (first given on line 1): keep only one" in [
        str(p) for p in check(project).items]


@pytest.mark.parametrize("ending", ["--- {b: 2}\n", "{c: 2}\n"])
def test_yaml_that_is_not_one_mapping_is_a_syntax_error(project, ending):
    path = project / BOULANGER
    path.write_text(path.read_text(encoding="utf-8") + ending, encoding="utf-8")
    assert [p.message.startswith("YAML syntax error") for p in check(project).items] == [True]


def test_empty_entries_are_each_reported_at_every_check(project):
    """None is the same object in every entry: what was found for one is not taken for another."""
    path = project / BOULANGER
    path.write_text(path.read_text(encoding="utf-8") + "alpha:\nbeta:\n", encoding="utf-8")
    first = [str(p) for p in sorted(check(project).items)]
    assert [line.split(": ")[0] for line in first] == ["data/metiers.yaml:31", "data/metiers.yaml:32"]
    assert [str(p) for p in sorted(check(project).items)] == first


def test_bundled_content_passes_the_checks_in_seconds():
    report, failed = tasks.check_content()
    assert not failed, report


def tree_digest(folder):
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_failed_build_leaves_previous_output_byte_for_byte(site, tmp_path):
    output = tmp_path / "output"
    shutil.copytree(site, output)
    before = tree_digest(output)
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    edit(tmp_path, "data/metiers.yaml", "  level: lower-secondary", "  level: doctorate")
    with pytest.raises(tasks.BuildFailed, match=r"data/metiers.yaml:\d+: profession '[a-z-]+': level: 'doctorate'"):
        tasks.build_site(output=output, data=data)
    assert tree_digest(output) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".output")] == []


@pytest.mark.parametrize("command", ["check", "build"])
def test_editor_sees_messages_not_tracebacks(tmp_path, command):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    edit(tmp_path, "data/trainings.yaml", "  provider: efp", "  provider: epf")
    args = [sys.executable, "-m", "invoke", command, "--data", str(data)]
    if command == "build":
        args += ["--output", str(tmp_path / "out")]
    result = subprocess.run(args, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "data/trainings.yaml" in result.stderr and "unknown provider 'epf'" in result.stderr


def test_new_entry_is_ready_to_fill_in_and_cannot_ship_empty(project):
    from catalogue import Problems
    from catalogue.scaffold import new_entry, new_page
    from pelican.settings import read_settings
    from site_settings import check_settings

    settings = check_settings(read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(project / "content"), "DATA_PATH": str(project / "data"), "SCHEMA_PATH": str(ROOT / "schema"),
        "TRANSLATIONS_PATH": str(project / "translations")}))
    assert new_entry(settings, "profession", "ebeniste", Problems()) == [f"{project}/data/metiers.yaml:31"]
    new_page(settings, "ateliers")
    text = (project / "data/metiers.yaml").read_text(encoding="utf-8")
    assert "ebeniste:\n  slug: {fr: ebeniste, nl: ebeniste}\n  title: {fr: \"\", nl: \"\"}\n" in text
    assert "  # optional: title_feminine: {fr: \"\", nl: \"\"}\n" in text
    reported = [str(p) for p in sorted(check(project).items)]
    assert "data/metiers.yaml:33: profession 'ebeniste': title.fr: empty text: write it, or remove the field if it is optional" in reported
    assert "data/metiers.yaml:42: profession 'ebeniste': level: '' is not allowed (allowed: none, primary, lower-secondary, upper-secondary, bachelor, master)" in reported
    assert "content/fr/pages/ateliers.md:1: 'Title:' is empty: write its value" in reported
    with pytest.raises(ValueError, match="profession 'boulanger' exists already"):
        new_entry(settings, "profession", "boulanger", Problems())


def test_pre_commit_hook_runs_the_checks(tmp_path):
    """The hook of .pre-commit-config.yaml is the editors' `invoke check`: it passes here, fails on a mistake."""
    import shlex

    import yaml

    hook = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())["repos"][0]["hooks"][0]
    command = shlex.split(hook["entry"])
    assert command[:2] == [".venv/bin/invoke", "check"] and hook["pass_filenames"] is False
    assert subprocess.run([sys.executable, "-m", "invoke", *command[1:]], cwd=ROOT).returncode == 0
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    edit(tmp_path, "data/themes.yaml", "  icon: globe", "  icon: planet")
    broken = subprocess.run([sys.executable, "-m", "invoke", *command[1:], "--data", str(data)], cwd=ROOT,
                            capture_output=True, text=True)
    assert broken.returncode == 1 and "icon: 'planet' is not allowed" in broken.stderr


def test_check_on_the_full_esco_import_reports_no_error(tmp_path):
    """~3,000 imported professions: checked in one run (its time is in `invoke bench`)."""
    from importers.esco import import_esco

    import_esco(ROOT.parent / "shared/esco/raw", tmp_path / "data", ROOT / "data")
    report, failed = tasks.check_content(data=str(tmp_path / "data"))
    assert not failed, report[:2000]
    assert "0 errors, " in report and report.count("not described yet") > 3000
