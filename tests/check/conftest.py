"""Fixtures of the editor check's tests: a fixture site per test (or per module), and Source
records made from a few lines of Markdown for the rules that look at one file."""

from __future__ import annotations

from pathlib import Path

import pytest

from fixture_site import make_site, project_of


@pytest.fixture
def site(tmp_path) -> Path:
    """A fresh fixture site (see fixture_site.py) that the test may change."""
    return make_site(tmp_path / "site")


@pytest.fixture
def project(site):
    """The fixture site's Project, read afresh at each call (after the test's changes)."""
    return lambda: project_of(site)
