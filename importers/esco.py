"""`invoke import-esco`: the official ESCO CSV export (FR and NL) into data/metiers.yaml.

Each imported profession keeps its ESCO URI and a checksum of the texts that came from ESCO.
A later import replaces those texts only where the checksum still matches (editors did not touch
them), adds new occupations, and reports the ones withdrawn upstream; entries without an ESCO
URI are the editors' own and are never touched."""
import csv
import hashlib
import json
import re
import shutil
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

LANGS = ("fr", "nl")
# Fields an import writes: the occupation's texts, then its relations to other occupations.
OCCUPATION_FIELDS = ("title", "title_feminine", "other_names", "description", "isco", "regulated", "regulation")
MANAGED = OCCUPATION_FIELDS + ("related",)
# What ESCO says of a regulated occupation, in the site's words; editors add the Belgian details.
EU_REGULATED = {
    "fr": "ESCO indique que cette profession est réglementée dans l’Union européenne : un diplôme ou une "
          "autorisation peut être exigé. Demandez à un conseiller ce qui s’applique en Belgique.",
    "nl": "Volgens ESCO is dit een gereglementeerd beroep in de Europese Unie: een diploma of een vergunning "
          "kan vereist zijn. Vraag een adviseur wat in België geldt.",
}
DEFAULT_THEMES = ["travailler"]
SIBLING_FILES = ("themes.yaml", "providers.yaml", "trainings.yaml", "activites.yaml", "metiers.yaml", "isco.yaml")


def clean(text):
    """ESCO text as the site keeps it: NFC, no stray 'Â', no-break or zero-width spaces, one space."""
    text = text.replace("Â\u00a0", " ").replace("\\\n", "\n").replace("\u200b", "").replace("\u00a0", " ")
    text = "\n".join(" ".join(line.split()) for line in text.strip().splitlines())
    return unicodedata.normalize("NFC", text.strip())


def split_gender(label):
    """'directeur technique/directrice technique' -> ('directeur technique', 'directrice technique');
    'vendeur/vendeuse en articles de sport' -> ('vendeur en articles de sport', 'vendeuse en articles de sport');
    a slash inside «guillemets», or between words that are not two forms of one, does not split."""
    depth, cuts = 0, []
    for index, char in enumerate(label):
        depth += char == "«"
        depth -= char == "»"
        if char == "/" and depth == 0:
            cuts.append(index)
    if len(cuts) != 1:
        return label, None
    masculine, feminine = label[: cuts[0]].strip(), label[cuts[0] + 1:].strip()
    if masculine[:3].casefold() != feminine[:3].casefold():
        return label, None
    if " " not in masculine and " " in feminine:  # 'vendeur/vendeuse en articles de sport': shared words
        masculine += feminine[feminine.index(" "):]
    return masculine, feminine


def slugify(text):
    ascii_text = unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:80].strip("-") or "metier"


def capitalize(text):
    return text[:1].upper() + text[1:]


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def read_occupations(source: Path):
    """{uri: {lang: row}}, keeping the newest row of a URI listed twice."""
    occupations = {}
    for lang in LANGS:
        for row in read_csv(source / f"occupations_{lang}.csv"):
            current = occupations.setdefault(row["conceptUri"], {}).get(lang)
            if current is None or row["modifiedDate"] > current["modifiedDate"]:
                occupations[row["conceptUri"]][lang] = row
    return {uri: rows for uri, rows in occupations.items() if all(lang in rows for lang in LANGS)}


def managed_fields(rows):
    """The fields of a profession that come from ESCO, from its FR and NL rows."""
    entry = {"title": {}, "title_feminine": {}, "other_names": {}, "description": {}}
    for lang in LANGS:
        label = clean(rows[lang]["preferredLabel"])
        masculine, feminine = split_gender(label) if lang == "fr" else (label, None)
        entry["title"][lang] = capitalize(masculine)
        if feminine:
            entry["title_feminine"][lang] = capitalize(feminine)
        names = [clean(n) for n in rows[lang]["altLabels"].split("\n")]
        names = [n for n in dict.fromkeys(names) if n and n.casefold() not in {label.casefold(), masculine.casefold()}
                 and n.casefold() != (feminine or "").casefold()]
        if names:
            entry["other_names"][lang] = names
        description = clean(rows[lang]["description"])
        if description:
            entry["description"][lang] = description
    entry["isco"] = rows["fr"]["iscoGroup"].strip()
    entry["regulated"] = rows["fr"]["regulatedProfessionNote"].rstrip("/").endswith("/regulated")
    if entry["regulated"]:
        entry["regulation"] = dict(EU_REGULATED)
    return {k: v for k, v in entry.items() if v or k == "regulated"}


def checksum(entry):
    managed = {k: entry[k] for k in MANAGED if k in entry}
    return hashlib.sha256(json.dumps(managed, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]


@dataclass
class ImportReport:
    added: list = field(default_factory=list)
    changed_upstream: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    kept_because_edited: list = field(default_factory=list)
    withdrawn_upstream: list = field(default_factory=list)

    def summary(self):
        return ", ".join(f"{len(items)} {name.replace('_', ' ')}" for name, items in vars(self).items())


class SlugRegister:
    """Slugs already in use per language; gives each new profession a free one."""

    def __init__(self, entries):
        self.used = {lang: {e["slug"][lang] for e in entries.values() if lang in e.get("slug", {})} for lang in LANGS}

    def claim(self, lang, text):
        base = slugify(text)
        slug, number = base, 2
        while slug in self.used[lang]:
            slug, number = f"{base}-{number}", number + 1
        self.used[lang].add(slug)
        return slug


def new_entry(uri, rows, slugs):
    managed = managed_fields(rows)
    entry = {"slug": {lang: slugs.claim(lang, managed["title"][lang]) for lang in LANGS}, **managed,
             "themes": list(DEFAULT_THEMES), "esco": uri}
    entry["esco_checksum"] = checksum(entry)
    return entry


def merge(entries, occupations):
    """Update `entries` (id -> entry) with an ESCO release; return what happened to each."""
    report = ImportReport()
    by_uri = {e["esco"]: entry_id for entry_id, e in entries.items() if e.get("esco")}
    slugs = SlugRegister(entries)
    for uri, rows in sorted(occupations.items(), key=lambda item: item[1]["fr"]["code"]):
        entry_id = by_uri.get(uri)
        if entry_id is None:
            entry_id = "esco-" + rows["fr"]["code"].replace(".", "-")
            entries[entry_id] = new_entry(uri, rows, slugs)
            report.added.append(entry_id)
            continue
        entry = entries[entry_id]
        if checksum(entry) != entry.get("esco_checksum"):
            report.kept_because_edited.append(entry_id)
            continue
        upstream = managed_fields(rows)
        if all(entry.get(k) == upstream.get(k) for k in OCCUPATION_FIELDS):
            report.unchanged.append(entry_id)
            continue
        for key in OCCUPATION_FIELDS:
            entry.pop(key, None)
        entry.update(upstream)
        entry["esco_checksum"] = checksum(entry)
        report.changed_upstream.append(entry_id)
    report.withdrawn_upstream = sorted(entry_id for uri, entry_id in by_uri.items() if uri not in occupations)
    return report


def merge_isco_groups(path: Path, source: Path):
    """Add ESCO's names of ISCO major and sub-major groups that data/isco.yaml lacks; keep the others."""
    groups = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    names = {lang: {row["code"]: clean(row["preferredLabel"]) for row in read_csv(source / f"ISCOGroups_{lang}.csv")}
             for lang in LANGS}
    for code in sorted(names["fr"]):
        if len(code) <= 2 and code not in groups and code in names["nl"]:
            groups[code] = {"label": {lang: capitalize(names[lang][code]) for lang in LANGS}}
    with path.open("w", encoding="utf-8") as f:
        f.write("# yaml-language-server: $schema=../schema/isco.schema.json\n"
                "# ISCO-08 group names; those added by `invoke import-esco` come from ESCO (© European Union).\n")
        yaml.dump(groups, f, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=True, width=120)


def link_relations(entries, source: Path):
    """`related`: the broader and narrower ESCO occupations of each imported one (both directions)."""
    by_uri = {e["esco"]: entry_id for entry_id, e in entries.items() if e.get("esco")}
    links = {}
    for row in read_csv(source / "broaderRelationsOccPillar_en.csv"):
        child, parent = by_uri.get(row["conceptUri"]), by_uri.get(row["broaderUri"])
        if child and parent:
            links.setdefault(child, []).append(parent)
            links.setdefault(parent, []).append(child)
    for entry_id, related in links.items():
        entry = entries[entry_id]
        if checksum(entry) == entry.get("esco_checksum"):  # not edited: ESCO's relations may be refreshed
            entry["related"] = sorted(set(related))
            entry["esco_checksum"] = checksum(entry)


def import_esco(source: Path, dest: Path, bundled_data: Path):
    """Import into dest/metiers.yaml; a data file dest lacks is first copied from the bundled data."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in SIBLING_FILES:
        if not (dest / name).exists():
            shutil.copy(bundled_data / name, dest / name)
    target = dest / "metiers.yaml"
    entries = (yaml.safe_load(target.read_text(encoding="utf-8")) if target.exists() else None) or {}
    report = merge(entries, read_occupations(source))
    link_relations(entries, source)
    merge_isco_groups(dest / "isco.yaml", source)
    with target.open("w", encoding="utf-8") as f:
        f.write("# yaml-language-server: $schema=../schema/metiers.schema.json\n"
                "# Imported from ESCO (© European Union) by `invoke import-esco`; editors may complete it.\n")
        yaml.dump(entries, f, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=120)
    return report
