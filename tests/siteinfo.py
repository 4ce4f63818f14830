"""The site under test, as mkdocs.yml and docs/ define it: shared by all test modules."""

import os

import pytest

from sitekit import site
from sitekit.speech.engine import missing_message, missing_tools

LANGUAGES = site.languages()  # every built language, generated editions included
EDITED = site.edited_languages()  # the languages of docs/ (editors write these)
EDITIONS = [lang for lang in LANGUAGES if lang.generated_from]
DOCS = site.docs_dir()
DEFAULT = next(lang for lang in LANGUAGES if lang.default)
# Every page of the default language; the parity tests make sure the others have the same.
PAGES = sorted(site.source_pages(DEFAULT, DOCS))
BY_CODE = {lang.code: lang for lang in LANGUAGES}
# A word per language that appears on many pages: search finds it everywhere.
SEARCH_WORD = {"uz": "klaster", "uz-cyrl": "кластер", "ru": "кластер", "en": "cluster"}


def language_page_params():
    return [pytest.param(lang, page, id=f"{lang.code}:{page}") for lang in LANGUAGES for page in PAGES]


def source_text(name: str) -> str:
    """A file of the shared sources (../shared/sources/ beside the repository).

    Present locally and in .ci/run, where SITE_REQUIRE_SOURCES=1 makes its absence an error;
    elsewhere (a GitHub runner has no ../shared) the tests that read it skip and say why.
    """
    path = site.SOURCES / name
    if not path.is_file():
        reason = f"{path} not found: check out the shared sources folder beside the repository"
        if os.environ.get("SITE_REQUIRE_SOURCES") == "1":
            pytest.fail(reason + " (SITE_REQUIRE_SOURCES=1 makes this an error)", pytrace=False)
        pytest.skip(reason)
    return path.read_text(encoding="utf-8")


def source_lines(built_site, lang, page):
    """A built page's "Source" lines (one expected)."""
    return built_site.content(built_site.page_path(lang, page)).select(".site-source")


def cited_sources(built_site, lang, page) -> list[str]:
    """The sources (names of mkdocs.yml's extra.sources) a built page's source line cites,
    recognised by their wording in the page's language, in the order it cites them."""
    from sitekit.page_sources import registry, wordings

    (line,) = source_lines(built_site, lang, page)
    text = " ".join(line.get_text(" ").split())
    sources = registry(site.load_site_config().extra["sources"])
    wording = wordings(site.load_strings_for(lang.code), sources, f"i18n/{lang.code}.yml")
    return [key for _, key in sorted((text.index(words), key) for key, words in wording.items() if words in text)]


# Listen: recordings need eSpeak NG and opusenc. Without them the tests' builds leave Listen off
# (SITE_SPEECH=off) and the tests of recordings skip, saying how to install them, unless
# SITE_REQUIRE_SPEECH=1 (set by .ci/run and the workflows) makes that a failure.
SPEECH_MISSING = missing_tools()


# The repository the tests' builds say they come from (GitHub Actions says it in GITHUB_*):
# security.txt points there. An example address, like the site's own placeholder site_url.
TEST_REPOSITORY = "https://github.com/example/copper-cluster"


def build_env() -> dict:
    """The environment of the tests' builds of the real site."""
    return {"SITE_REPOSITORY_URL": TEST_REPOSITORY, "SITE_SPEECH": "off" if SPEECH_MISSING else "on"}


def require_speech():
    if not SPEECH_MISSING:
        return
    reason = missing_message(SPEECH_MISSING)
    if os.environ.get("SITE_REQUIRE_SPEECH") == "1":
        pytest.fail(reason + " (SITE_REQUIRE_SPEECH=1 makes this an error)", pytrace=False)
    pytest.skip(reason)


# What the templates add inside a page's article around its content (the Listen player, the
# source line, the last-updated date): not part of what Listen reads.
ARTICLE_INTERFACE = ".site-listen, .site-source, .site-updated"
