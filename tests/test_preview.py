"""`invoke serve`: the preview an editor uses shows an edit after saving, without restarting."""
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch_until(url, predicate, seconds=60):
    """The page's text once `predicate` holds; polls a bounded number of times."""
    deadline, text = time.monotonic() + seconds, ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                text = response.read().decode("utf-8")
            if predicate(text):
                return text
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} never showed the expected content; last seen: {text[:200]!r}")


def test_preview_serves_and_rebuilds_after_an_edit(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", "output", ".git", "tests", "__pycache__",
                                                                  "dist", ".output-*"))
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "invoke", "serve", "--port", str(port)], cwd=project,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = f"http://127.0.0.1:{port}/fr/metiers/boulanger.html"
        fetch_until(url, lambda text: "<h1>Boulanger / Boulangère</h1>" in text)
        data = project / "data/metiers.yaml"
        data.write_text(data.read_text(encoding="utf-8").replace("title: {fr: Boulanger, nl: Bakker}",
                                                                 "title: {fr: Boulanger artisan, nl: Bakker}", 1),
                        encoding="utf-8")
        fetch_until(url, lambda text: "<h1>Boulanger artisan / Boulangère</h1>" in text)
    finally:
        server.terminate()
        server.wait(timeout=10)


def _files(folder):
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("edit", [
    ("metiers.yaml", "Boulanger, nl: Bakker}", "Boulanger artisan, nl: Ambachtelijke bakker}"),  # a title others show
    ("metiers.yaml", "shortage: false", "shortage: true"),  # a field only its own page shows
    # shown by trainings and by the professions they lead to: every page is rendered again
    ("providers.yaml", "name: {fr: Bruxelles Formation,", "name: {fr: Bruxelles Formation (BF),"),
])
def test_preview_rebuild_links_unchanged_pages_and_writes_what_a_full_build_writes(tmp_path, edit):
    """Pages whose inputs did not change are linked from the previous output: the result is the site
    a full build makes from the edited data, and most pages were not rendered again."""
    import reuse
    import tasks

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    preview, full = tmp_path / "preview", tmp_path / "full"
    tasks.build_site(output=preview, data=data, reuse=True)
    edited, old, new = data / edit[0], edit[1], edit[2]
    text = edited.read_text(encoding="utf-8")
    assert old in text
    edited.write_text(text.replace(old, new, 1), encoding="utf-8")
    tasks.build_site(output=preview, data=data, reuse=True)
    linked = reuse._current.linked
    tasks.build_site(output=full, data=data)
    rebuilt, expected = _files(preview), _files(full)
    assert rebuilt.keys() == expected.keys()
    differ = [str(path) for path in expected if rebuilt[path] != expected[path]]
    assert not differ, differ[:5]
    if edit[0] == "metiers.yaml":
        assert linked > 100, "unchanged profession, training and activity pages are linked, not rendered"


def test_preview_rebuild_shows_an_edited_template_on_every_page(tmp_path):
    """Templates are compiled once per process, and pages are linked when nothing changed: an edit of
    the theme still reaches every page."""
    import reuse
    import tasks

    theme, output = tmp_path / "theme", tmp_path / "preview"
    shutil.copytree(ROOT / "theme", theme)
    tasks.build_site(output=output, reuse=True, extra={"THEME": str(theme)})
    base = theme / "templates/base.html"
    base.write_text(base.read_text(encoding="utf-8").replace('<p class="footer-name">', '<p class="footer-name">Edited ', 1),
                    encoding="utf-8")
    tasks.build_site(output=output, reuse=True, extra={"THEME": str(theme)})
    assert reuse._current.linked == 0
    for page in ("fr/metiers/boulanger.html", "nl/beroepen/bakker.html", "fr/index.html"):
        assert '<p class="footer-name">Edited ' in (output / page).read_text(encoding="utf-8"), page


def test_preview_rebuild_after_a_failed_one_indexes_the_content_it_builds(tmp_path, monkeypatch):
    """A rebuild that fails while pages are written leaves its index unread: the next one does not take it."""
    import tasks
    from pages.generators import PageKindGenerator

    data, preview, full = tmp_path / "data", tmp_path / "preview", tmp_path / "full"
    shutil.copytree(ROOT / "data", data)
    metiers = data / "metiers.yaml"
    text = metiers.read_text(encoding="utf-8")
    tasks.build_site(output=preview, data=data, reuse=True)
    metiers.write_text(text.replace("Boulanger, nl: Bakker}", "Boulanger artisan, nl: Broodbakker}", 1), encoding="utf-8")
    with monkeypatch.context() as patch:
        patch.setattr(PageKindGenerator, "generate_output", lambda self, writer: 1 / 0)
        with pytest.raises(ZeroDivisionError):
            tasks.build_site(output=preview, data=data, reuse=True)
    metiers.write_text(text.replace("Boulanger, nl: Bakker}", "Maître boulanger, nl: Meesterbakker}", 1), encoding="utf-8")
    tasks.build_site(output=preview, data=data, reuse=True)
    tasks.build_site(output=full, data=data)
    for lang, title in (("fr", "Maître boulanger"), ("nl", "Meesterbakker")):
        index = f"theme/search/index-{lang}.js"
        assert (preview / index).read_text(encoding="utf-8") == (full / index).read_text(encoding="utf-8")
        assert title in (preview / index).read_text(encoding="utf-8")
