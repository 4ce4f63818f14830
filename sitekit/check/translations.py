"""Translation status (warnings, not errors): which translations lag behind a counterpart's
committed edits, read from git history by sitekit.translation_status."""

from __future__ import annotations

from sitekit.check.project import Project
from sitekit.check.rules import rule
from sitekit.problems import Problem

FAMILY = "Translation status"


@rule("outdated-translation", "site")
def outdated_translations(project: Project) -> list[Problem]:
    """A translation that another language's file of the page has changed after (a warning).

    Why: an edit in one language is an edit every language needs; until a translator has
    looked, the other languages may say something else.
    Fix: carry the change over (``make status`` prints the ``git diff`` that shows it) and
    commit; if the translation still says the same, commit with the line
    ``Translation-checked: <its path>`` in the message.
    """
    from sitekit.translation_status import translation_status

    warnings = []
    for status in translation_status(project.root, project.docs, project.languages):
        for translation in status.outdated:
            changes = "; ".join(f"{path} changed after it ({commit.short} \"{commit.subject}\")"
                                for path, commit in translation.newer)
            diffs = "; ".join(f"`{translation.diff_command(path)}`" for path, _commit in translation.newer)
            warnings.append(Problem(translation.path, None, f"outdated translation: {changes}",
                                    f"carry the change over ({diffs} shows it) and commit; if it still says the same, "
                                    f"commit with the line `Translation-checked: {translation.path}` in the message",
                                    severity="warning"))
    return warnings


@rule("translation-checked-path", "site")
def misspelt_trailer(project: Project) -> list[Problem]:
    """A ``Translation-checked:`` line in a commit message that names no page, while the page it
    probably meant is still outdated (a warning).

    Why: the line was meant to mark a translation as read and still right; with a misspelt
    path it marks nothing, and the translation stays outdated.
    Fix: commit again (``git commit --allow-empty``) with the right path, copied from
    ``make status``; a commit message cannot be corrected once pushed.
    """
    from sitekit.translation_status import OUTDATED, misspelt_trailers, translation_status

    found = misspelt_trailers(project.root, project.docs, project.languages)
    if not found:
        return []
    outdated = {t.path for status in translation_status(project.root, project.docs, project.languages)
                for t in status.translations if t.state == OUTDATED}
    warnings = []
    for commit, path, nearest in found:
        if nearest and nearest in outdated:
            warnings.append(Problem(
                nearest, None, f"commit {commit.short} (\"{commit.subject}\") says `Translation-checked: {path}`, "
                f"which names no page (did you mean {nearest}?), so this translation is still outdated",
                f"commit again with the line `Translation-checked: {nearest}` (git commit --allow-empty)",
                severity="warning"))
    return warnings
