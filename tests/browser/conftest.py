"""Browser tests: the system Chromium driven by Playwright against the built site, served
like GitHub Pages. One browser for the whole run; a fresh context (and page) per test.

Chromium comes from the system (Debian: ``apt-get install chromium``); Playwright never
downloads one. Without Chromium these tests skip, saying how to install it, unless
SITE_REQUIRE_BROWSER=1 (set by .ci/run), which turns the skip into a failure.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

import pytest

from browsing import DESKTOP, REPORTS, failed, open_context, open_tab
from sitekit.chromium import CHROMIUM_ARGS, INSTALL_HINT, chromium_path
from sitekit.pages_server import PagesServer


# Each phase's report kept on its test: a fixture asks browsing.failed at teardown.
@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    item.stash.setdefault(REPORTS, {})[report.when] = report
    return report


def require_or_skip(reason: str):
    if os.environ.get("SITE_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (SITE_REQUIRE_BROWSER=1 makes this an error)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def server(built_site):
    from sitekit import site

    base_path = urlsplit(site.load_site_config().site_url).path
    with PagesServer(built_site.root, base_path) as running:
        yield running


@pytest.fixture(scope="session")
def browser():
    executable = chromium_path()
    if executable is None:
        require_or_skip(INSTALL_HINT)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require_or_skip("Playwright is not installed: run `make test`, which installs requirements.txt")
    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture
def context(browser, server):
    context = open_context(browser, server)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def no_js_context(browser, server):
    context = open_context(browser, server, java_script_enabled=False)
    yield context
    context.close()


@pytest.fixture(scope="module")
def _kept(browser, server):
    """The tabs kept_tabs hands out: one context and tab per colour scheme."""
    kept: dict = {}
    yield kept
    for context, _tab in kept.values():
        context.close()


@pytest.fixture
def kept_tabs(_kept, browser, server, request):
    """``kept_tabs(viewport=…, scheme=…)``: a tab as ``browsing.open_tab`` opens one, but
    kept for the module's tests, one per colour scheme; each test loads its page into it.

    Into a tab that has shown the site (and run axe), a page loads and is checked with less
    than two thirds of the CPU of a new context: the renderer and its compiled JavaScript
    are warm (BENCHMARKS.md, "Fifth round"). Nothing else carries over, since every test
    starts with its own load: the site keeps no state but the colour scheme, which the
    context sets before render at every load. A tab whose test failed is closed, so the next
    test starts afresh."""
    used = set()

    def opener(viewport=DESKTOP, scheme="default"):
        if scheme not in _kept or _kept[scheme][1].is_closed():
            _kept[scheme] = open_tab(browser, server, viewport=viewport, scheme=scheme)
        tab = _kept[scheme][1]
        tab.set_viewport_size(viewport)
        used.add(scheme)
        return tab

    yield opener
    if failed(request.node):
        for scheme in used:
            _kept.pop(scheme)[0].close()
