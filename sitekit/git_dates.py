"""Last-change dates of source files from git history, never from the clock, so that
two builds of the same commit are identical."""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path


def last_change_dates(repository: Path) -> dict[str, datetime.date]:
    """Map each tracked file (repository-relative, posix) to the date of its last commit.

    One ``git log`` for the whole history instead of one per file. Empty when the folder is
    not a git checkout (for example an unpacked archive): pages then show no date.
    """
    try:
        log = subprocess.run(
            ["git", "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", "."],
            cwd=repository, capture_output=True, text=True, check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    dates: dict[str, datetime.date] = {}
    for commit in log.split("\0")[1:]:
        day, _, names = commit.partition("\n")
        when = datetime.date.fromisoformat(day.strip())
        for name in names.split("\n"):
            if name.strip():
                dates.setdefault(name.strip(), when)  # newest commit comes first
    return dates


def format_date(day: datetime.date, date_strings: dict) -> str:
    """A date in the page's language, from i18n/<lang>.yml's ``date`` pattern and months."""
    return date_strings["pattern"].format(
        day=day.day, month=date_strings["months"][day.month - 1], year=day.year
    )


def last_commit_time(repository: Path) -> datetime.datetime | None:
    """When the checked-out commit was made (UTC), or None outside a git checkout."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=repository,
                             capture_output=True, text=True, check=True).stdout.strip()
        return datetime.datetime.fromtimestamp(int(out), tz=datetime.timezone.utc)
    except (OSError, subprocess.CalledProcessError, ValueError):
        return None
