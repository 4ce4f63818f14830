"""The same page in every language: the switcher's links and the <head> hreflang links.

mkdocs-static-i18n gives each page's file an ``alternates`` map (language -> File). From it we
build, per page, absolute URLs for hreflang (it only gives relative ones, without x-default)
and relative links for the switcher. Runs after static-i18n's page context (priority 50).
"""

from urllib.parse import urlsplit

from mkdocs.plugins import event_priority

from sitekit.alternates import Alternate, absolute_url, page_alternates, sitemap_entries
from sitekit.site import languages as site_languages

_languages: list = []
_files: dict = {}


@event_priority(-110)
def on_config(config):
    _languages[:] = site_languages(config)  # once per language build, not per page


@event_priority(40)
def on_page_context(context, page, config, nav):
    languages = _languages
    current = config.theme["language"]
    context["alternates"] = page_alternates(page.file, page.url, languages, current, config.site_url)
    # Material's own <head> loop would add relative hreflang links a second time.
    config.extra.alternate = None  # static-i18n sets it as an attribute, so must we
    return context


@event_priority(40)
def on_template_context(context, template_name, config):
    """Static templates (404.html, sitemap.xml): link each language's home page."""
    languages = _languages
    current = config.theme["language"]
    # Root-relative ("/copper-cluster/ru/"): 404.html is served at any depth, on any host.
    site_path = urlsplit(config.site_url).path.rstrip("/") + "/"
    context["alternates"] = [
        Alternate(
            code=lang.code,
            html_lang=lang.html_lang,
            name=lang.name,
            href=site_path + lang.prefix,
            absolute=absolute_url(config.site_url, lang.prefix),
            current=lang.code == current,
        )
        for lang in languages
    ]
    context["site_languages"] = languages
    context["site_path"] = lambda url: site_path + url.lstrip("/")
    if template_name == "sitemap.xml":
        context["sitemap"] = sitemap_entries(_files["current"], languages, config.site_url)
    config.extra.alternate = None  # static-i18n sets it as an attribute, so must we
    return context


def on_env(env, config, files):
    _files["current"] = files
    env.globals["site_default_language"] = next(lang.code for lang in _languages if lang.default)
    og_locales = {lang.code: lang.og_locale for lang in _languages}
    env.globals["og_locale_of"] = og_locales.__getitem__
    return env
