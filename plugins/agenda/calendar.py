"""iCalendar (RFC 5545) files of activities, with stable UIDs and the site's time zone."""
from icalendar import Calendar, Event

from .agenda import announced_at


def uid(activity, session, domain):
    """Stable across builds and languages: the activity id and the local start of the session."""
    return f"{activity.id}-{session.start:%Y%m%dT%H%M}@{domain}"


def _event(activity, session, lang, link, address, domain):
    event = Event()
    event.add("uid", uid(activity, session, domain))
    event.add("dtstamp", announced_at(activity))  # the same at every build
    event.add("dtstart", session.start)
    event.add("dtend", session.end)
    event.add("summary", activity.title[lang])
    event.add("description", f"{activity.summary[lang]}\n\n{link}".strip())
    event.add("location", f"{activity.place[lang]}, {address}")
    if link:
        event.add("url", link)
    event.add("status", "CANCELLED" if activity.cancelled else "CONFIRMED")
    return event


def calendar(activities, lang, links, address, domain, name):
    """The bytes of a .ics with every session of `activities`; `links`: activity -> public address or ''."""
    cal = Calendar()
    cal.add("prodid", f"-//{domain}//agenda//{lang.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    for activity in activities:
        for session in activity.sessions:
            cal.add_component(_event(activity, session, lang, links[activity], address, domain))
    cal.add_missing_timezones()
    return cal.to_ical()
