"""Where each page's content comes from: the texts of ../shared/sources/ it names.

Every page names its sources in its front matter, by the names mkdocs.yml lists under
``extra.sources`` (one name, or several separated by commas)::

    ---
    description: >-
      …
    source: agmk-copper-cluster
    ---

The template shows them on the page as a "Source" line in the page's language (the wording
of each is under ``sources:`` in i18n/<language>.yml) and in the page's JSON-LD
(``sitekit.structured_data``). A page without a source, or naming one that is not listed,
is an error that names the file and line and says what to write.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from sitekit.problems import Problem

FRONT_MATTER_KEY = "source"
# In i18n/<language>.yml: each source's wording in that language.
STRINGS_KEY = "sources"
SEPARATOR = re.compile(r"\s*,\s*")
NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# What mkdocs.yml may say about a source (all optional): the shared file it is, what kind of
# text it is (a schema.org type), its own title, its language, and whether JSC Almalyk MMC
# published it ("company"). An entry with none of them is a page about the site itself.
ENTRY_KEYS = {"file", "type", "name", "language", "publisher"}
PUBLISHERS = {"company"}


class SourcesError(Exception):
    """mkdocs.yml's extra.sources or an i18n file's sources: is malformed (message says how to fix)."""


@dataclass(frozen=True)
class Source:
    """One text the site's content comes from, as mkdocs.yml describes it."""

    key: str
    file: str | None = None
    type: str | None = None
    name: str | None = None
    language: str | None = None
    publisher: str | None = None

    @property
    def is_a_text(self) -> bool:
        """False for the entry of pages about the site itself: nothing is taken from a text."""
        return self.name is not None


@dataclass(frozen=True)
class Citation:
    source: Source
    wording: str  # in the page's language


@dataclass
class PageSources:
    citations: list[Citation] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def registry(extra_sources, config_name: str = "mkdocs.yml") -> dict[str, Source]:
    """extra.sources of mkdocs.yml as Source records, checked."""
    where = f"{config_name}: extra.sources"
    if not isinstance(extra_sources, dict) or not extra_sources:
        raise SourcesError(f"{where} is missing or empty — list there the texts the pages come from "
                           "(see sitekit/page_sources.py)")
    found = {}
    for key, entry in extra_sources.items():
        entry = entry or {}
        if not isinstance(key, str) or not NAME.fullmatch(key):
            raise SourcesError(f"{where}: {key!r} is not a name — use lower-case letters, digits and hyphens")
        if not isinstance(entry, dict):
            raise SourcesError(f"{where}.{key}: not a list of `key: value` lines — write it as indented "
                               f"`key: value` lines ({', '.join(sorted(ENTRY_KEYS))}), or `{{}}` for none")
        unknown = sorted(set(entry) - ENTRY_KEYS)
        if unknown:
            raise SourcesError(f"{where}.{key}: unknown key {', '.join(unknown)} — "
                               f"use only {', '.join(sorted(ENTRY_KEYS))}")
        if entry.get("publisher") not in (None, *PUBLISHERS):
            raise SourcesError(f"{where}.{key}.publisher: {entry['publisher']!r} — the only publisher the site "
                               "describes is `company` (JSC Almalyk MMC); leave it out otherwise")
        if any(not isinstance(value, str) or not value.strip() for value in entry.values()):
            raise SourcesError(f"{where}.{key}: a value is empty or not text — write each as text on its line")
        found[key] = Source(key, **entry)
    return found


def wordings(strings: dict, sources: dict[str, Source], strings_file: str) -> dict[str, str]:
    """Each source's wording in one language (i18n/<language>.yml, sources:), checked."""
    given = strings.get(STRINGS_KEY)
    if not isinstance(given, dict):
        raise SourcesError(f"{strings_file}: no `{STRINGS_KEY}:` — add it, with a line for each of "
                           f"{', '.join(sources)} saying where that content comes from")
    missing = [key for key in sources if not (isinstance(given.get(key), str) and given[key].strip())]
    if missing:
        raise SourcesError(f"{strings_file}: no wording for source {', '.join(missing)} — add "
                           f"`{missing[0]}: <where the content comes from>` under `{STRINGS_KEY}:`")
    unknown = sorted(set(given) - set(sources))
    if unknown:
        raise SourcesError(f"{strings_file}: `{STRINGS_KEY}:` has {', '.join(unknown)}, which mkdocs.yml's "
                           "extra.sources does not list — add it there or remove it here")
    return {key: " ".join(given[key].split()) for key in sources}


def _line_of_key(text: str) -> int:
    match = re.search(rf"^{FRONT_MATTER_KEY}[ \t]*:", text, re.M)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def page_sources(meta: dict, sources: dict[str, Source], wording: dict[str, str],
                 file_name: str, file_text: str = "") -> PageSources:
    """The citations of one page from its front matter, or the problems that stop them.

    file_name is the docs/ file editors edit ("docs/uz/index.md"), file_text its text (for
    the line number)."""
    known = ", ".join(f"`{key}`" for key in sources)
    value = meta.get(FRONT_MATTER_KEY)
    if value is None:
        return PageSources(problems=[Problem(
            file_name, 1, f"no `{FRONT_MATTER_KEY}:` in the front matter",
            f"add a line `{FRONT_MATTER_KEY}: <name>` saying where the page's content comes from: "
            f"{known} (listed under extra.sources in mkdocs.yml)")])
    line = _line_of_key(file_text)
    names = [name for name in SEPARATOR.split(value.strip())] if isinstance(value, str) else None
    if not names or not all(names):
        return PageSources(problems=[Problem(
            file_name, line, f"`{FRONT_MATTER_KEY}:` is not a name or a list of names separated by commas",
            f"write for example `{FRONT_MATTER_KEY}: {next(iter(sources))}`; the names: {known}")])
    result = PageSources()
    for name in names:
        if name == "TODO":  # what make new-page writes
            result.problems.append(Problem(
                file_name, line, "placeholder TODO left as the page's source",
                f"write where the content comes from: {known} (listed under extra.sources in mkdocs.yml)"))
        elif name not in sources:
            result.problems.append(Problem(
                file_name, line, f"unknown source `{name}`",
                f"use one of {known}, or add it under extra.sources in mkdocs.yml and its wording under "
                f"`{STRINGS_KEY}:` in every i18n/*.yml"))
        elif name in [c.source.key for c in result.citations]:
            result.problems.append(Problem(file_name, line, f"source `{name}` is named twice", "name it once"))
        else:
            result.citations.append(Citation(sources[name], wording[name]))
    if result.problems:
        result.citations = []  # the build fails: show nothing half-right
    return result


def docs_file_text(docs_dir: str, relative: str) -> str:
    try:
        return Path(docs_dir, relative).read_text(encoding="utf-8-sig")
    except OSError:
        return ""
