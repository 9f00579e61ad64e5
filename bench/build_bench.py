"""Build benchmark at ESCO scale (prints figures; not a test).

Imports the ~3,000 ESCO occupations of ../shared/esco/raw into a temporary data folder, then
measures in separate processes: the full build, the preview's rebuild after editing one profession, pages
per second, peak memory, output size, the build at 10 %, 50 % and 100 % of the professions,
and vanilla Pelican (default theme) on as many plain Markdown articles as our build writes pages.
The full build and vanilla Pelican: best of two cold runs each; the preview: median of six rebuilds
in one `invoke serve`-like process (the edit, then the edit undone, and so on).
Usage: .venv/bin/python bench/build_bench.py   (or: invoke bench)"""
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
ESCO = ROOT.parent / "shared" / "esco" / "raw"
sys.path[:0] = [str(ROOT), str(ROOT / "plugins")]

BUILD = ("import sys, time, resource; sys.path[:0] = [{root!r}]; import tasks; t = time.perf_counter(); "
         "tasks.build_site(data={data!r}, output={out!r}); "
         "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")


PREVIEW = ("import sys, time; from pathlib import Path; sys.path[:0] = [{root!r}, {plugins!r}]; import tasks, reuse; "
           "tasks.build_site(data={data!r}, output={out!r}, reuse=True); m = Path({data!r}) / 'metiers.yaml'; "
           "text = m.read_text(encoding='utf-8'); edited = text\n"
           "for old, new in {edits!r}: edited = edited.replace(old, new, 1)\n"
           "for n in range({rebuilds}):\n"
           "    m.write_text(edited if n % 2 == 0 else text, encoding='utf-8'); t = time.perf_counter()\n"
           "    tasks.build_site(data={data!r}, output={out!r}, reuse=True)\n"
           "    print(time.perf_counter() - t, reuse._current.linked)")


EDITS = {  # of the profession 'boulanger' in metiers.yaml
    "its French title": [("Boulanger", "Boulanger artisan")],
    "its title in both languages": [("Boulanger", "Boulanger artisan"), ("    nl: Bakker\n", "    nl: Ambachtelijke bakker\n")],
}


def preview_rebuilds(data, out, edits, rebuilds=6):
    """[(seconds, pages linked)] of the rebuilds `invoke serve` makes after one profession is edited, then
    the edit undone, and so on."""
    code = PREVIEW.format(root=str(ROOT), plugins=str(ROOT / "plugins"), data=str(data), out=str(out),
                          rebuilds=rebuilds, edits=edits)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    return [(float(seconds), int(linked)) for seconds, linked in (line.split() for line in result.stdout.splitlines())]


def timed_build(data, out):
    """(seconds, peak MiB) of one build in a fresh process."""
    code = BUILD.format(root=str(ROOT), data=str(data), out=str(out))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    seconds, peak_kib = result.stdout.split()[-2:]
    return float(seconds), int(peak_kib) / 1024


def subset(data, fraction, dest):
    """A copy of a data folder keeping a fraction of the imported professions (the bundled ones stay)."""
    dest.mkdir()
    for path in data.glob("*.yaml"):
        (dest / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    entries = yaml.safe_load((data / "metiers.yaml").read_text(encoding="utf-8"))
    esco = [k for k, v in entries.items() if v.get("esco")]
    keep = set(random.Random(1).sample(esco, int(len(esco) * fraction)))
    kept = {k: v for k, v in entries.items() if not v.get("esco") or k in keep}
    for entry in kept.values():
        entry["related"] = [r for r in entry.get("related", []) if r in kept]
    (dest / "metiers.yaml").write_text(yaml.dump(kept, Dumper=yaml.CSafeDumper, allow_unicode=True), encoding="utf-8")
    return dest


def vanilla_pelican(count, work):
    """Seconds for Pelican 4.12 with its default theme on `count` plain Markdown articles."""
    content = work / "vanilla" / "content"
    content.mkdir(parents=True)
    words = "métier formation emploi conseil compétence atelier Bruxelles".split()
    for n in range(count):
        body = " ".join(random.Random(n).choice(words) for _ in range(120))
        (content / f"a{n}.md").write_text(f"Title: Article {n}\nDate: 2026-01-01\nCategory: c{n % 20}\n\n{body}\n",
                                          encoding="utf-8")
    conf = work / "vanilla" / "pelicanconf.py"
    conf.write_text("PATH='content'\nSITEURL=''\nTIMEZONE='Europe/Brussels'\nDEFAULT_LANG='fr'\n"
                    "FEED_ALL_ATOM=None\nCATEGORY_FEED_ATOM=None\nAUTHOR_FEED_ATOM=None\nAUTHOR_FEED_RSS=None\n"
                    "LOAD_CONTENT_CACHE=False\n")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pelican", str(content), "-s", str(conf), "-o", str(work / "vanilla/out"),
                    "-q"], check=True, cwd=work / "vanilla")
    return time.perf_counter() - start


def size_mib(folder):
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


def main():
    from importers.esco import import_esco

    work = Path(tempfile.mkdtemp(prefix="bench-"))
    data = work / "data"
    start = time.perf_counter()
    import_esco(ESCO, data, ROOT / "data")
    print(f"ESCO import: {time.perf_counter() - start:.1f} s")
    out = work / "out"
    (full, peak), (again, _) = timed_build(data, out), timed_build(data, work / "out-again")
    full = min(full, again)  # the best of two, as for vanilla Pelican: this machine's speed varies
    pages = sum(1 for _ in out.rglob("*.html"))
    print(f"full build: {full:.1f} s, {pages} pages, {pages / full:.0f} pages/s, peak {peak:.0f} MiB, "
          f"output {size_mib(out):.0f} MiB, largest page {max(p.stat().st_size for p in out.rglob('*.html')) / 1024:.0f} KiB")
    rebuild = 0
    for n, (what, edits) in enumerate(EDITS.items()):
        rebuilds = preview_rebuilds(data, work / f"preview-{n}", edits)
        median = statistics.median(seconds for seconds, _ in rebuilds)
        rebuild = max(rebuild, median)
        print(f"preview rebuild after editing {what} (invoke serve): median {median:.2f} s, max "
              f"{max(seconds for seconds, _ in rebuilds):.2f} s of {len(rebuilds)} (target <= 2 s); "
              f"{rebuilds[0][1]} unchanged pages linked rather than rendered")
    for fraction in (0.1, 0.5):
        seconds, _ = timed_build(subset(data, fraction, work / f"data-{fraction}"), work / f"out-{fraction}")
        print(f"build at {fraction:.0%} of the professions: {seconds:.1f} s")
    print(f"build at 100% of the professions: {full:.1f} s")
    vanilla = min(vanilla_pelican(pages, work / "vanilla-1"), vanilla_pelican(pages, work / "vanilla-2"))
    print(f"vanilla Pelican, default theme, {pages} plain articles: {vanilla:.1f} s; "
          f"ratio ours/vanilla: {full / vanilla:.2f} (target <= 1.25)")
    print(json.dumps({"full_s": round(full, 2), "rebuild_s": round(rebuild, 2), "pages": pages,
                      "vanilla_s": round(vanilla, 2), "peak_mib": round(peak)}))


if __name__ == "__main__":
    main()
