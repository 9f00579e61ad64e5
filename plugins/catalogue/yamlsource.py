"""Reads a YAML data file into dicts that remember the line of every key (for messages to editors)."""
from pathlib import Path

import yaml

from .model import Source
from .texts import decode_utf8, text_problem


class LineDict(dict):
    """A YAML mapping that knows the line of itself and of each of its keys (1-based)."""

    line = 1

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.key_lines = {}

    def line_of(self, key):
        return self.key_lines.get(key, self.line)


class _Loader(yaml.CSafeLoader):
    """libyaml loader whose mappings are LineDicts; a key given twice is an error, not a silent override."""

    def __init__(self, stream, problems, path):
        super().__init__(stream)
        self.problems, self.path = problems, path

    def construct_scalar(self, node):
        value = super().construct_scalar(node)
        problem = isinstance(value, str) and text_problem(value)
        if problem:
            self.problems.error(Source(self.path, node.start_mark.line + 1), problem)
        return value

    def construct_mapping(self, node, deep=False):
        mapping = LineDict()
        mapping.line = node.start_mark.line + 1
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if key in mapping:
                self.problems.error(
                    Source(self.path, line),
                    f"duplicate key '{key}' (first given on line {mapping.key_lines[key]}): keep only one",
                )
            mapping[key] = self.construct_object(value_node, deep=True)
            mapping.key_lines.setdefault(key, line)
        return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _Loader.construct_mapping)
# Dates stay text as written ('2026-03-03', even '2026-02-30'): the checks that need a day parse it
# and say what is wrong, where YAML would stop on an impossible date with no line.
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_scalar)


def read_yaml(path: Path, shown_as: str, problems):
    """The parsed file (LineDicts inside), or None after reporting why it cannot be read."""
    text, bad_line = decode_utf8(path.read_bytes())
    if text is None:
        problems.error(Source(shown_as, bad_line), "text is not UTF-8: save the file as UTF-8")
        return None
    if "\t" in text:
        for number, content in enumerate(text.splitlines(), 1):
            if content.lstrip(" ").startswith("\t"):
                problems.error(Source(shown_as, number), "tab used for indentation: indent with spaces")
                return None
    loader = _Loader(text, problems, shown_as)
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        problems.error(
            Source(shown_as, mark.line + 1),
            f"YAML syntax error at column {mark.column + 1}: {e.problem}; check the indentation and quotes",
        )
        return None
    finally:
        loader.dispose()
