"""404.html and sitemap.xml exist once for the whole site, not once per language.

static-i18n runs a full build per language into the same folder, so by default these come
from whichever language is built last. We write them in the default language's build only
(an empty template output is skipped by MkDocs); both templates cover every language.
"""

from mkdocs.plugins import event_priority

SITE_WIDE = ("404.html", "sitemap.xml")


@event_priority(-110)
def on_post_template(output, template_name, config):
    if template_name in SITE_WIDE and not _is_default_language_build(config):
        return ""
    return output


def _is_default_language_build(config) -> bool:
    i18n = config.plugins["i18n"]
    return i18n.current_language == i18n.default_language
