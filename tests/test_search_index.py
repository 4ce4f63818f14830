"""The search index: one folder per language, holding that language's pages and nothing else;
its rules (folding, both Uzbek scripts, keyboard layouts) tested on fixtures of its own."""

import gzip
import json

import pytest

from search_fixtures import FIXTURE_PAGES, fixture_files
from siteinfo import LANGUAGES
from sitekit import keyboard_layouts, search_text, translit
from sitekit.search_index import (
    IN_DESCRIPTION, IN_HEADING, IN_TITLE, INDEX_FOLDER, META_FILE, index_files, load_index, read_index_folder,
    read_page,
)


def built_index(built_site, lang):
    return load_index(read_index_folder(built_site.root / INDEX_FOLDER / lang.code))


def entry_file(location: str) -> str:
    """The built file a location points to (directory URLs: "ru/joining/" -> .../index.html)."""
    page = location.split("#", 1)[0]
    return page + "index.html" if page == "" or page.endswith("/") else page


# ── The built site's index: robust facts, whatever the pages say ──────────────────────


def test_one_index_per_language(built_site):
    written = sorted(p.name for p in (built_site.root / INDEX_FOLDER).iterdir())
    assert written == sorted(lang.code for lang in LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_index_holds_every_page_of_its_language_and_nothing_else(built_site, lang):
    index = built_index(built_site, lang)
    assert index.meta["locale"] == lang.code
    problems, indexed = [], set()
    for data in index.pages:
        path = entry_file(data["url"])
        if not (built_site.root / path).is_file():
            problems.append(f"{data['url']}: no page {path}")
            continue
        if built_site.language_of(path) != lang:
            problems.append(f"{data['url']}: a page in {built_site.language_of(path).code}")
            continue
        indexed.add(built_site.without_prefix(path))
        for anchor, _, _ in data["sections"][1:]:
            if anchor and anchor not in built_site.ids(path):
                problems.append(f"{data['url']}: no #{anchor} in {path}")
    assert not problems, "\n".join(problems)
    assert indexed == built_site.pages_of(lang)


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_sections_are_titled_by_their_headings(built_site, lang):
    for data in built_index(built_site, lang).pages:
        path = entry_file(data["url"])
        assert " ".join(built_site.content(path).find("h1").get_text(" ").split()) == data["title"]
        for anchor, heading, _ in data["sections"][1:]:
            if anchor:
                assert " ".join(built_site.soup(path).find(id=anchor).get_text(" ").split()) == heading


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_every_word_of_a_page_is_indexed_under_its_key(built_site, lang):
    """Each word of each page's text finds that page: the index and the text agree."""
    index = built_index(built_site, lang)
    base = index.meta["sectionBase"]
    missing = []
    from sitekit.search_index import decode_postings

    for number, data in enumerate(index.pages):
        text = " ".join([data["title"], data["description"]] + [b for s in data["sections"] for b in [s[1], *s[2]]])
        for word in set(search_text.words(text)):
            postings = index.terms.get(search_text.key(word))
            if not postings or number not in {p.page for p in decode_postings(postings[0], base)}:
                missing.append(f"{data['url']}: '{word}'")
    assert not missing, "\n".join(missing[:20])


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_the_browser_gets_the_rules_the_index_was_made_with(built_site, lang):
    """search.js folds queries and swaps layouts with data from the index itself, written from
    the Python modules: no second copy of the rules to drift."""
    meta = built_index(built_site, lang).meta
    assert meta["text"] == search_text.rules()
    assert meta["layouts"] == keyboard_layouts.rules(lang.code)


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_index_files_are_compact_utf8(built_site, lang):
    for path in (built_site.root / INDEX_FOLDER / lang.code).rglob("*.json"):
        raw = path.read_text(encoding="utf-8")
        assert raw == json.dumps(json.loads(raw), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        assert "\\u" not in raw, f"{path.name}: letters are written as UTF-8, not escaped"


def test_the_small_real_site_loads_in_one_request(built_site):
    """The real site's index is small: each language is one file, as before the split."""
    for lang in LANGUAGES:
        files = list((built_site.root / INDEX_FOLDER / lang.code).rglob("*.json"))
        assert [p.name for p in files] == [META_FILE], lang.code


# ── Reading pages ─────────────────────────────────────────────────────────────────────

SAMPLE_PAGE = """
<h1 id="top">Page <em>title</em></h1>
<p>Intro   text,<br>on two lines.</p>
<script>var ignored = 1;</script>
<h2 id="first">First <code>section</code></h2>
<table><tr><td>cell</td><td>next</td></tr></table>
<ul><li><strong>Date:</strong> 24 June</li><li><p>Number:</p> PP-1</li></ul>
<div class="admonition"><h2>Nested, no id</h2><p>Inside <strong>bold</strong>, after.</p></div>
"""


def test_a_page_is_read_as_sections_of_blocks():
    page = read_page(SAMPLE_PAGE, "en/sample/", "Fallback", "  About   the page. ")
    assert page.title == "Page title"
    assert page.description == "About the page."
    assert [(s.anchor, s.heading, s.blocks) for s in page.sections] == [
        ("", "Page title", ("Intro text,", "on two lines.")),
        ("first", "First section", ("cell", "next", "Date: 24 June", "Number:", "PP-1")),
        ("", "Nested, no id", ("Inside bold, after.",)),
    ]
    assert page.location(1) == "en/sample/#first"
    assert page.location(2) == "en/sample/"


def test_page_without_h1_takes_the_given_title():
    assert read_page("<p>Text</p>", "x/", "Fallback").title == "Fallback"


# ── Words and keys ────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(("typed", "written"), [
    ("узбекистон", "Ўзбекистон"), ("карор", "қарор"), ("галла", "ғалла"), ("хукумат", "ҳукумат"),
    ("елка", "ёлка"), ("ozbekiston", "Oʻzbekiston"), ("o'zbekiston", "o‘zbekiston"), ("mamuriy", "maʼmuriy"),
])
def test_keys_fold_what_visitors_type_without_marks(typed, written):
    assert search_text.key(typed) == search_text.key(written)


def test_keys_keep_letters_apart_that_are_not_the_same():
    """Unlike Pagefind's Unicode decomposition, й stays й (и with a breve is another letter)."""
    assert search_text.key("йил") != search_text.key("ил")
    assert search_text.key("Oʻzbek") == "ozbek"


def test_words_keep_apostrophes_inside_and_split_at_hyphens():
    assert list(search_text.words("Oʻzbekiston’s PQ-5159-son «qaror» don't")) == [
        "Oʻzbekiston’s", "PQ", "5159", "son", "qaror", "don't"]


# ── Index files: inline or split, the same terms ──────────────────────────────────────


@pytest.mark.parametrize("locale", sorted(FIXTURE_PAGES))
def test_split_and_inline_indexes_hold_the_same_terms(locale):
    split = load_index(fixture_files(locale, split=True))
    inline = load_index(fixture_files(locale, split=False))
    assert "inline" not in split.meta and "inline" in inline.meta
    assert split.terms.keys() == inline.terms.keys()
    for key in split.terms:
        assert split.find(key)[key] == inline.find(key)[key]
        assert sorted(split.terms[key][1]) == sorted(inline.terms[key][1])
    assert split.pages == inline.pages


@pytest.mark.parametrize("locale", sorted(FIXTURE_PAGES))
def test_chunk_ranges_are_sorted_and_cover_every_term(locale):
    files = fixture_files(locale, split=True)
    meta = json.loads(files[META_FILE])
    assert len(meta["chunks"]) > 1, "the fixture should be split into several chunks"
    previous = ""
    for number, (first, last) in enumerate(meta["chunks"]):
        keys = json.loads(files[f"terms/{number}.json"])["keys"]
        assert keys == sorted(keys) and keys[0] == first and keys[-1] == last
        assert first > previous
        previous = last


def test_index_files_are_deterministic():
    pages = FIXTURE_PAGES["en"]
    assert index_files("en", pages) == index_files("en", list(reversed(pages)))


def test_fields_say_where_a_word_stands():
    index = load_index(fixture_files("en"))
    title = index.find("zorbex")["zorbex"]
    assert any(p.fields & IN_TITLE for p in title)
    assert any(p.fields & IN_DESCRIPTION for p in index.find("quillon")["quillon"])
    assert any(p.fields & IN_HEADING and p.section == 1 for p in index.find("vantor")["vantor"])
    counted = [p for p in title if not p.fields]
    assert counted and counted[0].count == 6  # six times in the text of "Field notes"


# ── Both Uzbek scripts ────────────────────────────────────────────────────────────────


def test_latin_pages_are_indexed_in_cyrillic_too():
    index = load_index(fixture_files("uz"))
    cyrillic = search_text.key(translit.to_cyrillic("qaror"))
    assert cyrillic == "карор"
    assert cyrillic in index.terms
    # The Cyrillic key stands for the Latin word on the page (what search.js highlights).
    assert index.terms[cyrillic][1] == ["qaror"]
    assert index.find(cyrillic)[cyrillic] == index.find("qaror")["qaror"]


def test_cyrillic_pages_are_indexed_in_latin_too():
    index = load_index(fixture_files("uz-cyrl"))
    assert index.terms["mis"][1] == ["мис"]
    assert "ozbekiston" in index.terms and index.terms["ozbekiston"][1] == ["узбекистон"]


@pytest.mark.parametrize("locale", ["ru", "en"])
def test_other_languages_have_one_script(locale):
    index = load_index(fixture_files(locale))
    assert all(words == [key] for key, (_, words) in index.terms.items())


def test_folded_letters_are_one_key_in_the_index():
    index = load_index(fixture_files("uz-cyrl"))
    for typed in ("узбекистон", "карори", "галла", "хукумат"):
        assert typed in index.terms, typed


# ── Keyboard layouts ──────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(("typed", "layout", "meant"), [
    ("vtlm", "ru", "медь"), ("сщззук", "ru", "copper"), ("rkfcnth", "ru", "кластер"),
    ("ghbdtn", "ru", "привет"), ("op,tr", "uz", "ўзбек"), ("ysq", "ru", "ный"), ("ьшы", "ru", "mis"),
])
def test_swap_gives_what_the_same_keys_type_in_the_other_layout(typed, layout, meant):
    assert keyboard_layouts.swap(typed, layout) == meant


def test_layouts_are_aligned_one_character_per_key():
    for name in ("ru", "uz"):
        us, other = keyboard_layouts.layout_pairs(name)
        assert len(us) == len(other) and len(set(us)) == len(us), name


def test_the_uzbek_layout_differs_from_the_russian_on_four_keys():
    us, russian = keyboard_layouts.layout_pairs("ru")
    _, uzbek = keyboard_layouts.layout_pairs("uz")
    differing = {key: (r, u) for key, r, u in zip(us, russian, uzbek) if r != u}
    assert differing == {"o": ("щ", "ў"), "s": ("ы", "қ")}
    assert keyboard_layouts.swap("-=", "uz") == "ғҳ"


# ── Size ──────────────────────────────────────────────────────────────────────────────


def test_real_site_index_stays_small(built_site):
    """Loaded on the first search only; still, a phone on a slow network pays for it."""
    for lang in LANGUAGES:
        meta = built_site.root / INDEX_FOLDER / lang.code / META_FILE
        assert len(gzip.compress(meta.read_bytes())) <= 24 * 1024, lang.code
