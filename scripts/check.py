"""The editor check (`make check`): what an edit broke, where, and how to fix it.

usage: python scripts/check.py [--fix] [--config mkdocs.yml]

It reads mkdocs.yml and i18n/*.yml, then the Markdown sources in docs/, builds the site
once (every warning of the build is an error, as in `mkdocs build --strict`) into a
temporary folder, checks the built pages, and lists outdated translations. Every problem
is one line, on the file and line to change (never a generated file):

  docs/ru/contacts.md:12: what is wrong — how to fix it

The most important lines come first: configuration, then missing pages and the
navigation, then the other errors by file and line, then warnings (on GitHub, each line
becomes an annotation on the pull request; only the first 10 are shown).

--fix rewrites the Uzbek sources in place first: oʻ gʻ with U+02BB, the tutuq
belgisi with U+02BC, and prints each change. Nothing else is ever rewritten.

Exit status: 0 no errors (warnings are listed), 1 errors found, 2 the check itself could
not run.

The rules, by family (each documented in sitekit/check/<family>.py):
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    from sitekit.check.runner import rule_list, run

    parser = argparse.ArgumentParser(prog="check.py", description=__doc__ + "\n" + rule_list(),
                                     formatter_class=argparse.RawDescriptionHelpFormatter, usage=argparse.SUPPRESS)
    parser.add_argument("--fix", action="store_true", help="correct Uzbek apostrophes in docs/ first")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="the site's mkdocs.yml")
    args = parser.parse_args(argv)

    report = run(args.config, fix=args.fix)
    if args.fix:
        print("\n".join(f"fixed {change}" for change in report.fixes) or "--fix: nothing to correct")
        print(f"--fix: {len(report.fixes)} apostrophe{'s' * (len(report.fixes) != 1)} corrected")
    for problem in report.problems:
        print(problem)
    print(report.summary())
    return 1 if report.errors else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # never a traceback for an editor (SITE_CHECK_TRACEBACK=1 for a maintainer)
        if os.environ.get("SITE_CHECK_TRACEBACK") == "1":
            raise
        print(f"check.py: the check itself failed ({error}) — this is a bug in scripts/check.py or "
              "sitekit/check/, not in your edit; please report it (SITE_CHECK_TRACEBACK=1 shows where)")
        sys.exit(2)
