"""The JSON-LD of a page: what search engines read about it.

It states only what the site knows: the page and the site it belongs to (their own names,
addresses, language and descriptions), the texts the page is based on (``isBasedOn``: the
sources of ``sitekit.page_sources``, with their own titles and languages), and, when one of
them is JSC Almalyk MMC's page, the company with the facts that page gives: its name, its
e-mail address and its trust line. The site is not the company, and says nothing the
sources do not (for example, nothing about the languages the trust line serves).
"""

from __future__ import annotations

from dataclasses import dataclass

from sitekit.page_sources import Citation


@dataclass(frozen=True)
class Company:
    """JSC Almalyk MMC, as its "Copper industry cluster" page gives it."""

    name: str  # in the page's language (i18n: site.organisation)
    email: str  # mkdocs.yml: extra.email
    trust_line_label: str  # i18n: site.trust_line
    trust_line_tel: str  # mkdocs.yml: extra.trust_line.tel


def page_graph(*, page_url: str, title: str, description: str, html_lang: str, site_url: str, root_url: str,
               site_name: str, site_description: str, citations: list[Citation], company: Company) -> dict:
    """site_url: the home page of the page's language; root_url: the site's own address."""
    website = {
        "@type": "WebSite",
        "@id": site_url + "#website",
        "url": site_url,
        "name": site_name,
        "description": site_description,
        "inLanguage": html_lang,
    }
    webpage = {
        "@type": "WebPage",
        "@id": page_url,
        "url": page_url,
        "name": title,
        "description": description,
        "inLanguage": html_lang,
        "isPartOf": {"@id": website["@id"]},
    }
    graph = [website, webpage]
    company_id = root_url + "#company"  # one company in every language
    based_on = []
    for citation in citations:
        source = citation.source
        if not source.is_a_text:
            continue  # a page about the site itself
        text = {"@type": source.type or "CreativeWork",
                "headline" if source.type == "NewsArticle" else "name": source.name}
        if source.language:
            text["inLanguage"] = source.language
        if source.publisher == "company":
            text["publisher"] = {"@id": company_id}
        based_on.append(text)
    if based_on:
        webpage["isBasedOn"] = based_on
    if any(c.source.publisher == "company" for c in citations):
        graph.append({
            "@type": "Organization",
            "@id": company_id,
            "name": company.name,
            "email": company.email,
            "contactPoint": {
                "@type": "ContactPoint",
                "contactType": company.trust_line_label,
                "telephone": company.trust_line_tel,
            },
        })
    return {"@context": "https://schema.org", "@graph": graph}
