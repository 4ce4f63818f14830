"""Screenshots of every page (`make screenshots`), for people to look at: each page of each
edition, on a phone (360×800) and a desktop (1366×900), light and dark, plus each edition's
not-found page and the phone menu. Written to screenshots/ (ignored by git).

usage: python scripts/screenshots.py [--out screenshots] [--lang uz,ru] [--page index.md]
                                     [--full-page | --first-screen]

Each shot is named <edition>/<page>-<device>-<scheme>.png; with --full-page the whole page,
with --first-screen (the default) only what the visitor sees before scrolling; --both writes
both (the full page as …-full.png). The site is built first (strict) into a temporary folder
and served like GitHub Pages; the browser is the system Chromium the tests use.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
DEVICES = {
    "phone": {"viewport": {"width": 360, "height": 800}, "is_mobile": True, "has_touch": True, "device_scale_factor": 1},
    "desktop": {"viewport": {"width": 1366, "height": 900}},
}
SCHEMES = ("default", "slate")
SCHEME_NAMES = {"default": "light", "slate": "dark"}
NOT_FOUND = "404"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=REPO / "screenshots")
    parser.add_argument("--lang", help="editions to shoot, comma-separated codes (default: all)")
    parser.add_argument("--page", help="pages to shoot, comma-separated (e.g. index.md,404; default: all)")
    extent = parser.add_mutually_exclusive_group()
    extent.add_argument("--full-page", action="store_true", help="the whole page instead of the first screen")
    extent.add_argument("--both", action="store_true", help="the first screen and the whole page")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    from sitekit import site
    from sitekit.build import build
    from sitekit.chromium import CHROMIUM_ARGS, INSTALL_HINT, chromium_path
    from sitekit.pages_server import PagesServer

    chromium = chromium_path()
    if chromium is None:
        print(f"screenshots: {INSTALL_HINT}")
        return 1
    languages = site.languages()
    if args.lang:
        wanted = set(args.lang.split(","))
        unknown = wanted - {lang.code for lang in languages}
        if unknown:
            print(f"screenshots: no edition {', '.join(sorted(unknown))} — use one of "
                  f"{', '.join(lang.code for lang in languages)}")
            return 1
        languages = [lang for lang in languages if lang.code in wanted]
    default = next(lang for lang in site.languages() if lang.default)
    pages = sorted(site.source_pages(default, site.docs_dir())) + [NOT_FOUND]
    if args.page:
        wanted = args.page.split(",")
        unknown = [page for page in wanted if page not in pages]
        if unknown:
            print(f"screenshots: no page {', '.join(unknown)} — use one of {', '.join(pages)}")
            return 1
        pages = wanted

    base_path = urlsplit(site.load_site_config().site_url).path
    count = 0
    with tempfile.TemporaryDirectory() as work:
        site_dir = Path(work) / "site"
        print("screenshots: building the site…", flush=True)
        result = build(site_dir)
        if not result.ok:
            print("screenshots: the build failed:\n" + "\n".join(result.problems or [result.output[-2000:]]))
            return 1
        if args.out.exists():
            shutil.rmtree(args.out)
        with PagesServer(site_dir, base_path) as server, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
            for device, options in DEVICES.items():
                for scheme in SCHEMES:
                    context = browser.new_context(reduced_motion="reduce", **options)
                    context.add_init_script(f"try {{ localStorage.setItem('site.palette', '{scheme}') }} catch (e) {{}}")
                    tab = context.new_page()
                    for lang in languages:
                        folder = args.out / lang.code
                        folder.mkdir(parents=True, exist_ok=True)
                        for page in pages:
                            if page == NOT_FOUND:
                                url = server.url + lang.prefix + "no-such-page/"
                            else:
                                path = lang.prefix + site.built_path(page)
                                url = server.url + path.removesuffix("index.html")
                            tab.goto(url, wait_until="networkidle")
                            name = f"{Path(page).stem}-{device}-{SCHEME_NAMES[scheme]}"
                            if not args.full_page:
                                tab.screenshot(path=folder / f"{name}.png")
                                count += 1
                            if args.full_page or args.both:
                                suffix = "" if args.full_page else "-full"
                                tab.screenshot(path=folder / f"{name}{suffix}.png", full_page=True)
                                count += 1
                            if device == "phone" and page == "index.md":
                                # The menu, as a phone visitor opens it.
                                tab.click('[data-site-toggle="__drawer"]')
                                tab.wait_for_timeout(50)
                                tab.screenshot(path=folder / f"{name}-menu.png")
                                count += 1
                    context.close()
            browser.close()
    print(f"screenshots: {count} PNGs in {args.out.relative_to(REPO) if args.out.is_relative_to(REPO) else args.out}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
