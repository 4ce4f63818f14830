"""Listen: a recording of every page's main text, made while building (sitekit/speech/).

Each page's rendered content is read in reading order, said with its language's speech lexicon
(i18n/<language>.yml, speech:) and recorded with eSpeak NG as Ogg Opus, from a cache; the
recordings are published under speech/<language>/ and the player (partials/listen.html) links
the page's own. The Uzbek Cyrillic edition plays the Uzbek (Latin) recordings: same words.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from sitekit.site import languages as site_languages
from sitekit.speech.build import SpeechBuild, after_first_heading, log
from sitekit.speech.engine import SpeechError
from sitekit.speech.lexicon import LexiconError

_speech = SpeechBuild()


def on_startup(command, dirty):
    _speech.start(command)


@event_priority(-110)  # after static-i18n (-100) has switched to this build's language
def on_config(config):
    i18n = config.plugins["i18n"]
    if not i18n.building:  # the first language of a (re)build: pages may have changed
        _speech.reset_pages()
    try:
        _speech.configure(Path(config.config_file_path).parent, site_languages(config))
        _speech.lexicon(config.theme["language"])  # a malformed lexicon fails here, naming its file
    except (SpeechError, LexiconError) as error:
        raise PluginError(str(error)) from None
    return config


def on_page_content(html, page, config, files):
    try:
        _speech.page_content(html, page.file.src_uri, config.theme["language"], page.title or "", config.site_name)
    except LexiconError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from None
    return html


def on_env(env, config, files):
    env.filters["after_first_heading"] = after_first_heading
    return env


def on_page_context(context, page, config, nav):
    try:
        context["listen"] = _speech.player(page.file.src_uri, config.theme["language"], page.url)
    except SpeechError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from None
    return context


@event_priority(-200)  # after static-i18n's (-100), in which it builds every other language
def on_post_build(config):
    if config.plugins["i18n"].building:
        return  # another language's build, inside the first one's: publish once, at the end
    try:
        _speech.publish(Path(config.site_dir))
    except SpeechError as error:
        raise PluginError(str(error)) from None
    summary = _speech.summary()
    if summary:
        log.info(summary)
