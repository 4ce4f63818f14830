"""A problem reported to an editor: one line, ``file:line: what is wrong — how to fix``.

Every check that reports to editors (the editor check, the build's hooks, the image
pipeline) returns these, so that each is printed, sorted and annotated on GitHub alike.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str  # project-relative, posix: "docs/uz/index.md", "mkdocs.yml"
    line: int | None
    message: str  # what is wrong
    fix: str  # how to fix it
    severity: str = "error"  # or "warning"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        label = "warning: " if self.severity == "warning" else ""
        return f"{where}: {label}{self.message} — {self.fix}"

    def sort_key(self):
        return (self.severity != "error", self.file, self.line or 0, self.message)
