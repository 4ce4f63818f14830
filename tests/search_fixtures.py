"""Small search indexes of invented pages, one per edition, for testing search's rules (folding,
both scripts, keyboard layouts, ranking, snippets) without depending on today's page wording.

The browser tests serve these in place of the built site's index (tests/browser/
test_search_rules.py); the index tests read them directly (tests/test_search_index.py). Pages
are HTML as MkDocs renders Markdown, read by the same code as the real pages.
"""

from __future__ import annotations

from sitekit.search_index import IndexedPage, index_files, read_page

# Filler that gives the ranking tests a word on many pages ("gamma"), so that another word of
# the query is the rarer one.
_FILLER = "<p>Gamma notes about ordinary things and other matters of the day.</p>"


def _page(url: str, html: str, description: str = "") -> IndexedPage:
    return read_page(html, url, "Untitled", description)


FIXTURE_PAGES: dict[str, list[IndexedPage]] = {
    "en": [
        # Ranking: the page titled with a word beats a page that repeats it in the text.
        _page("en/zorbex/", "<h1>Zorbex</h1><p>An overview.</p>"),
        _page("en/mentions/", "<h1>Field notes</h1><p>zorbex zorbex zorbex zorbex zorbex and more zorbex.</p>"),
        # The description (what a page is about) beats the text.
        _page("en/about-quillon/", "<h1>Workshop</h1><p>Opening hours.</p>", "The quillon workshop and its tools."),
        _page("en/quillon-text/", "<h1>Diary</h1><p>A quillon here, a quillon there, quillon again.</p>"),
        # A section heading beats the text.
        _page("en/heading/", "<h1>Guide</h1><p>Start.</p><h2 id=\"vantor\">Vantor</h2><p>Details.</p>"),
        _page("en/vantor-text/", "<h1>Log</h1><p>vantor vantor in passing.</p>"),
        # The rarer word of a query weighs more: both pages have both words.
        _page("en/rare-more/", "<h1>One</h1><p>gamma delta delta delta</p>"),
        _page("en/common-more/", "<h1>Two</h1><p>gamma gamma gamma delta</p>"),
        *(_page(f"en/filler-{n}/", f"<h1>Filler {n}</h1>{_FILLER}") for n in range(6)),
        # Wrong keyboard layout: "сщззук" is "copper" typed on ЙЦУКЕН.
        _page("en/copper/", "<h1>Copper cathodes</h1><p>Copper output grows.</p>"),
        # Snippets: list items stay apart.
        _page("en/list/", "<h1>Document</h1><h2 id=\"facts\">Facts</h2>"
                          "<ul><li><strong>Type:</strong> resolution</li><li><strong>Date:</strong> 24 June</li></ul>"),
    ],
    "ru": [
        _page("ru/copper/", "<h1>Медь</h1><p>Производство меди и медной продукции.</p>"),
        _page("ru/other/", "<h1>Прочее</h1><p>Ёлка и ёж у дороги.</p>"),
    ],
    "uz": [
        _page("uz/mis/", "<h1>Mis zavodi</h1><p>Olmaliqda mis ishlab chiqariladi.</p>"),
        _page("uz/qaror/", "<h1>Qaror</h1><p>Oʻzbekiston Respublikasi Prezidentining qarori.</p>"),
        _page("uz/list/", "<h1>Hujjat</h1><h2 id=\"hujjat\">Hujjat</h2>"
                          "<ul><li>Prezident qarori</li><li>Sanasi: 2021-yil 24-iyun</li></ul>"),
    ],
    "uz-cyrl": [
        # ў қ ғ ҳ typed without their marks (a Russian keyboard).
        _page("uz-cyrl/folding/", "<h1>Ўзбекистон</h1><p>Ҳукумат қарори ва ғалла ҳақида.</p>"),
        _page("uz-cyrl/mis/", "<h1>Мис заводи</h1><p>Олмалиқда мис ишлаб чиқарилади.</p>"),
        _page("uz-cyrl/other/", "<h1>Бошқа</h1><p>Умумий маълумот.</p>"),
    ],
}

# Query -> the page that must come first, on the fixture index of each edition.
FIXTURE_RANKING: list[tuple[str, str, str]] = [
    ("en", "zorbex", "en/zorbex/"),
    ("en", "quillon", "en/about-quillon/"),
    ("en", "vantor", "en/heading/"),
    ("en", "gamma delta", "en/rare-more/"),
    ("en", "zorbe", "en/zorbex/"),  # a prefix finds the word it begins
]


def fixture_files(locale: str, split: bool = True) -> dict[str, str]:
    """The fixture index of an edition: split into chunks and page files (as a large site's),
    or inline (as a small site's)."""
    if split:
        return index_files(locale, FIXTURE_PAGES[locale], chunk_bytes=200, inline_limit=0)
    return index_files(locale, FIXTURE_PAGES[locale], inline_limit=10**9)
