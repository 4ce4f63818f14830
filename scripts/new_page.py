"""Create a new page in every language and add it to the navigation.

usage: make new-page PAGE=events.md LABEL="Events" [UZ="Tadbirlar"] [RU="Мероприятия"] [EN="Events"]
                     [AFTER=contacts.md] [NOT_IN_NAV=1]
       make new-page                      (in a terminal: asks for each of them)

  PAGE        the file name, the same in every language: events.md, or in a folder:
              about/team.md (lower-case letters, digits and hyphens)
  LABEL       the English navigation label; the key of the page's label in every
              i18n/<language>.yml
  UZ, RU, EN  the page's title and navigation label in that language (EN defaults to
              LABEL); asked for in a terminal, else left as TODO for you to write
  AFTER       put the page after this one in the navigation (default: at the end)
  NOT_IN_NAV  list the page under not_in_nav: instead (linked from elsewhere, like the
              accessibility statement)

It writes docs/<language>/PAGE for every language (front matter with a description and
the source: where the content comes from, a level-1 heading with an explicit id, TODO
placeholders that `make check` reports until they are replaced), adds `- LABEL: PAGE`
under nav: in mkdocs.yml and `LABEL: <title>` under nav: in each i18n/<language>.yml.
Those files are edited as text at that one place: every comment and line around it stays
as it was. It never overwrites a page, and changes nothing if any step would fail.

The same from the site's Python, without make:
  .venv/bin/python scripts/new_page.py events.md "Events" --uz "Tadbirlar" --ru "Мероприятия"
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

TEMPLATE = """---
description: >-
  TODO: one or two sentences about this page, in {language}. Search results and link
  previews show them.
source: TODO  # where the content comes from: {sources} (extra.sources in mkdocs.yml)
---

# {title} {{#{anchor}}}

TODO: the text of the page, in {language}. Every fact comes from ../shared/sources/.
"""


class _OneLineErrorParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:
        self.exit(2, f"{self.prog}: error: {message} — see --help\n")


def _ask(question: str) -> str:
    try:
        return input(question).strip()
    except EOFError:
        return ""


def main(argv: list[str] | None = None) -> int:
    from sitekit.pages import NewPage, PageCommandError, create_page
    from sitekit.site import edited_languages, load_site_config

    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    config = load_site_config(str(pre.parse_known_args(argv)[0].config.resolve()))
    site_languages = edited_languages(config)
    parser = _OneLineErrorParser(prog="new_page.py", description=__doc__, usage=argparse.SUPPRESS,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("page", nargs="?", help="file name, e.g. events.md")
    parser.add_argument("label", nargs="?", help="the English navigation label, e.g. Events")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help=argparse.SUPPRESS)
    parser.add_argument("--after", metavar="PAGE", help="place it after this page in the navigation")
    parser.add_argument("--not-in-nav", action="store_true", help="list it under not_in_nav: instead")
    parser.add_argument("--from-make", action="store_true", help=argparse.SUPPRESS)  # read PAGE=… LABEL=…
    for lang in site_languages:
        parser.add_argument(f"--{lang.code}", metavar="TITLE", help=f"the page title in {lang.name}")
    args = parser.parse_args(argv)

    if args.from_make:  # `make new-page PAGE=… LABEL=… RU=…`: make passes them in the environment
        args.page = args.page or os.environ.get("PAGE") or None
        args.label = args.label or os.environ.get("LABEL") or None
        args.after = args.after or os.environ.get("AFTER") or None
        args.not_in_nav = args.not_in_nav or os.environ.get("NOT_IN_NAV", "") not in ("", "0")
        for lang in site_languages:
            attribute = lang.code.replace("-", "_")
            setattr(args, attribute, getattr(args, attribute) or os.environ.get(lang.code.upper()) or None)

    interactive = sys.stdin.isatty()
    if not args.page and interactive:
        args.page = _ask("File name of the new page (for example events.md): ")
    if not args.label and interactive:
        args.label = _ask("Its navigation label in English (for example Events): ")
    if not args.page or not args.label:
        print("new_page.py: error: give the page and its English label: "
              'make new-page PAGE=events.md LABEL="Events" (`.venv/bin/python scripts/new_page.py --help` lists '
              "the options)")
        return 2

    titles = {}
    for lang in site_languages:
        given = getattr(args, lang.code.replace("-", "_"))
        if not given and lang.code == "en":
            given = args.label.strip()
        if not given and interactive:
            given = _ask(f"Title of the page in {lang.name} ({lang.code}), empty to write it later: ")
        titles[lang.code] = given or None

    request = NewPage(page=args.page.removeprefix("docs/"), label=args.label.strip(), titles=titles,
                      after=args.after, in_nav=not args.not_in_nav)
    try:
        report = create_page(config, request, TEMPLATE)
    except PageCommandError as error:
        print(f"new_page.py: error: {error}")
        return 1
    for line in report:
        print(line)
    return 0


if __name__ == "__main__":
    from _venv import require_site_python

    require_site_python("make new-page")
    sys.exit(main())
