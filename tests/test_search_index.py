"""The search index: one file per language, holding that language's pages and nothing else."""

import json

import pytest

from siteinfo import LANGUAGES
from sitekit.search_index import index_json, index_path, page_entries


def load_index(built_site, lang) -> dict:
    return json.loads((built_site.root / index_path(lang.code)).read_text(encoding="utf-8"))


def entry_file(location: str) -> str:
    """The built file an entry's location points to (directory URLs: "ru/joining/" -> .../index.html)."""
    page = location.split("#", 1)[0]
    return page + "index.html" if page == "" or page.endswith("/") else page


def test_one_index_per_language(built_site):
    written = sorted(p.name for p in (built_site.root / "search").iterdir())
    assert written == sorted(f"{lang.code}.json" for lang in LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_index_holds_every_page_of_its_language_and_nothing_else(built_site, lang):
    index = load_index(built_site, lang)
    assert index["locale"] == lang.code
    problems = []
    indexed_pages = set()
    for entry in index["entries"]:
        assert set(entry) == {"location", "title", "text"}
        path = entry_file(entry["location"])
        if not (built_site.root / path).is_file():
            problems.append(f"{entry['location']}: no page {path}")
            continue
        if built_site.language_of(path) != lang:
            problems.append(f"{entry['location']}: a page in {built_site.language_of(path).code}")
            continue
        indexed_pages.add(built_site.without_prefix(path))
        _, _, anchor = entry["location"].partition("#")
        if anchor and anchor not in built_site.ids(path):
            problems.append(f"{entry['location']}: no #{anchor} in {path}")
    assert not problems, "\n".join(problems)
    assert indexed_pages == built_site.pages_of(lang)


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_sections_are_titled_by_their_headings(built_site, lang):
    for entry in load_index(built_site, lang)["entries"]:
        path = entry_file(entry["location"])
        _, _, anchor = entry["location"].partition("#")
        heading = built_site.soup(path).find(id=anchor) if anchor else built_site.content(path).find("h1")
        assert " ".join(heading.get_text(" ").split()) == entry["title"], entry["location"]


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_index_is_compact(built_site, lang):
    raw = (built_site.root / index_path(lang.code)).read_text(encoding="utf-8")
    index = json.loads(raw)
    assert raw == json.dumps(index, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    assert "\\u" not in raw, "letters are written as UTF-8, not escaped"


SAMPLE_PAGE = """
<h1 id="top">Page <em>title</em></h1>
<p>Intro   text,<br>on two lines.</p>
<script>var ignored = 1;</script>
<h2 id="first">First <code>section</code></h2>
<table><tr><td>cell</td><td>next</td></tr></table>
<div class="admonition"><h2>Nested, no id</h2><p>Inside <strong>bold</strong>, after.</p></div>
"""


def test_page_entries_split_a_page_at_its_h2_headings():
    entries = page_entries(SAMPLE_PAGE, "en/sample/", "Fallback")
    assert [(e.location, e.title, e.text) for e in entries] == [
        ("en/sample/", "Page title", "Intro text, on two lines."),
        ("en/sample/#first", "First section", "cell next"),
        ("en/sample/", "Nested, no id", "Inside bold, after."),
    ]


def test_page_without_h1_takes_the_given_title():
    assert page_entries("<p>Text</p>", "x/", "Fallback")[0].title == "Fallback"


def test_index_json_is_deterministic():
    first = page_entries(SAMPLE_PAGE, "en/b/", "B")
    second = page_entries("<h1>A</h1><p>a</p>", "en/a/", "A")
    assert index_json("en", first + second) == index_json("en", second + first)
    assert index_json("en", second + first).startswith('{"entries":[{"location":"en/a/"')
