"""Rules of the family "Sources and front matter" (sitekit/check/sources.py), each on its own
cases: one file of Markdown, or the fixture site changed."""

from __future__ import annotations

import pytest

from fixture_site import FRONT, PAGE, PROBLEM_LINE, edit, line_of, lines, problems, run_check, source, write
from sitekit.check import sources

ONE_FILE_CASES = {
    # front matter
    "front matter: invalid YAML": (sources.front_matter, "en", "---\ndescription: A page: about: x\n---\n\n# T {#t}\n",
                                   "docs/en/page.md:2:", "not valid YAML"),
    "front matter: unclosed quote": (sources.front_matter, "en", '---\ntitle: "Open\ndescription: x\n---\n# T {#t}\n',
                                     "docs/en/page.md:2:", "not valid YAML"),
    "front matter: not closed": (sources.front_matter, "en", "---\ndescription: x\n\n# T {#t}\n",
                                 "docs/en/page.md:1:", "not closed"),
    "front matter: unknown key": (sources.front_matter, "ru", "---\ndescription: Описание страницы, достаточно "
                                  "длинное для поиска.\ntags: [a, b]\n---\n\n# T {#t}\n",
                                  "docs/ru/page.md:3:", "unknown front-matter key `tags`"),
    "front matter: no description": (sources.front_matter, "en", "---\ntitle: Title\n---\n\n# T {#t}\n",
                                     "docs/en/page.md:1:", "no description"),
    "front matter: none at all": (sources.front_matter, "en", "# T {#t}\n\nText.\n",
                                  "docs/en/page.md:1:", "no description"),
    "front matter: empty description": (sources.front_matter, "en", "---\ndescription: ''\n---\n\n# T {#t}\n",
                                        "docs/en/page.md:2:", "`description` is empty"),
    "front matter: short description": (sources.front_matter, "en", "---\ndescription: A page.\n---\n\n# T {#t}\n",
                                        "docs/en/page.md:2:", "the description is only 7 characters long"),
    "front matter: a list": (sources.front_matter, "en", "---\n- a\n- b\n---\n\n# T {#t}\n",
                             "docs/en/page.md:2:", "not a list of `key: value` lines"),
    # page shape
    "empty page": (sources.page_shape, "uz", FRONT, "docs/uz/page.md:", "the page is empty"),
    "empty page, only a comment": (sources.page_shape, "uz", FRONT + "<!-- later -->\n", "docs/uz/page.md:5:",
                                   "the page is empty"),
    "no level-1 heading": (sources.page_shape, "en", FRONT + "Title\n\n## Part {#part}\n",
                           "docs/en/page.md:5:", "no level-1 heading"),
    "heading in code is no heading": (sources.page_shape, "en", FRONT + "```\n# not a heading\n```\n",
                                      "docs/en/page.md:5:", "no level-1 heading"),
    "two level-1 headings": (sources.page_shape, "en", PAGE + "# Again {#again}\n", "docs/en/page.md:7:",
                             "a second level-1 heading"),
    "heading without id": (sources.page_shape, "en", PAGE + "## Part\n", "docs/en/page.md:7:",
                           "heading without an id: ## Part"),
    "setext level-1 heading": (sources.page_shape, "en", FRONT + "Title {#title}\n=====\n\nText.\n",
                               "docs/en/page.md:5:", "a heading underlined with =====: Title {#title}"),
    "--- under text makes a heading": (sources.page_shape, "en", PAGE + "Some text.\n---\n", "docs/en/page.md:7:",
                                       "a heading underlined with -----"),
    # heading levels
    "a skipped level": (sources.heading_levels, "en", PAGE + "### Deep {#deep}\n", "docs/en/page.md:7:",
                        "a level-3 heading right under a level-1 one (line 5)"),
    "an empty heading": (sources.heading_levels, "en", PAGE + "## {#empty}\n", "docs/en/page.md:7:",
                         "a heading with no text"),
    # placeholders
    "TODO left": (sources.placeholders, "en", PAGE + "TODO: write this.\n", "docs/en/page.md:7:",
                  "placeholder TODO"),
    # merge conflicts
    "conflict markers": (sources.conflict_markers_in_page, "ru", PAGE + "<<<<<<< HEAD\nТекст один.\n=======\n"
                         "Текст два.\n>>>>>>> other-branch\n", "docs/ru/page.md:7:",
                         "a merge conflict left unresolved (lines 7–11"),
    "a stray conflict marker": (sources.conflict_markers_in_page, "en", PAGE + "Text.\n>>>>>>> main\n",
                                "docs/en/page.md:8:", "a merge-conflict marker line (>>>>>>>)"),
}


@pytest.mark.parametrize(("rule", "code", "markdown", "where", "what"), ONE_FILE_CASES.values(), ids=ONE_FILE_CASES)
def test_rule_names_file_and_line(rule, code, markdown, where, what):
    found = lines(rule(source(code, markdown)))
    matching = [line for line in found if line.startswith(where) and what in line]
    assert matching, f"expected «{where} … {what} …», got {found}"
    for line in found:
        assert PROBLEM_LINE.match(line), f"not one `file:line: what — fix` line: {line!r}"


GOOD_CASES = {
    "clean page": (PAGE + "Text with [a link](index.md#title).\n\n## Part {#part}\n\n### Sub {#sub}\n\n## Next "
                   "{#next}\n", "en"),
    "a rule after a blank line": (PAGE + "Some text.\n\n---\n\nMore text.\n", "en"),
    "a table is no setext heading": (PAGE + "| a | b |\n|---|---|\n| 1 | 2 |\n", "en"),
    "TODO in code": (PAGE + "Write `TODO` in capitals.\n", "en"),
    # the page-sources rule reports `source: TODO`, with the names to use: one line, not two
    "TODO as the source": (PAGE.replace("---\n", "---\nsource: TODO\n", 1), "en"),
    "markers named in prose": (PAGE + "Git writes `<<<<<<<` and `>>>>>>>` around a conflict.\n", "en"),
}


@pytest.mark.parametrize(("markdown", "code"), GOOD_CASES.values(), ids=GOOD_CASES)
def test_rules_accept_good_markdown(markdown, code):
    page = source(code, markdown)
    found = [problem for rule in (sources.front_matter, sources.page_shape, sources.placeholders,
                                  sources.conflict_markers_in_page, sources.heading_levels) for problem in rule(page)]
    assert not found, lines(found)


# ── On the fixture site ────────────────────────────────────────────────────────


def test_fixture_site_is_clean(project):
    found = [str(p) for rule in (sources.encoding, sources.page_parity, sources.file_name, sources.unique_description,
                                 sources.required_pages) for p in rule(project())]
    assert not found, found


def test_windows_1251_file_is_one_line_with_its_line(site, project):
    text = (site / "docs/ru/contacts.md").read_text(encoding="utf-8")
    (site / "docs/ru/contacts.md").write_bytes(text.encode("cp1251"))
    first_cyrillic = next(i for i, line in enumerate(text.splitlines(), 1) if any("а" <= c <= "я" for c in line))
    assert lines(sources.encoding(project())) == [
        f"docs/ru/contacts.md:{first_cyrillic}: the file is saved as Windows-1251, not UTF-8 — reopen it in your "
        "editor as Windows-1251 and save it as UTF-8 (in VS Code: the encoding in the status bar → Save with "
        "Encoding → UTF-8)"]
    done = run_check(site)  # one line for the file in the whole check, not the build's codec text too
    assert [line for line in problems(done) if "contacts.md" in line and "ru" in line.split(":")[0]] == \
        lines(sources.encoding(project()))


def test_latin_1_file(site, project):
    (site / "docs/en/contacts.md").write_bytes("---\ndescription: Caf\xe9 page of the test site, long enough.\n---\n"
                                              "\n# Caf\xe9 {#contacts}\n".encode("latin-1"))
    assert lines(sources.encoding(project())) == [
        "docs/en/contacts.md:2: the file is saved as Windows-1252 (Latin-1), not UTF-8 — reopen it in your editor as "
        "Windows-1252 (Latin-1) and save it as UTF-8 (in VS Code: the encoding in the status bar → Save with "
        "Encoding → UTF-8)"]


def test_page_outside_the_nav_missing_in_one_language_names_a_file_that_exists(site, project):
    (site / "docs/ru/accessibility.md").unlink()
    found = lines(sources.page_parity(project()))
    assert found == ["docs/uz/accessibility.md: the page has no translation into Русский: docs/ru/accessibility.md is "
                     "missing — translate it under the same name (docs/ru/accessibility.md), or delete it in every "
                     "language"]


def test_page_in_only_one_language(site, project):
    write(site, "docs/en/extra.md", PAGE)
    found = lines(sources.page_parity(project()))
    assert len(found) == 1 and found[0].startswith("docs/en/extra.md: the page has no translation into Oʻzbekcha and "
                                                   "Русский: docs/uz/extra.md, docs/ru/extra.md are missing"), found


def test_page_outside_the_language_folders(site, project):
    write(site, "docs/stray.md", PAGE)
    found = lines(sources.page_parity(project()))
    assert any(line.startswith("docs/stray.md: outside the language folders") for line in found), found


def test_a_folder_for_the_generated_edition(site, project):
    write(site, "docs/uz-cyrl/index.md", PAGE)
    found = lines(sources.page_parity(project()))
    assert any(line.startswith("docs/uz-cyrl/index.md: docs/uz-cyrl/ is generated from docs/uz/") for line in found)


def test_file_name_with_a_space(site, project):
    for code in ("uz", "ru", "en"):
        write(site, f"docs/{code}/my events.md", PAGE)
    assert lines(sources.file_name(project())) == [
        "docs/uz/my events.md: the file name «my events.md» is not lower-case a–z, 0–9 and hyphens — rename it to "
        "my-events.md in every language (uz, ru, en)"]  # one cause, one line


def test_two_pages_with_one_description(site, project):
    description = "description: >-\n  A test site: a small project for the editor check, with pages written in three"
    edit(site, "docs/en/contacts.md", "description: >-\n  The contacts page of the test site: the trust line, the "
         "e-mail address and feedback.", description + " languages.")
    found = lines(sources.unique_description(project()))
    assert found == ["docs/en/index.md:2: the same description as docs/en/contacts.md — write a description of this "
                     "page's own content"] or found == [
        "docs/en/contacts.md:2: the same description as docs/en/index.md — write a description of this page's own "
        "content"], found


def test_renaming_the_id_the_templates_link_to(site, project):
    for code in ("uz", "ru", "en"):
        edit(site, f"docs/{code}/contacts.md", "{#feedback}", "{#opinions}")
    found = lines(sources.required_pages(project()))
    where = next(name for page, anchor, name, _line in sources.template_links(site) if anchor == "feedback")
    assert len(found) == 3
    assert found[0] == (f"docs/uz/contacts.md: every page links to contacts.md#feedback ({where}), but this page has "
                        "no heading with id #feedback — keep the id {#feedback} on the heading it belongs to")


def test_deleting_a_page_the_templates_link_to(site, project):
    for code in ("uz", "ru", "en"):
        (site / f"docs/{code}/accessibility.md").unlink()
    found = lines(sources.required_pages(project()))
    line = line_of(site, "overrides/partials/copyright.html", "page_url('accessibility.md'")
    assert found == [f"overrides/partials/copyright.html:{line}: every page links to accessibility.md, which no "
                     "language has any more — restore docs/<language>/accessibility.md in every language "
                     "(git checkout -- it)"]


def test_a_conflict_in_the_front_matter_is_the_page_s_only_line(site):
    """Two versions of the front matter make the page look as if it had none, or two sources:
    that follows from the conflict, so the conflict is all the check says of the page, and
    it comes before the problems of other pages."""
    edit(site, "docs/en/contacts.md", "source: this-site\n",
         "<<<<<<< HEAD\nsource: this-site\n=======\nsource: this-site, agmk-copper-cluster\n>>>>>>> sources\n")
    edit(site, "docs/ru/contacts.md", "## ", "### ")  # an unrelated problem in another page
    line = line_of(site, "docs/en/contacts.md", "<<<<<<<")
    found = problems(run_check(site))
    of_the_page = [problem for problem in found if problem.startswith("docs/en/contacts.md")]
    assert of_the_page == [f"docs/en/contacts.md:{line}: a merge conflict left unresolved (lines {line}–{line + 4}, "
                           "between <<<<<<< and >>>>>>>) — keep the right version of the text and delete the three "
                           "marker lines (<<<<<<<, =======, >>>>>>>)"], found
    assert found[0] == of_the_page[0], found
    assert any(problem.startswith("docs/ru/contacts.md") for problem in found), found
