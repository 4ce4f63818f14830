"""The site search index: one small JSON file per language, search/<locale>.json.

Each page becomes a few entries, one per section: the part before the first h2 (titled with
the page's h1) and one per h2 (titled with the heading, located at its id). search.js loads the
file of the page's own language only, so a reader never gets results in another language.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

import lxml.html

INDEX_FOLDER = "search"
# Not part of an entry's text: what never shows, and the headings that are its title.
SKIPPED_ELEMENTS = {"script", "style", "template", "h1", "h2"}
# Elements that separate words even when the HTML has no space between them ("<td>a</td><td>b").
BLOCK_ELEMENTS = {
    "address", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption", "figure", "h3",
    "h4", "h5", "h6", "hr", "li", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul",
}


@dataclass(frozen=True)
class SearchEntry:
    location: str  # relative to the site root: "ru/joining/#proposal", "" for the home page
    title: str
    text: str  # plain, whitespace-normalised


def index_path(locale: str) -> str:
    """The index of one language, relative to the site root."""
    return f"{INDEX_FOLDER}/{locale}.json"


def normalise_space(text: str) -> str:
    return " ".join(text.split())


def page_entries(html: str, page_url: str, fallback_title: str) -> list[SearchEntry]:
    """A rendered page's sections, in document order: the introduction, then one per h2."""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    heading = root.find(".//h1")
    page_title = normalise_space(heading.text_content()) if heading is not None else fallback_title
    sections = [(page_url, page_title, [])]

    def walk(element):
        tag = element.tag if isinstance(element.tag, str) else None  # None: a comment
        if tag == "h2":
            anchor = element.get("id")
            location = f"{page_url}#{anchor}" if anchor else page_url
            sections.append((location, normalise_space(element.text_content()), []))
        elif tag in BLOCK_ELEMENTS:
            sections[-1][2].append(" ")
        if tag is not None and tag not in SKIPPED_ELEMENTS:
            sections[-1][2].append(element.text or "")
            for child in element:
                walk(child)
        sections[-1][2].append(element.tail or "")  # text after the element is outside it

    walk(root)
    return [SearchEntry(location, title, normalise_space("".join(parts))) for location, title, parts in sections]


def index_json(locale: str, entries: list[SearchEntry]) -> str:
    """Compact and deterministic: pages sorted by address, sections in document order."""
    ordered = sorted(entries, key=lambda entry: entry.location.split("#", 1)[0])
    document = {"locale": locale, "entries": [asdict(entry) for entry in ordered]}
    return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def write_index(site_dir: str | Path, locale: str, entries: list[SearchEntry]) -> Path:
    path = Path(site_dir) / index_path(locale)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(index_json(locale, entries), encoding="utf-8")
    return path
