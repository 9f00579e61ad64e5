"""`invoke publish`, step by step: nothing reaches output/ or dist/ unless every check passes."""
import shutil
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .archive import site_files, write_manifest, write_zip
from .site_check import SiteCheck
from .validator import invalid_html
from .webfiles import WEB_ONLY, write_web_files

CHECKS = ("editorial checks (strict)", "links and anchors", "counterparts and language switchers",
          "nothing from another host", "no inline script, cookie or Web Storage", "lang and hreflang",
          "unique titles, descriptions in each language", "canonical links", "HTML validity (vnu)")
ZIP_NAME = "metiers-brussels-{day}"


class PublicationFailed(Exception):
    """Nothing was published; the message lists every problem, each naming its file or page."""


@dataclass
class Publication:
    output: Path
    zip_path: Path
    pages: dict = field(default_factory=dict)  # lang -> number of pages
    size: int = 0
    zip_size: int = 0

    def summary(self):
        pages = ", ".join(f"{n} in {lang}" for lang, n in self.pages.items())
        return (f"Published {self.output} ({pages}; {self.size / 1e6:.1f} MB) and {self.zip_path} "
                f"({self.zip_size / 1e6:.1f} MB).\nChecks passed: {', '.join(CHECKS)}.")


@contextmanager
def step(progress, number, label):
    progress(f"[{number}/6] {label}…")
    start = time.perf_counter()
    yield
    progress(f"      done in {time.perf_counter() - start:.1f} s")


def _fail_on(problems, what):
    if problems:
        raise PublicationFailed(f"{what}:\n" + "\n".join(problems) + f"\n{len(problems)} problem(s): not published.")


def publish_site(settings, check, build, install, output, dist, progress=print):
    """Check, build (`build(folder)`), check the built site, add the web files, manifest and zip,
    then `install(folder, output)`. `settings` are the checked publishing settings."""
    staging = Path(dist) / ".publication"
    try:
        zip_path = _prepare(settings, check, build, staging, dist, progress)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    with step(progress, 6, f"Installing into {output}"):
        install(staging, Path(output).resolve())
    return _publication(Path(output).resolve(), zip_path, settings)


def _prepare(settings, check, build, staging, dist, progress):
    """Steps 1 to 5, in `staging`: the offline zip's path, or PublicationFailed."""
    day = settings["BUILD_DATE"]
    with step(progress, 1, "Editorial checks (strict mode)"):
        report, failed = check()
        if failed:
            raise PublicationFailed(report)
    with step(progress, 2, "Building with publishconf.py"):
        build(staging)
    with step(progress, 3, "Checking the built pages"):
        site = SiteCheck(staging, settings)
        _fail_on(site.run(), "The built site has problems")
    with step(progress, 4, "Validating the HTML (vnu)"):
        _fail_on(invalid_html(staging), "Invalid HTML")
    with step(progress, 5, "Writing sitemap.xml, robots.txt, the manifest and the offline zip"):
        write_web_files(staging, site.counterparts, settings)
        write_manifest(staging)
        name = ZIP_NAME.format(day=day.isoformat())
        return write_zip(staging, Path(dist) / f"{name}.zip", name, day, leave_out=WEB_ONLY)


def _publication(output, zip_path, settings):
    files = site_files(output)
    pages = {lang: sum(1 for f in files if f.startswith(f"{lang}/") and f.endswith(".html"))
             for lang in settings["LANGUAGES"]}
    return Publication(output, zip_path, pages, sum((output / f).stat().st_size for f in files),
                       zip_path.stat().st_size)
