"""A page's main text as it is read aloud: passages in reading order, each in its language.

The input is the page's rendered content (the HTML MkDocs makes of its Markdown, without the
site's interface), parsed with lxml. A passage is one block a reader sees as a unit: a heading,
a paragraph, a list item, a table cell, an admonition's title. Text marked with another
language (``<span lang="ru">``) stays a segment of its own, read with that language's voice.
Nothing hidden is read: scripts, styles, templates, ``hidden`` and ``aria-hidden`` elements,
heading permalinks, form controls.

``script(html, language, lexicons)`` then says each segment with its language's lexicon and
gives the ``Script`` that eSpeak NG reads (SSML) and the plain words (for tests and counts).
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

import lxml.html

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
BLOCKS = HEADINGS | {
    "address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "footer", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
    "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
}
SKIPPED = {"script", "style", "template", "noscript", "button", "input", "select", "textarea",
           "audio", "video", "iframe", "object", "svg", "math"}
SKIPPED_CLASSES = {"headerlink", "footnote-backref"}


@dataclass(frozen=True)
class Segment:
    text: str
    language: str  # a lang attribute's value: "uz", "ru", "uz-Cyrl"


@dataclass(frozen=True)
class Passage:
    segments: tuple[Segment, ...]
    heading: bool = False

    @property
    def text(self) -> str:
        return " ".join(" ".join(segment.text for segment in self.segments).split())


def passages(html: str, language: str) -> list[Passage]:
    """The readable passages of rendered content, in document order."""
    if not html.strip():
        return []
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    found: list[Passage] = []
    pending: list[Segment] = []

    def add(text: str | None, lang: str):
        if text:
            pending.append(Segment(text, lang))

    def flush(heading: bool = False):
        segments = _merged(pending)
        pending.clear()
        if segments:
            found.append(Passage(tuple(segments), heading))

    def walk(element, lang: str):
        tag = element.tag if isinstance(element.tag, str) else None
        if tag is None or _hidden(element, tag):
            return
        lang = element.get("lang") or lang
        block = tag in BLOCKS
        if block:
            flush()
        add(element.text, lang)
        if tag == "img":
            add(element.get("alt"), lang)
        elif tag == "br":
            add(" ", lang)
        for child in element:
            walk(child, lang)
            add(child.tail, lang)
        if block:
            flush(heading=tag in HEADINGS)

    walk(root, language)
    flush()
    return found


def _hidden(element, tag: str) -> bool:
    if tag in SKIPPED or element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    return bool(SKIPPED_CLASSES & set((element.get("class") or "").split()))


def _merged(segments: list[Segment]) -> list[Segment]:
    """Neighbours in the same language joined, whitespace collapsed, empty ones dropped."""
    merged: list[list] = []
    for segment in segments:
        if merged and merged[-1][1] == segment.language:
            merged[-1][0] += segment.text
        else:
            merged.append([segment.text, segment.language])
    result = []
    for text, lang in merged:
        text = " ".join(text.split())
        if text:
            result.append(Segment(text, lang))
    return result


# ── said ─────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class SpokenSegment:
    words: str
    voice: str


@dataclass(frozen=True)
class Script:
    """What the engine reads: each passage's segments in words, with their voices."""

    voice: str  # the page's voice
    language: str  # its xml:lang
    passages: tuple[tuple[SpokenSegment, ...], ...]

    def ssml(self) -> str:
        body = []
        for passage in self.passages:
            parts = []
            for segment in passage:
                words = escape(segment.words)
                parts.append(words if segment.voice == self.voice else f"<voice name={quoteattr(segment.voice)}>{words}</voice>")
            body.append("<p>" + " ".join(parts) + "</p>")
        return (f'<speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang={quoteattr(self.language)}>\n'
                + "\n".join(body) + "\n</speak>\n")

    def words(self) -> str:
        return "\n".join(" ".join(segment.words for segment in passage) for passage in self.passages)


def script(html: str, language: str, lexicons) -> Script:
    """The page's passages said with the lexicon of each segment's language.

    ``lexicons(lang)`` gives the lexicon for a lang attribute's value (its language, or the
    page's for a language the site has no lexicon for)."""
    page = lexicons(language)
    spoken = []
    for passage in passages(html, language):
        segments = []
        for segment in passage.segments:
            lexicon = lexicons(segment.language)
            words = lexicon.spoken(segment.text)
            if words:
                segments.append(SpokenSegment(words, lexicon.voice))
        if segments:
            spoken.append(tuple(segments))
    return Script(page.voice, page.language, tuple(spoken))
