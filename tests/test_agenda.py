"""The agenda as visitors and editors meet it: dates right in both languages (daylight saving
included), upcoming vs archive against a fixed build date, calendar files, feeds, filters in a
real browser from file://, activities on profession pages, and the editors' checks."""
import re
import shutil
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

import tasks
from htmlpages import parse

ROOT = tasks.ROOT
BUILD_DATE = "2026-10-01"
BRUSSELS = ZoneInfo("Europe/Brussels")

# An activity whose sessions straddle both daylight-saving changes of 2026 (29 March, 25 October).
DST_ACTIVITY = """
dst-test:
  slug: {fr: essai-heure-d-ete, nl: test-zomertijd}
  title: {fr: "Essai heure d’été", nl: "Test zomertijd"}
  summary: {fr: Quatre séances autour des changements d’heure., nl: Vier sessies rond de wissel van het uur.}
  description: {fr: Un essai., nl: Een test.}
  kind: workshop
  themes: [bouger]
  professions: [traducteur]
  sessions: ["2026-03-28 10:00-12:00", "2026-03-30 10:00-12:00", "2026-10-24 09:30-12:00", "2026-10-26 09:30-12:00"]
  place: {fr: Salle 1, nl: Zaal 1}
  languages: [nl]
  audience: {fr: Tout le monde., nl: Iedereen.}
  registration: {how: link, url: "https://www.vdab.be"}
  announced: "2026-09-30"
"""


@pytest.fixture(scope="module")
def dated_site(tmp_path_factory):
    """The bundled site plus DST_ACTIVITY, built as on BUILD_DATE."""
    tmp = tmp_path_factory.mktemp("agenda")
    data = tmp / "data"
    shutil.copytree(ROOT / "data", data)
    with open(data / "activites.yaml", "a", encoding="utf-8") as f:
        f.write(DST_ACTIVITY)
    settings = tmp / "agendaconf.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa\n"
        f"PATH = {str(ROOT / 'content')!r}\nTHEME = {str(ROOT / 'theme')!r}\n"
        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\nSCHEMA_PATH = {str(ROOT / 'schema')!r}\n"
        f"AGENDA_TODAY = {BUILD_DATE!r}\n", encoding="utf-8")
    return tasks.build_site(settings_file=str(settings), data=str(data), output=tmp / "output")


def session_texts(page_path):
    """The sessions of an activity page as shown, with their machine-readable start."""
    source = page_path.read_text(encoding="utf-8")
    block = source.split('class="sessions"')[1].split("</ul>")[0]
    return [(start, " ".join(text.replace("\xa0", " ").split()))
            for start, text in re.findall(r'<time datetime="([^"]+)">([^<]+)</time>', block)]


def test_dates_and_times_are_worded_per_language_across_daylight_saving(dated_site):
    assert session_texts(dated_site / "fr/activites/essai-heure-d-ete.html") == [
        ("2026-03-28T10:00:00+01:00", "samedi 28 mars 2026, de 10 h à 12 h"),
        ("2026-03-30T10:00:00+02:00", "lundi 30 mars 2026, de 10 h à 12 h"),
        ("2026-10-24T09:30:00+02:00", "samedi 24 octobre 2026, de 9 h 30 à 12 h"),
        ("2026-10-26T09:30:00+01:00", "lundi 26 octobre 2026, de 9 h 30 à 12 h"),
    ]
    assert [text for _, text in session_texts(dated_site / "nl/activiteiten/test-zomertijd.html")] == [
        "zaterdag 28 maart 2026, van 10 tot 12 uur",
        "maandag 30 maart 2026, van 10 tot 12 uur",
        "zaterdag 24 oktober 2026, van 9.30 tot 12 uur",
        "maandag 26 oktober 2026, van 9.30 tot 12 uur",
    ]
    assert session_texts(dated_site / "fr/activites/zoom-metiers-horeca-mars-2026.html")[0][1] == \
        "mardi 3 mars 2026, de 9 h 30 à 12 h"
    assert session_texts(dated_site / "nl/activiteiten/zoom-op-beroepen-horeca-maart-2026.html")[0][1] == \
        "dinsdag 3 maart 2026, van 9.30 tot 12 uur"


def test_recurring_sessions_keep_their_local_time_across_daylight_saving(dated_site):
    """The LinkedIn workshop repeats weekly from 17 March 2026: 13:30 in winter and summer time."""
    sessions = session_texts(dated_site / "fr/activites/atelier-linkedin-printemps-2026.html")
    assert [start for start, _ in sessions] == ["2026-03-17T13:30:00+01:00", "2026-03-24T13:30:00+01:00",
                                                "2026-03-31T13:30:00+02:00", "2026-04-07T13:30:00+02:00"]


def listed_titles(page_path, list_class):
    source = page_path.read_text(encoding="utf-8")
    block = source.split(f'class="card-list {list_class}"')[1].split("</ul>")[0]
    return re.findall(r'<h2 class="card-title"><a href="[^"]+">([^<]+)</a>', block)


def test_upcoming_and_archive_follow_the_build_date(dated_site):
    upcoming = listed_titles(dated_site / "fr/agenda.html", "agenda-list")
    archive = listed_titles(dated_site / "fr/agenda-archives.html", "agenda-archive-list")
    # 6 October 2026 is after the build date; 3 March and the spring LinkedIn workshop are before it.
    assert upcoming[0] == "Zoom métiers : le numérique"
    assert "Zoom métiers : l’horeca et l’alimentation" in archive
    assert "Zoom métiers : l’horeca et l’alimentation" not in upcoming
    # The monthly validation session started on 15 September: it stays in the agenda, next on 13 October.
    agenda_text = parse(dated_site / "fr/agenda.html").text.replace("\xa0", " ")
    assert "mardi 13 octobre 2026, de 10 h à 11 h 30 (et encore 4 séances)" in agenda_text
    assert len(upcoming) + len(archive) == 19 and len(archive) == 2
    nl = listed_titles(dated_site / "nl/agenda.html", "agenda-list")
    assert len(nl) == len(upcoming) and nl[0] == "Zoom op beroepen: digitaal"


def test_the_bundled_site_uses_the_day_of_the_build(site, catalogue):
    """Without AGENDA_TODAY the build counts from today: an activity stays until its last session."""
    upcoming = set(listed_titles(site / "nl/agenda.html", "agenda-list")) if "agenda-list" in \
        (site / "nl/agenda.html").read_text(encoding="utf-8") else set()
    ongoing = {a.title["nl"] for a in catalogue.activities.values() if a.sessions[-1].start.date() >= date.today()}
    assert upcoming == ongoing
    assert len(listed_titles(site / "nl/agenda-archief.html", "agenda-archive-list")) == 18 - len(ongoing)


@pytest.mark.parametrize("value", ["2026-02-30", "tomorrow"])
def test_a_wrong_build_date_is_refused(value):
    from site_settings import check_settings
    from site_settings.settings import SettingsError

    with pytest.raises(SettingsError, match="Config value 'AGENDA_TODAY': expected a date such as '2026-03-03'"):
        check_settings(tasks.read_site_settings() | {"AGENDA_TODAY": value})


def read_calendar(path):
    return Calendar.from_ical(path.read_bytes())


def test_calendar_files_round_trip_the_times_in_brussels_time(dated_site):
    fr = read_calendar(dated_site / "fr/activites/essai-heure-d-ete.ics")
    nl = read_calendar(dated_site / "nl/activiteiten/test-zomertijd.ics")
    assert [tz["TZID"] for tz in fr.walk("VTIMEZONE")] == ["Europe/Brussels"]
    events = fr.walk("VEVENT")
    starts = [e.decoded("DTSTART") for e in events]
    assert starts == [datetime(2026, 3, 28, 10, tzinfo=BRUSSELS), datetime(2026, 3, 30, 10, tzinfo=BRUSSELS),
                      datetime(2026, 10, 24, 9, 30, tzinfo=BRUSSELS), datetime(2026, 10, 26, 9, 30, tzinfo=BRUSSELS)]
    assert [s.utcoffset() for s in starts] == [timedelta(hours=h) for h in (1, 2, 2, 1)]
    assert [e["DTSTART"].params["TZID"] for e in events] == ["Europe/Brussels"] * 4
    assert [e.decoded("DTEND") - e.decoded("DTSTART") for e in events] == [timedelta(hours=2)] * 2 + \
        [timedelta(hours=2, minutes=30)] * 2
    uids = [str(e["UID"]) for e in events]
    assert uids[0] == "dst-test-20260328T1000@metiers.brussels"
    assert uids == [str(e["UID"]) for e in nl.walk("VEVENT")], "one event, whatever the language of the file"
    assert str(events[0]["SUMMARY"]) == "Essai heure d’été" and str(nl.walk("VEVENT")[0]["SUMMARY"]) == "Test zomertijd"


def test_theme_calendar_holds_the_upcoming_activities_of_the_theme(dated_site):
    cal = read_calendar(dated_site / "fr/themes/entreprendre.ics")
    titles = {str(e["SUMMARY"]) for e in cal.walk("VEVENT")}
    assert titles == {"Séance de sensibilisation : devenir indépendant",
                      "Entreprendre à Bruxelles : les premiers pas (en néerlandais)"}
    cancelled = [e for e in cal.walk("VEVENT") if str(e["STATUS"]) == "CANCELLED"]
    assert len(cancelled) == 1
    links = [v for _, _, v in parse(dated_site / "fr/themes/entreprendre.html").links]
    assert "../../fr/themes/entreprendre.ics" in links


def test_atom_feed_lists_new_activities_per_language(dated_site):
    atom = "{http://www.w3.org/2005/Atom}"
    for lang, first in (("fr", "Essai heure d’été"), ("nl", "Test zomertijd")):
        feed = ET.parse(dated_site / f"{lang}/agenda.atom").getroot()
        entries = feed.findall(f"{atom}entry")
        assert entries[0].findtext(f"{atom}title") == first, "the latest announced comes first"
        assert len(entries) == 4, "upcoming, and announced by the build date"
        ids = [e.findtext(f"{atom}id") for e in entries]
        assert len(set(ids)) == len(ids) and ids[0] == "tag:metiers.brussels,2026-09-30:activity/dst-test"
        link = entries[0].find(f"{atom}link").get("href")
        assert (dated_site / lang / link).is_file()
    assert 'type="application/atom+xml"' in (dated_site / "fr/agenda.html").read_text(encoding="utf-8")


def test_profession_page_shows_its_upcoming_zoom(dated_site):
    macon = parse(dated_site / "fr/metiers/macon.html")
    assert "Prochaines activités à la Cité des métiers" in macon.text
    assert "Zoom métiers : la construction" in macon.text
    target = [v for tag, _, v in macon.links if "zoom-metiers-construction" in v]
    assert target and macon.resolve(target[0]).is_file()
    metselaar = parse(dated_site / "nl/beroepen/metselaar.html")
    assert "Zoom op beroepen: de bouw" in metselaar.text
    cook = parse(dated_site / "fr/metiers/cuisinier.html")
    assert "Prochaines activités" not in cook.text, "its only Zoom (March 2026) is over"


def visible_titles(page):
    """The titles a visitor sees (not merely flagged: really laid out on the page)."""
    return page.eval_on_selector_all(".agenda-list .card-title",
                                     "els => els.filter(e => e.offsetParent !== null).map(e => e.textContent.trim())")


def test_filters_work_in_a_browser_from_disk(dated_site, page):
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((dated_site / "fr/agenda.html").as_uri())
    everything = visible_titles(page)
    assert page.is_visible(".agenda-filters") and len(everything) == 17
    assert page.text_content(".filter-status") == "17 activités affichées"
    page.select_option("#filter-themes", "entreprendre")
    assert visible_titles(page) == ["Séance de sensibilisation : devenir indépendant",
                                    "Entreprendre à Bruxelles : les premiers pas (en néerlandais)"]
    page.select_option("#filter-languages", "nl")
    assert visible_titles(page) == ["Entreprendre à Bruxelles : les premiers pas (en néerlandais)"]
    assert page.text_content(".filter-status") == "1 activité affichée"
    page.select_option("#filter-themes", "")
    page.select_option("#filter-kind", "zoom-metier")  # still in Dutch: bilingual sessions count
    assert visible_titles(page) == ["Zoom métiers : le numérique", "Zoom métiers : les soins et l’accompagnement",
                                    "Zoom métiers : transport et logistique (en néerlandais)"]
    assert not errors


def test_without_javascript_every_activity_is_listed(dated_site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((dated_site / "nl/agenda.html").as_uri())
    assert not page.is_visible(".agenda-filters")
    assert len(visible_titles(page)) == 17
    context.close()


# -- editors' checks ------------------------------------------------------------------------------

GOOD = """\
atelier:
  slug: {fr: atelier, nl: workshop}
  title: {fr: Atelier, nl: Workshop}
  summary: {fr: Un atelier., nl: Een workshop.}
  description: {fr: Un atelier., nl: Een workshop.}
  kind: workshop
  themes: [bouger]
  professions: [boulanger]
  sessions: ["2026-03-03 09:30-12:00"]
  place: {fr: Salle, nl: Zaal}
  languages: [fr]
  audience: {fr: Tous., nl: Iedereen.}
  registration: {how: link, url: "https://www.actiris.brussels"}
  announced: "2026-02-01"
"""


def activity_problems(tmp_path, old=None, new=None):
    from test_checks import MINI, check

    project = tmp_path / "mini"
    shutil.copytree(MINI, project)
    shutil.copytree(ROOT / "theme/translations", project / "translations")
    text = GOOD if old is None else GOOD.replace(old, new)
    assert old is None or text != GOOD
    (project / "data/activites.yaml").write_text(text, encoding="utf-8")
    return [str(p) for p in sorted(check(project).items)]


def test_a_valid_activity_passes_the_checks(tmp_path):
    assert activity_problems(tmp_path) == []


@pytest.mark.parametrize("old,new,message", [
    ('"2026-03-03 09:30-12:00"', '"2026-03-03 12:00-09:30"',
     "data/activites.yaml:9: activity 'atelier': sessions: '2026-03-03 12:00-09:30': it ends at 09:30, not after it "
     "starts at 12:00: write the start first, on a 24-hour clock (e.g. 13:30-16:00)"),
    ('"2026-03-03 09:30-12:00"', '"2026-02-30 09:30-12:00"',
     "data/activites.yaml:9: activity 'atelier': sessions: '2026-02-30 09:30-12:00': 2026-02-30 is not a day of the "
     "calendar: check the day and the month"),
    ('"2026-03-03 09:30-12:00"', '"3/3/2026 9:30"',
     "data/activites.yaml:9: activity 'atelier': sessions.0: '3/3/2026 9:30' has a wrong form: write the session as "
     "'YYYY-MM-DD HH:MM-HH:MM', e.g. '2026-03-03 09:30-12:00'"),
    ("themes: [bouger]", "themes: [bougre]",
     "data/activites.yaml:1: activity 'atelier': themes: unknown theme 'bougre' (known: 'bouger'); "
     "did you mean 'bouger'?"),
    ("professions: [boulanger]", "professions: [boulangre]",
     "data/activites.yaml:1: activity 'atelier': professions: unknown profession 'boulangre' "
     "(known: 'boulanger', 'patissier'); did you mean 'boulanger'?"),
    ("  professions: [boulanger]", "  trainings: [boulangeri]",
     "data/activites.yaml:1: activity 'atelier': trainings: unknown training 'boulangeri' (known: 'boulangerie'); "
     "did you mean 'boulangerie'?"),
    ("title: {fr: Atelier, nl: Workshop}", "title: {fr: Atelier}",
     "data/activites.yaml:3: activity 'atelier': title: missing in 'nl': add `nl: ...`"),
    ("  languages: [fr]\n", "",
     "data/activites.yaml:1: activity 'atelier': missing required field 'languages': add it"),
    ('announced: "2026-02-01"', "announced: 2026-02-30",
     "data/activites.yaml:14: activity 'atelier': announced: 2026-02-30 is not a day of the calendar: "
     "check the day and the month"),
    ('"https://www.actiris.brussels"', '"http://www.actiris.brussels"',
     "data/activites.yaml:13: activity 'atelier': registration.url: 'http://www.actiris.brussels' has a wrong form: "
     "A web address starting with https://"),
    ('{how: link, url: "https://www.actiris.brussels"}', "{how: link}",
     "data/activites.yaml:13: activity 'atelier': registration: missing required field 'url': add it"),
], ids=["end before start", "impossible date", "wrong form", "unknown theme", "unknown profession",
        "unknown training", "missing language", "missing session language", "impossible announced date", "link not https", "link missing"])
def test_each_activity_mistake_is_reported_with_file_line_and_fix(tmp_path, old, new, message):
    assert activity_problems(tmp_path, old, new) == [message]
