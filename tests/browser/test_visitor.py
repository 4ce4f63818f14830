"""What a visitor gets on every page in every language: the trust line, feedback, the
language switcher, and a page view with no third-party request and no error response."""

import pytest

from browsing import PHONE, open_context, page_url
from first_view import first_view, page_params
from siteinfo import LANGUAGES, language_page_params

# WCAG 2.2 SC 2.5.8 (AA): targets at least 24 by 24 CSS pixels.
MIN_TARGET = 24


@pytest.mark.parametrize(("lang", "page"), page_params())
def test_page_view_has_no_third_party_request_and_no_error(browser, server, built_site, lang, page):
    """The first view, until the network is idle (first_view.py)."""
    view = first_view(browser, server, built_site, lang, page)
    assert view.third_party == [], "requests to other hosts"
    assert view.errors == [], "responses with an error status"


@pytest.fixture(scope="module")
def phone_tab(browser, server):
    """One phone tab for the module's pages: each test loads its own page into it, which costs
    about half of a new context's first load."""
    context = open_context(browser, server, viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(("lang", "page"), language_page_params())
def test_trust_line_is_visible_and_tappable_on_a_phone(phone_tab, server, built_site, lang, page):
    """In the header's phone row: the label (visible text where it fits) and the number."""
    tab = phone_tab
    tab.goto(page_url(server, built_site, lang, page))
    label = tab.locator(".site-header .site-call__label")
    phone = tab.locator('.site-header a.site-call[href="tel:+998706192333"]')
    assert label.inner_text() == built_site_strings(lang)["site.trust_line"]
    assert phone.is_visible()
    box = phone.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360, f"the number is cut off: {box}"
    assert box["height"] >= MIN_TARGET and box["width"] >= MIN_TARGET, f"too small to tap: {box}"
    assert phone.locator(".site-call__number").inner_text() == "(+998 70) 619-23-33"
    # Nothing on the page is wider than the phone (no sideways scrolling).
    assert tab.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.parametrize(("lang", "page"), page_params())
def test_feedback_link_leads_to_the_feedback_section(browser, server, built_site, lang, page):
    """The bar's feedback link, followed at the end of the first view (first_view.py)."""
    feedback = first_view(browser, server, built_site, lang, page).feedback
    assert feedback["url"] == page_url(server, built_site, lang, "contacts.md") + "#feedback"
    assert feedback["visible"]


@pytest.mark.parametrize(("lang", "page"), page_params())
def test_language_switcher(browser, server, built_site, lang, page):
    """On a desktop the bar's switcher (the menu drawer has the same one for phones), as the
    first view shows it (first_view.py)."""
    switcher = first_view(browser, server, built_site, lang, page).switcher
    assert switcher, "no language switcher in the bar"
    assert switcher["label"] == built_site_strings(lang)["select.language"]
    links = switcher["links"]
    assert [link["text"] for link in links] == [other.name for other in LANGUAGES]
    for link, other in zip(links, LANGUAGES):
        assert link["lang"] == other.html_lang
        assert link["hreflang"] == other.html_lang
        assert link["current"] == ("page" if other == lang else None)
        assert link["href"] == page_url(server, built_site, other, page), f"{other.code} link leads elsewhere"


def built_site_strings(lang):
    from sitekit.strings import load_strings
    from sitekit.site import ROOT

    return load_strings(ROOT, lang.code)["theme"]
