"""The text processing of search, the same in the build (lunr.py) and in the browser (lunr.js).

A text is put in Unicode NFC and lower case, then cut into words at every character that is not a
letter or a digit: hyphens, slashes ("boulanger/boulangère"), apostrophes ("l'industrie") and
punctuation all separate words, so no trimmer is needed. Each word then goes through the pipeline
named in the index: the stop word filter of lunr-languages, `fold-accents`, then the Snowball
stemmer. theme/static/js/search.js does exactly this with the functions of the same names.
"""
import re
import unicodedata
from functools import cache
from pathlib import Path

import snowballstemmer
from lunr.pipeline import Pipeline
from lunr.stemmer import stemmer as english_stemmer
from lunr.stop_word_filter import generate_stop_word_filter, stop_word_filter as english_stop_words
from site_settings.settings import SettingsError

WORD = re.compile(r"[^\W_]+")  # letters and digits, as /[\p{L}\p{N}]+/gu in search.js
FOLD = "fold-accents"
VENDOR = Path("static/vendor/lunr-languages")  # inside the theme
STOP_WORDS = re.compile(r"lunr\.(\w+)\.stopWordFilter = lunr\.generateStopWordFilter\('([^']*)'")
SNOWBALL = {"da": "danish", "de": "german", "es": "spanish", "fi": "finnish", "fr": "french",
            "hu": "hungarian", "it": "italian", "nl": "dutch", "no": "norwegian", "pt": "portuguese",
            "ro": "romanian", "ru": "russian", "sv": "swedish"}


class UnsupportedLanguage(SettingsError):
    """A configured language has no stop words and stemmer shipped for search."""


def words(text):
    """The words of a text, in lower case, in the order they appear."""
    return WORD.findall(unicodedata.normalize("NFC", text).lower())


def fold(word):
    """'électricienne' -> 'electricienne': the base letter of every accented one."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")


def fold_accents(token, i=None, tokens=None):
    return token.update(lambda string, metadata=None: fold(string))


Pipeline.register_function(fold_accents, FOLD)


def vendor_file(theme, lang):
    return Path(theme) / VENDOR / f"lunr.{lang}.js"


@cache
def _register_language(theme, lang):
    """Register stopWordFilter-<lang> and stemmer-<lang> as lunr-languages does in the browser."""
    path = vendor_file(theme, lang)
    found = STOP_WORDS.search(path.read_text(encoding="utf-8")) if path.is_file() else None
    if lang not in SNOWBALL or not found:
        raise UnsupportedLanguage(
            f"Config value 'LANGUAGES': search has no stemmer and stop words for '{lang}': "
            f"ship lunr-languages' lunr.{lang}.js in {path.parent} (Snowball: {', '.join(SNOWBALL)})")
    for name in (f"stopWordFilter-{lang}", f"stemmer-{lang}"):  # another theme's, in the same process
        Pipeline.registered_functions.pop(name, None)
    generate_stop_word_filter(set(found.group(2).split(" ")), language=lang)
    stem_word = snowballstemmer.stemmer(SNOWBALL[lang]).stemWord

    def stem(token, i=None, tokens=None):
        return token.update(lambda string, metadata=None: stem_word(string))

    Pipeline.register_function(stem, f"stemmer-{lang}")


def pipeline_names(theme, lang):
    """Names of the functions every word goes through, in order; stored with the index."""
    if lang == "en":  # lunr's own English stop words and stemmer, in lunr.py and lunr.js alike
        return [english_stop_words.label, FOLD, english_stemmer.label]
    _register_language(str(theme), lang)
    return [f"stopWordFilter-{lang}", FOLD, f"stemmer-{lang}"]


def vendor_scripts(lang):
    """lunr-languages files the browser loads before the index of a language, after lunr itself."""
    return [] if lang == "en" else ["lunr.stemmer.support.js", f"lunr.{lang}.js"]


def make_pipeline(names):
    return Pipeline.load(names)


_known_terms = {}  # functions of a pipeline -> {word: terms} of every word it processed in this process


def term_maker(names):
    """text -> its index terms through the pipeline `names` (stop words dropped), each distinct
    word processed once in a process: a build meets the same words thousands of times, and the
    preview's rebuilds meet them again."""
    pipeline = make_pipeline(names)
    known = _known_terms.setdefault(tuple(Pipeline.registered_functions[name] for name in names), {})

    def word_terms(word):
        terms = known.get(word)
        if terms is None:
            terms = known[word] = tuple(pipeline.run_string(word))
        return terms

    return lambda text: [term for word in words(text) for term in word_terms(word)]
