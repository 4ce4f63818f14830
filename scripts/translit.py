"""Transliterate Uzbek text between Latin and Cyrillic script.

Reads UTF-8 text on standard input and writes the result to standard output.

examples:
  .venv/bin/python scripts/translit.py --to cyrl < docs/uz/index.md
  .venv/bin/python scripts/translit.py --to cyrl --markdown < docs/uz/index.md
  echo "Тошкент" | .venv/bin/python scripts/translit.py --to latn

--to cyrl   Uzbek Latin -> Uzbek Cyrillic
--to latn   Uzbek Cyrillic -> Uzbek Latin (ʻ U+02BB in oʻ gʻ, ʼ U+02BC tutuq)

With --markdown, front matter keys (and values other than title and
description), code, link URLs, attribute lists {#id}, HTML tags, URLs and
e-mail addresses are left untouched. The rules and the exception lists are
in sitekit/translit.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

if __name__ == "__main__":  # before the site's own imports: say how to run it, not a traceback
    from _venv import require_site_python

    require_site_python(".venv/bin/python scripts/translit.py")

from sitekit import translit  # noqa: E402


class _OneLineErrorParser(argparse.ArgumentParser):
    """Report bad usage in one line (argparse prints the whole usage first)."""

    def error(self, message: str) -> None:
        self.exit(2, f"{self.prog}: error: {message} (see --help; e.g. --to cyrl)\n")


def main(argv: list[str] | None = None) -> int:
    parser = _OneLineErrorParser(
        prog="translit.py",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--to",
        required=True,
        choices=("cyrl", "latn"),
        help="target script: cyrl (Cyrillic) or latn (Latin)",
    )
    parser.add_argument(
        "--markdown",
        action="store_true",
        help="treat the input as Markdown and leave its syntax, code and URLs untouched",
    )
    args = parser.parse_args(argv)

    try:
        # Bytes in, bytes out: independent of the locale, newlines kept as they are.
        text = sys.stdin.buffer.read().decode("utf-8")
    except UnicodeDecodeError as exc:
        print(f"translit.py: error: input is not UTF-8 ({exc.reason} at byte {exc.start}); convert it to UTF-8 first", file=sys.stderr)
        return 1

    if args.to == "cyrl":
        convert = translit.markdown_to_cyrillic if args.markdown else translit.to_cyrillic
    else:
        convert = translit.markdown_to_latin if args.markdown else translit.to_latin
    try:
        sys.stdout.buffer.write(convert(text).encode("utf-8"))
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into head: the reader left, nothing to report
        sys.stderr.close()
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
