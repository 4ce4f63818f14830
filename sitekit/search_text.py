"""Words as search sees them: how text is cut into words and how a word becomes the key it is
indexed and looked up by. The index is built with these rules (sitekit/search_index.py) and the
same rules travel to the browser inside each index (meta.json), so search.js folds a query
exactly as the text was folded: the two sides cannot drift.

- A word is a run of letters, marks and digits; an apostrophe between letters belongs to it
  (Uzbek oʻ, gʻ and the tutuq ʼ are written with any of seven look-alikes).
- Its key is lower-case, without those apostrophes, with the letters that visitors type without
  their marks folded onto the plain letter: Russian keyboards have no ў қ ғ ҳ, and ё is written
  е as often as not.
- On the two Uzbek editions each word is indexed in the other script too, with the project's
  transliterator (sitekit/translit.py), so that a query in either script finds it.

Pagefind folds by Unicode decomposition (NFD, then drops the marks). That folds ў→у and ё→е but
also й→и (и + breve), and leaves қ ғ ҳ alone (they do not decompose): wrong for Uzbek, so the
folding here is an explicit table.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterator

from sitekit import translit

# Apostrophe look-alikes: ' ` ´ ‘ ’ ʻ ʼ. Inside a word they are part of it; its key drops them
# (so "oʻzbek", "o'zbek" and "ozbek" are one key).
APOSTROPHES = "'`\u00b4\u2018\u2019\u02bb\u02bc"
# Letters folded onto the letter a visitor types instead (lower case; the key is lower-cased first).
FOLDED_LETTERS = {
    "ё": "е",  # Russian and Uzbek: ё is often written е
    "ў": "у",  # Uzbek Cyrillic letters missing from Russian keyboards
    "қ": "к",
    "ғ": "г",
    "ҳ": "х",
}

# Letters, combining marks and digits (Python's \w without the underscore, plus marks).
_LETTER = r"[^\W_]|[\u0300-\u036f\u0483-\u0489]"
WORD_RE = re.compile(rf"(?:{_LETTER})+(?:[{APOSTROPHES}](?:{_LETTER})+)*")
_FOLD_TABLE = str.maketrans({**{mark: None for mark in APOSTROPHES}, **FOLDED_LETTERS})


def words(text: str) -> Iterator[str]:
    """The words of a text, as written."""
    for match in WORD_RE.finditer(unicodedata.normalize("NFC", text)):
        yield match.group()


def key(word: str) -> str:
    """The key a word is indexed and looked up by."""
    return word.lower().translate(_FOLD_TABLE)


# The other script of each Uzbek edition, by locale: the transliterator, word by word.
OTHER_SCRIPT: dict[str, Callable[[str], str]] = {
    "uz": translit.to_cyrillic,
    "uz-cyrl": translit.to_latin,
}


def other_script_key(locale: str) -> Callable[[str], str | None]:
    """For an Uzbek edition: a function giving a word's key in the other script (None when
    the word is the same in both, like a number or a name kept in Latin). Other languages:
    a function that always gives None."""
    convert = OTHER_SCRIPT.get(locale)

    @functools.lru_cache(maxsize=None)
    def other(word: str) -> str | None:
        if convert is None:
            return None
        converted = key(convert(word.lower()))
        return converted if converted and converted != key(word) else None

    return other


def rules() -> dict:
    """The folding rules as data for search.js (written into each index's meta.json)."""
    return {"apostrophes": APOSTROPHES, "fold": dict(FOLDED_LETTERS)}
