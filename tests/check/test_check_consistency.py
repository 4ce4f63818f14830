"""Rules of the family "Cross-language consistency" (sitekit/check/consistency.py), on the
fixture site: only the language that differs is named; when all differ, each once."""

from __future__ import annotations

import pytest

from fixture_site import edit, line_of, lines, problems, run_check, write
from sitekit.check import consistency
from sitekit.check.numbers import find_facts


def test_fixture_site_is_consistent(project):
    found = [str(p) for rule in (consistency.same_facts, consistency.same_numbers, consistency.same_heading_ids,
                                 consistency.same_links) for p in rule(project())]
    assert not found, found


# ── Numbers, dates, document numbers ──────────────────────────────────────────

SAME_DATE = ["24.06.2021", "24-iyun 2021", "2021-yil 24-iyun", "2021-yil 24-iyundagi", "24 июня 2021",
             "24 июня 2021 года", "24 June 2021", "June 24, 2021", "2021-06-24", "2021 йил 24 июнда"]


@pytest.mark.parametrize("written", SAME_DATE)
def test_every_way_of_writing_a_date_is_the_same_date(written):
    code = "en" if any(c.isascii() and c.isalpha() for c in written) and "iyun" not in written else "ru"
    found = find_facts(f"Text {written} text", "uz" if "iyun" in written else code)
    assert [(f.kind, f.value) for f in found] == [("date", (2021, 6, 24))], found


@pytest.mark.parametrize(("written", "language", "value"), [
    ("148,0", "ru", "148"), ("148.0", "en", "148"), ("148,0 ming", "uz", "148000"), ("148,0 тыс.", "ru", "148000"),
    ("148.0 thousand", "en", "148000"), ("148,000", "en", "148000"), ("148 000", "ru", "148000"),
    ("2 million", "en", "2000000"), ("2 миллиона", "ru", "2000000"), ("80 %", "uz", "80"), ("2.2", "ru", "2.2"),
])
def test_numbers_in_every_format(written, language, value):
    found = find_facts(f"Text {written} text", language)
    assert [(f.kind, f.canonical) for f in found] == [("number", value)], found


@pytest.mark.parametrize("written", ["PP-5159", "ПП-5159", "PQ-5159", "PQ-5159-son", "№ ПП-5159"])
def test_document_numbers_in_every_script(written):
    found = find_facts(f"Text {written} text", "ru")
    assert [(f.kind, f.canonical) for f in found] == [("document number", "PP-5159")], found


def test_resolution_number_changed_in_one_language(site, project):
    edit(site, "docs/en/index.md", "PP-5159", "PP-5195")
    line = line_of(site, "docs/en/index.md", "PP-5195")
    uz, ru = line_of(site, "docs/uz/index.md", "PQ-5159"), line_of(site, "docs/ru/index.md", "ПП-5159")
    assert lines(consistency.same_numbers(project())) == [
        f"docs/en/index.md:{line}: document number «PP-5195», where docs/uz/index.md:{uz}, docs/ru/index.md:{ru} have "
        "PP-5159 — give the same figures, dates and document numbers in every language: correct the one that is wrong"]



def test_a_wrong_number_written_three_times_is_one_line_naming_each(site, project):
    edit(site, "docs/en/index.md", "{#questions}", "{#questions}\n\nPP-5159 again.\n\nAnd PP-5159 once more.")
    for code, written in (("uz", "PQ-5159"), ("ru", "ПП-5159")):
        edit(site, f"docs/{code}/index.md", "{#questions}", f"{{#questions}}\n\n{written}.\n\n{written}.")
    text = (site / "docs/en/index.md").read_text(encoding="utf-8")
    (site / "docs/en/index.md").write_text(text.replace("PP-5159", "PP-5195"), encoding="utf-8")
    found = lines(consistency.same_numbers(project()))
    where = [number for number, line in enumerate(text.splitlines(), 1) if "PP-5159" in line]
    assert len(where) == 3 and len(found) == 1, found
    assert found[0].startswith(f"docs/en/index.md:{where[0]}: document number «PP-5195» (again on lines {where[1]}, "
                               f"{where[2]}), where docs/uz/index.md:"), found

def test_date_changed_in_one_language(site, project):
    edit(site, "docs/ru/index.md", "24.06.2021", "24.07.2021")
    line = line_of(site, "docs/ru/index.md", "24.07.2021")
    found = lines(consistency.same_numbers(project()))
    assert len(found) == 1 and found[0].startswith(
        f"docs/ru/index.md:{line}: date «24.07.2021» (2021-07-24), where docs/uz/index.md:"), found
    assert "have 2021-06-24" in found[0]


def test_figure_changed_in_one_language(site, project):
    edit(site, "docs/uz/index.md", "148,0 ming", "184,0 ming")
    found = lines(consistency.same_numbers(project()))
    assert len(found) == 1 and found[0].startswith("docs/uz/index.md:") and "«184,0 ming» (184000)" in found[0] \
        and "have 148000" in found[0], found


def test_a_figure_removed_in_one_language(site, project):
    edit(site, "docs/en/index.md", "148.0 thousand tonnes, ", "")
    heading = line_of(site, "docs/en/index.md", "# Home")  # the section the others have it in
    uz, ru = line_of(site, "docs/uz/index.md", "148,0"), line_of(site, "docs/ru/index.md", "148,0")
    assert lines(consistency.same_numbers(project())) == [
        f"docs/en/index.md:{heading}: number «148,0 ming» (148000) is missing here (docs/uz/index.md:{uz}, "
        f"docs/ru/index.md:{ru} have it) — give the same figures, dates and document numbers in every language: "
        "correct the one that is wrong"]


def test_when_all_differ_each_is_named_once(site, project):
    edit(site, "docs/uz/index.md", "2021-yil 24-iyundagi", "2020-yil 24-iyundagi")
    edit(site, "docs/en/index.md", "24 June 2021", "24 June 2022")
    found = lines(consistency.same_numbers(project()))
    assert sorted(line.split(":")[0] for line in found) == ["docs/en/index.md", "docs/ru/index.md",
                                                            "docs/uz/index.md"], found


def test_a_quotation_is_not_compared(site, project):
    edit(site, "docs/en/index.md", "numbers.", 'numbers: <span lang="ru">«постановление № 7»</span>.')
    assert not consistency.same_numbers(project())


# ── Telephone numbers, e-mail addresses, external links ───────────────────────


def test_trust_line_number_differs_in_one_language(site, project):
    edit(site, "docs/ru/contacts.md", "[(+998 70) 619-23-33](tel:+998706192333)",
         "[(+998 70) 619-23-34](tel:+998706192334)")
    line = line_of(site, "docs/ru/contacts.md", "tel:+998706192334")
    found = lines(consistency.same_facts(project()))
    assert found == [f"docs/ru/contacts.md:{line}: telephone number +998706192334, where docs/uz/contacts.md:{line}, "
                     f"docs/en/contacts.md:{line} have +998706192333 — the languages of a page give the same numbers, "
                     "e-mail addresses and external links: correct the one that is wrong"]


def test_email_differs_in_one_language(site, project):
    edit(site, "docs/en/contacts.md", "(mailto:info@example.org)", "(mailto:info@example.com)")
    found = lines(consistency.same_facts(project()))
    assert len(found) == 1 and found[0].startswith("docs/en/contacts.md:") and "info@example.com" in found[0], found


def test_feedback_subject_may_differ(project):
    assert not consistency.same_facts(project())  # each ?subject= is in its page's language


def test_external_link_differs(site, project):
    for code, url in (("uz", "https://example.org/uz/page"), ("ru", "https://example.org/ru/page"),
                      ("en", "https://example.org/uz/page")):
        edit(site, f"docs/{code}/index.md", "{#questions}", "{#questions}\n\n[Link](" + url + ")")
    found = lines(consistency.same_facts(project()))
    assert len(found) == 1 and found[0].startswith("docs/ru/index.md:") and \
        "external link https://example.org/ru/page, where" in found[0], found



def test_a_link_made_insecure_in_one_language_is_one_line(site):
    """http:// where the other languages have https://: the insecure-link line says it all."""
    for code, url in (("uz", "https://example.org/page"), ("ru", "https://example.org/page"),
                      ("en", "http://example.org/page")):
        edit(site, f"docs/{code}/index.md", "{#questions}", "{#questions}\n\n[Link](" + url + ")")
    line = line_of(site, "docs/en/index.md", "http://example.org")
    assert problems(run_check(site)) == [f"docs/en/index.md:{line}: insecure address http://example.org/page — write "
                                         "https://example.org/page (check that it opens)"]

# ── Heading ids ────────────────────────────────────────────────────────────────


def test_heading_id_renamed_in_one_language(site, project):
    edit(site, "docs/en/index.md", "{#questions}", "{#your-questions}")
    line = line_of(site, "docs/en/index.md", "{#your-questions}")
    assert lines(consistency.same_heading_ids(project())) == [
        f"docs/en/index.md:{line}: heading id #your-questions, where docs/uz/index.md:{line}, docs/ru/index.md:{line} "
        "have #questions — give each heading the same {#id} in every language"]


def test_heading_id_renamed_in_every_language_is_fine(site, project):
    for code in ("uz", "ru", "en"):
        edit(site, f"docs/{code}/index.md", "{#questions}", "{#your-questions}")
    assert not consistency.same_heading_ids(project())


def test_a_duplicate_id_in_one_language_is_that_rules_line_only(site, project):
    edit(site, "docs/en/index.md", "{#questions}", "{#home}")
    assert not consistency.same_heading_ids(project())  # rule duplicate-id names docs/en/index.md


def test_a_setext_heading_in_one_language_blames_no_other(site, project):
    edit(site, "docs/en/index.md", "# Home {#home}", "Home {#home}\n=====")
    assert not consistency.same_heading_ids(project())


# ── Links between pages ────────────────────────────────────────────────────────


def test_link_to_another_heading_in_one_language(site, project):
    edit(site, "docs/en/index.md", "(contacts.md#email)", "(contacts.md#feedback)")
    line = line_of(site, "docs/en/index.md", "(contacts.md#feedback)")
    assert lines(consistency.same_links(project())) == [
        f"docs/en/index.md:{line}: link to contacts.md#feedback, where docs/uz/index.md:{line}, docs/ru/index.md:{line} "
        "have contacts.md#email — link the same pages and headings in every language"]


def test_a_link_added_in_one_language(site, project):
    edit(site, "docs/uz/contacts.md", "## Fikr-mulohaza {#feedback}", "[Bosh sahifa](index.md)\n\n## Fikr-mulohaza "
         "{#feedback}")
    found = lines(consistency.same_links(project()))
    assert len(found) == 1 and found[0].startswith("docs/uz/contacts.md:") and \
        "link to index.md is not in docs/ru/contacts.md, docs/en/contacts.md" in found[0], found


def test_a_broken_link_is_left_to_the_build(site, project):
    edit(site, "docs/en/index.md", "(contacts.md#email)", "(contacts.md#nothere)")
    assert not consistency.same_links(project())


def test_a_new_page_in_every_language_is_consistent(site, project):
    for code, text in (("uz", "Sahifa"), ("ru", "Страница"), ("en", "Page")):
        write(site, f"docs/{code}/events.md", f"# {text} {{#events}}\n\n[{text}](index.md#questions), 2025.\n")
    assert not [p for rule in (consistency.same_numbers, consistency.same_heading_ids, consistency.same_links)
                for p in rule(project())]
