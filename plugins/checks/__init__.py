"""Checks the content before anything is written and stops the build with every problem at once.

The catalogue loader reports what stops it from building the model (YAML, schema, references,
languages, slugs); this plugin adds the checks of what the model holds: Markdown (images,
links, embedded resources, scripts), theme catalogs, and warnings for what should be completed
(a profession with no training yet). In strict mode (publishing) warnings count as errors.
"""
import logging

from catalogue import InvalidContent, Problems, load_catalogue
from pelican import signals
from pelican.generators import Generator

from .catalogs import catalog_problems
from .completeness import completeness_warnings
from .markdown import markdown_problems

__all__ = ["check_site", "register", "run_checks"]

logger = logging.getLogger(__name__)


def run_checks(catalogue, settings, problems):
    for record in catalogue.records():
        markdown_problems(record, settings, problems)
    catalog_problems(settings, problems)
    if not problems.errors:  # an invalid entry leaves gaps that would show as warnings too
        completeness_warnings(catalogue, problems)


def check_site(settings):
    """Load and check everything without writing: (catalogue, problems)."""
    problems = Problems()
    catalogue = load_catalogue(settings, problems)
    run_checks(catalogue, settings, problems)
    return catalogue, problems


def fail_on(problems, strict):
    """Raise InvalidContent if there are errors, or warnings in strict mode; else log the warnings."""
    if problems.errors or (strict and problems.warnings):
        raise InvalidContent(problems, strict)
    for warning in sorted(problems.warnings):
        logger.warning("%s", warning)


class ChecksGenerator(Generator):
    def generate_context(self):
        run_checks(self.context["catalogue"], self.settings, self.context["problems"])
        fail_on(self.context["problems"], self.settings["STRICT_CHECKS"])


def get_generators(pelican):
    return ChecksGenerator


def register():
    signals.get_generators.connect(get_generators)
