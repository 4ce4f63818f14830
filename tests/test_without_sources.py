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


def _functions(path: Path) -> dict[str, set[str]]:
    """Each top-level function of a module and the names it uses (its arguments included:
    that is how a test asks for a fixture)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            names = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
            names |= {n.attr for n in ast.walk(node) if isinstance(n, ast.Attribute)}
            names |= {a.arg for a in ast.walk(node.args) if isinstance(a, ast.arg)}
            names |= {alias.asname or alias.name for n in ast.walk(node) if isinstance(n, ast.ImportFrom)
                      for alias in n.names}
            found[node.name] = names
    return found


def _reaching(functions: dict[str, set[str]], seeds: set[str]) -> set[str]:
    """The functions that use a seed name, directly or through another such function."""
    reached = set(seeds)
    while True:
        more = {name for name, uses in functions.items() if name not in reached and uses & reached}
        if not more:
            return reached
        reached |= more


def source_reading_tests() -> list[str]:
    """The node ids of the tests that reach siteinfo.source_text: through its name (also
    imported under another), a fixture or a siteinfo helper that calls it."""
    through_siteinfo = _reaching(_functions(TESTS / "siteinfo.py"), {HELPER})
    selected = []
    for path in _test_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        aliases = {alias.asname or alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                   and node.module == "siteinfo" for alias in node.names if alias.name in through_siteinfo}
        if not aliases:
            continue
        reached = _reaching(_functions(path), aliases)
        selected += [f"{path.relative_to(TESTS.parent).as_posix()}::{name}" for name in _functions(path)
                     if name.startswith("test_") and name in reached]
    return selected


def test_the_selection_finds_each_way_in():
    """The selection's own cases: direct use, an alias, a fixture, a fixture of a fixture."""
    selected = source_reading_tests()
    assert "tests/test_contributing.py::test_terms_table_is_the_sources_one" in selected, selected  # by name
    assert "tests/test_page_sources.py::test_every_source_file_named_exists_in_the_shared_sources" in selected  # imported inside
    assert "tests/test_translit.py::test_whole_source_text_survives_the_round_trip" in selected  # alias, fixture of a fixture
    assert "tests/test_without_sources.py::test_the_selection_finds_each_way_in" not in selected
    functions = {"fixture_a": {"read"}, "fixture_b": {"fixture_a"}, "test_x": {"fixture_b"}, "test_y": {"other"}}
    assert _reaching(functions, {"read"}) == {"read", "fixture_a", "fixture_b", "test_x"}


def test_source_reading_tests_skip_without_the_sources(tmp_path):
    # Only the tests that read the sources, not their whole files: the rest is run by the
    # suite itself and does not depend on ../shared.
    readers = source_reading_tests()
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
