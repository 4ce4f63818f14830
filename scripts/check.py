"""The editor check (`make check`): what an edit broke, where, and how to fix it.

usage: python scripts/check.py [--fix] [--config mkdocs.yml]

It lints the Markdown sources in docs/, builds the site once (every warning of the
build is an error, as in `mkdocs build --strict`) into a temporary folder, checks the
built pages, and lists outdated translations. The build prepares what Listen would say
on every page (so a broken speech lexicon in i18n/ is reported) but records nothing:
`make test` and `make build` make the recordings. Every problem is one line:

  docs/ru/contacts.md:12: what is wrong — how to fix it

Errors (exit status 1):
  - a page missing in a language, or a Markdown file outside docs/<language>/
  - a link to a missing page or a missing anchor, an absolute link, a nav entry
    without a file, a page in no navigation (the build's warnings)
  - <script>, <iframe>, <object>, <embed>, <form> and their kin; on…= event
    attributes, also in {…} attribute lists; javascript:, vbscript: and data: URLs;
    images or media loaded from another site
  - front matter that is not closed or not valid YAML, an unknown key (the site
    knows `title`, `description` and `source`), no `description`; no `source`
    or one mkdocs.yml does not list (reported by the build)
  - an empty page, no level-1 heading or more than one, a heading without {#id}
  - a telephone number, e-mail address, external link or heading id that differs
    between the languages of a page
  - in Uzbek (Latin) pages: Cyrillic letters outside <span lang="ru">…</span>;
    oʻ gʻ written with ' ‘ ’ ` or ʼ instead of ʻ (U+02BB); ʻ after another letter;
    the tutuq belgisi written with ' or ’ instead of ʼ (U+02BC)
  - TODO placeholders left by scripts/new_page.py
  - in the built pages' content: script, iframe, object, embed, frame, form, an
    on…= attribute or a javascript:/data: URL, however the source produced it

Warnings (listed, exit status unchanged):
  - outdated translations: another language's file of the page has a committed
    edit that this one has not caught up with (see `make status`, CONTRIBUTING.md)

--fix rewrites the Uzbek sources in place first: oʻ gʻ with U+02BB, the tutuq
belgisi with U+02BC, and prints each change. Nothing else is ever rewritten.

Exit status: 0 no errors, 1 errors found, 2 the check itself could not run.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="check.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter, usage=argparse.SUPPRESS)
    parser.add_argument("--fix", action="store_true", help="correct Uzbek apostrophes in docs/ first")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="the site's mkdocs.yml")
    args = parser.parse_args(argv)

    from sitekit import lint
    from sitekit.build import build
    from sitekit.built_site import BuiltSite

    started = time.monotonic()
    project, problems = lint.load_project(args.config.resolve())
    if project is None:  # mkdocs.yml itself does not load: nothing else can be checked
        print("\n".join(str(problem) for problem in problems))
        return 1

    if args.fix:
        changed = 0
        for source in project.sources():
            text, changes = lint.fix_apostrophes(source)
            if changes:
                crlf = b"\r\n" in source.path.read_bytes()  # keep Windows line ends
                source.path.write_text(text.replace("\n", "\r\n") if crlf else text, encoding="utf-8", newline="")
                source.text = text
                changed += len(changes)
                print("\n".join(f"fixed {change}" for change in changes))
        print(f"--fix: {changed} apostrophe{'s' if changed != 1 else ''} corrected")

    problems = lint.lint_sources(project)
    with tempfile.TemporaryDirectory(prefix="site-check-") as site_dir:
        # Listen's speech text is prepared (a broken lexicon is an error) but not recorded: seconds,
        # not minutes on a cold cache, and no speech engine needed on an editor's machine.
        result = build(Path(site_dir), project.config_file, strict=False, env={"SITE_SPEECH": "off"})
        problems += lint.build_problems(project, result.output, result.returncode)
        base_path = urlsplit(project.config.site_url or "/").path
        problems += lint.built_pages(project, BuiltSite(Path(site_dir), project.languages, base_path))
    problems += lint.outdated_translations(project)

    problems = sorted(set(problems), key=lint.Problem.sort_key)
    for problem in problems:
        print(problem)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    pages = len(project.pages())
    summary = (f"check: {errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"
               f" ({pages} pages in {len(project.languages)} languages, {time.monotonic() - started:.1f} s)")
    print(summary if errors else summary + ": the site is ready to publish")
    return 1 if errors else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # never a traceback for an editor
        print(f"check.py: the check itself failed ({type(error).__name__}: {error}) — this is a bug in "
              "scripts/check.py or sitekit/lint.py, not in your edit; please report it")
        sys.exit(2)
