"""Open data: the répertoire as JSON and CSV per language, with a README of the fields.

Written into open-data/ at every build, so it travels with the web version and the offline copy:
open-data/metiers-<lang>.json, metiers-<lang>.csv and README-<lang>.md (version date, licence,
one line per field, through the theme's catalogs)."""
import csv
import io
import json
from pathlib import Path

from pelican import signals

from pages.generators import PageKindGenerator

__all__ = ["register"]

FOLDER = "open-data"
# Field name -> how to read it from a profession in one language. Lists are joined with " | " in CSV.
FIELDS = {
    "id": lambda p, lang: p.id,
    "title": lambda p, lang: p.title[lang],
    "title_feminine": lambda p, lang: p.title_feminine.get(lang, ""),
    "other_names": lambda p, lang: p.other_names.get(lang, []),
    "summary": lambda p, lang: p.summary.get(lang, ""),
    "description": lambda p, lang: p.description.get(lang, ""),
    "level": lambda p, lang: p.level,
    "regulated": lambda p, lang: p.regulated,
    "shortage": lambda p, lang: p.shortage,
    "languages": lambda p, lang: list(p.languages),
    "themes": lambda p, lang: [t.id for t in p.themes],
    "trainings": lambda p, lang: [t.id for t in p.trainings],
    "related": lambda p, lang: [r.id for r in p.related],
    "isco": lambda p, lang: p.isco,
    "esco": lambda p, lang: p.esco,
    "source": lambda p, lang: "ESCO, © European Union" if p.esco_checksum else "metiers.brussels",
    "page": lambda p, lang: p.urls[lang],
}


def rows(catalogue, lang):
    return [{name: read(p, lang) for name, read in FIELDS.items()} for p in catalogue.professions.values()]


def as_json(records, lang, version, licence):
    """One profession per line: easy to read and to compare, and written by json's fast encoder
    (an indented dump is several times slower at ESCO scale)."""
    about = json.dumps({"language": lang, "version": version, "licence": licence}, ensure_ascii=False)
    professions = ",\n".join(json.dumps(record, ensure_ascii=False) for record in records)
    return f'{about[:-1]}, "professions": [\n{professions}\n]}}\n'


def as_csv(records):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(FIELDS), lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({k: " | ".join(v) if isinstance(v, list) else v for k, v in record.items()})
    return buffer.getvalue()


class OpenDataGenerator(PageKindGenerator):
    def generate_context(self):
        pass

    def generate_output(self, writer):
        catalogue, licence = self.context["catalogue"], self.settings["OPEN_DATA_LICENCE"]
        version = (self.settings["BUILD_DATE"] or self.settings["AGENDA_TODAY"]).isoformat()
        for lang in self.languages:
            records = rows(catalogue, lang)
            self._write(f"metiers-{lang}.json", as_json(records, lang, version, licence))
            self._write(f"metiers-{lang}.csv", as_csv(records))
            writer.write_file(f"{FOLDER}/README-{lang}.md", self.get_template("opendata_readme"),
                              self.language_context(lang), count=len(records), version=version,
                              licence=licence, fields=list(FIELDS))

    def _write(self, name, text):
        path = Path(self.output_path) / FOLDER / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def get_generators(pelican):
    return OpenDataGenerator


def register():
    signals.get_generators.connect(get_generators)
