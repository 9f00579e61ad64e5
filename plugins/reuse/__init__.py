"""Preview rebuilds: a profession, training or activity page whose inputs did not change since the
previous build of the same output, in the same process, is hard-linked from that output instead of
being rendered again. `invoke serve` builds with REUSE_PAGES_FROM set to its output folder.

A page's inputs are its record and every record its page shows (those its fields refer to, and its
neighbours), each fingerprinted field by field; and what any page may show, fingerprinted as a whole:
the settings, the theme, the plugins, the schemas, themes, site pages, providers, ISCO groups and the
address of every page. When that whole changes, every page is rendered again. Other pages (site pages,
themes, listings, search, open data) are always rendered: they show many records at once.
"""
import hashlib
import json
import os
from dataclasses import fields, is_dataclass
from pathlib import Path

from pelican import signals

from catalogue.model import Record

__all__ = ["PageReuse", "register"]

REUSED_KINDS = ("profession", "training", "activity")
NOT_SHOWN = ("source", "prose_sources", "urls")  # record fields no page shows
CODE = ("theme", "plugins", "schema")  # folders beside pelicanconf.py whose files any page depends on
_previous = {}  # output folder -> (site key, {(kind, id): page key}) of its last build in this process
_current = None


def _digest(text):
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def _plain(value):
    """A value as data: records by kind and id, other objects with an id by their id."""
    if isinstance(value, Record) or (is_dataclass(value) and hasattr(value, "id")):
        return (type(value).__name__, value.id)
    if is_dataclass(value):
        return tuple((f.name, _plain(getattr(value, f.name))) for f in fields(value))
    if isinstance(value, dict):
        return tuple(sorted((str(k), _plain(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple, set)):
        return tuple(_plain(v) for v in value)
    return value


def fingerprint(record):
    return _digest(repr([(f.name, _plain(getattr(record, f.name))) for f in fields(record)
                         if f.name not in NOT_SHOWN]))


def _records_in(value):
    if isinstance(value, Record):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _records_in(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _records_in(item)


def shown(record):
    """The records a record's page shows besides itself."""
    found = [r for f in fields(record) if f.name not in NOT_SHOWN for r in _records_in(getattr(record, f.name))]
    return found + list(record.neighbours()) if hasattr(record, "neighbours") else found


def _file_stamps(root):
    return sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size)
                  for folder in CODE for p in (root / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def site_key(settings, catalogue, records, browse):
    everything = {k: v for k, v in settings.items() if k.isupper() and k not in ("OUTPUT_PATH", "REUSE_PAGES_FROM")}
    shared = [*catalogue.themes.values(), *catalogue.pages.values()]
    return _digest(json.dumps([everything, _file_stamps(Path(settings["PATH"]).parent),
                               [fingerprint(r) for r in shared], _plain(list(catalogue.providers.values())),
                               [(g.id, _plain(g.label)) for g in catalogue.isco_groups.values()],
                               [(type(r).__name__, r.id, _plain(r.urls)) for r in records], _plain(browse)],
                              sort_keys=True, default=repr))


class PageReuse:
    """Which record pages of this build can be linked from the previous output."""

    def __init__(self, settings, catalogue, records, browse=None):
        self.previous_output = settings["REUSE_PAGES_FROM"]
        self.output = Path(settings["OUTPUT_PATH"])
        prints = {id(r): fingerprint(r) for r in records}
        self.site = site_key(settings, catalogue, records, browse)
        self.pages = {(r.page_kind, r.id): _digest(prints[id(r)] + "".join(
            sorted(prints.get(id(s)) or fingerprint(s) for s in shown(r))))
            for r in records if r.page_kind in REUSED_KINDS}
        site, pages = _previous.get(self.previous_output, (None, {}))
        self.unchanged = {key for key, value in self.pages.items() if site == self.site and pages.get(key) == value}
        self.linked = 0

    def link(self, record, path):
        """Link the page of `record` at `path` from the previous output; False: render it."""
        previous = Path(self.previous_output) / path
        if (record.page_kind, record.id) not in self.unchanged or not previous.is_file():
            return False
        target = self.output / path
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(previous, target)
        self.linked += 1
        return True


def start(generators):
    global _current
    context = generators[0].context
    settings = generators[0].settings
    _current = None
    if settings["REUSE_PAGES_FROM"]:
        catalogue = context["catalogue"]
        records = [*catalogue.records(), *catalogue.activities.values()]
        _current = context["page_reuse"] = PageReuse(settings, catalogue, records, context.get("browse"))


def remember(pelican):
    if _current is not None:
        _previous[_current.previous_output] = (_current.site, _current.pages)


def register():
    signals.all_generators_finalized.connect(start)
    signals.finalized.connect(remember)
