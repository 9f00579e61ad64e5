"""What templates ask the agenda: which activities are upcoming, and how a session is worded."""
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time

KINDS = ("zoom-metier", "information-session", "awareness-session", "workshop")


@dataclass
class Agenda:
    activities: list  # every Activity, in the order of the data file
    today: date
    localizers: dict  # {lang: Localizer}
    languages: dict  # settings LANGUAGES
    zone: ZoneInfo

    def is_upcoming(self, activity):
        return activity.sessions[-1].start.date() >= self.today

    def upcoming_sessions(self, activity):
        return [s for s in activity.sessions if s.start.date() >= self.today]

    def next_session(self, activity):
        """The first session from today on; for a past activity, its last one."""
        return (self.upcoming_sessions(activity) or activity.sessions[-1:])[0]

    def upcoming(self, activities=None):
        """Activities with a session from today on, soonest first."""
        chosen = [a for a in (self.activities if activities is None else activities) if self.is_upcoming(a)]
        return sorted(chosen, key=lambda a: self.next_session(a).start)

    def past(self):
        """Activities whose last session is over, latest first."""
        chosen = [a for a in self.activities if not self.is_upcoming(a)]
        return sorted(chosen, key=lambda a: a.sessions[-1].start, reverse=True)

    def announced(self):
        """Upcoming activities announced by today, the latest announced first: the news feed."""
        chosen = [a for a in self.upcoming() if date.fromisoformat(a.announced) <= self.today]
        return sorted(chosen, key=lambda a: a.announced, reverse=True)

    def kinds(self):
        return [k for k in KINDS if any(a.kind == k for a in self.activities)]

    def session_languages(self):
        """Every language some session is given in: the site's languages first, then the others."""
        codes = {code for a in self.activities for code in a.languages}
        return [c for c in self.languages if c in codes] + sorted(codes - set(self.languages))

    def beside(self, record, lang, suffix):
        """A file written next to a record's page: 'fr/activites/x.html' -> 'fr/activites/x.ics'."""
        return with_suffix(record.urls[lang], suffix)

    def when(self, session, lang):
        """{date, start, end} of a session as the language writes them: 'mardi 3 mars 2026', '9 h 30'."""
        locale, formats = self.localizers[lang].locale, self.languages[lang]["time_formats"]

        def clock(moment):
            pattern = formats["hour"] if moment.minute == 0 else formats["minutes"]
            return format_time(moment, pattern, tzinfo=self.zone, locale=locale)

        start = session.start.astimezone(self.zone)
        return {"date": format_date(start.date(), "full", locale=locale),
                "start": clock(session.start), "end": clock(session.end)}


def with_suffix(url, suffix):
    return url[: -len(".html")] + suffix


def announced_at(activity):
    """When an activity was announced, as a UTC moment: the date of its feed entry and calendar stamp."""
    return datetime.combine(date.fromisoformat(activity.announced), time(), timezone.utc)
