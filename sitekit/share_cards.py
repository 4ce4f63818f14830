"""Share cards: the picture a link shows when pasted into Telegram, WhatsApp or a social
network (og:image). One 1200×630 PNG per page, with the mark, the site name, the page title
in the page's own language and script, and the trust line, drawn with Pillow.

The font must have Latin, Cyrillic, ʻ (U+02BB) and ʼ (U+02BC): DejaVu Sans (Debian
`fonts-dejavu-core`) or Noto Sans (`fonts-noto-core`); SITE_CARD_FONT names another file.
Cards are cached by a hash of everything they are drawn from (text, font file, this module's
drawing version), so a rebuild redraws only the cards whose text changed, and two builds give
the same bytes.
"""

from __future__ import annotations

import functools
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from sitekit.identity import draw_mark, png_bytes

WIDTH, HEIGHT = 1200, 630
DRAWING_VERSION = "1"  # change it when the drawing below changes: the cache is then rebuilt
BACKGROUND = "#1a1f4d"
TEXT = "#ffffff"
MUTED = "#d6daf5"
ACCENT = "#e0894a"
MARGIN = 72
# (bold, regular) pairs, first found wins.
FONT_CANDIDATES = (
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    ("/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf", "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"),
    ("/usr/share/fonts/noto/NotoSans-Bold.ttf", "/usr/share/fonts/noto/NotoSans-Regular.ttf"),
)
FONT_ENV = "SITE_CARD_FONT"
INSTALL_HINT = (
    "install a font with Latin, Cyrillic, ʻ and ʼ: `apt-get install fonts-dejavu-core` "
    f"(Debian/Ubuntu), or set {FONT_ENV} to a .ttf file that has them"
)
# Every card must be able to draw these, whatever its text.
REQUIRED = "AaZzАаЯяЎўҚқҒғҲҳʻʼ«»—0123456789"


class CardError(Exception):
    """No usable font, or text the font cannot draw; the message says how to fix it."""


@dataclass(frozen=True)
class Card:
    site_name: str
    title: str
    footer: str  # the trust line, e.g. "Ishonch telefoni (+998 70) 619-23-33"

    def key(self, fonts: tuple[Path, Path]) -> str:
        digest = hashlib.sha256()
        for part in (DRAWING_VERSION, self.site_name, self.title, self.footer):
            digest.update(part.encode("utf-8") + b"\0")
        for font in fonts:
            digest.update(_file_digest(font))
        return digest.hexdigest()


@functools.lru_cache(maxsize=None)
def _file_digest(path: Path) -> bytes:
    return hashlib.sha256(path.read_bytes()).digest()


def find_fonts() -> tuple[Path, Path]:
    """(bold, regular) font files, or CardError saying how to install one."""
    chosen = os.environ.get(FONT_ENV)
    if chosen:
        path = Path(chosen)
        if not path.is_file():
            raise CardError(f"{FONT_ENV}={chosen}: no such font file — {INSTALL_HINT}")
        candidates = [(path, path)]
    else:
        candidates = [(Path(bold), Path(regular)) for bold, regular in FONT_CANDIDATES]
    for bold, regular in candidates:
        if bold.is_file() and regular.is_file():
            missing = missing_glyphs(bold, REQUIRED)
            if not missing:
                return bold, regular
            if chosen:
                raise CardError(f"{bold}: no glyph for {' '.join(missing)} — {INSTALL_HINT}")
    raise CardError(f"share cards need a font, none found — {INSTALL_HINT}")


@functools.lru_cache(maxsize=None)
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    # The basic layout engine: no shaping library needed for Latin and Cyrillic, and the same
    # pixels wherever Pillow runs.
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)


def missing_glyphs(font_path: Path, text: str) -> list[str]:
    """Characters the font draws as its 'missing glyph' box."""
    font = _font(font_path, 40)
    notdef = bytes(font.getmask("\U0010fffd"))  # a private-use character no font draws
    missing = []
    for char in sorted(set(text) - {" "}):
        if bytes(font.getmask(char)) == notdef:
            missing.append(f"{char} (U+{ord(char):04X})")
    return missing


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Words into lines no wider than ``width``; a word wider than a line stays whole."""
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _title_lines(title: str, bold: Path, width: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest size (from 76 px down) at which the title fits in three lines."""
    for size in range(76, 35, -4):
        font = _font(bold, size)
        lines = wrap(title, font, width)
        if len(lines) <= 3 and all(font.getlength(line) <= width for line in lines):
            return font, lines
    font = _font(bold, 36)
    lines = wrap(title, font, width)
    return font, lines[:3]


def draw(card: Card, fonts: tuple[Path, Path]) -> bytes:
    bold, regular = fonts
    missing = missing_glyphs(bold, card.site_name + card.title + card.footer)
    if missing:
        raise CardError(f"{bold}: no glyph for {' '.join(missing)} in “{card.title}” — {INSTALL_HINT}")
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    pen = ImageDraw.Draw(image)
    text_width = WIDTH - 2 * MARGIN

    mark = 88
    draw_mark(image, MARGIN, MARGIN, mark)
    name_font = _font(bold, 40)
    name_lines = wrap(card.site_name, name_font, text_width - mark - 28)
    name_top = MARGIN + (mark - 48 * len(name_lines)) // 2
    for index, line in enumerate(name_lines):
        pen.text((MARGIN + mark + 28, name_top + 48 * index), line, font=name_font, fill=MUTED)

    title_font, lines = _title_lines(card.title, bold, text_width)
    line_height = round(title_font.size * 1.2)
    top = 250 - (len(lines) - 1) * line_height // 3
    for index, line in enumerate(lines):
        pen.text((MARGIN, top + index * line_height), line, font=title_font, fill=TEXT)

    pen.rectangle((0, HEIGHT - 96, WIDTH, HEIGHT), fill="#12163a")
    pen.rectangle((0, HEIGHT - 96, WIDTH, HEIGHT - 90), fill=ACCENT)
    pen.text((MARGIN, HEIGHT - 68), card.footer, font=_font(regular, 34), fill=TEXT)
    return png_bytes(image)


def card_png(card: Card, cache_dir: Path, fonts: tuple[Path, Path]) -> bytes:
    """The card's PNG, from the cache when its inputs are unchanged."""
    cached = cache_dir / f"{card.key(fonts)}.png"
    if cached.is_file():
        return cached.read_bytes()
    data = draw(card, fonts)
    cache_dir.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(f".{os.getpid()}.tmp")
    partial.write_bytes(data)
    partial.replace(cached)  # atomic: parallel builds never read half a file
    return data
