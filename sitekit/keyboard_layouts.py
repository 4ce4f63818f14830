"""Keyboard layouts, for queries typed with the wrong one active ("vtlm" for медь, "сщззук" for
copper): search.js retries a query that finds nothing with every letter swapped to the one on
the same key of the other layout, as large search engines do, and says so.

Each layout is two strings of the same length: the characters of the US (QWERTY) keys, in
order, and what the same keys type in the layout (unshifted, then the shifted punctuation keys
that type letters). Letters' capitals need no entry: a query is lower-cased first.

Sources: X.Org's xkeyboard-config, symbols/ru (Russian, ЙЦУКЕН) and symbols/uz (Uzbek
Cyrillic, the state standard; Windows' "Uzbek Cyrillic" layout has the same four extra keys).
The Uzbek layout is the Russian one with ў on O (Russian щ), қ on S (ы), ғ on - and ҳ on =.
"""

from __future__ import annotations

US_KEYS = "`qwertyuiop[]asdfghjkl;'zxcvbnm,.~{}:\"<>"

RUSSIAN = "ёйцукенгшщзхъфывапролджэячсмитьбюёхъжэбю"
UZBEK_CYRILLIC = "ёйцукенгшўзхъфқвапролджэячсмитьбюёхъжэбю"
_UZBEK_EXTRA = {"-": "ғ", "=": "ҳ"}

# Layouts tried for each edition, in order (after the US layout itself).
LAYOUTS = {
    "ru": ["ru"],
    "en": ["ru"],
    # Uzbek is typed on both; an Uzbek Cyrillic keyboard is tried first on the Uzbek editions.
    "uz": ["uz", "ru"],
    "uz-cyrl": ["uz", "ru"],
}


def layout_pairs(name: str) -> tuple[str, str]:
    """(US keys, the layout's characters on them), aligned character by character."""
    if name == "ru":
        return US_KEYS, RUSSIAN
    if name == "uz":
        return US_KEYS + "".join(_UZBEK_EXTRA), UZBEK_CYRILLIC + "".join(_UZBEK_EXTRA.values())
    raise KeyError(f"no keyboard layout '{name}'")


def swap(text: str, name: str) -> str:
    """What the same keys would have typed in the other layout: US characters become the
    layout's, the layout's become US (so a query in either direction comes out right)."""
    us, other = layout_pairs(name)
    to_other = dict(zip(us, other))
    to_us = {}
    for us_char, other_char in zip(us, other):
        to_us.setdefault(other_char, us_char)
    return "".join(to_other.get(char) or to_us.get(char) or char for char in text.lower())


def rules(locale: str) -> list[dict]:
    """The layouts of an edition as data for search.js (written into meta.json)."""
    rows = []
    for name in LAYOUTS.get(locale, ["ru"]):
        us, other = layout_pairs(name)
        rows.append({"name": name, "us": us, "keys": other})
    return rows
