"""Search index per language: each language's build writes search/<locale>/, its pages only.

mkdocs-static-i18n runs one full build per language into the same folder, and starts the other
languages' builds from its own on_post_build (priority -100) at the end of the first build. So
pages are kept per locale, and ours runs before static-i18n's: the first language writes its
index before the next build begins.
"""

from mkdocs.plugins import event_priority

from sitekit.search_index import index_path, read_page, write_index

_pages_by_locale: dict = {}


def _locale(config) -> str:
    return config.plugins["i18n"].current_language


def on_pre_build(config):
    _pages_by_locale[_locale(config)] = []


def on_env(env, config, files):
    # The template links the index of the language being built (not theme.language, which
    # need not equal the docs/ folder name).
    env.globals["search_index_path"] = index_path(_locale(config))
    return env


def on_page_content(html, page, config, files):
    description = str(page.meta.get("description") or "")
    _pages_by_locale[_locale(config)].append(read_page(html, page.url, page.title or "", description))
    return html


@event_priority(0)  # before static-i18n's on_post_build (-100), which builds the next language
def on_post_build(config):
    locale = _locale(config)
    write_index(config.site_dir, locale, _pages_by_locale.pop(locale, []))
