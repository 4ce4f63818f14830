"""Run the real strict MkDocs build (never with -q: a quiet strict build exits 0 on
warnings) and collect the warnings it printed."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from sitekit.site import ROOT


@dataclass
class BuildResult:
    returncode: int
    output: str
    problems: list[str] = field(default_factory=list)  # WARNING and ERROR lines

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.problems


def build(site_dir: Path, config_file: Path = ROOT / "mkdocs.yml", env: dict | None = None,
          strict: bool = True) -> BuildResult:
    """Build into site_dir. ``strict=False`` builds every language to the end and reports all
    its warnings (a strict build stops at the first language that warns): the caller then
    treats any warning as an error, as strict mode does."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict" if strict else "--no-strict",
         "--config-file", str(config_file), "--site-dir", str(site_dir)],
        capture_output=True, text=True, env=environment, cwd=Path(config_file).parent,
    )
    output = completed.stdout + completed.stderr
    problems = [line for line in output.splitlines() if line.startswith(("WARNING", "ERROR"))]
    return BuildResult(completed.returncode, output, problems)
