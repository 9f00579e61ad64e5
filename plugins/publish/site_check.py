"""Checks of the built site, each problem as `page: message`: what a visitor or a crawler would hit.

Every internal link and #anchor resolves; every page of a language folder has its counterpart in
each other language (link rel=alternate), both ways, and a switcher that lands on it; `lang` and
`hreflang` are right; no page, stylesheet or script loads anything from another host; no inline
script or event handler (the Content-Security-Policy forbids them); no script uses cookies or Web
Storage; every page has a unique <title> and a meta description that is not its counterpart's.
"""
import html.parser
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

# Tags and attributes that make the browser load something, and <link rel> values that do too.
LOADING = {("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"), ("video", "src"),
           ("audio", "src"), ("embed", "src"), ("object", "data"), ("track", "src"), ("input", "src")}
LOADING_RELS = {"stylesheet", "icon", "preconnect", "prefetch", "dns-prefetch", "preload",
                "modulepreload", "manifest", "apple-touch-icon"}
OUTSIDE = re.compile(r"^[a-z][a-z0-9+.-]*:|^//", re.I)  # a scheme or another host
STORAGE = re.compile(r"document\.cookie|localStorage|sessionStorage|indexedDB")
CSS_OUTSIDE = re.compile(r"(url\(\s*['\"]?|@import\s+['\"])((https?:)?//[^'\")\s]+)", re.I)
DATA_TYPES = {"application/ld+json", "application/json"}  # not run by the browser


@dataclass
class BuiltPage:
    path: str  # relative to the output, with /
    lang: str = ""
    title: str = ""
    description: str = None
    canonical: str = None
    ids: set = field(default_factory=set)
    links: list = field(default_factory=list)  # (tag, attr, rel, value)
    alternates: dict = field(default_factory=dict)  # hreflang -> href
    switcher: dict = field(default_factory=dict)  # hreflang -> href of <a hreflang>
    inline_scripts: int = 0
    handlers: set = field(default_factory=set)


class _Parser(html.parser.HTMLParser):
    def __init__(self, page):
        super().__init__(convert_charrefs=True)
        self.page, self.in_title, self.script = page, False, None

    def handle_starttag(self, tag, attrs):
        a, page = dict(attrs), self.page
        rel = (a.get("rel") or "").lower()
        page.ids.update(filter(None, [a.get("id"), a.get("name") if tag == "a" else None]))
        page.handlers.update(name for name in a if name.startswith("on"))
        for attr in ("href", "src", "data"):
            if a.get(attr):
                page.links.append((tag, attr, rel, a[attr]))
        if tag == "html":
            page.lang = a.get("lang", "")
        elif tag == "title":
            self.in_title = True
        elif tag == "meta" and a.get("name") == "description":
            page.description = a.get("content", "")
        elif tag == "link" and rel == "canonical":
            page.canonical = a.get("href")
        elif tag == "link" and rel == "alternate" and a.get("hreflang"):
            page.alternates[a["hreflang"]] = a.get("href", "")
        elif tag == "a" and a.get("hreflang"):
            page.switcher[a["hreflang"]] = a.get("href", "")
        elif tag == "script" and not a.get("src") and a.get("type", "").lower() not in DATA_TYPES:
            page.inline_scripts += 1

    def handle_endtag(self, tag):
        self.in_title = self.in_title and tag != "title"

    def handle_data(self, data):
        if self.in_title:
            self.page.title += data


def parse_page(root, path):
    page = BuiltPage(path.relative_to(root).as_posix())
    _Parser(page).feed(path.read_text(encoding="utf-8"))
    page.title = " ".join(page.title.split())
    return page


def built_pages(root):
    """{path: BuiltPage} of every HTML page of the output."""
    root = Path(root)
    return {page.path: page for page in (parse_page(root, p) for p in sorted(root.rglob("*.html")))}


class SiteCheck:
    """One pass over the built output; `problems` lists `page: message`, sorted."""

    def __init__(self, root, settings):
        self.root, self.settings = Path(root), settings
        self.languages, self.web_url = list(settings["LANGUAGES"]), settings["WEB_URL"] or ""
        self.pages = built_pages(root)
        self.problems = []
        self.counterparts = {}  # path of each page of a language folder -> {lang: path}

    def report(self, page, message):
        self.problems.append(f"{page}: {message}")

    def target(self, page, href):
        """(output-relative path, anchor) a link of `page` leads to, or None if it leaves the site."""
        if self.web_url and href.startswith(self.web_url + "/"):
            href = "/" + href[len(self.web_url) + 1:]
        elif OUTSIDE.match(href):
            return None
        parts = urlsplit(href)
        base = PurePosixPath("/") if parts.path.startswith("/") else PurePosixPath("/", page).parent
        path = PurePosixPath(base, unquote(parts.path)) if parts.path else PurePosixPath("/", page)
        resolved = []
        for part in path.parts[1:]:
            if part == "..":
                if not resolved:
                    return "..", parts.fragment
                resolved.pop()
            elif part != ".":
                resolved.append(part)
        return "/".join(resolved), parts.fragment

    def lands_on(self, page, href):
        """The output path an internal link leads to, or None."""
        found = self.target(page, href) if href else None
        return found[0] if found else None

    def run(self):
        titles = {}
        for page in self.pages.values():
            self.check_links(page)
            self.check_scripts(page)
            self.check_texts(page)
            titles.setdefault(page.title, []).append(page.path)
            if page.path.split("/")[0] in self.languages:
                self.check_counterparts(page)
        for title, paths in titles.items():
            for path in paths[1:] if len(paths) > 1 else []:
                self.report(path, f"same <title> as {paths[0]}: \"{title}\"")
        self.check_assets()
        return sorted(self.problems)

    def check_links(self, page):
        for tag, attr, rel, href in page.links:
            loads = (tag, attr) in LOADING or (tag == "link" and set(rel.split()) & LOADING_RELS)
            if href.lower().startswith("javascript:"):
                self.report(page.path, f"javascript: link ({href}): not allowed")
                continue
            found = self.target(page.path, href)
            if found is None:
                if loads:
                    self.report(page.path, f"<{tag}> loads {href} from another host")
                continue
            path, anchor = found
            file = self.root / path
            if path == ".." or not file.is_file() and not (file / "index.html").is_file():
                self.report(page.path, f"dead link: {href} (no such file in the output)")
            elif anchor and path in self.pages and anchor not in self.pages[path].ids:
                self.report(page.path, f"dead anchor: {href} (no id=\"{anchor}\" in {path})")

    def check_scripts(self, page):
        if page.inline_scripts:
            self.report(page.path, f"{page.inline_scripts} inline <script>: move the code to a .js file "
                                   "(the Content-Security-Policy blocks it)")
        if page.handlers:
            self.report(page.path, f"inline event handler ({', '.join(sorted(page.handlers))}): "
                                   "use addEventListener in a .js file")

    def check_texts(self, page):
        if not page.title:
            self.report(page.path, "no <title>")
        if not (page.description or "").strip():
            self.report(page.path, "no meta description")
        if page.lang not in self.languages:
            self.report(page.path, f"<html lang=\"{page.lang}\"> is not one of {', '.join(self.languages)}")
        folder = page.path.split("/")[0]
        if folder in self.languages and page.lang != folder:
            self.report(page.path, f"<html lang=\"{page.lang}\"> in the '{folder}' folder")
        expected = f"{self.web_url}/{'' if page.path == 'index.html' else page.path}"
        if self.web_url and page.path != "404.html" and page.canonical != expected:
            self.report(page.path, f"canonical link is {page.canonical!r}, expected {expected!r}")

    def check_counterparts(self, page):
        for lang in self.languages:
            href = page.alternates.get(lang)
            found = self.target(page.path, href) if href else None
            other = self.pages.get(found[0]) if found else None
            if other is None:
                self.report(page.path, f"no counterpart in '{lang}' ({href or 'no link rel=alternate'})")
                continue
            self.counterparts.setdefault(page.path, {})[lang] = other.path
            if other.lang != lang:
                self.report(page.path, f"hreflang=\"{lang}\" leads to {other.path}, a page in '{other.lang}'")
            back = other.alternates.get(page.lang)
            if self.lands_on(other.path, back) != page.path:
                self.report(other.path, f"its '{page.lang}' counterpart should be {page.path} (found {back!r})")
            if lang != page.lang and self.lands_on(page.path, page.switcher.get(lang)) != other.path:
                self.report(page.path, f"the language switcher to '{lang}' should lead to {other.path} "
                                       f"(found {page.switcher.get(lang)!r})")
            elif lang != page.lang and other.description == page.description:
                self.report(page.path, f"meta description identical to {other.path}'s: write it in each language")

    def check_assets(self):
        for path in sorted(self.root.rglob("*.js")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                for match in STORAGE.finditer(line):
                    self.report(f"{path.relative_to(self.root).as_posix()}:{number}",
                                f"uses {match.group(0)}: the site stores nothing in the browser")
        for path in sorted(self.root.rglob("*.css")):
            for match in CSS_OUTSIDE.finditer(path.read_text(encoding="utf-8")):
                self.report(path.relative_to(self.root).as_posix(), f"loads {match.group(2)} from another host")


def check_output(root, settings):
    """Every problem of the built site in `root`, as sorted `page: message` lines (empty: publishable)."""
    return SiteCheck(root, settings).run()
