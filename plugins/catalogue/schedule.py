"""Turns the sessions written in data/activites.yaml into dated sessions, and checks them.

A session is written "2026-03-03 09:30-12:00" (local time of the site's TIMEZONE); `repeat`
gives it again every N weeks at the same local time, so a daylight-saving change moves nothing.
"""
import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from .model import Session, Source

SESSION = re.compile(r"^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})-(\d{2}:\d{2})$")


def _day(text):
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _clock(text):
    try:
        return time.fromisoformat(text)
    except ValueError:
        return None


def _session_problem(text):
    """What is wrong with a session written in the right form, or ''."""
    day_text, start_text, end_text = SESSION.match(text).groups()
    if _day(day_text) is None:
        return f"'{text}': {day_text} is not a day of the calendar: check the day and the month"
    for clock in (start_text, end_text):
        if _clock(clock) is None:
            return f"'{text}': {clock} is not a time of day: write hours 00-23 and minutes 00-59"
    if _clock(end_text) <= _clock(start_text):
        return (f"'{text}': it ends at {end_text}, not after it starts at {start_text}: "
                f"write the start first, on a 24-hour clock (e.g. 13:30-16:00)")
    return ""


def _dated(day, start, end, zone):
    return Session(datetime.combine(day, start, zone), datetime.combine(day, end, zone))


def expand(texts, repeat, zone):
    """The sessions of well-formed texts, each repeated as `repeat` says, in time order."""
    times, weeks = repeat.get("times", 1), repeat.get("every_weeks", 1)
    sessions = []
    for text in texts:
        day_text, start_text, end_text = SESSION.match(text).groups()
        first = _day(day_text)
        for n in range(times):
            day = first + timedelta(weeks=weeks * n)
            sessions.append(_dated(day, _clock(start_text), _clock(end_text), zone))
    return sorted(sessions, key=lambda s: s.start)


def finish_activity(activity, raw, problems, settings):
    """Check the dates of an activity, then replace its written sessions by dated ones."""
    where = f"activity '{activity.id}'"
    bad = False
    for text in activity.sessions:
        problem = _session_problem(text)
        if problem:
            problems.error(Source(activity.source.path, raw.line_of("sessions")), f"{where}: sessions: {problem}")
            bad = True
    if _day(activity.announced) is None:
        problems.error(Source(activity.source.path, raw.line_of("announced")),
                       f"{where}: announced: {activity.announced} is not a day of the calendar: "
                       f"check the day and the month")
    activity.sessions = [] if bad else expand(activity.sessions, activity.repeat, ZoneInfo(settings["TIMEZONE"]))
