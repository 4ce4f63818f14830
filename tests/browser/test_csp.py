"""The Content-Security-Policy in a real browser: the site's own behaviour raises no
violation, and script injected into a page (an inline handler, a javascript: link) is blocked."""

import pytest

from browsing import page_url
from siteinfo import LANGUAGES, PAGES, SEARCH_WORD

RECORDER = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""


@pytest.fixture
def watched(context):
    context.add_init_script(RECORDER)
    return context


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
@pytest.mark.parametrize("page", PAGES)
def test_page_view_raises_no_violation(watched, server, built_site, lang, page):
    tab = watched.new_page()
    tab.goto(page_url(server, built_site, lang, page), wait_until="networkidle")
    assert tab.evaluate("window.__violations") == []


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_interactions_raise_no_violation(watched, server, built_site, lang):
    tab = watched.new_page()
    tab.goto(page_url(server, built_site, lang, "joining.md"))
    # Palette toggle, both ways.
    tab.locator("[data-site-palette]").click()
    tab.locator("[data-site-palette]").click()
    # Search: open, type, press Enter (the form must not submit anywhere).
    tab.locator("[data-site-search-input]").click()
    tab.locator("[data-site-search-input]").fill(SEARCH_WORD[lang.code])
    tab.wait_for_timeout(300)
    tab.keyboard.press("Escape")
    violations = tab.evaluate("window.__violations")
    # Language switch: follow the next language's link.
    other = next(l for l in LANGUAGES if l != lang)
    tab.locator(f'.site-languages a[hreflang="{other.html_lang}"]:visible').click()
    tab.wait_for_load_state()
    assert violations + tab.evaluate("window.__violations") == []


def test_injected_inline_handler_is_blocked(watched, server, built_site):
    tab = watched.new_page()
    tab.goto(page_url(server, built_site, LANGUAGES[0], "index.md"))
    tab.evaluate("""() => document.body.insertAdjacentHTML('beforeend',
        '<img src="data:image/gif;base64,x" onerror="window.__pwned = 1">')""")
    tab.wait_for_function("window.__violations.length > 0")
    assert tab.evaluate("window.__pwned") is None
    assert any(v.startswith("script-src") for v in tab.evaluate("window.__violations"))


def test_injected_javascript_link_is_blocked(watched, server, built_site):
    tab = watched.new_page()
    tab.goto(page_url(server, built_site, LANGUAGES[0], "index.md"))
    tab.evaluate("""() => document.body.insertAdjacentHTML('afterbegin',
        '<a id="evil" href="javascript:window.__pwned = 2">x</a>')""")
    tab.locator("#evil").click()
    tab.wait_for_function("window.__violations.length > 0")
    assert tab.evaluate("window.__pwned") is None
    assert any(v.startswith("script-src") for v in tab.evaluate("window.__violations"))
