"""A moved page's old address, in a real browser (with and without JavaScript): the reader
lands on the new page of the same edition. On a fixture site with one redirect
(tests/loop_site.py), built and served like GitHub Pages."""

from urllib.parse import urlsplit

import pytest

from loop_site import make_site, page_markdown
from sitekit import navigation
from sitekit.build import build
from sitekit.pages_server import PagesServer
from sitekit.site import load_site_config

NEWS = {"uz": "Yangiliklar", "ru": "Новости", "en": "News"}


# This module's tests share one build (the fixture below): keep them on one xdist worker.
pytestmark = pytest.mark.xdist_group("test_redirects")


@pytest.fixture(scope="module")
def redirect_server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("redirects")
    pages = {"news/events.md": {lang: page_markdown(lang, NEWS[lang], "news") for lang in NEWS}}
    root = make_site(tmp / "src", pages=pages, nav=[("News", "news/events.md", NEWS)])
    config_file = root / "mkdocs.yml"
    config_file.write_text(navigation.add_redirect(config_file.read_text(encoding="utf-8"), "events.md",
                                                   "news/events.md"), encoding="utf-8")
    result = build(tmp / "built", config_file)
    assert result.ok, result.output[-2000:]
    load_site_config.cache_clear()
    base_path = urlsplit(load_site_config(str(config_file)).site_url).path
    load_site_config.cache_clear()
    with PagesServer(tmp / "built", base_path) as running:
        yield running


@pytest.mark.parametrize("javascript", [True, False], ids=["with JavaScript", "without"])
@pytest.mark.parametrize("prefix", ["", "uz-cyrl/", "ru/", "en/"])
def test_the_old_address_lands_on_the_new_page(browser, redirect_server, prefix, javascript):
    context = browser.new_context(java_script_enabled=javascript)
    try:
        tab = context.new_page()
        errors = []
        tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        tab.on("response", lambda response: errors.append(f"{response.status} {response.url}")
               if response.status >= 400 else None)
        tab.goto(redirect_server.url + prefix + "events/")
        tab.wait_for_url(redirect_server.url + prefix + "news/events/", timeout=10_000)
        assert tab.locator("h1").first.inner_text().strip()
        assert not errors, errors  # nothing missing, no Content-Security-Policy violation on the way
    finally:
        context.close()
