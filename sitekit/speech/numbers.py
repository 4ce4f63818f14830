"""Numbers in words, for speech: "5159" -> "besh ming bir yuz ellik toʻqqiz".

The words are data (``speech: numbers:`` in i18n/<language>.yml); this module only puts them
together. A number is cut into atoms ("5159" -> 5, thousand, 1, hundred, 50, 9), each of which
is one word of a table. A table is a mapping from a value to its word, or to its plural forms
(Russian "тысяча, тысячи, тысяч"), and there is one table per form of the number:

    cardinal            5159 -> five thousand one hundred and fifty-nine
    ordinal             24 -> twenty-fourth (only the last atom changes: twenty + fourth)
    cardinal_genitive   Russian, after "до", "от": 80 -> восьмидесяти
    ordinal_genitive    Russian dates: 2021 -> две тысячи двадцать первого
    <form>_feminine     Russian 1 and 2 before a feminine word: одна, две

A table may also hold a whole number (Russian ordinal 2000: двухтысячного), which then wins.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SCALES = (1_000_000_000, 1_000_000, 1_000)
HUNDRED = 100


class NumberWordsError(ValueError):
    """A table lacks a word the number needs; the message names the form and the value."""


@dataclass(frozen=True)
class Atom:
    value: int | None  # None: a word of its own (the English "and")
    count: int = 1  # how many of a scale or of hundreds: picks the plural form
    feminine: bool = False
    joined: bool = False  # written after the previous word with NumberWords.join ("twenty-four")
    word: str = ""  # for value None


def plural_index(language: str, count: int) -> int:
    """Which of a word's plural forms follows ``count`` (CLDR plural rules, cardinals)."""
    if language == "ru":
        if count % 10 == 1 and count % 100 != 11:
            return 0  # one: 1, 21, 101
        if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
            return 1  # few: 2-4, 22-24
        return 2  # many: 0, 5-20, 25-30
    return 0 if count == 1 else 1  # one / other (English; Uzbek nouns do not change)


@dataclass(frozen=True)
class NumberWords:
    language: str  # for the plural rule
    tables: dict[str, dict[int, str | list[str]]]
    join: str = " "  # between tens and ones: "-" in English
    conjunction: str = ""  # before the last part under a hundred: "and" in British English
    one_before_scale: bool = True  # "one thousand" (English, Uzbek); Russian says "тысяча"
    feminine_scales: frozenset[int] = field(default_factory=frozenset)  # Russian: тысяча

    # ── atoms ────────────────────────────────────────────────────────────────
    def atoms(self, number: int, feminine: bool = False) -> list[Atom]:
        if number < 0:
            raise NumberWordsError(f"negative number {number}")
        if number == 0:
            return [Atom(0)]
        atoms: list[Atom] = []
        rest = number
        for scale in SCALES:
            count, rest = divmod(rest, scale)
            if count:
                if count > 1 or self.one_before_scale:
                    atoms += self._group(count, feminine=scale in self.feminine_scales)
                atoms.append(Atom(scale, count=count))
        atoms += self._group(rest, feminine=feminine, after_scale=number >= 1000)
        return atoms

    def _group(self, number: int, feminine: bool = False, after_scale: bool = False) -> list[Atom]:
        """Atoms of 0 < number < 1000 (nothing for 0)."""
        atoms: list[Atom] = []
        hundreds, rest = divmod(number, HUNDRED)
        if hundreds:
            if 200 in self.tables["cardinal"]:  # hundreds are words of their own: двести
                atoms.append(Atom(hundreds * HUNDRED))
            else:  # "five hundred", "besh yuz"
                atoms += [Atom(hundreds), Atom(HUNDRED, count=hundreds)]
        if rest:
            if self.conjunction and (hundreds or after_scale):
                atoms.append(Atom(None, word=self.conjunction))
            if rest in self.tables["cardinal"]:
                atoms.append(Atom(rest, feminine=feminine))
            else:
                atoms.append(Atom(rest // 10 * 10))
                atoms.append(Atom(rest % 10, feminine=feminine, joined=True))
        return atoms

    # ── words ────────────────────────────────────────────────────────────────
    def word(self, atom: Atom, form: str) -> str:
        if atom.value is None:
            return atom.word
        table = self._table(form)
        if atom.feminine:
            feminine = self.tables.get(f"{form}_feminine", {})
            if atom.value in feminine:
                table = feminine
        if atom.value not in table:
            raise NumberWordsError(f"no {form} word for {atom.value}")
        entry = table[atom.value]
        if isinstance(entry, list):
            return entry[min(plural_index(self.language, atom.count), len(entry) - 1)]
        return entry

    def _table(self, form: str) -> dict:
        if form not in self.tables:
            raise NumberWordsError(f"no {form} table")
        return self.tables[form]

    def _joined(self, atoms: list[Atom], words: list[str]) -> str:
        text = ""
        for atom, word in zip(atoms, words):
            if not text:
                text = word
            else:
                text += (self.join if atom.joined else " ") + word
        return text

    def spell(self, number: int, form: str = "cardinal", feminine: bool = False) -> str:
        """``number`` in words, in one of the forms above (from a trillion on: digit by digit,
        as nobody says such a number in text)."""
        if number >= 1000 * SCALES[0]:
            return self.digits(str(number))
        table = self._table(form)
        if number in table and not isinstance(table[number], list) and form.startswith("ordinal"):
            return table[number]
        atoms = self.atoms(number, feminine=feminine)
        if form.startswith("ordinal"):
            # Only the last word of an ordinal changes: twenty-first, ikki ming yigirma birinchi.
            *head, last = atoms
            words = [self.word(atom, "cardinal") for atom in head] + [self.word(last, form)]
        else:
            words = [self.word(atom, form) for atom in atoms]
        return self._joined(atoms, words)

    def digits(self, text: str) -> str:
        """Each digit on its own: "998" -> "nine nine eight"."""
        return " ".join(self.word(Atom(int(digit)), "cardinal") for digit in text)

    def plural(self, count: int, forms: str | list[str]) -> str:
        """The form of a word that follows the number ``count``."""
        if isinstance(forms, list):
            return forms[min(plural_index(self.language, count), len(forms) - 1)]
        return forms
