"""Every page says where its content comes from: a "Source" line in every edition, from the
sources its front matter names (sitekit.page_sources); and an editor who forgets one, or names
one that does not exist, is told which file and line and what to write.

The rule's own cases run on fixtures; the built site is checked for the line itself, never
for today's wording of it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from siteinfo import EDITED, LANGUAGES, PAGES, cited_sources, language_page_params, source_lines
from sitekit import page_sources as ps
from sitekit.site import ROOT, load_site_config, load_strings_for

CHECK = ROOT / "scripts" / "check.py"
KNOWN_SOURCES = ps.registry(load_site_config().extra["sources"])


# ── The rule, on fixtures ─────────────────────────────────────────────────────

REGISTRY = {"news": {"file": "001.txt", "type": "NewsArticle", "name": "Xabar", "language": "uz-Cyrl"},
            "company-page": {"name": "Page", "publisher": "company"}, "this-site": {}}
WORDING = {"news": "a news report", "company-page": "the company's page", "this-site": "this site"}


@pytest.mark.parametrize(("extra", "fragment"), [
    (None, "extra.sources is missing or empty"),
    ({}, "extra.sources is missing or empty"),
    ({"Bad Name": {}}, "is not a name"),
    ({"news": {"url": "https://example.org/"}}, "extra.sources.news: unknown key url"),
    ({"news": {"publisher": "someone"}}, "the only publisher the site describes is `company`"),
    ({"news": {"name": 5}}, "a value is empty or not text"),
    ({"news": ["name"]}, "not a list of `key: value` lines"),
])
def test_registry_rejects_what_it_cannot_use(extra, fragment):
    with pytest.raises(ps.SourcesError, match=re.escape(fragment)) as error:
        ps.registry(extra)
    assert str(error.value).startswith("mkdocs.yml: extra.sources") and " — " in str(error.value)


def test_registry_reads_every_key():
    sources = ps.registry(REGISTRY)
    assert sources["news"] == ps.Source("news", file="001.txt", type="NewsArticle", name="Xabar", language="uz-Cyrl")
    assert sources["this-site"].is_a_text is False and sources["news"].is_a_text


@pytest.mark.parametrize(("strings", "fragment"), [
    ({}, "no `sources:`"),
    ({"sources": {"news": "a news report", "company-page": "x"}}, "no wording for source this-site"),
    ({"sources": {**WORDING, "this-site": "  "}}, "no wording for source this-site"),
    ({"sources": {**WORDING, "old": "gone"}}, "`sources:` has old, which mkdocs.yml's extra.sources does not list"),
])
def test_every_source_needs_its_wording_in_each_language(strings, fragment):
    with pytest.raises(ps.SourcesError, match=re.escape(fragment)) as error:
        ps.wordings(strings, ps.registry(REGISTRY), "i18n/xx.yml")
    assert str(error.value).startswith("i18n/xx.yml: ")


FRONT = "---\ndescription: >-\n  About.\n{}---\n\n# Page {{#page}}\n"


@pytest.mark.parametrize(("meta", "front", "expected"), [
    ({}, "", ["docs/en/page.md:1: no `source:` in the front matter — add a line `source: <name>`"]),
    ({"source": "nope"}, "source: nope\n", ["docs/en/page.md:4: unknown source `nope` — use one of `news`, "
                                             "`company-page`, `this-site`"]),
    ({"source": "news, nope"}, "source: news, nope\n", ["docs/en/page.md:4: unknown source `nope`"]),
    ({"source": "news, news"}, "source: news, news\n", ["docs/en/page.md:4: source `news` is named twice"]),
    ({"source": ""}, "source:\n", ["docs/en/page.md:4: `source:` is not a name or a list of names"]),
    ({"source": ["news"]}, "source:\n  - news\n", ["docs/en/page.md:4: `source:` is not a name or a list"]),
    ({"source": "news,"}, "source: news,\n", ["docs/en/page.md:4: `source:` is not a name or a list"]),
])
def test_page_without_a_known_source_is_told_what_to_write(meta, front, expected):
    found = ps.page_sources(meta, ps.registry(REGISTRY), WORDING, "docs/en/page.md", FRONT.format(front))
    assert found.citations == []
    lines = [str(problem) for problem in found.problems]
    assert len(lines) == len(expected)
    for line, start in zip(lines, expected):
        assert line.startswith(start), line


def test_page_with_sources_gets_their_wording_in_order():
    found = ps.page_sources({"source": " company-page ,news "}, ps.registry(REGISTRY), WORDING, "docs/en/p.md")
    assert found.problems == []
    assert [(c.source.key, c.wording) for c in found.citations] == [
        ("company-page", "the company's page"), ("news", "a news report")]


# ── The editor's path: make check names the file and line ────────────────────


# This module's tests share one build (the fixture below): keep them on one xdist worker.
pytestmark = pytest.mark.xdist_group("test_page_sources")


@pytest.fixture(scope="module")
def checked_copy(tmp_path_factory):
    root = tmp_path_factory.mktemp("project")
    for name in ("docs", "i18n", "overrides"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    ru = root / "docs/ru/directions.md"
    ru.write_text(re.sub(r"^source:.*\n", "", ru.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
    uz = root / "docs/uz/directions.md"
    uz.write_text(re.sub(r"^source:.*$", "source: agmk", uz.read_text(encoding="utf-8"), flags=re.M),
                  encoding="utf-8")
    done = subprocess.run([sys.executable, str(CHECK), "--config", str(root / "mkdocs.yml")],
                          capture_output=True, text=True, cwd=root)
    return root, done


def test_check_reports_a_missing_and_an_unknown_source(checked_copy):
    root, done = checked_copy
    assert done.returncode == 1 and "Traceback" not in done.stdout + done.stderr
    lines = done.stdout.splitlines()
    uz_line = (root / "docs/uz/directions.md").read_text(encoding="utf-8").split("\n").index("source: agmk") + 1
    assert any(line.startswith("docs/ru/directions.md:1: no `source:` in the front matter — ") for line in lines), lines
    unknown = [line for line in lines if line.startswith(f"docs/uz/directions.md:{uz_line}: unknown source `agmk` — ")]
    # The Cyrillic edition's page is made from the same file: reported once, as that file.
    assert len(unknown) == 1, lines
    assert not any("uz-cyrl" in line for line in lines), lines


# ── The built site: a source line on every page of every edition ──────────────


@pytest.mark.parametrize(("lang", "page"), language_page_params())
def test_every_page_has_one_source_line_in_its_language(built_site, lang, page):
    lines = source_lines(built_site, lang, page)
    assert len(lines) == 1, f"{lang.prefix}{page}: {len(lines)} source lines (one expected)"
    theme = load_strings_for(lang.code)["theme"]
    text = " ".join(lines[0].get_text(" ").split())
    cited = cited_sources(built_site, lang, page)
    label = theme["site.source"] if len(cited) == 1 else theme["site.sources"]
    assert cited, f"{lang.prefix}{page}: the source line names no source: {text!r}"
    assert text.startswith(label + ":"), f"{lang.prefix}{page}: {text!r} does not start with «{label}:»"


@pytest.mark.parametrize(("lang", "page"), language_page_params())
def test_source_line_invents_no_link(built_site, lang, page):
    (line,) = source_lines(built_site, lang, page)
    assert line.find("a") is None, "the sources' links were not preserved: the line links nothing"
    assert not re.search(r"https?://|www\.", line.get_text()), line.get_text()


@pytest.mark.parametrize("page", PAGES)
def test_a_page_cites_the_same_sources_in_every_language(built_site, page):
    cited = {lang.code: cited_sources(built_site, lang, page) for lang in LANGUAGES}
    assert len({tuple(keys) for keys in cited.values()}) == 1, f"{page}: {cited}"


def test_every_source_file_named_exists_in_the_shared_sources():
    from siteinfo import source_text

    for source in KNOWN_SOURCES.values():
        if source.file:
            text = source_text(source.file)  # skips where ../shared is absent
            assert source.name in text, f"extra.sources.{source.key}: «{source.name}» is not the title in {source.file}"


def test_every_language_words_every_source():
    for lang in EDITED:
        ps.wordings(load_strings_for(lang.code), KNOWN_SOURCES, f"i18n/{lang.code}.yml")  # raises if one is missing
