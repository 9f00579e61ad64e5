"""The data model of the site: what templates read. Loaded once per build by catalogue.loading."""
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

Text = dict  # {language code: text}


def shown_path(path, root):
    """A path as editors see it: relative to the project (data/metiers.yaml) when inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path(root).resolve()))
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class Source:
    """Where an entry was written, for messages to editors: data/metiers.yaml:42."""

    path: str
    line: int

    def __str__(self):
        return f"{self.path}:{self.line}"


@dataclass(eq=False, kw_only=True, repr=False)
class Record:
    """An entry with a page per language. `urls` is filled by the pages plugin before any write."""

    id: str
    source: Source
    slug: Text
    title: Text
    body: Text = field(default_factory=dict)  # HTML from content/<lang>/<kind>/<id>.md, if any
    prose_sources: dict = field(default_factory=dict)  # {lang: Source} of that Markdown
    urls: dict = field(default_factory=dict)

    page_kind = "record"

    def __repr__(self):  # records link to each other in cycles: never print the graph
        return f"<{type(self).__name__} {self.id!r} {self.source}>"


@dataclass(eq=False, kw_only=True, repr=False)
class Theme(Record):
    summary: Text
    icon: str
    professions: list = field(default_factory=list)
    trainings: list = field(default_factory=list)
    activities: list = field(default_factory=list)

    page_kind = "theme"


@dataclass(eq=False, kw_only=True, repr=False)
class Provider:
    id: str
    source: Source
    name: Text
    kind: str
    url: Text

    def __repr__(self):
        return f"<Provider {self.id!r} {self.source}>"


@dataclass(eq=False, kw_only=True, repr=False)
class IscoGroup:
    """An ISCO-08 major (1 digit) or sub-major (2 digits) group, to browse the répertoire by."""

    id: str
    source: Source
    label: Text
    subgroups: list = field(default_factory=list)  # of a major group
    professions: list = field(default_factory=list)  # whose code falls in this group, at its level

    def __repr__(self):
        return f"<IscoGroup {self.id!r} {self.source}>"


@dataclass(frozen=True)
class Duration:
    amount: float
    unit: str  # hour, day, week, month, year


@dataclass(eq=False, kw_only=True, repr=False)
class Training(Record):
    provider: Provider
    kind: str
    level: str
    duration: Duration
    languages: list
    cost: float
    cost_note: Text = field(default_factory=dict)
    conditions: Text
    summary: Text
    themes: list
    professions: list = field(default_factory=list)
    url: Text = field(default_factory=dict)
    activities: list = field(default_factory=list)

    page_kind = "training"


@dataclass(eq=False, kw_only=True, repr=False)
class Profession(Record):
    title_feminine: Text = field(default_factory=dict)
    other_names: dict = field(default_factory=dict)
    summary: Text = field(default_factory=dict)
    description: Text = field(default_factory=dict)
    tasks: dict = field(default_factory=dict)
    skills: dict = field(default_factory=dict)
    working_conditions: Text = field(default_factory=dict)
    access: Text = field(default_factory=dict)
    level: str = ""
    trainings: list = field(default_factory=list)
    regulated: bool
    regulation: Text = field(default_factory=dict)
    foreign_diploma: Text = field(default_factory=dict)
    languages: list = field(default_factory=list)
    shortage: bool = False
    related: list = field(default_factory=list)
    themes: list
    isco: str = ""
    esco: str = ""
    esco_checksum: str = ""  # set by the ESCO import: its texts come from ESCO
    same_unit_group: list = field(default_factory=list)  # professions sharing the 4-digit ISCO code
    activities: list = field(default_factory=list)

    page_kind = "profession"

    # Fields that describe a profession to visitors; missing ones are reported as a warning.
    DESCRIBING = ("summary", "tasks", "skills", "working_conditions", "access", "level", "languages")

    def neighbours(self, limit=12):
        """Related professions: the editors' (or ESCO's) first, then others of the same ISCO unit group."""
        chosen = list(self.related)
        chosen += [p for p in self.same_unit_group if p not in chosen and p is not self]
        return chosen[:limit]

    def missing_descriptions(self):
        return [name for name in self.DESCRIBING if not getattr(self, name)]

    def full_title(self, lang):
        """'Boulanger / Boulangère' where the language has a feminine form, else 'Bakker'."""
        feminine = self.title_feminine.get(lang)
        return f"{self.title[lang]} / {feminine}" if feminine else self.title[lang]


@dataclass(frozen=True)
class Session:
    """One meeting of an activity: start and end as aware datetimes in the site's time zone."""

    start: datetime
    end: datetime


@dataclass(eq=False, kw_only=True, repr=False)
class Activity(Record):
    """A workshop or collective activity; `sessions` are expanded (repeats included) and in order."""

    summary: Text
    description: Text
    kind: str
    themes: list
    professions: list = field(default_factory=list)
    trainings: list = field(default_factory=list)
    sessions: list
    repeat: dict = field(default_factory=dict)
    place: Text
    languages: list
    audience: Text
    partners: list = field(default_factory=list)
    registration: dict
    places: int = 0  # 0: not limited
    full: bool = False
    cancelled: bool = False
    announced: str

    page_kind = "activity"


@dataclass(eq=False, kw_only=True, repr=False)
class SitePage(Record):
    """A page of content/<lang>/pages/: home, répertoire, practical information, statements."""

    summary: Text
    template: str

    page_kind = "page"


@dataclass(eq=False, repr=False)
class Catalogue:
    """Everything the site shows, linked both ways, in the order of the data files."""

    themes: dict
    providers: dict
    trainings: dict
    professions: dict
    pages: dict
    activities: dict = field(default_factory=dict)
    isco_groups: dict = field(default_factory=dict)

    def __repr__(self):
        return f"<Catalogue of {len(self.professions)} professions, {len(self.trainings)} trainings>"

    def records(self):
        """Every entry that has a page, in a stable order (activities are listed apart, in `activities`)."""
        for group in (self.pages, self.themes, self.professions, self.trainings):
            yield from group.values()
