"""Where each record's page is written, in each language: the one place URLs are made."""


def save_as(record, lang, settings):
    """'fr/metiers/boulanger.html' for a record, 'fr/infos-pratiques.html' for a site page."""
    if record.page_kind == "page":
        return settings["SITE_PAGE_URL"].format(lang=lang, slug=record.slug[lang])
    section = settings["LANGUAGES"][lang]["sections"][record.page_kind]
    return settings["RECORD_URL"].format(lang=lang, section=section, slug=record.slug[lang])


def assign_urls(records, settings):
    """Give each record its `urls` {lang: path} for every configured language."""
    for record in records:
        record.urls = {lang: save_as(record, lang, settings) for lang in settings["LANGUAGES"]}
