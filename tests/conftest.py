"""One strict build per test session into a temporary folder, parsed once, shared by all tests."""

from urllib.parse import urlsplit

import pytest

from sitekit import site
from sitekit.build import build
from sitekit.built_site import BuiltSite

LANGUAGES = site.languages()
DOCS = site.docs_dir()
DEFAULT = next(lang for lang in LANGUAGES if lang.default)
# Every page of the default language; the parity tests make sure the others have the same.
PAGES = sorted(site.source_pages(DEFAULT, DOCS))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuiltSite:
    out = tmp_path_factory.mktemp("site")
    result = build(out)
    if not result.ok:
        shown = result.problems or result.output.splitlines()[-20:]
        pytest.fail("mkdocs build --strict failed:\n" + "\n".join(shown), pytrace=False)
    return BuiltSite(out, LANGUAGES, base_path=urlsplit(site.load_site_config().site_url).path)


def language_page_params():
    return [pytest.param(lang, page, id=f"{lang.code}:{page}") for lang in LANGUAGES for page in PAGES]
