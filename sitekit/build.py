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
    completed = subprocess.run(_command(site_dir, config_file, strict), capture_output=True, text=True,
                               env=_environment(env), cwd=Path(config_file).parent)
    return _result(completed.returncode, completed.stdout + completed.stderr)


def start(site_dir: Path, config_file: Path = ROOT / "mkdocs.yml", env: dict | None = None,
          strict: bool = True) -> subprocess.Popen:
    """The same build, started in the background (the editor check reads the sources meanwhile)."""
    return subprocess.Popen(_command(site_dir, config_file, strict), stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env=_environment(env), cwd=Path(config_file).parent)


def finish(process: subprocess.Popen) -> BuildResult:
    """Wait for a started build and collect what it printed."""
    output, _ = process.communicate()
    return _result(process.returncode, output)


def _command(site_dir: Path, config_file: Path, strict: bool) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict" if strict else "--no-strict",
            "--config-file", str(config_file), "--site-dir", str(site_dir)]


def _environment(env: dict | None) -> dict:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}


def _result(returncode: int, output: str) -> BuildResult:
    problems = [line for line in output.splitlines() if line.startswith(("WARNING", "ERROR"))]
    return BuildResult(returncode, output, problems)
