"""Where the indexes are made: in worker processes forked for one build, or, in a preview, in one
process per language kept from one rebuild to the next with its IndexBuilder, so that a rebuild
indexes again only the documents that changed. Each gives an object whose result() is the script."""
import gc
import json
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from .index import IndexBuilder, index_script
from .pipeline import pipeline_names

_to_index = None  # {lang: documents} while the workers are forked: they inherit it, nothing is copied
_preview_workers = {}  # lang -> PreviewWorker


class Ready:
    """An index already made (its documents did not change since the last build), as if from a worker."""

    def __init__(self, text):
        self.text = text

    def result(self):
        return self.text


def fork_workers(to_index, settings):
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


class PreviewWorker:
    """A process that indexes one language at each rebuild of a preview, keeping its IndexBuilder."""

    def __init__(self):
        self.connection, child = multiprocessing.Pipe()
        self.process = multiprocessing.get_context("fork").Process(target=_index_on_request, args=(child,),
                                                                     daemon=True)
        gc.freeze()  # its garbage collections then leave what it inherits alone (no copy on write)
        self.process.start()
        gc.unfreeze()
        self.unread = False

    def submit(self, docs, lang, settings):
        if self.unread:  # the reply to a build that failed before reading it: it would block the pipe
            self.connection.recv()
        self.connection.send((docs, lang, settings))
        self.unread = True
        return self

    def result(self):
        reply, self.unread = self.connection.recv(), False
        if isinstance(reply, Exception):
            raise reply
        return reply


def preview_worker(lang):
    if lang not in _preview_workers or not _preview_workers[lang].process.is_alive():
        _preview_workers[lang] = PreviewWorker()
    return _preview_workers[lang]


def _index_on_request(connection):
    # Forked from the main process, it holds copies of its pipes and sockets: closed here, so that
    # whoever waits for their other end to close (a browser driver, a server) is not kept waiting.
    os.closerange(3, connection.fileno())
    os.closerange(connection.fileno() + 1, os.sysconf("SC_OPEN_MAX"))
    builders = {}  # lang -> ((theme, boosts), IndexBuilder of the documents last indexed)
    while True:
        docs, lang, settings = connection.recv()
        key = (str(settings["THEME"]), json.dumps(settings["SEARCH_BOOSTS"], sort_keys=True))
        try:
            if builders.get(lang, (None,))[0] != key:
                builders[lang] = key, IndexBuilder(pipeline_names(settings["THEME"], lang), settings["SEARCH_BOOSTS"])
            reply = index_script(docs, lang, settings, builders[lang][1])
        except Exception as error:  # reported by the build, in the main process
            builders.pop(lang, None)
            reply = error
        connection.send(reply)
