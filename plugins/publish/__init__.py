"""Publication: the post-build step of `invoke publish`, and the web-only 404 page.

`publish_site()` (publication.py) runs the strict editorial checks, builds with publishconf.py,
checks the built site (site_check.py: links and anchors, counterparts and switcher, other hosts,
scripts, lang/hreflang, titles and descriptions; validator.py: HTML validity with vnu), writes
the web-only files (webfiles.py: sitemap.xml, robots.txt) and the manifest, then packs the
offline copy (archive.py). Any problem stops the publication with a message naming the page.

During the build, when WEB_URL is set, this plugin adds 404.html at the root (both languages side
by side; a web host serves it at any address, so its links are absolute) and gives templates
`structured_data(page)`, the schema.org JSON-LD of the page (structured.py).
"""
from pages.generators import PageKindGenerator
from pelican import signals

from .publication import PublicationFailed, publish_site
from .site_check import check_output
from .structured import add_to_templates

__all__ = ["PublicationFailed", "check_output", "publish_site", "register"]


class NotFoundPageGenerator(PageKindGenerator):
    """404.html for the web host, in every language, with absolute links to the web version."""

    def generate_context(self):
        pass

    def generate_output(self, writer):
        if not self.settings["WEB_URL"]:
            return
        languages = [(lang, self.language_context(lang)) for lang in self.languages]
        writer.write_file("404.html", self.get_template("404"),
                          self.language_context(self.settings["DEFAULT_LANG"]), relative_urls=False,
                          page=self.context["catalogue"].pages["home"], languages=languages)


def get_generators(pelican):
    return NotFoundPageGenerator


def register():
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(add_to_templates)
