"""A whole not-found page in each edition, at the one address GitHub Pages serves for every
missing path (the root 404.html).

Each language's build renders 404.html in its own language (header, switcher, search,
navigation, footer). The default language's stays at the root; every other edition's is
kept at <prefix>404.html and also placed inside the root page as a <template>, which
site.js shows when the missing address is in that edition (/ru/…). The logic is in
sitekit/not_found.py.
"""

from pathlib import Path

from mkdocs.plugins import event_priority

from sitekit.not_found import add_edition

NOT_FOUND = "404.html"


def _i18n(config):
    return config.plugins["i18n"]


@event_priority(40)
def on_template_context(context, template_name, config):
    if template_name == NOT_FOUND:
        i18n = _i18n(config)
        context["current_language"] = i18n.current_language
        context["site_wide_not_found"] = i18n.current_language == i18n.default_language
    return context


@event_priority(-210)  # the page as published: after minifying (-150) and its policy (-200)
def on_post_template(output, template_name, config):
    if template_name != NOT_FOUND or not output.strip():
        return output
    i18n = _i18n(config)
    if i18n.current_language == i18n.default_language:
        return output  # MkDocs writes it at the root
    # Every build writes into the same folder: this edition's page goes beside its pages,
    # and into the root page, which the default language's build wrote first.
    site = Path(config.site_dir)
    prefix = next(lang for lang in _languages(config) if lang.code == i18n.current_language).prefix
    (site / prefix).mkdir(parents=True, exist_ok=True)
    (site / prefix / NOT_FOUND).write_text(output, encoding="utf-8")
    root_page = site / NOT_FOUND
    root_page.write_text(add_edition(root_page.read_text(encoding="utf-8"), output, prefix), encoding="utf-8")
    return ""  # nothing more for MkDocs to write (it would overwrite the root page)


def _languages(config):
    from sitekit.site import languages

    return languages(config)
