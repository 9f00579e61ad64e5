"""One lunr index per language, built from the model, written as a script that sets a global."""
import json
import re
from dataclasses import dataclass

from lunr.builder import Builder
from lunr.pipeline import Pipeline

from .pipeline import fold, make_pipeline, pipeline_names, term_maker, vendor_scripts, words

FIELDS = ("title", "other_names", "text")  # boosted by SEARCH_BOOSTS
GLOBAL = "siteSearchIndexes"
K1, B = 1.2, 0.75  # BM25 parameters (lunr's defaults), the same in the build and in the browser
TYPO_WORDS_FROM = 4  # letters of the shortest name word a typo is matched against (search.js: 5 typed)
SNIPPET = 240  # characters of text kept to show under a result: the whole text is indexed
TAGS = re.compile(r"<[^>]+>")


@dataclass
class Document:
    """What a visitor finds: `title`, `other_names`, `text` are searched; the rest is shown."""

    kind: str
    title: str
    other_names: list
    text: str
    url: str


def _plain(text):
    return " ".join(TAGS.sub(" ", text).split())


def _shorten(text):
    return text if len(text) <= SNIPPET else text[:text.rfind(" ", 0, SNIPPET)] + " …"


def documents(catalogue, localizer):
    """Every page worth finding, in one language: site pages, themes, professions, trainings, activities."""
    lang = localizer.lang
    for record in [*catalogue.records(), *catalogue.activities.values()]:
        title, other_names, text = record.title[lang], [], record.summary.get(lang, "")
        if record.page_kind == "profession":  # both forms, the editors' synonyms, ESCO's description
            title = localizer.capitalize(record.full_title(lang))
            other_names = record.other_names.get(lang, [])
        if record.page_kind in ("profession", "activity"):
            text = f"{text} {record.description.get(lang, '')}"
        yield Document(record.page_kind, title, other_names, _plain(text), record.urls[lang])


class IndexBuilder:
    """lunr.py's builder fed with documents whose refs are their positions ("0", "1"...): short and
    stable. Words go through the pipeline before they reach the builder, once per distinct word.
    `update` can be called again with the documents of a later build: only those that changed at
    their position are taken out of the builder and added again (the preview's rebuilds)."""

    def __init__(self, names, boosts):
        self.builder = Builder()
        self.builder.pipeline = Pipeline()
        self.builder.search_pipeline = make_pipeline(names)
        self.builder.ref("ref")
        self.builder.k1(K1)
        self.builder.b(B)
        for name in FIELDS:
            self.builder.field(name, boost=boosts[name])
        self.terms = term_maker(names)
        self.docs = []

    def update(self, docs):
        changed = [ref for ref in range(max(len(docs), len(self.docs)))
                   if ref >= len(docs) or ref >= len(self.docs) or docs[ref] != self.docs[ref]]
        for ref in changed:
            if ref < len(self.docs):
                self._remove(str(ref))
            if ref < len(docs):
                doc = docs[ref]
                self.builder.add({"ref": str(ref), "title": self.terms(doc.title),
                                  "other_names": [t for name in doc.other_names for t in self.terms(name)],
                                  "text": self.terms(doc.text)})
        self.docs = list(docs)
        return self.builder

    def _remove(self, ref):
        builder = self.builder
        for field in FIELDS:
            field_ref = f"{field}/{ref}"  # lunr's FieldRef as a string
            for term in builder.field_term_frequencies.pop(field_ref):
                postings = builder.inverted_index[term]
                del postings[field][ref]
                if not any(postings[name] for name in FIELDS):
                    del builder.inverted_index[term]
            del builder.field_lengths[field_ref]
        del builder._documents[ref]
        builder.document_count -= 1


def build_index(docs, names, boosts):
    """lunr.py's builder with `docs` added (see IndexBuilder)."""
    return IndexBuilder(names, boosts).update(docs)


def _utf16(term):
    return term.encode("utf-16-be")  # the order of JavaScript strings, which lunr.TokenSet needs


def _postings(builder, field, terms):
    """For each term in order: the number of documents whose `field` has it, then for each document
    (doc - previous doc) * 2, plus 1 and the term frequency when that frequency is not 1."""
    flat = []
    for term in terms:
        refs = sorted(map(int, builder.inverted_index[term][field]))
        flat.append(len(refs))
        previous = 0
        for ref in refs:
            frequency = builder.field_term_frequencies[f"{field}/{ref}"][term]
            flat += [(ref - previous) * 2 + 1, frequency] if frequency != 1 else [(ref - previous) * 2]
            previous = ref
    return flat


def name_words(docs, names):
    """The words of titles and other names, accents folded, that a mistyped word is compared with in
    the browser: a typo can change the stem ('réceptionnitse' -> 'receptionnits', not 'reception')."""
    terms = term_maker(names)
    found = {fold(word) for doc in docs for name in (doc.title, *doc.other_names) for word in words(name)
             if len(word) >= TYPO_WORDS_FROM and terms(word)}
    return " ".join(sorted(found, key=_utf16))


def compact(builder, boosts):
    """What the browser needs to rebuild the lunr index the builder makes (search.js `expand`): its
    terms in order and the term frequencies of each field. Scores are computed in the browser: shipped,
    they made up most of the gzipped index."""
    terms = sorted(builder.inverted_index, key=_utf16)
    return {"terms": " ".join(terms), "fields": list(FIELDS),
            "boosts": [boosts[name] for name in FIELDS], "bm25": [K1, B],
            "postings": [_postings(builder, name, terms) for name in FIELDS]}


def index_script(docs, lang, settings, builder=None):
    """The text of index-<lang>.js: the index, its documents table and the pipeline it was built with.
    `builder`: an IndexBuilder of earlier documents to update, else a new one is made."""
    names = pipeline_names(settings["THEME"], lang)
    builder = builder or IndexBuilder(names, settings["SEARCH_BOOSTS"])
    data = {
        "lang": lang,
        "pipeline": names,
        "scripts": vendor_scripts(lang),
        "docs": [[doc.kind, doc.title, doc.url, _shorten(doc.text)] for doc in docs],
        "index": compact(builder.update(docs), settings["SEARCH_BOOSTS"]),
        "names": name_words(docs, names),
    }
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # JSON.parse of a string is parsed about twice as fast as the same object as a JS literal.
    return (f"(window.{GLOBAL} = window.{GLOBAL} || {{}})[{json.dumps(lang)}] = "
            f"JSON.parse({json.dumps(payload, ensure_ascii=False)});\n")
