"""Every built page is valid HTML by the current Nu HTML Checker (vnu.jar, run with Java).

vnu.jar comes from the `vnu-jar` npm package (package.json; `make test` installs it). Without
Java or vnu.jar the test skips, saying how to get them, unless SITE_REQUIRE_JAVA=1 (CI).
"""

import json
import os
import shutil
import subprocess

import pytest

from sitekit.site import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def require_or_skip(reason):
    if os.environ.get("SITE_REQUIRE_JAVA") == "1":
        pytest.fail(f"{reason} (SITE_REQUIRE_JAVA=1 makes this an error)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def vnu_messages(built_site):
    java = shutil.which("java")
    if java is None:
        require_or_skip("Java not found: install it with `apt-get install default-jre-headless`")
    if not VNU.is_file():
        require_or_skip("vnu.jar not found: run `npm ci` (make test does it when npm is present)")
    pages = [str(built_site.root / path) for path in built_site.html_files()]
    completed = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
        capture_output=True, text=True,
    )
    report = json.loads(completed.stderr or completed.stdout)
    return pages, report["messages"]


def test_nu_html_checker_finds_no_error(built_site, vnu_messages):
    pages, messages = vnu_messages
    assert len(pages) >= 20, "too few pages checked"
    errors = [
        f"{m.get('url', '').split(str(built_site.root) + '/')[-1]}:{m.get('lastLine', '?')}: {m['message']}"
        for m in messages
        if m.get("type") == "error" or m.get("subType") == "fatal"
    ]
    assert not errors, f"{len(errors)} errors in {len(pages)} pages:\n" + "\n".join(errors[:40])
