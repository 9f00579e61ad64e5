"""`invoke new KIND ID`: a new entry with every field to fill in, in every language, from the schema.

The new entry is deliberately incomplete (empty texts), so `invoke check` lists what to write and
it cannot be published before it is filled in."""
from pathlib import Path

from .loading import KINDS
from .validation import load_schemas
from .yamlsource import read_yaml

EMPTY_BY_DEF = {"text": '""', "textInSomeLanguages": '""', "textList": "[]", "textListInSomeLanguages": "[]",
                "localizedUrl": '""'}


def _value(spec, entry_id, languages):
    """The YAML text of an empty value of the right shape for one field."""
    ref = (spec.get("$ref") or spec.get("allOf", [{}])[0].get("$ref", "")).rsplit("/", 1)[-1]
    if ref == "slugs":
        return "{" + ", ".join(f"{lang}: {entry_id}" for lang in languages) + "}"
    if ref in EMPTY_BY_DEF:
        return "{" + ", ".join(f"{lang}: {EMPTY_BY_DEF[ref]}" for lang in languages) + "}"
    if ref == "idList" or spec.get("type") == "array":
        return "[]"
    if spec.get("type") == "boolean":
        return "false"
    if spec.get("type") == "object":
        return "{" + ", ".join(f"{name}: {_value(sub, entry_id, languages)}"
                               for name, sub in spec.get("properties", {}).items()) + "}"
    return '""'


def skeleton(schema, entry_id, languages, expected=()):
    """Lines of a new entry: required and `expected` fields to fill in, other optional ones as comments."""
    entry = schema["additionalProperties"]
    lines = [f"{entry_id}:"]
    for name, spec in entry["properties"].items():
        line = f"{name}: {_value(spec, entry_id, languages)}"
        wanted = name in entry.get("required", ()) or name in expected
        lines.append(f"  {line}" if wanted else f"  # optional: {line}")
    return lines


def new_entry(settings, kind_name, entry_id, problems):
    """Append a new entry to the kind's data file (and its Markdown files if the kind needs prose)."""
    kind = next((k for k in KINDS if k.name == kind_name), None)
    if kind is None:
        raise ValueError(f"unknown kind '{kind_name}' (known: {', '.join(k.name for k in KINDS)})")
    path = Path(settings["DATA_PATH"]) / kind.file
    document = read_yaml(path, str(path), problems) or {}
    if entry_id in document:
        raise ValueError(f"{path}:{document.line_of(entry_id)}: {kind.name} '{entry_id}' exists already")
    schemas, _ = load_schemas(settings["SCHEMA_PATH"])
    languages = list(settings["LANGUAGES"])
    text = path.read_text(encoding="utf-8")
    line = text.count("\n") + 1 + (not text.endswith("\n"))
    with path.open("a", encoding="utf-8") as f:
        f.write(("" if text.endswith("\n") else "\n") + "\n".join(skeleton(schemas[kind.schema], entry_id, languages,
                                                                        getattr(kind.model, "DESCRIBING", ()))) + "\n")
    created = [f"{path}:{line}"]
    if kind.prose_required:
        for lang in languages:
            prose = Path(settings["PATH"]) / lang / kind.content_dir / f"{entry_id}.md"
            prose.parent.mkdir(parents=True, exist_ok=True)
            prose.write_text("## \n\n", encoding="utf-8")
            created.append(str(prose))
    return created


def new_page(settings, page_id):
    """content/<lang>/pages/<id>.md in every language, with the metadata lines to fill in."""
    created = []
    for lang in settings["LANGUAGES"]:
        path = Path(settings["PATH"]) / lang / "pages" / f"{page_id}.md"
        if path.exists():
            raise ValueError(f"{path} exists already")
        path.write_text(f"Title: \nSlug: {page_id}\nSummary: \n\n", encoding="utf-8")
        created.append(str(path))
    return created
