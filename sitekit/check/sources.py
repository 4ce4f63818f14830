"""Sources and front matter: the Markdown files themselves, before anything reads their text."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from sitekit.check.markdown import COMMENT_RE, FRONT_MATTER_RE, blank_all, body_start, front_matter_span, headings, \
    without_code
from sitekit.check.project import Project, Source
from sitekit.check.rules import rule
from sitekit.problems import Problem
from sitekit.site import source_pages

FAMILY = "Sources and front matter"

# Encodings an editor's program may have saved a file in (Cyrillic ones first: this site's).
CYRILLIC_ENCODINGS = ("cp1251", "koi8_r", "cp866")
ENCODING_NAMES = {"cp1251": "Windows-1251", "koi8_r": "KOI8-R", "cp866": "DOS (CP866)", "utf-16": "UTF-16",
                  "cp1252": "Windows-1252 (Latin-1)"}


def guess_encoding(data: bytes) -> str | None:
    """The encoding non-UTF-8 text was most likely saved in: the Cyrillic one that reads as the
    most lower-case Cyrillic letters (running text is mostly lower case), else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or data.count(b"\x00") > len(data) // 4:
        return "utf-16"
    best, best_score = None, 0
    letters = max(1, sum(ch.isalpha() for ch in data.decode("latin-1")))
    for encoding in CYRILLIC_ENCODINGS:
        try:
            score = len(re.findall("[а-яё]", data.decode(encoding)))
        except UnicodeDecodeError:
            continue
        if score > best_score and score >= letters / 5:  # Cyrillic text, not a few accented letters
            best, best_score = encoding, score
    if best:
        return best
    try:
        data.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return None


def encoding_problem(name: str, data: bytes) -> Problem:
    """One line for a file that is not UTF-8: where the first wrong byte is, what it probably is."""
    try:
        data.decode("utf-8")
        raise ValueError(f"{name} is UTF-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
    guess = guess_encoding(data)
    what = f"saved as {ENCODING_NAMES[guess]}, not UTF-8" if guess else "not UTF-8 text"
    how = (f"reopen it in your editor as {ENCODING_NAMES[guess]} and save it as UTF-8" if guess
           else "save the file as UTF-8") + " (in VS Code: the encoding in the status bar → Save with Encoding → UTF-8)"
    return Problem(name, line, f"the file is {what}", how)


@rule("encoding", "site", rank=0)
def encoding(project: Project) -> list[Problem]:
    """A Markdown file that is not UTF-8 (Windows-1251, for example).

    Why: the build cannot read it, so the page is missing from the site.
    Fix: open the file in its encoding and save it as UTF-8; the line named holds the first
    character that is not UTF-8.
    """
    project.sources()
    return [encoding_problem(project.rel(path), data) for path, data in project.unreadable]


def nav_pages(project: Project) -> set[str]:
    from sitekit.check.configuration import nav_entries

    return {entry.path for entry in nav_entries(project.config_file)}


@rule("page-parity", "site", rank=1)
def page_parity(project: Project) -> list[Problem]:
    """A page missing in a language, or a Markdown file outside the language folders.

    Why: every page exists in every language under the same name; a missing translation would
    leave the language switcher and the search pointing nowhere.
    Fix: translate the page into the missing language under the same file name, or delete it in
    every language. (A page listed in the nav is reported on its nav line in mkdocs.yml.)
    """
    problems = []
    docs = project.docs_name
    pages = {lang.code: source_pages(lang, project.docs) for lang in project.languages}
    in_nav = nav_pages(project)
    for page in project.pages():
        if page in in_nav:
            continue  # rule `nav`: one line, on mkdocs.yml
        having = [lang for lang in project.languages if page in pages[lang.code]]
        lacking = [lang for lang in project.languages if page not in pages[lang.code]]
        if not lacking:
            continue
        where = next((lang for lang in having if lang.default), having[0])
        missing = ", ".join(f"{docs}/{lang.code}/{page}" for lang in lacking)
        names = " and ".join(lang.name for lang in lacking)
        problems.append(Problem(
            f"{docs}/{where.code}/{page}", None,
            f"the page has no translation into {names}: {missing} {'is' if len(lacking) == 1 else 'are'} missing",
            f"translate it under the same name ({missing}), or delete it in every language"))
    codes = {lang.code for lang in project.languages}
    generated = {lang.code for lang in project.editions}
    for path in sorted(project.docs.rglob("*.md")):
        first = path.relative_to(project.docs).parts[0]
        if first in generated:
            source = next(lang.generated_from for lang in project.editions if lang.code == first)
            problems.append(Problem(
                project.rel(path), None, f"docs/{first}/ is generated from docs/{source}/ while the site is built",
                f"delete docs/{first}/ and edit docs/{source}/ instead: the {first} edition follows it by itself"))
        elif first not in codes:
            problems.append(Problem(
                project.rel(path), None, "outside the language folders, so it belongs to no language",
                f"move it to {', '.join(f'docs/{c}/' for c in sorted(codes))} (one copy per language)"))
    return problems


PAGE_NAME_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@rule("file-name", "site")
def file_name(project: Project) -> list[Problem]:
    """A page file name with spaces, capitals or letters other than a–z.

    Why: the file name is the page's web address in every language; a space becomes %20, and
    MkDocs accepts such a name in the nav but links and annotations to it break.
    Fix: rename the file in every language to lower-case English words joined by hyphens
    (``my-events.md``), and its entry in mkdocs.yml's nav.
    """
    problems = []
    in_nav = nav_pages(project)
    for page in project.pages():
        parts = page[:-3].split("/")
        if page in in_nav or all(PAGE_NAME_RE.fullmatch(part) for part in parts):
            continue  # a nav entry's name is rule nav's line, on mkdocs.yml
        having = [lang for lang in project.languages if (project.docs / lang.code / page).is_file()]
        where = next((lang for lang in having if lang.default), having[0])
        suggestion = "/".join(re.sub(r"[^a-z0-9]+", "-", part.lower()).strip("-") or "page" for part in parts)
        problems.append(Problem(
            f"{project.docs_name}/{where.code}/{page}", None,
            f"the file name «{page}» is not lower-case a–z, 0–9 and hyphens",
            f"rename it to {suggestion}.md in every language ({', '.join(lang.code for lang in having)})"))
    return problems


FRONT_MATTER_KEYS = {
    "title": "the page title, when it differs from the level-1 heading",
    "description": "one or two sentences about the page: search results and link previews show them",
    # Checked by the build (sitekit/page_sources.py): a name listed under extra.sources in mkdocs.yml.
    "source": "where the page's content comes from: a name from extra.sources in mkdocs.yml "
              "(several separated by commas)",
}
MIN_DESCRIPTION = 40  # characters; shorter ones say nothing in a search result (tests/test_meta.py)


def front_matter_data(source: Source):
    """The front matter's data, or None when there is none or it is broken."""
    match = FRONT_MATTER_RE.match(source.text)
    if not match:
        return None
    try:
        data = yaml.safe_load(match.group(1) or "")
    except yaml.YAMLError:
        return None
    return data if isinstance(data, dict) else None


@rule("front-matter", "file")
def front_matter(source: Source) -> list[Problem]:
    """Front matter that is not closed or not valid YAML, an unknown key, no description.

    Why: MkDocs reads the front matter for the page's title and description (search results
    and link previews show it); broken front matter silently becomes page text.
    Fix: start the file with ``---``, then ``description: >-`` and one or two indented
    sentences, ``source:`` and its name, then ``---``. Only ``title``, ``description`` and
    ``source`` are known (the build checks that the source is one mkdocs.yml lists).
    """
    text = source.text
    name = source.name
    missing_description = Problem(
        name, 1, "no description in the front matter",
        "start the file with ---, then `description: >-` and one or two indented sentences about the "
        "page, then --- (search results and link previews show it)")
    if not text.startswith("---"):
        return [missing_description]
    span = front_matter_span(text)
    if span is None:
        return [Problem(name, 1, "the front matter is not closed",
                        "end it with a line of three dashes (---) before the page text")]
    block = FRONT_MATTER_RE.match(text).group(1) or ""
    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError as error:
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        if getattr(error, "context", None):
            problem = f"{error.context}: {problem}"
        mark = getattr(error, "problem_mark", None)
        if "end of stream" in problem or mark is None:  # an unclosed quote: where it opened
            mark = getattr(error, "context_mark", None) or mark
        line = mark.line + 2 if mark else 1
        return [Problem(name, line, f"the front matter is not valid YAML ({problem})",
                        "fix the syntax: `key: value` per line; for text with a colon or quotes use "
                        "`description: >-` and put the text on the next lines, indented")]
    if data is None:
        return [missing_description]
    if not isinstance(data, dict):
        return [Problem(name, 2, "the front matter is not a list of `key: value` lines",
                        "write it as `description: …` between the two --- lines")]
    problems = []

    def line_of_key(key) -> int:
        match = re.search(rf"^{re.escape(str(key))}[ \t]*:", block, re.M)
        return 2 + block.count("\n", 0, match.start()) if match else 1

    for key in data:
        if key not in FRONT_MATTER_KEYS:
            problems.append(Problem(
                name, line_of_key(key), f"unknown front-matter key `{key}`",
                "the site knows only " + ", ".join(f"`{k}`" for k in FRONT_MATTER_KEYS) + ": remove it"))
    for key in FRONT_MATTER_KEYS:
        if key in data and not (isinstance(data[key], str) and data[key].strip()):
            problems.append(Problem(name, line_of_key(key), f"`{key}` is empty or not text",
                                    f"write {FRONT_MATTER_KEYS[key]}"))
    description = data.get("description")
    if "description" not in data:
        problems.append(missing_description)
    elif isinstance(description, str) and 0 < len(description.strip()) < MIN_DESCRIPTION:
        problems.append(Problem(name, line_of_key("description"),
                                f"the description is only {len(description.strip())} characters long",
                                f"write one or two sentences (at least {MIN_DESCRIPTION} characters) about what the "
                                "page says: search results show them"))
    return problems


@rule("unique-description", "site")
def unique_description(project: Project) -> list[Problem]:
    """Two pages of one language with the same description.

    Why: search results and link previews show the description; two pages that say the same
    cannot be told apart.
    Fix: describe what each page says that the other does not.
    """
    problems = []
    for lang in project.languages:
        seen: dict[str, Source] = {}
        for source in (s for s in project.sources() if s.language == lang):
            data = front_matter_data(source)
            description = " ".join(str(data.get("description", "")).split()) if data else ""
            if not description:
                continue
            if description in seen:
                line = next((i + 1 for i, text in enumerate(source.text.split("\n")) if text.startswith("description")),
                            None)
                problems.append(Problem(source.name, line, f"the same description as {seen[description].name}",
                                        "write a description of this page's own content"))
            else:
                seen[description] = source
    return problems


@rule("page-shape", "file")
def page_shape(source: Source) -> list[Problem]:
    """An empty page, no level-1 heading or more than one, a heading without an {#id}, a
    heading underlined with ``===`` or ``---`` instead of written with ``#``.

    Why: the level-1 heading is the page's title in the navigation and the browser tab; the
    explicit ids keep page.md#id links working in every language; a line of ``---`` under
    text, meant as a rule, silently turns that text into a heading.
    Fix: start the page with ``# Title {#id}``; make further headings ``## …``; end every
    heading with ``{#short-english-id}``, the same in every language.
    """
    start = body_start(source.text)
    body = without_code(source.text)[start:]
    first_line = source.line_of(start + len(source.text[start:]) - len(source.text[start:].lstrip()))
    if not blank_all(source.text[start:], COMMENT_RE).strip():
        return [Problem(source.name, first_line, "the page is empty",
                        "write its content, starting with a level-1 heading `# Title {#id}`")]
    found = headings(source)
    level_one = [h for h in found if h.level == 1]
    html_h1 = [m for m in re.finditer(r"<h1\b", body, re.I)]
    problems = []
    if not level_one and not html_h1:
        problems.append(Problem(source.name, first_line, "no level-1 heading",
                                "start the page with `# Title {#id}` (one # and a space)"))
    for heading in level_one[1:]:
        problems.append(Problem(source.name, heading.line, "a second level-1 heading",
                                "a page has one `# Title`; make this one a section: `## …`"))
    for heading in found:
        if heading.setext:
            underline = "=====" if heading.level == 1 else "-----"
            problems.append(Problem(
                source.name, heading.line, f"a heading underlined with {underline}: {heading.text}",
                f"write it as `{'#' * heading.level} {heading.text}` (a line of --- under text makes a heading, "
                "not a rule; leave a blank line before it for a rule)"))
        if heading.id is None:
            shown = heading.text.strip() if heading.setext else f"{'#' * heading.level} {heading.text.strip()}"
            problems.append(Problem(
                source.name, heading.line, f"heading without an id: {shown}",
                "add an explicit id at its end, `{#short-english-id}`, the same in every language"))
    return problems


@rule("heading-levels", "file")
def heading_levels(source: Source) -> list[Problem]:
    """A heading that skips a level (``###`` right under ``#``), or a heading with no text.

    Why: screen-reader users move through a page by its headings; a skipped level or an empty
    heading makes them think part of the page is missing (the accessibility tests reject it).
    Fix: go one level deeper at a time (``#``, then ``##``, then ``###``), and give every
    heading its words.
    """
    problems = []
    previous = None
    for heading in headings(source):
        words = re.sub(r"\{[^{}]*\}\s*$", "", heading.text).strip()
        if not words:
            problems.append(Problem(source.name, heading.line, "a heading with no text",
                                    "write the heading's words before its {#id}"))
        if previous and heading.level > previous.level + 1:
            problems.append(Problem(
                source.name, heading.line, f"a level-{heading.level} heading right under a level-{previous.level} "
                f"one (line {previous.line})", f"make it {'#' * (previous.level + 1)} (one level deeper at a time)"))
        previous = heading
    return problems


PLACEHOLDER_RE = re.compile(r"\bTODO\b")


@rule("placeholder", "file")
def placeholders(source: Source) -> list[Problem]:
    """A ``TODO`` left in a page (scripts/new_page.py writes them).

    Why: an unfinished page must not be published.
    Fix: replace the TODO with the real text.
    """
    text = without_code(source.text)
    return [Problem(source.name, source.line_of(m.start()), "placeholder TODO left in the page",
                    "replace it with the real text") for m in PLACEHOLDER_RE.finditer(text)
            if not SOURCE_LINE_RE.match(text, text.rfind("\n", 0, m.start()) + 1)]


# The front matter's `source: TODO` is reported by the page-sources rule, with the names to use.
SOURCE_LINE_RE = re.compile(r"source:")


CONFLICT_RE = re.compile(r"^<{7}(?: [^\n]*)?$.*?^={7}[ \t]*$.*?^>{7}(?: [^\n]*)?$", re.M | re.S)
CONFLICT_LINE_RE = re.compile(r"^(?:<{7}|>{7}|\|{7})(?: .*)?$", re.M)


def conflict_markers(name: str, text: str) -> list[Problem]:
    """One problem per conflict (<<<<<<< … ======= … >>>>>>>), on its first line."""
    problems, covered = [], set()
    for match in CONFLICT_RE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        end = text.count("\n", 0, match.end()) + 1
        covered.update(range(line, end + 1))
        problems.append(Problem(name, line, f"a merge conflict left unresolved (lines {line}–{end}, "
                                "between <<<<<<< and >>>>>>>)",
                                "keep the right version of the text and delete the three marker lines "
                                "(<<<<<<<, =======, >>>>>>>)"))
    for match in CONFLICT_LINE_RE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        if line not in covered:
            problems.append(Problem(name, line, f"a merge-conflict marker line ({match.group()[:7]})",
                                    "resolve the conflict and delete the marker lines"))
    return problems


@rule("conflict-markers", "file", rank=1)
def conflict_markers_in_page(source: Source) -> list[Problem]:
    """Merge-conflict markers (``<<<<<<<``, ``=======``, ``>>>>>>>``) left in a page.

    Why: git writes them when two edits of the same lines meet; published, both versions and
    the markers appear on the page (and ``=======`` turns the line above into a heading).
    Whatever else is wrong in such a page follows from its two versions, so it is reported
    once the conflict is resolved.
    Fix: keep the right version of the text and delete the three marker lines.
    """
    return conflict_markers(source.name, source.text)


TEMPLATE_LINK_RE = re.compile(r"page_url\(\s*['\"]([^'\"]+\.md)['\"]")
TEMPLATE_ANCHOR_RE = re.compile(r"(?:}}|['\"])#([\w-]+)")


def template_links(root: Path) -> list[tuple[str, str | None, str, int]]:
    """(page, anchor or None, file, line) for each link the templates (overrides/**/*.html) and
    the hooks that serve them (overrides/hooks/*.py, read with Python's own parser) make to a
    page with page_url()."""
    found = []
    overrides = Path(root) / "overrides"
    for path in sorted(overrides.rglob("*.html")):
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            for match in TEMPLATE_LINK_RE.finditer(line):
                anchor = TEMPLATE_ANCHOR_RE.search(line, match.end())
                found.append((match.group(1), anchor.group(1) if anchor else None,
                              path.relative_to(root).as_posix(), number))
    for path in sorted((overrides / "hooks").glob("*.py")):
        found += [(page, anchor, path.relative_to(root).as_posix(), line) for page, anchor, line in _hook_links(path)]
    return found


def _hook_links(path: Path) -> list[tuple[str, str | None, int]]:
    """page_url("x.md", …) calls in a hook's code, with the "#id" added to them, if any."""
    import ast

    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (SyntaxError, UnicodeDecodeError):
        return []
    anchors = {}
    for node in ast.walk(tree):  # page_url(…) + "#feedback"
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and isinstance(node.right, ast.Constant) \
                and isinstance(node.right.value, str) and node.right.value.startswith("#"):
            anchors[id(node.left)] = node.right.value[1:]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "page_url" and node.args and \
                isinstance(node.args[0], ast.Constant) and str(node.args[0].value).endswith(".md"):
            found.append((node.args[0].value, anchors.get(id(node)), node.lineno))
    return found


@rule("template-links", "site", rank=1)
def required_pages(project: Project) -> list[Problem]:
    """A page or heading id that the site's header or footer links to is missing.

    Why: every page of the site links to it (the feedback link to ``contacts.md#feedback``, the
    accessibility statement in the footer); without it every page has a broken link.
    Fix: keep the page in every language and keep the heading id the templates link to (or
    ask a maintainer to change the template named).
    """
    from sitekit.check.markdown import element_ids

    problems = []
    for page, anchor, template, line in template_links(project.root):
        for lang in project.languages:
            name = f"{project.docs_name}/{lang.code}/{page}"
            source = project.source(lang.code, page)
            if not (project.docs / lang.code / page).is_file():
                if any((project.docs / other.code / page).is_file() for other in project.languages):
                    continue  # rule `page-parity` or `nav` names the missing translation
                problems.append(Problem(
                    template, line, f"every page links to {page}, which no language has any more",
                    f"restore {project.docs_name}/<language>/{page} in every language (git checkout -- it)"))
                break
            if anchor and source and anchor not in {ident for ident, _line, _where in element_ids(source)}:
                problems.append(Problem(
                    name, None, f"every page links to {page}#{anchor} ({template}), but this page has no "
                    f"heading with id #{anchor}", f"keep the id {{#{anchor}}} on the heading it belongs to"))
    return problems
