"""Uzbek Latin <-> Uzbek Cyrillic transliteration (official orthography).

Plain text:
    to_cyrillic(text), to_latin(text)
Markdown (code, URLs, link targets, attribute lists, HTML tags, front matter
keys ... are left untouched; see ``markdown_to_cyrillic``):
    markdown_to_cyrillic(markdown), markdown_to_latin(markdown)
Self-check against a real Cyrillic text:
    roundtrip_report(text) -> (total, survived, failures)

Letter correspondence (official Latin orthography of 1995 and the Cyrillic
orthography of 1956):

    oʻ ў   gʻ ғ   sh ш   ch ч   q қ   h ҳ   x х   j ж   y й   ng нг
    ye е   yo ё   yu ю   ya я   ʼ ъ   sʼh сҳ   e э (word start, after a vowel)
    ts ц (loanwords: -tsiya, -tsion, ...)   s ц (after a consonant: -ksiya)
    ь is not written in Latin; it comes back only from ``EXCEPTIONS``.

Words whose Cyrillic spelling cannot be derived from Latin (ь, ц, ю/я after
a consonant) live in ``EXCEPTIONS``; names that stay in Latin inside
Cyrillic text live in ``KEEP_LATIN``; codes written in Latin letters that stay
Latin where they are codes (the WCAG conformance levels A, AA, AAA) live in
``KEEP_LATIN_CODES``. All are plain module-level data: extend them there.

Pure standard library.
"""

from __future__ import annotations

import functools
import re
from urllib.parse import quote, unquote

__all__ = [
    "CODE_NOUNS",
    "EXCEPTIONS",
    "KEEP_LATIN",
    "KEEP_LATIN_CODES",
    "OKINA",
    "TUTUQ",
    "markdown_to_cyrillic",
    "markdown_to_latin",
    "roundtrip_report",
    "to_cyrillic",
    "to_latin",
]

OKINA = "\u02bb"  # ʻ  the mark of oʻ and gʻ
TUTUQ = "\u02bc"  # ʼ  tutuq belgisi (Cyrillic ъ)

# Names that the Cyrillic source itself keeps in Latin script. Matched as
# whole phrases, case-sensitively; any run of whitespace inside a phrase also
# matches a line break, and a dash matches - – or —.
KEEP_LATIN: tuple[str, ...] = (
    "UzAuto Motors",
    "Cooperation LAB",
    "JV MAN Auto – Uzbekistan",
    "General Motors Powertrain Uzbekistan",
    # Names of standards and software on the site's own pages, written in Latin in
    # Cyrillic Uzbek text too.
    "WCAG",
    "JavaScript",
    "axe-core",
    "eSpeak NG",
    "Safari",
)

# Codes made of Latin capitals that stay Latin in Cyrillic text, but only where they stand as
# codes: right after a KEEP_LATIN name (with an optional version number between: "WCAG 2.2
# AA"), or in a list of codes before one of CODE_NOUNS ("AA darajasi", "A va AA darajalari",
# "A, AA yoki AAA darajadagi"). Anywhere else they are letters like any other: the initial
# in "A. Aripov" is "А. Арипов".
KEEP_LATIN_CODES: tuple[str, ...] = ("A", "AA", "AAA")  # WCAG conformance levels
# Latin stems of the nouns that such codes qualify (daraja: level).
CODE_NOUNS: tuple[str, ...] = ("daraja",)

# Latin stem -> Cyrillic stem, for spellings the letter rules cannot derive.
# Keys are lower-case, written with ʻ (U+02BB) and ʼ (U+02BC). A key matches
# the start of a word; the rest of the word is transliterated normally and
# the case pattern (lower / Title / UPPER) of the matched part is kept.
# A final ь is written only when the stem is the whole word: Uzbek Cyrillic
# drops it before suffixes and in compounds (февраль, but февралдаги,
# автомобилсозлик). The table is also used backwards (Cyrillic -> Latin),
# which is what turns сентябрь into "sentabr" rather than "sentyabr".
EXCEPTIONS: dict[str, str] = {
    # Months with ь, and the two whose Latin form has no я.
    "yanvar": "январь",
    "fevral": "февраль",
    "aprel": "апрель",
    "iyun": "июнь",
    "iyul": "июль",
    "sentabr": "сентябрь",
    "oktabr": "октябрь",
    "noyabr": "ноябрь",
    "dekabr": "декабрь",
    # Other loanwords with ь.
    "avtomobil": "автомобиль",
    "kabel": "кабель",
    "model": "модель",
    "nikel": "никель",
    "dvigatel": "двигатель",
    "rentabel": "рентабель",
    "portfel": "портфель",
    # The 1995 rules write ьо as "yo" (batalyon, medalyon, pavilyon): that is the Latin
    # form produced, and listed first because the table is read backwards in that order.
    "pavilyon": "павильон",
    "pavilon": "павильон",  # accepted on input, as the example spells it
    "kompyuter": "компьютер",
    "obyekt": "объект",
    "subyekt": "субъект",
    "premyer": "премьер",
    "budjet": "бюджет",
    # Loanwords with ц that the ts/ksiya rules below do not reach.
    "aksiya": "акция",
    "sex": "цех",
    "sement": "цемент",
    "sentr": "центр",
    "konsentra": "концентра",  # stops before "t" so -tsiya still applies
    "potensial": "потенциал",
    "protsess": "процесс",
    "litsenz": "лиценз",
    "litsey": "лицей",
    "stansiya": "станция",
    "konferensiya": "конференция",
    "kompetensiya": "компетенция",
    "tendensiya": "тенденция",
}

# --------------------------------------------------------------------------
# Letters

_LAT_VOWELS = frozenset("aeiou")
_CYR_VOWELS = frozenset("аеёиоуўэюяы")

_LAT_TO_CYR = {
    "a": "а", "b": "б", "d": "д", "f": "ф", "g": "г", "h": "ҳ", "i": "и",
    "j": "ж", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п",
    "q": "қ", "r": "р", "s": "с", "t": "т", "u": "у", "v": "в", "x": "х",
    "y": "й", "z": "з",
}
_CYR_TO_LAT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ё": "yo", "ж": "j",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "х": "x", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": TUTUQ, "ы": "i",
    "ь": "", "э": "e", "ю": "yu", "я": "ya", "ў": "o" + OKINA, "қ": "q",
    "ғ": "g" + OKINA, "ҳ": "h",
    # е and ц depend on their neighbours: see _cyrillic_word_to_latin.
}

# Apostrophe look-alikes accepted on input. After o/g they are the oʻ/gʻ
# mark (except ʼ U+02BC, which is always the tutuq); elsewhere the tutuq.
_MARKS = "\u02bb\u2018`'\u2019"
_APOSTROPHES = _MARKS + TUTUQ

# A Latin word: letters plus the apostrophes that belong to it. ' and ’ are
# also quotation marks, so they count only before a letter, or after g at a
# word's end (togʻ, bogʻ); ʻ ‘ ` after o/g and ʼ after any letter always count.
_LATIN_WORD_RE = re.compile(
    r"[A-Za-z]"
    r"(?:[A-Za-z]"
    r"|(?<=[OoGg])[\u02bb\u2018`]"
    r"|(?<=[Gg])['\u2019]"
    r"|\u02bc"
    r"|[\u02bb'\u2019](?=[\u02bb\u02bc'\u2019]?[A-Za-z])"  # mo''jiza: mark, then tutuq
    r")*"
)
_CYRILLIC_WORD_RE = re.compile(r"[\u0400-\u04ff]+")

# ts before i + vowel (-tsiya, -tsion, -tsial) is the loanword ц.
_LOAN_TS_RE = re.compile(r"ts(?=iy?[aeou])")

# c (outside ch) and w are not Uzbek letters: such a word is foreign
# (Cooperation, Powertrain) and stays in Latin.
_FOREIGN_RE = re.compile(r"c(?!h)|w", re.IGNORECASE)


def _normalize_latin_word(word: str) -> str:
    """Spell every apostrophe variant as ʻ (after o/g) or ʼ (elsewhere)."""
    chars = list(word)
    for i, ch in enumerate(chars):
        if ch in _APOSTROPHES:
            after_og = i > 0 and chars[i - 1] in "OoGg"
            chars[i] = OKINA if after_og and ch != TUTUQ else TUTUQ
    return "".join(chars)


def _match_case(source: str, replacement: str) -> str:
    """Give replacement the case pattern (lower, Title, UPPER) of source."""
    letters = [c for c in source if c.isalpha() and c.lower() != c.upper()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if letters and letters[0].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _stem_for(cyrillic_stem: str, whole_word: bool) -> str:
    # Uzbek Cyrillic writes a stem's final ь only when nothing follows it.
    return cyrillic_stem if whole_word else cyrillic_stem.rstrip("ьЬ")


def _exception_patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    return _compiled_exceptions(tuple(EXCEPTIONS.items()))  # recompiled if the table is extended


@functools.lru_cache(maxsize=4)
def _compiled_exceptions(entries) -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """EXCEPTIONS as two regular expressions of their stems, longest first, so a word is
    matched once instead of against every entry (the build transliterates every page)."""
    latin = sorted((key for key, _ in entries), key=len, reverse=True)
    backwards: dict[str, str] = {}
    for key, cyrillic in entries:  # the first Latin form listed wins backwards
        for stem in (cyrillic, cyrillic.rstrip("ь")):
            backwards.setdefault(stem, key)
    cyrillic = sorted(backwards, key=len, reverse=True)
    return (
        re.compile("|".join(map(re.escape, latin))),
        re.compile("|".join(map(re.escape, cyrillic))),
        backwards,
    )


def _latin_exception(lower_word: str) -> tuple[str, str] | None:
    """Longest EXCEPTIONS key that starts lower_word, with its value."""
    pattern, _, _ = _exception_patterns()
    match = pattern.match(lower_word)
    return (match.group(), EXCEPTIONS[match.group()]) if match else None


def _cyrillic_exception(lower_word: str) -> tuple[int, str] | None:
    """(length matched, Latin stem) for the longest Cyrillic stem starting lower_word."""
    _, pattern, backwards = _exception_patterns()
    match = pattern.match(lower_word)
    return (len(match.group()), backwards[match.group()]) if match else None


# --------------------------------------------------------------------------
# Latin -> Cyrillic


def _latin_word_to_cyrillic(word: str) -> str:
    if _FOREIGN_RE.search(word):
        return word
    word = _normalize_latin_word(word)
    lw = word.lower()
    n = len(word)
    out: list[str] = []
    i = 0

    exception = _latin_exception(lw)
    if exception:
        latin, cyrillic = exception
        i = len(latin)
        out.append(_match_case(word[:i], _stem_for(cyrillic, whole_word=i == n)))

    def after_vowel(pos: int) -> bool:
        """Is the letter before pos a vowel (oʻ included) or the tutuq?"""
        if pos == 0:
            return False
        prev = lw[pos - 1]
        if prev == OKINA:
            return pos >= 2 and lw[pos - 2] == "o"
        return prev in _LAT_VOWELS or prev == TUTUQ

    while i < n:
        c = lw[i]
        nxt = lw[i + 1 : i + 2]
        upper = word[i].isupper()
        step = 2
        if c == "s" and lw.startswith(TUTUQ + "h", i + 1):
            # sʼh is с+ҳ; the tutuq only keeps it apart from sh.
            cyr, step = "с", 2
        elif c == "s" and nxt == "h":
            cyr = "ш"
        elif c == "c" and nxt == "h":
            cyr = "ч"
        elif c == "o" and nxt == OKINA:
            cyr = "ў"
        elif c == "g" and nxt == OKINA:
            cyr = "ғ"
        elif c == "y" and nxt == "o" and lw[i + 2 : i + 3] != OKINA:
            cyr = "ё"
        elif c == "y" and nxt == "u":
            cyr = "ю"
        elif c == "y" and nxt == "a":
            cyr = "я"
        elif c == "y" and nxt == "e" and (i == 0 or after_vowel(i)):
            cyr = "е"
        elif c == "t" and _LOAN_TS_RE.match(lw, i):
            # Loanword ц: kooperatsiya, ratsional, assotsiatsiya. Uzbek
            # suffixes never give t+s+i+vowel (ketsa, aytsin, otsiz).
            cyr = "ц"
        elif c == "s" and i > 0 and lw[i - 1] == "k" and lw[i + 1 : i + 4] in ("iya", "ion"):
            # -ksiya/-ksion are Russian -кция/-кцион (funksiya, reaksiya).
            cyr, step = "ц", 1
        elif c == "e":
            cyr = "э" if i == 0 or after_vowel(i) else "е"
            step = 1
        elif c == TUTUQ:
            cyr, step = "ъ", 1
        else:
            cyr, step = _LAT_TO_CYR.get(c, word[i]), 1
        out.append(cyr.upper() if upper else cyr)
        i += step
    return "".join(out)


# --------------------------------------------------------------------------
# Cyrillic -> Latin


def _cyrillic_word_to_latin(word: str) -> str:
    lw = word.lower()
    n = len(word)
    out: list[str] = []
    i = 0

    exception = _cyrillic_exception(lw)
    if exception:
        i, latin = exception
        out.append(_match_case(word[:i], latin))

    for i in range(i, n):
        ch, c = word[i], lw[i]
        prev = lw[i - 1] if i > 0 else ""
        if c == "е":
            lat = "ye" if not prev or prev in _CYR_VOWELS or prev in "ъь" else "e"
        elif c == "ц":
            lat = "ts" if prev and prev in _CYR_VOWELS else "s"
        elif c == "с" and lw[i + 1 : i + 2] == "ҳ":
            lat = "s" + TUTUQ  # сҳ is written sʼh so that it does not read as sh
        else:
            lat = _CYR_TO_LAT.get(c, ch)
        if ch != c and lat:
            # Capital: "Sh" in a Title word, "SH" when the neighbour is a capital too.
            nxt = word[i + 1 : i + 2]
            shout = nxt.isupper() if nxt.isalpha() else i > 0 and word[i - 1].isupper()
            lat = lat.upper() if shout else lat[0].upper() + lat[1:]
        out.append(lat)
    return "".join(out)


# --------------------------------------------------------------------------
# Protected spans

_TRAILING_PUNCT = r"[^\s<>\"«»“”„.,;:!?'’)\]]"
_PLAIN_PROTECTED = (
    # URLs, tel:/mailto: targets, e-mail addresses, bare domains.
    r"(?:https?://|ftp://|www\.)[^\s<>\"«»“”„]*" + _TRAILING_PUNCT,
    r"\b(?:tel|mailto|sms|callto):[^\s<>\"«»“”„]*" + _TRAILING_PUNCT,
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+",
    r"(?<![\w.-])[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.(?:uz|ru|com|org|net|info|gov|edu|int)\b(?!\.?[A-Za-z])",
    # Tokens mixing Latin letters and digits (B2B, 4G).
    r"(?<!\w)(?=[A-Za-z0-9]*[0-9])(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]+(?!\w)",
)

_MARKDOWN_PROTECTED = (
    r"<!--[\s\S]*?-->",
    # HTML elements whose content is code.
    r"<(?P<raw>code|pre|script|style|kbd|samp|svg|math)\b[^>]*>[\s\S]*?</(?P=raw)\s*>",
    # Inline code.
    r"(?<!`)(?P<ticks>`+)(?!`)(?:[^\n]|\n(?![ \t]*\n))*?[^`](?P=ticks)(?!`)",
    # Jinja / macros.
    r"\{\{[\s\S]*?\}\}",
    r"\{%[\s\S]*?%\}",
    # Autolinks, then any raw HTML tag (the text between tags is translated).
    r"<(?:https?|ftp|mailto|tel):[^\s<>]*>",
    r"<[^\s<>@]+@[^\s<>]+>",
    r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s(?:[^<>\"']|\"[^\"]*\"|'[^']*')*)?/?>",
    # Link and image destinations "](url" (a following "title" is translated),
    # reference labels "][id]", reference definitions, footnote labels.
    r"(?<=\])\((?:<[^<>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)",
    r"(?<=\])\[[^\]\n]*\]",
    r"^[ ]{0,3}\[(?!\^)[^\]\n]+\]:[ \t]*\S+[^\n]*",
    r"\[\^[^\]\n]+\]",
    # Attribute lists: {#id .class key=value}, {: .class}.
    r"\{:?[ \t]*(?:[#.][A-Za-z_][\w-]*|[A-Za-z_][\w-]*=)[^{}\n]*\}",
    # Admonition marker, type and classes: !!! tip "Title" (title translated).
    r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+[\w-]+)*",
    # Icon/emoji shortcodes, HTML entities, snippet lines.
    r":[a-z0-9+]+(?:[-_][a-z0-9+]+)+:",
    r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);",
    r"^-{2,}8<-{2,}[^\n]*",
)


def _keep_latin_pattern(phrase: str) -> str:
    parts = []
    for token in re.split(r"(\s+|[-–—])", phrase):
        if not token:
            continue
        if token.isspace():
            parts.append(r"\s+")
        elif token in "-–—":
            parts.append("[-–—]")
        else:
            parts.append(re.escape(token))
    return "".join(parts)


def _codes_pattern(codes: tuple[str, ...], nouns: tuple[str, ...]) -> tuple[str, str]:
    """(a code, a code followed by a list of codes and a CODE_NOUNS word) as regexes."""
    code = r"(?:" + "|".join(map(re.escape, sorted(codes, key=len, reverse=True))) + r")(?![\w\u02bb\u02bc])"
    noun = r"(?:" + "|".join(f"{re.escape(n[0].upper())}{re.escape(n[1:])}|{re.escape(n)}|{re.escape(n.upper())}"
                             for n in nouns) + r")"
    joiner = r"(?:\s*,\s*|\s*[-–—/]\s*|\s+(?:va|yoki|VA|YOKI)\s+)"
    before_noun = rf"(?<![\w.]){code}(?=(?:{joiner}{code})*(?:\s+|-){noun})"
    return code, before_noun


@functools.lru_cache(maxsize=8)
def _protected_re(keep_latin: tuple[str, ...], markdown: bool, codes: tuple[str, ...] = (),
                  nouns: tuple[str, ...] = ()) -> re.Pattern[str]:
    names = sorted(keep_latin, key=len, reverse=True)
    patterns = list(_MARKDOWN_PROTECTED if markdown else ())
    patterns += _PLAIN_PROTECTED
    code, before_noun = _codes_pattern(codes, nouns) if codes else (None, None)
    if names:
        # A kept name, and the codes right after it ("WCAG 2.2 AA").
        after = rf"(?:\s+\d+(?:\.\d+)*)?(?:\s+{code})?" if code else ""
        patterns.append(r"(?<!\w)(?:" + "|".join(map(_keep_latin_pattern, names)) + r")" + after + r"(?!\w)")
    if before_noun:
        patterns.append(before_noun)
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.MULTILINE)


# The subject and body of a mailto: link are words its reader sees in the mail program.
_MAILTO_TEXT_RE = re.compile(r"(?<=[?&])((?i:subject|body)=)([^&#\s)>\"]*)")


def _mailto_texts(segment: str, convert_text) -> str:
    """A protected span with its mailto: subject and body transliterated (decoded, converted,
    percent-encoded again); the address and everything else stay as they are."""
    if "mailto:" not in segment.lower():
        return segment
    return _MAILTO_TEXT_RE.sub(lambda m: m.group(1) + quote(convert_text(unquote(m.group(2))), safe=""), segment)


def _convert(text: str, to_cyrl: bool, markdown: bool = False) -> str:
    """Transliterate text outside protected spans."""
    word_re, convert_word = (
        (_LATIN_WORD_RE, _latin_word_to_cyrillic) if to_cyrl else (_CYRILLIC_WORD_RE, _cyrillic_word_to_latin)
    )

    def plain(segment: str) -> str:
        return word_re.sub(lambda m: convert_word(m.group()), segment)

    keep = tuple(KEEP_LATIN) if to_cyrl else ()
    codes = (tuple(KEEP_LATIN_CODES), tuple(CODE_NOUNS)) if to_cyrl else ((), ())
    out: list[str] = []
    pos = 0
    for m in _protected_re(keep, markdown, *codes).finditer(text):
        if m.start() == m.end():
            continue
        out.append(plain(text[pos : m.start()]))
        out.append(_mailto_texts(m.group(), plain))
        pos = m.end()
    out.append(plain(text[pos:]))
    return "".join(out)


# --------------------------------------------------------------------------
# Public API: plain text


def to_cyrillic(text: str) -> str:
    """Uzbek Latin -> Uzbek Cyrillic. URLs, e-mail addresses, KEEP_LATIN names, the
    KEEP_LATIN_CODES where they stand as codes, and tokens mixing letters and digits are
    left as they are."""
    return _convert(text, to_cyrl=True)


def to_latin(text: str) -> str:
    """Uzbek Cyrillic -> Uzbek Latin (ʻ U+02BB for oʻ gʻ, ʼ U+02BC for the tutuq).
    Text that is not Cyrillic is left as it is."""
    return _convert(text, to_cyrl=False)


# --------------------------------------------------------------------------
# Public API: Markdown

# Front matter keys whose values are reader-visible text.
FRONT_MATTER_TEXT_KEYS = frozenset({"title", "description"})

_FRONT_MATTER_RE = re.compile(r"\A(\ufeff?---[ \t]*\r?\n)(.*?)(^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z))", re.S | re.M)
_FRONT_MATTER_KEY_RE = re.compile(r"([A-Za-z_][\w-]*)([ \t]*:[ \t]*)(.*?)([ \t]*\r?\n?)\Z", re.S)
_BLOCK_SCALAR_RE = re.compile(r"[|>][+-]?[0-9]?")
_FENCE_OPEN_RE = re.compile(r"[ \t]*(`{3,}|~{3,})")


def _yaml_scalar(value: str, convert) -> str:
    if len(value) >= 2 and value[0] == value[-1] == '"':
        # Keep backslash escapes (\n, \") as they are.
        inner = re.split(r"(\\.)", value[1:-1])
        return '"' + "".join(p if p.startswith("\\") else convert(p) for p in inner) + '"'
    if len(value) >= 2 and value[0] == value[-1] == "'":
        inner = convert(value[1:-1].replace("''", "'"))
        return "'" + inner.replace("'", "''") + "'"
    return convert(value)


def _front_matter(block: str, convert) -> str:
    """Translate the values of FRONT_MATTER_TEXT_KEYS; everything else stays."""
    out = []
    in_text_block = False  # inside a "key: >-" block scalar of a text key
    for line in block.splitlines(keepends=True):
        m = _FRONT_MATTER_KEY_RE.match(line)
        if m:  # a top-level key ends any block scalar
            key, sep, value, end = m.groups()
            in_text_block = False
            if key in FRONT_MATTER_TEXT_KEYS:
                if _BLOCK_SCALAR_RE.fullmatch(value):
                    in_text_block = True
                elif value:
                    line = key + sep + _yaml_scalar(value, convert) + end
        elif in_text_block and (line[:1] in " \t" or not line.strip()):
            line = convert(line)
        else:
            in_text_block = False
        out.append(line)
    return "".join(out)


def _split_fences(text: str) -> list[tuple[bool, str]]:
    """[(is_code, chunk)]: fenced code blocks versus everything else."""
    chunks: list[tuple[bool, str]] = []
    prose: list[str] = []
    code: list[str] = []
    fence = None
    for line in text.splitlines(keepends=True):
        if fence is None:
            m = _FENCE_OPEN_RE.match(line)
            # A backtick fence's info string cannot contain a backtick.
            if m and not (m.group(1)[0] == "`" and "`" in line[m.end() :]):
                fence = m.group(1)
                chunks.append((False, "".join(prose)))
                prose, code = [], [line]
            else:
                prose.append(line)
        else:
            code.append(line)
            if re.fullmatch(r"[ \t]*" + re.escape(fence[0]) + "{%d,}[ \t]*\r?\n?" % len(fence), line):
                chunks.append((True, "".join(code)))
                fence, code = None, []
    chunks.append((False, "".join(prose)))
    if code:  # an unclosed fence runs to the end of the document
        chunks.append((True, "".join(code)))
    return [c for c in chunks if c[1]]


def _convert_markdown(markdown: str, to_cyrl: bool) -> str:
    plain = to_cyrillic if to_cyrl else to_latin
    out = []
    m = _FRONT_MATTER_RE.match(markdown)
    if m:
        out.append(m.group(1) + _front_matter(m.group(2), plain) + m.group(3))
        markdown = markdown[m.end() :]
    for is_code, chunk in _split_fences(markdown):
        out.append(chunk if is_code else _convert(chunk, to_cyrl, markdown=True))
    return "".join(out)


def markdown_to_cyrillic(markdown: str) -> str:
    """Transliterate a Markdown page to Cyrillic, leaving untouched: front
    matter keys and values other than title/description, fenced code and
    inline code, link/image URLs, reference labels and definitions, autolinks,
    attribute lists {#id .class key=value}, HTML tags and comments, admonition
    types, bare URLs, e-mail addresses, tel:/mailto: targets, HTML entities
    and Markdown syntax. Link text, image alt text and titles are translated, and so are the
    subject and body of a mailto: link (percent-encoded).

    Not handled: indented (non-fenced) code blocks, because MkDocs pages
    indent admonition and list content the same way; and shortcut reference
    links [text] whose label is the translated text itself.
    """
    return _convert_markdown(markdown, to_cyrl=True)


def markdown_to_latin(markdown: str) -> str:
    """Cyrillic counterpart of ``markdown_to_cyrillic`` (same protections)."""
    return _convert_markdown(markdown, to_cyrl=False)


# --------------------------------------------------------------------------
# Self-check


def roundtrip_report(text: str) -> tuple[int, int, list[tuple[str, str, str]]]:
    """Send every Cyrillic word of text to Latin and back.

    Returns (total words, words that came back unchanged, failures), where
    failures lists each distinct failing word once as (word, latin, back).
    """
    words = _CYRILLIC_WORD_RE.findall(text)
    survived = 0
    failures: dict[str, tuple[str, str, str]] = {}
    for word in words:
        latin = to_latin(word)
        back = to_cyrillic(latin)
        if back == word:
            survived += 1
        else:
            failures.setdefault(word, (word, latin, back))
    return len(words), survived, list(failures.values())
