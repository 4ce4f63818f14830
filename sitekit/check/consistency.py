"""Cross-language consistency: the languages of a page say the same facts, carry the same
heading ids and link the same pages.

When one language differs from the others, only that one is named (for three languages: the
one that disagrees with the other two); when they all differ, each is named once.
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from urllib.parse import unquote, urlsplit

from sitekit.check.markdown import PHONE_RE, URL_RE, EMAIL_RE, blank_all, body_start, element_ids, headings, \
    heading_line, links, section_at, visible_text, without_code
from sitekit.check.numbers import find_facts
from sitekit.check.project import Project, Source
from sitekit.check.rules import rule
from sitekit.problems import Problem

FAMILY = "Cross-language consistency"


@dataclass(frozen=True)
class Occurrence:
    line: int
    shown: str  # as written in this file
    canonical: str = ""  # the same in every language ("2021-06-24"), when it differs from shown
    later: tuple[int, ...] = ()  # the lines it is written on again in the same file

    @property
    def described(self) -> str:
        return f"{self.shown} ({self.canonical})" if self.canonical and self.canonical != self.shown else self.shown

    @property
    def value(self) -> str:
        return self.canonical or self.shown


Facts = dict[tuple, Occurrence]  # (kind, value) -> first occurrence


def record(found: Facts, key: tuple, occurrence: Occurrence) -> None:
    """Keep a value's first occurrence, and the lines of the others (an odd value written
    several times is one problem that names them all, not one per run of the check)."""
    first = found.get(key)
    if first is None:
        found[key] = occurrence
    elif occurrence.line != first.line and occurrence.line not in first.later:
        found[key] = replace(first, later=first.later + (occurrence.line,))


def _also(occurrence: Occurrence) -> str:
    if not occurrence.later:
        return ""
    return f" (again on line{'s' * (len(occurrence.later) > 1)} {', '.join(map(str, occurrence.later))})"


def comparable(project: Project) -> dict[str, list[Source]]:
    """Pages in two languages or more, with their non-empty sources (an empty page is reported
    once, as empty; a missing one as missing)."""
    found = {}
    for page, sources in project.by_page().items():
        sources = [s for s in sources if s.text[body_start(s.text):].strip()]
        if len(sources) > 1:
            found[page] = sources
    return found


def _where(names_lines: list[tuple[str, int | None]]) -> str:
    return ", ".join(f"{name}:{line}" if line else name for name, line in names_lines)


def differences(sources: list[Source], facts: dict[str, Facts], fix: str, skip=lambda source, key: False,
                describe=lambda kind, shown: f"{kind} {shown}") -> list[Problem]:
    """One problem per odd value: the files that lack a value most files have, and the files
    that have a value most files lack (at a tie, those that have it), with a value of the same
    kind that the others have in its place when there is one."""
    names = [s.name for s in sources]
    by_name = {s.name: s for s in sources}
    extra: dict[str, list[tuple]] = defaultdict(list)
    missing: dict[str, list[tuple]] = defaultdict(list)
    every_key = []
    for name in names:
        every_key += [key for key in facts[name] if key not in every_key]
    for key in every_key:
        holders = [name for name in names if key in facts[name]]
        if len(holders) == len(names):
            continue
        if 2 * len(holders) > len(names):
            for name in names:
                if name not in holders:
                    missing[name].append(key)
        else:
            for name in holders:
                extra[name].append(key)
    problems = []
    for source in sources:
        name = source.name
        lacking = [key for key in missing[name] if not skip(source, key)]
        having = sorted((key for key in extra[name] if not skip(source, key)), key=lambda k: facts[name][k].line)
        for key in having:
            occurrence = facts[name][key]
            others = [n for n in names if n != name and key not in facts[n]]
            instead = next((k for k in lacking if k[0] == key[0]), None)
            if instead is not None:
                lacking.remove(instead)
                holders = [(n, facts[n][instead].line) for n in names if instead in facts[n]]
                shown = facts[holders[0][0]][instead].value
                problems.append(Problem(name, occurrence.line,
                                        f"{describe(key[0], occurrence.described)}{_also(occurrence)}, where "
                                        f"{_where(holders)} "
                                        f"{'has' if len(holders) == 1 else 'have'} {shown}", fix))
            else:
                problems.append(Problem(name, occurrence.line,
                                        f"{describe(key[0], occurrence.described)}{_also(occurrence)} is not in "
                                        f"{', '.join(others)}", fix))
        for key in lacking:
            holders = [(n, facts[n][key].line) for n in names if key in facts[n]]
            first_holder, first_line = holders[0]
            line = heading_line(source, section_at(by_name[first_holder], first_line))
            shown = facts[first_holder][key].described
            problems.append(Problem(name, line, f"{describe(key[0], shown)} is missing here "
                                                f"({_where(holders)} {'has' if len(holders) == 1 else 'have'} it)", fix))
    return problems


# ── Telephone numbers, e-mail addresses, external links ───────────────────────

TEL_RE = re.compile(r"\btel:([+\d][\d\-.()%A-Fa-f]*\d)")
MAILTO_RE = re.compile(r"\bmailto:([^\s)\"'<>?]+)", re.I)


def contact_facts(source: Source) -> Facts:
    """The telephone numbers (tel: links and +998… in the text), e-mail addresses (mailto:
    without ?subject=, and in the text) and external links of a page."""
    text = without_code(source.text)
    found: Facts = {}

    def add(kind: str, value: str, offset: int, shown: str):
        record(found, (kind, value), Occurrence(source.line_of(offset), shown))

    for match in TEL_RE.finditer(text):
        number = "+" + re.sub(r"\D", "", unquote(match.group(1)))
        add("telephone number", number, match.start(), number)
    for match in PHONE_RE.finditer(visible_text(source.text)):
        number = "+" + re.sub(r"\D", "", match.group())
        add("telephone number", number, match.start(), number)
    for match in MAILTO_RE.finditer(text):
        address = unquote(match.group(1)).lower()
        add("e-mail address", address, match.start(), address)
    for match in EMAIL_RE.finditer(text):
        add("e-mail address", match.group().lower(), match.start(), match.group().lower())
    for match in URL_RE.finditer(text):
        url = match.group().rstrip(".,;:!?")
        # http:// and https:// are the same link here: an insecure one is rule insecure-link's, once
        add("external link", re.sub(r"^http://", "https://", url, flags=re.I), match.start(), url)
    return found


@rule("same-contacts", "site")
def same_facts(project: Project) -> list[Problem]:
    """A telephone number, e-mail address or external link that differs between the languages.

    Why: the trust-line number and the addresses must be right in every language; a
    difference means one of them is wrong.
    Fix: correct the language named (only the ``?subject=`` of a mailto: link is written in
    the page's language).
    """
    problems = []
    for _page, sources in comparable(project).items():
        facts = {s.name: contact_facts(s) for s in sources}
        problems += differences(sources, facts, "the languages of a page give the same numbers, e-mail "
                                                "addresses and external links: correct the one that is wrong")
    return problems


# ── Numbers, dates and document numbers ───────────────────────────────────────


def number_facts(source: Source) -> Facts:
    text = visible_text(source.text, keep_language=source.language.html_lang.split("-")[0].lower())
    text = blank_all(text, PHONE_RE)
    text = re.sub(r"\{[^{}\n]*\}", lambda m: " " * len(m.group()), text)
    found: Facts = {}
    for fact in find_facts(text, source.language.code):
        canonical = fact.canonical if fact.canonical != fact.shown else ""
        record(found, fact.key, Occurrence(source.line_of(fact.offset), f"«{fact.shown}»", canonical))
    return found


@rule("same-numbers", "site")
def same_numbers(project: Project) -> list[Problem]:
    """A number, date or document number that is not the same in every language of a page.

    Why: a figure, a date or a resolution's number changed in one language only (PP-5159 →
    PP-5195, 24.06.2021 → 24.07.2021) is a wrong fact in that language. Formats are compared,
    not spelling: 24.06.2021 = 24-iyun 2021 = 2021-yil 24-iyun = 24 июня 2021 = 24 June 2021;
    148,0 = 148.0; 148,0 ming = 148,0 тыс. = 148.0 thousand; PP-5159 = ПП-5159 = PQ-5159.
    Fix: correct the language named to say what the others say (quotations in another
    language, marked ``<span lang="ru">…</span>``, are not compared).
    """
    problems = []
    for _page, sources in comparable(project).items():
        facts = {s.name: number_facts(s) for s in sources}
        problems += differences(sources, facts, "give the same figures, dates and document numbers in every "
                                                "language: correct the one that is wrong")
    return problems


# ── Heading ids ────────────────────────────────────────────────────────────────


def _duplicated_ids(source: Source) -> set[str]:
    ids = [ident for ident, _line, _where in element_ids(source)]
    return {ident for ident in ids if ids.count(ident) > 1}


@rule("same-heading-ids", "site")
def same_heading_ids(project: Project) -> list[Problem]:
    """A heading id (``{#id}``) that differs between the languages of a page.

    Why: links to ``page.md#id`` are written once and must work in every language, and the
    language switcher keeps the reader's place by the id.
    Fix: give the heading the same ``{#id}`` as in the other languages (an id renamed in
    every language, with the links to it, is fine).
    """
    problems = []
    for _page, sources in comparable(project).items():
        facts = {s.name: {("heading id", h.id): Occurrence(h.line, f"#{h.id}") for h in headings(s) if h.id}
                 for s in sources}
        duplicated = {s.name: _duplicated_ids(s) for s in sources}

        def skip(source: Source, key, duplicated=duplicated, facts=facts) -> bool:
            # In a file that uses an id twice, the id it lacks is rule duplicate-id's line.
            return bool(duplicated[source.name]) and key not in facts[source.name]

        problems += differences(sources, facts, "give each heading the same {#id} in every language", skip=skip)
    return problems


# ── Links between pages ────────────────────────────────────────────────────────


def internal_target(source: Source, destination: str, project: Project) -> tuple[str, str] | None:
    """(page, anchor) a link to a page of the same language leads to, or None for other links
    (external, mailto:, tel:, another language, a file that is not a page)."""
    parts = urlsplit(destination)
    if parts.scheme or parts.netloc or destination.startswith("/"):
        return None
    path = unquote(parts.path)
    if not path:
        return source.page, unquote(parts.fragment)
    if not path.endswith(".md"):
        return None
    target = posixpath.normpath(posixpath.join(source.language.code, posixpath.dirname(source.page), path))
    language, _, page = target.partition("/")
    if language not in {lang.code for lang in project.all_languages}:
        return None
    # A link into another language's folder counts as the same page's: rule cross-language-link
    # reports it, once.
    return page, unquote(parts.fragment)


def resolves(project: Project, source: Source, target: tuple[str, str]) -> bool:
    page, anchor = target
    if not (project.docs / source.language.code / page).is_file():
        return False
    other = project.source(source.language.code, page)
    if other is None or not anchor:
        return True  # a file that cannot be read is rule encoding's
    return anchor in {ident for ident, _line, _where in element_ids(other)}


def link_facts(project: Project, source: Source) -> tuple[Facts, int]:
    """The pages and headings a page links to, and how many of its links are broken."""
    found: Facts = {}
    broken = 0
    for link in links(source):
        if link.kind != "markdown":
            continue
        target = internal_target(source, link.destination, project)
        if target is None:
            continue
        if not resolves(project, source, target):
            broken += 1  # the build reports it, once
            continue
        shown = target[0] + (f"#{target[1]}" if target[1] else "")
        record(found, ("link to", target), Occurrence(source.line_of(link.offset), shown))
    return found, broken


@rule("same-links", "site")
def same_links(project: Project) -> list[Problem]:
    """A link to a page of the site (or to a heading) that one language has and the others not.

    Why: the languages of a page lead readers to the same pages; a link added, removed or
    pointed elsewhere in one language only is usually a mistake of that language.
    Fix: link the same page and heading in every language (``contacts.md#email``).
    """
    problems = []
    for _page, sources in comparable(project).items():
        found = {s.name: link_facts(project, s) for s in sources}
        facts = {name: links_ for name, (links_, _broken) in found.items()}

        def skip(source: Source, key, found=found, facts=facts) -> bool:
            # A file with a broken link lacks the link it was meant to be: the build's line.
            return bool(found[source.name][1]) and key not in facts[source.name]

        problems += differences(sources, facts, "link the same pages and headings in every language", skip=skip)
    return problems
