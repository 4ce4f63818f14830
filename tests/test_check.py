"""The editor check (scripts/check.py, rules in sitekit/lint.py): each rule fails on its bad
input with the file (and line) named, one line per problem, never a traceback.

Rules that look at one file are fed bad Markdown directly; rules across languages, the
build's warnings and the built pages run on a temporary copy of the project (docs/, i18n/,
overrides/, mkdocs.yml). The real docs/ is never modified.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from siteinfo import BY_CODE
from sitekit import lint
from sitekit.built_site import BuiltSite
from sitekit.site import ROOT

CHECK = ROOT / "scripts" / "check.py"
PROBLEM_LINE = re.compile(r"^[\w./-]+(?::\d+)?: (?:warning: )?\S.* — \S.*$")
SUMMARY_LINE = re.compile(r"^check: \d+ errors?, \d+ warnings? \(")


def copy_project(destination: Path) -> Path:
    for name in ("docs", "i18n", "overrides"):
        shutil.copytree(ROOT / name, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    return destination


def run_check(root: Path, *args: str) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, str(CHECK), "--config", str(root / "mkdocs.yml"), *args],
                          capture_output=True, text=True, cwd=root)
    output = done.stdout + done.stderr
    assert "Traceback" not in output, output
    return done


def edit(root: Path, name: str, old: str, new: str, count: int = 1) -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, f"{name} has no {old!r}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def append(root: Path, name: str, text: str) -> None:
    with open(root / name, "a", encoding="utf-8") as file:
        file.write(text)


def line_of(root: Path, name: str, needle: str) -> int:
    text = (root / name).read_text(encoding="utf-8")
    assert needle in text, f"{needle!r} not in {name}"
    return text[: text.index(needle)].count("\n") + 1


def source(code: str, markdown: str, page: str = "page.md") -> lint.Source:
    name = f"docs/{code}/{page}"
    return lint.Source(ROOT / name, name, BY_CODE[code], page, markdown)


def lines(problems) -> list[str]:
    return [str(problem) for problem in problems]


FRONT = "---\ndescription: A page about something, in a sentence.\n---\n\n"
PAGE = FRONT + "# Title {#title}\n\n"

# ── Rules on one file: (rule, language, Markdown, expected start of the line, expected fragment)

ONE_FILE_CASES = {
    # front matter
    "front matter: invalid YAML": (lint.front_matter, "en", "---\ndescription: A page: about: x\n---\n\n# T {#t}\n",
                                   "docs/en/page.md:2:", "not valid YAML"),
    "front matter: unclosed quote": (lint.front_matter, "en", '---\ntitle: "Open\ndescription: x\n---\n# T {#t}\n',
                                     "docs/en/page.md:2:", "not valid YAML"),
    "front matter: not closed": (lint.front_matter, "en", "---\ndescription: x\n\n# T {#t}\n",
                                 "docs/en/page.md:1:", "not closed"),
    "front matter: unknown key": (lint.front_matter, "ru", "---\ndescription: Описание.\ntags: [a, b]\n---\n\n# T {#t}\n",
                                  "docs/ru/page.md:3:", "unknown front-matter key `tags`"),
    "front matter: no description": (lint.front_matter, "en", "---\ntitle: Title\n---\n\n# T {#t}\n",
                                     "docs/en/page.md:1:", "no description"),
    "front matter: none at all": (lint.front_matter, "en", "# T {#t}\n\nText.\n",
                                  "docs/en/page.md:1:", "no description"),
    "front matter: empty description": (lint.front_matter, "en", "---\ndescription: ''\n---\n\n# T {#t}\n",
                                        "docs/en/page.md:2:", "`description` is empty"),
    "front matter: a list": (lint.front_matter, "en", "---\n- a\n- b\n---\n\n# T {#t}\n",
                             "docs/en/page.md:2:", "not a list of `key: value` lines"),
    # page shape
    "empty page": (lint.page_shape, "uz", FRONT, "docs/uz/page.md:", "the page is empty"),
    "empty page, only a comment": (lint.page_shape, "uz", FRONT + "<!-- later -->\n", "docs/uz/page.md:5:",
                                   "the page is empty"),
    "no level-1 heading": (lint.page_shape, "en", FRONT + "Title\n\n## Part {#part}\n",
                           "docs/en/page.md:5:", "no level-1 heading"),
    "heading in code is no heading": (lint.page_shape, "en", FRONT + "```\n# not a heading\n```\n",
                                      "docs/en/page.md:5:", "no level-1 heading"),
    "two level-1 headings": (lint.page_shape, "en", PAGE + "# Again {#again}\n", "docs/en/page.md:7:",
                             "a second level-1 heading"),
    "heading without id": (lint.page_shape, "en", PAGE + "## Part\n", "docs/en/page.md:7:",
                           "heading without an id: ## Part"),
    # script and embedding
    "<script>": (lint.unsafe_markup, "en", PAGE + "Text.\n\n<script>alert(1)</script>\n",
                 "docs/en/page.md:9:", "raw HTML <script> runs script"),
    "<SCRIPT> in capitals": (lint.unsafe_markup, "en", PAGE + "<SCRIPT SRC=x.js></SCRIPT>\n",
                             "docs/en/page.md:7:", "raw HTML <script>"),
    "<script> in the front matter": (lint.unsafe_markup, "en", '---\ntitle: "<script>alert(1)</script>"\n'
                                     "description: x\n---\n\n# T {#t}\n", "docs/en/page.md:2:", "<script>"),
    "<iframe>": (lint.unsafe_markup, "ru", PAGE + '<iframe src="https://example.org/"></iframe>\n',
                 "docs/ru/page.md:7:", "raw HTML <iframe> embeds another site"),
    "<object>": (lint.unsafe_markup, "en", PAGE + '<object data="movie.swf"></object>\n',
                 "docs/en/page.md:7:", "raw HTML <object>"),
    "<embed>": (lint.unsafe_markup, "en", PAGE + '<embed src="movie.swf">\n', "docs/en/page.md:7:",
                "raw HTML <embed>"),
    "<form>": (lint.unsafe_markup, "uz", PAGE + '<form action="https://example.org/">\n<input name="q">\n</form>\n',
               "docs/uz/page.md:7:", "raw HTML <form>"),
    "<meta> refresh": (lint.unsafe_markup, "en", PAGE + '<meta http-equiv="refresh" content="0;url=https://x.org">\n',
                       "docs/en/page.md:7:", "raw HTML <meta>"),
    "onerror= in a tag": (lint.unsafe_markup, "en", PAGE + '<img src="a.png" onerror="alert(1)">\n',
                          "docs/en/page.md:7:", "event-handler attribute onerror="),
    "onload= after a slash": (lint.unsafe_markup, "en", PAGE + "<svg/onload=alert(1)>\n",
                              "docs/en/page.md:7:", "event-handler attribute onload="),
    "onclick= in a tag over two lines": (lint.unsafe_markup, "en", PAGE + '<span class="x"\n  onclick="alert(1)">a</span>\n',
                                         "docs/en/page.md:8:", "event-handler attribute onclick="),
    "onclick= in attr_list braces": (lint.unsafe_markup, "en", PAGE + "[Go](index.md){: .button onclick=\"alert(1)\" }\n",
                                     "docs/en/page.md:7:", "onclick= in an attribute list {…}"),
    "onmouseover= on a paragraph": (lint.unsafe_markup, "ru", PAGE + "Текст.\n{: onmouseover=alert(1) }\n",
                                    "docs/ru/page.md:8:", "onmouseover= in an attribute list"),
    "javascript: link": (lint.unsafe_markup, "en", PAGE + "[Click](javascript:alert(1))\n",
                         "docs/en/page.md:7:", "a javascript: URL runs script"),
    "javascript: with an entity": (lint.unsafe_markup, "en", PAGE + "[Click](jav&#x61;script:alert(1))\n",
                                   "docs/en/page.md:7:", "a javascript: URL"),
    "javascript: in capitals, in HTML": (lint.unsafe_markup, "en", PAGE + '<a href=" JaVaScRiPt:alert(1)">x</a>\n',
                                         "docs/en/page.md:7:", "a javascript: URL in href="),
    "javascript: in a reference": (lint.unsafe_markup, "en", PAGE + "[Click][go]\n\n[go]: javascript:alert(1)\n",
                                   "docs/en/page.md:9:", "a javascript: URL"),
    "javascript: through attr_list href": (lint.unsafe_markup, "en", PAGE + '[x](index.md){href="javascript:alert(1)"}\n',
                                           "docs/en/page.md:7:", "javascript: URL in an attribute list"),
    "data: image": (lint.unsafe_markup, "uz", PAGE + "![Rasm](data:image/svg+xml;base64,PHN2Zz4=)\n",
                    "docs/uz/page.md:7:", "a data: URL"),
    "data: in HTML src": (lint.unsafe_markup, "en", PAGE + '<img src="data:image/png;base64,AAAA" alt="x">\n',
                          "docs/en/page.md:7:", "a data: URL in src="),
    "image from another site": (lint.unsafe_markup, "en", PAGE + "![Logo](https://example.org/logo.png)\n",
                                "docs/en/page.md:7:", "image loaded from another site"),
    # placeholders
    "TODO left": (lint.placeholders, "en", PAGE + "TODO: write this.\n", "docs/en/page.md:7:",
                  "placeholder TODO"),
    # Uzbek orthography
    "Cyrillic in an Uzbek page": (lint.uzbek_cyrillic, "uz", PAGE + "Markaz Тошкентda joylashgan.\n",
                                  "docs/uz/page.md:7:", "Cyrillic letters «Тошкент»"),
    "Cyrillic in an Uzbek description": (lint.uzbek_cyrillic, "uz", "---\ndescription: Sahifa ҳақида.\n---\n\n# T {#t}\n",
                                         "docs/uz/page.md:2:", "Cyrillic letters «ҳақида»"),
    "o' with U+0027": (lint.uzbek_apostrophes, "uz", PAGE + "O'zbekiston Respublikasi\n",
                       "docs/uz/page.md:7:", "«O'zbekiston»: oʻ/gʻ written with U+0027"),
    "g‘ with U+2018": (lint.uzbek_apostrophes, "uz", PAGE + "Yorug‘ rejim\n",
                       "docs/uz/page.md:7:", "written with U+2018"),
    "o’ with U+2019": (lint.uzbek_apostrophes, "uz", PAGE + "ko’rgazma\n", "docs/uz/page.md:7:", "U+2019"),
    "oʼ with U+02BC": (lint.uzbek_apostrophes, "uz", PAGE + "toʼgʼri\n", "docs/uz/page.md:7:", "U+02BC"),
    "ʻ after another letter": (lint.uzbek_apostrophes, "uz", PAGE + "maʻno\n", "docs/uz/page.md:7:",
                               "ʻ (U+02BB) not after o or g"),
    "tutuq with U+0027": (lint.uzbek_apostrophes, "uz", PAGE + "ta'minlangan\n", "docs/uz/page.md:7:",
                          "the tutuq belgisi written with U+0027"),
    "apostrophe in the description": (lint.uzbek_apostrophes, "uz", "---\ndescription: >-\n  Bo'lim haqida.\n---\n\n# T {#t}\n",
                                      "docs/uz/page.md:3:", "«Bo'lim»"),
}


@pytest.mark.parametrize(("rule", "code", "markdown", "where", "what"), ONE_FILE_CASES.values(), ids=ONE_FILE_CASES)
def test_rule_names_file_and_line(rule, code, markdown, where, what):
    found = lines(rule(source(code, markdown)))
    matching = [line for line in found if line.startswith(where) and what in line]
    assert matching, f"expected «{where} … {what} …», got {found}"
    for line in found:
        assert PROBLEM_LINE.match(line), f"not one `file:line: what — fix` line: {line!r}"


GOOD_CASES = {
    "clean page": (PAGE + "Text with [a link](index.md#title) and <span lang=\"ru\">слово</span>.\n", "uz"),
    "script in code is text": (PAGE + "```html\n<script>alert(1)</script>\n```\n\nUse `<iframe>` never.\n", "en"),
    "a quotation in Russian": (PAGE + "Asl nomi: <span lang=\"ru\">«О дополнительных мерах»</span>.\n", "uz"),
    "official orthography": (PAGE + "Oʻzbekiston, togʻ, taʼminlangan, maʼno, gʻoyadan.\n", "uz"),
    "prose about data": (PAGE + "Raw data: 148.0 thousand tonnes. JavaScript is optional.\n", "en"),
    "data- attribute": (PAGE + '<span data-x="data:1">x</span>\n', "en"),
}


@pytest.mark.parametrize(("markdown", "code"), GOOD_CASES.values(), ids=GOOD_CASES)
def test_rules_accept_good_markdown(markdown, code):
    page = source(code, markdown)
    found = [problem for rule in lint.FILE_RULES for problem in rule(page)]
    assert not found, lines(found)


# ── Fix ───────────────────────────────────────────────────────────────────────


def test_fix_apostrophes_rewrites_only_the_wrong_marks():
    page = source("uz", PAGE + "O'zbekiston, to‘g’ri, ta'minlangan, maʻno, `ko'd`, [havola](o'z.md).\n")
    text, changes = lint.fix_apostrophes(page)
    assert "Oʻzbekiston, toʻgʻri, taʼminlangan, maʼno, `ko'd`, [havola](o'z.md)." in text
    assert len(changes) == 5 and all(change.startswith("docs/uz/page.md:7: ") for change in changes)
    assert not lint.uzbek_apostrophes(lint.Source(page.path, page.name, page.language, page.page, text))


# ── Rules across the languages of a page (a project copy, no build) ──────────


@pytest.fixture
def project_copy(tmp_path) -> Path:
    return copy_project(tmp_path)


def test_page_missing_in_one_language(project_copy):
    (project_copy / "docs/ru/joining.md").unlink()
    found = lines(lint.page_parity(lint.Project(project_copy / "mkdocs.yml")))
    assert any(line.startswith("docs/ru/joining.md: missing: the page exists as docs/uz/joining.md, "
                               "docs/en/joining.md") for line in found), found


def test_page_in_only_one_language(project_copy):
    (project_copy / "docs/en/extra.md").write_text(PAGE, encoding="utf-8")
    found = lines(lint.page_parity(lint.Project(project_copy / "mkdocs.yml")))
    for code in ("uz", "ru"):
        assert any(line.startswith(f"docs/{code}/extra.md: missing: the page exists as docs/en/extra.md")
                   for line in found), found


def test_page_outside_the_language_folders(project_copy):
    (project_copy / "docs/stray.md").write_text(PAGE, encoding="utf-8")
    found = lines(lint.page_parity(lint.Project(project_copy / "mkdocs.yml")))
    assert any(line.startswith("docs/stray.md: outside the language folders") for line in found), found


def test_trust_line_number_differs(project_copy):
    edit(project_copy, "docs/ru/contacts.md", "[(+998 70) 619-23-33](tel:+998706192333)",
         "[(+998 70) 619-23-34](tel:+998706192334)")
    line = line_of(project_copy, "docs/ru/contacts.md", "tel:+998706192334")
    found = lines(lint.same_facts(lint.Project(project_copy / "mkdocs.yml")))
    assert f"docs/ru/contacts.md:{line}: telephone number +998706192334 is not in docs/uz/contacts.md, " \
           "docs/en/contacts.md" in "\n".join(found), found


def test_email_differs(project_copy):
    edit(project_copy, "docs/en/joining.md", "(mailto:info@agmk.uz", "(mailto:info@agmk.com")
    line = line_of(project_copy, "docs/en/joining.md", "mailto:info@agmk.com")
    found = lines(lint.same_facts(lint.Project(project_copy / "mkdocs.yml")))
    assert any(x.startswith(f"docs/en/joining.md:{line}: e-mail address info@agmk.com is not in docs/uz/joining.md, "
                            "docs/ru/joining.md") for x in found), found


def test_feedback_subject_may_differ(project_copy):
    # mailto:…?subject= is in each page's language: only the address is compared.
    assert not lint.same_facts(lint.Project(project_copy / "mkdocs.yml"))


def test_external_link_differs(project_copy):
    append(project_copy, "docs/uz/resolution.md", "\n[Manba](https://agmk.uz/uz/page)\n")
    append(project_copy, "docs/ru/resolution.md", "\n[Источник](https://agmk.uz/ru/page)\n")
    append(project_copy, "docs/en/resolution.md", "\n[Source](https://agmk.uz/uz/page)\n")
    line = line_of(project_copy, "docs/ru/resolution.md", "https://agmk.uz/ru/page")
    found = lines(lint.same_facts(lint.Project(project_copy / "mkdocs.yml")))
    assert any(x.startswith(f"docs/ru/resolution.md:{line}: external link https://agmk.uz/ru/page is not in "
                            "docs/uz/resolution.md, docs/en/resolution.md") for x in found), found
    assert any(x.startswith("docs/uz/resolution.md:") and "https://agmk.uz/uz/page is not in docs/ru/resolution.md"
               in x for x in found), found


def test_heading_id_differs(project_copy):
    edit(project_copy, "docs/en/directions.md", "{#local-supply}", "{#domestic-supply}")
    line = line_of(project_copy, "docs/en/directions.md", "{#domestic-supply}")
    found = lines(lint.same_heading_ids(lint.Project(project_copy / "mkdocs.yml")))
    assert any(x.startswith(f"docs/en/directions.md:{line}: heading id #domestic-supply is not in "
                            "docs/uz/directions.md, docs/ru/directions.md") for x in found), found


# ── The built pages (second layer) ────────────────────────────────────────────


def test_built_page_content_is_checked(project_copy, tmp_path):
    project = lint.Project(project_copy / "mkdocs.yml")
    site = tmp_path / "built"
    page = site / "en" / "contacts" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(
        "<html><head><script src='site.js'></script></head><body>"
        "<article class='md-content__inner'><h1>Contacts</h1>"
        "<p><a href=' JaVa&#x09;Script:alert(1)'>x</a></p><svg><animate onbegin='alert(1)'/></svg>"
        "<iframe src='https://example.org/'></iframe><script>alert(2)</script>"
        "<img src='data:image/png;base64,AAAA' alt='Data: none'></article></body></html>",
        encoding="utf-8")
    found = lines(lint.built_pages(project, BuiltSite(site, project.languages)))
    for what in ("a javascript: URL in href=", "an event-handler attribute onbegin=", "an <iframe> element",
                 "a <script> element", "a data: URL in src="):
        expected = f"docs/en/contacts.md: the built page en/contacts/index.html has {what} in its content"
        assert any(line.startswith(expected) for line in found), (expected, found)
    assert len(found) == 5, found  # the template's own <script> in <head> is not content


# ── The command, end to end ───────────────────────────────────────────────────


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    """A project copy with faults only the build and the whole command see; checked once."""
    root = copy_project(tmp_path_factory.mktemp("broken"))
    (root / "docs/ru/joining.md").unlink()  # missing in one language
    (root / "docs/en/extra.md").write_text(PAGE, encoding="utf-8")  # in one language only
    edit(root, "docs/uz/index.md", "(directions.md)", "(nope.md)")  # a missing page
    edit(root, "docs/en/contacts.md", "(joining.md#proposal)", "(joining.md#nothere)")  # a missing anchor
    edit(root, "docs/en/resolution.md", "(directions.md)", "(/directions/)")  # an absolute link
    edit(root, "docs/uz/joining.md", "(directions.md)", "(directions/)")  # a link to no Markdown file
    append(root, "docs/en/directions.md", "\n<script>alert(1)</script>\n")  # script: source and built page
    append(root, "docs/ru/directions.md", '\n[Кнопка](index.md){: onclick="alert(1)" }\n')  # attr_list handler
    edit(root, "docs/uz/resolution.md", "---\ndescription:", '---\ntitle: "unclosed\ndescription:')  # bad YAML
    done = run_check(root)
    return root, done.returncode, done.stdout.splitlines()


def expect(output: list[str], start: str, fragment: str = "") -> None:
    assert any(line.startswith(start) and fragment in line for line in output), \
        f"no line «{start} … {fragment}» in:\n" + "\n".join(output)


def test_broken_project_fails(broken):
    _root, returncode, output = broken
    assert returncode == 1
    assert SUMMARY_LINE.match(output[-1]), output[-1]
    for line in output[:-1]:
        assert PROBLEM_LINE.match(line), f"not one `file:line: what — fix` line: {line!r}"


def test_reports_missing_translation(broken):
    _root, _rc, output = broken
    expect(output, "docs/ru/joining.md: missing: the page exists as docs/uz/joining.md, docs/en/joining.md")
    expect(output, "docs/uz/extra.md: missing: the page exists as docs/en/extra.md")
    expect(output, "docs/ru/extra.md: missing")


def test_reports_nav_entry_without_a_file(broken):
    root, _rc, output = broken
    line = line_of(root, "mkdocs.yml", "Joining the cluster: joining.md")
    expect(output, f"mkdocs.yml:{line}: nav lists joining.md, but docs/ru/joining.md does not exist")


def test_reports_page_in_no_navigation(broken):
    _root, _rc, output = broken
    expect(output, "docs/en/extra.md: the page is in no navigation")


def test_reports_link_to_missing_page(broken):
    root, _rc, output = broken
    line = line_of(root, "docs/uz/index.md", "(nope.md)")
    expect(output, f"docs/uz/index.md:{line}: link to nope.md: there is no page docs/uz/nope.md")
    line = line_of(root, "docs/ru/contacts.md", "(joining.md#proposal)")
    expect(output, f"docs/ru/contacts.md:{line}: link to joining.md#proposal: there is no page docs/ru/joining.md")


def test_reports_link_to_missing_anchor(broken):
    root, _rc, output = broken
    line = line_of(root, "docs/en/contacts.md", "(joining.md#nothere)")
    expect(output, f"docs/en/contacts.md:{line}: link to joining.md#nothere: docs/en/joining.md has no heading "
                   "with id #nothere", "#proposal")


def test_reports_absolute_link(broken):
    root, _rc, output = broken
    line = line_of(root, "docs/en/resolution.md", "(/directions/)")
    expect(output, f"docs/en/resolution.md:{line}: absolute link /directions/")


def test_reports_link_to_no_markdown_file(broken):
    root, _rc, output = broken
    line = line_of(root, "docs/uz/joining.md", "(directions/)")
    expect(output, f"docs/uz/joining.md:{line}: link to directions/, which is not a Markdown file")


def test_reports_script_in_source_and_in_built_page(broken):
    root, _rc, output = broken
    line = line_of(root, "docs/en/directions.md", "<script>")
    expect(output, f"docs/en/directions.md:{line}: raw HTML <script> runs script")
    expect(output, "docs/en/directions.md: the built page en/directions/index.html has a <script> element")


def test_reports_attr_list_handler_in_source_and_in_built_page(broken):
    root, _rc, output = broken
    line = line_of(root, "docs/ru/directions.md", "onclick=")
    expect(output, f"docs/ru/directions.md:{line}: event-handler attribute onclick= in an attribute list")
    expect(output, "docs/ru/directions.md: the built page ru/directions/index.html has an event-handler attribute "
                   "onclick=")


def test_reports_front_matter_with_the_rest(broken):
    _root, _rc, output = broken
    expect(output, "docs/uz/resolution.md:2: the front matter is not valid YAML", "quoted scalar")


def test_fix_rewrites_the_sources_and_reports(project_copy):
    edit(project_copy, "docs/uz/directions.md", "Ustuvor yoʻnalishlar {#directions}", "Ustuvor yo'nalishlar {#directions}")
    edit(project_copy, "docs/uz/directions.md", "taʼminlash", "ta’minlash")
    line = line_of(project_copy, "docs/uz/directions.md", "Ustuvor yo'nalishlar {#directions}")
    before = run_check(project_copy)
    assert before.returncode == 1
    assert f"docs/uz/directions.md:{line}: «yo'nalishlar»: oʻ/gʻ written with U+0027 APOSTROPHE" in before.stdout
    fixed = run_check(project_copy, "--fix")
    assert fixed.returncode == 0, fixed.stdout
    assert f"fixed docs/uz/directions.md:{line}: U+0027 APOSTROPHE -> U+02BB in «yo'nalishlar»" in fixed.stdout
    assert "--fix: 2 apostrophes corrected" in fixed.stdout
    assert (project_copy / "docs/uz/directions.md").read_text(encoding="utf-8") == \
        (ROOT / "docs/uz/directions.md").read_text(encoding="utf-8")


def test_configuration_that_does_not_load(project_copy):
    edit(project_copy, "mkdocs.yml", "docs_dir: docs", "docs_dir: nowhere")
    done = run_check(project_copy)
    assert done.returncode == 1
    line = line_of(project_copy, "mkdocs.yml", "docs_dir: nowhere")
    assert done.stdout.startswith(f"mkdocs.yml:{line}: the configuration does not load: Config value 'docs_dir'"), \
        done.stdout
    assert len(done.stdout.splitlines()) == 1


def test_unknown_configuration_name(project_copy):
    append(project_copy, "mkdocs.yml", "colour: blue\n")
    line = line_of(project_copy, "mkdocs.yml", "colour: blue")
    done = run_check(project_copy)
    assert done.returncode == 1
    assert done.stdout.startswith(f"mkdocs.yml:{line}: the configuration does not load: Config value 'colour'")
    assert not done.stderr


def test_a_hook_error_keeps_its_file(project_copy):
    edit(project_copy, "mkdocs.yml", "  - Contacts: contacts.md", "  - Contacts: contacts.md\n  - Extra: accessibility.md")
    done = run_check(project_copy)
    assert done.returncode == 1
    assert "i18n/uz.yml: no nav label for 'Extra' — add 'Extra: <label>' under 'nav:'" in done.stdout


def test_a_file_that_is_not_utf8(project_copy):
    (project_copy / "docs/en/contacts.md").write_bytes("# Caf\xe9 {#x}\n".encode("latin-1"))
    problems = lines(lint.Project(project_copy / "mkdocs.yml").unreadable())
    assert problems == ["docs/en/contacts.md: not UTF-8 text (byte 5) — save the file as UTF-8"]


def test_help_is_the_module_docstring():
    done = subprocess.run([sys.executable, str(CHECK), "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and "file:line" not in done.stderr
    assert "The editor check (`make check`)" in done.stdout and "--fix" in done.stdout


def test_the_real_site_passes():
    done = run_check(ROOT)
    assert done.returncode == 0, done.stdout
    assert re.search(r"^check: 0 errors, \d+ warnings? .*ready to publish$", done.stdout, re.M), done.stdout


# ── On GitHub: the problem lines become annotations on the pull request's files ──────────

MATCHERS = ROOT / ".github" / "problem-matchers" / "site-check.json"


def annotation(line: str) -> tuple[str, str, str | None] | None:
    """(severity, file, line) as GitHub's problem matcher reads a line of output, or None.
    Python's re reads these patterns as the Actions runner (.NET) does: no syntax beyond both."""
    import json

    found = []
    for matcher in json.loads(MATCHERS.read_text(encoding="utf-8"))["problemMatcher"]:
        pattern = matcher["pattern"][0]
        match = re.match(pattern["regexp"], line)
        if match:
            found.append((matcher["severity"], match.group(pattern["file"]), match.group(pattern["line"])))
    assert len(found) <= 1, f"two matchers read {line!r}: {found}"
    return found[0] if found else None


def test_every_problem_line_becomes_an_annotation_on_its_file(broken):
    _root, _rc, output = broken
    for line in output[:-1]:
        where = line.split(": ", 1)[0]
        file, _, number = where.partition(":")
        assert annotation(line) == ("error", file, number or None), line
    assert annotation(output[-1]) is None  # the summary


def test_warnings_become_warning_annotations():
    line = str(lint.Problem("docs/ru/index.md", None, "outdated translation: docs/uz/index.md changed after it",
                            "bring it up to date", severity="warning"))
    assert annotation(line) == ("warning", "docs/ru/index.md", None)


@pytest.mark.parametrize("line", [
    "tests/test_check.py::test_rule_names_file_and_line PASSED",
    "tests/test_check.py:123: AssertionError",
    "E   assert 'docs/uz/index.md:3: x — y' == ''",
    "INFO    -  Documentation built in 0.68 seconds",
    "check: 0 errors, 0 warnings (7 pages in 3 languages, 1.7 s): the site is ready to publish",
])
def test_other_output_is_no_annotation(line):
    assert annotation(line) is None


def test_the_test_workflow_adds_the_matcher():
    workflow = (ROOT / ".github" / "workflows" / "test.yml").read_text(encoding="utf-8")
    assert f"::add-matcher::{MATCHERS.relative_to(ROOT).as_posix()}" in workflow
