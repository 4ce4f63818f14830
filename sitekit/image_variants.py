"""Photos and pictures made fit for phones: each source image in docs/ is published as a few
WebP files of the widths a page needs, never as the original.

- orientation applied (EXIF), colours converted to sRGB, every metadata block dropped (EXIF
  with its GPS position and camera serial, XMP, the ICC profile once applied);
- widths 360, 760, 1080 and 1520 pixels, never wider than the source (a smaller source is
  served at its own width as well); Lanczos resampling;
- lossy WebP for photographs, lossless WebP for pictures of few colours (diagrams, logos),
  alpha kept;
- the same source and settings always give the same bytes (the build is reproducible), and
  the results are cached on disk by the hash of the source's bytes and of the settings, so
  `make serve` and rebuilds do not encode an image twice.

Limits (``ImageRejected``, with what to do): a file over 20 MB, over 40 megapixels, or that
Pillow cannot read as an image.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import PIL
from PIL import Image, ImageCms, ImageOps

# The widths the site's layout shows a picture at (sitekit.images.SIZES): a phone's column
# (328 px, so 360) and the desktop column (760 px) at 1x, and the phone's at 3x (1080) and the
# desktop's at 2x (1520); a phone at 2x takes the 760.
WIDTHS = (360, 760, 1080, 1520)
# WebP quality for photographs, by width: 60 where a pixel of the file is a pixel of the
# screen; 50 for the variants of high-density screens (2x, 3x), where each artefact is half
# the size or less. Set against the first-view budget (48 KB with the page): a desktop's
# first view of a page with a photograph under its title takes the 760 px variant, and the
# page itself is about 39 KB.
PHOTO_QUALITY = {360: 60, 760: 60, 1080: 50, 1520: 50}
PHOTO_METHOD = 6  # libwebp's slowest, smallest setting: cached, so paid once per image
LOSSLESS_METHOD = 4
FEW_COLOURS = 256  # at most this many colours: a diagram or a logo, encoded losslessly
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 40_000_000
# Files the pipeline reads (the formats cameras, phones and drawing tools save).
SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
# Bump when the encoding changes in a way the settings below do not capture.
PIPELINE_VERSION = 1


def settings_key() -> str:
    """Everything that decides the output bytes, besides the source itself."""
    return json.dumps({"version": PIPELINE_VERSION, "widths": WIDTHS, "quality": sorted(PHOTO_QUALITY.items()),
                       "method": [PHOTO_METHOD, LOSSLESS_METHOD], "few": FEW_COLOURS, "pillow": PIL.__version__}, sort_keys=True)


class ImageRejected(Exception):
    """The file cannot be published as an image; ``what`` and ``fix`` say why and what to do."""

    def __init__(self, what: str, fix: str):
        super().__init__(f"{what} — {fix}")
        self.what = what
        self.fix = fix


@dataclass(frozen=True)
class Variant:
    width: int
    height: int
    name: str  # file name, next to where the source would be published: "photo-720.1a2b3c4d.webp"


@dataclass(frozen=True)
class ServedImage:
    """What a page needs to show one source image: its variants, smallest first."""

    source: str  # the source's published path, "assets/images/photo.jpg"
    variants: tuple[Variant, ...]
    lossless: bool

    @property
    def largest(self) -> Variant:
        return self.variants[-1]

    def fallback(self, width: int = 760) -> Variant:
        """The variant for browsers that ignore srcset: the largest not wider than ``width``."""
        fitting = [v for v in self.variants if v.width <= width]
        return fitting[-1] if fitting else self.variants[0]

    def path_of(self, variant: Variant) -> str:
        return str(PurePosixPath(self.source).with_name(variant.name))


def is_image_path(path: str) -> bool:
    return PurePosixPath(path.lower()).suffix in SUFFIXES


def served_widths(source_width: int) -> tuple[int, ...]:
    """The widths published for a source this wide: each standard width it exceeds, and the
    source's own width where it is narrower than the largest standard width."""
    widths = [w for w in WIDTHS if w < source_width]
    widths.append(min(source_width, WIDTHS[-1]))
    return tuple(sorted(set(widths)))


def open_checked(path: Path) -> Image.Image:
    """The image, its orientation applied, or ImageRejected with what to do."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ImageRejected(
            f"the image is {size / 1024 / 1024:.0f} MB, more than the {MAX_FILE_BYTES // 1024 // 1024} MB the site accepts",
            "save it again at a smaller size (3000 pixels wide is plenty: the site serves at most 1520)")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(path)
            pixels = image.width * image.height
            if pixels > MAX_PIXELS:
                raise ImageRejected(
                    f"the image is {image.width}×{image.height} pixels ({pixels / 1e6:.0f} megapixels), more than "
                    f"the {MAX_PIXELS // 1_000_000} megapixels the site accepts",
                    "save it again at most 3000 pixels wide")
            image.load()
    except ImageRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageRejected("the image has too many pixels to open safely",
                            "save it again at most 3000 pixels wide") from None
    except (PIL.UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        kind = path.suffix.lstrip(".").upper() or "image"
        if isinstance(error, PIL.UnidentifiedImageError):
            why = "its contents are not a picture"
        elif "truncated" in str(error) or "broken data stream" in str(error):
            why = "the file is cut off: it was not saved or copied in full"
        else:  # Pillow's own words, without the file's path on this machine
            why = str(error).replace(str(path), path.name).splitlines()[0] if str(error) else type(error).__name__
        raise ImageRejected(
            f"not a {kind} file the site can read ({why})",
            "export it again as JPEG (photographs) or PNG (diagrams) from the program that made it") from None
    if getattr(image, "n_frames", 1) > 1:
        raise ImageRejected("an animated image", "save a still picture as JPEG or PNG (animation distracts and "
                                                 "costs visitors data)")
    return image


def _srgb(image: Image.Image) -> Image.Image:
    """The image in 8-bit sRGB (with alpha if it has transparency), its ICC profile applied."""
    profile = image.info.get("icc_profile")
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
    target = "RGBA" if has_alpha else "RGB"
    if profile and image.mode in ("RGB", "RGBA", "CMYK", "L", "LA"):
        try:
            source_profile = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            alpha = image.getchannel("A") if image.mode in ("RGBA", "LA") else None
            base = image.convert("CMYK" if image.mode == "CMYK" else "RGB") if image.mode not in ("RGB", "CMYK") else image
            if base.mode == "RGBA":
                base = base.convert("RGB")
            converted = ImageCms.profileToProfile(base, source_profile, ImageCms.createProfile("sRGB"),
                                                  outputMode="RGB")
            if alpha is not None:
                converted.putalpha(alpha)
            return converted
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # an unreadable profile: use the pixel values as they are
    return image.convert(target)


def _colour_count(image: Image.Image) -> int | None:
    colours = image.getcolors(FEW_COLOURS)
    return None if colours is None else len(colours)


def encode_variants(source: Path) -> tuple[list[tuple[int, int, bytes]], bool]:
    """[(width, height, WebP bytes)], smallest first, and whether they are lossless."""
    image = open_checked(source)
    image = ImageOps.exif_transpose(image)
    image = _srgb(image)
    lossless = _colour_count(image) is not None
    encoded = []
    for width in served_widths(image.width):
        height = max(1, round(image.height * width / image.width))
        resized = image if (width, height) == image.size else image.resize((width, height), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        if lossless:
            # method 4: as small as 6 for flat colours, a hundred times faster
            resized.save(buffer, "WEBP", lossless=True, quality=100, method=LOSSLESS_METHOD, exact=False)
        else:
            quality = PHOTO_QUALITY.get(width) or PHOTO_QUALITY[min(PHOTO_QUALITY, key=lambda w: abs(w - width))]
            resized.save(buffer, "WEBP", quality=quality, method=PHOTO_METHOD)
        encoded.append((width, height, buffer.getvalue()))
    return encoded, lossless


class VariantCache:
    """Encoded variants on disk, by hash of the source bytes and of the settings:
    ``<dir>/<key>/meta.json`` and one ``<width>.webp`` per width."""

    def __init__(self, directory: Path):
        self.directory = Path(directory)
        self._memory: dict[str, tuple[list[tuple[int, int, bytes]], bool]] = {}

    @staticmethod
    def key(data: bytes) -> str:
        return hashlib.sha256(settings_key().encode() + b"\0" + data).hexdigest()

    def variants(self, source: Path) -> tuple[str, list[tuple[int, int, bytes]], bool]:
        if source.stat().st_size > MAX_FILE_BYTES:
            open_checked(source)  # raises, saying why
        key = self.key(source.read_bytes())
        if key in self._memory:
            return key, *self._memory[key]
        found = self._read(key)
        if found is None:
            found = encode_variants(source)
            self._write(key, *found)
        self._memory[key] = found
        return key, *found

    def has(self, source: Path) -> bool:
        """Whether this source is cached already (so it was read and encoded once)."""
        try:
            return (self.directory / self.key(source.read_bytes()) / "meta.json").is_file()
        except OSError:
            return False

    def _read(self, key: str):
        folder = self.directory / key
        try:
            meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
            encoded = [(w, h, (folder / f"{w}.webp").read_bytes()) for w, h in meta["sizes"]]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return encoded, bool(meta.get("lossless"))

    def _write(self, key: str, encoded, lossless: bool) -> None:
        staging = None
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=f".{key[:8]}-", dir=self.directory))
            for width, _height, data in encoded:
                (staging / f"{width}.webp").write_bytes(data)
            meta = {"sizes": [[w, h] for w, h, _ in encoded], "lossless": lossless}
            (staging / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
            os.replace(staging, self.directory / key)  # atomic: a half-written entry is never read
        except OSError:
            # A read-only or full disk, or another build wrote the same entry first: either
            # way nothing is lost but the time to encode again.
            if staging is not None:
                shutil.rmtree(staging, ignore_errors=True)


def serve(source: Path, published: str, cache: VariantCache) -> tuple[ServedImage, dict[str, bytes]]:
    """The image as pages show it, and the bytes of each variant file by published path."""
    key, encoded, lossless = cache.variants(source)
    stem = PurePosixPath(published).stem
    variants = tuple(Variant(w, h, f"{stem}-{w}.{key[:10]}.webp") for w, h, _ in encoded)
    served = ServedImage(published, variants, lossless)
    return served, {served.path_of(v): data for v, (_w, _h, data) in zip(variants, encoded)}
