"""Shared fixtures: the bundled site built once per run, and Debian's Chromium driven by Playwright."""
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "plugins"))

import tasks  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The bundled site, built as `invoke build` does."""
    return tasks.build_site(output=tmp_path_factory.mktemp("site") / "output")


@pytest.fixture(scope="session")
def settings():
    from site_settings import check_settings

    return check_settings(tasks.read_site_settings())


@pytest.fixture(scope="session")
def catalogue(settings):
    """The model of the bundled site, with the URLs the build gives its pages."""
    from catalogue import Problems, load_catalogue
    from pages.routes import assign_urls

    problems = Problems()
    catalogue = load_catalogue(settings, problems)
    assert not problems.errors, problems.report()
    assign_urls([*catalogue.records(), *catalogue.activities.values()], settings)
    return catalogue


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium from Debian. Missing Chromium is a failure, not a skip: run `./run test`."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} not found: install it with `apt-get install -y chromium`"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    yield page
    context.close()


AXE_RULES = Path(__file__).parent / "artifacts" / "axe-rules.txt"


def pytest_sessionstart(session):
    AXE_RULES.unlink(missing_ok=True)  # written afresh by tests/test_accessibility.py


def pytest_terminal_summary(terminalreporter):
    """The accessibility rules axe-core checked, in the report of every run that ran it."""
    if AXE_RULES.exists():
        terminalreporter.section("axe-core rules checked (WCAG 2.0/2.1 A and AA)")
        terminalreporter.write_line(AXE_RULES.read_text(encoding="utf-8").strip())
