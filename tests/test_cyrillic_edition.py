"""The Uzbek Cyrillic edition: generated at build time from the Uzbek (Latin) pages by the
transliterator, never edited, never committed; every page of it is the Latin page's text in
Cyrillic script, and the Cooperation LAB page gives back the Cyrillic source it was made from."""

import copy
import re
import subprocess

import pytest

from siteinfo import BY_CODE, DOCS, LANGUAGES, PAGES, source_text
from sitekit.site import ROOT
from sitekit.translit import KEEP_LATIN, KEEP_LATIN_CODES, to_cyrillic

EDITIONS = [lang for lang in LANGUAGES if lang.generated_from]
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'ʻʼ-]*")
PLACEHOLDER = re.compile(r"\{\w+\}")
# Latin that stays Latin in Cyrillic text: the names the Cyrillic source itself keeps in
# Latin, the codes written in Latin letters (WCAG's A, AA, AAA), and addresses (e-mail, web)
# that are not words.
ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:uz|ru|com|org|net)\b")
KEPT = {word for phrase in KEEP_LATIN for word in LATIN_WORD.findall(phrase)} | set(KEEP_LATIN_CODES)


def article_text(built_site, lang, page):
    content = copy.copy(built_site.content(built_site.page_path(lang, page)))
    for element in content.select(".site-updated"):
        element.decompose()
    for link in content.find_all("a", href=True):
        if link["href"].startswith(("mailto:", "tel:", "http")) and link.get_text().strip() in link["href"]:
            link.decompose()  # an address written out as the link text
    return re.sub(r"\s+", " ", content.get_text(" ")).strip()


def test_there_is_a_generated_edition():
    assert [lang.code for lang in EDITIONS] == ["uz-cyrl"]
    assert BY_CODE["uz-cyrl"].html_lang == "uz-Cyrl"
    assert BY_CODE["uz-cyrl"].generated_from == "uz"


def test_nothing_generated_is_in_the_repository(built_site):
    for edition in EDITIONS:
        assert not (DOCS / edition.code).exists(), f"docs/{edition.code}/ must not exist: the edition is generated"
        tracked = subprocess.run(["git", "ls-files", f"docs/{edition.code}"], cwd=ROOT, capture_output=True, text=True)
        assert tracked.stdout == ""


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda lang: lang.code)
@pytest.mark.parametrize("page", PAGES)
def test_edition_page_is_the_transliterated_source_page(built_site, edition, page):
    source = BY_CODE[edition.generated_from]
    latin = article_text(built_site, source, page)
    cyrillic = article_text(built_site, edition, page)
    # The date line aside, the page is the source page's text, transliterated.
    assert cyrillic == to_cyrillic(latin)


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda lang: lang.code)
@pytest.mark.parametrize("page", PAGES)
def test_edition_page_has_no_latin_words_but_kept_names(built_site, edition, page):
    text = ADDRESS.sub(" ", article_text(built_site, edition, page))
    stray = sorted(set(LATIN_WORD.findall(text)) - KEPT)
    assert not stray, f"{edition.prefix}{page}: Latin words in the Cyrillic edition: {stray}"


def test_cooperation_lab_gives_back_the_cyrillic_source(built_site):
    """The Uzbek Latin page is a faithful rendering of the Cyrillic news text: transliterated
    back, its sentences are the source's own (but the two the page had to change: it drops
    "today" because the source gives no date, and its headline is said as a sentence)."""
    source = source_text("001_7f46f5cbb6ee76f8.txt")
    page = article_text(built_site, BY_CODE["uz-cyrl"], "cooperation-lab.md")
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", re.sub(r"\s+", " ", source)) if len(s.split()) > 3]
    missing = [s for s in sentences if s not in page]
    assert len(missing) <= 2, f"{len(sentences) - len(missing)} of {len(sentences)} source sentences on the page; missing: {missing}"


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda lang: lang.code)
def test_interface_strings_are_cyrillic(edition):
    """Material has no Uzbek Cyrillic strings: ours are uz.yml's, transliterated."""
    from sitekit.strings import load_complete_strings

    strings = load_complete_strings(ROOT, edition.code)
    texts = [strings["site_name"], strings["site_description"], *strings["nav"].values(),
             *strings["theme"].values(), *strings["date"]["months"]]
    texts = [PLACEHOLDER.sub("", text) for text in texts]  # {minutes}: a name, not a word
    stray = sorted({word for text in texts for word in LATIN_WORD.findall(text)} - KEPT)
    assert not stray, f"Latin words in the {edition.code} interface: {stray}"
    assert strings["language"] == "uz-Cyrl" and strings["direction"] == "ltr"
    assert strings["theme"]["site.trust_line"] == "Ишонч телефони"
    assert strings["date"]["pattern"] == "{year}-йил {day}-{month}", "placeholders stay as they are"


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda lang: lang.code)
@pytest.mark.parametrize("page", PAGES)
def test_edition_mail_subjects_are_in_its_script(built_site, edition, page):
    """A mailto: link's subject is what the reader's mail program shows: Cyrillic here, the
    same words as the source page's subject; the address is unchanged."""
    from urllib.parse import parse_qs, urlsplit

    def mail_links(lang):
        return [urlsplit(a["href"]) for a in built_site.content(built_site.page_path(lang, page)).find_all("a", href=True)
                if a["href"].startswith("mailto:")]

    source, generated = mail_links(BY_CODE[edition.generated_from]), mail_links(edition)
    assert [link.path for link in generated] == [link.path for link in source]
    for latin, cyrillic in zip(source, generated):
        for field, values in parse_qs(latin.query).items():
            assert parse_qs(cyrillic.query)[field] == [to_cyrillic(value) for value in values]
            assert not LATIN_WORD.search(" ".join(parse_qs(cyrillic.query)[field]))


# ── Latin codes stay Latin ────────────────────────────────────────────────────
# A WCAG conformance level is a code: "AA", never «АА» in Cyrillic letters, whether it follows
# the standard's name ("WCAG 2.2 AA") or comes before the word for level ("AA darajasi", "A va
# AA darajalari"). Written here independently of the transliterator, in each script.
LEVEL = r"(?:AAA|AA|A|ААА|АА|А)"  # Latin or Cyrillic capitals
LEVELS_IN = {
    "Latin": (rf"WCAG(?:\s+\d+(?:\.\d+)*)?\s+({LEVEL})(?!\w)",
              rf"(?<![\w.])({LEVEL})(?=(?:\s*(?:,|va|yoki|[-–/])\s*{LEVEL})*(?:\s+|-)daraja)"),
    "Cyrillic": (rf"WCAG(?:\s+\d+(?:\.\d+)*)?\s+({LEVEL})(?!\w)",
                 rf"(?<![\w.])({LEVEL})(?=(?:\s*(?:,|ва|ёки|[-–/])\s*{LEVEL})*(?:\s+|-)даража)"),
}


def levels(text, script):
    return [m.group(1) for pattern in LEVELS_IN[script] for m in re.finditer(pattern, text)]


def test_level_patterns_find_levels():
    assert levels("WCAG 2.2 AA darajasi; WCAG 2.0, 2.1 va 2.2 (A va AA darajalari)", "Latin") == \
        ["AA", "AA", "A", "AA"]
    assert levels("WCAG 2.2 АА даражаси, А ва АА даражалари, А. Арипов", "Cyrillic") == ["АА", "АА", "А", "АА"]


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda lang: lang.code)
@pytest.mark.parametrize("page", PAGES)
def test_edition_keeps_conformance_levels_in_latin(built_site, edition, page):
    latin = levels(article_text(built_site, BY_CODE[edition.generated_from], page), "Latin")
    cyrillic = levels(article_text(built_site, edition, page), "Cyrillic")
    assert cyrillic == latin, f"{edition.prefix}{page}: levels {cyrillic}, the Latin page has {latin}"
    assert all(set(level) == {"A"} for level in cyrillic), f"{edition.prefix}{page}: a level in Cyrillic letters"


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda lang: lang.code)
@pytest.mark.parametrize("page", PAGES)
def test_edition_keeps_every_latin_name_of_its_source_page(built_site, edition, page):
    latin = article_text(built_site, BY_CODE[edition.generated_from], page)
    cyrillic = article_text(built_site, edition, page)
    for name in KEEP_LATIN:
        pattern = re.escape(name).replace(r"\ ", r"\s+")
        assert len(re.findall(pattern, cyrillic)) == len(re.findall(pattern, latin)), \
            f"{edition.prefix}{page}: «{name}» is not kept in Latin"
