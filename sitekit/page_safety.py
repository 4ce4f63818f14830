"""What the site refuses to publish in a page, read from HTML with a real parser (lxml).

One definition of "unsafe", for the publishing build (overrides/hooks/publishing_safety.py)
and for the editor check's built-page rule. Two questions:

``unsafe_content(html)``
    A page's content as Markdown rendered it. Refused: markup that runs script (<script>,
    on…= event attributes, javascript:/vbscript: URLs), embeds another site (<iframe>,
    <object>, …), loads a resource from another site (<img src="https://…">), puts content
    that is not a file of the site into the page (data: URLs), takes visitors' input (<form>,
    <input>, …), rewrites the page's own head or body (<base>, <meta>, <link>, <body>), or
    is parsed by browsers otherwise than here and so could hide any of these (<noscript>,
    <svg>, <math>, raw-text relics such as <xmp>).
``script_not_ours(html)``
    A whole finished page. Refused: every script that is not a file of the site: an inline
    executable <script>, an on…= attribute, a javascript: URL, a <script src> on another
    host. The policy (sitekit/csp.py) blocks all of them in the browser; the build refuses
    them so that no page is published that depends on what the browser would block, or
    that would run script if the policy were ever loosened.

Each finding says what is wrong and how to fix it, and carries a key (kind, element,
attribute) that names the same construct in a page's content and in the finished page,
plus regular expressions that find it in the Markdown source (sitekit/publishing_safety.py
turns findings into ``file:line: what — fix`` problems).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

import lxml.html

SCRIPT_FIX = "remove it: pages may not run script (behaviour belongs in overrides/, reviewed separately)"
EMBED_FIX = "link to it instead, [text](https://…); pages may not embed another site"
FORM_FIX = "pages take no input: link to the e-mail address (mailto:) or the contacts page instead"
HEAD_FIX = "remove it: the templates write the page's <head>; the description goes in the front matter"
RAW_TEXT_FIX = "remove it; to show code, use a Markdown code block (``` … ```)"
LINK_FIX = "link to a page (page.md#id), an https:// address, mailto: or tel: instead"
HANDLER_FIX = "remove it: pages may not run script"
COPY_FIX = "save a copy under docs/assets/ and link it by its relative path"
# Every fix above: a line with one of them is a refusal of this module (the editor check keeps
# one line per cause when its source rule found the same thing).
FIXES = frozenset({SCRIPT_FIX, HANDLER_FIX, EMBED_FIX, FORM_FIX, HEAD_FIX, RAW_TEXT_FIX, LINK_FIX, COPY_FIX})

# Elements a page's content may not contain: (what it does, how to fix).
FORBIDDEN_ELEMENTS = {
    "script": ("runs script", SCRIPT_FIX),
    "iframe": ("embeds another site", EMBED_FIX),
    "frame": ("embeds another site", EMBED_FIX),
    "frameset": ("embeds another site", EMBED_FIX),
    "object": ("embeds another site or a plug-in", EMBED_FIX),
    "embed": ("embeds another site or a plug-in", EMBED_FIX),
    "applet": ("embeds a plug-in", EMBED_FIX),
    "portal": ("embeds another site", EMBED_FIX),
    "form": ("is a form that sends visitors' input somewhere", FORM_FIX),
    "input": ("is a form field", FORM_FIX),
    "button": ("is a form button", FORM_FIX),
    "select": ("is a form field", FORM_FIX),
    "textarea": ("is a form field", FORM_FIX),
    "base": ("changes where every link of the page goes", HEAD_FIX),
    "meta": ("can redirect or reconfigure the page", HEAD_FIX),
    "link": ("loads a resource into the page", HEAD_FIX),
    "html": ("rewrites the page's own <html> element", HEAD_FIX),
    "head": ("rewrites the page's own <head>", HEAD_FIX),
    "body": ("rewrites the page's own <body> (its attributes, handlers included, join the page's)", HEAD_FIX),
    # A browser with script on reads <noscript> as raw text, this parser as markup: what it
    # hides (an <img onerror=…> inside an attribute) would only be seen by the browser.
    "noscript": ("is read one way by browsers with script and another way without, so it can hide markup "
                 "that runs script", "remove it: every page works without script, so nothing belongs in <noscript>"),
    "noembed": ("is an obsolete element that browsers read as raw text, so it can hide markup", RAW_TEXT_FIX),
    "noframes": ("is an obsolete element that browsers read as raw text, so it can hide markup", RAW_TEXT_FIX),
    "xmp": ("is an obsolete element that browsers read as raw text, so it can hide markup", RAW_TEXT_FIX),
    "plaintext": ("is an obsolete element that turns the rest of the page into raw text", RAW_TEXT_FIX),
    # SVG and MathML have parsing rules of their own (a <style> inside <svg> holds markup).
    "svg": ("is inline SVG, which can run script and follows parsing rules of its own",
            "save the drawing as an .svg file under docs/assets/ and show it as an image: "
            "![what it shows](../assets/name.svg)"),
    "math": ("is inline MathML, which follows parsing rules of its own, so it can hide markup",
             "write the formula as text, or show it as an image saved under docs/assets/"),
}
# Attributes whose value is a URL (a data: URL elsewhere is only text).
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "xlink:href", "data", "poster", "background",
                  "cite", "codebase", "longdesc", "usemap", "ping", "manifest", "icon", "lowsrc", "dynsrc"}
# Elements that load what these attributes name as soon as the page shows.
MEDIA_ELEMENTS = {"img", "video", "audio", "source", "track", "picture", "image", "input"}
MEDIA_ATTRIBUTES = {"src", "srcset", "poster", "data", "background", "href", "xlink:href"}
SCHEMES = {
    "javascript:": ("runs script when clicked", LINK_FIX),
    "vbscript:": ("runs script when clicked", LINK_FIX),
    "data:": ("puts content into the page that is not a file of the site",
              "save the file under docs/assets/ and link it by its relative path"),
}
SCRIPT_SCHEMES = ("javascript:", "vbscript:")
# <script type=…> that browsers never run: data blocks for the site's own scripts and for
# search engines. Every other type counts as script (a browser may know it; we do not guess).
DATA_BLOCK_TYPES = {"application/json", "application/ld+json"}
_REMOTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    what: str
    fix: str
    key: tuple[str, str, str]  # (kind, element, attribute)
    patterns: tuple[str, ...] = ()  # regular expressions (case-insensitive) for it in Markdown, best first
    detail: str = ""  # the script's text or the attribute's value: which one of its kind


def url_scheme(value: str, attribute: str = "href") -> str | None:
    """The dangerous scheme a URL has in a browser (which ignores spaces, tabs and newlines in
    it and the letters' case); javascript: and vbscript: count in any attribute, data: only
    where the attribute holds a URL. ``value`` is an attribute value as parsed (entities decoded)."""
    if ":" not in value:  # most values (paths, classes, ids) have no scheme at all
        return None
    plain = re.sub(r"[\x00-\x20\x7f]", "", value).lower()
    scheme = next((s for s in SCHEMES if plain.startswith(s)), None)
    if scheme == "data:" and attribute.lower() not in URL_ATTRIBUTES:
        return None
    return scheme


def is_executable(script) -> bool:
    """Whether a browser may run this <script> element's own text (data blocks it never runs)."""
    return script.get("src") is None and (script.get("type") or "").strip().lower() not in DATA_BLOCK_TYPES


def is_remote(url: str) -> bool:
    """A URL on another host: with a scheme and //, or protocol-relative (//host/…)."""
    return bool(_REMOTE.match(url))


def _urls(value: str, attribute: str) -> list[str]:
    if attribute == "srcset":  # "a.png 1x, https://x/b.png 2x": each candidate's URL
        return [part.split()[0] for part in value.split(",") if part.split()]
    return [value]


def _literal(text: str) -> str:
    return re.escape(text.strip())


def _elements(html: str, fragment: bool = True):
    """Every element of an HTML fragment (or of a whole page), in document order, comments skipped."""
    if fragment:
        html = f"<!doctype html><html><head></head><body>{html}</body></html>"
    document = lxml.html.document_fromstring(html)
    for element in document.iter():
        if isinstance(element.tag, str):
            yield element


class _DocumentTags(HTMLParser):
    """Start tags of <html>, <head> and <body> inside a fragment: a tree parser folds them into
    the document's own elements (and drops their attributes), so they are seen here, as tokens."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("html", "head", "body"):
            self.found.append((tag, attrs))

    handle_startendtag = handle_starttag


def _attribute_findings(element, attribute: str, value: str, *, content: bool) -> list[Finding]:
    name = element.tag.lower()
    attribute = attribute.lower()
    found = []
    if attribute.startswith("on") and len(attribute) > 2:  # on + an event's name ("on" alone is none)
        found.append(Finding(f"event-handler attribute {attribute}= runs script", HANDLER_FIX,
                             ("handler", name, attribute), (rf"\b{re.escape(attribute)}\s*=",), value))
    scheme = url_scheme(value, attribute)
    if scheme in SCRIPT_SCHEMES or (content and scheme):
        what, fix = SCHEMES[scheme]
        kind = "script-url" if scheme in SCRIPT_SCHEMES else "data-url"
        found.append(Finding(f"a {scheme} URL in {attribute}= {what}", fix, (kind, name, attribute),
                             (_literal(value), r"\s*".join(scheme[:-1]) + r"\s*:"), value))
    elif content and name in MEDIA_ELEMENTS and attribute in MEDIA_ATTRIBUTES:
        for url in _urls(value, attribute):
            if is_remote(url):
                found.append(Finding(f"<{name}> loads {url.strip()} from another site", COPY_FIX,
                                     ("remote", name, attribute), (_literal(url),), url))
    return found


def unsafe_content(html: str) -> list[Finding]:
    """What a page's content (the HTML that Markdown made) may not contain, in document order."""
    found: list[Finding] = []
    tokens = _DocumentTags()
    tokens.feed(html)
    tokens.close()
    for tag, _attributes in tokens.found:
        what, fix = FORBIDDEN_ELEMENTS[tag]
        found.append(Finding(f"raw HTML <{tag}> {what}", fix, ("element", tag, ""), (rf"<\s*{tag}\b",)))
    for element in _elements(html):
        name = element.tag.lower()
        if name in ("html", "head", "body"):
            continue  # the wrapper's, or folded into it: seen as tokens above
        if name == "script":
            src = element.get("src")
            if src is not None:
                found.append(Finding(f"raw HTML <script src=\"{src.strip()}\"> loads and runs a script file", SCRIPT_FIX,
                                     ("script-src", "script", "src"), (r"<\s*script\b",), src))
            else:
                kind = "inline-script" if is_executable(element) else "element"
                found.append(Finding("raw HTML <script> runs script", SCRIPT_FIX, (kind, "script", ""),
                                     (r"<\s*script\b",), element.text or ""))
        elif name in FORBIDDEN_ELEMENTS:
            what, fix = FORBIDDEN_ELEMENTS[name]
            found.append(Finding(f"raw HTML <{name}> {what}", fix, ("element", name, ""), (rf"<\s*{name}\b",)))
        for attribute, value in element.attrib.items():
            found += _attribute_findings(element, attribute, value, content=True)
    return found


def _excerpt(text: str, length: int = 48) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[: length - 1] + "…"


def script_not_ours(html: str) -> list[Finding]:
    """Every script in a finished page that is not a file of the site, in document order."""
    found: list[Finding] = []
    for element in _elements(html, fragment=False):
        name = element.tag.lower()
        if name == "script":
            src = element.get("src")
            if src is not None and is_remote(src):
                found.append(Finding(f"a <script src=\"{src.strip()}\"> loads script from another site",
                                     "remove it: the site runs only its own script files",
                                     ("script-src", "script", "src"), (_literal(src),), src))
            elif src is None and is_executable(element):
                text = element.text or ""
                found.append(Finding(f"an inline <script> ({_excerpt(text) or 'empty'}): the page's policy runs "
                                     "no inline script",
                                     "move its code into a file under overrides/assets/javascripts/ and load it "
                                     "with <script src>; data for scripts goes in <script type=\"application/json\">",
                                     ("inline-script", "script", ""),
                                     (r"<\s*script\b",) + ((_literal(text[:60]),) if text.strip() else ()), text))
        for attribute, value in element.attrib.items():
            found += _attribute_findings(element, attribute, value, content=False)
    return found
