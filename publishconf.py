"""Settings for publishing: the preview settings plus the public address of the site."""
import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F401,F403

SITEURL = "https://metiers.brussels"
STRICT_CHECKS = True  # warnings (e.g. a profession with no training yet) block a publication
WEB_URL = SITEURL  # canonical links, sitemap.xml, and the link from the offline copy to the web version
