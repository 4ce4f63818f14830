"""Images: alt text in every language, image size, a missing image file.

The rules themselves live with the image pipeline in ``sitekit/images.py``; this family only
calls it, so that ``make check`` reports what the build's image step would reject. The
contract: ``sitekit.images.editor_problems(project, written_in)`` takes the check's
``Project`` and its language identifier (``sitekit.check.language.written_in``, which says
which language an alt text copied into several pages is in) and returns a list of
``sitekit.problems.Problem``.
"""

from __future__ import annotations

import importlib

from sitekit.check.project import Project
from sitekit.check.rules import rule
from sitekit.problems import Problem

FAMILY = "Images"


def image_pipeline():
    """sitekit.images, or None while it does not exist."""
    try:
        return importlib.import_module("sitekit.images")
    except ModuleNotFoundError as error:
        if error.name != "sitekit.images":
            raise
        return None


@rule("images", "site")
def images(project: Project) -> list[Problem]:
    """An image without alt text (or with the same alt text as another language), too large,
    or whose file does not exist.

    Why: every image needs a description a screen reader can speak, in the page's language;
    a large photo breaks the first-view budget on a phone; a missing file is a broken image.
    Fix: what the line says (the rules are documented in sitekit/images.py).
    """
    pipeline = image_pipeline()
    if pipeline is None or not hasattr(pipeline, "editor_problems"):
        return []
    from sitekit.check.language import written_in

    return list(pipeline.editor_problems(project, written_in))
