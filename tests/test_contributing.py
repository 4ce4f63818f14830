"""CONTRIBUTING.md: the terms table is the one in ../shared/sources/, and its Uzbek section
is written in the orthography it teaches."""

import re

from siteinfo import BY_CODE, source_text
from sitekit.check import language
from sitekit.check.project import Source
from sitekit.site import ROOT

CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def table_rows(text: str, header: str) -> list[str]:
    start = text.index(header)
    rows = []
    for line in text[start:].splitlines():
        if not line.startswith("|"):
            break
        rows.append(line.strip())
    return rows


def test_terms_table_is_the_sources_one():
    sources_readme = source_text("README.md")
    header = "| concept | Uzbek (Latin) | Russian | English |"
    assert table_rows(CONTRIBUTING, header) == table_rows(sources_readme, header)


def test_uzbek_section_follows_the_orthography():
    section = CONTRIBUTING.split("## Qisqacha oʻzbekcha", 1)[1]
    page = Source(ROOT / "CONTRIBUTING.md", "CONTRIBUTING.md", BY_CODE["uz"], "CONTRIBUTING.md", section)
    problems = language.uzbek_apostrophes(page) + language.foreign_script(page)
    assert not problems, [str(p) for p in problems]


def test_every_make_target_it_names_exists():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in sorted(set(re.findall(r"`make (\w+)`", CONTRIBUTING))):
        assert re.search(rf"^{target}:", makefile, re.M), f"CONTRIBUTING.md names `make {target}`"
