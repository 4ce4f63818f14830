"""Pictures in the browser, on the fixture photo site (tests/loop_site.py: a page with a
generated 3000×2000, 5 MB photograph under its title, again further down, and a link to it):

- the first view stays within the page-weight budget, measured as test_page_weight.py
  measures it (compressed bytes on the wire until the network is idle), on a desktop and on a
  phone, in every edition;
- the browser takes the variant that fits: the smallest at least as wide as the picture is
  shown, at the screen's density.
"""

from urllib.parse import urlsplit

import pytest

from browsing import open_context
from sitekit.pages_server import PagesServer
from sitekit.site import load_site_config
from test_page_weight import FIRST_VIEW_BYTES, FIRST_VIEW_REQUESTS

EDITIONS = {"uz": "", "uz-cyrl": "uz-cyrl/", "ru": "ru/", "en": "en/"}
DEVICES = {
    "desktop": {"viewport": {"width": 1280, "height": 720}},
    "phone": {"viewport": {"width": 360, "height": 800}, "is_mobile": True, "has_touch": True},
}


@pytest.fixture(scope="module")
def photo_server(photo_site):
    root, site = photo_site
    load_site_config.cache_clear()
    base_path = urlsplit(load_site_config(str(root / "mkdocs.yml")).site_url).path
    load_site_config.cache_clear()
    with PagesServer(site, base_path) as running:
        yield running


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("edition", EDITIONS)
def test_first_view_with_a_5_mb_photo_within_budget(browser, photo_server, edition, device):
    context = open_context(browser, photo_server, **DEVICES[device])
    try:
        tab = context.new_page()
        tab.goto(photo_server.url + EDITIONS[edition] + "photo/", wait_until="networkidle")
        responses = context.traffic.responses
        transferred = sum(response.request.sizes()["responseBodySize"] for response in responses)
        listing = "\n".join(f"  {r.request.sizes()['responseBodySize']:>7} {r.status} {r.url}" for r in responses)
        pictures = [r.url for r in responses if "/assets/images/photo" in r.url]
        assert len(pictures) == 1 and pictures[0].endswith(".webp"), f"one variant, not the original:\n{listing}"
        assert transferred <= FIRST_VIEW_BYTES, f"{transferred} bytes on the wire:\n{listing}"
        assert len(responses) <= FIRST_VIEW_REQUESTS, f"{len(responses)} requests:\n{listing}"
        assert not context.traffic.errors, context.traffic.errors
    finally:
        context.close()


SCREENS = {
    "phone 1x": ({"width": 360, "height": 800}, 1),
    "phone 2x": ({"width": 360, "height": 800}, 2),
    "phone 3x": ({"width": 412, "height": 915}, 3),
    "tablet": ({"width": 768, "height": 1024}, 2),
    "laptop": ({"width": 1280, "height": 720}, 1),
    "desktop 2x": ({"width": 1440, "height": 900}, 2),
    "wide": ({"width": 1920, "height": 1080}, 1),
}


@pytest.mark.parametrize(("viewport", "density"), SCREENS.values(), ids=SCREENS)
def test_the_browser_takes_the_variant_that_fits(browser, photo_server, viewport, density):
    context = browser.new_context(viewport=viewport, device_scale_factor=density)
    try:
        tab = context.new_page()
        tab.goto(photo_server.url + "en/photo/", wait_until="networkidle")
        shown = tab.evaluate("""() => {
            const img = document.querySelector('article img');
            return {width: img.getBoundingClientRect().width, src: img.currentSrc,
                    candidates: img.srcset.split(', ').map(c => [c.split(' ')[0], parseInt(c.split(' ')[1])])};
        }""")
        widths = sorted(w for _url, w in shown["candidates"])
        needed = shown["width"] * density
        fitting = next((w for w in widths if w >= needed - 1), widths[-1])
        chosen = next(w for url, w in shown["candidates"] if shown["src"].endswith(url.split("/")[-1]))
        assert chosen == fitting, f"shown {shown['width']:.0f} px wide at {density}x: took {chosen}w, best {fitting}w"
        assert shown["width"] <= viewport["width"], "the picture fits the screen"
    finally:
        context.close()
