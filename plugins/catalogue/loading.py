"""Builds the Catalogue from data/*.yaml and content/<lang>/**/*.md, reporting every problem.

One pass per file kind: read (yamlsource), check against the schema (validation), convert with
the field table below, then resolve references by id and link professions and trainings both ways.
"""
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pelican.readers import MarkdownReader

from .model import Catalogue, Duration, Profession, Provider, SitePage, Source, Theme, Training
from .problems import InvalidContent, Problems
from .validation import did_you_mean, localized_fields, schema_problems
from .yamlsource import read_yaml


@dataclass(frozen=True)
class DataKind:
    """One data file: its schema, the model class it fills, and its content folder for prose."""

    name: str  # as said to editors: profession, training...
    file: str
    schema: str
    model: type
    content_dir: str  # content/<lang>/<content_dir>/<id>.md
    prose_required: bool


KINDS = (
    DataKind("theme", "themes.yaml", "themes.schema.json", Theme, "themes", True),
    DataKind("provider", "providers.yaml", "providers.schema.json", Provider, "", False),
    DataKind("training", "trainings.yaml", "trainings.schema.json", Training, "trainings", False),
    DataKind("profession", "metiers.yaml", "metiers.schema.json", Profession, "professions", False),
)

# Fields that name other entries: (kind, field) -> kind referred to.
REFERENCES = {
    ("training", "provider"): "provider",
    ("training", "themes"): "theme",
    ("training", "professions"): "profession",
    ("profession", "trainings"): "training",
    ("profession", "related"): "profession",
    ("profession", "themes"): "theme",
}

# Links that editors write in Markdown to the site's own pages: [texte]({profession}boulanger)
INTERNAL_LINK = re.compile(r"\{(profession|training|theme|page)\}([A-Za-z0-9_-]*)")

# Converters from checked YAML values to model values, by field name.
CONVERTERS = {
    "duration": lambda value: Duration(value["amount"], value["unit"]),
    "isco": str,
}


def _nfc(value):
    """Text as the model keeps it: Unicode NFC, outer whitespace removed, in nested lists and dicts too."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value.strip())
    if isinstance(value, list):
        return [_nfc(v) for v in value]
    if isinstance(value, dict):
        return {k: _nfc(v) for k, v in value.items()}
    return value


class CatalogueLoader:
    def __init__(self, settings, project_root: Path):
        self.settings = settings
        self.root = project_root
        self.languages = list(settings["LANGUAGES"])
        self.problems = Problems()
        self.reader = MarkdownReader(settings)
        self.internal_links = []  # (Source, kind, id) written in Markdown

    def shown(self, path: Path):
        """A path as editors see it: relative to the project, e.g. data/metiers.yaml."""
        try:
            return str(path.resolve().relative_to(self.root.resolve()))
        except ValueError:
            return str(path)

    def load(self) -> Catalogue:
        entries = {kind.name: self._load_kind(kind) for kind in KINDS}
        self._resolve(entries)
        pages = self._load_site_pages()
        for kind in KINDS:
            if kind.content_dir:
                self._attach_prose(kind, entries[kind.name])
        self._check_internal_links({**entries, "page": pages})
        self._check_slugs(list(entries["theme"].values()) + list(entries["training"].values())
                          + list(entries["profession"].values()) + list(pages.values()))
        if self.problems.errors:
            raise InvalidContent(self.problems)
        return Catalogue(
            themes=entries["theme"],
            providers=entries["provider"],
            trainings=entries["training"],
            professions=entries["profession"],
            pages=pages,
        )

    # -- data files --------------------------------------------------------------------------

    def _load_kind(self, kind: DataKind):
        path = Path(self.settings["DATA_PATH"]) / kind.file
        shown = self.shown(path)
        if not path.exists():
            self.problems.error(Source(shown, 1), f"file missing: create {shown} (see schema/{kind.schema})")
            return {}
        document = read_yaml(path, shown, self.problems)
        if document is None:
            return {}
        if not isinstance(document, dict):
            self.problems.error(Source(shown, 1), f"expected a mapping from {kind.name} id to {kind.name}")
            return {}
        bad = schema_problems(document, shown, self.settings["SCHEMA_PATH"], kind.schema, kind.name, self.problems)
        localized = localized_fields(self.settings["SCHEMA_PATH"], kind.schema)
        entries = {}
        for entry_id, raw in document.items():
            if entry_id in bad:
                continue
            source = Source(shown, document.line_of(entry_id))
            self._check_languages(kind, entry_id, raw, localized, shown)
            entries[entry_id] = self._build(kind, entry_id, raw, source)
        return entries

    def _check_languages(self, kind, entry_id, raw, localized, shown):
        for field in localized:
            if field not in raw:
                continue
            for lang in self.languages:
                if lang not in raw[field]:
                    self.problems.error(
                        Source(shown, raw.line_of(field)),
                        f"{kind.name} '{entry_id}': {field}: missing in '{lang}': add `{lang}: ...`",
                    )

    def _build(self, kind, entry_id, raw, source):
        values = {name: CONVERTERS.get(name, _nfc)(value) for name, value in raw.items()}
        return kind.model(id=entry_id, source=source, **values)

    # -- references ----------------------------------------------------------------------------

    def _resolve(self, entries):
        """Replace ids by entries; a profession and a training linked from either side know each other."""
        for (kind, field), target in REFERENCES.items():
            for entry in entries[kind].values():
                value = getattr(entry, field)
                ids = [value] if isinstance(value, str) else value
                found = [self._lookup(entry, field, i, entries[target], target) for i in ids]
                found = [f for f in found if f is not None]
                setattr(entry, field, found[0] if isinstance(value, str) and found else found)
        for training in entries["training"].values():
            for profession in training.professions:
                if training not in profession.trainings:
                    profession.trainings.append(training)
        for profession in entries["profession"].values():
            for training in profession.trainings:
                if profession not in training.professions:
                    training.professions.append(profession)
            for theme in profession.themes:
                theme.professions.append(profession)
        for training in entries["training"].values():
            for theme in training.themes:
                theme.trainings.append(training)

    def _lookup(self, entry, field, ref_id, known, target):
        if ref_id in known:
            return known[ref_id]
        names = sorted(known)
        listing = ", ".join(f"'{n}'" for n in names[:5]) + (", ..." if len(names) > 5 else "")
        self.problems.error(
            entry.source,
            f"{entry.page_kind} '{entry.id}': {field}: "
            f"unknown {target} '{ref_id}' (known: {listing}){did_you_mean(ref_id, names)}",
        )
        return None

    # -- Markdown -------------------------------------------------------------------------------

    def _markdown_files(self, folder):
        """{id: {lang: path}} for content/<lang>/<folder>/<id>.md."""
        found = {}
        for lang in self.languages:
            for path in sorted((Path(self.settings["PATH"]) / lang / folder).glob("*.md")):
                found.setdefault(path.stem, {})[lang] = path
        return found

    def _read_markdown(self, path):
        text = path.read_text(encoding="utf-8")
        for number, line in enumerate(text.splitlines(), 1):
            for match in INTERNAL_LINK.finditer(line):
                self.internal_links.append((Source(self.shown(path), number), *match.groups()))
        return self.reader.read(str(path))

    def _check_internal_links(self, entries):
        for source, kind, target in self.internal_links:
            if target not in entries[kind]:
                known = sorted(entries[kind])
                self.problems.error(
                    source,
                    f"link to unknown {kind} '{target}'{did_you_mean(target, known)}: "
                    f"write the id of an entry, e.g. ({{{kind}}}{known[0] if known else 'id'})",
                )

    def _missing_counterparts(self, what, entry_id, paths):
        for lang in self.languages:
            if lang not in paths:
                other = next(iter(paths.values()))
                self.problems.error(
                    Source(self.shown(other), 1),
                    f"{what} '{entry_id}' has no {lang} version: create content/{lang}/{other.parent.name}/{other.name}",
                )

    def _load_site_pages(self):
        pages = {}
        for page_id, paths in self._markdown_files("pages").items():
            self._missing_counterparts("page", page_id, paths)
            fields = {"slug": {}, "title": {}, "summary": {}, "body": {}, "template": "page"}
            for lang, path in paths.items():
                html, meta = self._read_markdown(path)
                for key in ("title", "slug"):
                    if not meta.get(key):
                        self.problems.error(
                            Source(self.shown(path), 1),
                            f"page '{page_id}': missing '{key.capitalize()}:' line at the top of the file",
                        )
                fields["slug"][lang] = meta.get("slug", page_id)
                fields["title"][lang] = meta.get("title", page_id)
                fields["summary"][lang] = meta.get("summary", "")
                fields["body"][lang] = html
                fields["template"] = meta.get("template", "page")
            first = next(iter(paths.values()))
            pages[page_id] = SitePage(id=page_id, source=Source(self.shown(first), 1), **fields)
        return pages

    def _attach_prose(self, kind, entries):
        files = self._markdown_files(kind.content_dir)
        for entry_id, paths in files.items():
            if entry_id not in entries:
                first = next(iter(paths.values()))
                self.problems.error(
                    Source(self.shown(first), 1),
                    f"no {kind.name} '{entry_id}' in data/{kind.file}{did_you_mean(entry_id, list(entries))}: "
                    f"rename the file after an id of data/{kind.file}, or add the entry",
                )
                continue
            self._missing_counterparts(kind.name, entry_id, paths)
            for lang, path in paths.items():
                entries[entry_id].body[lang] = self._read_markdown(path)[0]
        if kind.prose_required:
            for entry_id, entry in entries.items():
                if entry_id not in files:
                    self.problems.error(
                        entry.source,
                        f"{kind.name} '{entry_id}': its text is missing: create content/<lang>/{kind.content_dir}/{entry_id}.md",
                    )

    # -- slugs ----------------------------------------------------------------------------------

    def _check_slugs(self, records):
        seen = {}
        for record in records:
            for lang, slug in record.slug.items():
                key = (record.page_kind if record.page_kind != "page" else "page", lang, slug)
                if key in seen:
                    self.problems.error(
                        record.source,
                        f"{record.page_kind} '{record.id}': slug '{slug}' ({lang}) is already used by "
                        f"'{seen[key].id}' ({seen[key].source}): choose another",
                    )
                else:
                    seen[key] = record
