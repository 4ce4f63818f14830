"""Links from templates to pages of the site in the current language, by source path.

``page_url("contacts.md", page)`` gives the relative URL of the contacts page in the language
being built, so the header and footer link the right translation from any depth.
"""

from urllib.parse import urlsplit

import jinja2
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from sitekit.site import is_home_source


_in_nav: set = set()


def on_nav(nav, config, files):
    _in_nav.clear()
    _in_nav.update(page.file.src_uri for page in nav.pages)
    return nav


def on_env(env, config, files):
    # `files` here is static-i18n's language-aware set: "contacts.md" means this language's page.
    def page_url(src_uri: str, page=None) -> str:
        file = files.get_file_from_path(src_uri)
        if file is None:
            raise PluginError(f"templates link to '{src_uri}', which is not a page of the site")
        if page is None:
            # A static template (404.html) is served at any depth: a root-relative address.
            return urlsplit(config.site_url).path.rstrip("/") + "/" + file.url
        return get_relative_url(file.url or "./", page.url or "./")

    @jinja2.pass_context
    def feedback_url(context) -> str:
        """The feedback section of the contacts page, from the page being rendered."""
        return page_url("contacts.md", context.get("page")) + "#feedback"

    env.globals["page_url"] = page_url
    env.globals["feedback_url"] = feedback_url
    env.globals["is_home_page"] = lambda page: is_home_source(page.file.src_uri)
    # A set lookup: `page in nav.pages` in a template compares every page with every other.
    env.globals["in_navigation"] = lambda page: page.file.src_uri in _in_nav
    return env
