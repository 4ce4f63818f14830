"""No JSON-LD claim without a source.

Every property of every JSON-LD node on every page must be in the table below, and its value
must be what the table says: either a fact about the site itself (its own name, address,
language, description) or a fact of ../shared/sources/, tied to the words of the source text
that state it. A property the table does not list (``availableLanguage`` on the trust line,
for instance, which no source states) fails here until someone names the fact behind it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Callable

import pytest

from siteinfo import LANGUAGES, PAGES, cited_sources, language_page_params, source_text
from sitekit import site
from sitekit.page_sources import registry
from sitekit.site import load_site_config, load_strings_for

CONFIG = load_site_config()
SITE_URL = CONFIG.site_url
EXTRA = CONFIG.extra
KNOWN_SOURCES = registry(EXTRA["sources"])
COMPANY_PAGE = "000_9a80eb457d07b685.txt"  # the "Copper industry cluster" page of JSC Almalyk MMC
NEWS = "001_7f46f5cbb6ee76f8.txt"  # the Cooperation LAB news report


@dataclass(frozen=True)
class Allowed:
    """What a property may hold, on a page in a language: expected(ctx) -> value, and, for a
    claim about the world, the source file and the words in it that state the claim."""

    expected: Callable[["Context"], object]
    source: str | None = None  # None: a fact about the site itself
    evidence: str | None = None


@dataclass(frozen=True)
class Context:
    lang: object
    page: str
    head: object

    @property
    def theme(self):
        return load_strings_for(self.lang.code)["theme"]

    @property
    def strings(self):
        return load_strings_for(self.lang.code)

    @property
    def home(self):
        return SITE_URL + self.lang.prefix

    @property
    def url(self):
        return self.home + site.built_path(self.page).removesuffix("index.html")

    def meta(self, name=None, prop=None):
        tag = self.head.find("meta", attrs={"name": name} if name else {"property": prop})
        return tag["content"]


def the_site(value):
    return Allowed(value)


COMPANY_ID = SITE_URL + "#company"

ALLOWED: dict[str, dict[str, Allowed]] = {
    "WebSite": {
        "@id": the_site(lambda c: c.home + "#website"),
        "url": the_site(lambda c: c.home),
        "name": the_site(lambda c: c.strings["site_name"]),
        "description": the_site(lambda c: c.strings["site_description"]),
        "inLanguage": the_site(lambda c: c.lang.html_lang),
    },
    "WebPage": {
        "@id": the_site(lambda c: c.url),
        "url": the_site(lambda c: c.url),
        "name": the_site(lambda c: c.meta(prop="og:title")),
        "description": the_site(lambda c: c.meta(name="description")),
        "inLanguage": the_site(lambda c: c.lang.html_lang),
        "isPartOf": the_site(lambda c: {"@id": c.home + "#website"}),
        "isBasedOn": the_site(lambda c: ...),  # each item is checked as a node of its own
    },
    # The texts a page is based on (isBasedOn), as the sources are: their own titles.
    "WebPage (source)": {
        "name": Allowed(lambda c: "Кластер медной промышленности", COMPANY_PAGE, "Кластер медной промышленности"),
        "inLanguage": Allowed(lambda c: "ru", "README.md", 'Russian | The "Copper industry cluster" page'),
        "publisher": Allowed(lambda c: {"@id": COMPANY_ID}, "README.md",
                             'The "Copper industry cluster" page of JSC Almalyk MMC'),
    },
    "NewsArticle": {
        "headline": Allowed(lambda c: "Тармоқлараро кооперация маркази ишга тушди", NEWS,
                            "Тармоқлараро кооперация маркази ишга тушди"),
        "inLanguage": Allowed(lambda c: "uz-Cyrl", "README.md", "Uzbek, **Cyrillic** script"),
    },
    # JSC Almalyk MMC, only as its page gives it.
    "Organization": {
        "@id": the_site(lambda c: COMPANY_ID),
        "name": Allowed(lambda c: c.theme["site.organisation"], COMPANY_PAGE, "АО «Алмалыкский ГМК»"),
        "email": Allowed(lambda c: EXTRA["email"], COMPANY_PAGE, "электронный адрес АО «Алмалыкский ГМК» info@agmk.uz"),
        "contactPoint": the_site(lambda c: ...),  # checked as a node of its own
    },
    "ContactPoint": {
        "contactType": Allowed(lambda c: c.theme["site.trust_line"], COMPANY_PAGE, "Телефон доверия"),
        "telephone": Allowed(lambda c: EXTRA["trust_line"]["tel"], COMPANY_PAGE, "(+998 70) 619-23-33"),
    },
}


def nodes(data):
    """(table row, node) for every node of a page's JSON-LD."""
    assert data.pop("@context") == "https://schema.org"
    for node in data.pop("@graph"):
        yield node["@type"], node
        for text in node.get("isBasedOn", []):
            yield (text["@type"] + " (source)" if text["@type"] == "WebPage" else text["@type"]), text
        if "contactPoint" in node:
            yield node["contactPoint"]["@type"], node["contactPoint"]
    assert not data, f"top-level keys besides @context and @graph: {sorted(data)}"


def json_ld(built_site, lang, page):
    head = built_site.soup(built_site.page_path(lang, page)).head
    scripts = head.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return head, json.loads(scripts[0].string)  # valid JSON, or this raises


@pytest.mark.parametrize(("lang", "page"), language_page_params())
def test_every_json_ld_claim_is_in_the_table_with_its_value(built_site, lang, page):
    head, data = json_ld(built_site, lang, page)
    context = Context(lang, page, head)
    for row, node in nodes(data):
        assert row in ALLOWED, f"JSON-LD node {row} has no row in the table: which source states it?"
        for key, value in node.items():
            if key == "@type":
                continue
            allowed = ALLOWED[row].get(key)
            assert allowed, f"{row}.{key} = {value!r}: no source states it; add the fact to the table or remove it"
            expected = allowed.expected(context)
            if expected is not ...:
                assert value == expected, f"{row}.{key}"


def test_the_table_has_no_property_without_its_fact():
    for row, properties in ALLOWED.items():
        for key, allowed in properties.items():
            assert (allowed.source is None) == (allowed.evidence is None), f"{row}.{key}: a source needs its words"


@pytest.mark.parametrize(("row", "key"), [(row, key) for row, properties in ALLOWED.items()
                                          for key, allowed in properties.items() if allowed.source])
def test_each_claim_is_stated_by_its_source(row, key):
    allowed = ALLOWED[row][key]
    assert allowed.evidence in " ".join(source_text(allowed.source).split()), f"{row}.{key}"


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_the_site_is_not_presented_as_the_company(built_site, lang):
    """Each page is a WebPage of the WebSite; the company appears only where a page is based on
    its own page, as that text's publisher."""
    for page in PAGES:
        _head, data = json_ld(built_site, lang, page)
        graph = data["@graph"]
        assert [node["@type"] for node in graph[:2]] == ["WebSite", "WebPage"], page
        based_on_company = any(text.get("publisher") == {"@id": COMPANY_ID} for text in graph[1].get("isBasedOn", []))
        has_company = any(node["@type"] == "Organization" for node in graph)
        assert has_company == based_on_company, f"{page}: the company without a text of its own, or the reverse"


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_json_ld_lists_the_texts_the_source_line_names(built_site, lang):
    for page in PAGES:
        _head, data = json_ld(built_site, lang, page)
        titles = [text.get("name") or text.get("headline") for text in data["@graph"][1].get("isBasedOn", [])]
        cited = [KNOWN_SOURCES[key].name for key in cited_sources(built_site, lang, page) if KNOWN_SOURCES[key].is_a_text]
        assert titles == cited, page
