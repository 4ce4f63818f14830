"""The colour scheme is set before the first frame is painted: dark mode never flashes light.

The scheme comes from assets/javascripts/palette.js, a blocking script in <head> (the policy
allows no inline script). What the first frame shows is read in the first
requestAnimationFrame callback, which the browser runs just before it paints a frame; the
network is slowed so that the script arrives late if it can.
"""

import pytest

from browsing import page_url
from siteinfo import LANGUAGES

FIRST_FRAME = """
requestAnimationFrame(() => {
  window.__firstFrame = {
    scheme: document.documentElement.getAttribute("data-md-color-scheme"),
    js: document.documentElement.classList.contains("js"),
    background: document.body ? getComputedStyle(document.body).backgroundColor : null,
  };
});
"""


def lightness(colour: str) -> float:
    red, green, blue = (float(part) for part in colour[colour.index("(") + 1:-1].split(",")[:3])
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255


@pytest.mark.parametrize(("system", "stored", "expected"), [
    ("dark", None, "slate"),
    ("light", None, "default"),
    ("light", "slate", "slate"),
    ("dark", "default", "default"),
])
def test_first_frame_has_the_visitors_scheme(browser, server, built_site, system, stored, expected):
    context = browser.new_context(color_scheme=system)
    try:
        if stored:
            context.add_init_script(f"localStorage.setItem('site.palette', '{stored}')")
        context.add_init_script(FIRST_FRAME)
        tab = context.new_page()
        session = context.new_cdp_session(tab)
        session.send("Network.enable")
        session.send("Network.emulateNetworkConditions", {  # Lighthouse's mobile network
            "offline": False, "latency": 150, "downloadThroughput": 1638.4 * 1024 / 8,
            "uploadThroughput": 750 * 1024 / 8})
        tab.goto(page_url(server, built_site, LANGUAGES[0], "index.md"), wait_until="load")
        frame = tab.evaluate("window.__firstFrame")
        assert frame["scheme"] == expected and frame["js"], frame
        assert frame["background"], "the first frame came before <body>"
        assert (lightness(frame["background"]) < 0.5) == (expected == "slate"), frame
    finally:
        context.close()
