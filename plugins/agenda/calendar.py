"""iCalendar (RFC 5545) files of activities, with stable UIDs and the site's time zone."""
from functools import lru_cache

from icalendar import Calendar, Event

from .agenda import announced_at


def uid(activity, session, domain):
    """Stable across builds and languages: the activity id and the local start of the session."""
    return f"{activity.id}-{session.start:%Y%m%dT%H%M}@{domain}"


def _event(activity, session, lang, link, address, domain):
    """What the event of one session says, as plain values."""
    return (uid(activity, session, domain), announced_at(activity), session.start, session.end, activity.title[lang],
            f"{activity.summary[lang]}\n\n{link}".strip(), f"{activity.place[lang]}, {address}", link,
            "CANCELLED" if activity.cancelled else "CONFIRMED")


def calendar(activities, lang, links, address, domain, name):
    """The bytes of a .ics with every session of `activities`; `links`: activity -> public address or ''."""
    events = tuple(_event(activity, session, lang, links[activity], address, domain)
                   for activity in activities for session in activity.sessions)
    return _ical(f"-//{domain}//agenda//{lang.upper()}", name, events)


@lru_cache(maxsize=4096)  # a preview's rebuild makes the same files again
def _ical(prodid, name, events):
    cal = Calendar()
    cal.add("prodid", prodid)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    for uid_, stamp, start, end, summary, description, location, link, status in events:
        event = Event()
        event.add("uid", uid_)
        event.add("dtstamp", stamp)  # the same at every build
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("summary", summary)
        event.add("description", description)
        event.add("location", location)
        if link:
            event.add("url", link)
        event.add("status", status)
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()
