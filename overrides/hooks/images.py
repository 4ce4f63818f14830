"""Pictures in phone sizes: every picture a page shows is published as WebP variants
(sitekit.image_variants, cached in .cache/images/) instead of the original, and its <img>
gets srcset, sizes, width, height, decoding and, below the first screen, loading="lazy".

A picture that is missing or cannot be read is a build warning in the editor check's
format (``file:line: what — how to fix``), which fails the strict build; MkDocs' own
"not found among documentation files" warning for it is dropped, so it is said once.
"""

import logging
import re
from pathlib import Path

import markdown
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from sitekit import image_variants, images
from sitekit.site import languages, source_file

log = logging.getLogger("mkdocs.hooks.images")  # no prefix: the message is the problem line
_state: dict = {"said": set()}


class _PublishedImagesExtension(markdown.Extension):
    sitekit_build_only = True  # not for the check's own Markdown parser (sitekit.images)

    def extendMarkdown(self, md):
        page = _state.get("page")
        if page is not None:  # MkDocs renders a page right after on_page_markdown
            md.treeprocessors.register(images.PublishedImages(md, page.url, _publish), "sitekit_images", -10)


class _VariantsFile(File):
    """A picture whose variants, not the original, are written to the site."""

    def copy_file(self, dirty: bool = False) -> None:
        for path, data in _state["written"].pop(self.src_uri, {}).items():
            target = Path(self.abs_dest_path).parent / Path(path).name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)


class _SayOnce(logging.Filter):
    """Drops MkDocs' warning for a missing picture: this hook reports it in its own words."""

    NOT_FOUND = re.compile(r"^Doc file '[^']+' contains a link '([^']+)', but the target")

    def filter(self, record):
        match = self.NOT_FOUND.match(record.getMessage())
        return not (match and image_variants.is_image_path(match.group(1).split("#")[0].split("?")[0]))


@event_priority(-110)
def on_config(config):
    root = Path(config.config_file_path).parent
    _state["cache"] = image_variants.VariantCache(images.cache_dir(root))
    _state["root"] = root
    _state["config"] = config
    _state["languages"] = languages(config)
    i18n = config.plugins["i18n"]
    if i18n.current_language == i18n.default_language:  # the first of this build's languages
        _state["said"] = set()
    if not any(isinstance(e, _PublishedImagesExtension) for e in config.markdown_extensions):
        config.markdown_extensions.append(_PublishedImagesExtension())
    pages_logger = logging.getLogger("mkdocs.structure.pages")
    if not any(isinstance(f, _SayOnce) for f in pages_logger.filters):
        pages_logger.addFilter(_SayOnce())
    return config


@event_priority(-120)  # after the shared assets are back in this language's files (-110)
def on_files(files, config):
    _state["by_url"] = {}
    _state["written"] = {}
    for file in list(files):
        if file.is_documentation_page() or not image_variants.is_image_path(file.src_uri):
            continue
        if not file.abs_src_path or not Path(file.abs_src_path).is_relative_to(Path(config.docs_dir)):
            continue  # the theme's own pictures are not ours to resize
        variants = _VariantsFile.__new__(_VariantsFile)
        variants.__dict__.update(file.__dict__)
        files.remove(file)
        files.append(variants)
        _state["by_url"][file.url] = variants
    _state["docs"] = Path(config.docs_dir)
    return files


def on_page_markdown(markdown_text, page, config, files):
    _state["page"] = page
    return markdown_text


def _publish(site_path: str, url: str):
    """The ServedImage for a picture's site path, its variants queued for writing; None, with
    the problem reported, when it is missing or unreadable."""
    page = _state["page"]
    file = _state["by_url"].get(site_path)
    made_from = source_file(page.file.src_uri, _state["languages"])
    source_name = _project_path(Path(_state["docs"], made_from))
    if file is None:
        target = images.resolve(made_from, url) or site_path
        problem = images.missing_picture_problem(_state["config"], target)
        _say(problem or f"{source_name}: picture {url}: there is no such file — save it in docs/assets/images/")
        return None
    try:
        served, blobs = image_variants.serve(Path(file.abs_src_path), file.dest_uri, _state["cache"])
    except image_variants.ImageRejected as rejected:
        _say(images.rejected_image(_project_path(Path(file.abs_src_path)), rejected))
        return None
    _state["written"].setdefault(file.src_uri, {}).update(blobs)
    return served


def _project_path(path: Path) -> str:
    return path.resolve().relative_to(_state["root"].resolve()).as_posix()


def _say(problem) -> None:
    if str(problem) not in _state["said"]:  # the Cyrillic edition would repeat the Uzbek page's
        _state["said"].add(str(problem))
        log.warning(str(problem))
