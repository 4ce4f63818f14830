"""The reviewers' preview (scripts/preview.py, sitekit/preview.py), on a fixture git repository
of its own (tests/loop_site.py): a change to one page lists that page in all four editions
with its translation status, and writes a phone and a desktop screenshot of each, plus one
picture of them all; pictures and site-wide files count; without a browser it says so.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PIL import Image

from loop_site import ALT, PHOTO_TITLES, commit_all, git, make_site, page_markdown, photo, photo_page, write
from sitekit.site import ROOT

PREVIEW = ROOT / "scripts" / "preview.py"
EDITIONS = ("uz", "uz-cyrl", "ru", "en")


def run_preview(root, out, *args, env=None):
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    done = subprocess.run([sys.executable, str(PREVIEW), "--config", str(root / "mkdocs.yml"), "--out", str(out),
                           *args], capture_output=True, text=True, cwd=root, env=environment)
    assert "Traceback" not in done.stdout + done.stderr, done.stdout + done.stderr
    return done


def require_browser():
    from sitekit.chromium import INSTALL_HINT, chromium_path

    if chromium_path() is None:
        reason = INSTALL_HINT
        if os.environ.get("SITE_REQUIRE_BROWSER") == "1":
            pytest.fail(reason + " (SITE_REQUIRE_BROWSER=1 makes this an error)", pytrace=False)
        pytest.skip(reason)


@pytest.fixture
def repository(tmp_path):
    root = make_site(tmp_path / "site", git=True)
    git(root, "checkout", "-q", "-b", "change")
    return root


def table_rows(summary: str) -> list[list[str]]:
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in summary.splitlines()
            if line.startswith("| `")]


def test_one_changed_page_in_every_edition_with_screenshots(repository, tmp_path):
    require_browser()
    path = repository / "docs" / "ru" / "contacts.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nЕщё одна строка текста на русском языке.\n", encoding="utf-8")
    commit_all(repository, "Russian contacts: one more line")
    out = tmp_path / "preview"
    summary_file = tmp_path / "step-summary.md"
    done = run_preview(repository, out, "--summary", str(summary_file))
    assert done.returncode == 0, done.stdout
    summary = (out / "summary.md").read_text(encoding="utf-8")
    assert summary_file.read_text(encoding="utf-8") == summary
    rows = table_rows(summary)
    assert [(row[0], row[1].split("`")[1]) for row in rows] == [("`contacts.md`", code) for code in EDITIONS]
    status = {row[1].split("`")[1]: row[3] for row in rows}
    assert status["ru"].startswith("up to date")
    assert status["uz"].startswith("outdated: docs/ru/contacts.md changed after it")
    assert status["en"].startswith("outdated: docs/ru/contacts.md changed after it")
    assert status["uz-cyrl"].startswith("generated from uz: outdated")
    assert [row[2] for row in rows] == ["`/contacts/`", "`/uz-cyrl/contacts/`", "`/ru/contacts/`", "`/en/contacts/`"]
    for code in EDITIONS:
        for device, width in (("phone", 360), ("desktop", 1280)):
            shot = Image.open(out / "screenshots" / code / f"contacts-{device}.png")
            assert shot.width == width and shot.height >= 800
    sheet = Image.open(out / "changed-pages.png")
    assert sheet.format == "PNG" and sheet.height > 4 * 300
    assert (out / "site" / "ru" / "contacts" / "index.html").is_file()
    assert "changed-pages.png" in summary and "screenshots" in summary


def test_pictures_site_wide_files_and_deletions(tmp_path):
    events = {"uz": "Tadbirlar", "ru": "Мероприятия", "en": "Events"}
    pages = {"photo.md": {lang: photo_page(lang) for lang in ALT},
             "events.md": {lang: page_markdown(lang, events[lang], "events") for lang in ALT}}
    root = make_site(tmp_path / "site", pages=pages, nav=[("Photo", "photo.md", PHOTO_TITLES),
                                                          ("Events", "events.md", events)])
    write(root / "docs" / "assets" / "images" / "photo.jpg", photo(600, 400, 80))
    commit_all(root, "Photo and events pages", init=True)
    git(root, "checkout", "-q", "-b", "change")
    write(root / "docs" / "assets" / "images" / "photo.jpg", photo(640, 400, 80))  # a new photo
    for lang in ALT:  # uncommitted changes count too
        (root / "docs" / lang / "events.md").unlink()
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - Events: events.md\n", ""), encoding="utf-8")
    css = root / "overrides" / "assets" / "stylesheets" / "site.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* a change */\n", encoding="utf-8")
    out = tmp_path / "preview"
    done = run_preview(root, out, env={"CHROMIUM_PATH": str(tmp_path / "no-browser"), "SITE_REQUIRE_BROWSER": "0"})
    assert done.returncode == 0, done.stdout
    summary = (out / "summary.md").read_text(encoding="utf-8")
    rows = table_rows(summary)
    assert {row[0] for row in rows} == {"`photo.md` (shows a changed picture)", "`events.md` (deleted)",
                                        "`index.md` (site-wide change)"}
    assert len(rows) == 3 * 4
    deleted = [row for row in rows if row[0].startswith("`events.md`")]
    assert all(row[3] == "deleted; its address will show “page not found”" and row[4] == "—" for row in deleted)
    assert "Site-wide files changed" in summary and "`overrides/assets/stylesheets/site.css`" in summary
    assert "Screenshots were not taken: no Chromium" in summary


def test_no_change_no_pages(repository, tmp_path):
    out = tmp_path / "preview"
    done = run_preview(repository, out, env={"CHROMIUM_PATH": str(tmp_path / "none"), "SITE_REQUIRE_BROWSER": "0"})
    assert done.returncode == 0
    assert "This change touches no page of the site." in (out / "summary.md").read_text(encoding="utf-8")


def test_an_unknown_base_is_one_line(repository, tmp_path):
    done = run_preview(repository, tmp_path / "preview", "--base", "no-such-branch")
    assert done.returncode == 2 and len(done.stdout.strip().splitlines()) == 1, done.stdout
