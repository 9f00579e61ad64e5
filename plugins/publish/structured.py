"""schema.org JSON-LD of profession (Occupation), training (Course) and activity (Event) pages.

Only the properties listed with their types in schema_org.json (taken from schema.org's published
vocabulary) are used; tests/test_publish.py checks every built page against that list.
"""
import json

from jinja2 import pass_context
from markupsafe import Markup

DURATION_CODES = {"hour": ("PT", "H"), "day": ("P", "D"), "week": ("P", "W"), "month": ("P", "M"), "year": ("P", "Y")}


def _occupation(record, lang, context):
    data = {"@type": "Occupation", "name": record.full_title(lang), "description": record.summary[lang]}
    if record.other_names.get(lang):
        data["alternateName"] = list(record.other_names[lang])
    if record.isco:
        data["occupationalCategory"] = record.isco
    return data


def _course(record, lang, context):
    prefix, unit = DURATION_CODES[record.duration.unit]
    provider = {"@type": "Organization", "name": record.provider.name[lang]}
    if record.provider.url.get(lang):
        provider["url"] = record.provider.url[lang]
    return {"@type": "Course", "name": record.title[lang], "description": record.summary[lang],
            "provider": provider, "inLanguage": list(record.languages),
            "timeRequired": f"{prefix}{record.duration.amount:g}{unit}",
            "offers": {"@type": "Offer", "price": record.cost, "priceCurrency": "EUR"}}


def _events(record, lang, context):
    status = f"https://schema.org/{'EventCancelled' if record.cancelled else 'EventScheduled'}"
    place = {"@type": "Place", "name": record.place[lang], "address": context["CENTRE"]["address"][lang]}
    return [{"@type": "Event", "name": record.title[lang], "description": record.summary[lang],
             "startDate": s.start.isoformat(), "endDate": s.end.isoformat(), "eventStatus": status,
             "location": place, "inLanguage": list(record.languages)} for s in record.sessions]


DESCRIBE = {"profession": _occupation, "training": _course, "activity": _events}


@pass_context
def structured_data(context, record):
    """The page's JSON-LD as a safe <script type="application/ld+json"> body, or '' for other kinds."""
    describe = DESCRIBE.get(record.page_kind)
    if not describe or not context["WEB_URL"]:
        return ""
    lang = context["lang"]
    items = describe(record, lang, context)
    url = f"{context['WEB_URL']}/{record.urls[lang]}"
    items = [{"@context": "https://schema.org", **item, "url": url} for item in
             (items if isinstance(items, list) else [items])]
    text = json.dumps(items[0] if len(items) == 1 else items, ensure_ascii=False, sort_keys=True)
    return Markup(text.replace("<", "\\u003c"))


def add_to_templates(generator):
    if hasattr(generator, "env"):
        generator.env.globals["structured_data"] = structured_data
