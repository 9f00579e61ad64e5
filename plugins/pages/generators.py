"""One generator per page kind. Each sets `urls` on its records, then writes them per language."""
from jinja2 import pass_context
from pelican.generators import Generator

from .links import page_url, resolve_links, url_to
from .routes import assign_urls


@pass_context
def by_title(context, records):
    """Records sorted by title with the collation of the page's language."""
    return context["i18n"].sorted(records)


@pass_context
def groupby_initial(context, records):
    """[(letter, records)] of records already sorted by title, for an A–Z list."""
    i18n, groups = context["i18n"], {}
    for record in records:
        groups.setdefault(i18n.initial(record.title[context["lang"]]), []).append(record)
    return list(groups.items())


class PageKindGenerator(Generator):
    """Base: `records()` lists what to write, `template_for()` with which template."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.env.filters.update({"url": url_to, "links": resolve_links, "by_title": by_title,
                                 "groupby_initial": groupby_initial})
        self.env.globals.update({"page_url": page_url})

    @property
    def languages(self):
        return list(self.settings["LANGUAGES"])

    def records(self):
        raise NotImplementedError

    def template_for(self, record):
        return record.page_kind

    def generate_context(self):
        assign_urls(self.records(), self.settings)

    def language_context(self, lang):
        """What every template of one language gets besides the page: its strings and formats."""
        i18n = self.context["localizers"][lang]
        return {**self.context, "lang": lang, "i18n": i18n, "_": i18n.gettext,
                "gettext": i18n.gettext, "ngettext": i18n.ngettext}

    def generate_output(self, writer):
        reuse = self.context.get("page_reuse")
        for lang in self.languages:
            context = self.language_context(lang)
            for record in self.records():
                if reuse and reuse.link(record, record.urls[lang]):
                    continue
                writer.write_file(record.urls[lang], self.get_template(self.template_for(record)),
                                  context, relative_urls=True, page=record)


class SitePageGenerator(PageKindGenerator):
    def records(self):
        return self.context["catalogue"].pages.values()

    def template_for(self, record):
        return record.template


class ThemeGenerator(PageKindGenerator):
    def records(self):
        return self.context["catalogue"].themes.values()


class ProfessionGenerator(PageKindGenerator):
    def records(self):
        return self.context["catalogue"].professions.values()


class TrainingGenerator(PageKindGenerator):
    def records(self):
        return self.context["catalogue"].trainings.values()


class LanguageChooserGenerator(PageKindGenerator):
    """index.html at the root: both languages side by side, no redirect (works from file://)."""

    def generate_context(self):
        pass

    def generate_output(self, writer):
        home = self.context["catalogue"].pages["home"]
        languages = [(lang, self.language_context(lang)) for lang in self.languages]
        writer.write_file("index.html", self.get_template("root"),
                          self.language_context(self.settings["DEFAULT_LANG"]),
                          relative_urls=True, page=home, languages=languages)


PAGE_GENERATORS = (SitePageGenerator, ThemeGenerator, ProfessionGenerator, TrainingGenerator,
                   LanguageChooserGenerator)
