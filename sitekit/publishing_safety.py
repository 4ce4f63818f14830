"""The publishing build's refusals, as problems an editor can act on: which source file, which
line, what to remove. The rules themselves are in sitekit/page_safety.py (pages) and
sitekit/asset_safety.py (files under docs/, extra_javascript); the hook that runs them is
overrides/hooks/publishing_safety.py.

A page is checked twice: its content (what its Markdown made) and the finished page (the
templates around it). What the finished page has beyond its content came from the page's
front matter (a title or description that the theme puts into <head> as it is) or from a
template in overrides/; each is named as such.
"""

from __future__ import annotations

import re
from collections import Counter

from sitekit.page_safety import Finding, script_not_ours, unsafe_content
from sitekit.problems import Problem

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(?:[^\n]|\n(?![ \t]*\n))*?[^`]\1(?!`)")
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(?:.*?\n)?(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", re.S)


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group())


class MarkdownSource:
    """A page's Markdown as its editor wrote it, searchable for what its HTML came from.
    Code (fenced blocks and `spans`) is blanked out, since Markdown shows it as text; every
    offset, and so every line number, stays the file's."""

    def __init__(self, text: str):
        self.text = text
        lines = text.split("\n")
        fence = None
        for i, line in enumerate(lines):
            match = _FENCE.match(line) if fence is None else None
            if match:
                fence = match.group(1)
                lines[i] = " " * len(line)
            elif fence is not None:
                if re.fullmatch(r"[ \t]*" + re.escape(fence[0]) + "{%d,}[ \t]*" % len(fence), line):
                    fence = None
                lines[i] = " " * len(line)
        self.searchable = _CODE_SPAN.sub(_blank, "\n".join(lines))
        front = _FRONT_MATTER.match(text)
        self.body_start = front.end() if front else 0
        self._cursor: dict[str, int] = {}

    def line(self, finding: Finding, front_matter: bool = False) -> int | None:
        """The line of what a finding is about: in the body, its next occurrence (after the last
        one found for the same pattern); in the front matter, its first. None if not found."""
        if front_matter:  # the theme may repeat a value (description, og:description): no cursor
            return self._line_between(finding, 0, self.body_start, advance=False)
        return self._line_between(finding, self.body_start, len(self.searchable), advance=True)

    def _line_between(self, finding: Finding, start: int, end: int, advance: bool) -> int | None:
        for pattern in finding.patterns:
            found = re.compile(pattern, re.IGNORECASE).search(self.searchable, self._cursor.get(pattern, start), end)
            if found:
                if advance:
                    self._cursor[pattern] = found.end()
                return self.text.count("\n", 0, found.start()) + 1
        return None


def page_problems(source_name: str, source_text: str, content_html: str, page_html: str) -> list[Problem]:
    """Everything the publishing build refuses in one page: ``source_name`` is the editor's
    file ("docs/uz/index.md", also for the Cyrillic edition made from it), ``source_text`` its
    Markdown, ``content_html`` what the Markdown became, ``page_html`` the finished page."""
    source = MarkdownSource(source_text)
    problems = []
    content = unsafe_content(content_html)
    for finding in content:
        problems.append(Problem(source_name, source.line(finding), finding.what, finding.fix))
    for finding in _outside(script_not_ours(page_html), content):
        line = source.line(finding, front_matter=True)
        if line is not None:
            problems.append(Problem(
                source_name, line, f"HTML in the front matter, which the theme puts into the page's <head> as it is: "
                f"{finding.what}", "write the title and description as plain text, without HTML"))
        else:
            problems.append(template_problem("overrides/", finding))
    return problems


def _outside(finished: list[Finding], content: list[Finding]) -> list[Finding]:
    """The findings of the finished page that its content does not account for: matched by
    kind and text first, then (should the minifier have touched the text) by kind alone."""
    unmatched = Counter((f.key, f.detail) for f in content)
    left = []
    for finding in finished:
        if unmatched[(finding.key, finding.detail)] > 0:
            unmatched[(finding.key, finding.detail)] -= 1
        else:
            left.append(finding)
    by_kind = Counter(key for (key, _detail), count in unmatched.items() for _ in range(count))
    outside = []
    for finding in left:
        if by_kind[finding.key] > 0:
            by_kind[finding.key] -= 1
        else:
            outside.append(finding)
    return outside


def template_problem(where: str, finding: Finding) -> Problem:
    return Problem(where, None, f"a template writes this into the pages: {finding.what}", finding.fix)


def template_problems(where: str, page_html: str) -> list[Problem]:
    """What the publishing build refuses in a page made from templates alone (404.html)."""
    return [template_problem(where, finding) for finding in script_not_ours(page_html)]


class Refusals:
    """The problems one `mkdocs build` found, over all its language builds, each kept once (the
    Cyrillic edition repeats its Uzbek source's; static-i18n reruns every hook per language)."""

    def __init__(self):
        self.problems: list[Problem] = []
        self._seen: set[str] = set()
        self._logged: set[str] = set()

    def reset(self) -> None:
        self.problems.clear()
        self._seen.clear()
        self._logged.clear()

    def flush(self, log) -> None:
        """Log, as errors, each problem not logged yet, sorted by file and line."""
        for problem in sorted(self.problems, key=Problem.sort_key):
            if str(problem) not in self._logged:
                self._logged.add(str(problem))
                log.error(str(problem))

    def add(self, problem: Problem) -> bool:
        """Keep a problem; False if it was already kept."""
        if str(problem) in self._seen:
            return False
        self._seen.add(str(problem))
        self.problems.append(problem)
        return True

    def summary(self) -> str:
        files = sorted({p.file for p in self.problems})
        shown = ", ".join(files[:5]) + (f" and {len(files) - 5} more" if len(files) > 5 else "")
        count = len(self.problems)
        return (f"the publishing build refuses {count} problem{'s' if count != 1 else ''} in {shown} "
                "(listed above, each as `file:line: what — how to fix`)")
