"""Whether each translation of a page is up to date with its counterparts, from git history.

How it is decided (no bookkeeping in the pages themselves): the commits that changed the
page's files (``docs/<language>/<page>``) are read in commit order (parents before children,
never by date) and each change of a file in a commit is one of two kinds:

- a **catch-up**, when that file was outdated and the commit descends from the changes it was
  missing: the translation was brought up to date (whatever else it changed);
- an **edit** otherwise: a new change, which every other language of the page now lacks.

A translation is **outdated** while an edit of a counterpart is not in its own history, i.e.
the counterpart has a commit that is not an ancestor of this file's last commit (in a straight
history: a later commit) and this file has not caught up since. Files changed in the same
commit are in step. So after the Uzbek page is edited, the Russian and English pages are
outdated until each is committed again; the Uzbek page does not become outdated when they
catch up. Edits on parallel branches, once merged, leave each side outdated for the other.

A file with changes that are not committed yet is reported as such ("changed, not
committed"; "new, not committed" for a file git does not track yet): history cannot tell yet.

A translator who reads an outdated translation and finds it still right says so with a
trailer in a commit message, one path per line (the commit may change nothing: ``git commit
--allow-empty``)::

    Translation-checked: docs/ru/accessibility.md
    Translation-checked: docs/en/accessibility.md

The named file then counts as caught up with every edit that commit descends from (the
commit's own edits included), exactly as if it had been changed. A path that names no page
changes nothing (a trailer cannot be corrected once committed); ``misspelt_trailers`` lists
them with the nearest real path, so that ``make status`` and ``make check`` can say so.

For an outdated translation, ``Translation.since`` gives, per counterpart, the last commit at
which the translation was in step with it: ``git diff <that commit>..HEAD -- <counterpart>``
is exactly what the translator has to carry over.

Limits, on purpose: a commit that changes an outdated translation counts as its catch-up even
if it only fixed a typo; and a typo fixed in one language marks the others outdated until they
are committed again or checked, so someone looks at them.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from sitekit.site import Language, source_pages

UP_TO_DATE = "up to date"
OUTDATED = "outdated"
CHANGED = "changed, not committed"
NEW = "new, not committed"
MISSING = "missing"
NO_HISTORY = "not in git"
CHECKED_TRAILER = "Translation-checked"
EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"  # git's empty tree: a diff from nothing


@dataclass(frozen=True)
class Commit:
    sha: str
    date: str  # committer date, YYYY-MM-DD (shown only; never compared)
    subject: str

    @property
    def short(self) -> str:
        return self.sha[:7]

    def __str__(self) -> str:
        return f'{self.short} {self.date} "{self.subject}"'


@dataclass
class Translation:
    language: str  # code, "ru"
    path: str  # project-relative, "docs/ru/index.md"
    state: str  # one of the constants above
    last_commit: Commit | None = None
    # Edits of counterparts this file lacks: (counterpart path, its newest such commit).
    newer: list[tuple[str, Commit]] = field(default_factory=list)
    # Per counterpart it lacks edits of: the last commit the two were in step at (the parent of
    # the oldest edit it lacks; EMPTY_TREE when that edit created the counterpart's history).
    since: dict[str, str] = field(default_factory=dict)

    def diff_command(self, counterpart: str) -> str:
        """The git command that shows what changed in a counterpart since this file was in step."""
        base = self.since.get(counterpart, EMPTY_TREE)
        return f"git diff {base[:12] if base != EMPTY_TREE else base}..HEAD -- {counterpart}"

    def describe(self) -> str:
        changes = "; ".join(f"{path} changed after it ({commit})" for path, commit in self.newer)
        if self.state == OUTDATED:
            return f"{OUTDATED}: {changes}"
        if self.state == CHANGED and self.newer:
            return f"{CHANGED} (its last commit was outdated: {changes})"
        if self.state == UP_TO_DATE and self.last_commit:
            return f"{UP_TO_DATE} (last change {self.last_commit.short} {self.last_commit.date})"
        return self.state


@dataclass
class PageStatus:
    page: str  # "index.md"
    translations: list[Translation]

    @property
    def outdated(self) -> list[Translation]:
        return [t for t in self.translations if t.state == OUTDATED]


class Git:
    def __init__(self, root: Path):
        self.root = Path(root)
        self.first_parent: dict[str, str | None] = {}  # filled by ancestry()

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(["git", *args], cwd=self.root, capture_output=True, text=True, check=check)

    def available(self) -> bool:
        try:
            done = self.run("rev-parse", "--is-inside-work-tree", check=False)
        except OSError:
            return False
        return done.returncode == 0 and done.stdout.strip() == "true"

    def has_commits(self) -> bool:
        return self.run("rev-parse", "--verify", "-q", "HEAD", check=False).returncode == 0

    def history(self, paths: list[str]) -> list[tuple[Commit, set[str]]]:
        """Commits that changed any of the paths (project-relative), parents first, with the
        paths each changed. One ``git log`` for all of them."""
        if not paths or not self.has_commits():
            return []
        log = self.run(
            "log", "--topo-order", "--reverse", "--no-renames", "--relative",
            "--format=%x00%H%x01%cs%x01%s", "--name-only", "--", *paths,
        ).stdout
        wanted = set(paths)
        commits = []
        for entry in log.split("\0")[1:]:
            header, _, names = entry.partition("\n")
            sha, date, subject = header.split("\x01", 2)
            changed = {name.strip() for name in names.splitlines()} & wanted
            if changed:
                commits.append((Commit(sha, date, subject), changed))
        return commits

    def trailers(self) -> list[tuple[Commit, list[str]]]:
        """Commits of HEAD's history whose message has ``Translation-checked:`` trailers, with
        every path they name, newest first. One ``git log``."""
        if not self.has_commits():
            return []
        log = self.run(
            "log", f"--grep=^{CHECKED_TRAILER}:", "--regexp-ignore-case",
            f"--format=%x00%H%x01%cs%x01%s%x01%(trailers:key={CHECKED_TRAILER},valueonly,separator=%x02)",
        ).stdout
        commits = []
        for entry in log.split("\0")[1:]:
            sha, date, subject, values = entry.rstrip("\n").split("\x01", 3)
            named = [value.strip() for value in values.split("\x02") if value.strip()]
            if named:
                commits.append((Commit(sha, date, subject), named))
        return commits

    def checks(self, paths: list[str]) -> list[tuple[Commit, set[str]]]:
        """The trailer commits with the paths (of those given) they name."""
        if not paths:
            return []
        wanted = set(paths)
        return [(commit, set(named) & wanted) for commit, named in self.trailers() if set(named) & wanted]

    def ancestry(self) -> tuple[dict[str, int], dict[str, int]]:
        """(position of each commit of HEAD's history in commit order, the bit set of its
        ancestors by position), so that ancestry questions need no further git calls."""
        if not self.has_commits():
            return {}, {}
        lines = self.run("rev-list", "--topo-order", "--reverse", "--parents", "HEAD").stdout.splitlines()
        index: dict[str, int] = {}
        ancestors: dict[str, int] = {}
        for line in lines:
            sha, *parents = line.split()
            self.first_parent[sha] = parents[0] if parents else None
            index[sha] = len(index)
            mask = 0
            for parent in parents:
                if parent in ancestors:
                    mask |= ancestors[parent] | (1 << index[parent])
            ancestors[sha] = mask
        return index, ancestors

    def uncommitted(self, paths: list[str]) -> dict[str, str]:
        """Path -> CHANGED or NEW, for paths with changes in the index or the work tree."""
        out = self.run("status", "--porcelain=v1", "-z", "--untracked-files=all", "--", *paths).stdout
        prefix = self.run("rev-parse", "--show-prefix").stdout.strip()
        states = {}
        entries = out.split("\0")
        i = 0
        while i < len(entries):
            entry = entries[i]
            i += 1
            if len(entry) < 4:
                continue
            code, name = entry[:2], entry[3:]
            if code[0] in "RC":  # a rename names its source next
                i += 1
            name = name[len(prefix):] if prefix and name.startswith(prefix) else name
            states[name] = NEW if code in ("??", "A ", "AM") else CHANGED
        return states


def translation_status(root: Path, docs: Path, languages: list[Language]) -> list[PageStatus]:
    """The status of every page in every language (pages found in any language)."""
    root = Path(root)
    docs_rel = Path(docs).resolve().relative_to(root.resolve()).as_posix()
    pages = sorted(set().union(*(source_pages(lang, Path(docs)) for lang in languages)))
    paths = {(lang.code, page): f"{docs_rel}/{lang.code}/{page}" for page in pages for lang in languages}

    git = Git(root)
    in_git = git.available()
    existing = [path for path in paths.values() if (root / path).is_file()]
    history = git.history(list(paths.values())) if in_git else []
    checked = git.checks(list(paths.values())) if history else []
    checks = {c.sha: named for c, named in checked}
    index, ancestors = git.ancestry() if history else ({}, {})
    # Commits that change no page file but carry trailers join the replay, in commit order.
    known = {c.sha for c, _changed in history}
    history = sorted(history + [(c, set()) for c, _named in checked if c.sha not in known],
                     key=lambda entry: index.get(entry[0].sha, -1))
    pending_files = git.uncommitted(existing) if in_git and existing else {}

    def is_ancestor(older: Commit, newer: Commit) -> bool:
        return older.sha in index and bool((ancestors.get(newer.sha, 0) >> index[older.sha]) & 1)

    # Replay the history: for each file, its last commit and the edits of counterparts it lacks.
    last: dict[str, Commit] = {}
    lacking: dict[str, list[tuple[str, Commit]]] = {path: [] for path in paths.values()}
    page_of = {path: page for (_code, page), path in paths.items()}
    for commit, changed in history:
        edits = []
        for path in changed:
            caught_up = [(p, e) for p, e in lacking[path] if is_ancestor(e, commit)]
            if not caught_up:
                edits.append(path)
            lacking[path] = [(p, e) for p, e in lacking[path] if (p, e) not in caught_up]
            last[path] = commit
        for path in edits:
            for (code, page), other in paths.items():
                if page == page_of[path] and other not in changed:
                    lacking[other].append((path, commit))
        for path in checks.get(commit.sha, set()) - changed:  # read and found right: caught up
            lacking[path] = [(p, e) for p, e in lacking[path] if e != commit and not is_ancestor(e, commit)]

    statuses = []
    for page in pages:
        translations = []
        for lang in languages:
            path = paths[(lang.code, page)]
            if not (root / path).is_file():
                translations.append(Translation(lang.code, path, MISSING))
                continue
            if not in_git:
                translations.append(Translation(lang.code, path, NO_HISTORY))
                continue
            newest: dict[str, Commit] = {}
            oldest: dict[str, Commit] = {}
            for other, commit in lacking[path]:
                newest[other] = commit  # history order: the last one wins
                oldest.setdefault(other, commit)
            newer = sorted(newest.items())
            since = {other: git.first_parent.get(commit.sha) or EMPTY_TREE for other, commit in oldest.items()}
            own = last.get(path)
            if path in pending_files or own is None:
                state = pending_files.get(path, NEW)
            else:
                state = OUTDATED if newer else UP_TO_DATE
            translations.append(Translation(lang.code, path, state, own, newer, since))
        statuses.append(PageStatus(page, translations))
    return statuses


def misspelt_trailers(root: Path, docs: Path, languages: list[Language]) -> list[tuple[Commit, str, str | None]]:
    """(commit, path, the nearest page path or None) for each ``Translation-checked:`` path in
    HEAD's history that names no page of any language."""
    import difflib

    root = Path(root)
    docs_rel = Path(docs).resolve().relative_to(root.resolve()).as_posix()
    pages = sorted(set().union(*(source_pages(lang, Path(docs)) for lang in languages)))
    known = [f"{docs_rel}/{lang.code}/{page}" for page in pages for lang in languages]
    git = Git(root)
    if not git.available():
        return []
    found = []
    for commit, named in git.trailers():
        for path in named:
            if path not in known:
                near = difflib.get_close_matches(path, known, n=1, cutoff=0.6)
                found.append((commit, path, near[0] if near else None))
    return found


def counterpart_diff(root: Path, translation: Translation, counterpart: str) -> str:
    """What changed in a counterpart since a translation was last in step with it (a unified
    diff; empty when nothing did)."""
    base = translation.since.get(counterpart, EMPTY_TREE)
    done = Git(root).run("--no-pager", "diff", "--no-color", f"{base}..HEAD", "--", counterpart, check=False)
    return done.stdout if done.returncode == 0 else done.stderr
