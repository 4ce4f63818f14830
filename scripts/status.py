"""Translation status (`make status`): for every page, whether each language's file is up to
date with the others.

usage: python scripts/status.py [--diff [PATH ...]] [--config mkdocs.yml]
       make status            make status DIFF=1

From git history, in commit order (never by date): a change to a file that was up to
date is an edit, and every other language of the page is outdated until it is committed
again; a change to an outdated file is its catch-up, and so is a commit whose message has
the line `Translation-checked: docs/ru/index.md` (read, and still right). Files changed in
the same commit are in step. Files changed but not committed yet are shown as such. The rules in full:
sitekit/translation_status.py and CONTRIBUTING.md.

A missing translation is shown here and is an error in `make check`; outdated is a
warning there.

For each outdated translation it prints what changed in the counterpart since the two were
last in step, as the git command that shows it; with --diff it prints that diff itself (for
every outdated translation, or for the paths named): the change to carry over.

Example:

  index.md
    uz  up to date (last change 1a2b3c4 2025-05-02)
    ru  outdated: docs/uz/index.md changed after it (5d6e7f8 2025-05-09 "Index: new figures")
        to carry over: git diff 1a2b3c4d5e6f..HEAD -- docs/uz/index.md
    en  changed, not committed

A `Translation-checked:` line whose path names no page is listed at the end, with the
nearest real path.

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
    parser.add_argument("--diff", nargs="*", metavar="PATH",
                        help="print what changed in the counterparts of the outdated translations (all, or the "
                             "paths named, e.g. docs/ru/index.md) since they were last in step")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="the site's mkdocs.yml")
    args = parser.parse_args(argv)

    from sitekit.site import edited_languages, load_site_config
    from sitekit.translation_status import MISSING, NO_HISTORY, OUTDATED, UP_TO_DATE, counterpart_diff, \
        misspelt_trailers, translation_status

    config = load_site_config(str(args.config.resolve()))
    root = Path(config.config_file_path).parent
    languages = edited_languages(config)
    statuses = translation_status(root, Path(config.docs_dir), languages)
    wanted = set(args.diff or [])
    counts: dict[str, int] = {}
    for status in statuses:
        print(status.page)
        for translation in status.translations:
            counts[translation.state] = counts.get(translation.state, 0) + 1
            print(f"  {translation.language:<3} {translation.describe()}")
            if translation.state != OUTDATED:
                continue
            for counterpart, _commit in translation.newer:
                command = translation.diff_command(counterpart)
                print(f"        to carry over: {command}")
                if args.diff is not None and (not wanted or translation.path in wanted):
                    diff = counterpart_diff(root, translation, counterpart)
                    print("".join(f"          {line}\n" for line in diff.splitlines()) or "          (no change)")
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
    for commit, path, nearest in misspelt_trailers(root, Path(config.docs_dir), languages):
        hint = f" (did you mean {nearest}?)" if nearest else ""
        print(f"status: commit {commit.short} (\"{commit.subject}\") says `Translation-checked: {path}`, which names "
              f"no page{hint}: it marked nothing; commit again with the right path")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as error:  # never a traceback for an editor
        print(f"status.py: could not read the translation status ({type(error).__name__}: {error})")
        sys.exit(2)
