"""Builds the Catalogue from data/*.yaml and content/<lang>/**/*.md, reporting every problem.

One pass per file kind: read (yamlsource), check against the schema (validation), convert with
the field table below, then resolve references by id and link professions and trainings both ways.
"""
import re
from dataclasses import dataclass
from pathlib import Path

from pelican.readers import MarkdownReader

from .model import shown_path, Activity, Catalogue, IscoGroup, Duration, Profession, Provider, SitePage, Source, Theme, Training
from .schedule import finish_activity
from .texts import decode_utf8, text_problem
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
    DataKind("activity", "activites.yaml", "activites.schema.json", Activity, "", False),
    DataKind("ISCO group", "isco.yaml", "isco.schema.json", IscoGroup, "", False),
)

# Fields that name other entries: (kind, field) -> kind referred to.
REFERENCES = {
    ("training", "provider"): "provider",
    ("training", "themes"): "theme",
    ("training", "professions"): "profession",
    ("profession", "trainings"): "training",
    ("profession", "related"): "profession",
    ("profession", "themes"): "theme",
    ("activity", "themes"): "theme",
    ("activity", "professions"): "profession",
    ("activity", "trainings"): "training",
}

# Checks and conversions that need the whole entry: kind -> f(entry, raw YAML, problems, settings).
FINISHERS = {"activity": finish_activity}

# Links that editors write in Markdown to the site's own pages: [texte]({profession}boulanger)
INTERNAL_LINK = re.compile(r"\{(profession|training|theme|page)\}([A-Za-z0-9_-]*)")

# Converters from checked YAML values to model values, by field name.
CONVERTERS = {
    "duration": lambda value: Duration(value["amount"], value["unit"]),
    "isco": str,
}


# Front matter of Markdown files: `Key: value` lines, then an empty line. Allowed keys per folder.
FRONT_MATTER_LINE = re.compile(r"^([A-Za-z_]+):(\s.*|)$")
PAGE_KEYS = {"title": True, "slug": True, "template": False, "summary": False}  # key: required
PROSE_KEYS = {}  # prose of a record: its title and summary live in the data file


def _trimmed(value):
    """Text as the model keeps it: outer whitespace removed, in nested lists and dicts too."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list):
        return [_trimmed(v) for v in value]
    if isinstance(value, dict):
        return {k: _trimmed(v) for k, v in value.items()}
    return value


class CatalogueLoader:
    def __init__(self, settings, project_root: Path, problems):
        self.settings = settings
        self.root = project_root
        self.languages = list(settings["LANGUAGES"])
        self.problems = problems
        self.templates = {p.stem for p in (Path(settings["THEME"]) / "templates").glob("*.html")}
        self.reader = MarkdownReader(settings)
        self.internal_links = []  # (Source, kind, id) written in Markdown
        self.unreported = {}  # kind -> ids that exist but are invalid, or None if the file did not load
        self.invalid = []  # (kind, id, Source, raw entry) left out of the model for their errors

    def shown(self, path: Path):
        return shown_path(path, self.root)

    def load(self) -> Catalogue:
        entries = {kind.name: self._load_kind(kind) for kind in KINDS}
        self._resolve(entries)
        self._check_invalid_references(entries)
        self._group_by_isco(entries["profession"], entries["ISCO group"])
        pages = self._load_site_pages()
        for kind in KINDS:
            if kind.content_dir:
                self._attach_prose(kind, entries[kind.name])
        self._check_internal_links({**entries, "page": pages})
        self._check_slugs(list(entries["theme"].values()) + list(entries["training"].values())
                          + list(entries["profession"].values()) + list(pages.values())
                          + list(entries["activity"].values()))
        return Catalogue(
            themes=entries["theme"],
            providers=entries["provider"],
            trainings=entries["training"],
            professions=entries["profession"],
            pages=pages,
            activities=entries["activity"],
            isco_groups=entries["ISCO group"],
        )

    # -- data files --------------------------------------------------------------------------

    def _load_kind(self, kind: DataKind):
        path = Path(self.settings["DATA_PATH"]) / kind.file
        shown = self.shown(path)
        if not path.exists():
            self.problems.error(Source(shown, 1), f"file missing: create {shown} (see schema/{kind.schema})")
            return {}
        document = read_yaml(path, shown, self.problems)
        if not isinstance(document, dict):
            if document is not None:
                self.problems.error(Source(shown, 1), f"expected a mapping from {kind.name} id to {kind.name}")
            self.unreported[kind.name] = None
            return {}
        bad = schema_problems(document, shown, self.settings["SCHEMA_PATH"], kind.schema, kind.name, self.problems)
        self.unreported[kind.name] = bad
        localized = localized_fields(self.settings["SCHEMA_PATH"], kind.schema)
        entries = {}
        for entry_id, raw in document.items():
            source = Source(shown, document.line_of(entry_id))
            if isinstance(raw, dict):
                self._check_languages(kind, entry_id, raw, localized, shown)
            if entry_id in bad:
                self.invalid.append((kind.name, entry_id, source, raw))
            else:
                entries[entry_id] = self._build(kind, entry_id, raw, source)
        return entries

    def _check_languages(self, kind, entry_id, raw, localized, shown):
        for field in localized:
            if not isinstance(raw.get(field), dict):
                continue
            for lang in self.languages:
                if lang not in raw[field]:
                    self.problems.error(
                        Source(shown, raw.line_of(field)),
                        f"{kind.name} '{entry_id}': {field}: missing in '{lang}': add `{lang}: ...`",
                    )

    def _build(self, kind, entry_id, raw, source):
        values = {name: CONVERTERS.get(name, _trimmed)(value) for name, value in raw.items()}
        entry = kind.model(id=entry_id, source=source, **values)
        if kind.name in FINISHERS:
            FINISHERS[kind.name](entry, raw, self.problems, self.settings)
        return entry

    # -- references ----------------------------------------------------------------------------

    def _resolve(self, entries):
        """Replace ids by entries; a profession and a training linked from either side know each other."""
        for (kind, field), target in REFERENCES.items():
            for entry in entries[kind].values():
                value = getattr(entry, field)
                ids = [value] if isinstance(value, str) else value
                found = [self._lookup(kind, entry.id, entry.source, field, i, entries[target], target) for i in ids]
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
        for activity in entries["activity"].values():
            for linked in activity.themes + activity.professions + activity.trainings:
                linked.activities.append(activity)

    def _already_reported(self, kind, entry_id):
        """True if an entry is missing because its own errors were reported (or its file did not load)."""
        invalid = self.unreported.get(kind, set())
        return invalid is None or entry_id in invalid

    def _group_by_isco(self, professions, groups):
        """Each profession under its sub-major ISCO group, each sub-major group under its major group."""
        for code, group in groups.items():
            if len(code) == 2 and code[0] in groups:
                groups[code[0]].subgroups.append(group)
        for profession in professions.values():
            for code in dict.fromkeys((profession.isco[:1], profession.isco[:2])) if profession.isco else ():
                if code not in groups and not self._already_reported("ISCO group", code):
                    self.problems.error(profession.source, f"profession '{profession.id}': isco: no group '{code}' "
                                                           f"in data/isco.yaml: add its name in each language")
            if profession.isco[:2] in groups:
                groups[profession.isco[:2]].professions.append(profession)
        units = {}
        for profession in professions.values():
            if len(profession.isco) == 4:
                units.setdefault(profession.isco, []).append(profession)
                profession.same_unit_group = units[profession.isco]

    def _check_invalid_references(self, entries):
        """The references of entries left out for their errors are checked too: all problems at once."""
        for kind, entry_id, source, raw in self.invalid:
            for (referring, field), target in REFERENCES.items():
                value = raw.get(field) if referring == kind and isinstance(raw, dict) else None
                for ref_id in [value] if isinstance(value, str) else value if isinstance(value, list) else []:
                    if isinstance(ref_id, str):
                        self._lookup(kind, entry_id, source, field, ref_id, entries[target], target)

    def _lookup(self, kind, entry_id, source, field, ref_id, known, target):
        if ref_id in known or self._already_reported(target, ref_id):
            return known.get(ref_id)
        names = sorted(known)
        listing = ", ".join(f"'{n}'" for n in names[:5]) + (", ..." if len(names) > 5 else "")
        self.problems.error(
            source,
            f"{kind} '{entry_id}': {field}: "
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

    def _read_markdown(self, path, keys):
        """(html, metadata) of a Markdown file, or (None, {}) after reporting why it cannot be read."""
        shown = self.shown(path)
        text, bad_line = decode_utf8(path.read_bytes())
        if text is None:
            self.problems.error(Source(shown, bad_line), "text is not UTF-8: save the file as UTF-8")
            return None, {}
        for number, line in enumerate(text.splitlines(), 1):
            problem = text_problem(line)
            if problem:
                self.problems.error(Source(shown, number), problem)
            for match in INTERNAL_LINK.finditer(line):
                self.internal_links.append((Source(shown, number), *match.groups()))
        self._check_front_matter(shown, text, keys)
        return self.reader.read(str(path))

    def _check_front_matter(self, shown, text, keys):
        lines = text.splitlines()
        found = {}
        for number, line in enumerate(lines, 1):
            match = FRONT_MATTER_LINE.match(line)
            if not line.strip() or not match:
                break
            key = match.group(1).lower()
            found[key] = match.group(2).strip()
            if key not in keys:
                hint = did_you_mean(key, list(keys)) if keys else ": this file takes no metadata lines"
                self.problems.error(Source(shown, number), f"unknown metadata '{match.group(1)}'{hint}")
            elif not found[key]:
                self.problems.error(Source(shown, number), f"'{match.group(1)}:' is empty: write its value")
        for key, required in keys.items():
            if required and key not in found:
                self.problems.error(Source(shown, 1), f"missing '{key.capitalize()}:' line at the top of the file "
                                                      "(metadata lines, then an empty line, then the text)")
        template = found.get("template")
        if template and template not in self.templates:
            self.problems.error(Source(shown, 1), f"unknown template '{template}'"
                                                  f"{did_you_mean(template, sorted(self.templates))}")

    def _check_internal_links(self, entries):
        for source, kind, target in self.internal_links:
            if target not in entries[kind] and not self._already_reported(kind, target):
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
            fields = {"slug": {}, "title": {}, "summary": {}, "body": {}, "prose_sources": {}, "template": "page"}
            for lang, path in paths.items():
                html, meta = self._read_markdown(path, PAGE_KEYS)
                fields["prose_sources"][lang] = Source(self.shown(path), 1)
                fields["slug"][lang] = meta.get("slug", page_id)
                fields["title"][lang] = meta.get("title", page_id)
                fields["summary"][lang] = meta.get("summary", "")
                fields["body"][lang] = html or ""
                fields["template"] = meta.get("template", "page")
            first = next(iter(paths.values()))
            pages[page_id] = SitePage(id=page_id, source=Source(self.shown(first), 1), **fields)
        return pages

    def _attach_prose(self, kind, entries):
        files = self._markdown_files(kind.content_dir)
        for entry_id, paths in files.items():
            if self._already_reported(kind.name, entry_id):
                continue
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
                entries[entry_id].body[lang] = self._read_markdown(path, PROSE_KEYS)[0] or ""
                entries[entry_id].prose_sources[lang] = Source(self.shown(path), 1)
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
