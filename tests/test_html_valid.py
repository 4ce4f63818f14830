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

# The checker runs once per call and exits, so the JVM's optimising compiler (C2) never pays
# for itself: the client compiler alone (TieredStopAtLevel=1) checks the site's pages in 2.5 s
# of CPU instead of 6 (BENCHMARKS.md). Its frames are larger, and the HTML schema is evaluated
# recursively: it overflows a 1 MB stack on today's pages and needs 2 MB, so it gets 16.
JVM_OPTIONS = ["-XX:TieredStopAtLevel=1", "-Xss16m"]


def require_or_skip(reason):
    if os.environ.get("SITE_REQUIRE_JAVA") == "1":
        pytest.fail(f"{reason} (SITE_REQUIRE_JAVA=1 makes this an error)", pytrace=False)
    pytest.skip(reason)


def nu_messages(pages: list[str]) -> list[dict]:
    """The Nu HTML Checker's errors for these files (skips, or fails in CI, without Java or
    vnu.jar). Anything but its JSON report (the JVM's own complaint) fails, quoted."""
    java = shutil.which("java")
    if java is None:
        require_or_skip("Java not found: install it with `apt-get install default-jre-headless`")
    if not VNU.is_file():
        require_or_skip("vnu.jar not found: run `npm ci` (make test does it when npm is present)")
    completed = subprocess.run([java, *JVM_OPTIONS, "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
                               capture_output=True, text=True)
    try:
        return json.loads(completed.stderr or completed.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"the Nu HTML Checker gave no report (exit {completed.returncode}):\n"
                    f"{completed.stdout[-2000:]}{completed.stderr[-2000:]}", pytrace=False)


@pytest.fixture(scope="module")
def vnu_messages(built_site):
    pages = [str(built_site.root / path) for path in built_site.html_files()]
    return pages, nu_messages(pages)


def test_nu_html_checker_finds_no_error(built_site, vnu_messages):
    pages, messages = vnu_messages
    assert len(pages) >= 20, "too few pages checked"
    errors = [
        f"{m.get('url', '').split(str(built_site.root) + '/')[-1]}:{m.get('lastLine', '?')}: {m['message']}"
        for m in messages
        if m.get("type") == "error" or m.get("subType") == "fatal"
    ]
    assert not errors, f"{len(errors)} errors in {len(pages)} pages:\n" + "\n".join(errors[:40])


def test_the_checker_still_finds_errors_deep_in_a_page(tmp_path):
    """The JVM options above do not cost the checker its findings: a stray end tag 500
    elements deep is still reported, once. (With a 1 MB stack the client compiler's JVM
    overflows on this page, as on every page of the site, and the checker gives no report.)"""
    page = tmp_path / "deep.html"
    page.write_text('<!doctype html><html lang="en"><head><title>x</title></head><body>'
                    + "<div>" * 500 + "<p></span>x</p>" + "</div>" * 500 + "</body></html>", encoding="utf-8")
    messages = nu_messages([str(page)])
    assert [(m["type"], m["message"]) for m in messages] == [("error", "Stray end tag “span”.")], messages
