"""The Uzbek Cyrillic edition, generated while building from the Uzbek (Latin) pages.

Each docs/uz/ page gets a virtual twin under uz-cyrl/ that static-i18n then treats like any
translation (its own URLs, alternates, switcher entry). The twin's Markdown is read from the
Latin file and transliterated; nothing is written to docs/ and nothing generated is committed.
"""

from pathlib import Path

from mkdocs.structure.files import File

from sitekit.site import languages, source_file
from sitekit.translit import markdown_to_cyrillic

_editions: list = []


def on_config(config):
    _editions[:] = [lang for lang in languages(config) if lang.generated_from]
    return config


def on_files(files, config):
    # Before static-i18n sorts files by language (its on_files runs at priority -100).
    for edition in _editions:
        prefix = edition.generated_from + "/"
        for file in list(files.documentation_pages()):
            if file.src_uri.startswith(prefix):
                twin = edition.code + "/" + file.src_uri[len(prefix):]
                files.append(File(twin, config.docs_dir, config.site_dir, config.use_directory_urls))
    return files


def on_page_read_source(page, config):
    source = source_file(page.file.src_uri, _editions)
    if source == page.file.src_uri:
        return None  # an edited page: MkDocs reads it as usual
    markdown = Path(config.docs_dir, source).read_text(encoding="utf-8-sig")
    return markdown_to_cyrillic(markdown)
