"""One strict build per test session into a temporary folder, parsed once, shared by all tests."""

import os
from urllib.parse import urlsplit

import pytest

from siteinfo import LANGUAGES, build_env
from sitekit import site
from sitekit.build import build
from sitekit.built_site import BuiltSite


def pytest_configure(config):
    # Every build in the session (the real site's and each fixture site's) reads and fills the
    # project's caches (recordings, share cards, picture variants), so a text is synthesised
    # and a card drawn once, not once per fixture folder (sitekit.site.build_cache).
    os.environ.setdefault("SITE_CACHE", str(site.ROOT / ".cache"))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuiltSite:
    out = tmp_path_factory.mktemp("site")
    result = build(out, env=build_env())  # recordings from the shared cache (.cache/speech)
    if not result.ok:
        shown = result.problems or result.output.splitlines()[-20:]
        pytest.fail("mkdocs build --strict failed:\n" + "\n".join(shown), pytrace=False)
    return BuiltSite(out, LANGUAGES, base_path=urlsplit(site.load_site_config().site_url).path)


@pytest.fixture(scope="session")
def photo_site(tmp_path_factory):
    """A fixture site of its own with a generated 3000×2000, 5 MB photograph shown the
    documented way (tests/loop_site.py), built: (sources, built site)."""
    from loop_site import build_photo_site, photo

    return build_photo_site(tmp_path_factory.mktemp("photo-site"), photo())
