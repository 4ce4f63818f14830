"""Content-Security-Policy for static pages, carried in a <meta> tag because GitHub Pages
cannot send response headers.

One policy for every page, whatever the page contains: scripts run only from the site's own
files ('self'); no inline script runs at all, not even the site's own (the colour-scheme
script is a file, assets/javascripts/palette.js: measured in BENCHMARKS.md, "first-paint").
The policy is never computed from a page, so nothing a page contains can widen it; the
publishing build refuses pages that contain script anyway (sitekit/page_safety.py).

A meta tag cannot carry frame-ancestors (nor report-uri/report-to or sandbox): the CSP spec
ignores them there, so framing by other sites cannot be forbidden from a static GitHub Pages site.
"""

from __future__ import annotations

import re

POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],  # the site's own files; no inline script, no other host
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


def policy() -> str:
    """The policy of every page, as the meta tag's content."""
    return "; ".join(" ".join([name, *sources]) for name, sources in POLICY.items())


def with_policy(html: str) -> str:
    """The page with the policy as the first element of <head>, ahead of every script."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy()}">'
    match = _HEAD.search(html)
    if match is None:
        raise ValueError("page without <head>")
    return html[: match.end()] + tag + html[match.end():]
