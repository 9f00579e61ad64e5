"""Client-side search: one lunr index per language, built from the model at build time.

The index of each language (professions with their feminine titles and other names, trainings,
themes, site pages) is written to SEARCH_INDEX_URL as a script that sets a global, with the
documents to show and the names of the pipeline it was built with. theme/static/js/search.js
loads it with a <script> tag when the visitor starts to search (works from file://) and
processes queries with the same pipeline. See pipeline.py for the text processing.

Stemming words is most of an index's work: a worker hands back the words it met first, and the
main process keeps them for the workers of its next build (the rebuilds of a preview).
"""
import gc
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from .index import documents, index_script
from .pipeline import UnsupportedLanguage, known_terms, pipeline_names

__all__ = ["SearchIndexGenerator", "UnsupportedLanguage", "register"]


class SearchIndexGenerator(Generator):
    """Writes theme/search/index-<lang>.js. The indexes are built in worker processes, one per
    language, from the moment every page has its URL, while the pages are being written."""

    def generate_context(self):
        for lang in self.settings["LANGUAGES"]:  # an unsupported language stops the build here
            pipeline_names(self.settings["THEME"], lang)
        self.scripts = {}

    def start(self):
        global _to_index
        _to_index = self.context["catalogue"], self.context["localizers"]
        workers = ProcessPoolExecutor(len(_to_index[1]), mp_context=multiprocessing.get_context("fork"))
        gc.freeze()  # the workers' garbage collections then leave what they inherit alone (no copy on write)
        self.scripts = {lang: workers.submit(_index_and_new_words, lang, self.settings) for lang in _to_index[1]}
        gc.unfreeze()
        _to_index = None
        workers.shutdown(wait=False)

    def generate_output(self, writer):
        for lang, script in self.scripts.items():
            path = Path(self.output_path) / self.settings["SEARCH_INDEX_URL"].format(lang=lang)
            path.parent.mkdir(parents=True, exist_ok=True)
            text, new_words = script.result()
            known_terms(pipeline_names(self.settings["THEME"], lang)).update(new_words)
            path.write_text(text, encoding="utf-8")


_to_index = None  # (catalogue, localizers) while the workers are forked: they inherit it, nothing is copied


def _index_and_new_words(lang, settings):
    """In a worker: the index script of `lang`, and the words first processed while making it."""
    catalogue, localizers = _to_index
    known = known_terms(pipeline_names(settings["THEME"], lang))
    already = len(known)
    script = index_script(list(documents(catalogue, localizers[lang])), lang, settings)
    return script, list(islice(known.items(), already, None))


def get_generators(pelican):
    return SearchIndexGenerator


def start_indexing(generators):
    for generator in generators:
        if isinstance(generator, SearchIndexGenerator):
            generator.start()


def register():
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(start_indexing)
