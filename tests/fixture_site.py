"""A small site of its own, in a temporary folder, for the tests of the editor's tools (pictures,
new pages, renames, previews): the project's configuration, templates, hooks and interface
strings, with pages the test writes instead of today's. Today's pages are never read or changed,
so an editor's edit cannot break these tests.

The fixture's navigation replaces mkdocs.yml's (and the labels in i18n/*.yml) by editing those
copies as text, as the page commands do.
"""

from __future__ import annotations

import random
import shutil
import subprocess
from pathlib import Path

from PIL import Image

from sitekit import navigation
from sitekit.site import ROOT

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
TITLES = {
    "index.md": {"uz": "Bosh sahifa", "ru": "Главная", "en": "Home"},
    "contacts.md": {"uz": "Aloqa", "ru": "Контакты", "en": "Contacts"},
    "accessibility.md": {"uz": "Foydalanish imkoniyati", "ru": "Доступность", "en": "Accessibility"},
}
# The photo page: one picture under the title (in the first screen), one after several
# paragraphs, and a link to the full-size picture.
ALT = {"uz": "Zavod binosi kunduzi", "ru": "Здание завода днём", "en": "The plant building by day"}
PHOTO_TITLES = {"uz": "Surat", "ru": "Фото", "en": "Photo"}
FULL_SIZE = {"uz": "Katta surat", "ru": "Большое фото", "en": "Full-size picture"}
# The fixture's nav: (English label, page); labels per language come from TITLES.
NAV = [("Home", "index.md"), ("Contacts", "contacts.md")]


# Fixture pages take their content from no source text: they are about the site itself.
SOURCE = "this-site"


def page_markdown(lang: str, title: str, anchor: str, body: str = "") -> str:
    return (f"---\ndescription: >-\n  {TEXT[lang].split('.')[0]}.\nsource: {SOURCE}\n---\n\n"
            f"# {title} {{#{anchor}}}\n\n{TEXT[lang]}\n\n{body}")


def _replace_block(text: str, key: str, body: list[str]) -> str:
    lines = text.split("\n")
    block = navigation.find_block(lines, key)
    assert block is not None, f"no {key}: in the copied file"
    lines[block.start:block.end] = body
    return "\n".join(lines)


def make_site(root: Path, pages: dict[str, dict[str, str]] | None = None,
              nav: list[tuple[str, str, dict[str, str]]] = (), git: bool = False) -> Path:
    """A site in ``root``: index, contacts and accessibility pages in every language, plus
    ``pages`` (page -> language -> Markdown) and ``nav`` entries (label, page, titles by
    language) for them. With ``git``, a repository with one commit on branch ``main``."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "overrides", root / "overrides", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "i18n", root / "i18n")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    entries = NAV + [(label, page) for label, page, _titles in nav]
    config = _replace_block(config, "nav", [f"  - {label}: {page}" for label, page in entries])
    config = _replace_block(config, "not_in_nav", ["  accessibility.md"])
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    labels = {label: TITLES[page] for label, page in NAV}
    labels.update({label: titles for label, _page, titles in nav})
    for lang in LANGUAGES:
        path = root / "i18n" / f"{lang}.yml"
        text = path.read_text(encoding="utf-8")
        text = _replace_block(text, "nav", [f"  {label}: {by_lang[lang]}" for label, by_lang in labels.items()])
        path.write_text(text, encoding="utf-8")
        for page, titles in TITLES.items():
            anchor = page.removesuffix(".md")
            body = f"## {({'uz': 'Fikr', 'ru': 'Отзыв', 'en': 'Feedback'})[lang]} {{#feedback}}\n\n{TEXT[lang]}\n" \
                if page == "contacts.md" else ""
            write(root / "docs" / lang / page, page_markdown(lang, titles[lang], anchor, body))
    for page, by_lang in (pages or {}).items():
        for lang, markdown in by_lang.items():
            write(root / "docs" / lang / page, markdown)
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
    result = build(site, root / "mkdocs.yml")
    assert result.ok, result.output[-3000:]
    return root, site
