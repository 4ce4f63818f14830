"""Built pages: the site is built once (every language, non-strict so that every warning is
seen; each one counts as an error, as in a strict build), its warnings are turned into
problems on the source file and line they are about, and the built pages' content is checked
once more, whatever Markdown or HTML produced it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitekit.check.markdown import find_line, headings
from sitekit.check.project import Project, Source, plain
from sitekit.check.rules import rule
from sitekit.problems import Problem

FAMILY = "Built pages"


@dataclass
class Build:
    output: str  # everything MkDocs printed
    returncode: int
    site: object  # sitekit.built_site.BuiltSite over the built folder


LOG_LINE_RE = re.compile(r"^(WARNING|ERROR)\s+-\s+(.*)$")
BUILDING_RE = re.compile(r"Building '([\w-]+)' documentation")
OUR_FORMAT_RE = re.compile(r"^(?P<file>[\w./-]+?)(?::(?P<line>\d+))?: (?P<message>.+?) — (?P<fix>.+)$")
DOC = r"Doc file '(?P<src>[^']+)'"
BUILD_MESSAGES = [
    ("not_found", re.compile(DOC + r" contains a link '(?P<link>[^']*)', but the target(?: '(?P<target>[^']+)')? is not "
                                   r"found among documentation files\.(?: Did you mean '(?P<suggest>[^']*)'\?)?")),
    ("anchor", re.compile(DOC + r" contains a link '(?P<link>[^']*)', but the doc '(?P<target>[^']+)' does not contain "
                                r"an anchor '#(?P<anchor>[^']*)'\.")),
    ("self_anchor", re.compile(DOC + r" contains a link '(?P<link>[^']*)', but there is no such anchor on this page\.")),
    ("absolute", re.compile(DOC + r" contains an absolute link '(?P<link>[^']*)', it was left as is\.")),
    ("unrecognized", re.compile(DOC + r" contains an unrecognized relative link '(?P<link>[^']*)', it was left as is\.")),
    ("excluded", re.compile(DOC + r" contains a link to '(?P<target>[^']+)' which is excluded from the built site\.")),
    ("nav_missing", re.compile(r"A reference to '(?P<target>[^']+)' is included in the 'nav' configuration, which is not "
                               r"found in the documentation files\.")),
    ("not_in_nav", re.compile(r"The following pages exist in the docs directory, but are not included in the \"nav\" "
                              r"configuration:")),
]
# Messages other rules already report, each once and better: the build's is dropped.
COVERED = [
    re.compile(r"^Error building page '[^']*':\s*$"),  # the wrapper of the error that follows
    re.compile(r"^Aborted with \d+ "),
    re.compile(r"^templates link to '"),  # rule template-links
    re.compile(r"^Encoding error reading file: "),  # rule encoding
    re.compile(r"^Error reading page '[^']*': 'utf-8' codec"),  # rule encoding
]


def log_messages(output: str):
    """(level, language being built, full message) for each WARNING/ERROR, continuation lines joined."""
    language = None
    current = None
    for line in output.splitlines():
        building = BUILDING_RE.search(line)
        if building and line.startswith("INFO"):
            language = building.group(1)
        match = LOG_LINE_RE.match(line)
        if match:
            if current:
                yield current
            current = [match.group(1), language, match.group(2).strip()]
        elif current and line.startswith((" ", "\t")) and line.strip():
            current[2] += "\n" + line.strip()
        elif current:
            yield current
            current = None
    if current:
        yield current


def _ids_of(source: Source | None) -> str:
    if source is None:
        return ""
    ids = [h.id for h in headings(source) if h.id]
    return f" (its ids: {', '.join('#' + i for i in ids[:8])}{', …' if len(ids) > 8 else ''})" if ids else ""


def existing_file(project: Project, name: str) -> str:
    """The file a hook's message means, as it exists: a generated edition's page or strings
    are its source language's (docs/uz-cyrl/x.md -> docs/uz/x.md, i18n/uz-Cyrl.yml ->
    i18n/uz.yml when uz-cyrl.yml has no such key of its own); a name in another letter case
    is the file's real name; anything else unknown is mkdocs.yml."""
    docs = project.docs_name
    for edition in project.editions:
        prefix = f"{docs}/{edition.code}/"
        if name.startswith(prefix):
            name = f"{docs}/{edition.generated_from}/{name[len(prefix):]}"
    if (project.root / name).is_file():
        return name
    folder = (project.root / name).parent
    if folder.is_dir():
        for candidate in folder.iterdir():
            if candidate.name.lower() == (project.root / name).name.lower():
                edition = next((e for e in project.editions if e.code.lower() == candidate.stem.lower()), None)
                if edition and name.startswith("i18n/"):
                    return f"i18n/{edition.generated_from}.yml"
                return project.rel(candidate)
    return project.config_name


@rule("build", "build")
def build_problems(project: Project, build: Build) -> list[Problem]:
    """MkDocs' warnings and errors: a link to a page or heading that does not exist, an
    absolute link or one to a web address instead of a Markdown file, a page in no navigation.

    Why: a strict build (the one published) stops at any of them; here each is one line on the
    source file and line it is about (a page of the generated uz-cyrl edition is reported on
    the docs/uz/ file it comes from).
    Fix: what the line says; links name the Markdown file by a relative path
    (``contacts.md#email``, ``../index.md``).
    """
    docs = project.docs_name
    codes = {lang.code for lang in project.all_languages}
    problems = []
    covered = 0
    for level, _language, message in log_messages(build.output):
        if any(pattern.search(message) for pattern in COVERED):
            covered += 1
            continue
        ours = OUR_FORMAT_RE.match(message)
        if ours:  # our hooks already speak this format
            problems.append(Problem(existing_file(project, ours["file"]), int(ours["line"]) if ours["line"] else None,
                                    plain(ours["message"], project.root), plain(ours["fix"], project.root)))
            continue
        kind, match = next(((k, p.match(message)) for k, p in BUILD_MESSAGES if p.match(message)), (None, None))
        if kind is None:
            src = re.search(DOC + "|page '(?P<page>[^']+)'", message)
            named = (src["src"] or src["page"]) if src else ""
            file = project.source_name(*named.split("/", 1)) if "/" in named else project.config_name
            what = plain(message.splitlines()[0], project.root)
            problems.append(Problem(existing_file(project, file), None,
                                    f"the build {'fails' if level == 'ERROR' else 'warns'}: {what}",
                                    "fix what it names; the check treats every build warning as an error"))
            continue
        if kind == "nav_missing":
            continue  # rule nav, on the nav's line
        if kind == "not_in_nav":
            for listed in re.findall(r"^- (.+)$", message, re.M):
                code, _, page = listed.strip().partition("/")
                problems.append(Problem(
                    project.source_name(code, page), None, "the page is in no navigation",
                    f"add `- <English label>: {page}` under nav: in {project.config_name} and the label under nav: "
                    "in every i18n/*.yml (scripts/new_page.py prints the lines), or list it under not_in_nav"))
            continue
        code, _, page = match["src"].partition("/")
        file = project.source_name(code, page)
        source = project.source_for(code, page)
        link = match.groupdict().get("link")
        line = find_line(source, link) if source and link else None
        if kind == "not_found":
            target = match["target"] or link
            target_code = target.split("/", 1)[0]
            if target_code in codes and target_code != code:
                covered += 1
                continue  # a link into another language: rule cross-language-link
            if target_code in codes:
                target = f"{project.source_code(target_code)}/{target.split('/', 1)[1]}"
                page = target.split("/", 1)[1]
                if any((project.docs / lang.code / page).is_file() for lang in project.languages):
                    covered += 1
                    continue  # the page is missing in this language only: rule nav or page-parity, once
            suggestion = f" (did you mean {match['suggest']}?)" if match["suggest"] else ""
            problems.append(Problem(file, line, f"link to {link}: there is no page {docs}/{target}",
                                    f"correct the link{suggestion}, or create that page in every language"))
        elif kind == "anchor":
            target_code, _, target_page = match["target"].partition("/")
            target = project.source_name(target_code, target_page)
            target_source = project.source_for(target_code, target_page)
            problems.append(Problem(
                file, line, f"link to {link}: {target} has no heading with id #{match['anchor']}",
                f"link an id it has{_ids_of(target_source)}, or add {{#{match['anchor']}}} to the heading meant"))
        elif kind == "self_anchor":
            problems.append(Problem(file, line, f"link to {link}: this page has no heading with id {link}",
                                    f"link an id it has{_ids_of(source)}"))
        elif kind == "absolute":
            problems.append(Problem(
                file, line, f"absolute link {link}",
                "link the page's Markdown file by a relative path (for example contacts.md#email or "
                "../index.md): it then works in every language and at any address"))
        elif kind == "unrecognized":
            problems.append(Problem(
                file, line, f"link to {link}, which is not a Markdown file",
                "link the page's .md file (for example joining.md#proposal), not its web address"))
        elif kind == "excluded":
            problems.append(Problem(file, line, f"link to {match['target']}, which is excluded from the site",
                                    "link a published page instead"))
    if build.returncode != 0 and not problems and not covered and not project.unreadable:
        last = next((line for line in reversed(build.output.splitlines()) if line.strip()), "no output")
        problems.append(Problem(project.config_name, None, f"the build failed: {plain(last.strip(), project.root)}",
                                "run `.venv/bin/mkdocs build --strict` to see the whole error"))
    unique = {}
    for problem in problems:
        unique.setdefault(str(problem), problem)
    return list(unique.values())
