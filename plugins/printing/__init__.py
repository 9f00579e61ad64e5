"""What printed sheets need from the build: template globals `public_url(record)`, the record's public
address in the page's language (SITEURL + its URL), and `qr_code(url)`, a QR code of it as inline SVG
made by segno at build time, so that a visitor who printed a sheet opens the same page on a phone.
Preview builds have no SITEURL (their links are relative): there, both give "" and sheets have no
QR code."""
from jinja2 import pass_context
from markupsafe import Markup
from pelican import signals
import segno

__all__ = ["register"]


@pass_context
def public_url(context, record):
    site_url = context["PUBLIC_SITEURL"]
    return f"{site_url}/{record.urls[context['lang']]}" if site_url else ""


def qr_code(url):
    if not url:
        return ""
    svg = segno.make(url, error="m").svg_inline(scale=3, border=2, svgclass="qr-code", lineclass=None)
    return Markup(svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1))


def add_globals(generator):
    """Templates get SITEURL made relative: keep the configured one for the public address."""
    generator.env.globals.update({"PUBLIC_SITEURL": generator.settings["SITEURL"], "public_url": public_url,
                                  "qr_code": qr_code})


def register():
    signals.generator_init.connect(add_globals)
