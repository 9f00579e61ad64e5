"""Checks the project's own settings and fills in their defaults, once, before anything is read.

Every setting this project adds is declared here with its default and its check (as Pelican's
DEFAULT_CONFIG and MkDocs' config_options do); other plugins read the checked values and never
carry defaults of their own.
"""
from pelican import signals

from .settings import DEFAULTS, SettingsError, check_settings

__all__ = ["DEFAULTS", "SettingsError", "check_settings", "register"]


def apply(pelican):
    check_settings(pelican.settings)


def register():
    signals.initialized.connect(apply)
