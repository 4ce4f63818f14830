"""The site's shape as mkdocs.yml defines it: its languages, their source pages and
where each page lands in the built site. Read through MkDocs' own config loader."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from sitekit.strings import load_strings

ROOT = Path(__file__).resolve().parents[3]
# The project's single source of facts, checked out beside the repository.
SOURCES = ROOT.parent / "shared" / "sources"


@dataclass(frozen=True)
class Language:
    code: str  # folder under docs/ and key of i18n/<code>.yml
    name: str  # native name, as in the switcher
    default: bool
    html_lang: str  # value of <html lang> and hreflang
    og_locale: str  # Open Graph locale, e.g. "uz_UZ"

    @property
    def prefix(self) -> str:
        """URL path prefix inside the site: '' for the default language, 'ru/' for Russian."""
        return "" if self.default else f"{self.code}/"


@functools.lru_cache(maxsize=None)
def load_site_config(config_file: str | os.PathLike = ROOT / "mkdocs.yml"):
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    return load_config(str(config_file))


def languages(config=None) -> list[Language]:
    config = config or load_site_config()
    root = Path(config.config_file_path).parent
    i18n = config.plugins["i18n"].config
    found = []
    for lang in i18n.languages:
        if lang.build:
            strings = load_strings(root, lang.locale)
            found.append(Language(lang.locale, lang.name, lang.default, strings["language"], strings["og_locale"]))
    return found


def load_strings_for(language_code: str) -> dict:
    return load_strings(ROOT, language_code)


def docs_dir(config=None) -> Path:
    config = config or load_site_config()
    return Path(config.docs_dir)


def source_pages(language: Language, docs: Path) -> set[str]:
    """Markdown pages of one language, as paths relative to docs/<code>/."""
    base = docs / language.code
    return {p.relative_to(base).as_posix() for p in base.rglob("*.md")}


def built_path(page: str) -> str:
    """Where a source page lands under its language prefix (use_directory_urls)."""
    path = PurePosixPath(page)
    if path.stem in ("index", "README"):
        return (path.parent / "index.html").as_posix()
    return (path.with_suffix("") / "index.html").as_posix()
