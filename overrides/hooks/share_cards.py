"""Every page gets a share card (og:image): a 1200×630 PNG with the site name and the page
title in the page's language and script, drawn at build time (sitekit/share_cards.py) and
cached in .cache/share-cards/ by a hash of what it is drawn from."""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from sitekit.share_cards import HEIGHT, WIDTH, Card, CardError, card_png, find_fonts
from sitekit.site import build_cache, is_home_source
from sitekit.strings import load_strings

CARDS = "assets/cards"
_state: dict = {}


@event_priority(-110)  # after static-i18n (-100) has switched theme.language to this build's
def on_config(config):
    try:
        _state["fonts"] = find_fonts()
    except CardError as error:
        raise PluginError(f"share cards: {error}") from None
    root = Path(config.config_file_path).parent
    _state["cache"] = build_cache(root, "share-cards")
    _state["strings"] = load_strings(root, config.theme["language"])


def card_path(page_url: str, home: bool) -> str:
    """Where a page's card lands: "ru/joining/" -> assets/cards/ru/joining.png, the Russian
    home page "ru/" -> assets/cards/ru/index.png."""
    stem = page_url.strip("/")
    if home:
        stem = f"{stem}/index".lstrip("/")
    return f"{CARDS}/{stem}.png"


def on_page_context(context, page, config, nav):
    home = is_home_source(page.file.src_uri)
    strings = _state["strings"]
    title = config.site_name if home else (page.title or config.site_name)
    trust = config.extra["trust_line"]
    card = Card(site_name=config.site_name, title=title,
                footer=f"{strings['theme']['site.trust_line']} {trust['display']}")
    try:
        data = card_png(card, _state["cache"], _state["fonts"])
    except CardError as error:
        raise PluginError(f"docs/{page.file.src_uri}: share card: {error}") from None
    # Cards live at the site's root, whichever language's folder this build writes into.
    relative = card_path(page.url, home)
    target = Path(config.site_dir) / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    context["share_card"] = {"url": config.site_url.rstrip("/") + "/" + relative, "width": WIDTH,
                             "height": HEIGHT, "alt": f"{title} · {config.site_name}"}
    return context
