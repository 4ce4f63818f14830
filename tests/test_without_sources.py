"""GitHub's runner has nothing beside the clone: every test that reads the shared sources
(../shared/sources/) must skip there, with its reason, instead of failing.

Two proofs: no test reaches the sources except through ``siteinfo.source_text`` (which skips,
or fails under SITE_REQUIRE_SOURCES=1), and the tests that use it pass with the sources hidden.
"""

import ast
import os
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent
HELPER = "source_text"  # siteinfo.source_text: the one way in


def _names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    names |= {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    names |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) for alias in node.names}
    return names


def _test_files() -> list[Path]:
    return sorted(p for p in TESTS.rglob("test_*.py") if p.name != Path(__file__).name)


def test_only_the_helper_reads_the_sources():
    direct = [p.relative_to(TESTS).as_posix() for p in _test_files() if "SOURCES" in _names(p)]
    assert not direct, (f"{direct} read sitekit.site.SOURCES directly: use siteinfo.source_text(name), "
                        "which skips with its reason where ../shared is absent")


def test_source_reading_tests_skip_without_the_sources(tmp_path):
    readers = [p for p in _test_files() if HELPER in _names(p)]
    assert readers, "no test reads the shared sources: the facts are no longer checked"
    environment = {k: v for k, v in os.environ.items() if k not in ("SITE_REQUIRE_SOURCES", "PYTEST_ADDOPTS",
                                                                    "PYTEST_XDIST_WORKER")}
    environment["SITE_SOURCES"] = str(tmp_path / "no-shared-sources")
    completed = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs",
         *map(str, readers)],
        capture_output=True, text=True, env=environment, cwd=TESTS.parent,
    )
    tail = "\n".join(completed.stdout.splitlines()[-15:])
    assert completed.returncode == 0, f"with the sources hidden, the tests fail instead of skipping:\n{tail}"
    skipped_for_sources = [line for line in completed.stdout.splitlines()
                           if line.startswith("SKIPPED") and "no-shared-sources/" in line and "not found" in line]
    assert skipped_for_sources, f"no test skipped for the missing sources:\n{tail}"
