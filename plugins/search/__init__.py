"""Client-side search: one lunr index per language, built from the model at build time.

The index of each language (professions with their feminine titles and other names, trainings,
themes, site pages) is written to SEARCH_INDEX_URL as a script that sets a global, with the
documents to show and the names of the pipeline it was built with. theme/static/js/search.js
loads it with a <script> tag when the visitor starts to search (works from file://) and
processes queries with the same pipeline. See pipeline.py for the text processing.

In a preview (REUSE_PAGES_FROM set), each language keeps its worker process from one rebuild to the
next, with its lunr builder and the words it has stemmed: a rebuild indexes again only the documents
that changed. A language whose documents did not change since the last build keeps its index.
"""
import gc
import hashlib
import json
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import astuple
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from .index import IndexBuilder, documents, index_script
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
        docs = {lang: list(documents(self.context["catalogue"], localizer))
                for lang, localizer in self.context["localizers"].items()}
        self.keys = {lang: _key(lang_docs, lang, self.settings) for lang, lang_docs in docs.items()}
        self.scripts = {lang: _Done(_made[lang][1]) for lang in docs if _made.get(lang, (None,))[0] == self.keys[lang]}
        to_index = {lang: lang_docs for lang, lang_docs in docs.items() if lang not in self.scripts}
        settings = {name: self.settings[name] for name in ("THEME", "SEARCH_BOOSTS")}
        if self.settings["REUSE_PAGES_FROM"]:
            self.scripts.update({lang: _preview_worker(lang).submit(lang_docs, lang, settings)
                                 for lang, lang_docs in to_index.items()})
        elif to_index:
            self.scripts.update(_fork_workers(to_index, settings))

    def generate_output(self, writer):
        for lang, script in self.scripts.items():
            path = Path(self.output_path) / self.settings["SEARCH_INDEX_URL"].format(lang=lang)
            path.parent.mkdir(parents=True, exist_ok=True)
            text = script.result()
            _made[lang] = self.keys[lang], text
            path.write_text(text, encoding="utf-8")


_made = {}  # lang -> (key of its documents and settings, index script) of the last build in this process
_to_index = None  # {lang: documents} while the workers are forked: they inherit it, nothing is copied
_preview_workers = {}  # lang -> _PreviewWorker


def _key(docs, lang, settings):
    return hashlib.blake2b(json.dumps([lang, str(settings["THEME"]), settings["SEARCH_BOOSTS"],
                                       [astuple(doc) for doc in docs]]).encode(), digest_size=16).digest()


class _Done:
    """The index of documents that did not change since the last build, as if from a worker."""

    def __init__(self, text):
        self.text = text

    def result(self):
        return self.text


def _fork_workers(to_index, settings):
    """{lang: future index script}, one worker process per language, forked for this build only."""
    global _to_index
    _to_index = to_index
    workers = ProcessPoolExecutor(len(to_index), mp_context=multiprocessing.get_context("fork"))
    gc.freeze()  # the workers' garbage collections then leave what they inherit alone (no copy on write)
    scripts = {lang: workers.submit(_index_forked, lang, settings) for lang in to_index}
    gc.unfreeze()
    workers.shutdown(wait=False)
    _to_index = None
    return scripts


def _index_forked(lang, settings):
    return index_script(_to_index[lang], lang, settings)


class _PreviewWorker:
    """A process that indexes one language at each rebuild of a preview, keeping its IndexBuilder."""

    def __init__(self):
        self.connection, child = multiprocessing.Pipe()
        self.process = multiprocessing.get_context("fork").Process(target=_index_on_request, args=(child,),
                                                                     daemon=True)
        self.process.start()

    def submit(self, docs, lang, settings):
        self.connection.send((docs, lang, settings))
        return self

    def result(self):
        reply = self.connection.recv()
        if isinstance(reply, Exception):
            raise reply
        return reply


def _preview_worker(lang):
    if lang not in _preview_workers or not _preview_workers[lang].process.is_alive():
        _preview_workers[lang] = _PreviewWorker()
    return _preview_workers[lang]


def _index_on_request(connection):
    # Forked from the main process, it holds copies of its pipes and sockets: closed here, so that
    # whoever waits for their other end to close (a browser driver, a server) is not kept waiting.
    os.closerange(3, connection.fileno())
    os.closerange(connection.fileno() + 1, os.sysconf("SC_OPEN_MAX"))
    builders = {}  # (lang, theme, boosts) -> IndexBuilder of the documents last indexed
    while True:
        docs, lang, settings = connection.recv()
        key = (lang, str(settings["THEME"]), json.dumps(settings["SEARCH_BOOSTS"], sort_keys=True))
        try:
            if key not in builders:
                builders[key] = IndexBuilder(pipeline_names(settings["THEME"], lang), settings["SEARCH_BOOSTS"])
            reply = index_script(docs, lang, settings, builders[key])
        except Exception as error:  # reported by the build, in the main process
            builders.pop(key, None)
            reply = error
        connection.send(reply)


def get_generators(pelican):
    return SearchIndexGenerator


def start_indexing(generators):
    for generator in generators:
        if isinstance(generator, SearchIndexGenerator):
            generator.start()


def register():
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(start_indexing)
