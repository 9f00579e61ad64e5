"""Checks of the HTML that editors' Markdown becomes: images, links, embedded resources, scripts."""
import html.parser
import re
from pathlib import Path

from catalogue.model import Source

EXTERNAL = re.compile(r"^(https?:)?//", re.I)
IMAGE = re.compile(r"^\{image\}(.+)$")
EMBEDDING = {"img": "src", "iframe": "src", "script": "src", "video": "src", "audio": "src",
             "source": "src", "embed": "src", "object": "data", "track": "src", "link": "href"}


class _Tags(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _line_of(text, needle):
    for number, line in enumerate(text.splitlines(), 1):
        if needle and needle in line:
            return number
    return 1


def _tag_problem(tag, attrs, images_dir):
    """(what to look for in the source, message) for one tag, or None."""
    if tag == "script":
        return "<script", "raw <script> in content: remove it (content may not run scripts)"
    address = attrs.get(EMBEDDING.get(tag, ""), "") or ""
    if tag in EMBEDDING and EXTERNAL.match(address):
        return address, (f"embedded {tag} from another host ({address}): visitors' browsers would contact it; "
                         "save the file in content/images/ and write {image}name, or link to the page instead")
    if tag == "iframe":
        return "<iframe", "<iframe> in content: link to the page instead"
    if tag == "img":
        return _image_problem(attrs, images_dir)
    if tag == "a":
        href = attrs.get("href", "")
        if href.lower().startswith("http://"):
            return href, f"link is not https ({href}): use the https:// address"
        if href.lower().startswith("javascript:"):
            return "javascript:", "javascript: link in content: remove it"
    return None


def _image_problem(attrs, images_dir):
    src = attrs.get("src", "")
    if not attrs.get("alt", "").strip():
        return src or "![", "image without alternative text: describe it between the brackets: ![what it shows](...)"
    match = IMAGE.match(src)
    if not match:
        return src, f"image address '{src}': write {{image}}name.ext and put the file in content/images/"
    if not (images_dir / match.group(1)).is_file():
        return src, f"image file missing: content/images/{match.group(1)}: add it or fix the name"
    return None


def markdown_problems(record, settings, problems):
    images_dir = Path(settings["PATH"]) / "images"
    for lang, source in record.prose_sources.items():
        parser = _Tags()
        parser.feed(record.body.get(lang, ""))
        text = None
        for tag, attrs in parser.tags:
            found = _tag_problem(tag, attrs, images_dir)
            if found:
                if text is None:
                    text = (Path(settings["PATH"]).parent / source.path).read_text(encoding="utf-8")
                needle, message = found
                problems.error(Source(source.path, _line_of(text, needle)), message)
