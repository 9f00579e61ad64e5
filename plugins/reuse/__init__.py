"""Preview rebuilds: a profession, training, activity or listing page whose inputs did not change
since the previous build of the same output, in the same process, is hard-linked from that output
instead of being rendered again. `invoke serve` builds with REUSE_PAGES_FROM set to its output folder.

A page's inputs are its record and every record its page shows (those its fields refer to, such as
the professions of a listing, and its neighbours), each fingerprinted field by field; and what any
page may show, fingerprinted as a whole: the settings, the theme, the plugins, the schemas, themes,
site pages, providers (a profession shows those of its trainings), the names of ISCO groups, the
listings and the address of every page. When that whole changes, every page is rendered again. Other
pages (site pages, themes, search, open data) are always rendered: they show many records at once.
"""
import hashlib
import json
import os
from dataclasses import fields, is_dataclass
from pathlib import Path

from pelican import signals

__all__ = ["PageReuse", "register"]

REUSED_KINDS = ("profession", "training", "activity", "browse")
NOT_SHOWN = ("source", "prose_sources", "urls")  # record fields no page shows
_previous = {}  # output folder -> (site key, {(kind, id): page key}) of its last build in this process
_current = None


def _digest(text):
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def _as_data(named):
    """json.dumps' `default`: records and other objects with an id by kind and id, and added to `named`;
    other dataclasses by their fields, sets as lists, anything else by its repr."""
    def as_data(value):
        if is_dataclass(value):
            if hasattr(value, "id"):
                named.append(value)
                return [type(value).__name__, value.id]
            return {f.name: getattr(value, f.name) for f in fields(value)}
        return list(value) if isinstance(value, (set, frozenset)) else repr(value)
    return as_data


def _text(value, named=None):
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=_as_data([] if named is None else named))


def fingerprint(record):
    """(digest of what the record's page shows of it, the other records its fields name)."""
    named = []
    shown = {f.name: getattr(record, f.name) for f in fields(record) if f.name not in NOT_SHOWN}
    return _digest(_text(shown, named)), named


def _file_stamps(settings):
    """Files any page depends on: the theme's, the plugins', the schemas'."""
    folders = [settings["THEME"], *settings["PLUGIN_PATHS"], settings["SCHEMA_PATH"]]
    return sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for folder in folders
                  for p in Path(folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def site_key(settings, catalogue, records, prints, browse):
    """Digest of what any page may show; `prints`: fingerprint of each record, by id()."""
    everything = {k: v for k, v in settings.items() if k.isupper() and k not in ("OUTPUT_PATH", "REUSE_PAGES_FROM")}
    shared = [*catalogue.themes.values(), *catalogue.pages.values()]
    return _digest(_text([everything, _file_stamps(settings), [prints[id(r)][0] for r in shared],
                          [fingerprint(p)[0] for p in catalogue.providers.values()],
                          [(g.id, g.label) for g in catalogue.isco_groups.values()],
                          [(type(r).__name__, r.id, r.urls) for r in records], browse]))


class PageReuse:
    """Which record pages of this build can be linked from the previous output."""

    def __init__(self, settings, catalogue, records, browse=None):
        self.previous_output = settings["REUSE_PAGES_FROM"]
        self.output = Path(settings["OUTPUT_PATH"])
        prints = {id(r): fingerprint(r) for r in records}
        self.site = site_key(settings, catalogue, records, prints, browse)
        self.pages = {(r.page_kind, r.id): self._page_key(r, prints) for r in records if r.page_kind in REUSED_KINDS}
        site, pages = _previous.get(self.previous_output, (None, {}))
        self.unchanged = {key for key, value in self.pages.items() if site == self.site and pages.get(key) == value}
        self.linked = 0
        self.folders = set()

    @staticmethod
    def _page_key(record, prints):
        """Digest of the record and of every record its page shows: those its fields name, its neighbours."""
        own, named = prints[id(record)]
        neighbours = record.neighbours() if hasattr(record, "neighbours") else []
        return _digest(own + "".join(sorted((prints.get(id(r)) or fingerprint(r))[0] for r in [*named, *neighbours])))

    def link(self, record, path):
        """Link the page of `record` at `path` from the previous output; False: render it."""
        if (record.page_kind, record.id) not in self.unchanged:
            return False
        target = self.output / path
        if target.parent not in self.folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            self.folders.add(target.parent)
        try:
            os.link(Path(self.previous_output) / path, target)
        except FileNotFoundError:
            return False
        self.linked += 1
        return True


def start(generators):
    global _current
    context = generators[0].context
    settings = generators[0].settings
    _current = None
    if settings["REUSE_PAGES_FROM"]:
        catalogue = context["catalogue"]
        browse = context.get("browse")
        records = [*catalogue.records(), *catalogue.activities.values(), *(browse.parts if browse else [])]
        _current = context["page_reuse"] = PageReuse(settings, catalogue, records, browse)


def remember(pelican):
    if _current is not None:
        _previous[_current.previous_output] = (_current.site, _current.pages)


def register():
    signals.all_generators_finalized.connect(start)
    signals.finalized.connect(remember)
