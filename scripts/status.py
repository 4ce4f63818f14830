"""Translation status (`make status`): for every page, whether each language's file is up to
date with the others.

usage: python scripts/status.py [--config mkdocs.yml]

From git history, in commit order (never by date): a change to a file that was up to
date is an edit, and every other language of the page is outdated until it is committed
again; a change to an outdated file is its catch-up, and so is a commit whose message has
the line `Translation-checked: docs/ru/index.md` (read, and still right). Files changed in
the same commit are in step. Files changed but not committed yet are shown as such. The rules in full:
sitekit/translation_status.py and CONTRIBUTING.md.

A missing translation is shown here and is an error in `make check`; outdated is a
warning there.

Example:

  index.md
    uz  up to date (last change 1a2b3c4 2025-05-02)
    ru  outdated: docs/uz/index.md changed after it (5d6e7f8 2025-05-09 "Index: new figures")
    en  changed, not committed

Exit status: 0 (outdated translations are listed, not failed), 2 when the status cannot
be read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="status.py", description=__doc__, usage=argparse.SUPPRESS,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="the site's mkdocs.yml")
    args = parser.parse_args(argv)

    from sitekit.site import edited_languages, load_site_config
    from sitekit.translation_status import MISSING, NO_HISTORY, OUTDATED, UP_TO_DATE, translation_status

    config = load_site_config(str(args.config.resolve()))
    root = Path(config.config_file_path).parent
    statuses = translation_status(root, Path(config.docs_dir), edited_languages(config))
    counts: dict[str, int] = {}
    for status in statuses:
        print(status.page)
        for translation in status.translations:
            counts[translation.state] = counts.get(translation.state, 0) + 1
            print(f"  {translation.language:<3} {translation.describe()}")
    total = sum(counts.values())
    summary = ", ".join(f"{counts[state]} {state}" for state in sorted(counts, key=lambda s: s != UP_TO_DATE))
    print(f"status: {total} translations of {len(statuses)} pages: {summary or 'none'}")
    if counts.get(NO_HISTORY):
        print("status: not a git checkout, so nothing can be compared (clone the repository with its history)")
    if counts.get(OUTDATED):
        print("status: bring the outdated translations up to date and commit them, or, where one still says the same, "
              "commit with a line `Translation-checked: <its path>` in the message (see CONTRIBUTING.md)")
    if counts.get(MISSING):
        print("status: missing translations fail `make check`: add them")
    return 0


if __name__ == "__main__":
    from _venv import require_site_python

    require_site_python("make status")
    try:
        sys.exit(main())
    except Exception as error:  # never a traceback for an editor
        print(f"status.py: could not read the translation status ({type(error).__name__}: {error})")
        sys.exit(2)
