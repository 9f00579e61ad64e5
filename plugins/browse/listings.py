"""The listings and their generator."""
from dataclasses import dataclass, field

from catalogue.model import Record
from i18n.collation import initial, sort_key
from pages.generators import PageKindGenerator
from pages.routes import assign_urls


@dataclass(eq=False, kw_only=True, repr=False)
class Listing(Record):
    """One page of professions to browse. `title` holds the letter, group or theme name."""

    listing: str  # letter, isco, theme
    items: dict = field(default_factory=dict)  # {lang: [Profession]}, sorted, this part only
    groups: list = field(default_factory=list)  # sub-groups of a major ISCO group: [(IscoGroup, Listing)]
    part: int = 1
    parts: list = field(default_factory=list)  # every part of this listing, in order
    total: int = 0

    page_kind = "browse"


@dataclass
class Browse:
    """What templates need to link to listings: context['browse']."""

    letters: list  # first part of each letter's listing
    isco_majors: list  # major group listings
    theme_lists: dict  # theme id -> first part of its listing
    parts: list  # every part of every listing: the pages to write


def _sorted_by_language(professions, languages):
    return {lang: sorted(professions, key=lambda p: sort_key(p.full_title(lang))) for lang in languages}


def _cut(key, title, listing, items, size, **extra):
    """A listing in parts of at most `size` professions per language; returns the parts."""
    count = max([len(v) for v in items.values()] + [1])
    parts = []
    for number, start in enumerate(range(0, count, size), 1):
        slug = key if number == 1 else f"{key}-{number}"
        parts.append(Listing(id=slug, source=None, slug={lang: slug for lang in items}, title=title,
                             listing=listing, items={lang: v[start:start + size] for lang, v in items.items()},
                             part=number, parts=parts, total=count, **extra))
    return parts


def build_listings(catalogue, languages, size):
    """The listings of a catalogue."""
    professions = list(catalogue.professions.values())
    by_letter = {}
    for lang in languages:
        for p in professions:
            by_letter.setdefault(initial(p.title[lang]), {code: [] for code in languages})[lang].append(p)
    by_letter = dict(sorted(by_letter.items()))
    letter_parts = [_cut(f"{letter.lower() if letter != '#' else '0-9'}", {lang: letter for lang in languages}, "letter",
                         {lang: sorted(items[lang], key=lambda p: sort_key(p.full_title(lang))) for lang in languages},
                         size) for letter, items in by_letter.items()]
    majors, major_parts = [], []
    for major in (g for g in catalogue.isco_groups.values() if len(g.id) == 1):
        subgroups = [(group, _cut(f"isco-{group.id}", group.label, "isco",
                                  _sorted_by_language(group.professions, languages), size))
                     for group in major.subgroups if group.professions]
        if subgroups:
            page = Listing(id=f"isco-{major.id}", source=None, slug={lang: f"isco-{major.id}" for lang in languages},
                           title=major.label, listing="isco", groups=[(g, parts[0]) for g, parts in subgroups])
            page.parts = [page]
            majors.append(page)
            major_parts += [page] + [part for _, parts in subgroups for part in parts]
    theme_parts = {theme.id: _cut(f"theme-{theme.id}", theme.title, "theme",
                                  _sorted_by_language(theme.professions, languages), size)
                   for theme in catalogue.themes.values() if len(theme.professions) > size}
    every = [p for parts in letter_parts for p in parts] + major_parts + [p for parts in theme_parts.values() for p in parts]
    return Browse([parts[0] for parts in letter_parts], majors, {k: v[0] for k, v in theme_parts.items()}, every)


class BrowseGenerator(PageKindGenerator):
    def generate_context(self):
        self.context["browse"] = build_listings(self.context["catalogue"], self.languages,
                                                self.settings["BROWSE_PAGE_SIZE"])
        assign_urls(self.records(), self.settings)

    def records(self):
        return self.context["browse"].parts

    def template_for(self, record):
        return "listing"
