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
