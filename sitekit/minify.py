"""The site's own stylesheet and scripts (overrides/assets/) published without comments and
indentation: their comments are for maintainers, and on a slow phone network every first view
pays for them (site.css and site.js: about 4.8 KB of 11 KB gzipped). rcssmin and rjsmin only
drop comments and whitespace; nothing is renamed or reordered, so what runs is what we wrote."""

from __future__ import annotations

import rcssmin
import rjsmin

# Published path → minifier. Material's own assets are minified already.
OWN_ASSETS = {
    "assets/stylesheets/site.css": rcssmin.cssmin,
    "assets/javascripts/site.js": rjsmin.jsmin,
    "assets/javascripts/search.js": rjsmin.jsmin,
    "assets/javascripts/palette.js": rjsmin.jsmin,
}


def minified(src_uri: str, text: str) -> str | None:
    """The published text of one of the site's own assets, or None for any other file."""
    minify = OWN_ASSETS.get(src_uri)
    return minify(text).strip() + "\n" if minify else None
