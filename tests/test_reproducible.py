"""Building the same commit twice gives byte-identical output: dates come from git, not from
the clock, and nothing random (ids, orders) reaches the files. The second build takes every
recording from the cache (tests/test_speech_engine.py proves that a recording made afresh has
the same bytes)."""

import filecmp
import re
from pathlib import Path

from siteinfo import SPEECH_MISSING, build_env
from sitekit.build import build


def all_files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def test_two_builds_are_identical(built_site, tmp_path):
    second = tmp_path / "again"
    result = build(second, env={**build_env(), "TZ": "Pacific/Kiritimati"})  # another day on the clock, too
    assert result.ok, result.problems
    if not SPEECH_MISSING:  # the recordings are the session build's, from the cache: none made again
        assert re.search(r"Listen: \d+ recordings, .*\(0 synthesised", result.output), result.output[-2000:]
    first_files, second_files = all_files(built_site.root), all_files(second)
    assert first_files == second_files, f"only in one build: {sorted(first_files ^ second_files)[:10]}"
    differing = [
        name for name in sorted(first_files)
        if not filecmp.cmp(built_site.root / name, second / name, shallow=False)
    ]
    assert differing == [], f"{len(differing)} of {len(first_files)} files differ: {differing[:10]}"
