"""Client-side search: one lunr index per language, built from the model at build time.

The index of each language (professions with their feminine titles and other names, trainings,
themes, site pages) is written to SEARCH_INDEX_URL as a script that sets a global, with the
documents to show and the names of the pipeline it was built with. theme/static/js/search.js
loads it with a <script> tag when the visitor starts to search (works from file://) and
processes queries with the same pipeline. See pipeline.py for the text processing.
"""
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from .index import documents, index_script
from .pipeline import UnsupportedLanguage, pipeline_names

__all__ = ["SearchIndexGenerator", "UnsupportedLanguage", "register"]


class SearchIndexGenerator(Generator):
    """Writes theme/search/index-<lang>.js. The indexes are built in worker processes, one per
    language, from the moment every page has its URL, while the pages are being written."""

    def generate_context(self):
        for lang in self.settings["LANGUAGES"]:  # an unsupported language stops the build here
            pipeline_names(self.settings["THEME"], lang)
        self.scripts = {}

    def start(self):
        catalogue, localizers = self.context["catalogue"], self.context["localizers"]
        workers = ProcessPoolExecutor(len(localizers), mp_context=multiprocessing.get_context("fork"))
        self.scripts = {lang: workers.submit(index_script, list(documents(catalogue, localizer)), lang, self.settings)
                        for lang, localizer in localizers.items()}
        workers.shutdown(wait=False)

    def generate_output(self, writer):
        for lang, script in self.scripts.items():
            path = Path(self.output_path) / self.settings["SEARCH_INDEX_URL"].format(lang=lang)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(script.result(), encoding="utf-8")


def get_generators(pelican):
    return SearchIndexGenerator


def start_indexing(generators):
    for generator in generators:
        if isinstance(generator, SearchIndexGenerator):
            generator.start()


def register():
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(start_indexing)
