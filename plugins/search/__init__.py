"""Client-side search: one lunr index per language, built from the model at build time.

The index of each language (professions with their feminine titles and other names, trainings,
themes, site pages) is written to SEARCH_INDEX_URL as a script that sets a global, with the
documents to show and the names of the pipeline it was built with. theme/static/js/search.js
loads it with a <script> tag when the visitor starts to search (works from file://) and
processes queries with the same pipeline. See pipeline.py for the text processing.
"""
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from .index import documents, index_script
from .pipeline import UnsupportedLanguage, pipeline_names

__all__ = ["SearchIndexGenerator", "UnsupportedLanguage", "register"]


class SearchIndexGenerator(Generator):
    """Writes theme/search/index-<lang>.js once every page has its URL."""

    def generate_context(self):
        for lang in self.settings["LANGUAGES"]:  # an unsupported language stops the build here
            pipeline_names(self.settings["THEME"], lang)

    def generate_output(self, writer):
        catalogue = self.context["catalogue"]
        for lang, localizer in self.context["localizers"].items():
            path = Path(self.output_path) / self.settings["SEARCH_INDEX_URL"].format(lang=lang)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(index_script(list(documents(catalogue, localizer)), lang, self.settings),
                            encoding="utf-8")


def get_generators(pelican):
    return SearchIndexGenerator


def register():
    signals.get_generators.connect(get_generators)
