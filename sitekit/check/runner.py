"""Running every rule once, in order, and sorting what they find so that the most important
lines come first (GitHub shows only the first 10 annotations of a step)."""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from sitekit.check.project import Project, load_project
from sitekit.check.rules import Rule, rules
from sitekit.problems import Problem

CONFIG_FILES = ("mkdocs.yml",)
CONFIG_FOLDERS = ("i18n/",)


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)  # sorted, each once
    fixes: list[str] = field(default_factory=list)  # what --fix changed
    pages: int = 0
    languages: int = 0
    seconds: float = 0.0
    built: bool = False
    note: str = ""  # why part of the check did not run

    @property
    def errors(self) -> int:
        return sum(p.severity == "error" for p in self.problems)

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors

    def summary(self) -> str:
        errors, warnings = self.errors, self.warnings
        scope = f"{self.pages} pages in {self.languages} languages, " if self.languages else ""
        line = (f"check: {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
                f" ({scope}{self.seconds:.1f} s)")
        if self.note:
            return f"{line}: {self.note}"
        return line if errors else line + ": the site is ready to publish"


def rank(problem: Problem, rule: Rule | None) -> tuple:
    """Sort key: errors before warnings; configuration, then missing pages and navigation, then
    the rest; by file and line within each."""
    is_config = problem.file in CONFIG_FILES or problem.file.startswith(CONFIG_FOLDERS)
    level = 0 if is_config else (rule.rank if rule else 2)
    return (problem.severity != "error", level, problem.file, problem.line or 0, problem.message)


CONFLICT_RULE = "conflict-markers"


class Findings:
    """Every problem once. The build refuses what a page may not contain (sitekit.page_safety),
    and rule unsafe-markup has usually found it in the source already: the build's line on the
    same file and line is the same cause, and only the source rule's, more precise, is kept.
    A page with a merge conflict left in it holds two versions of its text, so whatever else is
    found in it follows from the conflict: only the conflict is reported there."""

    def __init__(self):
        self.ranked: dict[str, tuple[tuple, Problem, str | None]] = {}
        self.unsafe_at: set[tuple[str, int | None]] = set()  # (file, line) found by unsafe-markup

    def add(self, found: list[Problem], rule: Rule | None = None) -> None:
        from sitekit.page_safety import FIXES as SAFETY_FIXES

        for problem in found:
            if rule is not None and rule.name == "unsafe-markup":
                self.unsafe_at.add((problem.file, problem.line))
            elif (rule is not None and rule.scope == "build" and problem.fix in SAFETY_FIXES
                  and (problem.file, problem.line) in self.unsafe_at):
                continue
            self.ranked.setdefault(str(problem), (rank(problem, rule), problem, rule.name if rule else None))

    def _kept(self):
        conflicted = {problem.file for _key, problem, name in self.ranked.values() if name == CONFLICT_RULE}
        return [entry for entry in self.ranked.values() if entry[2] == CONFLICT_RULE or entry[1].file not in conflicted]

    def sorted(self) -> list[Problem]:
        return [problem for _key, problem, _name in sorted(self._kept(), key=lambda item: item[0])]

    def has_errors(self) -> bool:
        return any(problem.severity == "error" for _key, problem, _name in self._kept())


def fix_sources(project: Project) -> list[str]:
    """Correct the Uzbek apostrophes in place (keeping Windows line ends); one line per change."""
    from sitekit.check.language import fix_apostrophes

    changes = []
    for source in project.sources():
        text, changed = fix_apostrophes(source)
        if changed:
            crlf = b"\r\n" in source.path.read_bytes()
            source.path.write_text(text.replace("\n", "\r\n") if crlf else text, encoding="utf-8", newline="")
            source.text = text
            changes += changed
    return changes


def run(config_file: Path, fix: bool = False) -> Report:
    """Every rule over the project of config_file (see sitekit.check)."""
    from sitekit.build import finish, start
    from sitekit.built_site import BuiltSite
    from sitekit.check.built import Build

    started = time.monotonic()
    config_file = Path(config_file).resolve()
    root = config_file.parent
    report = Report()
    findings = Findings()
    unreadable = blocking = False
    for config_rule in rules("config"):
        found = config_rule(root)
        findings.add(found, config_rule)
        if any(problem.severity == "error" for problem in found):
            # Unreadable YAML stops everything; missing strings stop only the build.
            unreadable |= config_rule.name == "config-syntax"
            blocking |= config_rule.name == "interface-strings"
    if unreadable:  # MkDocs cannot read the configuration: nothing else can be checked
        report.note = "fix the configuration first; the pages are checked once it reads"
        report.problems = findings.sorted()
        report.seconds = time.monotonic() - started
        return report
    project, problems = load_project(config_file)
    if project is None:
        if not blocking:  # else the same cause, already named by rule interface-strings
            findings.add(problems)
        report.note = "fix the configuration first; the pages are checked once it reads"
        report.problems = findings.sorted()
        report.seconds = time.monotonic() - started
        return report
    if fix:
        report.fixes = fix_sources(project)
    report.pages, report.languages = len(project.pages()), len(project.languages)
    with tempfile.TemporaryDirectory(prefix="site-check-") as site_dir:
        # The build runs in the background while the sources are read (two processes, two cores).
        # Listen's speech text is prepared on every page (a broken lexicon is an error) but not
        # recorded: seconds rather than minutes on a cold cache, and no eSpeak NG needed here.
        building = None if blocking else start(Path(site_dir), project.config_file, strict=False,
                                               env={"SITE_SPEECH": "off"})
        try:
            for site_rule in rules("site"):
                findings.add(site_rule(project), site_rule)
            for file_rule in rules("file"):
                for source in project.sources():
                    findings.add(file_rule(source), file_rule)
        finally:
            result = finish(building) if building else None
        if result is None:
            report.note = "the site was not built: add the missing interface strings first"
        else:
            report.built = True
            base_path = urlsplit(project.config.site_url or "/").path
            build = Build(result.output, result.returncode,
                          BuiltSite(Path(site_dir), project.all_languages, base_path))
            for build_rule in rules("build"):
                findings.add(build_rule(project, build), build_rule)
    report.problems = findings.sorted()
    report.seconds = time.monotonic() - started
    return report


def rule_list(width: int = 88) -> str:
    """Every rule by family, with the first line of its documentation: for --help."""
    import textwrap

    lines = []
    family = None
    for registered in rules():
        if registered.family != family:
            family = registered.family
            lines.append(f"{family}:")
        summary = textwrap.wrap(registered.summary.replace("``", "`"), width - 28) or [""]
        lines.append(f"  {registered.name:<25} {summary[0]}")
        lines += [" " * 28 + more for more in summary[1:]]
    return "\n".join(lines)
