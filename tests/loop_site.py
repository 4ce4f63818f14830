"""Fixture sites for the tests of the editor's loop (pictures, new pages, renames, previews): the
editor check's fixture site (tests/fixture_site.py: the project's configuration, templates,
hooks and interface strings with three small pages in each language), plus the pages a test
adds, entered in the navigation with sitekit.navigation (as `make new-page` does), optionally
as a git repository. Today's pages are never read or changed, so an editor's edit cannot
break these tests.
"""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

from PIL import Image

import fixture_site
from sitekit import navigation

LANGUAGES = ("uz", "ru", "en")  # the languages editors write (uz-cyrl is made from uz)

# Neutral sentences, one per language, long enough for a language identifier to be sure.
TEXT = {
    "uz": "Bu sahifa sinov uchun yozilgan. Unda sayt qanday ishlashi tekshiriladi va har bir tilda "
          "oʻz matni bor.",
    "ru": "Эта страница написана для проверки. На ней проверяется, как работает сайт, и на каждом "
          "языке у неё свой текст.",
    "en": "This page was written for a test. It checks how the site works, and in every language it "
          "has a text of its own.",
}
# The photo page: one picture under the title (in the first screen), one after several
# paragraphs, and a link to the full-size picture.
ALT = {"uz": "Zavod binosi kunduzi", "ru": "Здание завода днём", "en": "The plant building by day"}
PHOTO_TITLES = {"uz": "Surat", "ru": "Фото", "en": "Photo"}
FULL_SIZE = {"uz": "Katta surat", "ru": "Большое фото", "en": "Full-size picture"}
# Fixture pages take their content from no source text: they are about the site itself.
SOURCE = "this-site"


def page_markdown(lang: str, title: str, anchor: str, body: str = "") -> str:
    return (f"---\ndescription: >-\n  {TEXT[lang]}\nsource: {SOURCE}\n---\n\n"
            f"# {title} {{#{anchor}}}\n\n{TEXT[lang]}\n\n{body}")


def make_site(root: Path, pages: dict[str, dict[str, str]] | None = None,
              nav: list[tuple[str, str, dict[str, str]]] = (), git: bool = False) -> Path:
    """The check's fixture site in ``root`` plus ``pages`` (page -> language -> Markdown) and
    ``nav`` entries (English label, page, titles by language) for them, added to mkdocs.yml
    and every i18n/<lang>.yml. With ``git``, a repository with one commit on branch ``main``."""
    fixture_site.make_site(root)
    for page, by_lang in (pages or {}).items():
        for lang, markdown in by_lang.items():
            write(root / "docs" / lang / page, markdown)
    config = root / "mkdocs.yml"
    for label, page, titles in nav:
        config.write_text(navigation.add_nav_entry(config.read_text(encoding="utf-8"), label, page), encoding="utf-8")
        for lang in LANGUAGES:
            strings = root / "i18n" / f"{lang}.yml"
            strings.write_text(navigation.add_nav_label(strings.read_text(encoding="utf-8"), label, titles[lang]),
                               encoding="utf-8")
    if git:
        commit_all(root, "The fixture site", init=True)
    return root


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout


def commit_all(root: Path, message: str, init: bool = False) -> str:
    if init:
        git(root, "init", "-q", "-b", "main")
        git(root, "config", "user.email", "editor@example.org")
        git(root, "config", "user.name", "Editor")
        git(root, "config", "commit.gpgsign", "false")
    (root / ".gitignore").write_text("/.cache/\n/site/\n", encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)
    return git(root, "rev-parse", "HEAD").strip()


def photo(width: int = 3000, height: int = 2000, quality: int = 97, exif: bytes | None = None) -> bytes:
    """A generated photograph: gradients, shapes and fine grain, so that it weighs what a
    camera's JPEG does (3000×2000 at quality 97: about 5 MB)."""
    from io import BytesIO

    from PIL import ImageDraw

    red = Image.linear_gradient("L").resize((width, height))
    green = Image.radial_gradient("L").resize((width, height))
    blue = red.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    base = Image.merge("RGB", (red, green, blue))
    draw = ImageDraw.Draw(base)
    for i in range(12):
        x, y = (i * 397) % width, (i * 251) % height
        draw.ellipse((x, y, x + width // 7, y + height // 7), fill=((i * 40) % 256, (i * 90) % 256, (i * 150) % 256))
    # Seeded grain: the same picture (and so the same variant sizes) on every run.
    rng = random.Random(5159)
    grain = Image.merge("RGB", [Image.frombytes("L", (width, height), rng.randbytes(width * height)) for _ in range(3)])
    image = Image.blend(base, grain, 0.35)
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=quality, **({"exif": exif} if exif else {}))
    return buffer.getvalue()


def photo_page(lang: str, name: str = "photo.jpg", alt: str | None = None, before: str = "") -> str:
    """A page with one picture, shown the documented way."""
    alt = ALT[lang] if alt is None else alt
    return page_markdown(lang, PHOTO_TITLES[lang], "photo", f"{before}![{alt}](../assets/images/{name})\n")


def build_photo_site(tmp: Path, data: bytes) -> tuple[Path, Path]:
    """The fixture site with the photo page (the photo twice and a link to it), committed,
    and its strict build: (sources, built site)."""
    from sitekit.build import build

    pages = {"photo.md": {lang: photo_page(lang) + "\n" + "\n\n".join([TEXT[lang]] * 6) +
                          f"\n\n![{ALT[lang]} (2)](../assets/images/photo.jpg)\n\n"
                          f"[{FULL_SIZE[lang]}](../assets/images/photo.jpg)\n" for lang in ALT}}
    root = make_site(tmp / "src", pages=pages, nav=[("Photo", "photo.md", PHOTO_TITLES)])
    write(root / "docs" / "assets" / "images" / "photo.jpg", data)
    commit_all(root, "A photo, the documented way", init=True)
    site = tmp / "built"
    from siteinfo import build_env

    result = build(site, root / "mkdocs.yml", env=build_env())  # with Listen, as a real page
    assert result.ok, result.output[-3000:]
    return root, site
