"""Reading Markdown sources the way the rules need them.

The rules search text in which the parts they must not look at are blanked out with spaces,
so that offsets (and so line numbers) stay those of the file.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from sitekit.check.project import Source

FRONT_MATTER_RE = re.compile(r"\A-{3}[ \t]*\n(.*?\n)?(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", re.S)  # like MkDocs
FENCE_RE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
INLINE_CODE_RE = re.compile(r"(?<!`)(`+)(?!`)(?:[^\n]|\n(?![ \t]*\n))*?[^`]\1(?!`)")
COMMENT_RE = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
TAG_RE = re.compile(r"</?([A-Za-z][\w:.-]*)((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>", re.S)
OPEN_TAG_RE = re.compile(r"<([A-Za-z][\w:.-]*)(?=[\s/>]|$)((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>?", re.S | re.M)
ATTR_LIST_RE = re.compile(r"\{:?[ \t]*((?:[#.][\w-]|[A-Za-z_:][\w:.-]*[ \t]*=)[^{}\n]*)\}")
ATTRIBUTE_RE = re.compile(
    r"(?:^|(?<=[\s\"'/{:]))([A-Za-z_:][\w:.-]*)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'=<>`{}]+))"
)
LINK_DESTINATION_RE = re.compile(r"\]\([ \t]*\n?[ \t]*(<[^<>\n]*>|[^\s)]*(?:\([^\s)]*\)[^\s)]*)*)")
REFERENCE_RE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*\n?[ \t]*<?(\S+?)>?(?:[ \t].*)?$", re.M)
AUTOLINK_RE = re.compile(r"<([A-Za-z][\w+.-]*:[^\s<>]*)>")
URL_RE = re.compile(r"https?://[^\s<>\"'()\[\]{}«»“”]+")
EMAIL_RE = re.compile(r"(?<![\w.%+-])[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
PHONE_RE = re.compile(r"\(?\+\d[\d \u00a0()\-]{6,}\d")
LANG_ELEMENT_RE = re.compile(
    r"<([A-Za-z][\w-]*)\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z-]+)[\"']?[^>]*>.*?</\1\s*>", re.S
)
SCRIPT_STYLE_RE = re.compile(r"<(script|style)\b.*?(?:</\1\s*>|\Z)", re.S | re.I)
HEADING_RE = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$", re.M)
# A line that is no setext heading's text even with === or --- under it.
SETEXT_EXCLUDED_RE = re.compile(r"[ ]{4}|[ \t]*(?:[-*+>|]|\d+[.)]|#{1,6})(?:[ \t]|$)|[ \t]*[-=]+[ \t]*$|[ \t]*<")
HEADING_ID_RE = re.compile(r"\{[^{}]*#([\w-]+)[^{}]*\}\s*$")


def blank(text: str, start: int, end: int) -> str:
    """text with [start:end) replaced by spaces, newlines kept."""
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def blank_all(text: str, pattern: re.Pattern, group: int = 0) -> str:
    for match in reversed(list(pattern.finditer(text))):
        text = blank(text, match.start(group), match.end(group))
    return text


def front_matter_span(text: str) -> tuple[int, int] | None:
    """Offsets of the front matter block (with its --- lines), as MkDocs finds it."""
    match = FRONT_MATTER_RE.match(text)
    return (match.start(), match.end()) if match else None


def body_start(text: str) -> int:
    span = front_matter_span(text)
    return span[1] if span else 0


@functools.lru_cache(maxsize=256)
def without_code(text: str) -> str:
    """Fenced code blocks and inline code blanked: Markdown shows them as text, never as HTML."""
    lines = text.split("\n")
    fence = None
    for i, line in enumerate(lines):
        if fence is None:
            match = FENCE_RE.match(line)
            if match and not (match.group(1)[0] == "`" and "`" in line[match.end():]):
                fence = match.group(1)
                lines[i] = " " * len(line)
        else:
            if re.fullmatch(r"[ \t]*" + re.escape(fence[0]) + "{%d,}[ \t]*" % len(fence), line):
                fence = None
            lines[i] = " " * len(line)
    return blank_all("\n".join(lines), INLINE_CODE_RE)


BLOCK_LANG_RE = re.compile(r"(?:^[ \t]*\S[^\n]*\n)*?^[ \t]*\{:?[^{}\n]*\blang\s*=\s*[\"']?([A-Za-z-]+)[\"']?[^{}\n]*\}[ \t]*$",
                           re.M)


def without_other_languages(text: str, language: str) -> str:
    """Text marked as another language blanked, content included: elements with another
    ``lang`` (``<span lang="ru">…</span>``) and paragraphs whose attribute list on their last
    line says so (``{: lang="ru" }``). A quotation in another language is not this page's text."""
    for match in reversed(list(LANG_ELEMENT_RE.finditer(text))):
        if match.group(2).lower().split("-")[0] != language:
            text = blank(text, match.start(), match.end())
    for match in reversed(list(BLOCK_LANG_RE.finditer(text))):
        if match.group(1).lower().split("-")[0] != language:
            start = text.rfind("\n\n", 0, match.start() + 1)
            text = blank(text, start + 2 if start >= 0 else 0, match.end())
    return text


@functools.lru_cache(maxsize=256)
def visible_text(text: str, keep_language: str | None = None) -> str:
    """Only what a reader sees as text: code, comments, tags, link destinations, attribute
    lists, URLs and e-mail addresses blanked, and the front matter's keys (its values are
    shown: the description). With keep_language, elements marked with another ``lang`` are
    blanked too, content included."""
    text = without_code(text)
    text = blank_all(text, COMMENT_RE)
    text = blank_all(text, SCRIPT_STYLE_RE)  # never shown as text
    if keep_language:
        text = without_other_languages(text, keep_language)
    for pattern in (TAG_RE, LINK_DESTINATION_RE, REFERENCE_RE, ATTR_LIST_RE, AUTOLINK_RE, URL_RE, EMAIL_RE):
        text = blank_all(text, pattern)
    span = front_matter_span(text)
    if span:  # keep the values shown to readers (title, description), not the keys
        text = _shown_front_matter(text[: span[1]]) + text[span[1]:]
    # Block markers are not words: headings' #, admonitions' !!! type, list bullets, quotes.
    text = blank_all(text, re.compile(r"^[ \t]*(?:#{1,6}(?=[ \t])|(?:!!!|\?\?\?\+?)[ \t]+[\w-]+|[-*+>](?=[ \t]))", re.M))
    return text


SHOWN_KEYS = ("title", "description")
FRONT_MATTER_KEY_RE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(?:>-?|\|-?)?")


def _shown_front_matter(block: str) -> str:
    """The front matter with everything blanked but the values of SHOWN_KEYS."""
    lines = block.split("\n")
    shown = False
    for i, line in enumerate(lines):
        key = FRONT_MATTER_KEY_RE.match(line)
        if key:
            shown = key.group(1) in SHOWN_KEYS
            lines[i] = " " * key.end() + line[key.end():] if shown else " " * len(line)
        elif re.fullmatch(r"-{3}|\.{3}", line.strip()) or not shown:
            lines[i] = " " * len(line)
    return "\n".join(lines)


def find_line(source: Source, needle: str) -> int | None:
    """The line where a link target appears as a link (or anywhere), for MkDocs' messages."""
    for before in ("](", "]: ", '="', "='", "<", ""):
        offset = source.text.find(before + needle)
        if offset >= 0:
            return source.line_of(offset + len(before))
    return None


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    text: str  # as written, with its {#id}
    id: str | None
    setext: bool = False


@functools.lru_cache(maxsize=256)
def _headings(text: str) -> tuple[Heading, ...]:
    start = body_start(text)
    body = blank_all(without_code(text)[start:], COMMENT_RE)
    found = []
    for match in HEADING_RE.finditer(body):
        ident = HEADING_ID_RE.search(match.group(2))
        found.append((start + match.start(), len(match.group(1)), match.group(2), ident.group(1) if ident else None,
                      False))
    lines = body.split("\n")
    offset = start
    for i, line in enumerate(lines[:-1]):
        underline = re.fullmatch(r"[ ]{0,3}(=+|-+)[ \t]*", lines[i + 1])
        if underline and line.strip() and (i == 0 or not lines[i - 1].strip()) and not SETEXT_EXCLUDED_RE.match(line):
            ident = HEADING_ID_RE.search(line)
            found.append((offset, 1 if underline.group(1)[0] == "=" else 2, line.strip(),
                          ident.group(1) if ident else None, True))
        offset += len(line) + 1
    return tuple(Heading(text.count("\n", 0, offset) + 1, level, heading, ident, setext)
                 for offset, level, heading, ident, setext in sorted(found))


def headings(source: Source) -> list[Heading]:
    """The ATX (``## Title {#id}``) and setext (``Title`` over ``=====``) headings outside code."""
    return list(_headings(source.text))


ID_ATTRIBUTE_RE = re.compile(r"(?:^|[\s\"'])id\s*=\s*[\"']?([\w-]+)", re.I)


def element_ids(source: Source) -> list[tuple[str, int, str]]:
    """Every id the page gives its elements, with its line and where it comes from: headings'
    {#id}, {#id} in attribute lists of other elements, and id="…" in raw HTML."""
    text = without_code(source.text)
    found = [(h.id, h.line, "heading") for h in headings(source) if h.id]
    heading_lines = {h.line for h in headings(source)}
    for match in ATTR_LIST_RE.finditer(text):
        line = source.line_of(match.start())
        ident = re.search(r"(?:^|\s)#([\w-]+)", match.group(1))
        if ident and line not in heading_lines:
            found.append((ident.group(1), line, "attribute list"))
    for tag in html_tags(source):
        if tag.kind != "end" and tag.get("id"):
            found.append((tag.get("id"), tag.line, "HTML"))
    return found


def attributes(text: str):
    """(lower-case name, value, match) of the attributes in a tag's or attribute list's text."""
    for match in ATTRIBUTE_RE.finditer(text):
        value = next(v for v in match.groups()[1:] if v is not None)
        yield match.group(1).lower(), value, match


@dataclass(frozen=True)
class Link:
    destination: str  # as written, without <>
    offset: int
    kind: str  # "markdown" ([text](x), [x]: x, <x:y>) or "html" (<a href>)


def links(source: Source) -> list[Link]:
    """The link destinations of a page outside code: Markdown links, reference definitions,
    autolinks and raw HTML ``<a href>``."""
    text = without_code(blank_all(source.text, COMMENT_RE))
    found = []
    for pattern in (LINK_DESTINATION_RE, REFERENCE_RE, AUTOLINK_RE):
        for match in pattern.finditer(text):
            opening = text.rfind("[", 0, match.start())
            kind = "image" if pattern is LINK_DESTINATION_RE and opening > 0 and text[opening - 1] == "!" else "markdown"
            found.append(Link(match.group(1).strip("<>"), match.start(1), kind))
    line_starts = [0] + [m.end() for m in re.finditer("\n", source.text)]
    for tag in html_tags(source):
        if tag.name == "a" and tag.kind != "end" and tag.get("href") is not None:
            found.append(Link(tag.get("href").strip(), line_starts[tag.line - 1] + tag.column, "html"))
    return sorted(found, key=lambda link: link.offset)


@dataclass(frozen=True)
class Block:
    """A paragraph-like block of visible text: lines up to a blank line."""

    offset: int
    end: int
    text: str  # visible text, blanked parts removed, whitespace collapsed
    first_line: int


def blocks(source: Source, keep_language: str | None = None) -> list[Block]:
    visible = visible_text(source.text, keep_language)
    found = []
    for match in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|\Z))+", visible):
        text = " ".join(match.group().split())
        if text:
            start = match.start() + (len(match.group()) - len(match.group().lstrip()))
            found.append(Block(start, match.end(), text, source.line_of(start)))
    return found


def section_at(source: Source, line: int) -> str | None:
    """The id of the heading a line is under (None before the first heading with an id)."""
    current = None
    for heading in headings(source):
        if heading.line > line:
            break
        current = heading.id or current
    return current


def heading_line(source: Source, ident: str | None) -> int | None:
    return next((h.line for h in headings(source) if ident and h.id == ident), None)


# ── Raw HTML in Markdown, read by a real HTML tokenizer ─────────────────────────

VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
HTML_ELEMENTS = VOID_ELEMENTS | {
    "a", "abbr", "address", "article", "aside", "audio", "b", "bdi", "bdo", "blockquote", "button", "canvas",
    "caption", "cite", "code", "data", "dd", "del", "details", "dfn", "dialog", "div", "dl", "dt", "em", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "i", "iframe", "ins", "kbd",
    "label", "legend", "li", "main", "map", "mark", "nav", "object", "ol", "optgroup", "option", "output", "p",
    "picture", "pre", "q", "rp", "rt", "ruby", "s", "samp", "script", "section", "select", "small", "span", "strong",
    "style", "sub", "summary", "sup", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time",
    "tr", "u", "ul", "var", "video", "svg", "math", "frame", "frameset", "applet", "portal"}


@dataclass(frozen=True)
class Tag:
    kind: str  # "start", "end" or "self" (<br/>)
    name: str  # lower case
    attributes: tuple[tuple[str, str], ...]  # (lower-case name, value), in order
    line: int
    column: int

    def get(self, name: str) -> str | None:
        return next((value for key, value in self.attributes if key == name), None)


class _Tokenizer(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[Tag] = []
        self.texts: dict[int, str] = {}  # index of an <a> start tag -> the text inside it
        self._open_links: list[int] = []

    def _add(self, kind, tag, attrs):
        if tag in HTML_ELEMENTS:
            line, column = self.getpos()
            self.tags.append(Tag(kind, tag, tuple((k, v or "") for k, v in attrs), line, column))
            if tag == "a" and kind == "start":
                self._open_links.append(len(self.tags) - 1)
                self.texts[len(self.tags) - 1] = ""
            elif tag == "a" and kind == "end" and self._open_links:
                self._open_links.pop()

    def handle_data(self, data):
        for index in self._open_links:
            self.texts[index] += data

    def handle_starttag(self, tag, attrs):
        self._add("start", tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._add("self", tag, attrs)

    def handle_endtag(self, tag):
        self._add("end", tag, [])


@functools.lru_cache(maxsize=256)
def _tokenized(text: str) -> _Tokenizer:
    tokenizer = _Tokenizer()
    tokenizer.feed(without_code(blank_all(text, COMMENT_RE)))
    tokenizer.close()
    return tokenizer


def html_tags(source: Source) -> list[Tag]:
    """The raw HTML tags of a page outside code and comments, as Python's HTML tokenizer
    (html.parser) reads them, with their lines."""
    return list(_tokenized(source.text).tags)


def html_link_texts(source: Source) -> list[tuple[Tag, str]]:
    """Each raw HTML <a> start tag with the text inside the element (tags left out)."""
    tokenizer = _tokenized(source.text)
    return [(tokenizer.tags[index], text) for index, text in tokenizer.texts.items()]
