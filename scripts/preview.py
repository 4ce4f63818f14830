"""A rendered preview of a change, for its reviewers: the pages it changes in every edition
(uz, uz-cyrl, ru, en) with their translation status, and a phone and a desktop screenshot of
each, taken by the tests' Chromium. The Test workflow runs it on every pull request and shows
the summary on the run's page; the screenshots and the built site are the run's artifacts.

usage: make preview [BASE=main]
       .venv/bin/python scripts/preview.py [--base COMMIT] [--out preview] [--summary FILE]

  --base     what to compare with (a commit or branch; default: where HEAD left origin/main,
             or main): the work tree is compared, so uncommitted edits count too
  --out      where to write (default: preview/):
               summary.md          the summary (Markdown)
               changed-pages.png   every screenshot's first screen, in one picture
               screenshots/<edition>/<page>-phone.png, -desktop.png   whole pages
               site/               the built site
  --summary  also append the summary to this file (the workflow gives $GITHUB_STEP_SUMMARY)

Chromium: as the browser tests find it (sitekit/chromium.py): CHROMIUM_PATH, else
`chromium-headless-shell`, else `chromium` on the PATH (Debian: apt-get install chromium-headless-shell).
Without one the summary is still written and says so; SITE_REQUIRE_BROWSER=1 (CI) makes
that an error.

Exit status: 0 written, 1 the build failed or (with SITE_REQUIRE_BROWSER=1) no browser,
2 the comparison could not be made (no such base commit, not a git checkout).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
DEVICES = {
    "phone": {"viewport": {"width": 360, "height": 800}, "is_mobile": True, "has_touch": True,
              "device_scale_factor": 1},
    "desktop": {"viewport": {"width": 1280, "height": 800}},
}
SHEET_ROWS = 24  # editions × pages in the one picture; every screenshot is in screenshots/ anyway


def take_screenshots(site: Path, base_path: str, rows, out: Path) -> tuple[list, str | None]:
    """Whole-page screenshots per row and device, and the first screens for the contact sheet;
    or why none were taken."""
    from playwright.sync_api import sync_playwright

    from sitekit.chromium import CHROMIUM_ARGS, chromium_path
    from sitekit.pages_server import PagesServer
    from sitekit.preview import screenshot_name

    executable = chromium_path()
    if executable is None:
        return [], "Screenshots were not taken: no Chromium (set CHROMIUM_PATH, or apt-get install chromium-headless-shell)."
    sheet = []
    first_screens = out / ".first-screens"
    with PagesServer(site, base_path) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        try:
            for row in rows:
                if not row.exists:
                    continue
                firsts = []
                for device, options in DEVICES.items():
                    context = browser.new_context(**options)
                    tab = context.new_page()
                    tab.goto(server.url + row.address, wait_until="networkidle")
                    target = out / "screenshots" / screenshot_name(row, device)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    tab.screenshot(path=str(target), full_page=True)
                    first = first_screens / screenshot_name(row, device)
                    first.parent.mkdir(parents=True, exist_ok=True)
                    tab.screenshot(path=str(first))
                    firsts.append(first)
                    context.close()
                sheet.append((f"{row.page.page} - {row.edition.code} - /{row.address} (phone, desktop)", firsts))
        finally:
            browser.close()
    return sheet, None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="preview.py", description=__doc__, usage=argparse.SUPPRESS,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", help="commit or branch to compare with")
    parser.add_argument("--out", type=Path, default=ROOT / "preview")
    parser.add_argument("--summary", type=Path, help="append the summary to this file too")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help=argparse.SUPPRESS)
    parser.add_argument("--from-make", action="store_true", help=argparse.SUPPRESS)  # BASE=… from make
    args = parser.parse_args(argv)
    if args.from_make:
        args.base = args.base or os.environ.get("BASE") or None

    from sitekit import preview
    from sitekit.build import build
    from sitekit.site import load_site_config

    config = load_site_config(str(args.config.resolve()))
    root = Path(config.config_file_path).parent
    try:
        base = preview.base_commit(root, args.base)
        files = preview.changed_files(root, base)
        pages, site_wide = preview.changed_pages(config, files, preview.added_files(root, base, files))
        rows = preview.rows(config, pages)
    except (ValueError, OSError) as error:
        print(f"preview.py: {error}")
        return 2
    except Exception as error:  # git's own failure: not a checkout, a shallow clone without the base
        print(f"preview.py: could not compare with {args.base or 'main'} ({type(error).__name__}: "
              f"{' '.join(str(error).split())[:200]}) — fetch the whole history (git fetch --unshallow)")
        return 2

    out = args.out.resolve()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    notes, status = [], 0
    site = out / "site"
    result = build(site, Path(config.config_file_path))
    if not result.ok:
        notes.append("The site does not build: see the `make test` step for the problems. No screenshots.")
        status = 1
    elif rows:
        base_path = urlsplit(config.site_url or "/").path
        sheet, why_not = take_screenshots(site, base_path, rows, out)
        if why_not:
            notes.append(why_not)
            status = 1 if os.environ.get("SITE_REQUIRE_BROWSER") == "1" else 0
        if sheet:
            shown = sheet[:SHEET_ROWS]
            if len(sheet) > len(shown):
                notes.append(f"changed-pages.png shows the first {len(shown)} of {len(sheet)}; every screenshot "
                             "is in the screenshots artifact.")
            (out / "changed-pages.png").write_bytes(preview.contact_sheet(shown))
        shutil.rmtree(out / ".first-screens", ignore_errors=True)

    text = preview.summary(rows, site_wide, list(DEVICES), notes)
    (out / "summary.md").write_text(text, encoding="utf-8")
    if args.summary:
        with open(args.summary, "a", encoding="utf-8") as summary_file:
            summary_file.write(text)
    shots = len(list((out / "screenshots").rglob("*.png"))) if (out / "screenshots").is_dir() else 0
    print(f"preview: {len({r.page.page for r in rows})} changed pages in {len({r.edition.code for r in rows})} "
          f"editions, {shots} screenshots, compared with {base[:10]}: {out.relative_to(Path.cwd()) if out.is_relative_to(Path.cwd()) else out}/summary.md")
    for note in notes:
        print(f"preview: {note}")
    return status


if __name__ == "__main__":
    from _venv import require_site_python

    require_site_python("make preview")
    sys.exit(main())
