"""Moving a page to a new name in every language: the links that lead to it, and the links
inside it when it changes folder, are rewritten in the Markdown sources as text (only the
link destination changes; the rest of each file stays byte for byte).

Links are found where Markdown has them: inline ``[text](dest)`` and ``![alt](dest)``,
reference definitions ``[label]: dest``, and ``href="dest"`` / ``src="dest"`` in raw HTML;
never inside code blocks or code spans.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

FENCE_RE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
CODE_SPAN_RE = re.compile(r"(`+)(?:[^`]|(?!\1)`)+?\1")
DESTINATION_RES = (
    re.compile(r"\]\([ \t]*<([^<>\n]*)>"),  # [text](<dest with spaces>)
    re.compile(r"\]\([ \t]*([^\s()<>]+)"),  # [text](dest "title")
    re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)", re.M),  # [label]: dest
    re.compile(r"""\b(?:href|src)[ \t]*=[ \t]*["']([^"'\n]+)["']""", re.I),  # raw HTML
)


def code_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of fenced code blocks and code spans, where nothing is a link."""
    spans = []
    offset = 0
    fence = None
    fence_start = 0
    for line in text.splitlines(keepends=True):
        if fence is None:
            match = FENCE_RE.match(line)
            if match:
                fence, fence_start = match.group(1), offset
        elif line.strip().startswith(fence[0] * len(fence)) and not line.strip().strip(fence[0]):
            spans.append((fence_start, offset + len(line)))
            fence = None
        offset += len(line)
    if fence is not None:
        spans.append((fence_start, len(text)))
    for match in CODE_SPAN_RE.finditer(text):
        if not any(start <= match.start() < end for start, end in spans):
            spans.append((match.start(), match.end()))
    return spans


@dataclass(frozen=True)
class Destination:
    start: int
    end: int
    value: str


def destinations(text: str) -> list[Destination]:
    """Every link destination of a Markdown page outside code, in order."""
    code = code_spans(text)
    found: dict[int, Destination] = {}
    for pattern in DESTINATION_RES:
        for match in pattern.finditer(text):
            start = match.start(1)
            if start in found or any(a <= start < b for a, b in code):
                continue
            found[start] = Destination(start, match.end(1), match.group(1))
    return [found[start] for start in sorted(found)]


def _relative(target: str, from_page: str) -> str:
    """The relative path from docs-relative page ``from_page`` to docs-relative ``target``."""
    return posixpath.relpath(target, posixpath.dirname(from_page) or ".")


def rewrite_links(text: str, page: str, new_page: str, moves: dict[str, str]) -> tuple[str, list[tuple[str, str]]]:
    """The text of docs-relative ``page`` (to be stored at ``new_page``) with each relative
    link that led to a moved file (``moves``: docs-relative old -> new) leading to its new
    place, and, if the page itself changes folder, its other relative links still leading
    where they did. Returns the text and the (old, new) destinations changed."""
    changed = []
    pieces = []
    last = 0
    for destination in destinations(text):
        parts = urlsplit(destination.value)
        if parts.scheme or parts.netloc or destination.value.startswith(("/", "#")) or not parts.path:
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
        if target.startswith("../"):
            continue
        new_target = moves.get(target, target)
        if new_target == target and posixpath.dirname(page) == posixpath.dirname(new_page):
            continue
        path = _relative(new_target, new_page)
        if path == parts.path or path == unquote(parts.path):
            continue
        quoted = quote(path, safe="/-._~") if "%" in parts.path or " " in path else path
        value = quoted + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
        pieces.append(text[last:destination.start])
        pieces.append(value)
        last = destination.end
        changed.append((destination.value, value))
    pieces.append(text[last:])
    return "".join(pieces), changed
