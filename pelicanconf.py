"""Settings of metiers.brussels for preview builds. Values only: defaults and checks of our own
keys are in plugins/site_settings/settings.py."""

SITENAME = "Cité des métiers de Bruxelles – Beroepenpunt Brussel"
SITEURL = ""
RELATIVE_URLS = True
TIMEZONE = "Europe/Brussels"
DEFAULT_LANG = "fr"

PATH = "content"
THEME = "theme"
DATA_PATH = "data"
SCHEMA_PATH = "schema"

LANGUAGES = {
    "fr": {
        "locale": "fr_BE",
        "name": "Français",
        "sections": {"profession": "metiers", "training": "formations", "theme": "themes",
                     "activity": "activites", "browse": "parcourir"},
        # Times in the agenda, as Babel patterns: "9 h", "9 h 30" (non-breaking spaces).
        "time_formats": {"hour": "H\u00a0'h'", "minutes": "H\u00a0'h'\u00a0mm"},
    },
    "nl": {
        "locale": "nl_BE",
        "name": "Nederlands",
        "sections": {"profession": "beroepen", "training": "opleidingen", "theme": "themas",
                     "activity": "activiteiten", "browse": "bladeren"},
        # Times in the agenda, as Babel patterns: "9", "9.30" (the sentence adds "uur").
        "time_formats": {"hour": "H", "minutes": "H.mm"},
        "digraphs": ["ij"],
    },
}

CENTRE = {
    "name": {"fr": "Cité des métiers de Bruxelles", "nl": "Beroepenpunt Brussel"},
    "address": {
        "fr": "Avenue de l'Astronomie 14, 1210 Bruxelles (métro Madou)",
        "nl": "Sterrenkundelaan 14, 1210 Brussel (metro Madou)",
    },
}

JOB_BOARDS = [
    {
        "name": "Actiris",
        "url": {
            "fr": "https://www.actiris.brussels/fr/citoyens/offres-d-emploi/?keywords={query}",
            "nl": "https://www.actiris.brussels/nl/burgers/vacatures/?keywords={query}",
        },
    },
    {
        "name": "VDAB",
        "url": {
            "fr": "https://www.vdab.be/vindeenjob/vacatures?trefwoord={query}&locatie=Brussel",
            "nl": "https://www.vdab.be/vindeenjob/vacatures?trefwoord={query}&locatie=Brussel",
        },
    },
]

# The pipeline, in order: settings, data model, checks, languages, pages, search, agenda, browse, publish.
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["site_settings", "catalogue", "checks", "i18n", "pages", "search", "agenda", "browse", "printing", "opendata",
           "publish", "reuse", "compiled_templates"]

JINJA_ENVIRONMENT = {
    "extensions": ["jinja2.ext.i18n"],
    "autoescape": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
}

# The site is made of our own page kinds: Pelican's blog outputs are switched off.
ARTICLE_PATHS = []
PAGE_PATHS = []
STATIC_PATHS = ["images"]  # content/images/, used in Markdown as {image}name.jpg
DIRECT_TEMPLATES = []
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
ARCHIVES_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAGS_SAVE_AS = ""
INDEX_SAVE_AS = ""
THEME_STATIC_DIR = "theme"
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
