"""Reads a YAML data file into dicts that remember the line of every key (for messages to editors)."""
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .model import Source
from .texts import decode_utf8, text_problem


class LineDict(dict):
    """A YAML mapping that knows the line of itself and of each of its keys (1-based).

    Lines are kept relative to `origin`, a one-item list shared by every mapping of a top-level
    entry: an entry read again unchanged, lower or higher in its file, only moves its origin."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.key_lines = {}
        self.first_line = 1
        self.origin = [0]

    @property
    def line(self):
        return self.first_line + self.origin[0]

    def line_of(self, key):
        return self.key_lines.get(key, self.first_line) + self.origin[0]

    def add(self, key, value, line, found):
        """Set `key` read on (relative) `line`; a key given twice is reported in `found`."""
        if key in self:
            found.append((line, _Duplicate(key, self.key_lines[key])))
        self[key] = value
        self.key_lines.setdefault(key, line)


@dataclass(frozen=True)
class _Duplicate:
    """A key given twice, its first line relative like the line it is found on."""

    key: object
    first_line: int

    def message(self, offset):
        return f"duplicate key '{self.key}' (first given on line {self.first_line + offset}): keep only one"


def _message(found, offset):
    """The text of something found while reading, lines moved by `offset`."""
    return found if isinstance(found, str) else found.message(offset)


class _Loader(yaml.CSafeLoader):
    """libyaml loader whose mappings are LineDicts; a key given twice is an error, not a silent override.
    What is wrong goes to `found` as (line, message), lines relative to `origin`."""

    def __init__(self, stream, origin):
        super().__init__(stream)
        self.origin, self.found = origin, []

    def construct_scalar(self, node):
        value = super().construct_scalar(node)
        problem = isinstance(value, str) and text_problem(value)
        if problem:
            self.found.append((node.start_mark.line + 1, problem))
        return value

    def construct_mapping(self, node, deep=False):
        mapping = LineDict()
        mapping.first_line, mapping.origin = node.start_mark.line + 1, self.origin
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            mapping.add(key, self.construct_object(value_node, deep=True), key_node.start_mark.line + 1, self.found)
        return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _Loader.construct_mapping)
# Dates stay text as written ('2026-03-03', even '2026-02-30'): the checks that need a day parse it
# and say what is wrong, where YAML would stop on an impossible date with no line.
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_scalar)

ENTRY_START = re.compile(r"^[^\s#]", re.MULTILINE)  # a line that starts a top-level key, or is not a mapping
NOT_A_KEY = "-?:,[]{}&*!|>%@`"  # YAML indicators: a line at column 0 starting with one is no plain entry
_entries_read = {}  # file -> {text of a top-level entry: (its one-key LineDict, found)} of the last read


def _parse(text, origin):
    """(value, found) of a YAML text; raises yaml.YAMLError."""
    loader = _Loader(text, origin)
    try:
        return loader.get_single_data(), loader.found
    finally:
        loader.dispose()


def _parse_by_entry(text, shown_as):
    """(document, found) read entry by entry, each top-level entry whose text did not change since the
    last read of the file in this process taken from that read; None if the text is not a plain
    top-level mapping (a sequence, flow style, several documents...) or does not parse."""
    starts = [match.start() for match in ENTRY_START.finditer(text)]
    if not starts or not _only_comments(text[:starts[0]]) or any(text[start] in NOT_A_KEY for start in starts):
        return None
    previous, read = _entries_read.get(shown_as, {}), {}
    document, found, offset = LineDict(), [], text.count("\n", 0, starts[0])
    for start, end in zip(starts, starts[1:] + [len(text)]):
        chunk = text[start:end]
        try:
            entry, entry_found = previous[chunk] if chunk in previous and chunk not in read else _parse(chunk, [0])
        except yaml.YAMLError:
            return None
        if not isinstance(entry, LineDict) or len(entry) != 1:
            return None
        read[chunk] = entry, entry_found
        entry.origin[0] = offset
        found += [(line + offset, _message(message, offset)) for line, message in entry_found]
        (key, value), = entry.items()
        document.add(key, value, entry.line_of(key), found)
        offset += chunk.count("\n")
    document.first_line = document.key_lines[next(iter(document))]
    _entries_read[shown_as] = read
    return document, found


def _only_comments(text):
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())


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
    try:
        document, found = _parse_by_entry(text, shown_as) or _parse(text, [0])
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        problems.error(
            Source(shown_as, mark.line + 1),
            f"YAML syntax error at column {mark.column + 1}: {e.problem}; check the indentation and quotes",
        )
        return None
    for line, message in found:
        problems.error(Source(shown_as, line), _message(message, 0))
    return document
