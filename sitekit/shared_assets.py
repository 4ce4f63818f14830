"""Files of docs/ outside the language folders (docs/assets/…): one copy for every language.

mkdocs-static-i18n treats a file outside docs/<language>/ as the default language's, and with
``fallback_to_default: false`` leaves it out of every other language's build, so a link to
``../assets/images/photo.jpg`` works on the Uzbek page only. These files belong to no
language: each build gets them back, at their own address (no language prefix), so every
edition links the one published copy.
"""

from __future__ import annotations

from mkdocs.structure.files import File, get_files


def shared_files(config, language_codes: set[str]) -> list[File]:
    """docs/ files outside every language folder that are not pages, as MkDocs lists them
    (its exclusions applied), at their own address."""
    return [file for file in get_files(config)
            if not file.is_documentation_page() and file.src_uri.split("/", 1)[0] not in language_codes]
