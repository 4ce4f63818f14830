"""What search engines, link previews and assistive software read: per-page descriptions,
hreflang alternates (in <head> and the sitemap), Open Graph and the update date. JSON-LD:
test_structured_data.py."""

import datetime
import re
import subprocess

import pytest
from bs4 import BeautifulSoup

from siteinfo import DEFAULT, LANGUAGES, PAGES, language_page_params
from sitekit import site

SITE_URL = site.load_site_config().site_url


def absolute(lang, page):
    return SITE_URL + lang.prefix + site.built_path(page).removesuffix("index.html")


def head(built_site, lang, page):
    return built_site.soup(built_site.page_path(lang, page)).head


@pytest.mark.parametrize(("lang", "page"), language_page_params())
def test_description_is_the_pages_own(built_site, lang, page):
    description = head(built_site, lang, page).find("meta", attrs={"name": "description"})
    assert description and len(description["content"]) >= 40, "front matter `description:` missing or short"
    others = [
        head(built_site, lang, other).find("meta", attrs={"name": "description"})["content"]
        for other in PAGES
        if other != page
    ]
    assert description["content"] not in others, "two pages share one description"


@pytest.mark.parametrize(("lang", "page"), language_page_params())
def test_hreflang_alternates_are_absolute_with_x_default(built_site, lang, page):
    links = head(built_site, lang, page).find_all("link", rel="alternate", hreflang=True)
    found = {link["hreflang"]: link["href"] for link in links}
    expected = {other.html_lang: absolute(other, page) for other in LANGUAGES}
    expected["x-default"] = absolute(DEFAULT, page)
    assert found == expected
    assert len(links) == len(expected), "an hreflang appears twice"


def test_sitemap_lists_every_page_with_its_alternates(built_site):
    sitemap = BeautifulSoup((built_site.root / "sitemap.xml").read_bytes(), "xml")
    urls = {url.loc.text: url for url in sitemap.find_all("url")}
    for page in PAGES:
        expected = {other.html_lang: absolute(other, page) for other in LANGUAGES}
        expected["x-default"] = absolute(DEFAULT, page)
        for lang in LANGUAGES:
            entry = urls.pop(absolute(lang, page), None)
            assert entry is not None, f"sitemap.xml lacks {absolute(lang, page)}"
            alternates = {link["hreflang"]: link["href"] for link in entry.find_all("link")}
            assert alternates == expected, absolute(lang, page)
    assert not urls, f"sitemap.xml lists pages that do not exist: {sorted(urls)}"


@pytest.mark.parametrize(("lang", "page"), language_page_params())
def test_open_graph(built_site, lang, page):
    tags = {
        meta["property"]: meta["content"]
        for meta in head(built_site, lang, page).find_all("meta", property=True)
        if meta["property"] != "og:locale:alternate"
    }
    assert tags["og:type"] == "website"
    assert tags["og:url"] == absolute(lang, page)
    assert tags["og:locale"] == lang.og_locale
    assert tags["og:title"] and tags["og:site_name"]
    description = head(built_site, lang, page).find("meta", attrs={"name": "description"})["content"]
    assert tags["og:description"] == description
    alternates = [m["content"] for m in head(built_site, lang, page).find_all("meta", property="og:locale:alternate")]
    assert alternates == [other.og_locale for other in LANGUAGES if other != lang]


def is_committed(path: str) -> bool:
    listed = subprocess.run(["git", "ls-files", "--error-unmatch", path], cwd=site.ROOT, capture_output=True)
    return listed.returncode == 0


@pytest.mark.parametrize(("lang", "page"), language_page_params())
def test_last_updated_date_in_the_page_language(built_site, lang, page):
    updated = built_site.content(built_site.page_path(lang, page)).select_one(".site-updated time")
    if updated is None and not is_committed(f"docs/{lang.code}/{page}"):
        pytest.skip(f"docs/{lang.code}/{page} is not committed yet: its date comes from git")
    assert updated is not None, f"docs/{lang.code}/{page}: no last-updated date"
    day = datetime.date.fromisoformat(updated["datetime"])
    strings = site.load_strings_for(lang.code)
    assert strings["date"]["months"][day.month - 1] in updated.text
    assert str(day.year) in updated.text and re.search(rf"\b{day.day}\b", updated.text)


def test_a_quotation_mark_in_a_description_stays_inside_the_attribute():
    """Material prints the description into <meta content="…"> without escaping (MkDocs'
    Jinja has no autoescape); sitekit.markup_fixes escapes it once, and the site's own
    partials (`| e`) do not escape it twice."""
    import jinja2
    from bs4 import BeautifulSoup as Soup

    from sitekit.markup_fixes import escape_front_matter

    meta = {"description": 'The "Cooperation LAB" centre & <friends>', "title": "kept"}
    escape_front_matter(meta)
    env = jinja2.Environment()  # as MkDocs makes it: autoescape off
    html = env.from_string('<meta name="description" content="{{ d }}"><meta property="og:description" '
                           'content="{{ d | e }}">').render(d=meta["description"])
    contents = [tag["content"] for tag in Soup(html, "lxml").find_all("meta")]
    assert contents == ['The "Cooperation LAB" centre & <friends>'] * 2, html
    assert meta["title"] == "kept"
