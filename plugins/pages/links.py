"""Template helpers that turn model objects into relative links (they work from file://)."""
import re

from jinja2 import pass_context
from markupsafe import Markup

# In Markdown, editors link to the site's own pages by id: [le boulanger]({profession}boulanger)
INTERNAL_LINK = re.compile(r'href="\{(profession|training|theme|page)\}([a-z0-9-]+)(#[^"]*)?"')


def records_by_kind(catalogue):
    return {"profession": catalogue.professions, "training": catalogue.trainings,
            "theme": catalogue.themes, "page": catalogue.pages}


@pass_context
def url_to(context, record, lang=None):
    """The relative address of a record's page in the page's language (or in `lang`)."""
    return f"{context['SITEURL']}/{record.urls[lang or context['lang']]}"


@pass_context
def page_url(context, page_id):
    """The relative address of a site page (content/<lang>/pages/<id>.md) in the page's language."""
    return url_to(context, context["catalogue"].pages[page_id])


# Images of content/images/, copied to images/: ![Le comptoir d'accueil]({image}accueil.jpg)
IMAGE_SOURCE = re.compile(r'src="\{image\}([^"]+)"')


@pass_context
def resolve_links(context, html):
    """Markdown HTML with its {kind}id links and {image}file sources replaced by relative addresses."""
    kinds = records_by_kind(context["catalogue"])

    def replace(match):
        kind, record_id, anchor = match.groups()
        return f'href="{url_to(context, kinds[kind][record_id])}{anchor or ""}"'

    html = IMAGE_SOURCE.sub(lambda m: f'src="{context["SITEURL"]}/images/{m.group(1)}"', html)
    return Markup(INTERNAL_LINK.sub(replace, html))

