"""Tasks of metiers.brussels: `invoke --list`. Build, preview, check, translate, test."""
import gc
import logging
import os
import shutil
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from datetime import date, datetime, timezone
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from invoke import task
from pelican.log import console as pelican_console

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "plugins"))

from catalogue.problems import InvalidContent  # noqa: E402
from i18n.localizer import UntranslatedStrings  # noqa: E402
from site_settings.settings import SettingsError  # noqa: E402

EDITOR_ERRORS = (InvalidContent, SettingsError, UntranslatedStrings)
WATCHED = ("content", "data", "theme", "plugins", "schema", "pelicanconf.py")


class BuildFailed(Exception):
    """The site was not built; the message is for editors, the previous output is untouched."""


def read_site_settings(settings_file="pelicanconf.py", data=None, output="output", strict=None, extra=None):
    from pelican.settings import read_settings

    override = {"OUTPUT_PATH": str(Path(output).resolve()), **(extra or {})}
    if data:
        override["DATA_PATH"] = str(Path(data).resolve())
    if strict is not None:
        override["STRICT_CHECKS"] = strict
    return read_settings(str(ROOT / settings_file), override=override)


def build_site(settings_file="pelicanconf.py", output="output", data=None, strict=None, quiet=True, extra=None,
               reuse=False):
    """Build into a fresh folder beside `output`, then swap it in: a failed build changes nothing.
    `reuse`: link the pages that did not change since the last build of `output` in this process."""
    from pelican import Pelican

    output = Path(output).resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}-", dir=output.parent))
    extra = {**(extra or {}), "REUSE_PAGES_FROM": str(output)} if reuse else extra
    settings = read_site_settings(settings_file, data, staging, strict, extra)
    logging.getLogger("pelican").setLevel(logging.WARNING if quiet else logging.INFO)
    pelican_console.quiet = quiet  # its closing line counts blog articles, which this site has none of
    try:
        with _fewer_garbage_collections():
            Pelican(settings).run()
    except EDITOR_ERRORS as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(str(error)) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _swap(staging, output)
    return output


@contextmanager
def _fewer_garbage_collections():
    """A build makes millions of objects that live until it ends: Python's default, a collection every
    700 new objects, scans them again and again (a fifth of a preview's rebuild at ESCO scale)."""
    default = gc.get_threshold()
    gc.set_threshold(50_000, 20, 20)
    try:
        yield
    finally:
        gc.set_threshold(*default)


def _swap(new, output):
    old = output.with_name(f".{output.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if output.exists():
        output.rename(old)
    new.rename(output)
    shutil.rmtree(old, ignore_errors=True)


def _build_or_exit(**kwargs):
    start = time.perf_counter()
    try:
        out = build_site(**kwargs)
    except BuildFailed as error:
        print(error, file=sys.stderr)
        print("The site was not built; the previous output is unchanged.", file=sys.stderr)
        sys.exit(1)
    print(f"Built {out} in {time.perf_counter() - start:.1f} s. Offline copy: file://{out}/index.html")
    return out


@task(help={"data": "data folder to build from (default: data/)", "output": "where to write the site",
            "strict": "warnings count as errors, as when publishing"})
def build(c, data=None, output="output", strict=False):
    """Check, then build the site into output/ (open output/index.html straight from disk)."""
    _build_or_exit(data=data, output=output, strict=strict or None)


def check_content(settings_file="pelicanconf.py", data=None, strict=None):
    """(report, failed): every problem of the content, sorted by file and line; nothing is written."""
    from checks import check_site
    from site_settings import check_settings

    try:
        settings = check_settings(read_site_settings(settings_file, data, strict=strict))
    except SettingsError as error:
        return str(error), True
    _catalogue, problems = check_site(settings)
    failed = bool(problems.errors or (settings["STRICT_CHECKS"] and problems.warnings))
    mode = " (strict mode: warnings count as errors)" if settings["STRICT_CHECKS"] else ""
    report = "\n".join(filter(None, [problems.report(), problems.summary() + mode]))
    return report, failed


@task(help={"data": "data folder to check (default: data/)", "strict": "warnings count as errors"})
def check(c, data=None, strict=False):
    """Check all content and report every problem as file:line, without building."""
    start = time.perf_counter()
    report, failed = check_content(data=data, strict=strict or None)
    print(report, file=sys.stderr if failed else sys.stdout)
    print(f"Checked in {time.perf_counter() - start:.1f} s.")
    if failed:
        sys.exit(1)


def publication_settings(day=None, data=None):
    """publishconf.py, checked, with the date of the version: `day`, else SOURCE_DATE_EPOCH, else today.
    The agenda counts "upcoming" from that date too, so the same sources and date give the same files."""
    from site_settings import check_settings

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    day = day or (datetime.fromtimestamp(int(epoch), timezone.utc).date() if epoch else date.today())
    overrides = {"BUILD_DATE": str(day), "AGENDA_TODAY": str(day)}
    return check_settings(read_site_settings("publishconf.py", data, strict=True, extra=overrides)), overrides


def publish_site(output="output", dist="dist", day=None, data=None, progress=print):
    """Publish: see plugins/publish/. Raises PublicationFailed (nothing changed) or BuildFailed."""
    from publish import publish_site as run

    settings, overrides = publication_settings(day, data)
    build = partial(build_site, "publishconf.py", data=data, strict=True, extra=overrides)
    return run(settings, lambda: check_content("publishconf.py", data, strict=True),
               lambda folder: build(output=folder), _swap, output, dist, progress)


@task(help={"date": "date of the version, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today)",
            "output": "web version folder", "dist": "folder of the offline zip", "data": "data folder"})
def publish(c, date=None, output="output", dist="dist", data=None):
    """Check strictly, build with publishconf.py, check the result, then write output/ and the offline zip."""
    from publish import PublicationFailed

    try:
        print(publish_site(output, dist, date, data).summary())
    except (PublicationFailed, BuildFailed) as error:
        print(f"{error}\nNothing was published: output/ and dist/ are unchanged.", file=sys.stderr)
        sys.exit(1)


def _snapshot():
    files = []
    for name in WATCHED:
        path = ROOT / name
        files += [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return {str(p): p.stat().st_mtime for p in files}


def _watch(output, data):
    seen = _snapshot()
    while True:
        time.sleep(1)
        now = _snapshot()
        if now != seen:
            seen = now
            try:
                start = time.perf_counter()
                build_site(output=output, data=data, reuse=True)
                print(f"Rebuilt in {time.perf_counter() - start:.1f} s.")
            except BuildFailed as error:
                print(f"{error}\nNot rebuilt: fix the problems above.", file=sys.stderr)


@task(help={"port": "port of the preview server", "data": "data folder", "output": "output folder"})
def serve(c, port=8000, data=None, output="output"):
    """Build, serve on http://localhost:PORT and rebuild when content, data or theme change."""
    out = _build_or_exit(data=data, output=output, reuse=True)
    threading.Thread(target=_watch, args=(output, data), daemon=True).start()
    handler = partial(SimpleHTTPRequestHandler, directory=str(out))
    server = ThreadingHTTPServer(("127.0.0.1", int(port)), handler)
    print(f"Preview: http://localhost:{port}/  (Ctrl+C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        server.server_close()


@task(help={"kind": "profession, training, theme, provider, activity or page", "id": "its id, e.g. boulanger"})
def new(c, kind, id):
    """Add a new entry, ready to fill in, in every language: `invoke new profession boulanger`."""
    from catalogue import Problems
    from catalogue.scaffold import new_entry, new_page
    from site_settings import check_settings

    settings = check_settings(read_site_settings())
    try:
        created = new_page(settings, id) if kind == "page" else new_entry(settings, kind, id, Problems())
    except ValueError as error:
        sys.exit(str(error))
    print("Created " + ", ".join(created) + ".\nFill in the empty fields: `invoke check` lists what is missing.")


@task(name="import-esco", help={"source": "folder of the official ESCO CSV export (occupations_fr.csv...)",
                                "dest": "data folder to import into (created; other data files copied if absent)"})
def import_esco(c, source, dest):
    """Import ESCO occupations (FR/NL) into DEST/metiers.yaml; keeps what editors changed."""
    from importers.esco import import_esco as run_import

    report = run_import(Path(source), Path(dest), ROOT / "data")
    for name, ids in vars(report).items():
        if ids and name != "unchanged":
            print(f"{name.replace('_', ' ')}: {', '.join(ids[:10])}{' ...' if len(ids) > 10 else ''}")
    print(f"ESCO import into {dest}: {report.summary()}. Preview: invoke build --data {dest} --output DIR")


@task
def bench(c):
    """Build benchmark at ESCO scale: full build, rebuild, pages/s, memory, vs vanilla Pelican."""
    c.run(f"{sys.executable} bench/build_bench.py")


@task
def translations(c):
    """Extract theme strings and update the catalogs; then translate the new entries."""
    pot, pybabel = "theme/translations/messages.pot", Path(sys.executable).parent / "pybabel"
    c.run(f"{pybabel} -q extract -F theme/babel.cfg --sort-output --omit-header -o {pot} theme")
    c.run(f"{pybabel} -q update -i {pot} -d theme/translations --no-fuzzy-matching --ignore-obsolete")


@task(help={"k": "only tests matching this expression"})
def test(c, k=""):
    """Run the whole test suite (browser tests included)."""
    selection = f"-k '{k}'" if k else ""
    c.run(f"{sys.executable} -m pytest -q {selection}", pty=False)
