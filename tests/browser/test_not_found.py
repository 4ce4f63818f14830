"""The not-found page: GitHub Pages serves the root 404.html for every missing path; it must
speak the language the path asks for, and link that language's home page."""

import pytest

from siteinfo import LANGUAGES
from sitekit.site import load_strings_for


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
@pytest.mark.parametrize("missing", ["no-such-page/", "deeper/still/missing.html"])
def test_missing_path_shows_not_found_in_its_language(context, server, lang, missing):
    tab = context.new_page()
    response = tab.goto(server.url + lang.prefix + missing)
    assert response.status == 404
    strings = load_strings_for(lang.code)["theme"]
    assert tab.locator("html").get_attribute("lang") == lang.html_lang
    visible = tab.locator(".site-not-found:visible")
    assert visible.count() == 1
    assert visible.locator("h1").inner_text() == strings["site.not_found.title"]
    site_name = load_strings_for(lang.code)["site_name"]
    assert tab.title() == f"{strings['site.not_found.title']} · {site_name}"
    home = visible.get_by_role("link", name=strings["site.not_found.home"])
    home.click()
    tab.wait_for_load_state()
    assert tab.url == server.url + lang.prefix
    assert tab.locator("html").get_attribute("lang") == lang.html_lang
    assert context.traffic.third_party == []
    # The only error response is the missing page itself: its styles and script load.
    assert context.traffic.errors == [f"404 {server.url + lang.prefix + missing}"]


def test_without_javascript_every_language_says_not_found(no_js_context, server):
    tab = no_js_context.new_page()
    response = tab.goto(server.url + "ru/missing/")
    assert response.status == 404
    for lang in LANGUAGES:
        title = load_strings_for(lang.code)["theme"]["site.not_found.title"]
        section = tab.locator(f'.site-not-found[lang="{lang.html_lang}"]')
        assert section.is_visible()
        assert section.locator("h1").inner_text() == title
