"""Client-side search: one lunr index per language, built from the model at build time.

The index of each language (professions with their feminine titles and other names, trainings,
themes, site pages) is written to SEARCH_INDEX_URL as a script that sets a global, with the
documents to show and the names of the pipeline it was built with. theme/static/js/search.js
loads it with a <script> tag when the visitor starts to search (works from file://) and
processes queries with the same pipeline. See pipeline.py for the text processing.

The indexes are made in worker processes while the pages are written (workers.py). In a preview
(REUSE_PAGES_FROM set), each language keeps its worker from one rebuild to the next, with its lunr
builder and the words it has stemmed: a rebuild indexes again only the documents that changed. A
language whose documents did not change since the last build keeps its index.
"""
import hashlib
import json
from dataclasses import astuple
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from .index import documents
from .pipeline import UnsupportedLanguage, pipeline_names
from .workers import Ready, fork_workers, preview_worker

__all__ = ["SearchIndexGenerator", "UnsupportedLanguage", "register"]


class SearchIndexGenerator(Generator):
    """Writes theme/search/index-<lang>.js. The indexes are built in worker processes, one per
    language, from the moment every page has its URL, while the pages are being written."""

    def generate_context(self):
        for lang in self.settings["LANGUAGES"]:  # an unsupported language stops the build here
            pipeline_names(self.settings["THEME"], lang)
        self.scripts = {}

    def start(self):
        docs = {lang: list(documents(self.context["catalogue"], localizer))
                for lang, localizer in self.context["localizers"].items()}
        self.keys = {lang: _key(lang_docs, lang, self.settings) for lang, lang_docs in docs.items()}
        self.scripts = {lang: Ready(_made[lang][1]) for lang in docs if _made.get(lang, (None,))[0] == self.keys[lang]}
        to_index = {lang: lang_docs for lang, lang_docs in docs.items() if lang not in self.scripts}
        settings = {name: self.settings[name] for name in ("THEME", "SEARCH_BOOSTS")}
        if self.settings["REUSE_PAGES_FROM"]:
            self.scripts.update({lang: preview_worker(lang).submit(lang_docs, lang, settings)
                                 for lang, lang_docs in to_index.items()})
        elif to_index:
            self.scripts.update(fork_workers(to_index, settings))

    def generate_output(self, writer):
        for lang, script in self.scripts.items():
            path = Path(self.output_path) / self.settings["SEARCH_INDEX_URL"].format(lang=lang)
            path.parent.mkdir(parents=True, exist_ok=True)
            text = script.result()
            _made[lang] = self.keys[lang], text
            path.write_text(text, encoding="utf-8")


_made = {}  # lang -> (key of its documents and settings, index script) of the last build in this process


def _key(docs, lang, settings):
    return hashlib.blake2b(json.dumps([lang, str(settings["THEME"]), settings["SEARCH_BOOSTS"],
                                       [astuple(doc) for doc in docs]]).encode(), digest_size=16).digest()


def get_generators(pelican):
    return SearchIndexGenerator


def start_indexing(generators):
    for generator in generators:
        if isinstance(generator, SearchIndexGenerator):
            generator.start()


def register():
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(start_indexing)
