"""The runner (sitekit/check/runner.py, scripts/check.py): every rule documented where it is
defined; --help lists them from their docs; the most important lines first; one cause, one
line; on GitHub, each line an annotation on its file. And the one test on today's site."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from fixture_site import CHECK, edit, line_of, problems, run_check
from sitekit.check.rules import SCOPES, rules
from sitekit.check.runner import Findings
from sitekit.problems import Problem
from sitekit.site import ROOT


@pytest.mark.parametrize("rule", rules(), ids=lambda rule: rule.name)
def test_every_rule_is_documented(rule):
    assert rule.scope in SCOPES
    assert rule.summary and not rule.summary.startswith(("Why", "Fix")), rule.name
    assert len(rule.section("Why")) > 20, f"{rule.name}: its docstring needs a `Why:` paragraph"
    assert len(rule.section("Fix")) > 10, f"{rule.name}: its docstring needs a `Fix:` paragraph"
    assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", rule.name)


def test_help_is_the_docstring_and_lists_every_rule():
    done = subprocess.run([sys.executable, str(CHECK), "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stderr
    assert "The editor check (`make check`)" in done.stdout and "--fix" in done.stdout
    for rule in rules():
        assert re.search(rf"^  {re.escape(rule.name)} +{re.escape(rule.summary.split()[0])}", done.stdout, re.M), \
            rule.name
        entry = re.search(rf"^  {re.escape(rule.name)} +(.*(?:\n {{20,}}.*)*)", done.stdout, re.M).group(1)
        shown = " ".join(entry.split())
        assert shown.startswith(" ".join(rule.summary.replace("``", "`").split())[:60]), (rule.name, shown)
    for family in {rule.family for rule in rules()}:
        assert f"\n{family}:\n" in done.stdout


def test_important_lines_come_first():
    findings = Findings()
    by_rule = {rule.name: rule for rule in rules()}
    findings.add([Problem("docs/en/a.md", 3, "outdated", "update", severity="warning")], by_rule["outdated-translation"])
    findings.add([Problem("docs/en/a.md", 9, "late", "x"), Problem("docs/en/a.md", 2, "early", "x")], by_rule["table"])
    findings.add([Problem("docs/uz/b.md", None, "no translation", "translate")], by_rule["page-parity"])
    findings.add([Problem("mkdocs.yml", 120, "nav lists b.md", "remove")], by_rule["nav"])
    findings.add([Problem("i18n/ru.yml", 3, "broken", "fix")], by_rule["build"])  # a config file, from the build
    assert [(p.file, p.line) for p in findings.sorted()] == [
        ("i18n/ru.yml", 3), ("mkdocs.yml", 120), ("docs/uz/b.md", None), ("docs/en/a.md", 2), ("docs/en/a.md", 9),
        ("docs/en/a.md", 3)]


def test_one_cause_is_one_line():
    findings = Findings()
    problem = Problem("docs/uz/index.md", 3, "link to nope.md: there is no page docs/uz/nope.md", "correct it")
    findings.add([problem, problem])  # the Uzbek build and its Cyrillic edition's
    assert findings.sorted() == [problem]


def test_a_legitimate_edit_passes(site):
    """An id renamed in every language, and the link to it."""
    for code in ("uz", "ru", "en"):
        edit(site, f"docs/{code}/contacts.md", "{#email}", "{#e-mail}")
        edit(site, f"docs/{code}/index.md", "(contacts.md#email)", "(contacts.md#e-mail)")
    done = run_check(site)
    assert done.returncode == 0, done.stdout
    assert problems(done) == []


def test_the_most_important_line_is_within_githubs_ten(site):
    """A page deleted but left in the nav: the nav line comes first, before the links to it."""
    for code in ("uz", "ru", "en"):
        (site / f"docs/{code}/contacts.md").unlink()
    done = run_check(site)
    line = line_of(site, "mkdocs.yml", "  - Contacts: contacts.md")
    assert problems(done)[0].startswith(f"mkdocs.yml:{line}: nav lists contacts.md")


def test_the_real_site_passes():
    """The one test on today's pages: they have no error (warnings are allowed)."""
    done = run_check(ROOT)
    assert done.returncode == 0, done.stdout
    assert re.search(r"^check: 0 errors, \d+ warnings? .*ready to publish$", done.stdout, re.M), done.stdout


# ── On GitHub: the problem lines become annotations on the pull request's files ──────────

MATCHERS = ROOT / ".github" / "problem-matchers" / "site-check.json"


def annotation(line: str) -> tuple[str, str, str | None] | None:
    """(severity, file, line) as GitHub's problem matcher reads a line of output, or None.
    Python's re reads these patterns as the Actions runner (.NET) does: no syntax beyond both."""
    found = []
    for matcher in json.loads(MATCHERS.read_text(encoding="utf-8"))["problemMatcher"]:
        pattern = matcher["pattern"][0]
        match = re.match(pattern["regexp"], line)
        if match:
            found.append((matcher["severity"], match.group(pattern["file"]), match.group(pattern["line"])))
    assert len(found) <= 1, f"two matchers read {line!r}: {found}"
    return found[0] if found else None


@pytest.mark.parametrize("problem", [
    Problem("docs/uz/index.md", 3, "link to nope.md: there is no page docs/uz/nope.md", "correct the link"),
    Problem("mkdocs.yml", 120, "nav lists contacts.md, which no language has", "remove this line"),
    Problem("i18n/ru.yml", None, "the interface string theme/x is missing", "add it"),
    Problem("docs/uz/my events.md", None, "the file name «my events.md» is not lower-case", "rename it"),
    Problem("docs/ru/index.md", None, "outdated translation", "bring it up to date", severity="warning"),
])
def test_every_problem_line_becomes_an_annotation_on_its_file(problem):
    severity = "warning" if problem.severity == "warning" else "error"
    assert annotation(str(problem)) == (severity, problem.file, str(problem.line) if problem.line else None)


@pytest.mark.parametrize("line", [
    "tests/test_check.py::test_rule_names_file_and_line PASSED",
    "tests/test_check.py:123: AssertionError",
    "E   assert 'docs/uz/index.md:3: x — y' == ''",
    "INFO    -  Documentation built in 0.68 seconds",
    "check: 0 errors, 0 warnings (7 pages in 3 languages, 1.7 s): the site is ready to publish",
    "    indented: x — y",
])
def test_other_output_is_no_annotation(line):
    assert annotation(line) is None


def test_the_test_workflow_adds_the_matcher():
    workflow = (ROOT / ".github" / "workflows" / "test.yml").read_text(encoding="utf-8")
    assert f"::add-matcher::{MATCHERS.relative_to(ROOT).as_posix()}" in workflow
