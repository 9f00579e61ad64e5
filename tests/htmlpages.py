"""Reading built pages the way the tests need: links, language, alternates, text."""
import html.parser
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass
class ParsedPage:
    path: Path
    lang: str = ""
    links: list = field(default_factory=list)  # (tag, attr, value)
    alternates: dict = field(default_factory=dict)  # hreflang -> href (link rel=alternate)
    switcher: dict = field(default_factory=dict)  # hreflang -> href (a hreflang)
    title: str = ""
    texts: list = field(default_factory=list)

    @property
    def text(self):
        return " ".join(" ".join(self.texts).split())

    def resolve(self, href):
        """The file a relative link points to (without its #anchor)."""
        return (self.path.parent / unquote(urlsplit(href).path)).resolve()


class _Parser(html.parser.HTMLParser):
    def __init__(self, page):
        super().__init__(convert_charrefs=True)
        self.page, self.in_title, self.skip = page, False, 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.page.lang = a.get("lang", "")
        if tag in ("script", "style"):
            self.skip += 1
        self.in_title = tag == "title"
        for attr in ("href", "src"):
            if a.get(attr):
                self.page.links.append((tag, attr, a[attr]))
        if tag == "link" and a.get("rel") == "alternate" and a.get("hreflang"):
            self.page.alternates[a["hreflang"]] = a["href"]
        if tag == "a" and a.get("hreflang"):
            self.page.switcher[a["hreflang"]] = a["href"]

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1
        self.in_title = False

    def handle_data(self, data):
        if self.in_title:
            self.page.title += data
        elif not self.skip:
            self.page.texts.append(data)


def parse(path):
    page = ParsedPage(Path(path))
    _Parser(page).feed(Path(path).read_text(encoding="utf-8"))
    return page


def all_pages(site):
    return [parse(p) for p in sorted(Path(site).rglob("*.html"))]
