"""Every page exists in every language, in the sources and in the built site."""

import pytest

from siteinfo import DOCS, EDITED, LANGUAGES, language_page_params
from sitekit import site


def test_every_language_has_the_same_source_pages():
    pages = {lang: site.source_pages(lang, DOCS) for lang in EDITED}
    every = set().union(*pages.values())
    problems = []
    for lang in EDITED:
        for page in sorted(every - pages[lang]):
            have = [f"docs/{other.code}/{page}" for other in EDITED if page in pages[other]]
            problems.append(f"docs/{lang.code}/{page} is missing (it exists as {', '.join(have)})")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_built_pages_are_the_source_pages(built_site, lang):
    expected = {site.built_path(page) for page in site.source_pages(lang, DOCS)}
    built = built_site.pages_of(lang)
    missing = sorted(expected - built)
    extra = sorted(built - expected)
    assert not missing, f"not built: {', '.join(lang.prefix + p for p in missing)}"
    assert not extra, f"built without a source page in docs/{lang.code}/: " + ", ".join(
        lang.prefix + p for p in extra
    )


@pytest.mark.parametrize(("lang", "page"), language_page_params())
def test_html_lang_is_the_page_language(built_site, lang, page):
    path = built_site.page_path(lang, page)
    assert built_site.soup(path).html.get("lang") == lang.html_lang, path


def test_there_are_pages():
    # A guard for the parametrized tests above: an empty docs/ would make them vacuous.
    assert len(site.source_pages(EDITED[0], DOCS)) >= 6
    assert [lang.code for lang in EDITED] == ["uz", "ru", "en"], "docs/ stays three-language"
