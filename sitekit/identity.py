"""The site's own mark (three joined nodes on a copper square: a cluster of producers around
one source of copper), drawn once here as geometry, and written from it as SVG (header,
favicon) and as PNG with Pillow (the 32 px favicon, the 180 px apple-touch-icon, share cards).

Never a state emblem or the company's logo: we have no right to use either.
"""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

SIZE = 32  # the drawing's own units (viewBox 0 0 32 32)
COPPER = "#b35a1f"  # 4.9:1 against white lines; reads as copper on navy and on white
LINE = "#ffffff"
CORNER = 7
NODES = ((16.0, 9.0), (8.5, 22.0), (23.5, 22.0))
NODE_RADIUS = 3.6
STROKE = 2.2
# The header's background in each colour scheme (site.css): the browser's bar matches it.
THEME_COLOURS = {"light": "#283593", "dark": "#1c2350"}
# Each PNG is drawn this many times larger, then reduced: smooth edges, same bytes every time.
SUPERSAMPLE = 8


def mark_svg(title: str | None = None) -> str:
    """The mark as an SVG document. With a title it is an image with that name; without, it
    is decoration (aria-hidden), for use beside the site name."""
    a, b, c = NODES
    label = f' role="img" aria-label="{title}"' if title else ' aria-hidden="true" focusable="false"'
    circles = "".join(f'<circle cx="{x:g}" cy="{y:g}" r="{NODE_RADIUS:g}" fill="{LINE}"/>' for x, y in NODES)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SIZE} {SIZE}" class="site-mark"{label}>'
        f'<rect width="{SIZE}" height="{SIZE}" rx="{CORNER}" fill="{COPPER}"/>'
        f'<path d="M{a[0]:g} {a[1]:g}L{b[0]:g} {b[1]:g}H{c[0]:g}Z" fill="none" stroke="{LINE}" '
        f'stroke-width="{STROKE:g}" stroke-linejoin="round"/>{circles}</svg>'
    )


def draw_mark(image: Image.Image, left: int, top: int, size: int) -> None:
    """Paint the mark onto ``image`` (RGB or RGBA) at (left, top), ``size`` pixels square."""
    big = size * SUPERSAMPLE
    scale = big / SIZE
    tile = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(tile)
    pen.rounded_rectangle((0, 0, big - 1, big - 1), radius=round(CORNER * scale), fill=COPPER)
    points = [(x * scale, y * scale) for x, y in NODES]
    width = round(STROKE * scale)
    for start, end in zip(points, points[1:] + points[:1]):
        pen.line((start, end), fill=LINE, width=width)
    radius = NODE_RADIUS * scale
    for x, y in points:
        pen.ellipse((x - radius, y - radius, x + radius, y + radius), fill=LINE)
    tile = tile.resize((size, size), Image.Resampling.LANCZOS)
    if image.mode == "RGBA":
        image.alpha_composite(tile, (left, top))
    else:
        image.paste(tile, (left, top), tile)


def mark_png(size: int, background: str | None = None) -> bytes:
    """The mark as a PNG of ``size`` pixels; transparent corners unless a background is given
    (iOS fills an apple-touch-icon's transparency with black)."""
    image = Image.new("RGBA", (size, size), background or (0, 0, 0, 0))
    draw_mark(image, 0, 0, size)
    return png_bytes(image)


def png_bytes(image: Image.Image) -> bytes:
    """PNG without metadata (no time, no text chunks): the same image gives the same bytes."""
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
