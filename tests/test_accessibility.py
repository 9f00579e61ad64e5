"""Accessibility of the built site in headless Chromium from file:// (issue 9): axe-core finds no
WCAG 2.0/2.1 A or AA violation on any page type in either language, the keyboard alone works, pages
reflow at 320 px and at 200% zoom, touch targets are big enough, sheets print on one or two A4 pages,
the kiosk setting returns an idle public PC home. Screenshots for review go to tests/artifacts/."""
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "tests/vendor/axe-core/axe.min.js"
ARTIFACTS = ROOT / "tests/artifacts"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LANGS = ["fr", "nl"]
PAGE_TYPES = ["home", "themes", "theme", "az", "profession", "trainings", "training", "activity", "agenda",
              "agenda-archive", "accessibility", "search-results", "search-empty"]
SEARCHES = {"search-results": "boulanger", "search-empty": "zzxqwv"}


def new_context(browser, **options):
    """A browser context for these tests: the pages' CSP (script-src 'self') would refuse the axe-core
    script and the waits the tests inject; the site's own scripts run as they do for visitors."""
    return browser.new_context(bypass_csp=True, **options)


@pytest.fixture
def page(browser):
    context = new_context(browser, viewport={"width": 1366, "height": 768})
    yield context.new_page()
    context.close()


def path_of(catalogue, kind, lang):
    """The built file of one page of a kind, in a language."""
    records = {"theme": catalogue.themes, "profession": catalogue.professions,
               "training": catalogue.trainings}
    pages = {"az": "professions", "search-results": "home", "search-empty": "home"}
    if kind in records:
        record = records[kind]["boulanger"] if kind == "profession" else next(iter(records[kind].values()))
    else:
        record = catalogue.pages[pages.get(kind, kind)]
    return record.urls[lang]


def open_kind(page, site, catalogue, kind, lang):
    if kind == "activity":  # the first activity the agenda lists
        page.goto((site / path_of(catalogue, "agenda", lang)).as_uri())
        page.click(".agenda-list .card-title a")
        page.wait_for_load_state()
    else:
        page.goto((site / path_of(catalogue, kind, lang)).as_uri())
    if kind in SEARCHES:
        page.fill("[data-search-input]", SEARCHES[kind])
        page.wait_for_selector('[data-search-results][aria-busy="false"]', state="attached")
        shown = "[data-search-result]" if kind == "search-results" else "[data-search-empty]"
        page.wait_for_selector(shown)


def axe(page):
    """Run axe-core on the page with the WCAG 2.0/2.1 A and AA rules; return its results.
    Loaded as a file, not inline: the pages' Content-Security-Policy forbids inline scripts."""
    page.add_script_tag(url=AXE.as_uri())
    return page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)


def describe(violations):
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']}: " + "; ".join(n["target"][0] for n in v["nodes"][:5])
                     for v in violations)


@pytest.fixture(scope="module")
def axe_rules(browser):
    """The rules axe-core checks, written to tests/artifacts/axe-rules.txt and printed in the report."""
    context = new_context(browser)
    page = context.new_page()
    page.set_content("<!DOCTYPE html><html lang='en'><title>x</title><main></main></html>")
    page.add_script_tag(path=str(AXE))
    rules = page.evaluate("tags => axe.getRules(tags).map(r => r.ruleId + ': ' + r.description)", WCAG_TAGS)
    version = page.evaluate("axe.version")
    context.close()
    ARTIFACTS.mkdir(exist_ok=True)
    text = f"axe-core {version}, tags {', '.join(WCAG_TAGS)}: {len(rules)} rules\n" + "\n".join(rules) + "\n"
    (ARTIFACTS / "axe-rules.txt").write_text(text, encoding="utf-8")
    print("\n" + text)
    return rules


def test_the_rules_checked_are_listed(axe_rules):
    assert len(axe_rules) > 50
    assert any(r.startswith("color-contrast:") for r in axe_rules)


def test_root_language_chooser_has_no_axe_violation(site, page, axe_rules):
    page.goto((site / "index.html").as_uri())
    results = axe(page)
    assert not results["violations"], describe(results["violations"])


def test_error_page_has_no_axe_violation(published_site, page, axe_rules):
    """The web version's 404 page (both languages side by side), as a visitor with a dead link meets it."""
    page.goto((published_site / "404.html").as_uri())
    results = axe(page)
    assert not results["violations"], describe(results["violations"])
    assert page.evaluate("[...document.querySelectorAll('[lang]')].map(e => e.lang)").count("nl") >= 1


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_axe_violation(site, page, catalogue, axe_rules, kind, lang):
    open_kind(page, site, catalogue, kind, lang)
    results = axe(page)
    assert not results["violations"], describe(results["violations"])
    assert results["passes"], "axe-core ran no check"


# Keyboard only

FOCUSED = """() => {
  const e = document.activeElement, style = getComputedStyle(e);
  const region = e.closest(".main-nav") ? "nav" : e.closest(".site-header") ? "header" : e.closest("main") ? "main"
    : e.closest(".site-footer") ? "footer" : e === document.body ? "body" : "other";
  return {tag: e.tagName, cls: e.className, region, focusVisible: e.matches(":focus-visible"),
          outline: style.outlineStyle === "none" ? 0 : parseFloat(style.outlineWidth),
          key: e.tagName + (e.getAttribute("href") || e.id || e.className)};
}"""
REGION_ORDER = ["header", "nav", "main", "footer"]


def tab_walk(page, limit=400):
    """Press Tab until focus leaves the page's elements and comes back to the first; return every stop."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        if stops and stop["key"] == stops[0]["key"]:
            return stops
        if stop["region"] != "body":
            stops.append(stop)
    raise AssertionError(f"Tab never came back to the first element after {limit} presses: a keyboard trap")


@pytest.mark.parametrize("kind,lang", [("home", "fr"), ("profession", "nl"), ("agenda", "fr"), ("training", "nl")])
def test_tab_goes_skip_link_header_nav_main_footer_with_visible_focus_and_no_trap(site, page, catalogue, kind, lang):
    open_kind(page, site, catalogue, kind, lang)
    stops = tab_walk(page)
    assert stops[0]["cls"] == "skip-link"
    regions = [s["region"] for s in stops[1:]]
    assert "other" not in regions, stops
    assert regions == sorted(regions, key=REGION_ORDER.index), f"focus order jumps back: {regions}"
    assert {"header", "nav", "main", "footer"} <= set(regions)
    hidden = [s for s in stops if not s["focusVisible"] or s["outline"] < 2]
    assert not hidden, f"focus not visible (outline of 2px or more) on {hidden[:3]}"


def test_skip_link_is_shown_when_focused_and_moves_focus_to_main(site, page, catalogue):
    open_kind(page, site, catalogue, "training", "fr")
    page.keyboard.press("Tab")
    box = page.locator(".skip-link").bounding_box()
    assert box["y"] >= 0 and box["height"] >= 44, "the skip link must be seen when it has the focus"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED)["region"] == "main"


@pytest.mark.parametrize("lang", LANGS)
def test_search_by_keyboard_from_tab_to_result(site, page, catalogue, lang):
    open_kind(page, site, catalogue, "agenda", lang)
    while not page.evaluate("document.activeElement.hasAttribute('data-search-input')"):
        page.keyboard.press("Tab")
    page.keyboard.type(SEARCHES["search-results"][:5])
    page.wait_for_selector("[data-search-result]")
    first = page.eval_on_selector("[data-search-result]", "e => e.href")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.href") == first
    assert page.evaluate(FOCUSED)["outline"] >= 2
    page.keyboard.press("Escape")
    assert page.is_hidden("[data-search-panel]")
    assert page.evaluate("document.activeElement.hasAttribute('data-search-input')"), "Escape goes back to the box"
    page.keyboard.type("n")  # typing on opens the results again
    page.wait_for_selector("[data-search-result]")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(first)


@pytest.mark.parametrize("lang", LANGS)
def test_agenda_filters_work_with_the_keyboard(site, page, catalogue, lang):
    open_kind(page, site, catalogue, "agenda", lang)
    shown = "() => document.querySelectorAll('.agenda-list > li:not([hidden])').length"
    before = page.evaluate(shown)
    while page.evaluate("document.activeElement.id") != "filter-kind":
        page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # the first kind of activity
    chosen = page.input_value("#filter-kind")
    assert chosen
    after = page.evaluate(shown)
    assert 0 < after < before
    assert str(after) in page.text_content(".filter-status")
    page.keyboard.press("ArrowUp")  # back to every kind
    assert page.evaluate(shown) == before


# Reflow, touch targets, screenshots

REFLOW_KINDS = ["home", "az", "profession", "training", "agenda"]
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth, out = [];
  for (const e of document.body.querySelectorAll("*")) {
    const r = e.getBoundingClientRect(), style = getComputedStyle(e);
    if (!r.width || style.visibility === "hidden" || style.clipPath !== "none" || e.closest("[hidden]")) continue;
    if (r.right > width + 1 || r.left < -1) out.push(e.tagName + "." + e.className + " " + Math.round(r.left) + "–" + Math.round(r.right));
  }
  return {scroll: document.documentElement.scrollWidth - width, out: out.slice(0, 5)};
}"""


# 1280 px at 200% zoom lays out as 640 CSS px with 2 device pixels each: the same as the browser's zoom.
@pytest.mark.parametrize("viewport,scale", [((320, 640), 1), ((640, 400), 2)], ids=["320px", "1280px-zoom-200"])
@pytest.mark.parametrize("lang", LANGS)
def test_reflow_without_horizontal_scrolling_or_cut_content(site, browser, catalogue, viewport, scale, lang):
    context = new_context(browser, viewport=dict(zip(("width", "height"), viewport)), device_scale_factor=scale)
    page = context.new_page()
    for kind in REFLOW_KINDS:
        open_kind(page, site, catalogue, kind, lang)
        found = page.evaluate(OVERFLOW)
        assert found["scroll"] <= 0 and not found["out"], f"{kind} at {viewport[0]} CSS px: {found}"
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_touch_targets_of_navigation_languages_and_search_are_44px(site, browser, catalogue, lang):
    context = new_context(browser, viewport={"width": 375, "height": 667}, has_touch=True, is_mobile=True)
    page = context.new_page()
    open_kind(page, site, catalogue, "profession", lang)
    targets = page.locator(".main-nav a, .languages a, .languages .current, [data-search-input]")
    assert targets.count() >= 8
    for box in (targets.nth(i).bounding_box() for i in range(targets.count())):
        assert box["width"] >= 44 and box["height"] >= 44, box
    context.close()


SCREENSHOT_KINDS = ["home", "az", "profession", "training", "activity", "agenda", "search-results"]


@pytest.mark.parametrize("width,height", [(1366, 768), (375, 667)])
@pytest.mark.parametrize("lang", LANGS)
def test_screenshots_for_review(site, browser, catalogue, lang, width, height):
    """Saved to tests/artifacts/screenshots/ (not committed) for a person to look at."""
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    context = new_context(browser, viewport={"width": width, "height": height})
    page = context.new_page()
    for kind in SCREENSHOT_KINDS:
        open_kind(page, site, catalogue, kind, lang)
        shot = folder / f"{lang}-{kind}-{width}x{height}.png"
        page.screenshot(path=str(shot), full_page=kind != "search-results")
        assert shot.stat().st_size > 10_000
    context.close()


# Print

@pytest.fixture(scope="module")
def published_site(tmp_path_factory):
    """The site built with publishconf.py: its SITEURL is the public address the QR codes open."""
    import tasks

    return tasks.build_site(settings_file="publishconf.py", output=tmp_path_factory.mktemp("pub") / "output",
                            strict=False, extra={"BUILD_DATE": "2026-03-03"})


def count_pdf_pages(pdf):
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


PRINTED_DATE = {"fr": "3 mars 2026", "nl": "3 maart 2026"}
SHEETS = {"profession": "infirmier", "training": None, "activity": None}  # the nurse: the longest sheet


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", list(SHEETS))
def test_sheet_prints_on_one_or_two_a4_pages_with_address_date_and_qr_code(published_site, page, catalogue,
                                                                           settings, kind, lang):
    if SHEETS[kind]:
        page.goto((published_site / catalogue.professions[SHEETS[kind]].urls[lang]).as_uri())
    else:
        open_kind(page, published_site, catalogue, kind, lang)
    web_address = "https://metiers.brussels/" + page.url.split("/output/", 1)[1]
    pages = count_pdf_pages(page.pdf(format="A4"))
    assert 1 <= pages <= 2, f"{kind} prints on {pages} A4 pages"
    page.emulate_media(media="print")
    for hidden in (".site-header", ".site-footer", ".breadcrumb", "[data-print]"):
        assert page.locator(hidden).first.is_hidden(), f"{hidden} is printed"
    sheet = page.locator(".print-sheet-footer")
    assert sheet.is_visible()
    text = sheet.inner_text()
    assert settings["CENTRE"]["address"][lang] in text and PRINTED_DATE[lang] in text
    assert web_address in text, "the address the QR code opens is written under it"
    assert page.locator(".print-qr svg path").count() == 1
    external = page.eval_on_selector_all("main a[href^='http']", "els => els.map(a => getComputedStyle(a, '::after').content)")
    assert all("http" in target for target in external), "link targets are written out on paper"


def test_preview_sheets_have_no_qr_code_and_the_print_button_needs_javascript(site, browser, page, catalogue):
    page.goto((site / catalogue.professions["boulanger"].urls["fr"]).as_uri())
    assert page.locator(".print-qr").count() == 0, "no public address in preview builds: no QR code"
    page.evaluate("window.print = () => { window.printed = true; }")
    page.click("[data-print] button")
    assert page.evaluate("window.printed")
    context = new_context(browser, java_script_enabled=False)
    without_js = context.new_page()
    without_js.goto(page.url)
    assert without_js.locator("[data-print]").is_hidden()
    context.close()


# Kiosk mode of the public PCs

@pytest.fixture(scope="module")
def kiosk_site(tmp_path_factory):
    """The site with KIOSK on and short delays: 1.2 s without input, then 1 s of warning."""
    import tasks

    return tasks.build_site(output=tmp_path_factory.mktemp("kiosk") / "output",
                            extra={"KIOSK": True, "KIOSK_IDLE_MINUTES": 0.02, "KIOSK_WARNING_SECONDS": 1})


KIOSK_WARNING = {"fr": "reviendra à la page d’accueil", "nl": "terug naar de startpagina"}


@pytest.mark.parametrize("lang", LANGS)
def test_idle_kiosk_warns_then_goes_home_with_search_emptied(kiosk_site, page, catalogue, lang):
    open_kind(page, kiosk_site, catalogue, "search-results", lang)
    page.click(".brand")  # leave the home page, with a query typed
    page.goto((kiosk_site / catalogue.professions["boulanger"].urls[lang]).as_uri())
    page.fill("[data-search-input]", "boul")
    notice = page.locator("[data-kiosk-notice]")
    assert notice.get_attribute("aria-live") == "assertive" and notice.inner_text() == ""
    page.wait_for_function("() => document.querySelector('[data-kiosk-notice]').textContent !== ''", timeout=5000)
    assert KIOSK_WARNING[lang] in notice.inner_text() and notice.is_visible()
    page.wait_for_url(f"**/{catalogue.pages['home'].urls[lang]}", timeout=5000)
    assert page.input_value("[data-search-input]") == ""
    assert page.evaluate("[localStorage.length, sessionStorage.length, document.cookie, history.length]")[:3] == [0, 0, ""]


def test_any_input_during_the_warning_keeps_the_page(kiosk_site, page, catalogue):
    address = (kiosk_site / catalogue.professions["boulanger"].urls["nl"]).as_uri()
    page.goto(address)
    page.wait_for_function("() => document.querySelector('[data-kiosk-notice]').textContent !== ''", timeout=5000)
    page.keyboard.press("Shift")
    assert page.inner_text("[data-kiosk-notice]") == ""
    page.wait_for_timeout(1000)
    assert page.url == address


def test_the_web_site_has_no_kiosk_mode(site, settings):
    assert settings["KIOSK"] is False
    assert not any("kiosk.js" in p.read_text(encoding="utf-8") for p in site.rglob("*.html"))


@pytest.mark.parametrize("key,value,expected", [("KIOSK", "yes", "expected True or False"),
                                                ("KIOSK_IDLE_MINUTES", 0, "expected a number greater than 0"),
                                                ("KIOSK_WARNING_SECONDS", "30", "expected a number greater than 0")])
def test_kiosk_settings_are_checked(key, value, expected):
    import tasks
    from site_settings import check_settings
    from site_settings.settings import SettingsError

    with pytest.raises(SettingsError, match=f"Config value '{key}': {expected}"):
        check_settings(tasks.read_site_settings() | {key: value})
