"""The site in a real browser opened from disk (file://): every page, every link, the switcher."""
from pathlib import Path

import pytest

from htmlpages import parse


def visit(page, url):
    """Open a URL; return (console errors, requests that left file://)."""
    errors, outside = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("file://", "data:")) else None)
    response = page.goto(url)
    assert response is None or response.ok, url
    return errors, outside


def test_every_page_opens_from_disk_cleanly(site, page):
    """Crawl both languages from the root: no console error, no request off the disk, no dead link."""
    errors, outside = [], []
    page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith("file://") else None)
    # a request cut short by the next navigation (the favicon, typically) is not a broken link
    page.on("requestfailed", lambda r: errors.append(f"failed: {r.url} ({r.failure})")
            if r.failure != "net::ERR_ABORTED" else None)
    seen, queue = set(), [(site / "index.html").as_uri()]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        page.goto(url)
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
        images_ok = page.eval_on_selector_all("img", "els => els.every(i => i.complete && i.naturalWidth > 0)")
        assert images_ok, f"an image did not load on {url}"
        for href in hrefs:
            target = href.split("#")[0]
            if target.startswith("file://"):
                assert Path(target[len("file://"):]).is_file(), f"{url} links to missing {target}"
                if target.endswith(".html"):  # not the calendar (.ics) and feed (.atom) downloads
                    queue.append(target)
    built = {p.as_uri() for p in site.rglob("*.html")}
    assert built <= seen, f"pages no link leads to: {sorted(built - seen)[:5]}"
    assert not errors, errors[:10]
    assert not outside, outside[:10]


def test_stylesheet_applies_from_disk(site, page):
    page.goto((site / "nl/index.html").as_uri())
    color = page.eval_on_selector(".main-nav", "e => getComputedStyle(e).backgroundColor")
    assert color == "rgb(11, 61, 122)", "site.css must load in every language"


@pytest.mark.parametrize("start", ["fr/metiers/boulanger.html", "nl/opleidingen.html", "fr/themes/bouger.html",
                                   "nl/index.html", "fr/vie-privee.html"])
def test_switcher_lands_on_the_counterpart(site, page, start):
    page.goto((site / start).as_uri())
    lang = page.evaluate("document.documentElement.lang")
    other = "nl" if lang == "fr" else "fr"
    page.click(f'.languages a[hreflang="{other}"]')
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.lang") == other
    landed = Path(page.url[len("file://"):])
    assert landed != site / other / "index.html" or start.endswith("index.html"), "never the home page"
    back = parse(landed).switcher[lang]
    assert (landed.parent / back).resolve() == (site / start).resolve()


def test_keyboard_reaches_skip_link_then_main(site, page):
    page.goto((site / "fr/metiers/boulanger.html").as_uri())
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_readable_on_public_pc_and_phone(site, browser, tmp_path):
    for width, height in ((1366, 768), (375, 667)):
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        for path in ("fr/index.html", "nl/beroepen/verpleegkundige.html"):
            page.goto((site / path).as_uri())
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{path} scrolls sideways at {width}px"
        context.close()
