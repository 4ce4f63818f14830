"""Browser tests: the system Chromium driven by Playwright against the built site, served
like GitHub Pages. One browser for the whole run; a fresh context (and page) per test.

Chromium comes from the system (Debian: ``apt-get install chromium``); Playwright never
downloads one. Without Chromium these tests skip, saying how to install it, unless
SITE_REQUIRE_BROWSER=1 (set by .ci/run), which turns the skip into a failure.
"""

from __future__ import annotations

import os
import shutil
from urllib.parse import urlsplit

import pytest

from browsing import PHONE, open_context
from sitekit.pages_server import PagesServer

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
    # No third-party host is reachable from the tests: every name but the test server's
    # address fails to resolve (the tests still record each attempt).
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    # The system speech backend can stall closing a page; the listen tests bring their own
    # recording speechSynthesis (and the site offers no button when the API is absent).
    "--disable-speech-synthesis-api",
]
INSTALL_HINT = (
    "Chromium not found: install it with `apt-get install chromium` (Debian/Ubuntu) "
    "or set CHROMIUM_PATH to a Chromium binary"
)


def chromium_path() -> str | None:
    candidate = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
    return candidate if candidate and os.access(candidate, os.X_OK) else None


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
def phone_context(browser, server):
    context = open_context(browser, server, viewport=PHONE, is_mobile=True, has_touch=True)
    yield context
    context.close()


@pytest.fixture
def no_js_context(browser, server):
    context = open_context(browser, server, java_script_enabled=False)
    yield context
    context.close()
