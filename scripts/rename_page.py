"""Move a page to a new name in every language, keeping its old address working.

usage: make rename-page FROM=events.md TO=news/events.md

  FROM  the page's file name now (as under docs/<language>/)
  TO    its new name (lower-case letters, digits and hyphens; folders allowed)

In every language it moves docs/<language>/FROM to docs/<language>/TO, rewrites every
link in docs/ that led to it (and the page's own relative links, if it changes folder),
renames its entry under nav: (or not_in_nav:) in mkdocs.yml, and adds `FROM: TO` under
extra: redirects: there. The build then writes a small page at the old address, in
each edition, that sends readers to the new one. Navigation labels stay as they are.
Nothing is changed if any step would fail.

The same from the site's Python, without make:
  .venv/bin/python scripts/rename_page.py events.md news/events.md
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class _OneLineErrorParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:
        self.exit(2, f"{self.prog}: error: {message} — see --help\n")


def main(argv: list[str] | None = None) -> int:
    parser = _OneLineErrorParser(prog="rename_page.py", description=__doc__, usage=argparse.SUPPRESS,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("old", nargs="?", help="the page's name now, e.g. events.md")
    parser.add_argument("new", nargs="?", help="its new name, e.g. news/events.md")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help=argparse.SUPPRESS)
    parser.add_argument("--from-make", action="store_true", help=argparse.SUPPRESS)  # read FROM=… TO=…
    args = parser.parse_args(argv)
    if args.from_make:
        args.old = args.old or os.environ.get("FROM") or None
        args.new = args.new or os.environ.get("TO") or None
    if not args.old or not args.new:
        print("rename_page.py: error: give the page's name now and its new name: "
              "make rename-page FROM=events.md TO=news/events.md")
        return 2

    from sitekit.pages import PageCommandError, rename_page
    from sitekit.site import load_site_config

    config = load_site_config(str(args.config.resolve()))
    try:
        report = rename_page(config, args.old, args.new)
    except PageCommandError as error:
        print(f"rename_page.py: error: {error}")
        return 1
    print("\n".join(report))
    return 0


if __name__ == "__main__":
    from _venv import require_site_python

    require_site_python("make rename-page")
    sys.exit(main())
