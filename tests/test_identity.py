"""The site's identity and share cards in the built pages (issue 12): its own favicons,
theme-color per palette, an og:image on every page that is the card drawn from the site
name and that page's title in its language, the home page titled with the site name, and
the home page's figure blocks and buttons written in Markdown."""

import io
from urllib.parse import unquote, urlsplit

import pytest
from PIL import Image

from siteinfo import EDITED, LANGUAGES, language_page_params
from sitekit import site
from sitekit.identity import THEME_COLOURS
from sitekit.share_cards import HEIGHT, WIDTH, Card, CardError, draw, find_fonts, missing_glyphs

SITE_URL = site.load_site_config().site_url
TRUST = site.load_site_config().extra["trust_line"]["display"]


def head(built_site, lang, page):
    return built_site.soup(built_site.page_path(lang, page)).head


def meta(tag_head, **attrs):
    found = tag_head.find("meta", attrs=attrs)
    return found["content"] if found else None


def test_favicons_are_the_sites_own(built_site):
    images = built_site.root / "assets" / "images"
    for name, size in (("favicon-32.png", 32), ("apple-touch-icon.png", 180)):
        with Image.open(images / name) as icon:
            assert icon.format == "PNG" and icon.size == (size, size), name
    assert "<svg" in (images / "favicon.svg").read_text(encoding="utf-8")
    assert not (images / "favicon.png").exists(), "Material's default favicon is still published"


@pytest.mark.parametrize(("lang", "page"), language_page_params())
def test_icons_theme_colour_and_share_card(built_site, lang, page):
    tags = head(built_site, lang, page)
    icons = {link["href"].rsplit("/", 1)[-1] for link in tags.find_all("link", rel=["icon", "apple-touch-icon"])}
    assert icons == {"favicon.svg", "favicon-32.png", "apple-touch-icon.png"}
    colours = {m["media"]: m["content"] for m in tags.find_all("meta", attrs={"name": "theme-color"})}
    assert colours == {"(prefers-color-scheme: light)": THEME_COLOURS["light"],
                       "(prefers-color-scheme: dark)": THEME_COLOURS["dark"]}
    assert meta(tags, name="twitter:card") == "summary_large_image"
    image = meta(tags, property="og:image")
    assert image and image.startswith(SITE_URL + "assets/cards/"), image
    assert (meta(tags, property="og:image:width"), meta(tags, property="og:image:height")) == (str(WIDTH), str(HEIGHT))


def card_of(built_site, lang, page) -> bytes:
    image = meta(head(built_site, lang, page), property="og:image")
    return (built_site.root / unquote(urlsplit(image).path[len(urlsplit(SITE_URL).path):])).read_bytes()


@pytest.mark.parametrize(("lang", "page"), language_page_params())
def test_share_card_shows_the_site_name_and_the_page_title_in_its_language(built_site, lang, page):
    """The published card is, byte for byte, the card drawn from this page's own title and
    site name in its language and script (and the trust line): 1200×630 PNG."""
    strings = site.load_strings_for(lang.code)
    data = card_of(built_site, lang, page)
    with Image.open(io.BytesIO(data)) as card:
        assert card.format == "PNG" and card.size == (WIDTH, HEIGHT)
    tags = head(built_site, lang, page)
    title = meta(tags, property="og:title")
    assert meta(tags, property="og:site_name") == strings["site_name"]
    expected = Card(strings["site_name"], title, f"{strings['theme']['site.trust_line']} {TRUST}")
    assert data == draw(expected, find_fonts()), f"the card of {lang.code}:{page} is not «{title}»"


def test_each_edition_has_its_own_cards(built_site):
    for page in ("index.md", "joining.md"):
        cards = {card_of(built_site, lang, page) for lang in LANGUAGES}
        assert len(cards) == len(LANGUAGES), f"{page}: editions share a card"


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_home_page_is_titled_with_the_site_name(built_site, lang):
    name = site.load_strings_for(lang.code)["site_name"]
    tags = head(built_site, lang, "index.md")
    assert tags.title.string == name
    assert meta(tags, property="og:title") == name
    joining = head(built_site, lang, "joining.md")
    assert joining.title.string.endswith(" · " + name)


def test_a_missing_font_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("SITE_CARD_FONT", str(tmp_path / "none.ttf"))
    with pytest.raises(CardError, match="apt-get install fonts-dejavu-core"):
        find_fonts()


def test_a_font_without_cyrillic_is_refused(monkeypatch):
    latin_only = "/usr/share/fonts/truetype/noto/NotoKufiArabic-Regular.ttf"
    from pathlib import Path

    if not Path(latin_only).is_file():
        pytest.skip(f"{latin_only} not installed (Debian fonts-noto-core)")
    assert missing_glyphs(Path(latin_only), "Яʻ")
    monkeypatch.setenv("SITE_CARD_FONT", latin_only)
    with pytest.raises(CardError, match="no glyph for"):
        find_fonts()


@pytest.mark.parametrize("lang", EDITED, ids=lambda lang: lang.code)
def test_home_page_figures_and_buttons_are_markdown(lang):
    """Editors change them in docs/<lang>/index.md: a list in <div class="site-figures">
    and links with { .md-button } in <div class="site-actions">."""
    text = (site.docs_dir() / lang.code / "index.md").read_text(encoding="utf-8")
    assert '<div class="site-figures" markdown>' in text
    assert '<div class="site-actions" markdown>' in text
    assert "(joining.md){ .md-button .md-button--primary }" in text
    assert "(tel:+998706192333){ .md-button }" in text
    assert "(mailto:info@agmk.uz?subject=" in text
