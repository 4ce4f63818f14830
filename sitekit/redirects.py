"""Old addresses that keep working: a page that moved (``make rename-page``) leaves, in every
language, a tiny page at its old address that sends the reader on to the new one.

The redirects are data, in mkdocs.yml::

    extra:
      redirects:
        events.md: news/events.md     # old page: the page it moved to (docs/<lang>/-relative)

Each becomes, per edition, ``<old address>/index.html``: a ``<meta http-equiv="refresh">`` to
the new address, ``rel=canonical`` to it (search engines move their entry), ``noindex``, and a
visible link with the new page's title in the page's language (for browsers that do not
follow the refresh). No script: it sits inside the site's Content-Security-Policy.

The rules (``redirect_problems``):

  redirect-target-missing   a redirect to a page that does not exist (in some language)
  redirect-shadows-page     a redirect from a page that exists again
  redirect-chain            a redirect to an address that is itself redirected
  redirect-not-a-page       a redirect whose old or new name is not a docs/ Markdown path
  page-deleted-no-redirect  (warning) a page the main branch has that is gone from the work
                            tree without a redirect: its address would give "page not found"
"""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

from sitekit.problems import Problem
from sitekit.site import Language, built_path, edited_languages, source_pages

PAGE_RE = re.compile(r"(?:[a-z0-9][a-z0-9-]*/)*[a-z0-9][a-z0-9-]*\.md")
TEXT_KEY = "site.redirect.text"  # in i18n/<lang>.yml under theme: the words before the link


def redirects(config) -> dict[str, str]:
    """old page -> new page, as mkdocs.yml's ``extra.redirects`` lists them."""
    found = (config.extra or {}).get("redirects") or {}
    return {str(old): str(new) for old, new in found.items()} if isinstance(found, dict) else {}


def redirect_page(language_tag: str, direction: str, title: str, target_url: str, canonical: str,
                  text: str, icon_url: str | None = None) -> str:
    """The HTML of one redirect page (the policy is added by the caller, as for every page).
    ``icon_url``: the site's favicon, so the browser does not ask the host's root for one."""
    link = f'<a href="{html.escape(target_url)}">{html.escape(title)}</a>'
    body = f"{html.escape(text)} {link}" if text else link
    return (
        "<!doctype html>\n"
        f'<html lang="{html.escape(language_tag)}" dir="{html.escape(direction)}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{html.escape(canonical)}">\n'
        + (f'<link rel="icon" href="{html.escape(icon_url)}">\n' if icon_url else "") +
        f'<meta http-equiv="refresh" content="0; url={html.escape(target_url)}">\n'
        "</head>\n"
        "<body>\n"
        f"<p>{body}</p>\n"
        "</body>\n"
        "</html>\n"
    )


def redirect_path(language: Language, old: str) -> str:
    """Where the redirect page of ``old`` is written in a language's edition."""
    return language.prefix + built_path(old)


def _mkdocs_line(config_file: Path, old: str) -> int | None:
    text = config_file.read_text(encoding="utf-8")
    block = re.search(r"^[ \t]+redirects[ \t]*:", text, re.M)
    if not block:
        return None
    found = re.compile(rf"^[ \t]+['\"]?{re.escape(old)}['\"]?[ \t]*:", re.M).search(text, block.end())
    return text.count("\n", 0, found.start()) + 1 if found else None


def redirect_problems(config) -> list[Problem]:
    root = Path(config.config_file_path).parent
    config_file = Path(config.config_file_path)
    name = config_file.resolve().relative_to(root.resolve()).as_posix()
    docs = Path(config.docs_dir)
    docs_rel = docs.resolve().relative_to(root.resolve()).as_posix()
    languages = edited_languages(config)
    pages = {lang.code: source_pages(lang, docs) for lang in languages}
    moved = redirects(config)
    problems = []
    for old, new in sorted(moved.items()):
        line = _mkdocs_line(config_file, old)
        bad = [p for p in (old, new) if not PAGE_RE.fullmatch(p)]
        if bad:
            problems.append(Problem(name, line, f"redirect {old}: {new}: {bad[0]} is not a page's path",
                                    "write both as paths under docs/<language>/, like news/events.md"))
            continue
        shadowed = [f"{docs_rel}/{lang.code}/{old}" for lang in languages if old in pages[lang.code]]
        if shadowed:
            problems.append(Problem(name, line, f"redirect from {old}, but {', '.join(shadowed)} exists",
                                    f"remove the line `{old}: {new}` (the page is back), or delete the page"))
        if new in moved:
            problems.append(Problem(name, line, f"redirect from {old} to {new}, which is itself redirected to "
                                                f"{moved[new]}", f"write `{old}: {moved[new]}`"))
            continue
        lacking = [f"{docs_rel}/{lang.code}/{new}" for lang in languages if new not in pages[lang.code]]
        if lacking:
            problems.append(Problem(name, line, f"redirect from {old} to {new}, but there is no {', '.join(lacking)}",
                                    f"point it to a page that exists, or create {new} in every language"))
    problems += deleted_without_redirect(root, docs, languages, moved)
    return problems


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None


def main_branch_base(root: Path) -> str | None:
    """The commit this work started from: where HEAD left the main branch (None outside git)."""
    for branch in ("origin/main", "main"):
        if _git(root, "rev-parse", "--verify", "-q", branch + "^{commit}") is not None:
            base = _git(root, "merge-base", "HEAD", branch)
            if base:
                return base.strip()
    return None


def deleted_without_redirect(root: Path, docs: Path, languages: list[Language], moved: dict[str, str]) -> list[Problem]:
    """Pages of the main branch that are gone here in every language, with no redirect from
    their address: one warning per page (gone in some languages only is the parity rule's)."""
    base = main_branch_base(root)
    if base is None or not languages:
        return []
    docs_rel = docs.resolve().relative_to(root.resolve()).as_posix()
    default = next((lang for lang in languages if lang.default), languages[0])
    listed = _git(root, "ls-tree", "-r", "--name-only", base, "--", f"{docs_rel}/{default.code}/") or ""
    problems = []
    for path in listed.splitlines():
        page = path[len(f"{docs_rel}/{default.code}/"):]
        if not page.endswith(".md") or page in moved or any((docs / lang.code / page).is_file() for lang in languages):
            continue
        address = "/" + built_path(page).removesuffix("index.html")
        problems.append(Problem(
            path, None, f"deleted in every language: its address {address} (and the other editions') will show "
                        "“page not found”",
            f"if it moved, bring it back and run `make rename-page FROM={page} TO=<new name>`, which keeps the "
            f"old address working; if another page replaces it, add `{page}: <that page>` under redirects: in "
            "mkdocs.yml; if it is gone for good, nothing to do", severity="warning"))
    return problems
