"""The site under test, as mkdocs.yml and docs/ define it: shared by all test modules."""

import pytest

from sitekit import site

LANGUAGES = site.languages()
DOCS = site.docs_dir()
DEFAULT = next(lang for lang in LANGUAGES if lang.default)
# Every page of the default language; the parity tests make sure the others have the same.
PAGES = sorted(site.source_pages(DEFAULT, DOCS))
BY_CODE = {lang.code: lang for lang in LANGUAGES}


def language_page_params():
    return [pytest.param(lang, page, id=f"{lang.code}:{page}") for lang in LANGUAGES for page in PAGES]
