"""Interface strings for the language being built: site name, nav labels, theme strings.

Runs after mkdocs-static-i18n (priority -100) has switched ``theme.language``.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from sitekit.strings import StringsError, load_complete_strings

_current: dict = {}


@event_priority(-110)
def on_config(config):
    root = Path(config.config_file_path).parent
    try:
        strings = load_complete_strings(root, config.theme["language"])
    except StringsError as error:
        raise PluginError(str(error)) from None
    _current.clear()
    _current.update(strings)
    config.site_name = strings["site_name"]
    config.site_description = strings["site_description"]
    return config


@event_priority(-110)
def on_nav(nav, config, files):
    labels = _current["nav"]
    for item in _walk(nav.items):
        if item.title is None:
            continue
        if item.title not in labels:
            raise PluginError(
                f"i18n/{_current['language']}.yml: no nav label for '{item.title}' — add "
                f"'{item.title}: <label>' under 'nav:' in every file in i18n/"
            )
        item.title = labels[item.title]
    return nav


def on_env(env, config, files):
    root = Path(config.config_file_path).parent
    env.globals["interface_string"] = interface_string
    # For the site-wide pages that speak every language (404.html).
    env.globals["strings_of"] = lambda language: load_complete_strings(root, language)
    return env


def interface_string(key: str) -> str:
    """Look up a string for the templates; a key no language file has fails the build."""
    if isinstance(_current.get(key), str):  # top-level: language, direction, og_locale
        return _current[key]
    try:
        return _current["theme"][key]
    except KeyError:
        raise PluginError(
            f"i18n/{_current['language']}.yml: no theme string '{key}' — add it under "
            "'theme:' in every file in i18n/"
        ) from None


def _walk(items):
    for item in items:
        yield item
        yield from _walk(getattr(item, "children", None) or [])
