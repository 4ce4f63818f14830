"""Markup and links: what the Markdown and raw HTML of a page turn into, and where its links
lead. The build itself checks links to pages and headings (see sitekit.check.built); these
rules catch what it lets through."""

from __future__ import annotations

import html
import posixpath
import re
from urllib.parse import unquote, urlsplit

from sitekit.check.markdown import ATTR_LIST_RE, AUTOLINK_RE, COMMENT_RE, LINK_DESTINATION_RE, OPEN_TAG_RE, \
    REFERENCE_RE, VOID_ELEMENTS, attributes, blank_all, element_ids, html_link_texts, html_tags, links, without_code
from sitekit.check.project import Project, Source
from sitekit.check.rules import rule
from sitekit.page_safety import COPY_FIX, FORBIDDEN_ELEMENTS, HANDLER_FIX, LINK_FIX
from sitekit.problems import Problem

FAMILY = "Markup and links"

# Raw HTML elements an editor's page may not contain, with why and what to do instead: the
# publishing build's own table (sitekit/page_safety.py), so the check reports all it refuses.
FORBIDDEN_TAGS = FORBIDDEN_ELEMENTS
# Attributes whose value is a URL (a data: URL elsewhere is only text).
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "xlink:href", "data", "poster", "background",
                  "cite", "codebase", "longdesc", "usemap", "ping", "manifest", "icon", "lowsrc", "dynsrc"}
MEDIA_TAGS = {"img", "video", "audio", "source", "track", "picture", "image", "input"}
MEDIA_ATTRIBUTES = {"src", "srcset", "poster", "data", "background", "href", "xlink:href"}
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")
SCHEME_FIX = {
    "javascript:": ("runs script when clicked", LINK_FIX),
    "vbscript:": ("runs script when clicked", LINK_FIX),
    "data:": ("puts content into the page that is not a file of the site",
              "save the file under docs/assets/ and link it by its relative path"),
}


def url_scheme(value: str, attribute: str = "href") -> str | None:
    """The dangerous scheme a URL really has in a browser, seeing through entities
    (&#106;avascript:), Markdown escapes, spaces, tabs and letter case. javascript: counts in
    any attribute; data: only where the attribute holds a URL."""
    value = html.unescape(value)
    value = re.sub(r"\\(.)", r"\1", value)
    value = re.sub(r"[\x00-\x20\x7f]", "", value).lower()
    scheme = next((scheme for scheme in DANGEROUS_SCHEMES if value.startswith(scheme)), None)
    if scheme == "data:" and attribute.lower() not in URL_ATTRIBUTES:
        return None
    return scheme


@rule("unsafe-markup", "file")
def unsafe_markup(source: Source) -> list[Problem]:
    """Markup that could run script in a visitor's browser or embed another site.

    ``<script>``, ``<iframe>``, ``<object>``, ``<embed>``, ``<form>`` and their kin; ``on…=``
    event attributes (also in ``{…}`` attribute lists); ``javascript:``, ``vbscript:`` and
    ``data:`` URLs; images and media loaded from another site.

    Why: nothing an editor writes may run in a visitor's browser or make it contact another
    site; the Content-Security-Policy would block it anyway, leaving a broken page.
    Fix: remove it; link to the other site instead, or save the file under docs/assets/.
    """
    text = without_code(source.text)
    problems: dict[tuple, Problem] = {}

    def report(offset: int, message: str, fix: str):
        line = source.line_of(offset)
        problems.setdefault((line, message), Problem(source.name, line, message, fix))

    for tag in OPEN_TAG_RE.finditer(text):
        name, attribute_text = tag.group(1).lower(), tag.group(2)
        if name in FORBIDDEN_TAGS:
            what, fix = FORBIDDEN_TAGS[name]
            report(tag.start(), f"raw HTML <{name}> {what}", fix)
        for attribute, value, match in attributes(attribute_text):
            offset = tag.start(2) + match.start()
            if attribute.startswith("on"):
                report(offset, f"event-handler attribute {attribute}= runs script", HANDLER_FIX)
            scheme = url_scheme(value, attribute)
            if scheme:
                what, fix = SCHEME_FIX[scheme]
                report(offset, f"a {scheme} URL in {attribute}= {what}", fix)
            elif name in MEDIA_TAGS and attribute in MEDIA_ATTRIBUTES and re.match(r"\s*(https?:)?//", value):
                report(offset, f"<{name}> loads {value.strip()} from another site", COPY_FIX)
    for attr_list in ATTR_LIST_RE.finditer(text):
        for attribute, value, match in attributes(attr_list.group(1)):
            offset = attr_list.start(1) + match.start()
            if attribute.startswith("on"):
                report(offset, f"event-handler attribute {attribute}= in an attribute list {{…}} runs script",
                       "remove it from the braces: pages may not run script")
            scheme = url_scheme(value, attribute)
            if scheme:
                what, fix = SCHEME_FIX[scheme]
                report(offset, f"a {scheme} URL in an attribute list {{…}} {what}", fix)
    for pattern in (LINK_DESTINATION_RE, REFERENCE_RE, AUTOLINK_RE):
        for match in pattern.finditer(text):
            destination = match.group(1).strip("<>")
            scheme = url_scheme(destination)
            if scheme:
                what, fix = SCHEME_FIX[scheme]
                report(match.start(1), f"a {scheme} URL {what}", fix)
    for match in re.finditer(r"!\[[^\]\n]*\]\([ \t]*<?((?:https?:)?//[^\s)>]+)", text):
        report(match.start(1), f"image loaded from another site ({match.group(1)})",
               "save a copy under docs/assets/ and link it by its relative path")
    # Anything the patterns above did not parse: a javascript: anywhere outside code.
    offset = 0
    for line in text.split("\n"):
        if re.search(r"(?i)(?:java|vb)script:", re.sub(r"[\x00-\x20]", "", html.unescape(line))):
            if not any(p.line == source.line_of(offset) and ":" in p.message for p in problems.values()):
                report(offset, "a javascript: URL runs script when clicked", SCHEME_FIX["javascript:"][1])
        offset += len(line) + 1
    return sorted(problems.values())




STYLE_FIX = ("remove it: the Content-Security-Policy (style-src 'self') blocks inline styles, so it would not "
             "show; the site's look lives in overrides/assets/stylesheets/site.css (ask a maintainer)")


@rule("inline-style", "file")
def inline_style(source: Source) -> list[Problem]:
    """An inline style: a ``<style>`` element, ``style="…"`` in HTML or ``{style="…"}`` /
    ``{: style=… }`` in an attribute list.

    Why: the site's Content-Security-Policy allows only its own stylesheet, so the browser
    ignores inline styles (and reports a violation): what the editor saw in a preview is not
    what visitors get.
    Fix: remove the style; ask a maintainer for a class in overrides/assets/stylesheets/site.css
    if the page really needs one.
    """
    text = without_code(blank_all(source.text, COMMENT_RE))
    problems = []
    for tag in html_tags(source):
        if tag.name == "style" and tag.kind != "end":
            problems.append(Problem(source.name, tag.line, "a <style> element", STYLE_FIX))
        elif tag.kind != "end" and tag.get("style") is not None:
            problems.append(Problem(source.name, tag.line, f"an inline style=\"…\" on <{tag.name}>", STYLE_FIX))
    for attr_list in ATTR_LIST_RE.finditer(text):
        for attribute, _value, match in attributes(attr_list.group(1)):
            if attribute == "style":
                problems.append(Problem(source.name, source.line_of(attr_list.start(1) + match.start()),
                                        "an inline style= in an attribute list {…}", STYLE_FIX))
    return problems


HTTP_RE = re.compile(r"(?i)\bhttp://[^\s<>\"'()\[\]{}«»“”]*")


@rule("insecure-link", "file")
def insecure_link(source: Source) -> list[Problem]:
    """An ``http://`` address (a link, an image, or an address in the text).

    Why: plain http can be read and changed on the way; browsers warn about it, and the site
    loads and links nothing over it (tests/test_security.py).
    Fix: write ``https://`` (check that the address works over https; most sites do).
    """
    text = without_code(blank_all(source.text, COMMENT_RE))
    problems = []
    for match in HTTP_RE.finditer(text):
        address = match.group().rstrip(".,;:!?")
        secure = "https://" + address[len("http://"):]
        problems.append(Problem(source.name, source.line_of(match.start()), f"insecure address {address}",
                                f"write {secure} (check that it opens)"))
    return problems


def page_target(source: Source, destination: str) -> str | None:
    """The docs/-relative path a relative link leads to ("en/contacts.md"), or None for an
    external, mailto:, tel: or fragment-only link."""
    parts = urlsplit(destination)
    if parts.scheme or parts.netloc or not parts.path or destination.startswith("/"):
        return None
    return posixpath.normpath(posixpath.join(source.language.code, posixpath.dirname(source.page),
                                             unquote(parts.path)))


@rule("cross-language-link", "site")
def cross_language_link(project: Project) -> list[Problem]:
    """A link from one language's page into another language's folder (``../ru/contacts.md``).

    Why: each language is built on its own, so the build cannot find the other language's page
    and the link breaks; a reader who wants another language uses the language switcher, which
    keeps the page.
    Fix: link the same language's page (``contacts.md``); the switcher leads to the others.
    """
    problems = []
    codes = {lang.code for lang in project.all_languages}
    for source in project.sources():
        for link in links(source):
            target = page_target(source, link.destination)
            if target is None:
                continue
            language = target.split("/", 1)[0]
            if language in codes and language != source.language.code:
                same = target.split("/", 1)[1] if "/" in target else ""
                fragment = urlsplit(link.destination).fragment
                same = posixpath.relpath(same, posixpath.dirname(source.page) or ".") + (
                    f"#{fragment}" if fragment else "")
                problems.append(Problem(
                    source.name, source.line_of(link.offset),
                    f"link to {link.destination}: a link into another language ({language})",
                    f"link this language's page instead ({same}); readers switch languages with the "
                    "language switcher"))
    return problems


@rule("raw-html-link", "site")
def raw_html_link(project: Project) -> list[Problem]:
    """A raw HTML link, ``<a href="page.md">``, to a page of the site.

    Why: the build turns Markdown links into each page's address in every language and checks
    them; it leaves raw HTML links as written, so ``page.md`` is a broken link on the site,
    and a misspelt one is never reported by the build.
    Fix: write a Markdown link, ``[text](page.md#id)``.
    """
    problems = []
    codes = {lang.code for lang in project.all_languages}
    for source in project.sources():
        ids = {ident for ident, _line, _where in element_ids(source)}
        for link in links(source):
            if link.kind != "html":
                continue
            destination = html.unescape(link.destination)
            line = source.line_of(link.offset)
            if destination.startswith("#"):
                if unquote(destination[1:]) not in ids:
                    problems.append(Problem(source.name, line, f"raw HTML link to {destination}: this page has no "
                                            "heading or element with that id", "link an id the page has"))
                continue
            target = page_target(source, destination)
            if target is None or target.split("/", 1)[0] in codes - {source.language.code}:
                continue  # external, mailto:, tel:; another language: rule cross-language-link
            exists = (project.docs / target).is_file()
            what = "which the build leaves as written, so it breaks on the site" if exists else \
                f"there is no page {project.docs_name}/{target}"
            problems.append(Problem(source.name, line, f"raw HTML link <a href=\"{destination}\">: {what}",
                                    "write a Markdown link instead, [text](page.md#id), to a page that exists"))
    return problems


@rule("duplicate-id", "file")
def duplicate_id(source: Source) -> list[Problem]:
    """An id used twice in one page (two headings with the same ``{#id}``, or an HTML id).

    Why: a link to ``page.md#id`` can lead to only one of them, and the page is invalid HTML.
    Fix: give each heading an id of its own, the same in every language.
    """
    problems = []
    seen: dict[str, int] = {}
    for ident, line, _where in element_ids(source):
        if ident in seen:
            problems.append(Problem(source.name, line, f"the id #{ident} is used twice on this page (also line "
                                    f"{seen[ident]})", "give this heading an id of its own, the same in every "
                                    "language"))
        else:
            seen[ident] = line
    return problems


SEPARATOR_CELL_RE = re.compile(r"[ \t]*:?-+:?[ \t]*")


def table_cells(row: str) -> list[str]:
    """The cells of a table row (leading and trailing pipes optional; \\| is no separator)."""
    row = row.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return re.split(r"(?<!\\)\|", row)


def is_separator_row(line: str) -> bool:
    if "|" not in line and not re.fullmatch(r"[ \t]*:?-{3,}:?[ \t]*", line):
        return False
    cells = table_cells(line)
    return bool(cells) and all(SEPARATOR_CELL_RE.fullmatch(cell) for cell in cells) and "-" in line


@rule("table", "file")
def table(source: Source) -> list[Problem]:
    """A Markdown table whose separator row (``|---|---|``) has not as many columns as its
    header, or a row with more cells than the header.

    Why: with a wrong separator row the table is not a table at all: it shows as one paragraph
    of pipes and dashes; cells beyond the header's columns are silently dropped.
    Fix: give the separator row one ``---`` per column of the header, and every row at most as
    many cells.
    """
    text = without_code(source.text)
    lines = text.split("\n")
    problems = []
    for i in range(1, len(lines)):
        header, separator = lines[i - 1], lines[i]
        if "|" not in header or "|" not in separator or not is_separator_row(separator):
            continue
        if i >= 2 and lines[i - 2].strip() and "|" in lines[i - 2]:
            continue  # a row of a table above, not a header
        columns = len(table_cells(header))
        found = len(table_cells(separator))
        if found != columns:
            problems.append(Problem(
                source.name, i + 1, f"the table's separator row has {found} column{'s' * (found != 1)}, its header "
                f"{columns}: the table is not shown as a table",
                f"write one --- per column: |{'---|' * columns}"))
            continue
        for j in range(i + 1, len(lines)):
            if not lines[j].strip() or "|" not in lines[j]:
                break
            cells = len(table_cells(lines[j]))
            if cells > columns:
                problems.append(Problem(source.name, j + 1, f"a table row with {cells} cells under a header of "
                                        f"{columns}: the cells beyond column {columns} are not shown",
                                        "add the column to the header and the separator row, or remove the cells"))
    return problems


# Elements whose end tag may be left out (HTML's own rules): never reported as unclosed.
OPTIONAL_END = {"p", "li", "dt", "dd", "rt", "rp", "optgroup", "option", "thead", "tbody", "tfoot", "tr", "td", "th",
                "colgroup", "caption"}


@rule("unclosed-html", "file")
def unclosed_html(source: Source) -> list[Problem]:
    """A raw HTML element that is opened and not closed (``<span lang="ru">…`` without
    ``</span>``), or closed without being opened.

    Why: the browser then stretches the element over the rest of the page (a whole page in
    ``lang="ru"``, read aloud in Russian), and the page is invalid HTML.
    Fix: close each element where it ends: ``<span lang="ru">…</span>``.
    """
    problems = []
    stack: list = []
    for tag in html_tags(source):
        if tag.name in VOID_ELEMENTS or tag.kind == "self":
            continue
        if tag.kind == "start":
            stack.append(tag)
            continue
        if any(open_tag.name == tag.name for open_tag in stack):
            while stack and stack[-1].name != tag.name:
                unclosed = stack.pop()
                if unclosed.name not in OPTIONAL_END:
                    problems.append(_unclosed(source, unclosed))
            stack.pop()
        elif tag.name not in OPTIONAL_END or tag.name == "p":
            problems.append(Problem(source.name, tag.line, f"</{tag.name}> closes an element that is not open",
                                    f"remove it, or open the element where it starts: <{tag.name}>"))
    problems += [_unclosed(source, tag) for tag in stack if tag.name not in OPTIONAL_END]
    return sorted(problems, key=lambda p: p.line or 0)


def _unclosed(source: Source, tag) -> Problem:
    return Problem(source.name, tag.line, f"<{tag.name}> is opened here and never closed",
                   f"close it where it ends: </{tag.name}>")


EMPTY_LINK_RE = re.compile(r"(?<![!\]])\[(?:\s|&nbsp;)*\]\((?!\))")


@rule("empty-link", "file")
def empty_link(source: Source) -> list[Problem]:
    """A link without text: ``[](page.md)`` or ``<a href="…"></a>``.

    Why: a screen reader can only say "link", and there is nothing to tap on a phone (the
    accessibility tests fail on it).
    Fix: write the words that say where the link leads: ``[Contacts](contacts.md)``.
    """
    text = without_code(blank_all(source.text, COMMENT_RE))
    problems = [Problem(source.name, source.line_of(m.start()), "a link without text",
                        "write the words that say where it leads between the brackets: [Contacts](contacts.md)")
                for m in EMPTY_LINK_RE.finditer(text)]
    for tag, inside in html_link_texts(source):
        if tag.get("href") is not None and not inside.replace("\u00a0", " ").strip() and not tag.get("aria-label"):
            problems.append(Problem(source.name, tag.line, "an HTML link without text",
                                    "write the words that say where it leads between <a …> and </a>"))
    return problems
