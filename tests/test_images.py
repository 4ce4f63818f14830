"""Pictures, the documented way: one file in docs/assets/images/, shown in every language's page
with alt text of its own. On fixtures only: a generated 3000×2000 photograph (about 5 MB) and a
small site in a temporary folder (tests/loop_site.py).

- the variants (sitekit.image_variants): widths, orientation, no metadata, the same bytes every
  time, cached, limits;
- the rules (sitekit.images.image_problems): each case names the file and line at fault;
- the build: one copy for all editions, srcset/sizes/width/height/lazy in every edition, the
  original never published, a missing picture fails the build with the check's own line.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from loop_site import ALT, PHOTO_TITLES, make_site, photo, photo_page, write
from sitekit import image_variants, images
from sitekit.build import build
from sitekit.image_variants import ImageRejected, VariantCache
from sitekit.site import load_site_config

# A file name with a space is named as it is (the rule's case of a name links cannot carry).
PROBLEM_LINE = re.compile(r"^[\w./ -]+(?::\d+)?: (?:warning: )?\S.* — \S.*$")


@pytest.fixture(scope="module")
def big_photo() -> bytes:
    data = photo()
    assert len(data) > 4_500_000, "the fixture should weigh what a camera's photograph does"
    return data


@pytest.fixture(scope="module")
def small_photo() -> bytes:
    """For the rules, which read no more of a picture than its size: quick to make and read."""
    return photo(800, 533, quality=85)


def exif_with(orientation: int = 1) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = orientation  # Orientation
    exif[0x0110] = "Camera model 1"  # Model
    exif[0x8825] = {2: (41.0, 18.0, 0.0), 4: (69.0, 16.0, 0.0)}  # GPSInfo: a position
    return exif.tobytes()


def site_with_photo(tmp_path: Path, data: bytes, pages: dict | None = None) -> Path:
    root = make_site(tmp_path / "site-src", pages=pages or {"photo.md": {lang: photo_page(lang) for lang in ALT}},
                     nav=[("Photo", "photo.md", PHOTO_TITLES)])
    write(root / "docs" / "assets" / "images" / "photo.jpg", data)
    return root


def problems_of(root: Path, written_in=None) -> list[str]:
    """The image rules' lines; with ``written_in``, as the editor check runs them (with its
    language identifier)."""
    load_site_config.cache_clear()
    found = [str(p) for p in images.image_problems(load_site_config(str(root / "mkdocs.yml")), written_in)]
    for line in found:
        assert PROBLEM_LINE.match(line), f"not one `file:line: what — fix` line: {line!r}"
    return found


# ── Variants ──────────────────────────────────────────────────────────────────


def test_a_large_photo_becomes_four_small_webp_files(tmp_path, big_photo):
    source = write(tmp_path / "photo.jpg", photo(exif=exif_with()))
    served, blobs = image_variants.serve(source, "assets/images/photo.jpg", VariantCache(tmp_path / "cache"))
    assert [(v.width, v.height) for v in served.variants] == [(360, 240), (760, 507), (1080, 720), (1520, 1013)]
    assert not served.lossless
    for variant in served.variants:
        data = blobs[served.path_of(variant)]
        decoded = Image.open(io.BytesIO(data))
        assert decoded.format == "WEBP" and decoded.size == (variant.width, variant.height)
        assert not decoded.getexif(), "EXIF (camera, GPS position) must not be published"
        assert not {"exif", "xmp", "icc_profile"} & set(decoded.info), decoded.info.keys()
        assert re.fullmatch(r"photo-\d+\.[0-9a-f]{10}\.webp", variant.name)
    assert sum(len(b) for b in blobs.values()) < len(big_photo) / 15


def test_orientation_is_applied(tmp_path):
    # Stored landscape, shown portrait (a phone held upright): Orientation 6 = rotate 90°.
    source = write(tmp_path / "upright.jpg", photo(900, 600, quality=90, exif=exif_with(orientation=6)))
    served, _blobs = image_variants.serve(source, "assets/images/upright.jpg", VariantCache(tmp_path / "cache"))
    assert [(v.width, v.height) for v in served.variants] == [(360, 540), (600, 900)]


def test_a_small_picture_is_never_enlarged(tmp_path):
    source = write(tmp_path / "small.jpg", photo(500, 250, quality=90))
    served, _blobs = image_variants.serve(source, "assets/images/small.jpg", VariantCache(tmp_path / "cache"))
    assert [v.width for v in served.variants] == [360, 500]


def test_a_diagram_stays_exact_with_its_transparency(tmp_path):
    diagram = Image.new("RGBA", (800, 400), (0, 0, 0, 0))
    diagram.paste((200, 40, 40, 255), (100, 100, 300, 300))
    diagram.paste((20, 90, 200, 255), (400, 100, 700, 300))
    buffer = io.BytesIO()
    diagram.save(buffer, "PNG")
    source = write(tmp_path / "diagram.png", buffer.getvalue())
    served, blobs = image_variants.serve(source, "assets/images/diagram.png", VariantCache(tmp_path / "cache"))
    assert served.lossless
    largest = Image.open(io.BytesIO(blobs[served.path_of(served.largest)]))
    assert largest.size == (800, 400) and largest.mode == "RGBA"
    assert largest.getpixel((150, 150)) == (200, 40, 40, 255) and largest.getpixel((10, 10))[3] == 0


def test_same_bytes_every_time_and_cached(tmp_path, monkeypatch, big_photo):
    source = write(tmp_path / "photo.jpg", big_photo)
    first = image_variants.serve(source, "assets/images/photo.jpg", VariantCache(tmp_path / "one"))
    again = image_variants.serve(source, "assets/images/photo.jpg", VariantCache(tmp_path / "two"))
    assert first == again, "two encodings of one source must give the same bytes (reproducible builds)"

    def must_not_encode(_source):
        raise AssertionError("encoded again although cached")

    monkeypatch.setattr(image_variants, "encode_variants", must_not_encode)
    cached = image_variants.serve(source, "assets/images/photo.jpg", VariantCache(tmp_path / "one"))
    assert cached == first
    monkeypatch.setattr(image_variants, "PHOTO_QUALITY", {360: 50, 760: 50, 1080: 50, 1520: 50})
    with pytest.raises(AssertionError, match="encoded again"):  # other settings: another cache entry
        image_variants.serve(source, "assets/images/photo.jpg", VariantCache(tmp_path / "one"))


def _png(size, **options) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (90, 120, 150)).save(buffer, "PNG", **options)
    return buffer.getvalue()


LIMIT_CASES = {
    "not an image": (b"<html>this is a web page saved as .jpg</html>", "(its contents are not a picture)"),
    "cut off half-way": ("cut", "not a JPG file the site can read (the file is cut off"),
    "40 megapixels and more": ("huge", "(42 megapixels), more than the 40 megapixels"),
    "animated": ("animated", "an animated image"),
}


@pytest.mark.parametrize(("content", "what"), LIMIT_CASES.values(), ids=LIMIT_CASES)
def test_limits(tmp_path, content, what, big_photo):
    if content == "cut":
        content = big_photo[: len(big_photo) // 2]
    elif content == "huge":
        content = _png((7000, 6000))  # one colour: a small file of 42 megapixels
    elif content == "animated":
        frames = [Image.new("RGB", (50, 50), colour) for colour in ("red", "blue")]
        buffer = io.BytesIO()
        frames[0].save(buffer, "WEBP", save_all=True, append_images=frames[1:])
        content = buffer.getvalue()
    source = write(tmp_path / "picture.jpg", content)
    with pytest.raises(ImageRejected) as rejected:
        image_variants.serve(source, "assets/images/picture.jpg", VariantCache(tmp_path / "cache"))
    assert what in rejected.value.what, rejected.value.what
    assert rejected.value.fix


def test_too_many_bytes(tmp_path, monkeypatch, big_photo):
    monkeypatch.setattr(image_variants, "MAX_FILE_BYTES", 1024 * 1024)
    source = write(tmp_path / "photo.jpg", big_photo)
    with pytest.raises(ImageRejected, match="more than the 1 MB"):
        image_variants.serve(source, "assets/images/photo.jpg", VariantCache(tmp_path / "cache"))


# ── The rules ─────────────────────────────────────────────────────────────────


def test_the_documented_way_passes(tmp_path, big_photo):
    assert problems_of(site_with_photo(tmp_path, big_photo)) == []  # the 5 MB photograph is fine


def _edit(root: Path, lang: str, old: str, new: str) -> None:
    path = root / "docs" / lang / "photo.md"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _line(root: Path, lang: str, needle: str) -> int:
    text = (root / "docs" / lang / "photo.md").read_text(encoding="utf-8")
    return text[: text.index(needle)].count("\n") + 1


RULE_CASES = {
    "no alt text": (lambda root: _edit(root, "ru", f"![{ALT['ru']}]", "![]"),
                    "docs/ru/photo.md:{ru}: picture ../assets/images/photo.jpg has no alt text"),
    "alt copied from another language": (lambda root: _edit(root, "en", ALT["en"], ALT["uz"]),
                                         "docs/en/photo.md:{en}: the alt text of photo.jpg is the same as in "
                                         "docs/uz/photo.md"),
    "alt copied, other case and spacing": (lambda root: _edit(root, "ru", ALT["ru"], "  zavod BINOSI  kunduzi"),
                                           "docs/ru/photo.md:{ru}: the alt text of photo.jpg is the same as in "
                                           "docs/uz/photo.md"),
    "missing file": (lambda root: (root / "docs/assets/images/photo.jpg").unlink(),
                     "docs/uz/photo.md:{uz}: picture ../assets/images/photo.jpg: there is no file "
                     "docs/assets/images/photo.jpg (also shown in docs/en/photo.md, docs/ru/photo.md) — save the "
                     "picture in docs/assets/images/ (it is empty), or correct the name"),
    "a misspelt name": (lambda root: _edit(root, "en", "photo.jpg", "foto.jpg"),
                        "docs/en/photo.md:{en}: picture ../assets/images/foto.jpg: there is no file"),
    "unused picture": (lambda root: write(root / "docs/assets/images/spare.jpg", photo(400, 300, 80)),
                       "docs/assets/images/spare.jpg: no page shows this picture"),
    "not a picture": (lambda root: write(root / "docs/assets/images/broken.jpg", b"GIF89a-not-really"),
                      "docs/assets/images/broken.jpg: not a JPG file the site can read (its contents are not a "
                      "picture)"),
    "another format": (lambda root: write(root / "docs/assets/images/clip.gif", b"GIF89a"),
                       "docs/assets/images/clip.gif: not a picture the site publishes (.gif)"),
    "capitals and spaces": (lambda root: write(root / "docs/assets/images/IMG 2034.JPG", photo(400, 300, 80)),
                            "docs/assets/images/IMG 2034.JPG: the file name has capitals, spaces or other "
                            "characters links cannot carry — rename it to img-2034.jpg"),
    "inside a language folder": (lambda root: write(root / "docs/ru/plan.png", _png((40, 30))),
                                 "docs/ru/plan.png: a picture outside docs/assets/images/"),
    "an <img> tag": (lambda root: _edit(root, "en", f"![{ALT['en']}](../assets/images/photo.jpg)",
                                        f'<img src="../assets/images/photo.jpg" alt="{ALT["en"]}">'),
                     "docs/en/photo.md:{en}: <img> tag for ../assets/images/photo.jpg — write the picture in Markdown"),
    "only on one language's page": (lambda root: [_edit(root, lang, f"![{ALT[lang]}](../assets/images/photo.jpg)", "")
                                                  for lang in ("ru", "en")],
                                    "docs/uz/photo.md:{uz}: picture photo.jpg is only on this language's page — show "
                                    "it on docs/ru/photo.md, docs/en/photo.md too"),
    "missing on one language's page": (lambda root: _edit(root, "ru", f"![{ALT['ru']}](../assets/images/photo.jpg)", ""),
                                       "docs/ru/photo.md: picture photo.jpg is missing here (docs/uz/photo.md, "
                                       "docs/en/photo.md show it)"),
}



@pytest.mark.parametrize("copied_from", ["uz", "ru", "en"])
def test_a_copied_alt_text_is_blamed_on_the_pages_not_in_its_language(tmp_path, small_photo, copied_from):
    """The same alt text in every language: the pages it is not written in are told to
    translate it, and the page whose language it is in is never named."""
    from sitekit.check.language import written_in

    root = site_with_photo(tmp_path, small_photo)
    for lang in ALT:
        if lang != copied_from:
            _edit(root, lang, ALT[lang], ALT[copied_from])
    found = problems_of(root, written_in)
    others = [lang for lang in ALT if lang != copied_from]
    assert [line.split(":")[0] for line in found] == [f"docs/{lang}/photo.md" for lang in others], found
    for line in found:
        assert f"the alt text of photo.jpg is the same as in docs/{copied_from}/photo.md" in line, line


def test_which_language_a_short_text_is_in():
    from sitekit.check.language import written_in
    from sitekit.site import Language

    by_code = {"uz": Language("uz", "Oʻzbekcha", True, "uz-Latn", "uz_UZ"),
               "ru": Language("ru", "Русский", False, "ru", "ru_RU"),
               "en": Language("en", "English", False, "en", "en_US")}
    edited = list(by_code.values())
    assert written_in(ALT["en"], edited) == by_code["en"]
    assert written_in(ALT["ru"], edited) == by_code["ru"]
    assert written_in("Cooperation LAB", edited) is None  # a name: too few ordinary words to judge
    assert written_in("Olmaliq KMK binosi", edited) is None

@pytest.mark.parametrize(("change", "expected"), RULE_CASES.values(), ids=RULE_CASES)
def test_rule(tmp_path, small_photo, change, expected):
    root = site_with_photo(tmp_path, small_photo)
    lines = {lang: _line(root, lang, "![") if "![" in (root / f"docs/{lang}/photo.md").read_text(encoding="utf-8")
             else None for lang in ALT}
    change(root)
    for lang in ALT:
        text = (root / f"docs/{lang}/photo.md").read_text(encoding="utf-8")
        marker = next((m for m in ("![", "<img") if m in text), None)
        lines[lang] = _line(root, lang, marker) if marker else lines[lang]
    found = problems_of(root)
    wanted = expected.format(**lines)
    assert [line for line in found if line.startswith(wanted)], f"expected «{wanted}…», got:\n" + "\n".join(found)
    assert len(found) == 1, "one cause, one line:\n" + "\n".join(found)


def test_pictures_in_code_are_text(tmp_path, small_photo):
    pages = {"photo.md": {lang: photo_page(lang) + "\n```markdown\n![](../assets/images/nothing.jpg)\n```\n\n"
                          "Write `![alt](../assets/images/x.jpg)` to show one.\n" for lang in ALT}}
    assert problems_of(site_with_photo(tmp_path, small_photo, pages)) == []


# ── The build ─────────────────────────────────────────────────────────────────


EDITIONS = {"uz": "", "uz-cyrl": "uz-cyrl/", "ru": "ru/", "en": "en/"}


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_edition_shows_the_published_variants(photo_site, edition):
    _root, site = photo_site
    depth = "../" * (1 + EDITIONS[edition].count("/"))
    soup = BeautifulSoup((site / EDITIONS[edition] / "photo" / "index.html").read_bytes(), "lxml")
    first, second = soup.select("article img")
    for img in (first, second):
        assert img["width"] == "1520" and img["height"] == "1013"
        assert img["decoding"] == "async"
        assert img["sizes"] == images.SIZES
        candidates = [c.split() for c in img["srcset"].split(", ")]
        assert [w for _url, w in candidates] == ["360w", "760w", "1080w", "1520w"]
        for url, _w in candidates:
            assert url.startswith(depth + "assets/images/photo-") and (site / url[len(depth):]).is_file()
        assert img["src"] == candidates[1][0]  # the 760 px variant for browsers without srcset
        assert img["alt"].strip()
    assert not first.has_attr("loading"), "the picture in the first screen loads at once"
    assert second["loading"] == "lazy"
    full = soup.select_one("article a[href*='assets/images/']")
    assert full["href"] == candidates[-1][0], "a link to the picture opens the largest variant"


def test_published_once_and_never_the_original(photo_site):
    _root, site = photo_site
    published = sorted(p.relative_to(site).as_posix() for p in site.rglob("photo*.webp"))
    assert len(published) == 4 and all(p.startswith("assets/images/") for p in published), published
    assert not list(site.rglob("photo.jpg")), "the 5 MB original is not published"


def test_rebuild_gives_the_same_bytes(photo_site, tmp_path):
    root, site = photo_site
    again = tmp_path / "again"
    from siteinfo import build_env

    assert build(again, root / "mkdocs.yml", env=build_env()).ok  # as the photo site was built
    for path in sorted(site.rglob("*.webp")) + [site / "ru" / "photo" / "index.html"]:
        assert path.read_bytes() == (again / path.relative_to(site)).read_bytes(), path


def test_a_missing_picture_fails_the_build_with_the_checks_line(tmp_path, small_photo):
    root = site_with_photo(tmp_path, small_photo)
    _edit(root, "ru", "photo.jpg", "foto.jpg")
    result = build(tmp_path / "built", root / "mkdocs.yml")
    assert result.returncode != 0
    expected = [line for line in problems_of(root) if "foto.jpg" in line]
    assert len(expected) == 1
    warnings = [line for line in result.output.splitlines() if line.startswith("WARNING")]
    assert [w.split(" -  ", 1)[-1].strip() for w in warnings] == expected, result.output[-2000:]
