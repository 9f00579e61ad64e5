"""The data model of the site: what templates read. Loaded once per build by catalogue.loading."""
from dataclasses import dataclass, field

Text = dict  # {language code: text}


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

    page_kind = "training"


@dataclass(eq=False, kw_only=True, repr=False)
class Profession(Record):
    title_feminine: Text = field(default_factory=dict)
    other_names: dict = field(default_factory=dict)
    summary: Text
    tasks: dict
    skills: dict
    working_conditions: Text
    access: Text
    level: str
    trainings: list = field(default_factory=list)
    regulated: bool
    regulation: Text = field(default_factory=dict)
    foreign_diploma: Text = field(default_factory=dict)
    languages: list
    shortage: bool
    related: list = field(default_factory=list)
    themes: list
    isco: str = ""
    esco: str = ""

    page_kind = "profession"

    def full_title(self, lang):
        """'Boulanger / Boulangère' where the language has a feminine form, else 'Bakker'."""
        feminine = self.title_feminine.get(lang)
        return f"{self.title[lang]} / {feminine}" if feminine else self.title[lang]


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

    def __repr__(self):
        return f"<Catalogue of {len(self.professions)} professions, {len(self.trainings)} trainings>"

    def records(self):
        """Every entry that has a page, in a stable order."""
        for group in (self.pages, self.themes, self.professions, self.trainings):
            yield from group.values()
