"""The site's shape as mkdocs.yml defines it: its languages, their source pages and
where each page lands in the built site. Read through MkDocs' own config loader."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from sitekit.strings import load_strings, transliterated_from

ROOT = Path(__file__).resolve().parents[1]
# The project's single source of facts, checked out beside the repository. SITE_SOURCES points
# elsewhere (the tests hide it this way to prove they pass on a runner that has none).
SOURCES = Path(os.environ.get("SITE_SOURCES") or ROOT.parent / "shared" / "sources")


def build_cache(project: Path, name: str) -> Path:
    """Where the build keeps one kind of work between runs (recordings, share cards, picture
    variants): ``<project>/.cache/<name>`` (ignored by git), or under SITE_CACHE, which lets
    several projects (the tests' fixture sites) share one. Every entry is keyed by a hash of
    what it is made from and written atomically, so sharing is safe."""
    return Path(os.environ.get("SITE_CACHE") or Path(project) / ".cache") / name


@dataclass(frozen=True)
class Language:
    code: str  # folder under docs/ and key of i18n/<code>.yml
    name: str  # native name, as in the switcher
    default: bool
    html_lang: str  # value of <html lang> and hreflang
    og_locale: str  # Open Graph locale, e.g. "uz_UZ"
    generated_from: str | None = None  # a generated edition: the language it is made from

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
            found.append(Language(lang.locale, lang.name, lang.default, strings["language"],
                                  strings.get("og_locale", ""), transliterated_from(root, lang.locale)))
    return found


def load_strings_for(language_code: str) -> dict:
    return load_strings(ROOT, language_code)


def docs_dir(config=None) -> Path:
    config = config or load_site_config()
    return Path(config.docs_dir)


def source_pages(language: Language, docs: Path) -> set[str]:
    """Markdown pages of one language, as paths relative to docs/<code>/ (for a generated
    edition, those of the language it is made from)."""
    base = docs / (language.generated_from or language.code)
    return {p.relative_to(base).as_posix() for p in base.rglob("*.md")}


def built_path(page: str) -> str:
    """Where a source page lands under its language prefix (use_directory_urls)."""
    path = PurePosixPath(page)
    if path.stem in ("index", "README"):
        return (path.parent / "index.html").as_posix()
    return (path.with_suffix("") / "index.html").as_posix()


def edited_languages(config=None) -> list[Language]:
    """The languages editors write in docs/ (generated editions excluded)."""
    return [lang for lang in languages(config) if lang.generated_from is None]


def source_file(src_uri: str, languages_: list[Language]) -> str:
    """The docs/-relative file a page is made from: a generated edition's page comes from
    its source language's file ("uz-cyrl/joining.md" -> "uz/joining.md")."""
    head, _, rest = src_uri.partition("/")
    for lang in languages_:
        if lang.code == head and lang.generated_from:
            return f"{lang.generated_from}/{rest}"
    return src_uri


def is_home_source(src_uri: str) -> bool:
    """An edition's home page: docs/<language>/index.md ("ru/index.md"). MkDocs' own
    is_homepage is true for the default language's only."""
    head, _, rest = src_uri.partition("/")
    return rest == "index.md" or src_uri == "index.md"
