"""Edits of the navigation and redirects in mkdocs.yml and i18n/<language>.yml, made as text
at the right line, so that every comment, blank line and quote of these files stays as the
people who wrote them left it (a YAML round trip would drop the comments).

mkdocs.yml::

    nav:
      - Home: index.md
      - Events: events.md          <- add_nav_entry / rename_nav_target
    not_in_nav: |
      accessibility.md             <- add_not_in_nav / rename_nav_target
    extra:
      redirects:
        old.md: events.md          <- add_redirect

i18n/<language>.yml::

    nav:
      Home: Bosh sahifa
      Events: Tadbirlar            <- add_nav_label

Each function takes the file's text and returns the new text; ``NavigationEditError`` says
what in the file kept it from being edited. The callers check the result parses.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import yaml

TOP_LEVEL_KEY_RE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:(.*)$")
NAV_ENTRY_RE = re.compile(r"^(?P<indent>[ \t]*)-[ \t]+(?:(?P<label>[^\n#]*?):[ \t]+)?(?P<target>[^\s#:]+\.md)[ \t]*(?:#.*)?$")


class NavigationEditError(Exception):
    """The file is not shaped as expected: the message says what to look at."""


@dataclass(frozen=True)
class Block:
    """Lines [start, end) of a top-level key's value (the key's own line is start - 1)."""

    key_line: int
    start: int
    end: int  # after the last line that belongs to the block (trailing blanks/comments excluded)


def _lines(text: str) -> list[str]:
    return text.split("\n")


def find_block(lines: list[str], key: str, parent: Block | None = None, indent: str = "") -> Block | None:
    """The block of ``key:`` at the given indentation (inside ``parent`` when given)."""
    first, last = (parent.start, parent.end) if parent else (0, len(lines))
    pattern = re.compile(rf"^{re.escape(indent)}{re.escape(key)}[ \t]*:(.*)$")
    for number in range(first, last):
        if pattern.match(lines[number]):
            end = number + 1
            content_end = end
            while end < last:
                line = lines[end]
                stripped = line.strip()
                if stripped and not stripped.startswith("#") and _indent_of(line) <= len(indent):
                    break
                if stripped and not stripped.startswith("#"):
                    content_end = end + 1
                end += 1
            return Block(number, number + 1, content_end)
    return None


def _indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def yaml_scalar(value: str) -> str:
    """``value`` as YAML writes it: plain when that reads back the same, else double-quoted."""
    plain = value.strip()
    if plain == value and plain:
        try:
            if yaml.safe_load(f"k: {plain}") == {"k": plain} and "#" not in plain:
                return plain
        except yaml.YAMLError:
            pass
    return json.dumps(value, ensure_ascii=False)


# ── mkdocs.yml: nav ───────────────────────────────────────────────────────────


def nav_entries(text: str) -> list[tuple[int, str | None, str]]:
    """(line index, label, target) of every page entry under ``nav:``, in order."""
    lines = _lines(text)
    block = find_block(lines, "nav")
    if block is None:
        return []
    found = []
    for number in range(block.start, block.end):
        match = NAV_ENTRY_RE.match(lines[number])
        if match:
            found.append((number, (match["label"] or "").strip().strip("'\"") or None, match["target"]))
    return found


def add_nav_entry(text: str, label: str, page: str, after: str | None = None) -> str:
    """A ``- label: page`` line at the end of the top level of ``nav:`` (or after the entry of
    the page ``after``), indented like its neighbours."""
    lines = _lines(text)
    block = find_block(lines, "nav")
    if block is None:
        raise NavigationEditError("mkdocs.yml has no `nav:` section")
    entries = nav_entries(text)
    if any(target == page for _n, _l, target in entries):
        raise NavigationEditError(f"mkdocs.yml's nav already lists {page}")
    top = [line for line in lines[block.start:block.end] if line.lstrip().startswith("- ")]
    indent = min((line[: _indent_of(line)] for line in top), key=len, default="  ")
    if after is not None:
        anchor = next((n for n, _l, target in entries if target == after), None)
        if anchor is None:
            raise NavigationEditError(f"mkdocs.yml's nav has no entry for {after}")
        # After that entry and whatever is nested under it.
        position = anchor + 1
        while position < block.end and (not lines[position].strip() or _indent_of(lines[position]) > _indent_of(lines[anchor])):
            position += 1
        indent = lines[anchor][: _indent_of(lines[anchor])]
    else:
        position = block.end
    lines.insert(position, f"{indent}- {yaml_scalar(label)}: {page}")
    return "\n".join(lines)


def add_not_in_nav(text: str, page: str) -> str:
    """``page`` as one more line of the ``not_in_nav: |`` block (a page linked from elsewhere)."""
    lines = _lines(text)
    block = find_block(lines, "not_in_nav")
    if block is None:
        return "\n".join(lines[:-1] if lines and lines[-1] == "" else lines) + f"\nnot_in_nav: |\n  {page}\n"
    if not re.match(r"^not_in_nav[ \t]*:[ \t]*\|", lines[block.key_line]):
        raise NavigationEditError("mkdocs.yml's `not_in_nav:` is not a `|` block: add the page there by hand")
    body = [line for line in lines[block.start:block.end] if line.strip()]
    indent = body[0][: _indent_of(body[0])] if body else "  "
    lines.insert(block.end, f"{indent}{page}")
    return "\n".join(lines)


def rename_nav_target(text: str, old: str, new: str) -> tuple[str, int]:
    """Every nav entry and not_in_nav line naming ``old`` names ``new`` instead; the count."""
    lines = _lines(text)
    changed = 0
    nav = find_block(lines, "nav")
    for number, _label, target in nav_entries(text) if nav else []:
        if target == old:
            line = lines[number]
            position = line.rindex(old)
            lines[number] = line[:position] + new + line[position + len(old):]
            changed += 1
    hidden = find_block(lines, "not_in_nav")
    if hidden:
        for number in range(hidden.start, hidden.end):
            if lines[number].strip() == old:
                lines[number] = lines[number].replace(old, new)
                changed += 1
    return "\n".join(lines), changed


# ── mkdocs.yml: redirects ─────────────────────────────────────────────────────


def add_redirect(text: str, old: str, new: str) -> str:
    """``old: new`` under ``extra: redirects:``; redirects that led to ``old`` now lead to
    ``new``, and one from ``new`` (a page moved back) is removed."""
    lines = _lines(text)
    extra = find_block(lines, "extra")
    if extra is None:
        raise NavigationEditError("mkdocs.yml has no `extra:` section for the redirects")
    inner = [line for line in lines[extra.start:extra.end] if line.strip() and not line.strip().startswith("#")]
    indent = inner[0][: _indent_of(inner[0])] if inner else "  "
    block = find_block(lines, "redirects", extra, indent)
    entry_indent = indent * 2
    if block is None:
        lines[extra.end:extra.end] = [
            f"{indent}# Old addresses that keep working: old page -> the page it moved to",
            f"{indent}# (written by `make rename-page`).",
            f"{indent}redirects:",
            f"{entry_indent}{old}: {new}",
        ]
        return "\n".join(lines)
    key_line = lines[block.key_line]
    if re.search(r":[ \t]*\{[ \t]*\}[ \t]*(#.*)?$", key_line):  # `redirects: {}`
        lines[block.key_line] = re.sub(r"\{[ \t]*\}", "", key_line, count=1).rstrip()
        lines.insert(block.key_line + 1, f"{entry_indent}{old}: {new}")
        return "\n".join(lines)
    body = [n for n in range(block.start, block.end) if lines[n].strip() and not lines[n].strip().startswith("#")]
    if body:
        entry_indent = lines[body[0]][: _indent_of(lines[body[0]])]
    kept = []
    for number in range(block.start, block.end):
        match = re.match(r"^([ \t]*)([^\s:#]+)[ \t]*:[ \t]*([^\s#]+)(.*)$", lines[number])
        if match and match.group(2) == new:
            continue  # moved back: the page is there again
        if match and match.group(3) == old:
            lines[number] = f"{match.group(1)}{match.group(2)}: {new}{match.group(4)}"
        kept.append(lines[number])
    kept.append(f"{entry_indent}{old}: {new}")
    lines[block.start:block.end] = kept
    return "\n".join(lines)


# ── i18n/<language>.yml: nav labels ───────────────────────────────────────────


def add_nav_label(text: str, label: str, translation: str) -> str:
    """``label: translation`` as the last entry of the file's ``nav:`` mapping."""
    lines = _lines(text)
    block = find_block(lines, "nav")
    if block is None:
        raise NavigationEditError("it has no `nav:` section")
    entries = [line for line in lines[block.start:block.end] if line.strip() and not line.strip().startswith("#")]
    if re.match(r"^nav[ \t]*:[ \t]*\{[ \t]*\}", lines[block.key_line]):
        lines[block.key_line] = "nav:"
        entries = []
    indent = entries[0][: _indent_of(entries[0])] if entries else "  "
    for line in entries:
        key = line.strip().split(":", 1)[0].strip().strip("'\"")
        if key == label:
            raise NavigationEditError(f"its nav already has a label for '{label}'")
    lines.insert(block.end, f"{indent}{yaml_scalar(label)}: {yaml_scalar(translation)}")
    return "\n".join(lines)


# ── The check ─────────────────────────────────────────────────────────────────


def placeholder_labels(config) -> list:
    """Navigation labels still reading TODO (``make new-page`` leaves one for each title it
    was not given): ``i18n/<lang>.yml:line: …``."""
    from pathlib import Path

    from sitekit.problems import Problem
    from sitekit.site import edited_languages
    from sitekit.strings import strings_path

    root = Path(config.config_file_path).parent
    problems = []
    for lang in edited_languages(config):
        path = strings_path(root, lang.code)
        try:
            lines = _lines(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue  # the configuration rules report an unreadable file
        block = find_block(lines, "nav")
        for number in range(block.start, block.end) if block else []:
            key, _, value = lines[number].partition(":")
            if re.search(r"\bTODO\b", value):
                problems.append(Problem(
                    f"i18n/{lang.code}.yml", number + 1, f"the navigation label of '{key.strip()}' is a placeholder",
                    f"write the page's title in {lang.name} after `{key.strip()}:`"))
    return problems
