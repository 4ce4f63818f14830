"""The speech lexicon (sitekit/speech/lexicon.py, ``speech:`` in i18n/<language>.yml): what is
written becomes the words a person says, in each language, before eSpeak NG reads it.

The tables below are the readings the site relies on (the forms of its pages: resolution
number, dates, figures, the trust line, abbreviations); each listed word, unit and sign of
every lexicon is checked to become its spoken words; number words are checked on the cases
that have rules (teens, "and", genders, plural forms, genitive after "до"); and the Uzbek
letters oʻ gʻ and the tutuq are checked in eSpeak NG's own phonemes.
"""

import shutil
import subprocess
from pathlib import Path

import pytest

from siteinfo import require_speech
from sitekit.site import ROOT
from sitekit.speech.lexicon import LexiconError, load_lexicon, reading_language
from sitekit.strings import load_complete_strings, load_strings

LEXICON_LANGUAGES = ["uz", "ru", "en"]
LEXICONS = {code: load_lexicon(ROOT, code) for code in LEXICON_LANGUAGES}

# (language, written, said): the forms ("PQ-5159", "24.06.2021", "148,0 ming tonna",
# "80 %", "(+998 70) 619-23-33", "JSC", "AJ", "GMK", "WCAG") as each language writes them.
READINGS = [
    ("uz", "PQ-5159", "pe-qa besh ming bir yuz ellik toʻqqiz"),
    ("uz", "PQ-5159-son qaror", "pe-qa besh ming bir yuz ellik toʻqqizinchi son qaror"),
    ("uz", "2021-yil 24-iyundagi", "ikki ming yigirma birinchi yil yigirma toʻrtinchi iyundagi"),
    ("uz", "24.06.2021", "ikki ming yigirma birinchi yil yigirma toʻrtinchi iyun"),
    ("uz", "148,0 ming tonna", "bir yuz qirq sakkiz ming tonna"),
    ("uz", "80 %", "sakson foiz"),
    ("uz", "(+998 70) 619-23-33", "plyus toʻqqiz yuz toʻqson sakkiz, yetmish, olti yuz oʻn toʻqqiz, yigirma uch, oʻttiz uch"),
    ("uz", "«Olmaliq KMK» AJ", "«Olmaliq ka-em-ka» a-je"),
    ("uz", "WCAG 2.2", "dabl-yu si ey ji ikki nuqta ikki"),
    ("uz", "info@agmk.uz", "info kuchukcha a-ge-em-ka nuqta uz"),
    ("uz", "taʼminlash", "ta'minlash"),
    ("ru", "ПП-5159", "пэ-пэ пять тысяч сто пятьдесят девять"),
    ("ru", "от 24.06.2021 № ПП-5159", "от двадцать четвёртого июня две тысячи двадцать первого года номер пэ-пэ пять тысяч сто пятьдесят девять"),
    ("ru", "Дата: 24.06.2021", "Дата: двадцать четвёртое июня две тысячи двадцать первого года"),
    ("ru", "148,0 тыс. тонн", "сто сорок восемь тысяч тонн"),
    ("ru", "80 %", "восемьдесят процентов"),
    ("ru", "довести до 80 %", "довести до восьмидесяти процентов"),
    ("ru", "(+998 70) 619-23-33", "плюс девятьсот девяносто восемь, семьдесят, шестьсот девятнадцать, двадцать три, тридцать три"),
    ("ru", "АО «Алмалыкский ГМК»", "а-о «Алмалыкский гэ-эм-ка»"),
    ("ru", "WCAG 2.0, 2.1 и 2.2", "дабл-ю си эй джи два точка ноль, два точка один и два точка два"),
    ("ru", "2 миллиона долларов", "два миллиона долларов"),
    ("ru", "Кластер — это", "Кластер, это"),
    ("en", "PP-5159", "pee pee five thousand one hundred and fifty-nine"),
    ("en", "No. PP-5159 of 24 June 2021", "number pee pee five thousand one hundred and fifty-nine of the twenty-fourth of June, two thousand and twenty-one"),
    ("en", "24.06.2021", "the twenty-fourth of June, two thousand and twenty-one"),
    ("en", "148.0 thousand tonnes", "one hundred and forty-eight thousand tonnes"),
    ("en", "80 %", "eighty percent"),
    ("en", "(+998 70) 619-23-33", "plus nine nine eight, seven zero, six one nine, two three, three three"),
    ("en", "JSC Almalyk MMC", "jay ess see Almalyk em em see"),
    ("en", "WCAG 2.2 (levels A and AA)", "double-u see ay jee two point two (levels ay and double A)"),
    ("en", "info@agmk.uz", "info at ay jee em kay dot you zed"),
]


@pytest.mark.parametrize(("code", "written", "said"), READINGS, ids=[f"{c}:{w}" for c, w, _ in READINGS])
def test_written_forms_become_spoken_words(code, written, said):
    assert LEXICONS[code].spoken(written) == said


@pytest.mark.parametrize("code", LEXICON_LANGUAGES)
def test_every_listed_word_unit_and_sign_becomes_its_spoken_words(code):
    lexicon = LEXICONS[code]
    for written, said in lexicon.words.items():
        assert lexicon.spoken(written) == said, f"i18n/{code}.yml speech: words: {written}"
    for sign, unit in lexicon.units.items():
        for count in (1, 2, 5, 21):
            expected = lexicon.numbers.spell(count, feminine=unit.feminine) + " " + lexicon.numbers.plural(count, unit.forms)
            assert lexicon.spoken(f"{count} {sign}") == expected, f"i18n/{code}.yml speech: units: {sign} after {count}"
    for sign, said in lexicon.symbols.items():
        assert lexicon.spoken(f"a {sign} b") == f"a {said} b", f"i18n/{code}.yml speech: symbols: {sign}"


@pytest.mark.parametrize("code", LEXICON_LANGUAGES)
def test_no_digit_or_listed_abbreviation_is_left_for_the_engine(code):
    lexicon = LEXICONS[code]
    for _, written, _ in [r for r in READINGS if r[0] == code]:
        said = lexicon.spoken(written)
        assert not any(ch.isdigit() for ch in said), said
        assert not [word for word in lexicon.words if f" {word} " in f" {said} "], said


NUMBERS = [
    ("en", 0, "cardinal", "zero"), ("en", 13, "cardinal", "thirteen"), ("en", 21, "cardinal", "twenty-one"),
    ("en", 100, "cardinal", "one hundred"), ("en", 101, "cardinal", "one hundred and one"),
    ("en", 1001, "cardinal", "one thousand and one"), ("en", 1100, "cardinal", "one thousand one hundred"),
    ("en", 2_000_000, "cardinal", "two million"), ("en", 21, "ordinal", "twenty-first"),
    ("en", 2021, "ordinal", "two thousand and twenty-first"), ("en", 12, "ordinal", "twelfth"),
    ("uz", 11, "cardinal", "oʻn bir"), ("uz", 100, "cardinal", "bir yuz"), ("uz", 1000, "cardinal", "bir ming"),
    ("uz", 2021, "cardinal", "ikki ming yigirma bir"), ("uz", 50, "ordinal", "elliginchi"),
    ("uz", 2021, "ordinal", "ikki ming yigirma birinchi"), ("uz", 1_500_000, "cardinal", "bir million besh yuz ming"),
    ("ru", 12, "cardinal", "двенадцать"), ("ru", 1000, "cardinal", "тысяча"), ("ru", 2000, "cardinal", "две тысячи"),
    ("ru", 5000, "cardinal", "пять тысяч"), ("ru", 21_000, "cardinal", "двадцать одна тысяча"),
    ("ru", 1_000_000, "cardinal", "миллион"), ("ru", 2_000_000, "cardinal", "два миллиона"),
    ("ru", 80, "cardinal_genitive", "восьмидесяти"), ("ru", 2000, "cardinal_genitive", "двух тысяч"),
    ("ru", 1999, "ordinal_genitive", "тысяча девятьсот девяносто девятого"),
    ("ru", 2000, "ordinal_genitive", "двухтысячного"), ("ru", 31, "ordinal", "тридцать первое"),
]


@pytest.mark.parametrize(("code", "number", "form", "said"), NUMBERS, ids=[f"{c}:{n}:{f}" for c, n, f, _ in NUMBERS])
def test_numbers_in_words(code, number, form, said):
    assert LEXICONS[code].numbers.spell(number, form) == said


@pytest.mark.parametrize(("written", "said"), [
    ("1 %", "один процент"), ("2 %", "два процента"), ("5 %", "пять процентов"), ("11 %", "одиннадцать процентов"),
    ("21 %", "двадцать один процент"), ("до 1 %", "до одного процента"), ("до 2 %", "до двух процентов"),
    ("1 тыс. тонн", "одна тысяча тонн"), ("2 тыс. тонн", "две тысячи тонн"), ("2,5 %", "два запятая пять процента"),
])
def test_russian_numbers_agree_with_what_follows(written, said):
    assert LEXICONS["ru"].spoken(written) == said


def test_a_generated_edition_is_read_with_its_source_lexicon():
    """The Cyrillic edition's strings are uz.yml's transliterated, but not its speech data:
    it plays the Uzbek (Latin) recordings, which eSpeak NG's Uzbek voice reads."""
    assert reading_language(ROOT, "uz-cyrl") == "uz"
    assert load_strings(ROOT, "uz-cyrl")["speech"] == load_strings(ROOT, "uz")["speech"]
    assert load_lexicon(ROOT, "uz-cyrl").voice == "uz"
    for code in ["uz", "uz-cyrl", "ru", "en"]:
        load_complete_strings(ROOT, code)  # each file has every speech key the reference has


# ── eSpeak NG's reading of Uzbek letters ──────────────────────────────────────────────


def phonemes(voice: str, text: str) -> str:
    done = subprocess.run(["espeak-ng", "-v", voice, "-q", "-x", text], capture_output=True, text=True, check=True)
    return " ".join(done.stdout.split())


@pytest.mark.parametrize(("word", "plain", "sound"), [
    ("Oʻzbekiston", "Ozbekiston", "o"),  # oʻ is [o]; o is [ɒ] (eSpeak's "A")
    ("qoʻshilgan", "qoshilgan", "o"),
    ("gʻalla", "galla", "Q"),  # gʻ is [ʁ]
    ("toʻgʻrisida", "togrisida", "Q"),
    ("taʼminlash", "taminlash", "?"),  # the tutuq: a glottal stop
    ("masʼul", "masul", "?"),
])
def test_uzbek_letters_are_pronounced_as_uzbek(word, plain, sound):
    """oʻ gʻ and ʼ as the lexicon gives them to eSpeak NG: their own sounds, never a letter
    spelled out in English (which is what an unknown U+02BC makes eSpeak NG do)."""
    if shutil.which("espeak-ng") is None:
        require_speech()
    lexicon = LEXICONS["uz"]
    said, bare = phonemes(lexicon.voice, lexicon.spoken(word)), phonemes(lexicon.voice, plain)
    assert "(en)" not in said, f"{word}: eSpeak NG switched to English: {said}"
    assert said != bare, f"{word} sounds like {plain}: {said}"
    assert sound in said and sound not in bare.replace("A", ""), f"{word}: {said} (without the mark: {bare})"


# ── errors name the file and the key ──────────────────────────────────────────────────


def project_with(tmp_path: Path, code: str, speech: str) -> Path:
    (tmp_path / "i18n").mkdir()
    text = (ROOT / "i18n" / f"{code}.yml").read_text(encoding="utf-8")
    head = text[: text.index("\nspeech:")] if "\nspeech:" in text else text
    (tmp_path / "i18n" / f"{code}.yml").write_text(head + "\n" + speech, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("speech", "message"), [
    ("", "no 'speech:' section"),
    ("speech:\n  voice: en\n  rate: 150\n", "speech: missing words, units, symbols, email, phone, numbers"),
    ("speech:\n  voice: en\n  rate: 150\n  words: [JSC]\n  units: {}\n  symbols: {}\n  email: {at: at, dot: dot}\n"
     "  phone: {plus: plus}\n  numbers: {decimal_mark: '.', decimal_word: point, cardinal: {0: zero}, ordinal: {1: first}}\n",
     "speech: words: expected a mapping"),
    ("speech:\n  voice: en\n  rate: 150\n  words: {}\n  units: {}\n  symbols: {}\n  email: {at: at, dot: dot}\n"
     "  phone: {plus: plus}\n  numbers: {decimal_mark: '.', decimal_word: point, cardinal: {0: zero}, ordinal: {1: first}}\n",
     "speech: numbers: no cardinal word for 1"),
])
def test_a_broken_lexicon_names_its_file_and_key(tmp_path, speech, message):
    root = project_with(tmp_path, "en", speech)
    with pytest.raises(LexiconError) as caught:
        load_lexicon(root, "en")
    assert str(caught.value).startswith(str(root / "i18n" / "en.yml") + ": "), caught.value
    assert message in str(caught.value)
