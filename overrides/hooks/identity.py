"""The site's own mark in the templates (inline SVG beside the site name), its favicons
(SVG, 32 px PNG, 180 px apple-touch-icon, drawn with Pillow from the same geometry) and the
header colours the browser's bar takes (theme-color). Material's default icons are not used."""

from pathlib import Path

from markupsafe import Markup

from sitekit.identity import THEME_COLOURS, mark_png, mark_svg

IMAGES = "assets/images"


def on_env(env, config, files):
    env.globals["site_mark_svg"] = Markup(mark_svg())
    env.globals["theme_colours"] = THEME_COLOURS
    return env


def on_post_build(config):
    images = Path(config.site_dir) / IMAGES
    # Material's own favicon (its default book icon) is referenced nowhere; every language's
    # build copies the theme's files again.
    (images / "favicon.png").unlink(missing_ok=True)
    i18n = config.plugins["i18n"]
    if i18n.current_language != i18n.default_language:
        return  # one set for the whole site, at its root
    images.mkdir(parents=True, exist_ok=True)
    (images / "favicon.svg").write_text(mark_svg() + "\n", encoding="utf-8")
    (images / "favicon-32.png").write_bytes(mark_png(32))
    (images / "apple-touch-icon.png").write_bytes(mark_png(180, background="#ffffff"))
