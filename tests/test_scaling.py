"""Page size does not grow with the site: on a synthetic site of 300 pages per language (a
news archive in sections by year and month), no page's HTML exceeds 30 KB. The root 404.html,
which GitHub Pages serves for every missing path, carries every edition's not-found page (the
script shows the one the path asks for), so its budget is 30 KB per edition.

Build time is not tested (seconds are measured in `make bench`, see BENCHMARKS.md)."""

import pytest

from siteinfo import LANGUAGES
from sitekit.build import build
from sitekit.synthetic import make_synthetic_site

PAGES_PER_LANGUAGE = 300
MAX_PAGE_HTML = 30 * 1024


# This module's tests share one build (the fixture below): keep them on one xdist worker.
pytestmark = pytest.mark.xdist_group("test_scaling")


@pytest.fixture(scope="module")
def large_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("large")
    config_file = make_synthetic_site(work / "src", PAGES_PER_LANGUAGE)
    # No recordings: 1200 synthetic pages would take minutes; speech is measured in bench_speech.py.
    result = build(work / "site", config_file=config_file, env={"SITE_SPEECH": "off"})
    if not result.ok:
        pytest.fail("synthetic build failed:\n" + "\n".join(result.problems[:20]), pytrace=False)
    return work / "site"


def test_every_page_of_a_large_site_stays_small(large_site):
    pages = {p: p.stat().st_size for p in large_site.rglob("*.html")}
    assert len(pages) > 3 * PAGES_PER_LANGUAGE, "the synthetic site was not fully built"
    not_found = pages.pop(large_site / "404.html")
    assert not_found <= MAX_PAGE_HTML * len(LANGUAGES), (
        f"404.html: {not_found} bytes for {len(LANGUAGES)} editions (budget {MAX_PAGE_HTML} each)")
    largest = sorted(pages.items(), key=lambda item: -item[1])[:3]
    assert largest[0][1] <= MAX_PAGE_HTML, "largest pages: " + ", ".join(
        f"{path.relative_to(large_site)} ({size} bytes)" for path, size in largest
    )


# What a visitor's first search can fetch on a large site (bytes, never seconds): the index's
# meta.json, the chunks of terms its words' prefixes fall in, and the files of the pages shown.
FIRST_SEARCH_BYTES = 48 * 1024
SHOWN_PAGES = 10


def _gzipped(path) -> int:
    import gzip

    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def test_a_first_search_on_a_large_site_fetches_a_bounded_part_of_the_index(large_site):
    import json

    from siteinfo import LANGUAGES, SEARCH_WORD
    from sitekit import search_text
    from sitekit.search_index import INDEX_FOLDER, META_FILE

    problems = []
    for lang in LANGUAGES:
        folder = large_site / INDEX_FOLDER / lang.code
        meta = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
        assert "inline" not in meta, f"{lang.code}: a large index should be split"
        chunks = [_gzipped(folder / "terms" / f"{n}.json") for n in range(len(meta["chunks"]))]
        pages = sorted((_gzipped(p) for p in (folder / "pages").glob("*.json")), reverse=True)
        assert len(pages) == meta["pages"] > 3 * 100
        prefix = search_text.key(SEARCH_WORD[lang.code])
        wanted = [size for (first, last), size in zip(meta["chunks"], chunks) if last >= prefix and first < prefix + "\uffff"]
        worst = _gzipped(folder / META_FILE) + sum(wanted) + sum(pages[:SHOWN_PAGES])
        if worst > FIRST_SEARCH_BYTES:
            problems.append(f"{lang.code}: a search for '{prefix}' can fetch {worst} bytes "
                            f"(meta, {len(wanted)} chunks {wanted}, {SHOWN_PAGES} pages)")
    assert not problems, "\n".join(problems)
