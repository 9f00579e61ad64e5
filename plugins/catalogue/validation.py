"""Checks a data file against its JSON Schema and says, for editors, where and how to fix it."""
import difflib
import json
from functools import lru_cache
from pathlib import Path

import jsonschema
from referencing import Registry, Resource

from .model import Source

LOCALIZED = ("/text", "/textList", "/slugs", "/localizedUrl")


@lru_cache(maxsize=None)
def load_schemas(schema_dir: str):
    """{file name: schema} and a registry resolving the $refs between them."""
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in Path(schema_dir).glob("*.schema.json")}
    registry = Registry().with_resources((name, Resource.from_contents(s)) for name, s in schemas.items())
    return schemas, registry


def validator_for(schema_dir: str, schema_name: str):
    schemas, registry = load_schemas(schema_dir)
    return jsonschema.Draft202012Validator(schemas[schema_name], registry=registry)


def localized_fields(schema_dir: str, schema_name: str):
    """Names of the fields of an entry that hold one value per language."""
    schemas, _ = load_schemas(schema_dir)
    props = schemas[schema_name]["additionalProperties"]["properties"]
    return [name for name, spec in props.items() if spec.get("$ref", "").endswith(LOCALIZED)]


def did_you_mean(word, known):
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def _place(document, path):
    """The line of the deepest key of `path` in the document (list items: their list's key)."""
    node, line = document, getattr(document, "line", 1)
    for key in path:
        if hasattr(node, "line_of"):
            line = node.line_of(key)
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            break
    return line


def _explain(error):
    """A sentence for editors from a jsonschema error."""
    v, value, schema = error.validator, error.instance, error.schema
    if v == "required":
        missing = [f for f in error.validator_value if f not in value]
        return f"missing required field '{missing[0]}': add it"
    if v == "additionalProperties" and isinstance(value, dict):
        allowed = list(schema.get("properties", {}))
        extra = [k for k in value if k not in allowed]
        if allowed:
            return f"unknown field '{extra[0]}'{did_you_mean(extra[0], allowed)} (allowed: {', '.join(allowed)})"
    if v == "enum":
        return f"'{value}' is not allowed (allowed: {', '.join(map(str, error.validator_value))})"
    if v == "type":
        return f"expected {error.validator_value}, got {type(value).__name__} '{value}'"
    if v == "pattern":
        return f"'{value}' has a wrong form: {schema.get('description', 'expected ' + error.validator_value)}"
    if v == "propertyNames":
        return f"'{value}' is not a valid name here: use lower-case letters, digits and hyphens"
    if v == "minLength":
        return "empty text: write it, or remove the field if it is optional"
    if v in ("minItems", "minProperties"):
        return "empty: give at least one value"
    if v == "uniqueItems":
        return "a value is listed twice: keep only one"
    return error.message


# Keywords of a file's schema that constrain its entries one by one (the rest: see schema_problems).
ENTRY_BY_ENTRY = {"$schema", "$id", "title", "description", "$defs", "type", "propertyNames", "additionalProperties"}
_checked = {}  # schema -> {(entry id, id(entry)): (entry, [(path, explanation)])} of the last check of a file


def _located(error):
    """(path of the error in the file, explanation); an unknown field is located at that field."""
    path = list(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        extra = [k for k in error.instance if k not in error.schema.get("properties", {})]
        path = path + extra[:1]
    return path, _explain(error)


def _errors_by_entry(validator, document, key):
    """The errors of each entry checked alone; an entry read again unchanged (the same object: see
    yamlsource) keeps the errors found last time, so a preview rebuild checks only what was edited."""
    previous, checked, errors = _checked.get(key, {}), {}, []
    for entry_id, entry in document.items():
        # Only mappings and lists are new objects at each parse: None, True, 1... are shared by all.
        memo = (entry_id, id(entry)) if isinstance(entry, (dict, list)) else None
        known = previous.get(memo) or (entry, [_located(e) for e in validator.iter_errors({entry_id: entry})])
        if memo:
            checked[memo] = known  # the entry is kept with its errors: its id stays its own
        errors += known[1]
    _checked[key] = checked
    return errors


def schema_problems(document, shown_as, schema_dir, schema_name, kind, problems):
    """Report every schema error of a data file (a mapping); return the ids of the entries that have one.
    Entries are checked one by one when the schema's top level only says what each entry must be."""
    validator = validator_for(schema_dir, schema_name)
    if set(validator.schema) <= ENTRY_BY_ENTRY:
        errors = _errors_by_entry(validator, document, (schema_dir, schema_name))
    else:
        errors = [_located(error) for error in validator.iter_errors(document)]
    bad = set()
    for path, explanation in errors:
        line = _place(document, path)
        where = f"{kind} '{path[0]}': " if path else ""
        field = ".".join(map(str, path[1:])) + ": " if len(path) > 1 else ""
        problems.error(Source(shown_as, line), f"{where}{field}{explanation}")
        if path:
            bad.add(path[0])
    return bad
