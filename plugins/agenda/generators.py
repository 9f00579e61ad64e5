"""The agenda's generators: a page per activity, then the calendar files and news feeds."""
import posixpath
from pathlib import Path
from zoneinfo import ZoneInfo

from feedgenerator import Atom1Feed
from pelican.generators import Generator

from pages.generators import PageKindGenerator

from .agenda import Agenda, announced_at, with_suffix
from .calendar import calendar


class ActivityGenerator(PageKindGenerator):
    def records(self):
        return self.context["catalogue"].activities.values()


class AgendaGenerator(Generator):
    """Shares `agenda` with every template; writes .ics files and one Atom feed per language."""

    def generate_context(self):
        settings = self.settings
        self.context["agenda"] = Agenda(list(self.context["catalogue"].activities.values()),
                                        settings["AGENDA_TODAY"], self.context["localizers"],
                                        settings["LANGUAGES"], ZoneInfo(settings["TIMEZONE"]))

    def generate_output(self, writer):
        for lang in self.settings["LANGUAGES"]:
            self._write_calendars(lang)
            self._write_feed(lang)

    def _absolute(self, url):
        """The public address of a page, or '' when the site has none (preview, offline copy)."""
        return f"{self.settings['SITEURL']}/{url}" if self.settings["SITEURL"].startswith("https://") else ""

    def _link(self, url, here):
        """For the feed: the public address, or else the address relative to the feed's folder."""
        return self._absolute(url) or posixpath.relpath(url, here)

    def _write(self, url, content):
        path = Path(self.output_path) / url
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)

    def _write_calendars(self, lang):
        catalogue, agenda = self.context["catalogue"], self.context["agenda"]
        links = {a: self._absolute(a.urls[lang]) for a in catalogue.activities.values()}
        common = {"lang": lang, "links": links, "address": self.settings["CENTRE"]["address"][lang],
                  "domain": self.settings["AGENDA_UID_DOMAIN"]}
        for activity in catalogue.activities.values():
            self._write(with_suffix(activity.urls[lang], ".ics"),
                        calendar([activity], name=activity.title[lang], **common))
        for theme in catalogue.themes.values():
            self._write(with_suffix(theme.urls[lang], ".ics"),
                        calendar(agenda.upcoming(theme.activities), name=theme.title[lang], **common))

    def _write_feed(self, lang):
        catalogue, settings = self.context["catalogue"], self.settings
        page = catalogue.pages["agenda"]
        feed_url = with_suffix(page.urls[lang], ".atom")
        here = posixpath.dirname(feed_url)
        feed = Atom1Feed(title=page.title[lang], link=self._link(page.urls[lang], here),
                         description=page.summary[lang], language=lang,
                         feed_url=self._absolute(feed_url) or None,
                         feed_guid=f"tag:{settings['AGENDA_UID_DOMAIN']},2026:agenda/{lang}")
        for activity in self.context["agenda"].announced():
            feed.add_item(title=activity.title[lang], description=activity.summary[lang],
                          link=self._link(activity.urls[lang], here),
                          unique_id=f"tag:{settings['AGENDA_UID_DOMAIN']},{activity.announced}:activity/{activity.id}",
                          pubdate=announced_at(activity), updateddate=announced_at(activity))
        self._write(feed_url, feed.writeString("utf-8").encode("utf-8"))


AGENDA_GENERATORS = (ActivityGenerator, AgendaGenerator)
