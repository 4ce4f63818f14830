"""Site search: nothing of it loads until the visitor opens it; then it answers from the
page's own language only, with each language's way of matching words."""

import json
import re
from urllib.parse import urlsplit

import pytest

from browsing import page_url
from siteinfo import BY_CODE, LANGUAGES, SEARCH_WORD
from sitekit.search_index import index_path
from sitekit.site import ROOT
from sitekit.strings import load_strings

SEARCH_FILES = re.compile(r"/(assets/javascripts/search\.js|search/[^/]+\.json|assets/javascripts/lunr/)")
# Russian queries in a form that appears nowhere on the expected page (checked below): only
# the stemmer can connect them to the text ("комиссией" -> "комиссия", "павильонах" -> "павильон").
RUSSIAN_INFLECTED = [("комиссией", "resolution.md"), ("павильонах", "cooperation-lab.md"), ("медью", "directions.md")]
UZBEK_APOSTROPHES = ["oʻzbekiston", "o'zbekiston", "o‘zbekiston", "o’zbekiston"]
STEMMER_FILES = {"ru": ["lunr.stemmer.support.min.js", "lunr.ru.min.js"]}


def theme_strings(lang):
    return load_strings(ROOT, lang.code)["theme"]


def search_requests(context):
    return [url for url in context.traffic.urls() if SEARCH_FILES.search(urlsplit(url).path)]


def open_search(tab, lang):
    """Open search as a visitor does and wait until its index is ready."""
    tab.locator("[data-site-search-input]").click()
    loading = theme_strings(lang)["site.search.loading"]
    tab.wait_for_function(
        "loading => { const meta = document.querySelector('.md-search-result__meta');"
        " return meta.textContent && meta.textContent !== loading; }",
        arg=loading,
    )
    assert tab.locator(".md-search-result__meta").inner_text() == theme_strings(lang)["search.result.placeholder"]


def search(tab, query) -> list[str]:
    """Type a query; the result links' addresses, best first (pages and their sections)."""
    tab.locator("[data-site-search-input]").fill(query)
    return tab.eval_on_selector_all(".md-search-result__list a", "links => links.map(link => link.href)")


def result_pages(server, built_site, hrefs) -> list[str]:
    """Distinct site-relative files of the results, in order."""
    pages = []
    for href in hrefs:
        path = urlsplit(href).path
        assert path.startswith(urlsplit(server.url).path), href
        relative = path[len(urlsplit(server.url).path):]
        relative = relative + "index.html" if relative == "" or relative.endswith("/") else relative
        if relative not in pages:
            pages.append(relative)
    return pages


def own_words(built_site, path) -> set[str]:
    return set(re.findall(r"\w+", built_site.content(path).get_text(" ").lower()))




@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_search_loads_on_demand_and_only_its_own_language(context, server, built_site, lang):
    tab = context.new_page()
    tab.goto(page_url(server, built_site, lang, "index.md"), wait_until="networkidle")
    assert search_requests(context) == [], "search files requested before search was opened"

    open_search(tab, lang)
    hrefs = search(tab, SEARCH_WORD[lang.code])
    assert hrefs, "no results"
    tab.wait_for_load_state("networkidle")

    requested = sorted(urlsplit(url).path[len(urlsplit(server.url).path):] for url in search_requests(context))
    lunr = [f"assets/javascripts/lunr/min/{name}" for name in STEMMER_FILES.get(lang.code, [])]
    assert requested == sorted(["assets/javascripts/search.js", index_path(lang.code), *lunr])

    problems = []
    for page in result_pages(server, built_site, hrefs):
        if not (built_site.root / page).is_file():
            problems.append(f"{page}: no such page")
        elif built_site.language_of(page) != lang:
            problems.append(f"{page}: a {built_site.language_of(page).code} page")
    assert not problems, "\n".join(problems)
    for href in hrefs:
        fragment = urlsplit(href).fragment
        page = result_pages(server, built_site, [href])[0]
        assert not fragment or fragment in built_site.ids(page), f"{href}: no such anchor"
    assert context.traffic.third_party == [], "requests to other hosts"
    assert context.traffic.errors == [], "responses with an error status"


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_result_count_is_announced_in_the_page_language(context, server, built_site, lang):
    tab = context.new_page()
    tab.goto(page_url(server, built_site, lang, "index.md"))
    open_search(tab, lang)
    strings = theme_strings(lang)
    meta = tab.locator('.md-search-result__meta[role="status"]')
    search(tab, "zzzqqq")
    assert meta.inner_text() == strings["search.result.none"]
    hrefs = search(tab, SEARCH_WORD[lang.code])
    count = len(result_pages(server, built_site, hrefs))
    assert count > 1
    assert meta.inner_text() == strings["search.result.other"].replace("#", str(count))
    search(tab, "")
    assert meta.inner_text() == strings["search.result.placeholder"]


@pytest.mark.skipif("ru" not in BY_CODE, reason="no Russian edition")
@pytest.mark.parametrize(("query", "expected"), RUSSIAN_INFLECTED)
def test_russian_search_matches_other_word_forms(context, server, built_site, query, expected):
    lang = BY_CODE["ru"]
    expected_path = built_site.page_path(lang, expected)
    words = own_words(built_site, expected_path)
    assert not any(word.startswith(query) for word in words), f"'{query}' is on the page as written"

    tab = context.new_page()
    tab.goto(page_url(server, built_site, lang, "index.md"))
    open_search(tab, lang)
    pages = result_pages(server, built_site, search(tab, query))
    assert pages and pages[0] == expected_path, f"'{query}' should find {expected_path} first, found {pages}"


@pytest.mark.skipif("uz" not in BY_CODE, reason="no Uzbek edition")
def test_uzbek_search_treats_every_apostrophe_alike(context, server, built_site):
    lang = BY_CODE["uz"]
    tab = context.new_page()
    tab.goto(page_url(server, built_site, lang, "index.md"))
    open_search(tab, lang)
    results = {query: search(tab, query) for query in UZBEK_APOSTROPHES}
    reference = results[UZBEK_APOSTROPHES[0]]
    assert reference, "no results for oʻzbekiston"
    for query, hrefs in results.items():
        assert hrefs == reference, f"'{query}' finds other results than '{UZBEK_APOSTROPHES[0]}'"
    marked = tab.locator(".md-search-result__list mark").first.inner_text()
    assert marked.lower().replace("ʻ", "").startswith("ozbekiston")


@pytest.mark.skipif("uz" not in BY_CODE, reason="no Uzbek edition")
def test_uzbek_query_finds_words_with_suffixes(context, server, built_site):
    """No stemmer: a word finds the words it begins (Klaster, Klasterni, Klasterga...), also on
    pages where it never stands alone."""
    lang = BY_CODE["uz"]
    index = json.loads((built_site.root / index_path(lang.code)).read_text(encoding="utf-8"))
    forms_by_page: dict[str, set] = {}
    for entry in index["entries"]:
        location = entry["location"].split("#")[0]
        page = location + "index.html" if not location or location.endswith("/") else location
        for word in re.findall(r"\w+", (entry["title"] + " " + entry["text"]).lower()):
            if word.startswith("klaster"):
                forms_by_page.setdefault(page, set()).add(word)
    only_suffixed = [page for page, forms in forms_by_page.items() if "klaster" not in forms]
    assert only_suffixed, "the test needs an Uzbek page with only suffixed forms of 'klaster'"

    tab = context.new_page()
    tab.goto(page_url(server, built_site, lang, "index.md"))
    open_search(tab, lang)
    assert set(result_pages(server, built_site, search(tab, "klaster"))) == set(forms_by_page)


@pytest.mark.skipif("uz" not in BY_CODE, reason="no Uzbek edition")
def test_uzbek_words_are_not_cut_like_turkish(context, server, built_site):
    """A Turkish stemmer would cut "qarori" (its decree) to a stem; it must find the resolution."""
    lang = BY_CODE["uz"]
    tab = context.new_page()
    tab.goto(page_url(server, built_site, lang, "index.md"))
    open_search(tab, lang)
    pages = result_pages(server, built_site, search(tab, "qarori"))
    assert pages and pages[0] == built_site.page_path(lang, "resolution.md")


@pytest.mark.skipif("en" not in BY_CODE, reason="no English edition")
@pytest.mark.parametrize(("query", "expected"), [("commission", "resolution.md"), ("pavilion", "cooperation-lab.md")])
def test_english_search_finds_the_page(context, server, built_site, query, expected):
    lang = BY_CODE["en"]
    tab = context.new_page()
    tab.goto(page_url(server, built_site, lang, "contacts.md"))
    open_search(tab, lang)
    pages = result_pages(server, built_site, search(tab, query))
    assert pages and pages[0] == built_site.page_path(lang, expected)


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_results_are_reachable_from_the_keyboard(context, server, built_site, lang):
    tab = context.new_page()
    tab.goto(page_url(server, built_site, lang, "contacts.md"))
    open_search(tab, lang)
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
    tab.locator("[data-site-search-input]").focus()
    with tab.expect_navigation(url=hrefs[0]):
        tab.keyboard.press("Enter")
