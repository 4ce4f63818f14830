"""Rules of the family "Configuration" (sitekit/check/configuration.py): mkdocs.yml and
i18n/*.yml named with the right line and a plain sentence, on the fixture site."""

from __future__ import annotations

import pytest

from fixture_site import append, edit, line_of, lines, problems, run_check, write
from sitekit.check import configuration

YAML_MISTAKES = {
    # (file, old, new, line of the mistake (a needle in the changed file), what the message says)
    "unclosed quotation mark": ("i18n/ru.yml", "  Contacts: Контакты", '  Contacts: "Контакты',
                                '  Contacts: "Контакты', "a quotation mark opens a value here and is not closed"),
    "a tab": ("i18n/ru.yml", "  Contacts: Контакты", "\tContacts: Контакты", "\tContacts", "a tab character"),
    "a colon in a value": ("i18n/en.yml", "  Contacts: Contacts", "  Contacts: Contacts: and more",
                           "  Contacts: Contacts: and more", "a second colon"),
    "indented too far": ("i18n/uz.yml", "  Contacts: Aloqa", "   Contacts: Aloqa", "   Contacts: Aloqa",
                         "this line is indented more than the line above it"),
    "mkdocs.yml: an unclosed [": ("mkdocs.yml", "  - Home: index.md", "  - [Home: index.md", "  - [Home",
                                  "a [ opens a list here and is not closed"),
    "mkdocs.yml: wrong indentation": ("mkdocs.yml", "  - Contacts: contacts.md", "    - Contacts: contacts.md",
                                      "    - Contacts: contacts.md", "the indentation of this line does not match"),
}


@pytest.mark.parametrize(("name", "old", "new", "needle", "what"), YAML_MISTAKES.values(), ids=YAML_MISTAKES)
def test_yaml_mistake_is_named_in_its_file_on_its_line(site, name, old, new, needle, what):
    edit(site, name, old, new)
    line = line_of(site, name, needle)
    found = lines(configuration.config_syntax(site))
    assert len(found) == 1 and found[0].startswith(f"{name}:{line}: not valid YAML: {what}"), found
    assert "<unicode string>" not in found[0] and "^" not in found[0]


def test_the_command_says_only_that(site):
    edit(site, "i18n/ru.yml", "  Contacts: Контакты", '  Contacts: "Контакты')
    done = run_check(site)  # no traceback, exception name or absolute path: run_check asserts it
    assert done.returncode == 1
    line = line_of(site, "i18n/ru.yml", '"Контакты')
    assert problems(done) == [f"i18n/ru.yml:{line}: not valid YAML: a quotation mark opens a value here and is not "
                              "closed on this line — close the quotation marks at the end of the value (\"…\"), or "
                              "remove them"]
    assert done.stdout.splitlines()[-1].endswith("fix the configuration first; the pages are checked once it reads")


def test_an_unclosed_quote_that_leaves_the_file_readable_is_one_line(site):
    """The quotation mark is closed by the next one in the file, many lines on, and PyYAML reads
    the lines between as text: the file parses, and every string after it is missing. The
    editor gets the line of the mistake, not one line per string it swallowed."""
    edit(site, "i18n/uz.yml", "  Contacts: Aloqa\n", '  Contacts: "Aloqa\n')
    line = line_of(site, "i18n/uz.yml", '"Aloqa')
    found = problems(run_check(site))
    assert len(found) == 1, found
    assert found[0].startswith(f"i18n/uz.yml:{line}: not valid YAML: a quotation mark opens a value here and is not "
                               f"closed on this line (so lines {line + 1}–"), found
    assert found[0].endswith("— close the quotation marks at the end of the value (\"…\"), or remove them")


def test_a_quoted_value_on_several_lines_is_not_an_unclosed_quote(site):
    """A long value may go on over the next lines, indented more than its key, with a colon in
    its text: that is YAML's own way to wrap a value, not a swallowed key."""
    edit(site, "i18n/en.yml", "  footer: Footer\n", '  footer: "Footer of the page,\n    note: read it"\n')
    assert lines(configuration.config_syntax(site)) == []


def test_mkdocs_yml_error_names_its_line(site):
    edit(site, "mkdocs.yml", "  - Home: index.md", "  - [Home: index.md")
    done = run_check(site)
    line = line_of(site, "mkdocs.yml", "[Home")
    assert problems(done)[0].startswith(f"mkdocs.yml:{line}: not valid YAML: a [ opens a list here and is not closed")


def test_windows_1251_strings_file(site):
    text = (site / "i18n/ru.yml").read_text(encoding="utf-8")
    (site / "i18n/ru.yml").write_bytes(text.encode("cp1251"))
    first = next(i for i, line in enumerate(text.splitlines(), 1) if any("а" <= c.lower() <= "я" for c in line))
    done = run_check(site)
    assert problems(done) == [f"i18n/ru.yml:{first}: the file is saved as Windows-1251, not UTF-8 — reopen it in your "
                              "editor as Windows-1251 and save it as UTF-8 (in VS Code: the encoding in the status bar "
                              "→ Save with Encoding → UTF-8)"]


def test_conflict_markers_in_a_strings_file(site):
    edit(site, "i18n/en.yml", "  Contacts: Contacts\n", "<<<<<<< HEAD\n  Contacts: Contacts\n=======\n"
         "  Contacts: Contact us\n>>>>>>> wording\n")
    line = line_of(site, "i18n/en.yml", "<<<<<<<")
    assert lines(configuration.config_syntax(site)) == [
        f"i18n/en.yml:{line}: a merge conflict left unresolved (lines {line}–{line + 4}, between <<<<<<< and >>>>>>>) — "
        "keep the right version of the text and delete the three marker lines (<<<<<<<, =======, >>>>>>>)"]


def test_missing_nav_label_names_the_file_and_the_key(site):
    edit(site, "i18n/ru.yml", "  Contacts: Контакты\n", "")
    nav = line_of(site, "i18n/ru.yml", "nav:")
    entry = line_of(site, "mkdocs.yml", "  - Contacts: contacts.md")
    done = run_check(site)
    assert done.returncode == 1
    assert problems(done) == [f"i18n/ru.yml:{nav}: no label for the nav entry «Contacts» (mkdocs.yml:{entry}) — add "
                              "the line `  Contacts: <the label in this language>` under `nav:`"]


def test_missing_nav_label_in_the_language_a_generated_edition_comes_from(site):
    edit(site, "i18n/uz.yml", "  Contacts: Aloqa\n", "")
    found = lines(configuration.interface_strings(site))
    assert len(found) == 1 and found[0].startswith("i18n/uz.yml:"), found  # not i18n/uz-cyrl.yml, nor twice


def test_a_new_nav_entry_needs_a_label_in_every_language(site):
    edit(site, "mkdocs.yml", "  - Contacts: contacts.md\n", "  - Contacts: contacts.md\n  - Statement: accessibility.md\n")
    edit(site, "mkdocs.yml", "not_in_nav: |\n  accessibility.md\n", "")
    found = lines(configuration.interface_strings(site))
    assert sorted(line.split(":")[0] for line in found) == ["i18n/en.yml", "i18n/ru.yml", "i18n/uz.yml"], found
    assert all("no label for the nav entry «Statement»" in line for line in found)


def test_missing_theme_string(site):
    edit(site, "i18n/ru.yml", "  search.reset: Очистить\n", "")
    theme = line_of(site, "i18n/ru.yml", "theme:")
    found = lines(configuration.interface_strings(site))
    assert found == [f"i18n/ru.yml:{theme}: the interface string theme/search.reset is missing — add `search.reset: "
                     "<Clear — in this language>` under `theme:` (as in i18n/en.yml)"]


def test_language_without_its_strings_file(site):
    (site / "i18n/ru.yml").unlink()
    line = line_of(site, "mkdocs.yml", "locale: ru")
    found = lines(configuration.interface_strings(site))
    assert found == [f"mkdocs.yml:{line}: the language ru has no i18n/ru.yml — copy i18n/en.yml to i18n/ru.yml and "
                     "translate its values"]


def test_nav_path_with_a_space(site):
    edit(site, "mkdocs.yml", "  - Contacts: contacts.md\n", "  - Contacts: contacts.md\n  - Events: my events.md\n")
    for code in ("uz", "ru", "en"):
        write(site, f"docs/{code}/my events.md", "# Events {#events}\n")
    line = line_of(site, "mkdocs.yml", "my events.md")
    assert lines(configuration.nav(site)) == [
        f"mkdocs.yml:{line}: the nav path «my events.md» has a space — rename the file to my-events.md in every "
        "language and write that name here"]


def test_page_deleted_in_one_language_but_left_in_the_nav(site):
    (site / "docs/ru/contacts.md").unlink()
    line = line_of(site, "mkdocs.yml", "  - Contacts: contacts.md")
    assert lines(configuration.nav(site)) == [
        f"mkdocs.yml:{line}: nav lists contacts.md, but docs/ru/contacts.md does not exist (only uz, en have it) — "
        "translate docs/uz/contacts.md into ru under the same name, or delete the page in every language and remove "
        "this line"]



def test_page_deleted_in_one_language_is_one_line_in_the_whole_check(site):
    """The links to it from that language's other pages follow from the one cause: only the
    nav line is printed (restoring the page mends them all)."""
    (site / "docs/ru/contacts.md").unlink()
    linked_from = [path for path in (site / "docs/ru").glob("*.md") if "contacts.md" in path.read_text(encoding="utf-8")]
    assert linked_from, "the fixture site should link contacts.md from another Russian page"
    line = line_of(site, "mkdocs.yml", "  - Contacts: contacts.md")
    found = problems(run_check(site))
    assert found == [f"mkdocs.yml:{line}: nav lists contacts.md, but docs/ru/contacts.md does not exist (only uz, en "
                     "have it) — translate docs/uz/contacts.md into ru under the same name, or delete the page in "
                     "every language and remove this line"], found

def test_page_deleted_everywhere_the_nav_line_comes_first(site):
    for code in ("uz", "ru", "en"):
        (site / f"docs/{code}/contacts.md").unlink()
    line = line_of(site, "mkdocs.yml", "  - Contacts: contacts.md")
    done = run_check(site)
    found = problems(done)
    assert found[0] == (f"mkdocs.yml:{line}: nav lists contacts.md, which no language has — remove this line (and the "
                        "page's label under nav: in every i18n/*.yml), or restore the page in every language")
    assert found[1].startswith("overrides/")  # the templates' link to it, next
    assert not any("Error building page" in line or "templates link to" in line for line in found), found


def test_a_value_mkdocs_rejects(site):
    edit(site, "mkdocs.yml", "docs_dir: docs", "docs_dir: nowhere")
    done = run_check(site)
    assert done.returncode == 1
    line = line_of(site, "mkdocs.yml", "docs_dir: nowhere")
    assert problems(done) == [f"mkdocs.yml:{line}: the configuration does not load: Config value 'docs_dir': The "
                              "path 'nowhere' isn't an existing directory. — correct the value in mkdocs.yml (see "
                              "https://www.mkdocs.org/user-guide/configuration/)"]


def test_an_unknown_setting(site):
    append(site, "mkdocs.yml", "colour: blue\n")
    line = line_of(site, "mkdocs.yml", "colour: blue")
    done = run_check(site)
    assert done.returncode == 1
    assert problems(done)[0].startswith(f"mkdocs.yml:{line}: the configuration does not load: Config value 'colour'")
