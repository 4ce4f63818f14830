"""Configuration: mkdocs.yml and the interface strings in i18n/<language>.yml, read before
MkDocs reads them, so that a mistake is named in the file and on the line where it is, in a
plain sentence (never a parser dump, an exception's name or an absolute path)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from sitekit.check.rules import rule
from sitekit.check.sources import conflict_markers, encoding_problem
from sitekit.problems import Problem
from sitekit.strings import DATA_SECTIONS, REFERENCE_LANGUAGE, STRINGS_DIR, TRANSLITERATE_FROM

FAMILY = "Configuration"
CONFIG_NAME = "mkdocs.yml"


FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml; the Python one explains errors better


class _AnyTagLoader(FAST_LOADER):
    """Reads mkdocs.yml's data without running its tags (!ENV, !!python/name:…)."""


_AnyTagLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_AnyTagLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def config_files(root: Path) -> list[Path]:
    """mkdocs.yml and every i18n/*.yml, in that order."""
    return [Path(root) / CONFIG_NAME] + sorted((Path(root) / STRINGS_DIR).glob("*.yml"))


def _unclosed_quote(text: str) -> tuple[int, int] | None:
    """(first, last line) of a quoted value that swallows the lines after it: its closing quote
    is missing, so the next quotation mark of the file closes it. Such a value is seen by a line
    after its first that looks like `key:` and is indented no more than the value's own key: in
    YAML 1.2 that line could never continue a value, but PyYAML reads it as text, so a file can
    stay readable and lose every key in between."""
    lines = text.split("\n")
    try:
        for token in yaml.scan(text, Loader=FAST_LOADER):  # libyaml: every readable file is scanned
            if not (isinstance(token, yaml.ScalarToken) and token.style in ("'", '"')) or \
                    token.start_mark.line == token.end_mark.line:
                continue
            opening = lines[token.start_mark.line]
            indent = len(opening) - len(opening.lstrip(" "))
            for later in lines[token.start_mark.line + 1: token.end_mark.line + 1]:
                if re.match(r"\s*[^\s#'\"][^:]*:(\s|$)", later) and len(later) - len(later.lstrip(" ")) <= indent:
                    return token.start_mark.line + 1, token.end_mark.line + 1
    except yaml.YAMLError:
        pass
    return None


def _indented_more(text: str, line: int) -> bool:
    """Whether a line is indented more than the `key: value` line before it (so YAML read it as
    the continuation of that value)."""
    lines = text.split("\n")
    here = lines[line - 1]
    before = next((previous for previous in reversed(lines[: line - 1]) if previous.strip()), "")
    indent = len(here) - len(here.lstrip(" "))
    return bool(re.match(r"\s*[^#\s][^:]*:\s+\S", before)) and indent > len(before) - len(before.lstrip(" "))


def yaml_error(error: yaml.YAMLError, text: str) -> tuple[int | None, str, str]:
    """(line, what is wrong, how to fix it) for a YAML syntax error, in plain words."""
    problem = (getattr(error, "problem", None) or "").strip()
    mark = getattr(error, "problem_mark", None)
    context_mark = getattr(error, "context_mark", None)
    line = mark.line + 1 if mark else None
    quote = _unclosed_quote(text)
    if quote and (line is None or quote[0] < line):
        return quote[0], "a quotation mark opens a value here and is not closed on this line", \
            "close the quotation marks at the end of the value (\"…\"), or remove them"
    context = (getattr(error, "context", None) or "")
    if "flow sequence" in context or "flow mapping" in context:
        bracket = "[" if "sequence" in context else "{"
        return (context_mark.line + 1 if context_mark else line), f"a {bracket} opens a list here and is not closed", \
            f"close it with {']' if bracket == '[' else '}'}, or, for text that starts with {bracket}, put the value " \
            "in quotation marks"
    if "end of stream" in problem and context_mark is not None:
        return context_mark.line + 1, "a quotation mark opened here is never closed", \
            "close the quotation marks at the end of the value"
    if "'\\t'" in problem:
        return line, "a tab character", "indent with spaces, never tabs (two spaces per level)"
    if "mapping values are not allowed" in problem and line and _indented_more(text, line):
        return line, "this line is indented more than the line above it", \
            "indent it like the other keys of its section (two spaces per level, no tabs)"
    if "mapping values are not allowed" in problem:
        return line, "a second colon (\": \") in a value", \
            "put the value in quotation marks (\"…\"), or write `>-` and the text on the next line, indented"
    if "could not find expected ':'" in problem or "could not find expected" in problem:
        return line, "a line that is not `key: value` (a colon missing?)", "write `key: value`, or indent it under " \
                                                                           "the key it belongs to"
    if "expected <block end>" in problem or "did not find expected key" in problem or \
            "expected <block mapping start>" in problem:
        return line, "the indentation of this line does not match the lines above it", \
            "indent it like the other keys of its section (two spaces per level, no tabs)"
    if "unknown escape character" in problem:
        return line, "a backslash (\\) in a value in double quotation marks", \
            "write \\\\ for a backslash, or use single quotation marks"
    if "alias" in problem or "anchor" in problem:
        return line, "a value that starts with * or &", "put the value in quotation marks (\"…\")"
    if "found character" in problem and "cannot start any token" in problem:
        return line, "a value that starts with a character YAML reserves (such as @ or `)", \
            "put the value in quotation marks (\"…\")"
    return line, "YAML cannot read this line", \
        "compare it with the lines around it: `key: value`, two spaces of indentation per level"


def read_config_file(path: Path, root: Path) -> tuple[str | None, list[Problem]]:
    """The file's text, or the problems that keep it from being read as YAML."""
    path, root = Path(path), Path(root)
    return _read_config_file(path, root, path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=64)
def _read_config_file(path: Path, root: Path, stamp: int) -> tuple[str | None, list[Problem]]:
    name = path.relative_to(root).as_posix()
    data = path.read_bytes()
    try:
        text = data.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError:
        return None, [encoding_problem(name, data)]
    markers = conflict_markers(name, text)
    if markers:
        return None, markers
    try:
        for _event in yaml.parse(text, Loader=FAST_LOADER):
            pass
    except yaml.YAMLError:
        try:  # again with the Python parser, whose messages say more
            for _event in yaml.parse(text, Loader=yaml.SafeLoader):
                pass
        except yaml.YAMLError as error:
            line, what, fix = yaml_error(error, text)
            return None, [Problem(name, line, f"not valid YAML: {what}", fix)]
    quote = _unclosed_quote(text)
    if quote:  # readable, but the keys it swallowed are gone: one line here, not one per lost key
        first, last = quote
        return None, [Problem(name, first, "not valid YAML: a quotation mark opens a value here and is not closed on "
                                           f"this line (so lines {first + 1}–{last} became part of the value)",
                              "close the quotation marks at the end of the value (\"…\"), or remove them")]
    return text, []


@functools.lru_cache(maxsize=32)
def _data(path: Path, stamp: int):
    text = path.read_text(encoding="utf-8").lstrip("\ufeff")
    return yaml.load(text, Loader=_AnyTagLoader), yaml.compose(text, Loader=_AnyTagLoader)


def load_data(path: Path):
    """(data, node) of a YAML file that reads (see read_config_file); the node has line marks."""
    path = Path(path)
    return _data(path, path.stat().st_mtime_ns)


def key_line(node, *keys: str) -> int | None:
    """The line of a key (nested: "nav", "Contacts") in a composed YAML mapping."""
    line = None
    for key in keys:
        if not isinstance(node, yaml.MappingNode):
            return line
        for key_node, value_node in node.value:
            if key_node.value == key:
                line, node = key_node.start_mark.line + 1, value_node
                break
        else:
            return None
    return line


@dataclass(frozen=True)
class NavEntry:
    title: str | None
    path: str
    line: int


def nav_entries(config_file: Path) -> list[NavEntry]:
    """The pages in mkdocs.yml's nav (not external links), with their lines."""
    config_file = Path(config_file)
    try:
        _data_, node = load_data(config_file)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []
    nav = None
    if isinstance(node, yaml.MappingNode):
        nav = next((value for key, value in node.value if key.value == "nav"), None)
    found = []

    def walk(item, title=None):
        if isinstance(item, yaml.ScalarNode):
            if item.value and not re.match(r"[a-z]+://", item.value):
                found.append(NavEntry(title, item.value, item.start_mark.line + 1))
        elif isinstance(item, yaml.SequenceNode):
            for child in item.value:
                walk(child)
        elif isinstance(item, yaml.MappingNode):
            for key, value in item.value:
                walk(value, key.value)

    if nav is not None:
        walk(nav)
    return found


def nav_titles(config_file: Path) -> list[tuple[str, int]]:
    """Every title in the nav (sections' too), with its line."""
    _data_, node = load_data(Path(config_file))
    nav = next((value for key, value in node.value if key.value == "nav"), None) \
        if isinstance(node, yaml.MappingNode) else None
    found = []

    def walk(item):
        if isinstance(item, yaml.SequenceNode):
            for child in item.value:
                walk(child)
        elif isinstance(item, yaml.MappingNode):
            for key, value in item.value:
                found.append((key.value, key.start_mark.line + 1))
                walk(value)

    if nav is not None:
        walk(nav)
    return found


@dataclass(frozen=True)
class ConfiguredLanguage:
    code: str
    line: int | None


def configured_languages(config_file: Path) -> list[ConfiguredLanguage]:
    """The languages static-i18n builds, from mkdocs.yml's plugins: i18n: languages:."""
    data, node = load_data(Path(config_file))
    plugins = (data or {}).get("plugins") or []
    settings = None
    for plugin in plugins if isinstance(plugins, list) else [plugins]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            settings = plugin["i18n"] or {}
    if settings is None and isinstance(plugins, dict):
        settings = plugins.get("i18n")
    found = []
    text = Path(config_file).read_text(encoding="utf-8")
    for language in (settings or {}).get("languages") or []:
        if isinstance(language, dict) and language.get("locale") and language.get("build", True):
            match = re.search(rf"^\s*-?\s*locale:\s*['\"]?{re.escape(str(language['locale']))}['\"]?\s*$", text, re.M)
            found.append(ConfiguredLanguage(str(language["locale"]),
                                            text.count("\n", 0, match.start()) + 1 if match else None))
    return found


@rule("config-syntax", "config", rank=0)
def config_syntax(root: Path) -> list[Problem]:
    """mkdocs.yml or an i18n/*.yml file that cannot be read: not UTF-8, a merge conflict left
    in it, or broken YAML (an unclosed quotation mark, a tab, a colon in a value, a wrong
    indentation).

    Why: nothing of the site can be built while its configuration cannot be read.
    Fix: correct the line named (the message says what YAML saw there).
    """
    problems = []
    for path in config_files(root):
        if path.is_file():
            problems += read_config_file(path, Path(root))[1]
    return problems


def _flat(value, prefix: str = "") -> dict[str, object]:
    flat = {}
    if isinstance(value, dict):
        for key, item in value.items():
            if not prefix and key in DATA_SECTIONS and isinstance(item, dict):
                # The speech lexicon: its written forms are each language's own (sitekit/strings.py).
                flat.update({f"{key}/{part}": entry for part, entry in item.items()})
                continue
            flat.update(_flat(item, f"{prefix}{key}/"))
    else:
        flat[prefix[:-1]] = value
    return flat


def strings_file(root: Path, code: str) -> Path:
    return Path(root) / STRINGS_DIR / f"{code}.yml"


@rule("interface-strings", "config", rank=0)
def interface_strings(root: Path) -> list[Problem]:
    """An i18n/<language>.yml that lacks a string: a label for a nav entry of mkdocs.yml, or
    a key that i18n/en.yml has (menus, buttons, the footer). Also a language of mkdocs.yml
    without its i18n file.

    Why: every interface string and every navigation label exists in every language; the
    build stops at the first one missing.
    Fix: add the line the message shows under the key named (``nav:`` or ``theme:``), with the
    text in that language. A generated edition (uz-cyrl) takes its strings from the
    language it is made from: add them there.
    """
    root = Path(root)
    config_file = root / CONFIG_NAME
    if read_config_file(config_file, root)[1]:
        return []
    problems = []
    languages = configured_languages(config_file)
    readable: dict[str, dict] = {}
    for language in languages:
        path = strings_file(root, language.code)
        if not path.is_file():
            problems.append(Problem(
                CONFIG_NAME, language.line, f"the language {language.code} has no {STRINGS_DIR}/{language.code}.yml",
                f"copy {STRINGS_DIR}/{REFERENCE_LANGUAGE}.yml to {STRINGS_DIR}/{language.code}.yml and translate "
                "its values"))
            continue
        if read_config_file(path, root)[1]:
            continue  # rule config-syntax
        data, _node = load_data(path)
        readable[language.code] = data if isinstance(data, dict) else {}
    reference = readable.get(REFERENCE_LANGUAGE)
    if reference is None and strings_file(root, REFERENCE_LANGUAGE).is_file() and \
            not read_config_file(strings_file(root, REFERENCE_LANGUAGE), root)[1]:
        reference = load_data(strings_file(root, REFERENCE_LANGUAGE))[0]
    titles = nav_titles(config_file)
    for code, data in readable.items():
        source = data.get(TRANSLITERATE_FROM)
        if source:
            continue  # a generated edition: its strings are its source language's
        name = f"{STRINGS_DIR}/{code}.yml"
        _data_, node = load_data(strings_file(root, code))
        labels = data.get("nav") if isinstance(data.get("nav"), dict) else {}
        nav_line = key_line(node, "nav")
        for title, line in titles:
            if labels.get(title) in (None, ""):
                problems.append(Problem(
                    name, nav_line, f"no label for the nav entry «{title}» ({CONFIG_NAME}:{line})",
                    f"add the line `  {title}: <the label in this language>` under `nav:`"))
        if not isinstance(reference, dict) or code == REFERENCE_LANGUAGE:
            continue
        present = _flat(data)
        for key, value in _flat(reference).items():
            if key.startswith("nav/") or key == TRANSLITERATE_FROM:
                continue
            if present.get(key) in (None, ""):
                parts = key.split("/")
                parent_line = key_line(node, *parts[:-1]) if len(parts) > 1 else None
                under = f"under `{parts[-2]}:`" if len(parts) > 1 else "at the top level"
                problems.append(Problem(
                    name, parent_line, f"the interface string {key} is missing",
                    f"add `{parts[-1]}: <{value} — in this language>` {under} (as in "
                    f"{STRINGS_DIR}/{REFERENCE_LANGUAGE}.yml)"))
    return problems


@rule("nav", "config", rank=0)
def nav(root: Path) -> list[Problem]:
    """A nav entry of mkdocs.yml whose page is missing in a language (or in all), or whose
    path has spaces.

    Why: the nav names each page once for every language; a page deleted but left in the nav
    (or not translated yet) breaks the navigation of that language. MkDocs accepts paths with
    spaces, but they become %20 in addresses and break links and annotations.
    Fix: create the page in every language under that name (scripts/new_page.py), or delete
    the page everywhere and remove its nav line (and its label in i18n/*.yml); name files
    with hyphens, not spaces.
    """
    root = Path(root)
    config_file = root / CONFIG_NAME
    if read_config_file(config_file, root)[1]:
        return []
    data, _node = load_data(config_file)
    docs = (data or {}).get("docs_dir") or "docs"
    if not (root / docs).is_dir():
        return []  # MkDocs itself says so (the configuration does not load)
    languages = configured_languages(config_file)
    edited = []
    for language in languages:
        path = strings_file(root, language.code)
        generated = False
        if path.is_file() and not read_config_file(path, root)[1]:
            strings = load_data(path)[0]
            generated = isinstance(strings, dict) and bool(strings.get(TRANSLITERATE_FROM))
        if not generated:
            edited.append(language.code)
    problems = []
    for entry in nav_entries(config_file):
        if " " in entry.path:
            problems.append(Problem(
                CONFIG_NAME, entry.line, f"the nav path «{entry.path}» has a space",
                f"rename the file to {re.sub(r'[ ]+', '-', entry.path.lower())} in every language and write that "
                "name here"))
            continue
        missing = [code for code in edited if not (root / docs / code / entry.path).is_file()]
        if not missing:
            continue
        having = [code for code in edited if code not in missing]
        lacking = ", ".join(f"{docs}/{code}/{entry.path}" for code in missing)
        if having:
            problems.append(Problem(
                CONFIG_NAME, entry.line, f"nav lists {entry.path}, but {lacking} "
                f"{'does' if len(missing) == 1 else 'do'} not exist (only {', '.join(having)} "
                f"{'has' if len(having) == 1 else 'have'} it)",
                f"translate {docs}/{having[0]}/{entry.path} into {', '.join(missing)} under the same name, or delete "
                "the page in every language and remove this line"))
        else:
            problems.append(Problem(
                CONFIG_NAME, entry.line, f"nav lists {entry.path}, which no language has",
                "remove this line (and the page's label under nav: in every i18n/*.yml), or restore the page in "
                "every language"))
    return problems
