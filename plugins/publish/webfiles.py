"""Files for the web host only: sitemap.xml (with the hreflang alternates of each page) and robots.txt."""
import xml.etree.ElementTree as ET
from pathlib import Path

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
WEB_ONLY = ("404.html", "robots.txt", "sitemap.xml")  # meaningless in the offline copy


def sitemap(counterparts, settings):
    """The sitemap of every page of a language folder, with its counterparts {lang: path}, as bytes."""
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    web, languages = settings["WEB_URL"], settings["LANGUAGES"]
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for path, others in sorted(counterparts.items()):
        url = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = f"{web}/{path}"
        for lang in languages:
            ET.SubElement(url, f"{{{XHTML_NS}}}link", rel="alternate", hreflang=lang, href=f"{web}/{others[lang]}")
    ET.indent(urlset)
    return ET.tostring(urlset, encoding="utf-8", xml_declaration=True) + b"\n"


def write_web_files(root, counterparts, settings):
    root = Path(root)
    (root / "sitemap.xml").write_bytes(sitemap(counterparts, settings))
    (root / "robots.txt").write_text(f"User-agent: *\nAllow: /\n\nSitemap: {settings['WEB_URL']}/sitemap.xml\n",
                                     encoding="utf-8")
