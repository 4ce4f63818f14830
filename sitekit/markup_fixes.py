"""Corrections to markup that Material's base.html writes outside any template block, so no
block override can reach it. Each fix names the exact snippet it expects: if a Material
release changes it, the build fails here instead of silently shipping invalid HTML."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Fix:
    find: str
    replace: str
    why: str


FIXES = (
    Fix(
        find='type="checkbox" id="__drawer" autocomplete="off">',
        replace='type="checkbox" id="__drawer">',
        why="autocomplete is not allowed on checkboxes (Nu HTML Checker); site.js resets the toggle on back/forward",
    ),
    Fix(
        find='type="checkbox" id="__search" autocomplete="off">',
        replace='type="checkbox" id="__search">',
        why="autocomplete is not allowed on checkboxes (Nu HTML Checker); site.js resets the toggle on back/forward",
    ),
)


class MarkupChanged(Exception):
    """Material's markup no longer has a snippet a fix expects."""


def apply_fixes(html: str, where: str) -> str:
    for fix in FIXES:
        if fix.find not in html:
            raise MarkupChanged(
                f"{where}: Material's markup changed, '{fix.find}' not found — review "
                f"sitekit/markup_fixes.py ({fix.why})"
            )
        html = html.replace(fix.find, fix.replace, 1)
    return html


# Material's base.html writes <meta name="description" content="{{ page.meta.description }}">
# without escaping (MkDocs' Jinja has no autoescape): a quotation mark in a description would end
# the attribute and the rest would spill into the tag. Markup prints as its escaped text there,
# and Jinja's own escape filter (the site's partials) leaves it as it is: escaped once.
ESCAPED_FRONT_MATTER = ("description",)


def escape_front_matter(meta: dict) -> None:
    """Escape, in place, the front-matter values the theme prints into attributes."""
    from markupsafe import Markup, escape

    for key in ESCAPED_FRONT_MATTER:
        value = meta.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            meta[key] = escape(value)
