"""Helpers for the search tests: open search as a visitor does, type, read the results; serve
a fixture index (tests/search_fixtures.py) in place of the built site's."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from sitekit.site import ROOT
from sitekit.strings import load_strings

RESULTS = ".md-search-result__list"
INPUT = "[data-site-search-input]"
META = ".md-search-result__meta"


def theme_strings(lang_code: str) -> dict:
    return load_strings(ROOT, lang_code)["theme"]


def wait_ready(tab, lang_code: str):
    """Until search has loaded its index (the loading message is gone)."""
    loading = theme_strings(lang_code)["site.search.loading"]
    tab.wait_for_function(
        "loading => { const meta = document.querySelector('.md-search-result__meta');"
        " return meta.textContent && meta.textContent !== loading; }",
        arg=loading,
    )


def open_search(tab, lang_code: str):
    """Open search as a visitor does (a click in the field, or the button on a phone)."""
    button = tab.locator('.md-header__button[data-site-toggle="__search"]')
    if button.is_visible():
        button.click()
    else:
        tab.locator(INPUT).click()
    wait_ready(tab, lang_code)


def wait_for_answer(tab, query: str):
    tab.wait_for_function(
        "query => document.querySelector('.md-search-result__list').getAttribute('data-site-search-query') === query",
        arg=query,
    )


def search(tab, query: str) -> list[str]:
    """Type a query; the result links' addresses (site-relative), best first."""
    tab.locator(INPUT).fill(query)
    wait_for_answer(tab, query)
    return result_links(tab)


def leave_unfocused(tabs):
    """Blur whatever is focused in search tabs kept open for later tests: a focused field's
    blinking caret repaints its tab, 10-20 ms of CPU a second for as long as the tab stays
    open (BENCHMARKS.md, "Fourth round"). The next query focuses the field again."""
    for tab in tabs:
        tab.evaluate("() => document.activeElement && document.activeElement.blur()")


def result_links(tab) -> list[str]:
    return tab.eval_on_selector_all(f"{RESULTS} a", "links => links.map(link => link.getAttribute('href') && link.href)")


def pages_of(server, hrefs: list[str]) -> list[str]:
    """Distinct site-relative page addresses of result links, in order ("uz-cyrl/mis/")."""
    base = urlsplit(server.url).path
    found = []
    for href in hrefs:
        path = urlsplit(href).path
        assert path.startswith(base), href
        relative = path[len(base):]
        if relative not in found:
            found.append(relative)
    return found


def marks(tab) -> list[str]:
    return tab.eval_on_selector_all(f"{RESULTS} mark", "marks => marks.map(mark => mark.textContent)")


def serve_index(context, locale: str, files: dict[str, str]) -> list[str]:
    """Answer the edition's index requests from ``files`` (path inside search/<locale>/ →
    JSON); returns the list the requested paths are recorded in."""
    requested: list[str] = []
    pattern = re.compile(rf"/search/{re.escape(locale)}/(.+)$")

    def handle(route):
        relative = pattern.search(urlsplit(route.request.url).path).group(1)
        requested.append(relative)
        if relative in files:
            route.fulfill(status=200, content_type="application/json; charset=utf-8", body=files[relative])
        else:
            route.fulfill(status=404, body="")

    context.route(re.compile(rf".*/search/{re.escape(locale)}/.+"), handle)
    return requested
