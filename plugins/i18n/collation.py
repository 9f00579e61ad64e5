"""Alphabetical order as readers expect it: 'é' sorts with 'e', 'œ' as 'oe', case and
punctuation count only to break ties, and the language's digraphs (Dutch 'ij') keep their
capitals ('IJzer')."""
import re
import unicodedata
from functools import cache

LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ĳ": "ij"})
NOT_LETTER = re.compile(r"[\W_]+")


def base_letters(text):
    """Lower case, without accents, ligatures spelled out: 'Œuvre d’Été' -> 'oeuvre d’ete'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache  # a title is compared many times in a sort, and sorted in several listings
def sort_key(text):
    """Primary: letters and digits only; then accents; then lower case before capitals."""
    base = base_letters(text)
    return (NOT_LETTER.sub("", base), NOT_LETTER.sub(" ", base).strip(), text.casefold(), text.swapcase())


@cache
def initial(text):
    """The letter a text is listed under in an A–Z: 'Écrivain' -> 'E', '3D designer' -> '#'."""
    letters = NOT_LETTER.sub("", base_letters(text))
    first = letters[:1].upper()
    return first if first.isalpha() and first.isascii() else "#"


def capitalize(text, digraphs=()):
    """First letter in capitals, a digraph of the language as a whole: 'ijzervlechter' -> 'IJzervlechter'."""
    for digraph in digraphs:
        if text[: len(digraph)].lower() == digraph:
            return digraph.upper() + text[len(digraph):]
    return text[:1].upper() + text[1:]
