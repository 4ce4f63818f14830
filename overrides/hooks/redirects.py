"""Redirect pages: each old address in mkdocs.yml's extra.redirects sends readers, in their
language, to the page it moved to (sitekit.redirects). Written once per language build, with
the site's Content-Security-Policy like every other page."""

import logging
from pathlib import Path

from mkdocs.utils import get_relative_url

from sitekit import redirects
from sitekit.csp import with_policy
from sitekit.site import languages
from sitekit.strings import load_strings

log = logging.getLogger("mkdocs.hooks.redirects")  # no prefix: the message is the problem line
_state: dict = {}


def on_startup(command, dirty):
    _state["serving"] = command == "serve"  # as the policy hook: no policy under live reload


def on_env(env, config, files):
    _state["files"] = files  # this language's pages (static-i18n's language-aware files)
    return env


def on_post_build(config):
    moved = redirects.redirects(config)
    if not moved:
        return
    code = config.plugins["i18n"].current_language
    language = next(lang for lang in languages(config) if lang.code == code)
    strings = load_strings(Path(config.config_file_path).parent, config.theme["language"])
    text = strings["theme"].get(redirects.TEXT_KEY, "")
    files = _state["files"]
    for old, new in sorted(moved.items()):
        target = files.get_file_from_path(new)
        if target is None or target.page is None:
            continue  # the editor check names the missing page (redirect_problems)
        path = redirects.redirect_path(language, old)
        output = Path(config.site_dir) / path
        if output.exists():
            continue  # a page of that name exists again: the check reports the redirect
        old_url = path.removesuffix("index.html")
        favicon = config.theme.get("favicon")
        page = redirects.redirect_page(
            strings["language"], strings.get("direction", "ltr"), target.page.title or new,
            get_relative_url(target.url or "./", old_url or "./"), config.site_url.rstrip("/") + "/" + target.url,
            text, get_relative_url(favicon, old_url or "./") if favicon else None)
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(page if _state.get("serving") else with_policy(page), encoding="utf-8")
