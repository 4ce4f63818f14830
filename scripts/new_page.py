"""Create a new page in every language, and print the lines to add to the navigation.

usage: python scripts/new_page.py PAGE "English nav label" [--uz TITLE] [--ru TITLE] [--en TITLE]

  PAGE   the file name, the same in every language: events.md, or a folder: about/team.md
         (lower-case letters, digits and hyphens)

It writes docs/<language>/PAGE for every language of the site, each with the front
matter the site needs (description, and source: where the content comes from) and a level-1 heading with an explicit id, and
TODO placeholders that `make check` reports until they are replaced. It never
overwrites a file and never edits mkdocs.yml or i18n/*.yml (a script would lose their
comments): it prints the lines to add there by hand.

example:
  python scripts/new_page.py events.md "Events" --uz "Tadbirlar" --ru "Мероприятия" --en "Events"
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PAGE_RE = re.compile(r"(?:[a-z0-9][a-z0-9-]*/)*[a-z0-9][a-z0-9-]*\.md")

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


def main(argv: list[str] | None = None) -> int:
    from sitekit.site import edited_languages, load_site_config

    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    config = load_site_config(str(pre.parse_known_args(argv)[0].config.resolve()))
    site_languages = edited_languages(config)
    parser = _OneLineErrorParser(prog="new_page.py", description=__doc__, usage=argparse.SUPPRESS,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("page", help="file name, e.g. events.md")
    parser.add_argument("label", help="the English navigation label, e.g. Events")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help=argparse.SUPPRESS)
    for lang in site_languages:
        parser.add_argument(f"--{lang.code}", metavar="TITLE", help=f"the page title in {lang.name}")
    args = parser.parse_args(argv)

    root = Path(config.config_file_path).parent
    docs = Path(config.docs_dir)

    page = args.page.removeprefix("docs/")
    if not PAGE_RE.fullmatch(page):
        print(f"new_page.py: error: {args.page!r} is not a page name — use lower-case letters, digits and "
              "hyphens, ending in .md (for example events.md)")
        return 2
    label = args.label.strip()
    if not label or ":" in label:
        print("new_page.py: error: the English label must be non-empty and contain no colon")
        return 2
    targets = {lang: docs / lang.code / page for lang in site_languages}
    existing = [path for path in targets.values() if path.exists()]
    if existing:
        shown = ", ".join(path.relative_to(root).as_posix() for path in existing)
        print(f"new_page.py: error: {shown} already exist{'s' if len(existing) == 1 else ''} — "
              "choose another name, or edit the existing page")
        return 1

    anchor = Path(page).stem
    # The nav label is English, so it is the English title unless one is given.
    titles = {lang.code: getattr(args, lang.code) or (label if lang.code == "en" else None) for lang in site_languages}
    for lang, path in targets.items():
        title = titles[lang.code] or f"TODO: the title in {lang.name}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(TEMPLATE.format(language=f"{lang.name} ({lang.code})", title=title, anchor=anchor,
                                        sources=", ".join(config.extra.get("sources") or {})),
                        encoding="utf-8")
        print(f"created {path.relative_to(root).as_posix()}")

    config_name = Path(config.config_file_path).name
    print(f"\nNow add by hand (no script edits these files):\n\n{config_name}, under nav: where the page belongs:\n")
    print(f"  - {label}: {page}")
    for lang in site_languages:
        title = titles[lang.code] or f"<{lang.name} label>"
        print(f"\ni18n/{lang.code}.yml, under nav:\n\n  {label}: {title}")
    print("\nThen replace every TODO in the new files and run `make check`.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
