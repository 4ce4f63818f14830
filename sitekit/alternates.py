"""Language alternates of a page: who links where, in which language."""

from __future__ import annotations

from dataclasses import dataclass
from mkdocs.utils import get_relative_url

from sitekit.site import Language


@dataclass(frozen=True)
class Alternate:
    code: str  # locale folder ("uz")
    html_lang: str  # BCP 47 tag for lang/hreflang ("uz", "uz-Cyrl")
    name: str  # native name for the switcher
    href: str  # relative link from the current page (or absolute for static templates)
    absolute: str  # absolute URL, for <link rel="alternate"> and the sitemap
    current: bool  # the language of the page being rendered


def absolute_url(site_url: str, url: str) -> str:
    url = "" if url in (".", "./") else url.lstrip("/")
    return site_url.rstrip("/") + "/" + url


def page_alternates(file, page_url: str, languages: list[Language], current: str, site_url: str):
    alternates = []
    for lang in languages:
        alternate = file.alternates.get(lang.code)
        if alternate is None:  # no translation: the build fails elsewhere; link nothing here
            continue
        url = alternate.url
        alternates.append(
            Alternate(
                code=lang.code,
                html_lang=lang.html_lang,
                name=lang.name,
                href=get_relative_url(url or "./", page_url or "./"),
                absolute=absolute_url(site_url, url),
                current=lang.code == current,
            )
        )
    return alternates


@dataclass(frozen=True)
class SitemapEntry:
    loc: str
    alternates: list  # (hreflang, absolute URL), x-default last


def sitemap_entries(files, languages: list[Language], site_url: str) -> list[SitemapEntry]:
    """Every page in every language, each with all its alternates and x-default.

    Computed from the pages being built: their static-i18n ``alternates`` name the
    translations, so the default language's build alone can list the whole site.
    """
    default = next(lang for lang in languages if lang.default)
    entries = []
    for file in files.documentation_pages():
        alternates = getattr(file, "alternates", {})
        links = [
            (lang.html_lang, absolute_url(site_url, alternates[lang.code].url))
            for lang in languages
            if lang.code in alternates
        ]
        if default.code in alternates:
            links.append(("x-default", absolute_url(site_url, alternates[default.code].url)))
        for hreflang, href in links:
            if hreflang != "x-default":
                entries.append(SitemapEntry(loc=href, alternates=links))
    return entries
