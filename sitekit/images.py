"""Pictures on the site's pages: where they live, how pages show them, and the editor
check's rules about them.

The documented way (CONTRIBUTING.md): save the file once in ``docs/assets/images/`` (shared
by every language) and show it in each language's page with alt text in that language::

    ![Alt text in this language](../assets/images/photo.jpg)

The build (``overrides/hooks/images.py``) publishes each picture once for all editions, as
the WebP variants of ``sitekit.image_variants``, and gives every ``<img>`` its ``srcset``,
``sizes``, ``width`` and ``height``, with ``loading="lazy"`` below the first screen.

The rules (``image_problems``), each a ``Problem`` (``file:line: what is wrong — how to fix``):

  image-file-name      a file in docs/assets/images/ whose name is not lower-case letters,
                       digits and hyphens (spaces and capitals break links)
  image-type           a file there that is not a JPEG, PNG or WebP picture
  image-unreadable     a file Pillow cannot read, an animation, over 20 MB or 40 megapixels
  image-unused         a picture no page shows or links
  image-elsewhere      a picture outside docs/assets/images/ (the Cyrillic edition, made
                       from docs/uz/, would not find one inside docs/uz/)
  image-missing        a page shows a picture that does not exist (the build fails too)
  image-raw-html       an <img> tag instead of Markdown's ![alt](…)
  image-alt-missing    a picture without alt text
  image-alt-untranslated  the same alt text as another language's page: translate it
  image-not-everywhere a picture in some languages of a page but not in the others
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import lxml.html
import markdown
from markdown.treeprocessors import Treeprocessor

from sitekit import image_variants
from sitekit.image_variants import ImageRejected, ServedImage
from sitekit.problems import Problem
from sitekit.site import Language, edited_languages, source_pages

IMAGES_DIR = "assets/images"  # under docs/, shared by every language
FILE_NAME_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\.(?:jpg|jpeg|png|webp)")
# The width the page's content column gives a picture, as measured in the site's layout
# (Material 9.8 with site.css): the column is 38rem wide once the screen allows it (760 px at
# the 20 px root size; 836 and 912 px where Material raises the root size, at 100em and 125em),
# else the screen less its 16 px margins. tests/browser/test_pictures.py checks the browser
# then takes the right file.
SIZES = "(min-width: 125em) 912px, (min-width: 100em) 836px, (min-width: 49.5em) 760px, calc(100vw - 32px)"
# A picture with less text than this before it is in the first screen of a phone
# (360×800: the header, the title and a short paragraph): it loads at once; the others
# load as the reader scrolls near them.
FIRST_SCREEN_CHARACTERS = 280


def cache_dir(root: Path) -> Path:
    """Where encoded variants are kept between builds (ignored by git)."""
    from sitekit.site import build_cache

    return build_cache(root, "images")


# ── Where pictures are used ───────────────────────────────────────────────────


@dataclass(frozen=True)
class ImageUse:
    """One picture shown (or linked) by one page."""

    page: str  # "events.md"
    language: str  # "ru"
    file: str  # project-relative source, "docs/ru/events.md"
    line: int | None
    kind: str  # "image" (![alt](src)), "link" ([text](src)) or "html" (<img src>)
    src: str  # as written
    target: str | None  # docs-relative, "assets/images/photo.jpg"; None: another site or data
    alt: str = ""


class _Collect(Treeprocessor):
    """Records the images and links of a page as Markdown parsed them (code is not)."""

    def __init__(self, md, found: list):
        super().__init__(md)
        self.found = found

    def run(self, root):
        for element in root.iter():
            if element.tag == "img":
                self.found.append(("image", element.get("src", ""), element.get("alt", "")))
            elif element.get("href"):
                self.found.append(("link", element.get("href"), ""))
        return root


def resolve(src_uri: str, url: str) -> str | None:
    """The docs-relative file a relative URL in page ``src_uri`` names; None for another
    site, an absolute address or a data: URL."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith(("/", "\\")) or not parts.path:
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), unquote(parts.path)))


def _line_finder(text: str):
    """Finds, in order, the line of each occurrence of a destination in the Markdown."""
    cursor: dict[str, int] = {}

    def line_of(src: str, kind: str) -> int | None:
        openers = ('src="', "src='", "src=") if kind == "html" else ("](", "](<", "]: ", "]: <", "]:")
        start = cursor.get(src, 0)
        best = None
        for opener in openers:
            found = re.search(re.escape(opener) + r"[ \t]*" + re.escape(src), text[start:])
            if found and (best is None or found.start() < best):
                best = found.start()
        if best is None:
            return None
        offset = start + best
        cursor[src] = offset + 1
        return text.count("\n", 0, offset) + 1

    return line_of


def markdown_parser(config) -> markdown.Markdown:
    """A Markdown parser with the site's extensions that records pictures (see uses_in)."""
    # Extensions the build's hooks add for themselves (the picture publisher) are left out.
    extensions = [e for e in config.markdown_extensions if not getattr(e, "sitekit_build_only", False)]
    md = markdown.Markdown(extensions=extensions, extension_configs=config.mdx_configs or {})
    md.treeprocessors.register(_Collect(md, []), "sitekit_images_collect", -100)
    return md


def line_in(text: str, src: str) -> int | None:
    """The line of the first picture or link with this destination."""
    return _line_finder(text)(src, "image")


# A page that has none of these shows no picture: it need not be parsed.
_MAYBE_PICTURE_RE = re.compile(r"!\[|<img|\.(?:jpe?g|png|webp|gif|svg|heic|avif|tiff?)\b", re.I)


def uses_in(text: str, src_uri: str, file: str, config, md: markdown.Markdown | None = None) -> list[ImageUse]:
    """Every picture a page's Markdown shows, links or embeds as raw HTML, with its line.
    Parsed by Python-Markdown with the site's extensions, so code is never taken for a picture."""
    if not _MAYBE_PICTURE_RE.search(text):
        return []
    md = md or markdown_parser(config)
    found: list = []
    md.treeprocessors["sitekit_images_collect"].found = found
    md.reset()
    md.convert(text)
    for block in md.htmlStash.rawHtmlBlocks:
        try:
            fragments = lxml.html.fragments_fromstring(str(block))
        except (ValueError, lxml.etree.ParserError):
            continue
        for fragment in fragments:
            if isinstance(fragment, str):
                continue
            for img in fragment.iter("img"):
                found.append(("html", img.get("src", ""), img.get("alt", "")))
    page = src_uri.split("/", 1)[1]
    language = src_uri.split("/", 1)[0]
    line_of = _line_finder(text)
    uses = []
    for kind, src, alt in found:
        target = resolve(src_uri, src)
        if kind == "link" and (target is None or not image_variants.is_image_path(target)):
            continue  # a link to a page or another site: not a picture
        uses.append(ImageUse(page, language, file, line_of(src, kind), kind, src, target, alt))
    return uses


# ── How pages show them (used by the build's hook) ────────────────────────────


def picture_attributes(served: ServedImage, url_dir: str, eager: bool) -> dict[str, str]:
    """The <img> attributes for a published picture; ``url_dir`` is the relative URL of its
    folder from the page ("../../assets/images/")."""
    attributes = {
        "src": url_dir + served.fallback().name,
        "srcset": ", ".join(f"{url_dir}{v.name} {v.width}w" for v in served.variants),
        "sizes": SIZES,
        "width": str(served.largest.width),
        "height": str(served.largest.height),
        "decoding": "async",
    }
    if not eager:
        attributes["loading"] = "lazy"
    if len(served.variants) == 1:  # one file: nothing for the browser to choose from
        del attributes["srcset"], attributes["sizes"]
    return attributes


def _missing_image(uses: list[ImageUse], docs: Path, docs_rel: str) -> Problem:
    """One problem for a picture that is not there, on the first page that shows it (one
    wording and one place for the build and the check)."""
    first = uses[0]
    folder = docs / IMAGES_DIR
    present = sorted(p.name for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []
    if present:
        shown = f" (it has: {', '.join(present[:6])}{', …' if len(present) > 6 else ''})"
    else:
        shown = " (it is empty)" if folder.is_dir() else " (create the folder)"
    others = sorted({use.file for use in uses[1:]} - {first.file})
    also = f" (also shown in {', '.join(others[:3])}{', …' if len(others) > 3 else ''})" if others else ""
    return Problem(first.file, first.line, f"picture {first.src}: there is no file {docs_rel}/{first.target}{also}",
                   f"save the picture in {docs_rel}/{IMAGES_DIR}/{shown}, or "
                   "correct the name")


def missing_picture_problem(config, target: str) -> Problem | None:
    """The check's problem for the missing docs-relative picture ``target`` (for the build)."""
    root, docs, docs_rel = _places(config)
    uses = [use for page in _read_pages(config, root, docs) for use in page.uses
            if use.target == target and use.kind != "html"]
    return _missing_image(uses, docs, docs_rel) if uses else None


def rejected_image(path: str, rejected: ImageRejected) -> Problem:
    return Problem(path, None, rejected.what, rejected.fix)


class PublishedImages(Treeprocessor):
    """Rewrites a page's pictures to their published variants (run after MkDocs has made
    every ``src`` relative to the page, so it sees what the browser will)."""

    def __init__(self, md, page_url: str, publish):
        super().__init__(md)
        self.page_url = page_url
        # (site path "assets/images/x.jpg", URL as in the page) -> ServedImage, or None when
        # the picture is missing or unreadable (publish reports it)
        self.publish = publish

    def _site_path(self, url: str) -> str | None:
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url.startswith("/") or not parts.path:
            return None
        base = self.page_url if self.page_url.endswith("/") or not self.page_url else posixpath.dirname(self.page_url) + "/"
        return posixpath.normpath(posixpath.join(base, unquote(parts.path)))

    def run(self, root):
        text_before = 0
        first = True
        for block in list(root):
            for element in block.iter():
                if element.tag == "img":
                    self._picture(element, eager=first and text_before < FIRST_SCREEN_CHARACTERS)
                    first = False
                elif element.tag == "a" and element.get("href"):
                    self._link(element)
            text_before += len("".join(block.itertext()).strip())
        return root

    def _served(self, url: str) -> tuple[ServedImage | None, str]:
        """The published picture a URL names, and the URL of its folder from this page."""
        path = self._site_path(url)
        if path is None or not image_variants.is_image_path(path):
            return None, ""
        served = self.publish(path, url)
        if served is None:
            return None, ""
        url_path = urlsplit(url).path
        return served, url_path[: url_path.rfind("/") + 1]

    def _picture(self, element, eager: bool):
        served, url_dir = self._served(element.get("src", ""))
        if served is not None:
            for name, value in picture_attributes(served, url_dir, eager).items():
                element.set(name, value)

    def _link(self, element):
        served, url_dir = self._served(element.get("href"))
        if served is not None:  # "the full-size picture": the largest published variant
            element.set("href", url_dir + served.largest.name)


# ── The rules ─────────────────────────────────────────────────────────────────


@dataclass
class _Page:
    language: Language
    page: str
    file: str
    uses: list[ImageUse]


def _read_pages(config, root: Path, docs: Path) -> list[_Page]:
    pages = []
    md = markdown_parser(config)
    for language in edited_languages(config):
        for page in sorted(source_pages(language, docs)):
            path = docs / language.code / page
            try:
                text = path.read_bytes().decode("utf-8").lstrip("\ufeff").replace("\r\n", "\n")
            except (OSError, UnicodeDecodeError):
                continue  # the check's reading rules report it
            file = path.resolve().relative_to(root.resolve()).as_posix()
            pages.append(_Page(language, page, file, uses_in(text, f"{language.code}/{page}", file, config, md)))
    return pages


def _image_files(docs: Path) -> list[Path]:
    """Every file in the images folder, and every picture elsewhere in docs/."""
    folder = docs / IMAGES_DIR
    found = {p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")} if folder.is_dir() else set()
    found |= {p for p in docs.rglob("*") if p.is_file() and image_variants.is_image_path(p.name)}
    return sorted(found)


def _normalised(alt: str) -> str:
    return " ".join(alt.split()).casefold()


def _places(config) -> tuple[Path, Path, str]:
    root = Path(config.config_file_path).parent
    docs = Path(config.docs_dir)
    return root, docs, docs.resolve().relative_to(root.resolve()).as_posix()


def image_problems(config, written_in=None) -> list[Problem]:
    """Every rule above, over the site ``config`` (``sitekit.site.load_site_config``) names;
    ``written_in`` as for ``_across_languages``."""
    root, docs, docs_rel = _places(config)
    pages = _read_pages(config, root, docs)
    cache = image_variants.VariantCache(cache_dir(root))
    problems: list[Problem] = []

    used = {use.target for page in pages for use in page.uses if use.target}
    elsewhere = set()
    for path in _image_files(docs):
        rel = path.relative_to(docs).as_posix()
        name = f"{docs_rel}/{rel}"
        if not rel.startswith(IMAGES_DIR + "/"):
            elsewhere.add(rel)
            problems.append(Problem(
                name, None, f"a picture outside {docs_rel}/{IMAGES_DIR}/",
                f"move it to {docs_rel}/{IMAGES_DIR}/ and show it as ![alt](../{IMAGES_DIR}/{path.name.lower()}) "
                "(one folder for every language: the Cyrillic edition is made from docs/uz/ and has no "
                "pictures of its own; a picture with words in it gets one file per language, e.g. chart-ru.png)"))
            continue
        if not image_variants.is_image_path(path.name):
            problems.append(Problem(
                name, None, f"not a picture the site publishes ({path.suffix or 'no extension'})",
                "save photographs as .jpg and diagrams or logos as .png (or .webp); other files go elsewhere "
                f"under {docs_rel}/assets/"))
            continue
        if not FILE_NAME_RE.fullmatch(path.name):
            suggestion = re.sub(r"[^a-z0-9.]+", "-", path.name.lower()).strip("-").replace("-.", ".")
            problems.append(Problem(
                name, None, "the file name has capitals, spaces or other characters links cannot carry",
                f"rename it to {suggestion} (lower-case letters, digits and hyphens) and link that name"))
            continue  # the other rules once it has a name links can carry
        try:
            if not cache.has(path):  # a cached picture was read in full once already
                image_variants.open_checked(path)
        except ImageRejected as rejected:
            problems.append(rejected_image(name, rejected))
            continue  # whether it is used matters once it is a picture
        if rel not in used:
            problems.append(Problem(
                name, None, "no page shows this picture",
                f"show it in every language's page, ![alt text](../{IMAGES_DIR}/{path.name}), or delete the file"))

    missing: dict[str, list[ImageUse]] = {}
    for page in pages:
        for use in page.uses:
            if use.kind == "html":
                problems.append(Problem(
                    use.file, use.line, f"<img> tag for {use.src or 'a picture'}",
                    f"write the picture in Markdown, ![alt text](../{IMAGES_DIR}/name.jpg): the site then "
                    "publishes it in phone sizes"))
                continue
            if use.target is None:
                continue  # another site or data: the safety rules report it
            if use.target in elsewhere:
                continue  # reported once, on the file
            if not (docs / use.target).is_file():
                missing.setdefault(use.target, []).append(use)
                continue
            if use.kind == "image" and not use.alt.strip():
                problems.append(Problem(
                    use.file, use.line, f"picture {use.src} has no alt text",
                    f"describe it, in this page's language ({page.language.name}), inside the brackets: "
                    f"![what the picture shows]({use.src}) "
                    "(screen readers read it; it shows when the picture does not load)"))

    problems += [_missing_image(uses, docs, docs_rel) for uses in missing.values()]
    problems += _across_languages(pages, docs, written_in)
    return problems


def editor_problems(project, written_in=None) -> list[Problem]:
    """The rules above for the editor check (``sitekit/check/images.py`` calls this with its
    ``Project`` and its language identifier; everything else they need is the site configuration)."""
    return image_problems(project.config, written_in)


def _across_languages(pages: list[_Page], docs: Path, written_in=None) -> list[Problem]:
    """The same pictures on every language's page, each with alt text of its own language
    (pictures that are missing are reported as such, and a page showing one is not also
    told it lacks another: a misspelt name is one problem). ``written_in(text, languages)``
    names the one of ``languages`` a text is surely in, or None (the editor check passes its
    language identifier)."""
    problems = []
    by_page: dict[str, list[_Page]] = {}
    for page in pages:
        by_page.setdefault(page.page, []).append(page)
    for group in by_page.values():
        if len(group) < 2:
            continue  # a page missing in a language is the parity rule's
        shown = {p.language.code: [u for u in p.uses if u.kind in ("image", "html") and u.target
                                   and (docs / u.target).is_file()] for p in group}
        misspelt = {p.language.code for p in group
                    if any(u.kind == "image" and u.target and not (docs / u.target).is_file() for u in p.uses)}
        targets = sorted({u.target for uses in shown.values() for u in uses})
        for target in targets:
            having = [p for p in group if any(u.target == target for u in shown[p.language.code])]
            lacking = [p for p in group if p not in having]
            name = PurePosixPath(target).name
            if lacking:
                if len(having) < len(lacking):  # the odd one out has it
                    for page in having:
                        use = next(u for u in shown[page.language.code] if u.target == target)
                        problems.append(Problem(
                            page.file, use.line, f"picture {name} is only on this language's page",
                            "show it on " + ", ".join(p.file for p in lacking) +
                            " too, with alt text in each language, or remove it here"))
                else:
                    for page in (p for p in lacking if p.language.code not in misspelt):
                        problems.append(Problem(
                            page.file, None, f"picture {name} is missing here (" +
                            ", ".join(p.file for p in having) + " show it)",
                            f"add ![alt text in this page's language ({page.language.name})](../{IMAGES_DIR}/{name}) "
                            "where the others have it"))
            # Alt texts, occurrence by occurrence: the same text on several languages' pages is
            # kept where it is in that page's language (when the identifier is sure which one it
            # is); otherwise on the first page, and the others are told to translate it.
            seen = [(p, [u for u in shown[p.language.code] if u.target == target]) for p in having]
            for position in range(max((len(uses) for _page, uses in seen), default=0)):
                same_alt: dict[str, list[tuple[_Page, ImageUse]]] = {}
                for page, uses in seen:
                    if position < len(uses) and uses[position].alt.strip():
                        same_alt.setdefault(_normalised(uses[position].alt), []).append((page, uses[position]))
                for sharing in same_alt.values():
                    if len(sharing) < 2:
                        continue
                    alt = sharing[0][1].alt.strip()
                    owner = written_in(alt, [page.language for page, _use in sharing]) if written_in else None
                    keeper = next((page for page, _use in sharing if page.language == owner), sharing[0][0])
                    written = f", written in {keeper.language.name}" if owner else ""
                    for page, use in sharing:
                        if page is not keeper:
                            problems.append(Problem(
                                page.file, use.line,
                                f"the alt text of {name} is the same as in {keeper.file}{written} («{alt}»)",
                                f"write what the picture shows, in this page's language ({page.language.name})"))
    return problems
