"""How a language says what is written: the speech lexicon of ``i18n/<language>.yml``.

``Lexicon.spoken(text)`` turns a page's text into the words a person would say, so that the
speech engine never guesses: "PQ-5159-son" -> "pe-qa besh ming bir yuz ellik toʻqqizinchi son",
"24.06.2021" -> "двадцать четвёртого июня две тысячи двадцать первого года" after "от",
"(+998 70) 619-23-33" -> "plus nine nine eight, seven zero, ...". In this order:

 1. spelling      characters the engine reads badly ("ʼ" -> "'", the tutuq as a glottal stop)
 2. dashes        a spaced dash is a pause
 3. e-mail        info@agmk.uz -> info <at> <agmk> <dot> uz
 4. phone         +, then each group of digits (as a number, or digit by digit)
 5. dates         24.06.2021 -> the language's written date (``date: pattern``), then said
                  as ``speech: dates: said`` says
 6. numbers       with the unit after them ("80 %", "148,0 ming", "2 миллиона"), the
                  ordinal mark (Uzbek "2021-yil"), decimals and versions ("WCAG 2.2")
 7. words         abbreviations and names, whole words as written ("AJ", "JSC", "ГМК")
 8. symbols       signs left anywhere ("№", "&")

Everything said is data in the file's ``speech:`` section (see i18n/en.yml for each key);
this module holds the rules only. A generated edition (Uzbek Cyrillic) is read with the
lexicon of the language it is generated from: its words are the same, and eSpeak NG's Uzbek
voice reads Latin.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from sitekit.speech.numbers import NumberWords, NumberWordsError
from sitekit.strings import StringsError, load_strings, strings_path, transliterated_from

SECTION = "speech"
REQUIRED = ("voice", "rate", "words", "units", "symbols", "email", "phone", "numbers")
NUMBER_FORMS = ("cardinal", "ordinal", "cardinal_genitive", "ordinal_genitive")
SPACES = re.compile(r"[\s\u00a0\u2007\u202f]+")
SPACED_DASH = re.compile(r"\s+[–—]\s+")
EMAIL = re.compile(r"(?<![\w.+-])([\w.+-]+)@([\w-]+(?:\.[\w-]+)+)")
PHONE = re.compile(r"\(?\+\d+(?:[\s()\-]+\d+)+\)?")
NUMERIC_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d])")
NUMBER = re.compile(r"(?<![\w.,])(\d+)(?:([.,])(\d+))?(?![\d])")
# "PQ-5159": the hyphen between letters and a number is not a minus; say them apart.
LETTERS_THEN_NUMBER = re.compile(r"(?<=[^\W\d_])-(?=\d)")
PREVIOUS_WORD = re.compile(r"(\w+)\W*$")


class LexiconError(StringsError):
    """The speech section of a language file is incomplete or malformed."""


@dataclass(frozen=True)
class Unit:
    """A sign or abbreviation after a number: its plural forms, and those after a genitive."""

    forms: str | list[str]
    genitive: str | list[str] | None = None
    feminine: bool = False


@dataclass
class Lexicon:
    language: str  # the language file the data comes from: uz, ru, en
    path: Path
    voice: str
    rate: int
    words: dict[str, str]
    units: dict[str, Unit]
    symbols: dict[str, str]
    spelling: dict[str, str]
    email_at: str
    email_dot: str
    phone_plus: str
    phone_digits: bool  # each digit on its own (English), or each group as a number
    numbers: NumberWords
    decimal_mark: str  # "," or "."
    decimal_word: str
    fraction_digits: bool  # the part after the mark digit by digit (English "point two five")
    point_word: str  # the other mark between digits, a version: "2.2" in Russian and Uzbek
    ordinal_mark: str  # Uzbek: "-" after a number makes it ordinal (2021-yil)
    genitive_after: frozenset[str]  # Russian: "до", "от" -> the number in the genitive
    date_written: re.Pattern | None  # the language's own written date, from ``date: pattern``
    date_said: str | None
    date_day_form: str
    date_year_form: str
    date_template: str  # ``date: pattern``, to write a numeric date out first
    months: list[str] = field(default_factory=list)

    # ── the rules, in order ──────────────────────────────────────────────────
    def spoken(self, text: str) -> str:
        try:
            text = unicodedata.normalize("NFC", text)
            for written, said in self.spelling.items():
                text = text.replace(written, said)
            text = SPACES.sub(" ", text.replace("\u00ad", ""))
            text = SPACED_DASH.sub(", ", text)
            text = EMAIL.sub(self._email, text)
            text = PHONE.sub(self._phone, text)
            text = NUMERIC_DATE.sub(self._numeric_date, text)
            if self.date_written is not None:
                text = self.date_written.sub(self._date, text)
            text = LETTERS_THEN_NUMBER.sub(" ", text)
            text = self._numbers(text)
            text = self._words(text)
            for sign, said in self.symbols.items():
                text = text.replace(sign, f" {said} ")
        except NumberWordsError as error:
            raise LexiconError(f"{self.path}: {SECTION}: numbers: {error} — add it") from None
        return SPACES.sub(" ", text).strip()

    def _email(self, match: re.Match) -> str:
        local = [self._word(part) for part in match.group(1).split(".")]
        domain = [self._word(part) for part in match.group(2).split(".")]
        dot = f" {self.email_dot} "
        return f"{dot.join(local)} {self.email_at} {dot.join(domain)}"

    def _word(self, word: str) -> str:
        return self.words.get(word, word)

    def _phone(self, match: re.Match) -> str:
        groups = re.findall(r"\d+", match.group())
        said = [self.numbers.digits(group) if self.phone_digits else self._group(group) for group in groups]
        return f"{self.phone_plus} " + ", ".join(said)

    def _group(self, digits: str) -> str:
        """A group of a phone number as a number; its leading zeros digit by digit ("05")."""
        zeros = len(digits) - len(digits.lstrip("0"))
        rest = digits[zeros:]
        words = [self.numbers.digits("0" * zeros)] if zeros else []
        if rest:
            words.append(self.numbers.spell(int(rest)))
        return " ".join(words)

    def _numeric_date(self, match: re.Match) -> str:
        day, month, year = (int(part) for part in match.groups())
        if not (1 <= month <= 12 and 1 <= day <= 31) or len(self.months) != 12:
            return match.group()
        return self.date_template.format(day=day, month=self.months[month - 1], year=year)

    def _date(self, match: re.Match) -> str:
        genitive = self._after_genitive(match.string[: match.start()])
        day_form = self._genitive(self.date_day_form) if genitive else self.date_day_form
        return self.date_said.format(
            day=self.numbers.spell(int(match.group("day")), day_form),
            month=match.group("month"),
            year=self.numbers.spell(int(match.group("year")), self.date_year_form),
        )

    def _genitive(self, form: str) -> str:
        genitive = form.removesuffix("_genitive") + "_genitive"
        return genitive if genitive in self.numbers.tables else form

    def _after_genitive(self, before: str) -> bool:
        previous = PREVIOUS_WORD.search(before)
        return bool(previous and previous.group(1).lower() in self.genitive_after)

    def _numbers(self, text: str) -> str:
        units = sorted(self.units, key=len, reverse=True)
        out, position = [], 0
        for match in NUMBER.finditer(text):
            if match.start() < position:
                continue
            whole, mark, fraction = match.groups()
            end = match.end()
            if mark and mark != self.decimal_mark:  # "2.2" in Russian: a version, said with a "point"
                out.append(text[position:match.start()])
                out.append(f"{self.numbers.spell(int(whole))} {self.point_word} {self._fraction(fraction)}")
                if self.ordinal_mark and text.startswith(self.ordinal_mark, end):
                    out.append(" ")  # "18.4-versiya": the mark only joins the word
                    end += len(self.ordinal_mark)
                position = end
                continue
            out.append(text[position:match.start()])
            said_fraction = fraction and fraction.strip("0")
            if self.ordinal_mark and not mark and text.startswith(self.ordinal_mark, end) \
                    and text[end + len(self.ordinal_mark): end + len(self.ordinal_mark) + 1].isalpha():
                out.append(self.numbers.spell(int(whole), "ordinal") + " ")
                position = end + len(self.ordinal_mark)
                continue
            genitive = self._after_genitive(text[: match.start()])
            unit, unit_end = self._unit_after(text, end, units)
            feminine = bool(unit and self.units[unit].feminine)
            form = self._genitive("cardinal") if genitive else "cardinal"
            said = self.numbers.spell(int(whole), form, feminine=feminine)
            if said_fraction:
                said += f" {self.decimal_word} {self._fraction(fraction)}"
            if unit:
                said += " " + self._unit_word(self.units[unit], int(whole), bool(said_fraction), genitive)
                end = unit_end
            out.append(said)
            position = end
        out.append(text[position:])
        return "".join(out)

    def _fraction(self, digits: str) -> str:
        if self.fraction_digits:
            return self.numbers.digits(digits)
        return self._group(digits)

    def _unit_after(self, text: str, end: int, units: list[str]) -> tuple[str | None, int]:
        rest = text[end:]
        stripped = rest.lstrip(" ")
        start = end + len(rest) - len(stripped)
        for unit in units:
            if stripped.startswith(unit):
                after = stripped[len(unit): len(unit) + 1]
                if not (after.isalnum() and unit[-1].isalnum()):
                    return unit, start + len(unit)
        return None, end

    def _unit_word(self, unit: Unit, count: int, fraction: bool, genitive: bool) -> str:
        forms = unit.genitive if genitive and unit.genitive is not None else unit.forms
        if fraction:  # 2,5 -> "процента", "percent": the form of "few"/"other"
            count = 2
        return self.numbers.plural(count, forms)

    def _words(self, text: str) -> str:
        if not self.words:
            return text
        pattern = _words_pattern(tuple(sorted(self.words, key=len, reverse=True)))
        return pattern.sub(lambda match: self.words[match.group()], text)


@functools.lru_cache(maxsize=16)
def _words_pattern(keys: tuple[str, ...]) -> re.Pattern:
    """The listed words, longest first, each matched whole (not inside a longer word)."""
    edges = [(r"(?<!\w)" if key[0].isalnum() else "") + re.escape(key) + (r"(?!\w)" if key[-1].isalnum() else "")
             for key in keys]
    return re.compile("|".join(edges))


# ── loading ──────────────────────────────────────────────────────────────────


def reading_language(root: Path, language: str) -> str:
    """The language whose lexicon and recordings a language uses: a generated edition's
    source ("uz-cyrl" -> "uz"), else itself."""
    return transliterated_from(root, language) or language


def load_lexicon(root: Path, language: str) -> Lexicon:
    """The lexicon a language is read with; a malformed section fails with the file and key."""
    code = reading_language(root, language)
    path = strings_path(root, code)
    strings = load_strings(root, code)
    data = strings.get(SECTION)
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: no '{SECTION}:' section — add one (see i18n/en.yml)")
    missing = [key for key in REQUIRED if key not in data]
    if missing:
        raise LexiconError(f"{path}: {SECTION}: missing {', '.join(missing)} — add {'them' if len(missing) > 1 else 'it'} "
                           "(see i18n/en.yml)")

    def mapping(key, source=data, where=SECTION) -> dict:
        value = source.get(key) or {}
        if not isinstance(value, dict):
            raise LexiconError(f"{path}: {where}: {key}: expected a mapping of written forms to spoken words")
        return {str(k): v for k, v in value.items()}

    def text(key, source=data, where=SECTION, default=None) -> str:
        value = source.get(key, default)
        if not isinstance(value, str) or (default is None and not value):
            raise LexiconError(f"{path}: {where}: {key}: expected a word")
        return value

    numbers_data = mapping("numbers")
    tables = {}
    for form, table in numbers_data.items():
        if isinstance(table, dict):
            if not all(isinstance(value, int) for value in table):
                raise LexiconError(f"{path}: {SECTION}: numbers: {form}: keys must be numbers (1: one)")
            tables[form] = table
    for form in ("cardinal", "ordinal"):
        if form not in tables:
            raise LexiconError(f"{path}: {SECTION}: numbers: no '{form}:' table — add one (see i18n/en.yml)")
    numbers = NumberWords(
        language=code,
        tables=tables,
        join=numbers_data.get("join", " "),
        conjunction=numbers_data.get("conjunction", ""),
        one_before_scale=bool(numbers_data.get("one_before_scale", True)),
        feminine_scales=frozenset(numbers_data.get("feminine_scales", [])),
    )
    units = {}
    for sign, entry in mapping("units").items():
        if isinstance(entry, (str, list)):
            units[sign] = Unit(entry)
        elif isinstance(entry, dict) and "forms" in entry:
            units[sign] = Unit(entry["forms"], entry.get("genitive"), bool(entry.get("feminine")))
        else:
            raise LexiconError(f"{path}: {SECTION}: units: {sign}: expected a word, a list of plural forms "
                               "or a mapping with 'forms:'")
    email, phone = mapping("email"), mapping("phone")
    dates = mapping("dates")
    date_strings = strings.get("date") or {}
    months = list(date_strings.get("months") or [])
    template = date_strings.get("pattern", "")
    written = None
    if dates:
        written = _written_date(template, months)
        if written is None:
            raise LexiconError(f"{path}: {SECTION}: dates: the file's 'date: pattern' needs {{day}}, {{month}} and "
                               "{year}, and 'date: months' twelve names")
    lexicon = Lexicon(
        language=code,
        path=path,
        voice=text("voice"),
        rate=int(data["rate"]),
        words={k: str(v) for k, v in mapping("words").items()},
        units=units,
        symbols={k: str(v) for k, v in mapping("symbols").items()},
        spelling={k: str(v) for k, v in mapping("spelling").items()},
        email_at=text("at", email, f"{SECTION}: email"),
        email_dot=text("dot", email, f"{SECTION}: email"),
        phone_plus=text("plus", phone, f"{SECTION}: phone"),
        phone_digits=phone.get("groups") == "digits",
        numbers=numbers,
        decimal_mark=text("decimal_mark", numbers_data, f"{SECTION}: numbers"),
        decimal_word=text("decimal_word", numbers_data, f"{SECTION}: numbers"),
        fraction_digits=numbers_data.get("fraction") == "digits",
        point_word=text("point_word", numbers_data, f"{SECTION}: numbers", default=""),
        ordinal_mark=text("ordinal_mark", numbers_data, f"{SECTION}: numbers", default=""),
        genitive_after=frozenset(word.lower() for word in numbers_data.get("genitive_after", [])),
        date_written=written,
        date_said=dates.get("said"),
        date_day_form=dates.get("day", "ordinal"),
        date_year_form=dates.get("year", "cardinal"),
        date_template=template,
        months=months,
    )
    lexicon.spoken("0 1 2 3 4 5 6 7 8 9 10 24 80 148 2021 5159")  # every table answers, or the error names it
    return lexicon


def _written_date(template: str, months: list[str]) -> re.Pattern | None:
    """A pattern matching the dates the language writes ("24 June 2021", "24 июня 2021 г.")."""
    if len(months) != 12 or not all(f"{{{name}}}" in template for name in ("day", "month", "year")):
        return None
    parts = re.split(r"(\{day\}|\{month\}|\{year\})", template.strip())
    regex = ""
    for part in parts:
        if part == "{day}":
            regex += r"(?P<day>\d{1,2})"
        elif part == "{month}":
            regex += "(?P<month>" + "|".join(map(re.escape, months)) + ")"
        elif part == "{year}":
            regex += r"(?P<year>\d{4})"
        else:
            regex += r"\s+".join(map(re.escape, part.split(" ")))
    return re.compile(r"(?<!\d)" + regex + r"(?!\d)")
