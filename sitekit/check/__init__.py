"""The editor check (``make check``, ``scripts/check.py``): what an edit broke, where, and how to
fix it, one line per problem: ``file:line: what is wrong — how to fix``.

One module per family of rules, each rule documented in its docstring (``rules.py`` says
how) and tested on fixtures of its own in ``tests/check/``:

- ``configuration``: mkdocs.yml and i18n/*.yml (read first: nothing else runs while they
  cannot be read)
- ``sources``: the Markdown files and their front matter
- ``consistency``: the languages of a page say the same facts and link the same pages
- ``markup``: what the Markdown and raw HTML turn into, and where links lead
- ``language``: each page in its folder's language, script and orthography
- ``images``: alt text, size and files of images (the rules live in ``sitekit/images.py``)
- ``built``: the build's warnings, and the built pages' content
- ``translations``: outdated translations (warnings)

``runner.run`` runs them all in that order and sorts what they find: configuration first,
then missing pages and navigation, then the other errors by file and line, then warnings.
"""

from __future__ import annotations

import importlib

FAMILIES = ("configuration", "sources", "consistency", "markup", "language", "images", "built", "translations")


def load_families() -> None:
    """Import every family module, so that its rules register (in this order)."""
    for family in FAMILIES:
        importlib.import_module(f"sitekit.check.{family}")
