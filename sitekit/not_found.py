"""The root not-found page, made whole for every edition: each other edition's own not-found
page (header, navigation, footer in its language) goes inside it as a <template>, which
site.js shows when the missing address is in that edition. Parsed and written with lxml."""

from __future__ import annotations

import lxml.html

DOCTYPE = "<!doctype html>"


def add_edition(root_page: str, edition_page: str, prefix: str) -> str:
    """``root_page`` with ``edition_page``'s body as <template data-site-edition="ru/">, its
    language and title as attributes. Scripts with a source are left out: the page already
    runs site.js, and a script cloned out of a template would run a second time."""
    root = lxml.html.document_fromstring(root_page)
    edition = lxml.html.document_fromstring(edition_page)
    template = lxml.html.Element("template")
    template.set("data-site-edition", prefix)
    template.set("data-site-lang", edition.get("lang", ""))
    title = edition.find(".//head/title")
    template.set("data-site-title", title.text_content() if title is not None else "")
    body = edition.find("body")
    template.text = body.text
    for child in list(body):
        if child.tag == "script" and child.get("src"):
            if child.tail:
                _append_text(template, child.tail)
            continue
        template.append(child)
    root.find("body").append(template)
    return DOCTYPE + lxml.html.tostring(root, encoding="unicode")


def _append_text(element, text: str) -> None:
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text
