"""The Content-Security-Policy in a real browser: the site's own behaviour raises no
violation, and script injected into a page (an inline handler, a javascript: link) is blocked,
even in a page built with the publishing check removed."""

import shutil
from urllib.parse import urlsplit

import pytest

from browsing import page_url
from first_view import VIOLATION_RECORDER, first_view, page_params
from siteinfo import LANGUAGES, SEARCH_WORD
from sitekit.site import load_site_config


@pytest.fixture
def watched(context):
    context.add_init_script(VIOLATION_RECORDER)
    return context


@pytest.mark.parametrize(("lang", "page"), page_params())
def test_page_view_raises_no_violation(browser, server, built_site, lang, page):
    """The first view, until the network is idle (first_view.py)."""
    assert first_view(browser, server, built_site, lang, page).violations == []


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
    tab.wait_for_function("() => window.__violations.length > 0")
    assert tab.evaluate("window.__pwned") is None
    assert any(v.startswith("script-src") for v in tab.evaluate("window.__violations"))


def test_injected_javascript_link_is_blocked(watched, server, built_site):
    tab = watched.new_page()
    tab.goto(page_url(server, built_site, LANGUAGES[0], "index.md"))
    tab.evaluate("""() => document.body.insertAdjacentHTML('afterbegin',
        '<a id="evil" href="javascript:window.__pwned = 2">x</a>')""")
    tab.locator("#evil").click()
    tab.wait_for_function("() => window.__violations.length > 0")
    assert tab.evaluate("window.__pwned") is None
    assert any(v.startswith("script-src") for v in tab.evaluate("window.__violations"))


# ── A page built with the publishing check removed ───────────────────────────
# The build refuses script in pages (tests/test_publishing_safety.py); only deleting its hook
# from mkdocs.yml gets such a page built. The policy does not depend on the page, so even
# then nothing injected runs.

INJECTED = """
<script>window.__pwned = "inline";</script>

<script src="https://evil.example/x.js"></script>

<img src="../../assets/images/none.png" alt="x" onerror="window.__pwned = 'handler'">

<a id="evil" href="javascript:window.__pwned = 'link'">a link</a>
"""


@pytest.fixture(scope="module")
def unchecked_site(tmp_path_factory):
    from sitekit.build import build
    from sitekit.pages_server import PagesServer
    from sitekit.site import ROOT

    root = tmp_path_factory.mktemp("unchecked")
    for name in ("docs", "i18n", "overrides"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    hook = "  - overrides/hooks/publishing_safety.py\n"
    assert hook in config
    (root / "mkdocs.yml").write_text(config.replace(hook, ""), encoding="utf-8")
    with open(root / "docs/en/contacts.md", "a", encoding="utf-8") as page:
        page.write(INJECTED)
    result = build(root / "site", config_file=root / "mkdocs.yml")
    assert result.ok, result.output[-3000:]
    html = (root / "site/en/contacts/index.html").read_text(encoding="utf-8")
    assert 'window.__pwned = "inline"' in html, "the injected script must reach the page for this test to mean anything"
    with PagesServer(root / "site", urlsplit(load_site_config().site_url).path) as server:
        yield server


def test_injected_script_does_not_run_on_a_page_built_unchecked(browser, unchecked_site):
    context = browser.new_context()
    context.add_init_script(VIOLATION_RECORDER)
    try:
        tab = context.new_page()
        tab.goto(unchecked_site.url + "en/contacts/", wait_until="networkidle")
        tab.locator("#evil").click()
        tab.wait_for_timeout(200)
        assert tab.evaluate("window.__pwned") is None
        directives = {v.split()[0] for v in tab.evaluate("window.__violations")}
        assert {"script-src-elem", "script-src-attr"} <= directives, directives
        # The site's own files still run: palette.js set the scheme, site.js labelled the toggle.
        assert tab.evaluate("document.documentElement.getAttribute('data-md-color-scheme')") in ("default", "slate")
        assert tab.locator("[data-site-palette]").get_attribute("aria-label")
    finally:
        context.close()
