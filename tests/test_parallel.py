"""`make test` runs on every core (pytest-xdist, ``--dist loadgroup``), and tests that share an
expensive thing (a build, a browser visit) keep to one worker through their ``xdist_group``.
If grouping broke, nothing would fail: each worker would quietly build and visit again, and
the suite would take much longer. With pytest 9.2 and pytest-xdist 3.8 that is what happens
(https://github.com/pytest-dev/pytest-xdist/issues/1386): requirements.in keeps pytest below
9.2. This test runs a small suite of its own the way the Makefile does and checks that every
test of a group ran on the same worker.
"""

from __future__ import annotations

import subprocess
import sys

# Twelve tests in two groups, as the suite's are given (a parametrized mark); each notes its worker.
GROUPED_TESTS = """
import os
import pytest

GROUPS = [pytest.param(name, marks=pytest.mark.xdist_group(name)) for name in ("first", "second")]

@pytest.mark.parametrize("group", GROUPS)
@pytest.mark.parametrize("n", range(6))
def test_grouped(group, n):
    with open(os.path.join(os.environ["RECORD_DIR"], f"{group}-{n}"), "w") as out:
        out.write(os.environ.get("PYTEST_XDIST_WORKER", "master"))
"""


def test_a_groups_tests_run_on_one_worker(tmp_path):
    suite = tmp_path / "suite"
    suite.mkdir()
    (suite / "test_grouped.py").write_text(GROUPED_TESTS, encoding="utf-8")
    (suite / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    records = tmp_path / "records"
    records.mkdir()
    command = [sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup", "-q", "-p", "no:cacheprovider", str(suite)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=suite,
                          env={"RECORD_DIR": str(records), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stdout + done.stderr
    workers: dict[str, set[str]] = {}
    for record in records.iterdir():
        workers.setdefault(record.name.split("-")[0], set()).add(record.read_text())
    assert set(workers) == {"first", "second"} and sum(1 for _ in records.iterdir()) == 12
    assert all(len(ran_on) == 1 for ran_on in workers.values()), (
        f"pytest-xdist split a group across workers: {workers} (is pytest 9.2 or later installed? see requirements.in)")
