"""Translation status from git history (sitekit.translation_status, scripts/status.py), on a
temporary git repository: a translation is outdated when a counterpart has a commit that
descends from its own last commit; uncommitted changes are reported as such; the diff to carry
over starts where the translation was last in step; a misspelt trailer path is reported."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from siteinfo import EDITED as LANGUAGES  # the languages editors translate
from sitekit.site import ROOT
from fixture_site import edit, make_site
from sitekit.translation_status import CHANGED, MISSING, NEW, NO_HISTORY, OUTDATED, UP_TO_DATE, \
    counterpart_diff, misspelt_trailers, translation_status

GIT_ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org",
    "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
}


def git(root: Path, *args: str, date: str | None = None) -> str:
    env = dict(GIT_ENV)
    if date:  # commit dates may lie: only ancestry counts
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    return subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True, text=True).stdout


def write(root: Path, code: str, page: str, text: str) -> None:
    path = root / "docs" / code / page
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def commit(root: Path, message: str, date: str | None = None) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, date=date)


@pytest.fixture
def repo(tmp_path) -> Path:
    """Three languages of one page, committed together."""
    git(tmp_path, "init", "-q", "-b", "main")
    for lang in LANGUAGES:
        write(tmp_path, lang.code, "index.md", f"# Home ({lang.code}) {{#home}}\n")
    commit(tmp_path, "Home page in every language")
    return tmp_path


def states(root: Path, page: str = "index.md") -> dict[str, str]:
    status = next(s for s in translation_status(root, root / "docs", LANGUAGES) if s.page == page)
    return {t.language: t.state for t in status.translations}


def test_committed_together_is_up_to_date(repo):
    assert states(repo) == {"uz": UP_TO_DATE, "ru": UP_TO_DATE, "en": UP_TO_DATE}


def test_a_later_change_makes_the_others_outdated(repo):
    write(repo, "uz", "index.md", "# Bosh sahifa {#home}\n\nYangi matn.\n")
    commit(repo, "Uzbek: new text")
    assert states(repo) == {"uz": UP_TO_DATE, "ru": OUTDATED, "en": OUTDATED}
    status = translation_status(repo, repo / "docs", LANGUAGES)[0]
    ru = next(t for t in status.translations if t.language == "ru")
    assert ru.newer[0][0] == "docs/uz/index.md"
    assert 'docs/uz/index.md changed after it' in ru.describe() and '"Uzbek: new text"' in ru.describe()


def test_updating_a_translation_brings_it_up_to_date(repo):
    write(repo, "uz", "index.md", "# Bosh sahifa {#home}\n\nYangi matn.\n")
    commit(repo, "Uzbek: new text")
    write(repo, "ru", "index.md", "# Главная {#home}\n\nНовый текст.\n")
    commit(repo, "Russian: new text")
    assert states(repo) == {"uz": UP_TO_DATE, "ru": UP_TO_DATE, "en": OUTDATED}


def test_a_new_edit_after_a_catch_up_is_an_edit(repo):
    write(repo, "uz", "index.md", "# Bosh sahifa {#home}\n\nYangi matn.\n")
    commit(repo, "Uzbek: new text")
    write(repo, "ru", "index.md", "# Главная {#home}\n\nНовый текст.\n")
    commit(repo, "Russian: catch up")
    write(repo, "uz", "index.md", "# Bosh sahifa {#home}\n\nYana yangi matn.\n")
    commit(repo, "Uzbek: more text")
    assert states(repo) == {"uz": UP_TO_DATE, "ru": OUTDATED, "en": OUTDATED}


def test_changed_together_is_in_step(repo):
    write(repo, "uz", "index.md", "# Bosh sahifa {#home}\n\nYangi matn.\n")
    write(repo, "en", "index.md", "# Home {#home}\n\nNew text.\n")
    commit(repo, "Uzbek and English: new text")
    assert states(repo) == {"uz": UP_TO_DATE, "ru": OUTDATED, "en": UP_TO_DATE}


def test_commit_order_not_dates(repo):
    # The later commit carries an earlier date (a rebase, a wrong clock): it is still later.
    write(repo, "en", "index.md", "# Home {#home}\n\nNew text.\n")
    commit(repo, "English: new text", date="2001-01-01T00:00:00")
    assert states(repo) == {"uz": OUTDATED, "ru": OUTDATED, "en": UP_TO_DATE}


def test_edits_on_parallel_branches_leave_each_side_outdated(repo):
    git(repo, "checkout", "-q", "-b", "russian")
    write(repo, "ru", "index.md", "# Главная {#home}\n\nНовый текст.\n")
    commit(repo, "Russian: new text")
    git(repo, "checkout", "-q", "main")
    write(repo, "en", "index.md", "# Home {#home}\n\nNew text.\n")
    commit(repo, "English: new text")
    git(repo, "merge", "-q", "--no-edit", "russian")
    assert states(repo) == {"uz": OUTDATED, "ru": OUTDATED, "en": OUTDATED}
    status = translation_status(repo, repo / "docs", LANGUAGES)[0]
    newer = {t.language: [path for path, _commit in t.newer] for t in status.translations}
    assert newer == {"uz": ["docs/en/index.md", "docs/ru/index.md"], "ru": ["docs/en/index.md"],
                     "en": ["docs/ru/index.md"]}


def check_commit(root: Path, message: str, *paths: str) -> None:
    """A commit (of whatever is changed, or of nothing) saying the translations named were read
    and are right."""
    trailers = "\n".join(f"Translation-checked: {path}" for path in paths)
    git(root, "add", "-A")
    git(root, "commit", "-q", "--allow-empty", "-m", message, "-m", trailers)


def test_a_checked_translation_is_up_to_date(repo):
    write(repo, "uz", "index.md", "# Bosh sahifa {#home}\n\nBoshqacha soʻzlar.\n")
    commit(repo, "Uzbek: rewording")
    check_commit(repo, "Russian still right after the Uzbek rewording", "docs/ru/index.md")
    assert states(repo) == {"uz": UP_TO_DATE, "ru": UP_TO_DATE, "en": OUTDATED}


def test_a_check_in_the_editing_commit_covers_its_own_edit(repo):
    write(repo, "uz", "index.md", "# Bosh sahifa {#home}\n\nBoshqacha soʻzlar.\n")
    check_commit(repo, "Uzbek: rewording; the translations say the same", "docs/ru/index.md", "docs/en/index.md")
    assert states(repo) == {"uz": UP_TO_DATE, "ru": UP_TO_DATE, "en": UP_TO_DATE}


def test_a_check_does_not_cover_later_edits(repo):
    write(repo, "uz", "index.md", "# Bosh sahifa {#home}\n\nBoshqacha soʻzlar.\n")
    commit(repo, "Uzbek: rewording")
    check_commit(repo, "Russian checked", "docs/ru/index.md")
    write(repo, "uz", "index.md", "# Bosh sahifa {#home}\n\nYana boshqacha.\n")
    commit(repo, "Uzbek: another change")
    assert states(repo) == {"uz": UP_TO_DATE, "ru": OUTDATED, "en": OUTDATED}


def test_a_check_naming_no_page_changes_nothing(repo):
    write(repo, "uz", "index.md", "# Bosh sahifa {#home}\n\nBoshqacha soʻzlar.\n")
    commit(repo, "Uzbek: rewording")
    check_commit(repo, "a typo in the path", "docs/ru/indx.md", "ru/index.md")
    assert states(repo) == {"uz": UP_TO_DATE, "ru": OUTDATED, "en": OUTDATED}


def test_uncommitted_changes_are_reported(repo):
    write(repo, "en", "index.md", "# Home {#home}\n\nDraft.\n")
    write(repo, "uz", "about.md", "# Sayt haqida {#about}\n")
    assert states(repo)["en"] == CHANGED
    assert states(repo)["uz"] == UP_TO_DATE  # an uncommitted change is no edit yet
    assert states(repo, "about.md") == {"uz": NEW, "ru": MISSING, "en": MISSING}


def test_outside_git_nothing_is_compared(tmp_path):
    for lang in LANGUAGES:
        write(tmp_path, lang.code, "index.md", "# X {#x}\n")
    assert set(states(tmp_path).values()) == {NO_HISTORY}


def test_the_in_step_commit_gives_the_diff_to_carry_over(repo):
    write(repo, "uz", "index.md", "# Bosh sahifa {#home}\n\nYangi matn.\n")
    commit(repo, "Uzbek: new text")
    in_step = git(repo, "rev-parse", "HEAD~1").strip()
    write(repo, "uz", "index.md", "# Bosh sahifa {#home}\n\nYana yangi matn.\n")
    commit(repo, "Uzbek: more text")
    status = translation_status(repo, repo / "docs", LANGUAGES)[0]
    ru = next(t for t in status.translations if t.language == "ru")
    assert ru.since == {"docs/uz/index.md": in_step}  # the last commit both were in step at
    assert ru.diff_command("docs/uz/index.md") == f"git diff {in_step[:12]}..HEAD -- docs/uz/index.md"
    diff = counterpart_diff(repo, ru, "docs/uz/index.md")
    assert "+Yana yangi matn." in diff and "-# Home (uz) {#home}" in diff  # both edits, from where ru stood


def test_a_catch_up_moves_the_in_step_commit(repo):
    write(repo, "uz", "index.md", "# Bosh sahifa {#home}\n\nYangi matn.\n")
    commit(repo, "Uzbek: new text")
    write(repo, "ru", "index.md", "# Главная {#home}\n\nНовый текст.\n")
    commit(repo, "Russian: catch up")
    caught_up = git(repo, "rev-parse", "HEAD").strip()
    write(repo, "uz", "index.md", "# Bosh sahifa {#home}\n\nYana yangi matn.\n")
    commit(repo, "Uzbek: more text")
    ru = next(t for t in translation_status(repo, repo / "docs", LANGUAGES)[0].translations if t.language == "ru")
    assert ru.since == {"docs/uz/index.md": caught_up}
    diff = counterpart_diff(repo, ru, "docs/uz/index.md")
    assert "-Yangi matn." in diff and "+Yana yangi matn." in diff and "Home (uz)" not in diff


def test_misspelt_trailers_are_listed_with_the_nearest_path(repo):
    write(repo, "uz", "index.md", "# Bosh sahifa {#home}\n\nBoshqacha soʻzlar.\n")
    commit(repo, "Uzbek: rewording")
    check_commit(repo, "a typo in the path", "docs/ru/indx.md")
    found = misspelt_trailers(repo, repo / "docs", LANGUAGES)
    assert [(c.subject, path, nearest) for c, path, nearest in found] == [
        ("a typo in the path", "docs/ru/indx.md", "docs/ru/index.md")]


# ── The commands, on a fixture site in a git repository ──────────────────────


# This module's tests share one build (the fixture below): keep them on one xdist worker.
pytestmark = pytest.mark.xdist_group("test_translation_status")


@pytest.fixture(scope="module")
def project_repo(tmp_path_factory) -> Path:
    root = make_site(tmp_path_factory.mktemp("project") / "site")
    git(root, "init", "-q", "-b", "main")
    commit(root, "The site")
    edit(root, "docs/en/contacts.md", "Send us your feedback", "Send your feedback")
    commit(root, "English contacts: shorter wording")
    check_commit(root, "Russian contacts still right", "docs/ru/contact.md")  # a typo: marks nothing
    return root


def run(script: str, root: Path, *args: str) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / script), "--config", str(root / "mkdocs.yml"), *args],
                          capture_output=True, text=True)
    assert "Traceback" not in done.stdout + done.stderr
    return done


def test_make_status_reports_the_outdated_pages(project_repo):
    done = run("status.py", project_repo)
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    block = out.split("contacts.md\n", 1)[1].split("\n")[:5]
    in_step = git(project_repo, "rev-parse", "HEAD~2").strip()[:12]
    assert block[0].startswith("  uz  outdated: docs/en/contacts.md changed after it (")
    assert block[0].endswith('"English contacts: shorter wording")')
    assert block[1] == f"        to carry over: git diff {in_step}..HEAD -- docs/en/contacts.md"
    assert block[2].startswith("  ru  outdated: docs/en/contacts.md changed after it")
    assert block[4].startswith("  en  up to date")
    assert "status: 9 translations of 3 pages: 7 up to date, 2 outdated" in out
    assert "status: commit " in out and "says `Translation-checked: docs/ru/contact.md`, which names no page (did you " \
        "mean docs/ru/contacts.md?)" in out


def test_make_status_diff_shows_what_to_carry_over(project_repo):
    done = run("status.py", project_repo, "--diff", "docs/ru/contacts.md")
    block = done.stdout.split("  ru  outdated", 1)[1].split("  en  ", 1)[0]
    assert "-Send us your feedback" in block and "+Send your feedback" in block, block
    uz = done.stdout.split("  uz  outdated", 1)[1].split("  ru  ", 1)[0]
    assert "+Send your feedback" not in uz  # only the translation named


def test_make_check_lists_outdated_translations_as_warnings(project_repo):
    done = run("check.py", project_repo)
    assert done.returncode == 0, done.stdout  # outdated is a warning, not an error
    in_step = git(project_repo, "rev-parse", "HEAD~2").strip()[:12]
    for code in ("uz", "ru"):
        assert f"docs/{code}/contacts.md: warning: outdated translation: docs/en/contacts.md changed after it" \
            in done.stdout
        assert f"`git diff {in_step}..HEAD -- docs/en/contacts.md` shows it" in done.stdout
    short = git(project_repo, "rev-parse", "--short=7", "HEAD").strip()
    assert f"docs/ru/contacts.md: warning: commit {short} (\"Russian contacts still right\") says " \
        "`Translation-checked: docs/ru/contact.md`, which names no page (did you mean docs/ru/contacts.md?), so this " \
        "translation is still outdated — commit again with the line `Translation-checked: docs/ru/contacts.md` " \
        "(git commit --allow-empty)" in done.stdout
    assert "check: 0 errors, 3 warnings" in done.stdout
