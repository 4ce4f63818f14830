"""Rules of the family "Built pages" (sitekit/check/built.py): the build's warnings on the
source file and line they are about, once (never on the generated uz-cyrl edition's files);
what the build refuses as unsafe (sitekit.page_safety) and a source rule already found is one
line, not two. One broken fixture site, checked once for the module."""

from __future__ import annotations

import pytest

from fixture_site import append, edit, line_of, lines, make_site, problems, run_check, write
from sitekit.built_site import BuiltSite
from sitekit.check import built
from sitekit.site import ROOT


# This module's tests share one build (the fixture below): keep them on one xdist worker.
pytestmark = pytest.mark.xdist_group("test_check_built")


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    """A fixture site with faults only the build and the whole command see."""
    root = make_site(tmp_path_factory.mktemp("broken") / "site")
    edit(root, "docs/uz/index.md", "(contacts.md#email)", "(nope.md)")  # a missing page (uz: and uz-cyrl)
    edit(root, "docs/en/index.md", "(contacts.md#email)", "(contacts.md#nothere)")  # a missing anchor
    edit(root, "docs/ru/index.md", "(contacts.md#email)", "(/contacts/)")  # an absolute link
    edit(root, "docs/en/contacts.md", "(mailto:info@example.org)", "(mailto:info@example.org) ([home](index/))")
    append(root, "docs/en/contacts.md", "\n<script>alert(1)</script>\n")  # script: source and built page
    append(root, "docs/ru/contacts.md", '\n[Кнопка](index.md){: onclick="alert(1)" }\n')  # attr_list handler
    for code in ("uz", "ru", "en"):  # in no navigation
        write(root, f"docs/{code}/news.md", (root / f"docs/{code}/accessibility.md").read_text(encoding="utf-8")
              .replace("{#accessibility}", "{#news}").replace("description: >-\n", "description: >-\n  News. "))
    done = run_check(root)
    return root, done.returncode, problems(done)


def expect(output: list[str], start: str, fragment: str = "") -> None:
    assert any(line.startswith(start) and fragment in line for line in output), \
        f"no line «{start} … {fragment}» in:\n" + "\n".join(output)


def test_broken_site_fails(broken):
    _root, returncode, _output = broken
    assert returncode == 1


def test_every_file_named_exists(broken):
    root, _rc, output = broken
    for line in output:
        name = line.split(":", 1)[0]
        assert (root / name).is_file(), f"{name} does not exist: {line}"
    assert not any(line.startswith("docs/uz-cyrl/") for line in output)


def test_link_to_a_missing_page_once_for_uzbek_and_its_cyrillic_edition(broken):
    root, _rc, output = broken
    line = line_of(root, "docs/uz/index.md", "(nope.md)")
    found = [x for x in output if "nope.md" in x]
    assert found == [f"docs/uz/index.md:{line}: link to nope.md: there is no page docs/uz/nope.md — correct the link, "
                     "or create that page in every language"], found


def test_link_to_a_missing_anchor(broken):
    root, _rc, output = broken
    line = line_of(root, "docs/en/index.md", "(contacts.md#nothere)")
    expect(output, f"docs/en/index.md:{line}: link to contacts.md#nothere: docs/en/contacts.md has no heading with id "
                   "#nothere", "#feedback")


def test_absolute_link(broken):
    root, _rc, output = broken
    line = line_of(root, "docs/ru/index.md", "(/contacts/)")
    expect(output, f"docs/ru/index.md:{line}: absolute link /contacts/")


def test_link_to_a_web_address(broken):
    root, _rc, output = broken
    line = line_of(root, "docs/en/contacts.md", "(index/)")
    expect(output, f"docs/en/contacts.md:{line}: link to index/, which is not a Markdown file")


def test_script_is_one_line_though_the_source_rule_and_the_build_both_refuse_it(broken):
    root, _rc, output = broken
    line = line_of(root, "docs/en/contacts.md", "<script>")
    found = [x for x in output if x.startswith("docs/en/contacts.md") and "script" in x.lower() and "runs" in x]
    assert found == [f"docs/en/contacts.md:{line}: raw HTML <script> runs script — remove it: pages may not run "
                     "script (behaviour belongs in overrides/, reviewed separately)"], found


def test_attr_list_handler_is_one_line(broken):
    root, _rc, output = broken
    line = line_of(root, "docs/ru/contacts.md", "onclick=")
    found = [x for x in output if x.startswith("docs/ru/contacts.md") and "onclick" in x]
    assert len(found) == 1 and found[0].startswith(
        f"docs/ru/contacts.md:{line}: event-handler attribute onclick= in an attribute list"), found


def test_page_in_no_navigation(broken):
    _root, _rc, output = broken
    found = [line for line in output if "in no navigation" in line]
    assert sorted(line.split(":")[0] for line in found) == ["docs/en/news.md", "docs/ru/news.md", "docs/uz/news.md"]


@pytest.mark.parametrize(("message", "expected"), [
    ("WARNING -  Doc file 'uz-cyrl/index.md' contains a link 'nope.md', but the target 'uz-cyrl/nope.md' is not found "
     "among documentation files.", "docs/uz/index.md: link to nope.md: there is no page docs/uz/nope.md"),
    ("ERROR   -  i18n/uz-Cyrl.yml: no nav label for 'X' — add 'X: <label>' under 'nav:'", "i18n/uz.yml: no nav label"),
    ("ERROR   -  Error reading page 'ru/x.md': 'utf-8' codec can't decode byte 0xd2", None),
    ("WARNING -  Doc file 'en/index.md' contains a link '../ru/contacts.md', but the target 'ru/contacts.md' is not "
     "found among documentation files.", None),
])
def test_build_messages_name_files_that_exist(site, project, message, expected):
    found = lines(built.build_problems(project(), built.Build(message + "\n", 0, None)))
    if expected is None:
        assert not found, found  # another rule reports it, once
    else:
        assert len(found) == 1 and found[0].startswith(expected), found
        assert (site / found[0].split(":")[0]).is_file()


def test_no_absolute_path_or_exception_name(site, project):
    message = f"ERROR   -  sitekit.strings.StringsError: {site}/i18n/ru.yml: something went wrong"
    found = lines(built.build_problems(project(), built.Build(message + "\n", 1, None)))
    assert found and str(site) not in found[0] and "StringsError" not in found[0] and str(ROOT) not in found[0], found
