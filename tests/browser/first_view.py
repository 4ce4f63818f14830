"""One cold first view of each page of each edition on a desktop, shared by the tests that judge
it: test_visitor (no third-party request, no error response; the language switcher; where the
feedback link leads), test_page_weight (bytes on the wire and requests), test_csp (no policy
violation) and test_listen (no audio before Listen; then Listen plays the page's recording).

A visit is a fresh context, the page loaded until the network is idle (500 ms without a
request), with every request, response and policy violation recorded; then the language
switcher is read, the visitor presses Listen and hears the recording start, and, last, follows
the feedback link. Loading and waiting is what costs, not looking: each test asserts its own
requirement on the same record. The tests of one page share an xdist group (``page_params``),
so its visit is made once, on one worker.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from browsing import open_context, page_url
from siteinfo import ARTICLE_INTERFACE, LANGUAGES, PAGES
from sitekit.site import load_strings_for

# Every violation of the Content-Security-Policy, from the first script on.
VIOLATION_RECORDER = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""


def page_params():
    """(lang, page) for every page of every edition, ids ``uz:index.md``; the tests of one page
    keep to one xdist worker (its group), where its shared visits are made once."""
    return [pytest.param(lang, page, id=f"{lang.code}:{page}", marks=pytest.mark.xdist_group(f"page-{lang.code}-{page}"))
            for lang in LANGUAGES for page in PAGES]


@dataclass(frozen=True)
class Response:
    url: str
    status: int
    body_bytes: int  # as sent: compressed when the server compressed it
    content_encoding: str | None
    resource_type: str


@dataclass(frozen=True)
class Listened:
    """What pressing Listen on the first view did."""

    failure: str | None  # why the recording did not start playing, or None
    group_visible: bool = False  # the player's group, named in the page's language
    pause_visible: bool = False  # the button, now Pause in the page's language
    source: str = ""  # the audio element's currentSrc
    duration: float = 0.0  # seconds
    transcript: str = ""  # the article's text without the page's interface (what is read)
    responses: list[Response] = field(default_factory=list)  # everything fetched from the press on


AUDIO = "[data-site-listen] audio"
PLAYING = (f"() => {{ const a = document.querySelector('{AUDIO}');"
           " return a && !a.error && !a.paused && a.currentTime > 0.1; }")
TRANSCRIPT = """interface => {
  const article = document.querySelector("article").cloneNode(true);
  article.querySelectorAll(interface).forEach(element => element.remove());
  return article.innerText;
}"""


@dataclass
class FirstView:
    url: str
    responses: list[Response] = field(default_factory=list)
    third_party: list[str] = field(default_factory=list)  # requests to another host
    errors: list[str] = field(default_factory=list)  # "404 http://…" for each status >= 400
    violations: list[str] = field(default_factory=list)  # the security policy's reports
    switcher: dict = field(default_factory=dict)  # the bar's language switcher (SWITCHER)
    listen: Listened | None = None  # after pressing Listen (None: the page has no Listen)
    feedback: dict = field(default_factory=dict)  # after following the feedback link: url, visible

    @property
    def transferred(self) -> int:
        return sum(response.body_bytes for response in self.responses)

    def listing(self) -> str:
        return "\n".join(f"  {r.body_bytes:>7} {r.status} {r.url}" for r in self.responses)


# The bar's language switcher (on a desktop; the menu drawer has the same one for phones).
SWITCHER = """() => {
  const nav = document.querySelector(".site-bar nav.site-languages");
  return nav && {
    label: nav.getAttribute("aria-label"),
    links: [...nav.querySelectorAll("a")].map(a => ({
      text: a.innerText, lang: a.getAttribute("lang"), hreflang: a.getAttribute("hreflang"),
      current: a.getAttribute("aria-current"), href: a.href,
    })),
  };
}"""

_views: dict[tuple[str, str], FirstView] = {}


def first_view(browser, server, built_site, lang, page) -> FirstView:
    """The page's cold first view on a desktop (made on the first call, then shared)."""
    key = (lang.code, page)
    if key not in _views:
        _views[key] = _visit(browser, server, page_url(server, built_site, lang, page), lang)
    return _views[key]


def _recorded(responses) -> list[Response]:
    return [Response(r.url, r.status, r.request.sizes()["responseBodySize"], r.headers.get("content-encoding"),
                     r.request.resource_type) for r in responses]


def press_listen(tab, lang):
    """Press Listen, as a visitor does, and wait until the recording plays: decoded, and its
    position moving (within 20 s). Returns the button."""
    button = tab.get_by_role("button", name=load_strings_for(lang.code)["theme"]["site.listen"], exact=True)
    button.click()
    tab.wait_for_function(PLAYING, timeout=20_000)
    return button


def _listen(tab, lang, traffic) -> Listened | None:
    """Press Listen (if the page has it) and record what plays. A recording that does not
    start is recorded as such: it fails the Listen test, not the other tests of the visit."""
    from playwright.sync_api import Error

    strings = load_strings_for(lang.code)["theme"]
    if not tab.locator("[data-site-listen]").count():
        return None
    before = len(traffic.responses)
    group = tab.get_by_role("group", name=strings["site.listen.label"], exact=True).is_visible()
    try:
        press_listen(tab, lang)
    except Error as error:
        return Listened(failure=str(error).splitlines()[0], group_visible=group)
    pause = tab.get_by_role("button", name=strings["site.listen.pause"], exact=True).is_visible()
    played = tab.evaluate(f"() => {{ const a = document.querySelector('{AUDIO}'); a.pause();"
                          " return {source: a.currentSrc, duration: a.duration}; }")
    return Listened(failure=None, group_visible=group, pause_visible=pause, source=played["source"],
                    duration=played["duration"], transcript=tab.evaluate(TRANSCRIPT, ARTICLE_INTERFACE),
                    responses=_recorded(traffic.responses[before:]))


def _visit(browser, server, url, lang) -> FirstView:
    context = open_context(browser, server)
    try:
        context.add_init_script(VIOLATION_RECORDER)
        tab = context.new_page()
        tab.goto(url, wait_until="networkidle")
        traffic = context.traffic
        view = FirstView(
            url=url,
            responses=_recorded(traffic.responses),
            third_party=list(traffic.third_party),
            errors=list(traffic.errors),
            violations=tab.evaluate("window.__violations"),
            switcher=tab.evaluate(SWITCHER),
        )
        view.listen = _listen(tab, lang, traffic)
        # Last, as it may leave the page: the feedback link in the bar.
        tab.locator(".site-bar__feedback").click()
        tab.wait_for_load_state()
        view.feedback = {"url": tab.url, "visible": tab.locator("#feedback").is_visible()}
        return view
    finally:
        context.close()
