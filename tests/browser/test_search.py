"""Site search on the built site, as visitors use it: nothing of it loads until they use it;
it answers from the page's own edition only; the keyboard works on a desktop and a phone
(Escape, then typing again; "/"; Enter); and a table of queries finds the page about the thing
first. Facts checked here hold whatever the pages say (words are taken from the built index
where it matters); the rules themselves are tested on fixtures in test_search_rules.py."""

import re
from collections import Counter
from urllib.parse import urlsplit

import pytest

from browsing import PHONE, open_context, page_url
from search_helpers import INPUT, META, RESULTS, leave_unfocused, marks, open_search, pages_of, search, theme_strings, wait_for_answer
from siteinfo import BY_CODE, LANGUAGES, SEARCH_WORD
from sitekit import keyboard_layouts, search_text, translit
from sitekit.search_index import INDEX_FOLDER, index_path, load_index, read_index_folder

SEARCH_FILES = re.compile(r"/(assets/javascripts/search\.js|search/.+\.json|assets/javascripts/lunr/)")
# Russian queries in a form that appears nowhere on the expected page (checked below): only
# the stemmer can connect them to the text ("комиссией" -> "комиссия", "павильонах" -> "павильон").
# The page must come first, or (copper: the home page, "Кластер медной промышленности", is as
# much about it) be found at all.
RUSSIAN_INFLECTED = [("комиссией", "resolution.md", True), ("павильонах", "cooperation-lab.md", True),
                     ("медью", "directions.md", False)]
UZBEK_APOSTROPHES = ["oʻzbekiston", "o'zbekiston", "o‘zbekiston", "o’zbekiston"]
STEMMER_FILES = {"ru": ["lunr.stemmer.support.min.js", "lunr.ru.min.js"]}

# A query naming a thing finds the page about it first, in every edition, in the ways visitors
# write it: the document number with either prefix and script, the kind of document, the place.
RANKING = {
    "uz": [("PQ-5159", "resolution.md"), ("ПҚ-5159", "resolution.md"), ("PP-5159", "resolution.md"),
           ("PQ5159", "resolution.md"), ("qaror", "resolution.md"), ("қарор", "resolution.md"),
           ("карор", "resolution.md"), ("Bektemir", "cooperation-lab.md"), ("Бектемир", "cooperation-lab.md")],
    "uz-cyrl": [("ПҚ-5159", "resolution.md"), ("ПК-5159", "resolution.md"), ("PQ-5159", "resolution.md"),
                ("ПП-5159", "resolution.md"), ("қарор", "resolution.md"), ("карор", "resolution.md"),
                ("qaror", "resolution.md"), ("Бектемир", "cooperation-lab.md"), ("Bektemir", "cooperation-lab.md")],
    "ru": [("ПП-5159", "resolution.md"), ("PP-5159", "resolution.md"), ("ПП5159", "resolution.md"),
           ("постановление", "resolution.md"), ("постановлению", "resolution.md"),
           ("Бектемир", "cooperation-lab.md"), ("бектемирском", "cooperation-lab.md")],
    "en": [("PP-5159", "resolution.md"), ("ПП-5159", "resolution.md"), ("resolution", "resolution.md"),
           ("presidential resolution", "resolution.md"), ("Bektemir", "cooperation-lab.md")],
}
# A language's queries keep to one xdist worker, where they share one open search (below).
RANKING_PARAMS = [pytest.param(code, query, page, id=f"{code}:{query}", marks=pytest.mark.xdist_group(f"ranking-{code}"))
                  for code, rows in RANKING.items() for query, page in rows]


def search_requests(context):
    return [url for url in context.traffic.urls() if SEARCH_FILES.search(urlsplit(url).path)]


def built_pages(server, built_site, lang, hrefs) -> list[str]:
    """Result pages as built files ("ru/joining/index.html"), in order."""
    return [path + "index.html" if path == "" or path.endswith("/") else path for path in pages_of(server, hrefs)]


def built_index(built_site, lang):
    return load_index(read_index_folder(built_site.root / INDEX_FOLDER / lang.code))


def common_word(built_site, lang, pattern=r"\w{4,}") -> str:
    """The word on the most pages of an edition (ties: the first in order) that matches a
    pattern: a query that finds many pages whatever today's wording is."""
    pages_with = Counter()
    for data in built_index(built_site, lang).pages:
        text = " ".join([data["title"]] + [b for s in data["sections"] for b in s[2]])
        pages_with.update({word.lower() for word in search_text.words(text) if re.fullmatch(pattern, word)})
    assert pages_with, f"{lang.code}: no word matching {pattern} in the index"
    return sorted(pages_with.items(), key=lambda item: (-item[1], item[0]))[0][0]


def home(context, server, built_site, lang, page="index.md"):
    tab = context.new_page()
    tab.goto(page_url(server, built_site, lang, page))
    return tab


def is_open(tab) -> bool:
    return tab.evaluate("document.getElementById('__search').checked")


def results_shown(tab) -> bool:
    """The first result is on screen: rendered, with a height, inside the visible panel."""
    return tab.evaluate("""() => {
        const first = document.querySelector('.md-search-result__list a');
        const output = document.querySelector('.md-search__output');
        if (!first || !output) return false;
        const box = first.getBoundingClientRect(), panel = output.getBoundingClientRect();
        return box.height > 0 && panel.height > 0 && box.top < innerHeight && first.checkVisibility({visibilityProperty: true});
    }""")


# ── Loading ───────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_search_loads_on_demand_and_only_its_own_language(context, server, built_site, lang):
    tab = context.new_page()
    tab.goto(page_url(server, built_site, lang, "index.md"), wait_until="networkidle")
    assert search_requests(context) == [], "search files requested before search was opened"

    open_search(tab, lang.code)
    hrefs = search(tab, SEARCH_WORD[lang.code])
    assert hrefs, "no results"
    tab.wait_for_load_state("networkidle")

    requested = sorted(urlsplit(url).path[len(urlsplit(server.url).path):] for url in search_requests(context))
    lunr = [f"assets/javascripts/lunr/min/{name}" for name in STEMMER_FILES.get(lang.code, [])]
    assert requested == sorted(["assets/javascripts/search.js", index_path(lang.code), *lunr])

    problems = []
    for page in built_pages(server, built_site, lang, hrefs):
        if not (built_site.root / page).is_file():
            problems.append(f"{page}: no such page")
        elif built_site.language_of(page) != lang:
            problems.append(f"{page}: a {built_site.language_of(page).code} page")
    assert not problems, "\n".join(problems)
    for href in hrefs:
        fragment = urlsplit(href).fragment
        page = built_pages(server, built_site, lang, [href])[0]
        assert not fragment or fragment in built_site.ids(page), f"{href}: no such anchor"
    assert context.traffic.third_party == [], "requests to other hosts"
    assert context.traffic.errors == [], "responses with an error status"


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_tabbing_past_the_field_opens_nothing_and_loads_nothing(context, server, built_site, lang):
    tab = context.new_page()
    tab.goto(page_url(server, built_site, lang, "index.md"), wait_until="networkidle")
    for _ in range(40):
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.matches('[data-site-search-input]')"):
            break
    else:
        pytest.fail("Tab never reached the search field")
    tab.keyboard.press("Tab")
    tab.wait_for_timeout(300)
    assert not is_open(tab), "focus alone opened search"
    assert not tab.locator(".md-search__overlay").is_visible(), "the dimming overlay showed"
    assert search_requests(context) == [], "focus alone downloaded search"


# ── Counting, stemming, apostrophes, suffixes ─────────────────────────────────────────


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_result_count_is_announced_in_the_page_language(search_open, server, built_site, lang):
    tab = search_open(lang)
    strings = theme_strings(lang.code)
    meta = tab.locator(f'{META}[role="status"]')
    search(tab, "zzzqqq")
    assert meta.inner_text() == strings["search.result.none"]
    count = len(pages_of(server, search(tab, SEARCH_WORD[lang.code])))
    assert count > 1
    assert meta.inner_text() == strings["search.result.other"].replace("#", str(count))
    search(tab, "")
    assert meta.inner_text() == strings["search.result.placeholder"]


@pytest.mark.skipif("ru" not in BY_CODE, reason="no Russian edition")
@pytest.mark.parametrize(("query", "expected", "first"), RUSSIAN_INFLECTED)
def test_russian_search_matches_other_word_forms(search_open, server, built_site, query, expected, first):
    lang = BY_CODE["ru"]
    expected_path = built_site.page_path(lang, expected)
    words = set(re.findall(r"\w+", built_site.content(expected_path).get_text(" ").lower()))
    assert not any(word.startswith(query) for word in words), f"'{query}' is on the page as written"
    tab = search_open(lang)
    found = built_pages(server, built_site, lang, search(tab, query))
    if first:
        assert found[:1] == [expected_path], f"'{query}' should find {expected_path} first, found {found}"
    else:
        assert expected_path in found, f"'{query}' should find {expected_path}, found {found}"


@pytest.mark.skipif("uz" not in BY_CODE, reason="no Uzbek edition")
def test_uzbek_search_treats_every_apostrophe_alike(search_open, server, built_site):
    tab = search_open(BY_CODE["uz"])
    results = {query: search(tab, query) for query in UZBEK_APOSTROPHES}
    reference = results[UZBEK_APOSTROPHES[0]]
    assert reference, "no results for oʻzbekiston"
    for query, hrefs in results.items():
        assert hrefs == reference, f"'{query}' finds other results than '{UZBEK_APOSTROPHES[0]}'"
    assert marks(tab)[0].lower().replace("ʻ", "").startswith("ozbekiston")


@pytest.mark.skipif("uz" not in BY_CODE, reason="no Uzbek edition")
def test_uzbek_query_finds_words_with_suffixes(search_open, server, built_site):
    """No stemmer: a word finds the words it begins (Klaster, Klasterni, Klasterga...), also on
    pages where it never stands alone."""
    lang = BY_CODE["uz"]
    forms_by_page: dict[str, set] = {}
    for data in built_index(built_site, lang).pages:
        text = " ".join([data["title"], data["description"]] + [b for s in data["sections"] for b in [s[1], *s[2]]])
        for word in search_text.words(text):
            if search_text.key(word).startswith("klaster"):
                forms_by_page.setdefault(data["url"], set()).add(search_text.key(word))
    only_suffixed = [page for page, forms in forms_by_page.items() if "klaster" not in forms]
    assert only_suffixed, "the test needs an Uzbek page with only suffixed forms of 'klaster'"
    tab = search_open(lang)
    assert set(pages_of(server, search(tab, "klaster"))) == set(forms_by_page)


# ── The keyboard: Escape, typing again, Enter, "/" ────────────────────────────────────


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_escape_then_typing_again_shows_the_results(context, server, built_site, lang):
    """Desktop: Escape closes search and empties it, focus stays in the field; typing again
    opens it with visible results, and Enter goes to the first of them."""
    tab = home(context, server, built_site, lang, "contacts.md")
    word = SEARCH_WORD[lang.code]
    open_search(tab, lang.code)
    tab.keyboard.type(word)
    wait_for_answer(tab, word)
    assert results_shown(tab)
    tab.keyboard.press("Escape")
    assert not is_open(tab)
    assert tab.input_value(INPUT) == ""
    assert tab.evaluate("document.activeElement.matches('[data-site-search-input]')"), "focus left the field"
    tab.keyboard.press("Enter")  # an empty closed field: nothing happens
    assert not is_open(tab) and tab.url == page_url(server, built_site, lang, "contacts.md")

    tab.keyboard.type(word)
    wait_for_answer(tab, word)
    assert is_open(tab), "typing did not reopen search"
    assert results_shown(tab), "results exist but are not on screen"
    first = tab.eval_on_selector(f"{RESULTS} a", "a => a.href")
    with tab.expect_navigation(url=first):
        tab.keyboard.press("Enter")


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_enter_in_a_closed_field_opens_search_before_going_anywhere(context, server, built_site, lang):
    """Closed by a click beside it, the field keeps its query; back in the field, the first
    Enter shows the results, only the second goes to the first of them."""
    url = page_url(server, built_site, lang, "contacts.md")
    tab = home(context, server, built_site, lang, "contacts.md")
    word = SEARCH_WORD[lang.code]
    open_search(tab, lang.code)
    search(tab, word)
    tab.mouse.click(10, 700)  # the dimmed page beside the panel
    assert not is_open(tab)
    tab.focus(INPUT)
    tab.keyboard.press("Enter")
    tab.wait_for_timeout(300)
    assert tab.url == url, "Enter went to a result the visitor had not seen"
    assert is_open(tab) and results_shown(tab)
    first = tab.eval_on_selector(f"{RESULTS} a", "a => a.href")
    with tab.expect_navigation(url=first):
        tab.keyboard.press("Enter")


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_phone_escape_leaves_no_stale_results(browser, server, built_site, lang):
    from browsing import open_context

    context = open_context(browser, server, viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        tab = home(context, server, built_site, lang, "contacts.md")
        word = SEARCH_WORD[lang.code]
        open_search(tab, lang.code)
        tab.keyboard.type(word)
        wait_for_answer(tab, word)
        assert results_shown(tab)
        tab.keyboard.press("Escape")
        assert not is_open(tab)
        assert tab.input_value(INPUT) == ""
        assert tab.locator(f"{RESULTS} li").count() == 0, "results stayed behind"

        open_search(tab, lang.code)
        assert tab.input_value(INPUT) == ""
        assert tab.locator(f"{RESULTS} li").count() == 0, "reopened search shows old results"
        assert tab.locator(META).inner_text() == theme_strings(lang.code)["search.result.placeholder"]
        tab.keyboard.press("Enter")
        tab.wait_for_timeout(300)
        assert tab.url == page_url(server, built_site, lang, "contacts.md"), "Enter on an empty box went somewhere"

        tab.keyboard.type(word)
        wait_for_answer(tab, word)
        assert results_shown(tab)
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_slash_opens_search_but_types_in_a_field(context, server, built_site, lang):
    tab = home(context, server, built_site, lang)
    tab.keyboard.press("/")
    assert is_open(tab)
    assert tab.evaluate("document.activeElement.matches('[data-site-search-input]')")
    assert tab.input_value(INPUT) == "", "the / was typed into the field"
    tab.keyboard.type("a/b")
    assert tab.input_value(INPUT) == "a/b"
    tab.keyboard.press("Escape")
    tab.evaluate("() => document.querySelector('article').insertAdjacentHTML('afterbegin', '<textarea id=note></textarea>')")
    tab.focus("#note")
    tab.keyboard.type("1/2")
    assert tab.input_value("#note") == "1/2"
    assert not is_open(tab)


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_results_are_reachable_from_the_keyboard(context, server, built_site, lang):
    tab = home(context, server, built_site, lang, "contacts.md")
    open_search(tab, lang.code)
    hrefs = search(tab, SEARCH_WORD[lang.code])
    assert len(hrefs) > 1
    tab.keyboard.press("ArrowDown")
    assert tab.evaluate("document.activeElement.href") == hrefs[0]
    tab.keyboard.press("ArrowDown")
    assert tab.evaluate("document.activeElement.href") == hrefs[1]
    tab.keyboard.press("ArrowUp")
    tab.keyboard.press("ArrowUp")
    assert tab.evaluate("document.activeElement.matches('[data-site-search-input]')")
    # Tab goes on from the input through the panel (its close button) to the results.
    tab.keyboard.press("Tab")
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.href") == hrefs[0]
    # Enter on the input goes to the best result (wait for that navigation itself: the best
    # result may be on this very page, and closing mid-navigation can hang the browser).
    tab.locator(INPUT).focus()
    with tab.expect_navigation(url=hrefs[0]):
        tab.keyboard.press("Enter")


# ── As visitors type: marks, the other script, the other layout ───────────────────────

FOLDED = {"ў": "у", "қ": "к", "ғ": "г", "ҳ": "х"}


@pytest.mark.skipif("uz-cyrl" not in BY_CODE, reason="no Uzbek Cyrillic edition")
@pytest.mark.parametrize("letter", sorted(FOLDED))
def test_cyrillic_uzbek_typed_without_its_letters_finds_the_same(search_open, server, built_site, letter):
    lang = BY_CODE["uz-cyrl"]
    word = common_word(built_site, lang, rf"\w*{letter}\w*")
    typed = word.replace(letter, FOLDED[letter])
    tab = search_open(lang)
    written = pages_of(server, search(tab, word))
    assert written, f"no results for '{word}'"
    assert pages_of(server, search(tab, typed)) == written, f"'{typed}' finds other pages than '{word}'"


@pytest.mark.parametrize(("code", "convert"), [("uz", translit.to_cyrillic), ("uz-cyrl", translit.to_latin)])
def test_uzbek_editions_answer_in_either_script(search_open, server, built_site, code, convert):
    if code not in BY_CODE:
        pytest.skip(f"no {code} edition")
    lang = BY_CODE[code]
    word = common_word(built_site, lang, r"[^\W\d_]{3,}")
    other = convert(word)
    assert other != word
    tab = search_open(lang)
    own = pages_of(server, search(tab, word))
    assert own, f"no results for '{word}'"
    assert pages_of(server, search(tab, other)) == own, f"'{other}' finds other pages than '{word}'"
    assert {m.lower() for m in marks(tab)} & {word, word.capitalize()}, "the word as written is highlighted"


@pytest.mark.parametrize("code", ["ru", "en"])
def test_a_query_on_the_wrong_layout_finds_what_it_meant(search_open, server, built_site, code):
    if code not in BY_CODE:
        pytest.skip(f"no {code} edition")
    lang = BY_CODE[code]
    meant = SEARCH_WORD[code]
    typed = keyboard_layouts.swap(meant, "ru")
    tab = search_open(lang)
    expected = pages_of(server, search(tab, meant))
    assert pages_of(server, search(tab, typed)) == expected, f"'{typed}' should find what '{meant}' finds"
    notice = theme_strings(code)["site.search.showing_for"].replace("#", meant)
    assert tab.locator(f"{META} .site-search-notice").inner_text() == notice


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_snippet_lines_never_join_two_blocks(search_open, server, built_site, lang):
    """Each line of a snippet comes from one paragraph, list item or cell of the page."""
    blocks = {block for data in built_index(built_site, lang).pages
              for section in data["sections"] for block in [*section[2], data["description"]]}
    tab = search_open(lang)
    search(tab, SEARCH_WORD[lang.code])
    lines = tab.locator(f"{RESULTS} .site-search-block").all_inner_texts()
    assert lines
    joined = [line for line in lines
              if not any(line.strip("… ").strip() in block for block in blocks)]
    assert not joined, f"snippet lines spanning blocks: {joined[:3]}"


# ── Ranking: the page about a thing first ─────────────────────────────────────────────


# For the session, not the module: a fresh context, page and index cost about 0.5 s of CPU,
# a query typed into an open search 60 ms (BENCHMARKS.md, "Test suite").
@pytest.fixture(scope="session")
def open_searches(browser, server, built_site):
    """A language's contacts page with search open, its index loaded, one per language and
    worker (search_open, below, hands them out)."""
    context = open_context(browser, server)
    tabs = {}

    def opened(lang):
        if lang.code not in tabs:
            tabs[lang.code] = home(context, server, built_site, lang, "contacts.md")
            open_search(tabs[lang.code], lang.code)
        return tabs[lang.code]

    yield opened
    context.close()


@pytest.fixture
def search_open(open_searches):
    """The open search of an edition, for a test whose answer depends only on the query (the
    ranking table, word forms, scripts, layouts, counts, snippets): each query is typed afresh
    into the same field."""
    used = []

    def opened(lang):
        used.append(open_searches(lang))
        return used[-1]

    yield opened
    leave_unfocused(used)


@pytest.mark.parametrize(("code", "query", "expected"), RANKING_PARAMS)
def test_the_page_about_it_comes_first(search_open, server, built_site, code, query, expected):
    if code not in BY_CODE:
        pytest.skip(f"no {code} edition")
    lang = BY_CODE[code]
    tab = search_open(lang)
    found = built_pages(server, built_site, lang, search(tab, query))
    assert found[:1] == [built_site.page_path(lang, expected)], f"'{query}' should find {expected} first, found {found}"
