"""Numbers, dates and document numbers in running text, in a form that is the same in every
language: 24.06.2021 = 24-iyun 2021 = 2021-yil 24-iyundagi = 24 июня 2021 года = 24 June 2021
(a date, 2021-06-24); 148,0 = 148.0 (and 148,0 ming = 148,0 тыс. = 148.0 thousand = 148000);
PP-5159 = ПП-5159 = PQ-5159 (a document number).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

# Month names: the start of each month's word (any ending follows: июня, iyundagi, June).
MONTHS = {
    1: ("january", "jan", "январ", "yanvar"),
    2: ("february", "feb", "феврал", "fevral"),
    3: ("march", "mar", "март", "mart"),
    4: ("april", "apr", "апрел", "aprel"),
    5: ("may", "ма[йя]", "май", "may"),
    6: ("june", "jun", "июн", "iyun"),
    7: ("july", "jul", "июл", "iyul"),
    8: ("august", "aug", "август", "avgust"),
    9: ("september", "sept?", "сентябр", "sentabr", "sentyabr"),
    10: ("october", "oct", "октябр", "oktabr", "oktyabr"),
    11: ("november", "nov", "ноябр", "noyabr"),
    12: ("december", "dec", "декабр", "dekabr"),
}
_MONTH_ALTERNATIVES = sorted(((stem, month) for month, stems in MONTHS.items() for stem in stems),
                             key=lambda item: -len(item[0]))
MONTH = r"(?P<month>(?:" + "|".join(stem for stem, _month in _MONTH_ALTERNATIVES) + r")[\wʻʼ]*\.?)"


def month_number(word: str) -> int | None:
    word = word.lower()
    for stem, month in _MONTH_ALTERNATIVES:
        if re.match(stem, word):
            return month
    return None


DAY = r"(?P<day>[0-3]?\d)"
YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
YEAR_WORD = r"(?:[-\s](?:yil\w*|йил\w*)|\s+(?:года|год|г\.))?"
DATE_PATTERNS = [
    re.compile(rf"(?<![\d.]){DAY}\.(?P<month_number>[01]?\d)\.{YEAR}(?![\d.]\d)"),  # 24.06.2021
    re.compile(rf"(?<![\d-]){YEAR}-(?P<month_number>[01]\d)-{DAY}(?![\d])"),  # 2021-06-24
    re.compile(rf"(?<![\d]){YEAR}{YEAR_WORD}[\s,]+{DAY}[-\s]{MONTH}", re.I),  # 2021-yil 24-iyundagi
    re.compile(rf"(?<![\d]){DAY}(?:-|\s+){MONTH},?\s+{YEAR}{YEAR_WORD}", re.I),  # 24 June 2021, 24-iyun 2021
    re.compile(rf"\b{MONTH}\s+{DAY},?\s+{YEAR}", re.I),  # June 24, 2021
    re.compile(rf"(?<![\d]){YEAR}{YEAR_WORD}\s+{MONTH}(?!\w)", re.I),  # 2021-yil iyun
    re.compile(rf"\b{MONTH}\s+{YEAR}{YEAR_WORD}", re.I),  # June 2021, июнь 2021 года
]
# A document's number: PP-5159 (Presidential resolution), UP-… (decree), ZRU-… (law); the same
# documents in Cyrillic letters and Uzbek abbreviations (PQ = Prezident qarori).
DOCUMENT_RE = re.compile(r"(?<![\w-])(?P<series>[A-ZА-ЯЎҚҒҲ]{1,4}(?:[ʻʼ'][A-ZА-ЯЎҚҒҲ]{1,3})?)[-‑–](?P<number>\d{2,})(?!\d)")
SERIES = {
    "PP": "PP", "ПП": "PP", "PQ": "PP", "ПҚ": "PP", "ПК": "PP",
    "UP": "UP", "УП": "UP", "PF": "UP", "ПФ": "UP",
    "ZRU": "ZRU", "ЗРУ": "ZRU", "OʻRQ": "ZRU", "ЎРҚ": "ZRU", "O'RQ": "ZRU",
    "VMQ": "VMQ", "ВМҚ": "VMQ", "ПКМ": "VMQ",
}
_CYRILLIC_TO_LATIN = str.maketrans("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯЎҚҒҲ", "ABVGDEEJZIYKLMNOPRSTUFXCCSSYYYEYYOQGH")

SCALE_WORDS = [
    (re.compile(r"\s*(?:thousand|тыс\.|тысяч\w*|ming)(?!\w)", re.I), 1000),
    (re.compile(r"\s*(?:million|mln\.?|млн\.?|миллион\w*|mln)(?!\w)", re.I), 10 ** 6),
    (re.compile(r"\s*(?:billion|bln\.?|млрд\.?|миллиард\w*|milliard|mlrd\.?)(?!\w)", re.I), 10 ** 9),
]
# Decimal commas (148,0) and grouping by spaces (148 000) in Russian and Uzbek; in English a
# comma groups thousands (148,000) and the point is decimal.
NUMBER_RE = {
    "comma": re.compile(r"(?<![\w.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?![\d])|(?<![\w.,])\d+(?:[.,]\d+)?(?![\d])"),
    "point": re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])|(?<![\w.,])\d+(?:\.\d+)?(?![\d])"),
}
POINT_LANGUAGES = {"en"}


@dataclass(frozen=True)
class Found:
    kind: str  # "date", "document number", "number"
    value: object  # comparable across languages
    shown: str  # as written
    offset: int

    @property
    def key(self):
        return (self.kind, self.value)

    @property
    def canonical(self) -> str:
        if self.kind == "date":
            return "-".join(f"{part:02d}" if i else str(part) for i, part in enumerate(self.value))
        if self.kind == "document number":
            return f"{self.value[0]}-{self.value[1]}"
        return format(self.value, "f") if isinstance(self.value, Decimal) else str(self.value)


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def find_facts(text: str, language: str) -> list[Found]:
    """The dates, document numbers and numbers of a visible text (see sitekit.check.markdown),
    in the order they appear. ``language`` is the page's language code (its number format)."""
    found: list[Found] = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            parts = match.groupdict()
            month = int(parts["month_number"]) if parts.get("month_number") else month_number(parts["month"])
            day = int(parts["day"]) if parts.get("day") else None
            if not month or not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
                continue
            value = (int(parts["year"]), month) + ((day,) if day else ())
            found.append(Found("date", value, match.group().strip(), match.start()))
            text = _blank(text, match.start(), match.end())
    for match in DOCUMENT_RE.finditer(text):
        series = match.group("series")
        canonical = SERIES.get(series.upper(), series.upper().translate(_CYRILLIC_TO_LATIN))
        found.append(Found("document number", (canonical, int(match.group("number"))), match.group(), match.start()))
        text = _blank(text, match.start(), match.end())
    pattern = NUMBER_RE["point" if language.split("-")[0] in POINT_LANGUAGES else "comma"]
    for match in pattern.finditer(text):
        written = match.group()
        if language.split("-")[0] in POINT_LANGUAGES:
            digits = written.replace(",", "")
        else:
            digits = re.sub(r"[ \u00a0\u202f]", "", written).replace(",", ".")
        try:
            value = Decimal(digits)
        except InvalidOperation:
            continue
        shown = written
        rest = text[match.end():]
        for scale_re, factor in SCALE_WORDS:
            scale = scale_re.match(rest)
            if scale:
                value *= factor
                shown += scale.group()
                break
        found.append(Found("number", value.normalize(), shown.strip(), match.start()))
    return sorted(found, key=lambda f: f.offset)
