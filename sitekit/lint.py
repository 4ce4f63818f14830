"""The editor check: rules over the Markdown sources, the strict build's warnings and the built
pages. Every rule returns ``Problem`` records, each printed on one line as
``file:line: what is wrong — how to fix``. ``scripts/check.py`` runs them all.

The rules, in the order the check runs them:

site-wide (every language at once)
  page_parity          a page missing in a language, or a Markdown file outside the language folders
  same_facts           tel: numbers, e-mail addresses and external links differ between the
                       languages of a page
  same_heading_ids     a heading id (``{#id}``) differs between the languages of a page
per file
  front_matter         front matter not closed, not valid YAML, an unknown key, no description
  page_shape           an empty page, no level-1 heading or more than one, a heading without {#id}
  unsafe_markup        <script>, <iframe>, <object>, <embed>, <form> and their kin, on…= event
                       attributes (in tags or {…} attribute lists), javascript:/vbscript:/data:
                       URLs, images and media loaded from another site
  placeholders         TODO left from scripts/new_page.py
  uzbek_cyrillic       Cyrillic letters in an Uzbek (Latin) page, outside <… lang="ru"> quotations
  uzbek_apostrophes    oʻ gʻ written with ' ‘ ’ ` ´ ʼ instead of U+02BB; ʻ after another letter;
                       the tutuq belgisi written with ' ’ instead of U+02BC (fix_apostrophes
                       rewrites them; the build never does, so the sources stay canonical)
the build
  build_problems       MkDocs' warnings (missing page, missing anchor, absolute or unrecognised
                       link, nav entry without a file, page not in nav) in this format
  built_pages          in each built page's content: script, iframe, object, embed, frame, form,
                       an on…= attribute, a javascript:/vbscript:/data: URL
translation status (warnings, not errors)
  outdated_translations  a counterpart changed after this translation (sitekit.translation_status)
"""

from __future__ import annotations

import html
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import yaml

from sitekit.problems import Problem
from sitekit.site import Language, edited_languages, languages as site_languages, load_site_config, source_pages


# ── The project ───────────────────────────────────────────────────────────────


@dataclass
class Source:
    """One Markdown page in one language."""

    path: Path
    name: str  # "docs/uz/index.md"
    language: Language
    page: str  # "index.md"
    text: str

    def line_of(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1


class Project:
    def __init__(self, config_file: Path):
        self.config = load_site_config(str(config_file))
        self.config_file = Path(self.config.config_file_path)
        self.root = self.config_file.parent
        self.docs = Path(self.config.docs_dir)
        # The languages editors write; a generated edition (uz-cyrl) has no files to lint.
        self.languages = edited_languages(self.config)
        self.editions = [lang for lang in site_languages(self.config) if lang.generated_from]
        self.default = next(lang for lang in self.languages if lang.default)
        self._sources: list[Source] | None = None

    def rel(self, path: Path) -> str:
        return Path(path).resolve().relative_to(self.root.resolve()).as_posix()

    @property
    def config_name(self) -> str:
        return self.rel(self.config_file)

    def pages(self) -> list[str]:
        return sorted(set().union(*(source_pages(lang, self.docs) for lang in self.languages)))

    def sources(self) -> list[Source]:
        """Every Markdown page of every language that could be read (see unreadable())."""
        if self._sources is None:
            self._sources, self._unreadable = [], []
            for lang in self.languages:
                for page in sorted(source_pages(lang, self.docs)):
                    path = self.docs / lang.code / page
                    try:
                        text = path.read_bytes().decode("utf-8")
                    except UnicodeDecodeError as error:
                        self._unreadable.append(Problem(
                            self.rel(path), None, f"not UTF-8 text (byte {error.start})",
                            "save the file as UTF-8"))
                        continue
                    text = text.lstrip("\ufeff").replace("\r\n", "\n")
                    self._sources.append(Source(path, self.rel(path), lang, page, text))
        return self._sources

    def unreadable(self) -> list[Problem]:
        self.sources()
        return self._unreadable

    def source(self, language_code: str, page: str) -> Source | None:
        return next((s for s in self.sources() if s.language.code == language_code and s.page == page), None)

    def by_page(self) -> dict[str, list[Source]]:
        grouped: dict[str, list[Source]] = {}
        for source in self.sources():
            grouped.setdefault(source.page, []).append(source)
        return grouped


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(" ".join(record.getMessage().split()))


def load_project(config_file: Path) -> tuple[Project | None, list[Problem]]:
    """The project, or the problems that keep mkdocs.yml from loading (MkDocs' own warnings
    about it are collected here instead of being printed)."""
    collector = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    propagate, logger.propagate = logger.propagate, False
    name = Path(config_file).name
    try:
        return Project(config_file), []
    except Exception as error:
        problems = [Problem(name, _config_line(config_file, message), f"the configuration does not load: {message}",
                            "fix mkdocs.yml (or the i18n/*.yml file it names)") for message in collector.messages]
        message = " ".join(str(error).split()) or type(error).__name__
        if not problems or "Aborted with" not in message:
            problems.append(Problem(name, None, f"the configuration does not load: {message}",
                                    "fix mkdocs.yml (or the i18n/*.yml file it names)"))
        return None, problems
    finally:
        logger.removeHandler(collector)
        logger.propagate = propagate


def _config_line(config_file: Path, message: str) -> int | None:
    """The line of mkdocs.yml that a "Config value 'name'" message is about."""
    match = re.search(r"configuration name: ([\w-]+)|Config value '([\w-]+)'", message)
    if not match:
        return None
    key = match.group(1) or match.group(2)
    text = Path(config_file).read_text(encoding="utf-8")
    found = re.search(rf"^{re.escape(key)}\s*:", text, re.M)
    return text.count("\n", 0, found.start()) + 1 if found else None


def is_uzbek_latin(language: Language) -> bool:
    tag = language.html_lang.lower()
    return tag.split("-")[0] == "uz" and "cyrl" not in tag


# ── Reading Markdown ──────────────────────────────────────────────────────────
# The rules search text in which the parts they must not look at are blanked out with
# spaces, so that offsets (and so line numbers) stay those of the file.

FRONT_MATTER_RE = re.compile(r"\A-{3}[ \t]*\n(.*?\n)?(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", re.S)  # like MkDocs
FENCE_RE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
INLINE_CODE_RE = re.compile(r"(?<!`)(`+)(?!`)(?:[^\n]|\n(?![ \t]*\n))*?[^`]\1(?!`)")
COMMENT_RE = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
TAG_RE = re.compile(r"</?([A-Za-z][\w:.-]*)((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>", re.S)
OPEN_TAG_RE = re.compile(r"<([A-Za-z][\w:.-]*)(?=[\s/>]|$)((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>?", re.S | re.M)
ATTR_LIST_RE = re.compile(r"\{:?[ \t]*((?:[#.][\w-]|[A-Za-z_:][\w:.-]*[ \t]*=)[^{}\n]*)\}")
ATTRIBUTE_RE = re.compile(
    r"(?:^|(?<=[\s\"'/{:]))([A-Za-z_:][\w:.-]*)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'=<>`{}]+))"
)
LINK_DESTINATION_RE = re.compile(r"\]\([ \t]*\n?[ \t]*(<[^<>\n]*>|[^\s)]*(?:\([^\s)]*\)[^\s)]*)*)")
REFERENCE_RE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*\n?[ \t]*<?(\S+?)>?(?:[ \t].*)?$", re.M)
AUTOLINK_RE = re.compile(r"<([A-Za-z][\w+.-]*:[^\s<>]*)>")
URL_RE = re.compile(r"https?://[^\s<>\"'()\[\]{}«»“”]+")
EMAIL_RE = re.compile(r"(?<![\w.%+-])[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
PHONE_RE = re.compile(r"\(?\+\d[\d \u00a0()\-]{6,}\d")
TEL_RE = re.compile(r"\btel:([+\d][\d\-.()%A-Fa-f]*\d)")
MAILTO_RE = re.compile(r"\bmailto:([^\s)\"'<>?]+)", re.I)
LANG_ELEMENT_RE = re.compile(
    r"<([A-Za-z][\w-]*)\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z-]+)[\"']?[^>]*>.*?</\1\s*>", re.S
)


def blank(text: str, start: int, end: int) -> str:
    """text with [start:end) replaced by spaces, newlines kept."""
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def blank_all(text: str, pattern: re.Pattern, group: int = 0) -> str:
    for match in reversed(list(pattern.finditer(text))):
        text = blank(text, match.start(group), match.end(group))
    return text


def front_matter_span(text: str) -> tuple[int, int] | None:
    """Offsets of the front matter block (with its --- lines), as MkDocs finds it."""
    match = FRONT_MATTER_RE.match(text)
    return (match.start(), match.end()) if match else None


def body_start(text: str) -> int:
    span = front_matter_span(text)
    return span[1] if span else 0


def without_code(text: str) -> str:
    """Fenced code blocks and inline code blanked: Markdown shows them as text, never as HTML."""
    lines = text.split("\n")
    fence = None
    for i, line in enumerate(lines):
        if fence is None:
            match = FENCE_RE.match(line)
            if match and not (match.group(1)[0] == "`" and "`" in line[match.end():]):
                fence = match.group(1)
                lines[i] = " " * len(line)
        else:
            if re.fullmatch(r"[ \t]*" + re.escape(fence[0]) + "{%d,}[ \t]*" % len(fence), line):
                fence = None
            lines[i] = " " * len(line)
    return blank_all("\n".join(lines), INLINE_CODE_RE)


def visible_text(text: str, keep_language: str | None = None) -> str:
    """Only what a reader sees as text: code, comments, tags, link destinations, attribute
    lists, URLs and e-mail addresses blanked. With keep_language, elements marked with another
    ``lang`` (``<span lang="ru">…</span>``) are blanked too, content included."""
    text = without_code(text)
    text = blank_all(text, COMMENT_RE)
    if keep_language:
        for match in reversed(list(LANG_ELEMENT_RE.finditer(text))):
            if match.group(2).lower().split("-")[0] != keep_language:
                text = blank(text, match.start(), match.end())
    for pattern in (TAG_RE, LINK_DESTINATION_RE, REFERENCE_RE, ATTR_LIST_RE, AUTOLINK_RE, URL_RE, EMAIL_RE):
        text = blank_all(text, pattern)
    span = front_matter_span(text)
    if span:  # keep the values, not the keys
        text = blank_all(text[: span[1]], re.compile(r"^-{3}|^\.{3}|^[A-Za-z_][\w-]*[ \t]*:", re.M)) + text[span[1]:]
    return text


def find_line(source: Source, needle: str) -> int | None:
    """The line where a link target appears as a link (or anywhere), for MkDocs' messages."""
    for before in ("](", "]: ", '="', "='", "<", ""):
        offset = source.text.find(before + needle)
        if offset >= 0:
            return source.line_of(offset + len(before))
    return None


# ── Site-wide rules ───────────────────────────────────────────────────────────


def page_parity(project: Project) -> list[Problem]:
    problems = []
    pages = {lang.code: source_pages(lang, project.docs) for lang in project.languages}
    for page in project.pages():
        having = [project.rel(project.docs / code / page) for code in pages if page in pages[code]]
        for lang in project.languages:
            if page not in pages[lang.code]:
                problems.append(Problem(
                    project.rel(project.docs / lang.code / page), None,
                    f"missing: the page exists as {', '.join(having)} but not in {lang.name} ({lang.code})",
                    f"translate it into {lang.code} under this name, or delete it in every language "
                    "(every page exists in every language)"))
    codes = {lang.code for lang in project.languages}
    for path in sorted(project.docs.rglob("*.md")):
        if path.relative_to(project.docs).parts[0] not in codes:
            problems.append(Problem(
                project.rel(path), None, "outside the language folders, so it belongs to no language",
                f"move it to {', '.join(f'docs/{c}/' for c in sorted(codes))} (one copy per language)"))
    return problems


def _facts(source: Source) -> dict[tuple[str, str], int]:
    """(kind, value) -> first line, for the telephone numbers (tel: links and +998… in the text),
    e-mail addresses (mailto: without ?subject=, and in the text) and external links of a page."""
    text = without_code(source.text)
    found: dict[tuple[str, str], int] = {}

    def add(kind: str, value: str, offset: int):
        found.setdefault((kind, value), source.line_of(offset))

    for match in TEL_RE.finditer(text):
        add("telephone number", "+" + re.sub(r"\D", "", unquote(match.group(1))), match.start())
    visible = visible_text(source.text)
    for match in PHONE_RE.finditer(visible):
        add("telephone number", "+" + re.sub(r"\D", "", match.group()), match.start())
    for match in MAILTO_RE.finditer(text):
        add("e-mail address", unquote(match.group(1)).lower(), match.start())
    for match in EMAIL_RE.finditer(text):
        add("e-mail address", match.group().lower(), match.start())
    for match in URL_RE.finditer(text):
        add("external link", match.group().rstrip(".,;:!?"), match.start())
    return found


def _comparable(project: Project) -> dict[str, list[Source]]:
    """Pages with their non-empty sources (an empty page is reported once, as empty)."""
    return {page: [s for s in sources if s.text[body_start(s.text):].strip()]
            for page, sources in project.by_page().items()}


def same_facts(project: Project) -> list[Problem]:
    """The trust-line number, e-mail addresses and external links are the same in every language."""
    problems = []
    for page, sources in _comparable(project).items():
        facts = {s.name: _facts(s) for s in sources}
        for source in sources:
            others = [o for o in sources if o is not source]
            for (kind, value), line in sorted(facts[source.name].items()):
                lacking = [o.name for o in others if (kind, value) not in facts[o.name]]
                if lacking:
                    problems.append(Problem(
                        source.name, line, f"{kind} {value} is not in {', '.join(lacking)}",
                        "the languages of a page give the same numbers, e-mail addresses and external "
                        "links: correct the one that is wrong"))
    return problems


HEADING_RE = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$", re.M)
HEADING_ID_RE = re.compile(r"\{[^{}]*#([\w-]+)[^{}]*\}\s*$")


def _headings(source: Source) -> list[tuple[int, int, str, str | None]]:
    """(line, level, text, id) of the ATX headings outside code."""
    text = without_code(source.text)
    start = body_start(source.text)
    found = []
    for match in HEADING_RE.finditer(text, start):
        ident = HEADING_ID_RE.search(match.group(2))
        found.append((source.line_of(match.start()), len(match.group(1)), match.group(2),
                      ident.group(1) if ident else None))
    return found


def same_heading_ids(project: Project) -> list[Problem]:
    """Headings carry the same ids in every language, so page.md#id links work everywhere."""
    problems = []
    for page, sources in _comparable(project).items():
        ids = {s.name: {h[3]: h[0] for h in _headings(s) if h[3]} for s in sources}
        for source in sources:
            for ident, line in ids[source.name].items():
                lacking = [o.name for o in sources if o is not source and ident not in ids[o.name]]
                if lacking:
                    problems.append(Problem(
                        source.name, line, f"heading id #{ident} is not in {', '.join(lacking)}",
                        "give each heading the same {#id} in every language"))
    return problems


# ── Per-file rules ────────────────────────────────────────────────────────────

FRONT_MATTER_KEYS = {
    "title": "the page title, when it differs from the level-1 heading",
    "description": "one or two sentences about the page: search results and link previews show them",
    # Checked by the build (sitekit/page_sources.py): a name listed under extra.sources in mkdocs.yml.
    "source": "where the page's content comes from: a name from extra.sources in mkdocs.yml "
              "(several separated by commas)",
}


def front_matter(source: Source) -> list[Problem]:
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
    for key in data:
        if key not in FRONT_MATTER_KEYS:
            match = re.search(rf"^{re.escape(str(key))}[ \t]*:", block, re.M)
            problems.append(Problem(
                name, 2 + block.count("\n", 0, match.start()) if match else 1,
                f"unknown front-matter key `{key}`",
                "the site knows only " + " and ".join(f"`{k}`" for k in FRONT_MATTER_KEYS) + ": remove it"))
    for key in FRONT_MATTER_KEYS:
        if key in data and not (isinstance(data[key], str) and data[key].strip()):
            match = re.search(rf"^{key}[ \t]*:", block, re.M)
            problems.append(Problem(
                name, 2 + block.count("\n", 0, match.start()) if match else 1,
                f"`{key}` is empty or not text", f"write {FRONT_MATTER_KEYS[key]}"))
    if "description" not in data:
        problems.append(missing_description)
    return problems


def page_shape(source: Source) -> list[Problem]:
    """Content, exactly one level-1 heading, and an explicit id on every heading."""
    start = body_start(source.text)
    body = without_code(source.text)[start:]
    first_line = source.line_of(start + len(source.text[start:]) - len(source.text[start:].lstrip()))
    if not blank_all(source.text[start:], COMMENT_RE).strip():
        return [Problem(source.name, first_line, "the page is empty",
                        "write its content, starting with a level-1 heading `# Title {#id}`")]
    headings = _headings(source)
    level_one = [h for h in headings if h[1] == 1]
    setext = [m for m in re.finditer(r"^[^\n]*\S[^\n]*\n=+[ \t]*$", body, re.M)]
    html_h1 = [m for m in re.finditer(r"<h1\b", body, re.I)]
    problems = []
    if not level_one and not setext and not html_h1:
        problems.append(Problem(source.name, first_line, "no level-1 heading",
                                "start the page with `# Title {#id}` (one # and a space)"))
    for line, _level, _text, _ident in level_one[1:]:
        problems.append(Problem(source.name, line, "a second level-1 heading",
                                "a page has one `# Title`; make this one a section: `## …`"))
    for line, level, text, ident in headings:
        if ident is None:
            problems.append(Problem(
                source.name, line, f"heading without an id: {'#' * level} {text.strip()}",
                "add an explicit id at its end, `{#short-english-id}`, the same in every language"))
    return problems


PLACEHOLDER_RE = re.compile(r"\bTODO\b")


def placeholders(source: Source) -> list[Problem]:
    text = without_code(source.text)
    return [Problem(source.name, source.line_of(m.start()), "placeholder TODO left in the page",
                    "replace it with the real text") for m in PLACEHOLDER_RE.finditer(text)]


# Raw HTML elements an editor's page may not contain, with why and what to do instead.
EMBED_FIX = "link to it instead, [text](https://…); pages may not embed another site"
FORM_FIX = "pages take no input: link to the e-mail address (mailto:) or the contacts page instead"
HEAD_FIX = "remove it: the templates write the page's <head>; the description goes in the front matter"
SCRIPT_FIX = "remove it: pages may not run script (behaviour belongs in overrides/, reviewed separately)"
FORBIDDEN_TAGS = {
    "script": ("runs script", SCRIPT_FIX),
    "iframe": ("embeds another site", EMBED_FIX),
    "frame": ("embeds another site", EMBED_FIX),
    "frameset": ("embeds another site", EMBED_FIX),
    "object": ("embeds another site or a plug-in", EMBED_FIX),
    "embed": ("embeds another site or a plug-in", EMBED_FIX),
    "applet": ("embeds a plug-in", EMBED_FIX),
    "portal": ("embeds another site", EMBED_FIX),
    "form": ("is a form that sends visitors' input somewhere", FORM_FIX),
    "input": ("is a form field", FORM_FIX),
    "button": ("is a form button", FORM_FIX),
    "select": ("is a form field", FORM_FIX),
    "textarea": ("is a form field", FORM_FIX),
    "base": ("changes where every link of the page goes", HEAD_FIX),
    "meta": ("can redirect or reconfigure the page", HEAD_FIX),
    "link": ("loads a resource into the page", HEAD_FIX),
}
# Attributes whose value is a URL (a data: URL elsewhere is only text).
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "xlink:href", "data", "poster", "background",
                  "cite", "codebase", "longdesc", "usemap", "ping", "manifest", "icon", "lowsrc", "dynsrc"}
MEDIA_TAGS = {"img", "video", "audio", "source", "track", "picture", "image", "input"}
MEDIA_ATTRIBUTES = {"src", "srcset", "poster", "data", "background", "href", "xlink:href"}
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")
SCHEME_FIX = {
    "javascript:": ("runs script when clicked",
                    "link to a page (page.md#id), an https:// address, mailto: or tel: instead"),
    "vbscript:": ("runs script when clicked",
                  "link to a page (page.md#id), an https:// address, mailto: or tel: instead"),
    "data:": ("puts content into the page that is not a file of the site",
              "save the file under docs/assets/ and link it by its relative path"),
}


def url_scheme(value: str, attribute: str = "href") -> str | None:
    """The dangerous scheme a URL really has in a browser, seeing through entities
    (&#106;avascript:), Markdown escapes, spaces, tabs and letter case. javascript: counts in
    any attribute; data: only where the attribute holds a URL."""
    value = html.unescape(value)
    value = re.sub(r"\\(.)", r"\1", value)
    value = re.sub(r"[\x00-\x20\x7f]", "", value).lower()
    scheme = next((scheme for scheme in DANGEROUS_SCHEMES if value.startswith(scheme)), None)
    if scheme == "data:" and attribute.lower() not in URL_ATTRIBUTES:
        return None
    return scheme


def _attributes(text: str):
    for match in ATTRIBUTE_RE.finditer(text):
        value = next(v for v in match.groups()[1:] if v is not None)
        yield match.group(1).lower(), value, match


def unsafe_markup(source: Source) -> list[Problem]:
    """Markup that could run script in a visitor's browser or embed another site."""
    text = without_code(source.text)
    problems: dict[tuple, Problem] = {}

    def report(offset: int, message: str, fix: str):
        line = source.line_of(offset)
        problems.setdefault((line, message), Problem(source.name, line, message, fix))

    for tag in OPEN_TAG_RE.finditer(text):
        name, attributes = tag.group(1).lower(), tag.group(2)
        if name in FORBIDDEN_TAGS:
            what, fix = FORBIDDEN_TAGS[name]
            report(tag.start(), f"raw HTML <{name}> {what}", fix)
        for attribute, value, match in _attributes(attributes):
            offset = tag.start(2) + match.start()
            if attribute.startswith("on"):
                report(offset, f"event-handler attribute {attribute}= runs script",
                       "remove it: pages may not run script")
            scheme = url_scheme(value, attribute)
            if scheme:
                what, fix = SCHEME_FIX[scheme]
                report(offset, f"a {scheme} URL in {attribute}= {what}", fix)
            elif name in MEDIA_TAGS and attribute in MEDIA_ATTRIBUTES and re.match(r"\s*(https?:)?//", value):
                report(offset, f"<{name}> loads {value.strip()} from another site",
                       "save a copy under docs/assets/ and link it by its relative path")
    for attr_list in ATTR_LIST_RE.finditer(text):
        for attribute, value, match in _attributes(attr_list.group(1)):
            offset = attr_list.start(1) + match.start()
            if attribute.startswith("on"):
                report(offset, f"event-handler attribute {attribute}= in an attribute list {{…}} runs script",
                       "remove it from the braces: pages may not run script")
            scheme = url_scheme(value, attribute)
            if scheme:
                what, fix = SCHEME_FIX[scheme]
                report(offset, f"a {scheme} URL in an attribute list {{…}} {what}", fix)
    for pattern in (LINK_DESTINATION_RE, REFERENCE_RE, AUTOLINK_RE):
        for match in pattern.finditer(text):
            destination = match.group(1).strip("<>")
            scheme = url_scheme(destination)
            if scheme:
                what, fix = SCHEME_FIX[scheme]
                report(match.start(1), f"a {scheme} URL {what}", fix)
    for match in re.finditer(r"!\[[^\]\n]*\]\([ \t]*<?((?:https?:)?//[^\s)>]+)", text):
        report(match.start(1), f"image loaded from another site ({match.group(1)})",
               "save a copy under docs/assets/ and link it by its relative path")
    # Anything the patterns above did not parse: a javascript: anywhere outside code.
    offset = 0
    for line in text.split("\n"):
        if re.search(r"(?i)(?:java|vb)script:", re.sub(r"[\x00-\x20]", "", html.unescape(line))):
            if not any(p.line == source.line_of(offset) and ":" in p.message for p in problems.values()):
                report(offset, "a javascript: URL runs script when clicked", SCHEME_FIX["javascript:"][1])
        offset += len(line) + 1
    return sorted(problems.values())


CYRILLIC_RE = re.compile(r"[\u0400-\u04ff\u0500-\u052f]+")


def uzbek_cyrillic(source: Source) -> list[Problem]:
    if not is_uzbek_latin(source.language):
        return []
    text = visible_text(source.text, keep_language="uz")
    problems = []
    for match in CYRILLIC_RE.finditer(text):
        problems.append(Problem(
            source.name, source.line_of(match.start()),
            f"Cyrillic letters «{match.group()}» in an Uzbek (Latin) page",
            "write the word in Latin (scripts/translit.py --to latn), or mark a quotation as "
            "<span lang=\"ru\">…</span>"))
    return problems


OKINA = "\u02bb"  # ʻ in oʻ gʻ
TUTUQ = "\u02bc"  # ʼ tutuq belgisi
# oʻ gʻ with anything but U+02BB (an apostrophe after o/g that is not followed by a letter is
# a closing quotation mark, except after g at a word's end: togʻ, bogʻ).
WRONG_OKINA_RE = re.compile(r"(?<=[OoGg])(?:['‘’`´ʼ](?=[A-Za-z])|(?<=[Gg])['‘’`´ʼ](?![A-Za-z])|[‘`´ʼ])")
OKINA_AFTER_OTHER_RE = re.compile(r"(?<![OoGg])" + OKINA)
WRONG_TUTUQ_RE = re.compile(r"(?<=[A-FH-NP-Za-fh-np-z])['’‘`´](?=[A-Za-z])")
APOSTROPHE_NAMES = {"'": "U+0027 APOSTROPHE", "‘": "U+2018", "’": "U+2019", "`": "U+0060 GRAVE ACCENT",
                    "´": "U+00B4 ACUTE ACCENT", "ʼ": "U+02BC (the tutuq belgisi)", "ʻ": "U+02BB"}


def apostrophe_mistakes(source: Source) -> list[tuple[int, str, str, str]]:
    """(offset, wrong character, right character, word) in an Uzbek page's visible text."""
    if not is_uzbek_latin(source.language):
        return []
    text = visible_text(source.text, keep_language="uz")
    found = []
    for pattern, right in ((WRONG_OKINA_RE, OKINA), (OKINA_AFTER_OTHER_RE, TUTUQ), (WRONG_TUTUQ_RE, TUTUQ)):
        for match in pattern.finditer(text):
            word = re.search(r"[\w'‘’`´ʼʻ]*\Z", source.text[: match.start()]).group() + match.group() + \
                re.match(r"[\w'‘’`´ʼʻ]*", source.text[match.end():]).group()
            after_letter = match.start() > 0 and source.text[match.start() - 1].isalpha()
            # ʻ after no letter may be a quotation mark: the editor decides; --fix leaves it.
            found.append((match.start(), match.group(), right if after_letter else None, word))
    return sorted(found, key=lambda f: f[0])


def uzbek_apostrophes(source: Source) -> list[Problem]:
    problems = []
    for offset, wrong, right, word in apostrophe_mistakes(source):
        fixed = word.replace(wrong, right) if right == OKINA else word
        if right == OKINA:
            message = f"«{word}»: oʻ/gʻ written with {APOSTROPHE_NAMES[wrong]}"
            fix = f"write «{fixed}» with U+02BB (ʻ), or run `make fix`"
        elif wrong == OKINA:
            message = f"«{word}»: ʻ (U+02BB) not after o or g"
            fix = "only oʻ and gʻ take U+02BB; the tutuq belgisi is U+02BC (ʼ)" + (
                ", or run `make fix`" if right else "")
        else:
            message = f"«{word}»: the tutuq belgisi written with {APOSTROPHE_NAMES[wrong]}"
            fix = "write U+02BC (ʼ), or run `make fix`"
        problems.append(Problem(source.name, source.line_of(offset), message, fix))
    return problems


def fix_apostrophes(source: Source) -> tuple[str, list[str]]:
    """The page's text with every apostrophe mistake corrected, and a line per change."""
    text = source.text
    changes = []
    for offset, wrong, right, word in reversed(apostrophe_mistakes(source)):
        if right is None:
            continue
        text = text[:offset] + right + text[offset + len(wrong):]
        changes.append(f"{source.name}:{source.line_of(offset)}: {APOSTROPHE_NAMES[wrong]} -> "
                       f"{APOSTROPHE_NAMES[right]} in «{word}»")
    return text, list(reversed(changes))


FILE_RULES = (front_matter, page_shape, unsafe_markup, placeholders, uzbek_cyrillic, uzbek_apostrophes)
SITE_RULES = (page_parity, same_facts, same_heading_ids)


def lint_sources(project: Project) -> list[Problem]:
    problems = list(project.unreadable())
    for rule in SITE_RULES:
        problems += rule(project)
    for source in project.sources():
        for rule in FILE_RULES:
            problems += rule(source)
    return problems


# ── The build's warnings ──────────────────────────────────────────────────────

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


def _log_messages(output: str):
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
    ids = [h[3] for h in _headings(source) if h[3]]
    return f" (its ids: {', '.join('#' + i for i in ids[:8])}{', …' if len(ids) > 8 else ''})" if ids else ""


def _nav_line(project: Project, target: str) -> int | None:
    text = project.config_file.read_text(encoding="utf-8")
    match = re.search(rf"^\s*-\s*(?:[^\n:]+:\s*)?{re.escape(target)}\s*$", text, re.M)
    return text.count("\n", 0, match.start()) + 1 if match else None


def build_problems(project: Project, output: str, returncode: int) -> list[Problem]:
    """MkDocs' warnings and errors as problems with file, line and fix."""
    docs = project.rel(project.docs)
    default = project.default.code
    problems = []
    for level, language, message in _log_messages(output):
        ours = OUR_FORMAT_RE.match(message)
        if ours:  # our hooks already speak this format
            problems.append(Problem(ours["file"], int(ours["line"]) if ours["line"] else None,
                                    ours["message"], ours["fix"]))
            continue
        kind, match = next(((k, p.match(message)) for k, p in BUILD_MESSAGES if p.match(message)), (None, None))
        if kind is None:
            src = re.search(DOC, message)
            file = f"{docs}/{src['src']}" if src else project.config_name
            what = message.splitlines()[0]
            problems.append(Problem(file, None, f"the build {'fails' if level == 'ERROR' else 'warns'}: {what}",
                                    "fix what it names; the check treats every build warning as an error"))
            continue
        if kind == "nav_missing":
            lang = language or default
            problems.append(Problem(
                project.config_name, _nav_line(project, match["target"]),
                f"nav lists {match['target']}, but {docs}/{lang}/{match['target']} does not exist",
                "create the page in every language (scripts/new_page.py) or remove the entry from nav"))
            continue
        if kind == "not_in_nav":
            for listed in re.findall(r"^- (.+)$", message, re.M):
                problems.append(Problem(
                    f"{docs}/{listed.strip()}", None, "the page is in no navigation",
                    f"add `- <English label>: {listed.strip().split('/', 1)[-1]}` under nav: in "
                    f"{project.config_name} and the label under nav: in every i18n/*.yml "
                    "(scripts/new_page.py prints the lines), or list it under not_in_nav"))
            continue
        src = match["src"]
        code, _, page = src.partition("/")
        source = project.source(code, page)
        file = f"{docs}/{src}"
        link = match.groupdict().get("link")
        line = find_line(source, link) if source and link else None
        if kind == "not_found":
            target = match["target"] or link
            suggestion = f" (did you mean {match['suggest']}?)" if match["suggest"] else ""
            problems.append(Problem(file, line, f"link to {link}: there is no page {docs}/{target}",
                                    f"correct the link{suggestion}, or create that page in every language"))
        elif kind == "anchor":
            target_code, _, target_page = match["target"].partition("/")
            problems.append(Problem(
                file, line, f"link to {link}: {docs}/{match['target']} has no heading with id #{match['anchor']}",
                f"link an id it has{_ids_of(project.source(target_code, target_page))}, or add "
                f"{{#{match['anchor']}}} to the heading meant"))
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
    if returncode != 0 and not problems:
        last = next((line for line in reversed(output.splitlines()) if line.strip()), "no output")
        problems.append(Problem(project.config_name, None, f"the build failed: {last.strip()}",
                                "run `.venv/bin/mkdocs build --strict` to see the whole error"))
    unique = {}
    for problem in problems:
        unique.setdefault(str(problem), problem)
    return list(unique.values())


# ── The built pages ───────────────────────────────────────────────────────────

BUILT_FORBIDDEN = ("script", "iframe", "frame", "frameset", "object", "embed", "applet", "portal", "form")


def _built_paths(project: Project, built_site):
    """Each source page with the built pages made from it: its own, and its generated
    editions' (docs/uz/x.md also makes uz-cyrl/x/index.html)."""
    for source in project.sources():
        yield source, built_site.page_path(source.language, source.page)
        for edition in project.editions:
            if edition.generated_from == source.language.code:
                yield source, built_site.page_path(edition, source.page)


def built_pages(project: Project, built_site) -> list[Problem]:
    """Second layer: the content of each built page (its <article>) runs no script and embeds
    no other site, whatever Markdown or HTML produced it."""
    problems = []
    for source, path in _built_paths(project, built_site):
        if not (built_site.root / path).is_file():
            continue  # not built: the build's own problems say why
        content = built_site.soup(path).select_one("article.md-content__inner")
        if content is None:
            problems.append(Problem(source.name, None, f"the built page {path} has no <article class=\"md-content__inner\">",
                                    "the content check cannot see the page: fix the template in overrides/"))
            continue
        found = set()
        for element in content.find_all(True):
            if element.name in BUILT_FORBIDDEN:
                found.add(f"a <{element.name}> element".replace("a <", "an <" if element.name[0] in "aeiou" else "a <"))
            for attribute, value in element.attrs.items():
                if attribute.lower().startswith("on"):
                    found.add(f"an event-handler attribute {attribute}=")
                values = value if isinstance(value, list) else [value]
                for single in values:
                    scheme = url_scheme(str(single), attribute)
                    if scheme:
                        found.add(f"a {scheme} URL in {attribute}=")
        for what in sorted(found):
            problems.append(Problem(source.name, None, f"the built page {path} has {what} in its content",
                                    f"remove the Markdown or HTML in {source.name} that produces it"))
    return problems


# ── Translation status ────────────────────────────────────────────────────────


def outdated_translations(project: Project) -> list[Problem]:
    from sitekit.translation_status import translation_status

    warnings = []
    for status in translation_status(project.root, project.docs, project.languages):
        for translation in status.outdated:
            changes = "; ".join(f"{path} changed after it ({commit})" for path, commit in translation.newer)
            warnings.append(Problem(translation.path, None, f"outdated translation: {changes}",
                                    "bring it up to date and commit it; if it still says the same, commit with the "
                                    f"line `Translation-checked: {translation.path}` in the message (CONTRIBUTING.md)",
                                    severity="warning"))
    return warnings
