"""Content-Security-Policy for static pages: computed per page after the build, carried in a
<meta> tag because GitHub Pages cannot send response headers.

Only 'self' and the exact inline scripts of each page (by sha256) may run. A meta tag cannot
carry frame-ancestors (nor report-uri/report-to or sandbox): the CSP spec ignores them there,
so framing by other sites cannot be forbidden from a static GitHub Pages site.
"""

from __future__ import annotations

import base64
import hashlib
import re

import lxml.html

# Script types a browser executes; data blocks (application/json, application/ld+json) are not.
EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}

POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],  # plus each inline script's hash
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],  # Material's icons are data: URIs in its CSS
    "font-src": ["'self'"],
    "media-src": ["'self'"],  # the Listen recordings
    "connect-src": ["'self'"],  # the search index
    "object-src": ["'none'"],
    "frame-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'none'"],  # the only form (search) never submits: search.js answers it
    "upgrade-insecure-requests": [],
}

_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)  # where to insert, not how to read the page


def inline_script_hashes(html: str) -> list[str]:
    """sha256 sources for every executable inline script, in document order, deduplicated."""
    hashes = []
    for script in lxml.html.document_fromstring(html).iter("script"):
        if script.get("src") is not None:
            continue
        if (script.get("type") or "").strip().lower() not in EXECUTABLE_TYPES:
            continue
        digest = hashlib.sha256((script.text or "").encode("utf-8")).digest()
        source = "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy_for(html: str) -> str:
    directives = []
    for name, sources in POLICY.items():
        if name == "script-src":
            sources = sources + inline_script_hashes(html)
        directives.append(" ".join([name, *sources]))
    return "; ".join(directives)


def with_policy(html: str) -> str:
    """The page with its policy as the first element of <head>, ahead of every script."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
    match = _HEAD.search(html)
    if match is None:
        raise ValueError("page without <head>")
    return html[: match.end()] + tag + html[match.end():]
