"""The site's own stylesheet and scripts are published without comments and indentation
(sitekit/minify.py). That the minified scripts still work is what the browser tests run on
(menu, palette, search, Listen)."""

import re

import pytest

from sitekit.minify import OWN_ASSETS
from sitekit.site import ROOT

SOURCE_FILES = {published: ROOT / "overrides" / published for published in OWN_ASSETS}


@pytest.mark.parametrize("published", sorted(OWN_ASSETS))
def test_own_asset_is_published_minified(built_site, published):
    source = SOURCE_FILES[published].read_text(encoding="utf-8")
    shipped = (built_site.root / published).read_text(encoding="utf-8")
    assert "/*" in source, f"{published}: the source has comments (the test needs one to be meaningful)"
    assert "/*" not in shipped.replace('"/*"', ""), f"{published}: a comment was published"
    assert not re.search(r"\n[ \t]+", shipped), f"{published}: indentation was published"
    assert len(shipped) < 0.8 * len(source), f"{published}: {len(shipped)} of {len(source)} bytes"

