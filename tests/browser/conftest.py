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

from browsing import open_context
from sitekit.chromium import CHROMIUM_ARGS, INSTALL_HINT, chromium_path
from sitekit.pages_server import PagesServer


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
