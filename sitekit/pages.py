"""The editor's page commands: a new page in every language (``make new-page``) and a page
moved to a new name in every language (``make rename-page``), each with the navigation,
links and redirects kept right. The scripts in scripts/ are their command lines.

Every file is written only after all the new texts are computed and the configuration they
make has been read back: on any error nothing is changed.
"""

from __future__ import annotations

import os
import posixpath
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from sitekit import navigation, renames
from sitekit.redirects import redirects
from sitekit.site import Language, edited_languages, source_pages
from sitekit.strings import TRANSLITERATE_FROM, strings_path

PAGE_RE = re.compile(r"(?:[a-z0-9][a-z0-9-]*/)*[a-z0-9][a-z0-9-]*\.md")
PLACEHOLDER = "TODO"


class PageCommandError(Exception):
    """What keeps the command from running, and what to do (one line)."""


@dataclass
class NewPage:
    page: str  # "events.md"
    label: str  # English nav label, the key in i18n/*.yml
    titles: dict[str, str | None]  # language code -> title (None: a TODO placeholder)
    after: str | None = None
    in_nav: bool = True


@dataclass
class _Project:
    root: Path
    docs: Path
    config_file: Path
    languages: list[Language]
    label_files: dict[str, Path] = field(default_factory=dict)  # code -> i18n file with a nav: mapping

    def rel(self, path: Path) -> str:
        return Path(path).resolve().relative_to(self.root.resolve()).as_posix()


def _project(config) -> _Project:
    root = Path(config.config_file_path).parent
    project = _Project(root, Path(config.docs_dir), Path(config.config_file_path), edited_languages(config))
    for lang in project.languages:
        path = strings_path(root, lang.code)
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if TRANSLITERATE_FROM not in data:
            project.label_files[lang.code] = path
    return project


def _check_name(page: str, what: str) -> None:
    if not PAGE_RE.fullmatch(page):
        raise PageCommandError(f"{page!r} is not a page name — {what}: lower-case letters, digits and hyphens, "
                               "ending in .md (for example events.md or about/team.md)")


def _write_all(changes: dict[Path, str | None], moves: list[tuple[Path, Path]] = ()) -> None:
    """Moves files, then writes (or, for None, deletes) each file, keeping line ends."""
    for source, target in moves:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source, target)
        _remove_empty_parents(source.parent)
    for path, text in changes.items():
        if text is None:
            path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")


def _remove_empty_parents(folder: Path) -> None:
    while folder.is_dir() and not any(folder.iterdir()) and folder.name not in ("docs",):
        parent = folder.parent
        folder.rmdir()
        folder = parent


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def _verify(config_file: Path, config_text: str, label_texts: dict[str, str], label: str | None) -> None:
    """The edited configuration reads back, through MkDocs' loader and YAML."""
    from mkdocs.config import load_config

    for code, text in label_texts.items():
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as error:
            raise PageCommandError(f"the edit would break i18n/{code}.yml ({error}) — nothing was changed; "
                                   "please report this") from None
        if label is not None and label not in (data.get("nav") or {}):
            raise PageCommandError(f"the label did not land under nav: in i18n/{code}.yml — nothing was changed; "
                                   "add it by hand")
    probe = config_file.with_name(f".{config_file.name}.new-page-check")
    probe.write_text(config_text, encoding="utf-8")
    try:
        os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
        load_config(str(probe))
    except Exception as error:  # MkDocs says what is wrong in its own words
        raise PageCommandError(f"the edit would break {config_file.name} ({' '.join(str(error).split())}) — "
                               "nothing was changed") from None
    finally:
        probe.unlink(missing_ok=True)


def create_page(config, request: NewPage, template: str) -> list[str]:
    """Writes the page in every language and its navigation entries; the lines to print."""
    project = _project(config)
    page = request.page
    _check_name(page, "use another name")
    label = request.label
    if not label or ":" in label or "#" in label:
        raise PageCommandError("the English label must be non-empty, without a colon or #")
    existing = [project.rel(project.docs / lang.code / page) for lang in project.languages
                if (project.docs / lang.code / page).exists()]
    if existing:
        raise PageCommandError(f"{', '.join(existing)} already exist{'s' if len(existing) == 1 else ''} — choose "
                               "another name, or edit the existing page")
    moved = redirects(config)
    if page in moved:
        raise PageCommandError(f"{page} is an old address that redirects to {moved[page]} (mkdocs.yml, redirects:) — "
                               "choose another name, or remove that redirect first")

    config_text = _read(project.config_file)
    try:
        if request.in_nav:
            config_text = navigation.add_nav_entry(config_text, label, page, request.after)
        else:
            config_text = navigation.add_not_in_nav(config_text, page)
    except navigation.NavigationEditError as error:
        raise PageCommandError(f"{error} — nothing was changed") from None

    label_texts = {}
    if request.in_nav:
        for code, path in project.label_files.items():
            lang = next(lang for lang in project.languages if lang.code == code)
            title = request.titles.get(code) or f"{PLACEHOLDER}: {label}, in {lang.name}"
            try:
                label_texts[code] = navigation.add_nav_label(_read(path), label, title)
            except navigation.NavigationEditError as error:
                raise PageCommandError(f"i18n/{code}.yml: {error} — choose another label; nothing was changed") from None
    _verify(project.config_file, config_text, label_texts, label if request.in_nav else None)

    changes: dict[Path, str | None] = {}
    anchor = Path(page).stem
    sources = ", ".join((config.extra or {}).get("sources") or {})  # the names a page's source: may take
    for lang in project.languages:
        title = request.titles.get(lang.code) or f"{PLACEHOLDER}: the title in {lang.name}"
        changes[project.docs / lang.code / page] = template.format(
            language=f"{lang.name} ({lang.code})", title=title, anchor=anchor, sources=sources)
    changes[project.config_file] = config_text
    for code, text in label_texts.items():
        changes[project.label_files[code]] = text
    _write_all(changes)

    report = [f"created {project.rel(project.docs / lang.code / page)}" for lang in project.languages]
    where = f"under nav: (after {request.after})" if request.after else "at the end of nav:"
    report.append(f"added `- {label}: {page}` {where} in {project.rel(project.config_file)}"
                  if request.in_nav else f"added {page} under not_in_nav: in {project.rel(project.config_file)}")
    for code, path in project.label_files.items():
        if code in label_texts:
            title = request.titles.get(code)
            report.append(f"added the label `{label}: {title or PLACEHOLDER + '…'}` under nav: in {project.rel(path)}")
    todo = [code for code in project.label_files if request.in_nav and not request.titles.get(code)]
    report.append("")
    report.append("Next: replace every TODO in the new files" + (
        f" and the TODO labels in {', '.join(f'i18n/{c}.yml' for c in todo)}" if todo else "") +
        ", then run `make check`.")
    return report


# ── Renames ───────────────────────────────────────────────────────────────────


def _git_tracked(root: Path, path: Path) -> bool:
    try:
        done = subprocess.run(["git", "ls-files", "--error-unmatch", str(path)], cwd=root, capture_output=True)
    except OSError:
        return False
    return done.returncode == 0


def rename_page(config, old: str, new: str) -> list[str]:
    """Moves ``old`` to ``new`` in every language, rewrites the links to it (and, if it changes
    folder, in it), renames its nav entry, records the redirect; the lines to print."""
    project = _project(config)
    old, new = old.removeprefix("docs/"), new.removeprefix("docs/")
    for lang in project.languages:  # docs/ru/x.md given: the page is x.md
        old = old.removeprefix(f"{lang.code}/")
        new = new.removeprefix(f"{lang.code}/")
    _check_name(old, "name the page as it is now, e.g. events.md")
    _check_name(new, "choose a new name")
    if old == new:
        raise PageCommandError("the new name is the old one")
    sources = {lang.code: project.docs / lang.code / old for lang in project.languages}
    lacking = [project.rel(path) for path in sources.values() if not path.is_file()]
    if len(lacking) == len(sources):
        raise PageCommandError(f"there is no page {old} in docs/ ({', '.join(lacking)}) — give the current name")
    if lacking:
        raise PageCommandError(f"{', '.join(lacking)} does not exist — every language must have the page before it "
                               "can be moved (make check says what is missing)")
    taken = [project.rel(project.docs / lang.code / new) for lang in project.languages
             if (project.docs / lang.code / new).exists()]
    if taken:
        raise PageCommandError(f"{', '.join(taken)} exists already — choose another new name")

    moves = {f"{lang.code}/{old}": f"{lang.code}/{new}" for lang in project.languages}
    changes: dict[Path, str | None] = {}
    changed_links = 0
    for lang in project.languages:
        for page in sorted(source_pages(lang, project.docs)):
            here = f"{lang.code}/{page}"
            path = project.docs / here
            text = _read(path)
            updated, changed = renames.rewrite_links(text, here, moves.get(here, here), moves)
            if changed:
                changes[project.docs / moves.get(here, here)] = updated
                changed_links += len(changed)

    config_text, nav_changes = navigation.rename_nav_target(_read(project.config_file), old, new)
    try:
        config_text = navigation.add_redirect(config_text, old, new)
    except navigation.NavigationEditError as error:
        raise PageCommandError(f"{error} — nothing was changed") from None
    _verify(project.config_file, config_text, {}, None)

    templates = {}
    overrides = project.root / "overrides"
    for template in sorted(overrides.rglob("*.html")) if overrides.is_dir() else []:
        text = _read(template)
        updated = re.sub(rf"""(['"]){re.escape(old)}\1""", lambda m: m.group(1) + new + m.group(1), text)
        if updated != text:
            templates[template] = updated

    file_moves = [(project.docs / f"{lang.code}/{old}", project.docs / f"{lang.code}/{new}") for lang in project.languages]
    changes[project.config_file] = config_text
    changes.update(templates)
    _write_all(changes, file_moves)

    report = [f"moved {project.rel(a)} -> {project.rel(b)}" for a, b in file_moves]
    report.append(f"rewrote {changed_links} link{'s' if changed_links != 1 else ''} in docs/")
    report.append(f"renamed {nav_changes} navigation entr{'ies' if nav_changes != 1 else 'y'} in "
                  f"{project.rel(project.config_file)}" if nav_changes else
                  f"the page was in no navigation entry of {project.rel(project.config_file)}")
    report.append(f"added the redirect `{old}: {new}` under redirects: in {project.rel(project.config_file)} "
                  "(the old address keeps working in every language)")
    for template in templates:
        report.append(f"updated {project.rel(template)} (it named {old})")
    tracked = _git_tracked(project.root, project.config_file)
    report.append("")
    report.append("Next: run `make check`, then commit" + (
        " everything: git add -A docs mkdocs.yml overrides && git commit" if tracked else "") + ".")
    return report
