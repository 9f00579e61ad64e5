"""Benchmark of search at ESCO scale (prints figures; not a test).

Imports the ~3,000 ESCO occupations of ../shared/esco/raw with `importers.esco` (as
`invoke import-esco` does) into a temporary data folder, builds the site, then in headless
Chromium from file:// measures per language: the index size (raw and gzipped), the time from the
first keystroke to the first results painted (index load included), the per-keystroke latency of
realistic queries typed letter by letter (median, 95th percentile: the search work for all of
them, and results painted in the real box for some, as its 60 ms debounce makes that slow), and
the share of noisy queries built from ESCO labels (accents dropped, one typo, feminine form, a
synonym, lower case without hyphens) whose profession is in the first 5 results.

    .venv/bin/python bench/search_bench.py [--esco ../shared/esco/raw] [--queries 300] [--keep DIR]
"""
import argparse
import gzip
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "plugins")]

import tasks  # noqa: E402
from catalogue import Problems, load_catalogue  # noqa: E402
from importers.esco import import_esco  # noqa: E402
from pages.routes import assign_urls  # noqa: E402
from search.pipeline import fold  # noqa: E402
from site_settings import check_settings  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
LANGS = ("fr", "nl")
DEBOUNCE_MS = 60  # theme/static/js/search.js
SEED = 5


def build(esco, where):
    data, output = where / "data", where / "output"
    import_esco(esco, data, ROOT / "data")
    start = time.perf_counter()
    tasks.build_site(output=output, data=data)
    print(f"built {output} in {time.perf_counter() - start:.0f} s")
    settings = check_settings(tasks.read_site_settings(data=data, output=output))
    catalogue = load_catalogue(settings, Problems())
    assign_urls(catalogue.records(), settings)
    return output, list(catalogue.professions.values())


def typo(text, rng):
    """One edit (replace, delete, insert or swap) inside the longest word of 5 letters or more."""
    words = text.split()
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]
    if len(word) < 5:
        return None
    i = rng.randrange(1, len(word) - 1)
    letter = rng.choice("aeioulnrst")
    word = rng.choice([word[:i] + letter + word[i + 1:], word[:i] + word[i + 1:],
                       word[:i] + letter + word[i:], word[:i - 1] + word[i] + word[i - 1] + word[i + 1:]])
    return " ".join(words[:longest] + [word] + words[longest + 1:])


def normal(text):
    return " ".join(fold(text).lower().replace("-", " ").split())


def labels(professions, lang):
    """normalized label -> URLs of the professions that have it as title, feminine title or other name."""
    owners = {}
    for p in professions:
        for label in (p.title[lang], p.title_feminine.get(lang) or "", *p.other_names.get(lang, [])):
            owners.setdefault(normal(label), set()).add(p.urls[lang])
    return owners


def noisy_queries(professions, lang, count, rng):
    """[(kind, query, expected URL)] for `count` professions drawn at random, but for queries that
    name another profession as well (several have 'vendeur' as title): no search can tell them apart."""
    queries, owners = [], labels(professions, lang)
    imported = [p for p in professions if p.esco]
    for p in rng.sample(imported, min(count, len(imported))):
        title, url = p.title[lang], p.urls[lang]
        variants = {"no accents": (fold(title).lower(), title), "typo": (typo(title.lower(), rng), title),
                    "lower, no hyphens": (title.lower().replace("-", " "), title)}
        if p.title_feminine.get(lang):
            variants["feminine"] = (p.title_feminine[lang], p.title_feminine[lang])
        synonyms = [n for n in p.other_names.get(lang, []) if n not in (title, p.title_feminine.get(lang))]
        if synonyms:
            synonym = rng.choice(synonyms)
            variants["synonym"] = (synonym, synonym)
        queries += [(kind, q, url) for kind, (q, label) in variants.items() if q and owners[normal(label)] == {url}]
    return queries


ACCURACY = """async ([lang, queries]) => {
  const hits = {};
  for (const [kind, query, url] of queries) {
    const top = (await window.siteSearch.urls(lang, query)).slice(0, 5);
    const h = hits[kind] || (hits[kind] = [0, 0, []]);
    h[1] += 1;
    if (top.includes(url)) { h[0] += 1; } else if (h[2].length < 3) { h[2].push(query); }
  }
  return hits;
}"""

# Each query typed letter by letter: the search work of every keystroke (lunr query), in the page.
SEARCH_WORK = """async ([lang, queries]) => {
  const times = [];
  for (const query of queries) {
    for (let n = 1; n <= query.length; n++) {
      const start = performance.now();
      await window.siteSearch.urls(lang, query.slice(0, n));
      times.push(performance.now() - start);
    }
  }
  return times;
}"""

# The same in the real box: input event -> results painted, the debounce wait taken out.
TYPING = """async ([queries, debounce]) => {
  const input = document.querySelector("[data-search-input]");
  const list = document.querySelector("[data-search-results]");
  const painted = () => new Promise(resolve => {
    const check = () => list.getAttribute("aria-busy") === "false"
      ? requestAnimationFrame(() => resolve(performance.now())) : setTimeout(check, 0);
    check();
  });
  const times = [];
  for (const query of queries) {
    for (let n = 1; n <= query.length; n++) {
      input.value = query.slice(0, n);
      const start = performance.now();
      input.dispatchEvent(new Event("input"));
      times.push(await painted() - start - debounce);
    }
  }
  return times;
}"""

FIRST = """() => new Promise(resolve => {
  const list = document.querySelector("[data-search-results]");
  const input = document.querySelector("[data-search-input]");
  const start = performance.now();
  new MutationObserver(() => {
    if (list.children.length) { requestAnimationFrame(() => resolve(performance.now() - start)); }
  }).observe(list, { childList: true });
  input.focus();
  input.value = "b";
  input.dispatchEvent(new Event("input"));
})"""


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(site, professions, args):
    from playwright.sync_api import sync_playwright

    rng = random.Random(SEED)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=["--headless", "--no-sandbox", "--disable-gpu"])
        for lang in LANGS:
            index = site / "theme" / "search" / f"index-{lang}.js"
            raw = index.read_bytes()
            print(f"\n[{lang}] index {len(raw) / 1e6:.2f} MB raw, {len(gzip.compress(raw, 9)) / 1e6:.2f} MB gzipped")
            firsts = []
            for _ in range(5):
                page = browser.new_page()
                page.goto((site / lang / "index.html").as_uri())
                firsts.append(page.evaluate(FIRST))
                page.close()
            print(f"  first keystroke -> first results painted (index load, {DEBOUNCE_MS} ms debounce "
                  f"included): median {statistics.median(firsts):.0f} ms, max {max(firsts):.0f} ms (5 loads)")
            queries = noisy_queries(professions, lang, args.queries, rng)
            print(f"  {len(queries)} noisy queries from {args.queries} professions (ambiguous ones left out)")
            page = browser.new_page()
            page.goto((site / lang / "index.html").as_uri())
            typed = [q for _, q, _ in queries[:args.typed]]
            for label, times in (
                    ("search work per keystroke", page.evaluate(SEARCH_WORK, [lang, typed])),
                    ("keystroke -> painted, minus debounce", page.evaluate(TYPING, [typed[:args.painted], DEBOUNCE_MS]))):
                print(f"  {label} ({len(times)} keystrokes): "
                      f"p50 {statistics.median(times):.1f} ms, p95 {percentile(times, 0.95):.1f} ms")
            hits = page.evaluate(ACCURACY, [lang, queries])
            total = sum(h[0] for h in hits.values()), sum(h[1] for h in hits.values())
            print(f"  top-5 accuracy: {100 * total[0] / total[1]:.1f}% of {total[1]} noisy queries")
            for kind, (ok, n, misses) in sorted(hits.items()):
                print(f"    {kind:18} {100 * ok / n:5.1f}% of {n}  missed e.g. {misses}")
            page.close()
        browser.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--esco", type=Path, default=ROOT.parent / "shared" / "esco" / "raw")
    parser.add_argument("--queries", type=int, default=300, help="professions drawn per language")
    parser.add_argument("--typed", type=int, default=200, help="queries typed letter by letter")
    parser.add_argument("--painted", type=int, default=20, help="of which typed in the real box")
    parser.add_argument("--keep", type=Path, help="build here and keep it (default: a temporary folder)")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        measure(*build(args.esco, args.keep), args)
    else:
        with tempfile.TemporaryDirectory() as where:
            measure(*build(args.esco, Path(where)), args)


if __name__ == "__main__":
    main()
