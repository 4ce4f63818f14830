"""sitemap.xml exists once for the whole site, not once per language.

static-i18n runs a full build per language into the same folder, so by default it comes
from whichever language is built last. We write it in the default language's build only
(an empty template output is skipped by MkDocs); the template covers every language.
404.html is one page per edition, combined at the root by hooks/not_found.py.
"""

from mkdocs.plugins import event_priority

SITE_WIDE = ("sitemap.xml",)


@event_priority(-110)
def on_post_template(output, template_name, config):
    if template_name in SITE_WIDE and not _is_default_language_build(config):
        return ""
    return output


def _is_default_language_build(config) -> bool:
    i18n = config.plugins["i18n"]
    return i18n.current_language == i18n.default_language
