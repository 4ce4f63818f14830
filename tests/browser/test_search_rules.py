"""Search's rules in the browser, on fixture indexes of invented pages (tests/search_fixtures.py)
served in place of the built site's: folding of ў қ ғ ҳ ё, both Uzbek scripts, the keyboard-
layout retry, partial matches, ranking, snippets and highlights. The real page, site.js and
search.js run as visitors get them; only the index is the fixture's, so an editor's rewording
of a page can never break these tests."""

from __future__ import annotations

import json

import pytest

from a11y import backdrop, colours_in, contrast, over
from browsing import open_context, page_url
from search_fixtures import FIXTURE_RANKING, fixture_files
from search_helpers import META, RESULTS, leave_unfocused, marks, open_search, pages_of, search, serve_index, theme_strings
from siteinfo import BY_CODE


def fixture_tab(context, server, built_site, locale, split=True):
    if locale not in BY_CODE:
        pytest.skip(f"no {locale} edition")
    requested = serve_index(context, locale, fixture_files(locale, split=split))
    tab = context.new_page()
    tab.goto(page_url(server, built_site, BY_CODE[locale], "index.md"))
    open_search(tab, locale)
    tab.requested = requested
    return tab


@pytest.fixture(scope="module")
def fixture_searches(browser, server, built_site):
    """An edition's home page with search open on a fixture index, one per (locale, split)
    and worker, for the tests whose answer depends only on the query (fixture_search)."""
    contexts, tabs = {}, {}

    def opened(locale, split):
        if (locale, split) not in tabs:
            if split not in contexts:  # the index is routed per context: one for each kind
                contexts[split] = open_context(browser, server)
            tabs[locale, split] = fixture_tab(contexts[split], server, built_site, locale, split)
        return tabs[locale, split]

    yield opened
    for context in contexts.values():
        context.close()


@pytest.fixture
def fixture_search(fixture_searches):
    """``fixture_search(locale, split=True)``: the open fixture search of an edition; each
    query is typed afresh into its field. A new context, page and index cost about half a
    second of CPU, a query into an open search a tenth of that (BENCHMARKS.md). The tests of
    what loads, of colours and of axe keep a tab of their own."""
    used = []

    def opened(locale, split=True):
        used.append(fixture_searches(locale, split))
        return used[-1]

    yield opened
    leave_unfocused(used)


# ── ў қ ғ ҳ typed without their marks ─────────────────────────────────────────────────


@pytest.mark.parametrize("split", [True, False], ids=["split", "inline"])
@pytest.mark.parametrize(("typed", "written"), [
    ("узбекистон", "ўзбекистон"), ("карори", "қарори"), ("галла", "ғалла"), ("хукумат", "ҳукумат"),
])
def test_uzbek_letters_typed_without_marks_find_the_same(fixture_search, server, typed, written, split):
    tab = fixture_search("uz-cyrl", split)
    with_marks = pages_of(server, search(tab, written))
    assert with_marks == ["uz-cyrl/folding/"]
    assert pages_of(server, search(tab, typed)) == with_marks
    assert any(mark.lower() == written for mark in marks(tab)), "the word as written is highlighted"


def test_russian_yo_is_e(fixture_search, server):
    tab = fixture_search("ru")
    assert pages_of(server, search(tab, "елка")) == ["ru/other/"]
    assert marks(tab) == ["Ёлка"]


# ── Either script on both Uzbek editions ──────────────────────────────────────────────


@pytest.mark.parametrize(("locale", "query", "expected", "marked"), [
    ("uz", "мис", "uz/mis/", "Mis"),
    ("uz", "карор", "uz/qaror/", "Qaror"),
    ("uz", "ўзбекистон", "uz/qaror/", "Oʻzbekiston"),
    ("uz-cyrl", "mis", "uz-cyrl/mis/", "Мис"),
    ("uz-cyrl", "o'zbekiston", "uz-cyrl/folding/", "Ўзбекистон"),
    ("uz-cyrl", "qarori", "uz-cyrl/folding/", "қарори"),
])
def test_the_other_script_finds_the_page(fixture_search, server, locale, query, expected, marked):
    tab = fixture_search(locale)
    assert pages_of(server, search(tab, query))[:1] == [expected]
    assert marked in marks(tab)
    assert tab.locator(f"{META} .site-search-notice").count() == 0, "a script is not a wrong layout"


# ── The wrong keyboard layout ─────────────────────────────────────────────────────────


@pytest.mark.parametrize(("locale", "typed", "meant", "expected"), [
    ("ru", "vtlm", "медь", "ru/copper/"),
    ("en", "сщззук", "copper", "en/copper/"),
    ("uz", "ьшы", "mis", "uz/mis/"),
    ("uz-cyrl", "vbc", "мис", "uz-cyrl/mis/"),
    ("uz-cyrl", "op,tr", "ўзбек", "uz-cyrl/folding/"),  # the Uzbek Cyrillic layout: ў on O
])
def test_a_query_typed_on_the_other_layout_is_retried_and_says_so(fixture_search, server, locale, typed, meant, expected):
    tab = fixture_search(locale)
    assert pages_of(server, search(tab, typed))[:1] == [expected]
    notice = theme_strings(locale)["site.search.showing_for"].replace("#", meant)
    assert tab.locator(f"{META} .site-search-notice").inner_text() == notice


def test_a_query_that_finds_something_is_not_retried(fixture_search, server):
    tab = fixture_search("ru")
    assert pages_of(server, search(tab, "медь")) == ["ru/copper/"]
    assert tab.locator(f"{META} .site-search-notice").count() == 0


# ── Partial matches ───────────────────────────────────────────────────────────────────


def test_pages_with_some_of_the_words_show_what_they_miss(fixture_search, server):
    tab = fixture_search("en")
    assert pages_of(server, search(tab, "zorbex nosuchword"))[:1] == ["en/zorbex/"]
    missing = tab.locator(f"{RESULTS} .md-search-result__terms").first
    assert missing.inner_text() == theme_strings("en")["search.result.term.missing"] + ": nosuchword"
    assert missing.locator("del").inner_text() == "nosuchword"


def test_nothing_found_says_so(fixture_search, server):
    tab = fixture_search("en")
    assert search(tab, "zzzqqq") == []
    assert tab.locator(META).inner_text() == theme_strings("en")["search.result.none"]


# ── Ranking ───────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(("locale", "query", "first"), FIXTURE_RANKING, ids=[f"{l}:{q}" for l, q, _ in FIXTURE_RANKING])
def test_the_page_about_a_thing_comes_first(fixture_search, server, locale, query, first):
    tab = fixture_search(locale)
    found = pages_of(server, search(tab, query))
    assert found[:1] == [first], f"'{query}' should find {first} first, found {found}"


# ── What loads ────────────────────────────────────────────────────────────────────────


def test_a_split_index_loads_only_what_the_query_needs(context, server, built_site):
    tab = fixture_tab(context, server, built_site, "en", split=True)
    found = pages_of(server, search(tab, "zorbex"))
    assert found == ["en/zorbex/", "en/mentions/"]
    terms = [path for path in tab.requested if path.startswith("terms/")]
    pages = [path for path in tab.requested if path.startswith("pages/")]
    meta = json.loads(fixture_files("en")["meta.json"])
    assert 1 <= len(terms) < len(meta["chunks"]), f"chunks loaded: {terms}"
    assert len(pages) == 2, f"page files loaded: {pages}"
    assert tab.requested.count("meta.json") == 1, "the preloaded index is fetched once"


# ── Snippets and highlights ───────────────────────────────────────────────────────────


@pytest.mark.parametrize(("locale", "query", "blocks"), [
    ("en", "resolution", ["Type: resolution", "Date: 24 June"]),
    ("uz", "qarori", ["Prezident qarori", "Sanasi: 2021-yil 24-iyun"]),
])
def test_snippets_keep_list_items_apart(fixture_search, server, locale, query, blocks):
    tab = fixture_search(locale)
    search(tab, query)
    section = tab.locator(f"{RESULTS} a[href$='#{'facts' if locale == 'en' else 'hujjat'}']")
    lines = section.locator(".site-search-block")
    assert lines.all_inner_texts() == blocks
    first, second = (lines.nth(i).bounding_box() for i in range(2))
    assert second["y"] >= first["y"] + first["height"] - 1, "list items share a line"


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_matches_are_highlighted_not_styled_as_links(context, server, built_site, scheme):
    tab = fixture_tab(context, server, built_site, "en")
    tab.evaluate("scheme => document.documentElement.setAttribute('data-md-color-scheme', scheme)", scheme)
    search(tab, "copper")
    mark = tab.locator(f"{RESULTS} mark").first
    style = mark.evaluate("""m => { const s = getComputedStyle(m); const layers = [];
        for (let n = m.parentElement; n; n = n.parentElement) layers.push(getComputedStyle(n).backgroundColor);
        return { line: s.textDecorationLine, colour: s.color, background: s.backgroundColor, layers }; }""")
    assert style["line"] == "none", "underlined like a link"
    background = colours_in(style["background"])
    assert background and background[0][3] > 0, "no highlight behind the word"
    behind = over(background[0], backdrop(style["layers"]))
    ratio = contrast(colours_in(style["colour"])[0], behind)
    assert ratio >= 4.5, f"highlighted text contrast {ratio:.2f}:1"


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_notices_highlights_and_missing_words_pass_axe(context, server, built_site, scheme):
    from a11y import axe_violations

    found = []
    for locale, query in (("ru", "vtlm"), ("en", "zorbex nosuchword")):
        tab = fixture_tab(context, server, built_site, locale)
        tab.evaluate("scheme => document.documentElement.setAttribute('data-md-color-scheme', scheme)", scheme)
        search(tab, query)
        found += axe_violations(tab, f"{locale}, {scheme}, '{query}'")
    assert not found, "\n".join(found)
