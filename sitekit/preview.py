"""A pull request's preview for its reviewers: which pages it changes, in every edition, with
their translation status, as a Markdown summary (GitHub's job summary) and a contact sheet
of screenshots (phone and desktop, every edition) in one picture.

What counts as a changed page, between the base commit and the work tree:
- ``docs/<lang>/<page>.md`` changed, added or deleted: that page, in every edition (a change
  in Uzbek changes the generated Cyrillic edition too, and the other languages are to be
  compared with it);
- a picture in ``docs/assets/`` changed: every page that shows it;
- the site's own files (mkdocs.yml, i18n/, overrides/, sitekit/): every page may look
  different; the home page stands for them.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from sitekit import images
from sitekit.redirects import redirects
from sitekit.site import Language, built_path, edited_languages, languages, source_pages
from sitekit.translation_status import translation_status

SITE_WIDE = ("mkdocs.yml", "i18n/", "overrides/", "sitekit/")
HOME = "index.md"


@dataclass
class ChangedPage:
    page: str  # "events.md"
    how: str  # "changed", "added", "deleted", "shows a changed picture", "site-wide change"
    files: list[str] = field(default_factory=list)  # the changed files behind it


@dataclass
class Row:
    """One changed page in one edition."""

    page: ChangedPage
    edition: Language
    address: str  # site-relative, "ru/events/"
    status: str  # translation status in words
    exists: bool


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout


def base_commit(root: Path, base: str | None) -> str:
    """The commit to compare with: where HEAD left ``base`` (default: origin/main or main)."""
    candidates = [base] if base else ["origin/main", "main"]
    for candidate in candidates:
        done = subprocess.run(["git", "rev-parse", "--verify", "-q", f"{candidate}^{{commit}}"], cwd=root,
                              capture_output=True, text=True)
        if done.returncode == 0:
            merge_base = subprocess.run(["git", "merge-base", "HEAD", done.stdout.strip()], cwd=root,
                                        capture_output=True, text=True)
            return (merge_base.stdout or done.stdout).strip()
    raise ValueError(f"no commit {base or 'origin/main or main'} to compare with: give --base <commit or branch>")


def changed_files(root: Path, base: str) -> list[str]:
    """Files that differ between ``base`` and the work tree (commits, staged, unstaged and new
    files alike), project-relative."""
    changed = set(_git(root, "diff", "--name-only", "--no-renames", "--relative", base, "--").splitlines())
    changed |= set(_git(root, "ls-files", "--others", "--exclude-standard").splitlines())
    return sorted(path for path in changed if path)


def added_files(root: Path, base: str, files: list[str]) -> set[str]:
    """Those of ``files`` that the base commit does not have."""
    listed = set(_git(root, "ls-tree", "-r", "--name-only", base).splitlines())
    return {path for path in files if path not in listed}


def changed_pages(config, files: list[str], added: set[str] = frozenset()) -> tuple[list[ChangedPage], list[str]]:
    """The pages the changed files touch (``added``: those of the files that are new), and the
    site-wide files among them."""
    root = Path(config.config_file_path).parent
    docs = Path(config.docs_dir)
    docs_rel = docs.resolve().relative_to(root.resolve()).as_posix()
    edited = edited_languages(config)
    codes = {lang.code for lang in edited}
    pages: dict[str, ChangedPage] = {}
    pictures = []
    site_wide = []
    for path in files:
        if path.startswith(docs_rel + "/"):
            inner = path[len(docs_rel) + 1:]
            code, _, page = inner.partition("/")
            if code in codes and page.endswith(".md"):
                exists = [lang for lang in edited if (docs / lang.code / page).is_file()]
                how = "deleted" if not exists else "changed"
                entry = pages.setdefault(page, ChangedPage(page, how))
                entry.files.append(path)
                if how == "changed" and entry.how == "deleted":
                    entry.how = "changed"
            elif images.image_variants.is_image_path(inner):
                pictures.append(inner)
        elif path.startswith(SITE_WIDE):
            site_wide.append(path)
    if pictures:
        parser = images.markdown_parser(config)
        for lang in edited:
            for page in sorted(source_pages(lang, docs)):
                text = (docs / lang.code / page).read_text(encoding="utf-8-sig")
                uses = images.uses_in(text, f"{lang.code}/{page}", f"{docs_rel}/{lang.code}/{page}", config, parser)
                shown = sorted({u.target for u in uses} & set(pictures))
                if shown and page not in pages:
                    pages[page] = ChangedPage(page, "shows a changed picture", [f"{docs_rel}/{p}" for p in shown])
    if site_wide and HOME not in pages:
        pages[HOME] = ChangedPage(HOME, "site-wide change", site_wide[:5])
    for entry in pages.values():
        if entry.how == "changed" and all(f in added for f in entry.files):
            entry.how = "added"
    return sorted(pages.values(), key=lambda p: (p.how == "site-wide change", p.page)), site_wide


def rows(config, pages: list[ChangedPage]) -> list[Row]:
    """Every changed page in every edition, with its address and translation status."""
    root = Path(config.config_file_path).parent
    docs = Path(config.docs_dir)
    edited = edited_languages(config)
    statuses = {status.page: {t.language: t for t in status.translations}
                for status in translation_status(root, docs, edited)}
    moved = redirects(config)
    found = []
    for page in pages:
        for edition in languages(config):
            source_language = edition.generated_from or edition.code
            translation = statuses.get(page.page, {}).get(source_language)
            exists = (docs / source_language / page.page).is_file()
            if not exists:
                status = f"deleted; its address redirects to {moved[page.page]}" if page.page in moved else \
                    "deleted; its address will show “page not found”"
            elif translation is None:
                status = "not in git"
            elif edition.generated_from:
                status = f"generated from {source_language}: {translation.describe()}"
            else:
                status = translation.describe()
            found.append(Row(page, edition, edition.prefix + built_path(page.page).removesuffix("index.html"),
                             status, exists))
    return found


def screenshot_name(row: Row, device: str) -> str:
    return f"{row.edition.code}/{row.page.page.removesuffix('.md').replace('/', '--')}-{device}.png"


def summary(rows_: list[Row], site_wide: list[str], devices: list[str], notes: list[str]) -> str:
    """The job summary, in GitHub-flavoured Markdown."""
    pages = sorted({row.page.page for row in rows_})
    lines = ["## Preview of the changed pages", ""]
    if not rows_:
        lines.append("This change touches no page of the site.")
    else:
        lines.append(f"{len(pages)} page{'s' if len(pages) != 1 else ''} in {len({r.edition.code for r in rows_})} "
                     f"editions. Screenshots ({' and '.join(devices)}) of each are in this run's artifacts: "
                     "**changed-pages.png** (all of them in one picture; it opens in the browser) and "
                     "**screenshots** (one file each, whole pages). The built site is the artifact "
                     "**site** (unzip it and run `python3 -m http.server` in it).")
        lines += ["", "| page | edition | address | translation | screenshots |", "|---|---|---|---|---|"]
        for row in rows_:
            shots = ", ".join(f"`{screenshot_name(row, d)}`" for d in devices) if row.exists else "—"
            how = "" if row.page.how == "changed" else f" ({row.page.how})"
            lines.append(f"| `{row.page.page}`{how} | {row.edition.name} (`{row.edition.code}`) | "
                         f"`/{row.address}` | {_cell(row.status)} | {shots} |")
    if site_wide:
        lines += ["", "Site-wide files changed (every page may look different): " +
                  ", ".join(f"`{path}`" for path in site_wide[:10]) + (" …" if len(site_wide) > 10 else "")]
    lines += [""] + notes if notes else []
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def contact_sheet(shots: list[tuple[str, list[Path]]], width: int = 1200) -> bytes:
    """One PNG: a row per (label, screenshots), side by side, scaled to fit ``width``."""
    import io

    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.load_default(size=22)
    gap, label_height = 16, 40
    rendered = []
    for label, paths in shots:
        pictures = [Image.open(path).convert("RGB") for path in paths]
        scale = min(1.0, (width - gap * (len(pictures) + 1)) / sum(p.width for p in pictures))
        pictures = [p.resize((max(1, round(p.width * scale)), max(1, round(p.height * scale))), Image.Resampling.LANCZOS)
                    for p in pictures]
        height = label_height + max(p.height for p in pictures) + gap
        row = Image.new("RGB", (width, height), "white")
        ImageDraw.Draw(row).text((gap, 8), label, fill="black", font=font)
        x = gap
        for picture in pictures:
            row.paste(picture, (x, label_height))
            ImageDraw.Draw(row).rectangle((x - 1, label_height - 1, x + picture.width, label_height + picture.height),
                                          outline=(160, 160, 160))
            x += picture.width + gap
        rendered.append(row)
    sheet = Image.new("RGB", (width, sum(r.height for r in rendered) or 1), "white")
    y = 0
    for row in rendered:
        sheet.paste(row, (0, y))
        y += row.height
    buffer = io.BytesIO()
    sheet.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
