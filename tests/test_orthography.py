"""Uzbek (Latin) pages are written in the official orthography."""

import copy
import re

import pytest

from siteinfo import LANGUAGES, PAGES

UZBEK = next(lang for lang in LANGUAGES if lang.code == "uz")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
# oʻ and gʻ take U+02BB; any other mark after o/g is a misspelling.
WRONG_OKINA = re.compile(r"[OoGg]['‘’`ʼ´]")
MODIFIER_AFTER_OTHER = re.compile(r"(?<![OoGg])ʻ")


def uzbek_text(built_site, page):
    # A copy: the parsed page is shared by all tests.
    content = copy.copy(built_site.content(built_site.page_path(UZBEK, page)))
    for quoted in content.find_all(lang=True):  # text marked as another language, e.g. <span lang="ru">
        if quoted.get("lang") != UZBEK.html_lang:
            quoted.decompose()
    return content.get_text(" ")


@pytest.mark.parametrize("page", PAGES)
def test_no_cyrillic_in_uzbek_latin(built_site, page):
    found = sorted(set(CYRILLIC.findall(uzbek_text(built_site, page))))
    assert not found, f"docs/uz/{page}: Cyrillic letters {''.join(found)}; mark quotations with lang"


@pytest.mark.parametrize("page", PAGES)
def test_okina_is_u02bb(built_site, page):
    text = uzbek_text(built_site, page)
    wrong = sorted(set(WRONG_OKINA.findall(text)))
    assert not wrong, f"docs/uz/{page}: {wrong} — write oʻ gʻ with U+02BB (ʻ)"
    assert not MODIFIER_AFTER_OTHER.search(text), f"docs/uz/{page}: ʻ after a letter other than o/g"
