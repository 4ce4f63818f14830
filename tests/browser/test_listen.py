"""Listen: every page of every edition plays its recording, made at build time, in headless
Chromium (which has no speech voice at all): same-origin audio, fetched only when the visitor
presses Listen, as long as the page's text needs, with controls named in the page's language
that work by keyboard, and no accessibility or security-policy fault on the way.
"""

import re

import pytest

from a11y import axe_violations
from browsing import open_context, page_url
from first_view import first_view, page_params
from siteinfo import ARTICLE_INTERFACE, BY_CODE, LANGUAGES, require_speech
from sitekit.site import ROOT, load_strings_for
from sitekit.speech.build import published_path
from sitekit.speech.lexicon import load_lexicon

AUDIO = "[data-site-listen] audio"
# A person reads aloud at about 100-160 words a minute (fewer in Uzbek, whose words are long);
# numbers count as the words they are said with ("619-23-33": five), as the lexicon says them.
WORDS_A_MINUTE = (80, 260)


@pytest.fixture(autouse=True)
def recordings(built_site):
    require_speech()
    assert (built_site.root / "speech").is_dir(), "the build made no recordings"


def theme(lang):
    return load_strings_for(lang.code)["theme"]


def is_audio(url: str, resource_type: str) -> bool:
    return resource_type == "media" or url.endswith(".opus")


def audio_requests(context) -> list[str]:
    return [r.url for r in context.traffic.responses if is_audio(r.url, r.request.resource_type)]


def page_words(tab, lang) -> int:
    """Words of the page's main text as the visitor sees it (the transcript), numbers and
    abbreviations counted as the words they are said with."""
    text = tab.evaluate("""interface => {
        const article = document.querySelector("article").cloneNode(true);
        article.querySelectorAll(interface).forEach(element => element.remove());
        return article.innerText;
    }""", ARTICLE_INTERFACE)
    said = load_lexicon(ROOT, lang.code).spoken(text)
    return len([word for word in said.split() if re.search(r"\w", word)])


def press_listen(tab, lang):
    """Press Listen and wait until the recording plays: decoded, and its position moving."""
    button = tab.get_by_role("button", name=theme(lang)["site.listen"], exact=True)
    button.click()
    tab.wait_for_function(f"() => {{ const a = document.querySelector('{AUDIO}');"
                          " return a && !a.error && !a.paused && a.currentTime > 0.1; }", timeout=20_000)
    return button


@pytest.mark.parametrize(("lang", "page"), page_params())
def test_listen_plays_the_recording_of_the_page(browser, context, server, built_site, lang, page):
    strings = theme(lang)
    # Nothing is fetched until the visitor presses Listen: the page's cold first view, until
    # the network is idle, asked for no audio (first_view.py).
    first = first_view(browser, server, built_site, lang, page)
    assert [r.url for r in first.responses if is_audio(r.url, r.resource_type)] == [], \
        "audio fetched before the visitor pressed Listen"
    tab = context.new_page()
    tab.goto(page_url(server, built_site, lang, page))
    assert audio_requests(context) == [], "audio fetched before the visitor pressed Listen"
    group = tab.get_by_role("group", name=strings["site.listen.label"], exact=True)
    assert group.is_visible()

    press_listen(tab, lang)
    audio = tab.locator(AUDIO)
    source = audio.evaluate("a => a.currentSrc")
    reading = BY_CODE[lang.generated_from] if lang.generated_from else lang  # Cyrillic: the Uzbek recording
    assert source == server.url + published_path(reading.code, page), source
    assert all(url.startswith(server.origin + "/") for url in audio_requests(context))
    assert not context.traffic.errors, context.traffic.errors
    # Playing: the same button now pauses, and says so in the page's language.
    assert tab.get_by_role("button", name=strings["site.listen.pause"], exact=True).is_visible()

    seconds = audio.evaluate("a => a.duration")
    words = page_words(tab, lang)
    pace = words / (seconds / 60)
    assert WORDS_A_MINUTE[0] <= pace <= WORDS_A_MINUTE[1], f"{words} words in {seconds:.0f} s: {pace:.0f} a minute"


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_player_works_by_keyboard(context, server, built_site, lang):
    strings = theme(lang)
    tab = context.new_page()
    tab.goto(page_url(server, built_site, lang, "index.md"))
    button = tab.get_by_role("button", name=strings["site.listen"], exact=True)
    button.focus()
    tab.keyboard.press("Enter")
    tab.wait_for_function(f"() => document.querySelector('{AUDIO}')?.currentTime > 0.3")
    pause = tab.get_by_role("button", name=strings["site.listen.pause"], exact=True)
    tab.keyboard.press(" ")
    tab.wait_for_function(f"() => document.querySelector('{AUDIO}').paused")
    assert button.inner_text().strip() == strings["site.listen"] and not pause.count()

    # The position: a slider named in the page's language; arrow keys move through the recording.
    slider = tab.get_by_role("slider", name=strings["site.listen.position"], exact=True)
    before = tab.evaluate(f"document.querySelector('{AUDIO}').currentTime")
    slider.focus()
    for _ in range(5):
        tab.keyboard.press("ArrowRight")
    after = tab.evaluate(f"document.querySelector('{AUDIO}').currentTime")
    assert after >= before + 4, (before, after)
    text = slider.get_attribute("aria-valuetext")
    assert re.fullmatch(strings["site.listen.progress"].replace("{position}", r"\d+:\d\d").replace("{duration}", r"\d+:\d\d"), text), text

    # The speed: a choice named in the page's language.
    tab.keyboard.press("Tab")
    speed = tab.get_by_role("combobox", name=strings["site.listen.speed"])
    assert tab.evaluate("document.activeElement.matches('[data-site-listen-speed]')"), "Tab goes from position to speed"
    speed.select_option("1.5")
    assert tab.evaluate(f"document.querySelector('{AUDIO}').playbackRate") == 1.5
    tab.keyboard.press("Shift+Tab")  # back to the slider, then the button: all reachable
    tab.keyboard.press("Shift+Tab")
    assert tab.evaluate("document.activeElement.matches('[data-site-listen-play]')")
    tab.keyboard.press("Enter")
    tab.wait_for_function(f"() => !document.querySelector('{AUDIO}').paused")
    assert tab.evaluate(f"document.querySelector('{AUDIO}').playbackRate") == 1.5


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_open_player_has_no_axe_violation(browser, server, built_site, lang, scheme):
    context = open_context(browser, server, reduced_motion="reduce")
    context.add_init_script(f"try {{ localStorage.setItem('site.palette', '{scheme}') }} catch (e) {{}}")
    try:
        tab = context.new_page()
        tab.goto(page_url(server, built_site, lang, "index.md"))
        press_listen(tab, lang)
        assert axe_violations(tab, f"{lang.code} {scheme}, playing") == []
        tab.evaluate(f"document.querySelector('{AUDIO}').pause()")
        assert axe_violations(tab, f"{lang.code} {scheme}, paused") == []
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_a_browser_without_ogg_opus_is_told_so(context, server, built_site, lang):
    """Safari before 18.4 plays no Ogg Opus: the player says so in the page's language, and
    fetches nothing."""
    context.add_init_script("HTMLMediaElement.prototype.canPlayType = () => '';")
    tab = context.new_page()
    tab.goto(page_url(server, built_site, lang, "contacts.md"), wait_until="networkidle")
    tab.get_by_role("button", name=theme(lang)["site.listen"], exact=True).click()
    assert tab.locator("[data-site-listen]").get_by_role("status").inner_text() == theme(lang)["site.listen.error"]
    assert audio_requests(context) == []


def test_playing_raises_no_policy_violation_and_other_sites_audio_is_blocked(context, server, built_site):
    context.add_init_script("""
        window.__violations = [];
        document.addEventListener("securitypolicyviolation", e => window.__violations.push(e.effectiveDirective));
    """)
    tab = context.new_page()
    tab.goto(page_url(server, built_site, LANGUAGES[0], "index.md"))
    policy = tab.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert "media-src 'self'" in policy and "'unsafe-inline'" not in policy
    press_listen(tab, LANGUAGES[0])
    assert tab.evaluate("window.__violations") == []
    tab.evaluate("() => { const a = new Audio('https://example.org/speech.opus'); a.play().catch(() => {}); }")
    tab.wait_for_function("window.__violations.length > 0")
    assert tab.evaluate("window.__violations") == ["media-src"]


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_without_javascript_listen_is_a_link_to_the_recording(no_js_context, server, built_site, lang):
    tab = no_js_context.new_page()
    tab.goto(page_url(server, built_site, lang, "joining.md"), wait_until="networkidle")
    link = tab.get_by_role("link", name=theme(lang)["site.listen"], exact=True)
    assert link.is_visible()
    reading = BY_CODE[lang.generated_from] if lang.generated_from else lang
    assert link.evaluate("a => a.href") == server.url + published_path(reading.code, "joining.md")
    assert tab.get_by_role("button", name=theme(lang)["site.listen"]).count() == 0
    assert audio_requests(no_js_context) == []
