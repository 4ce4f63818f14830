"""A built site on disk, parsed with a real HTML parser (lxml through BeautifulSoup), each
page once, and the links of its pages resolved to files and anchors."""

from __future__ import annotations

import copy
import functools
import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from sitekit.site import Language, built_path

# Links in these elements, with these attributes, are followed when checking the site.
LINK_ATTRIBUTES = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"))


@dataclass(frozen=True)
class Link:
    """One reference from a page, classified."""

    kind: str  # "internal", "tel", "mailto", "external", "other"
    href: str  # as written in the page
    path: str = ""  # internal: the target file, site-relative ("ru/joining/index.html")
    fragment: str = ""  # internal: the anchor, unquoted
    address: str = ""  # tel: number / mailto: address (without ?subject=)


class BuiltSite:
    def __init__(self, root: Path, languages: list[Language], base_path: str = "/"):
        self.root = Path(root)
        # The site's path on its host ("/copper-cluster/"), for root-relative links.
        self.base_path = base_path if base_path.endswith("/") else base_path + "/"
        # Longest prefix first, so "uz-cyrl/" wins over the default language's "".
        self.languages = sorted(languages, key=lambda lang: len(lang.prefix), reverse=True)

    # ── pages ────────────────────────────────────────────────────────────────
    def html_files(self) -> list[str]:
        return sorted(p.relative_to(self.root).as_posix() for p in self.root.rglob("*.html"))

    def page_path(self, language: Language, page: str) -> str:
        """Site-relative file of a source page ("joining.md") in a language."""
        return language.prefix + built_path(page)

    def language_of(self, path: str) -> Language:
        for language in self.languages:
            if path.startswith(language.prefix):
                return language
        raise ValueError(path)

    def pages_of(self, language: Language) -> set[str]:
        """Built pages of one language, as paths relative to its prefix (each edition's
        not-found page, <prefix>404.html, excluded: it is made by the templates, not from docs/)."""
        pages = set()
        for path in self.html_files():
            if self.language_of(path) == language and path[len(language.prefix):] != "404.html":
                pages.add(path[len(language.prefix):])
        return pages

    @functools.lru_cache(maxsize=None)
    def soup(self, path: str) -> BeautifulSoup:
        return BeautifulSoup((self.root / path).read_bytes(), "lxml")

    @functools.lru_cache(maxsize=None)
    def ids(self, path: str) -> frozenset[str]:
        return frozenset(tag["id"] for tag in self.soup(path).find_all(id=True))

    @functools.lru_cache(maxsize=None)
    def content(self, path: str):
        """The page's own content (the article), without header, navigation and footer, and
        without the Listen player the templates put under its heading (interface, whose link
        goes to each language's own recording)."""
        article = self.soup(path).select_one("article.md-content__inner")
        if article is None:
            return self.soup(path)
        if article.select_one(".site-listen") is None:
            return article
        article = copy.copy(article)
        for player in article.select(".site-listen"):
            player.decompose()
        return article

    # ── links ────────────────────────────────────────────────────────────────
    def links(self, path: str, within=None) -> list[Link]:
        scope = within if within is not None else self.soup(path)
        found = []
        for tag_name, attribute in LINK_ATTRIBUTES:
            for tag in scope.find_all(tag_name, attrs={attribute: True}):
                found.append(self.classify(path, tag[attribute]))
        return found

    def classify(self, page: str, href: str) -> Link:
        parts = urlsplit(href)
        scheme = parts.scheme.lower()
        if scheme == "tel":
            return Link("tel", href, address=parts.path)
        if scheme == "mailto":
            return Link("mailto", href, address=unquote(parts.path).lower())
        if scheme or parts.netloc:
            return Link("external" if scheme in ("http", "https", "") else "other", href)
        if not parts.path:  # "#anchor": this page
            return Link("internal", href, path=page, fragment=unquote(parts.fragment))
        path = unquote(parts.path)
        if path.startswith("/"):  # root-relative: only valid under the site's base path
            if not path.startswith(self.base_path):
                return Link("internal", href, path="../" + path, fragment=unquote(parts.fragment))
            path = path[len(self.base_path):] or "."
            page = "index.html"
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        target = "" if target == "." else target
        if parts.path.endswith("/") or (self.root / target).is_dir():
            target = posixpath.join(target, "index.html")
        return Link("internal", href, path=target, fragment=unquote(parts.fragment))

    def broken(self, link: Link) -> str | None:
        """Why an internal link does not resolve, or None when it does."""
        if link.path.startswith("../") or not (self.root / link.path).is_file():
            return f"no file {link.path}"
        if link.fragment and link.fragment not in self.ids(link.path):
            return f"no anchor #{link.fragment} in {link.path}"
        return None

    def without_prefix(self, path: str) -> str:
        return path[len(self.language_of(path).prefix):]
