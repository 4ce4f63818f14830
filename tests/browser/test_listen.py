"""Listen: every page of every edition plays its recording, made at build time, in headless
Chromium (which has no speech voice at all): same-origin audio, fetched only when the visitor
presses Listen, as long as the page's text needs, with controls named in the page's language
that work by keyboard, and no accessibility or security-policy fault on the way.
"""

import re

import pytest

from a11y import axe_violations
from browsing import page_url
from first_view import AUDIO, first_view, page_params, press_listen
from siteinfo import BY_CODE, LANGUAGES, require_speech
from sitekit.site import ROOT, load_strings_for
from sitekit.speech.build import published_path
from sitekit.speech.lexicon import load_lexicon

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


def spoken_words(transcript: str, lang) -> int:
    """Words of the page's main text as the visitor sees it (the transcript), numbers and
    abbreviations counted as the words they are said with."""
    said = load_lexicon(ROOT, lang.code).spoken(transcript)
    return len([word for word in said.split() if re.search(r"\w", word)])


@pytest.mark.parametrize(("lang", "page"), page_params())
def test_listen_plays_the_recording_of_the_page(browser, server, built_site, lang, page):
    """On the page's cold first view (first_view.py): nothing is fetched until the visitor
    presses Listen (the network idle first); then the page's own recording plays, from this
    site, with the button saying Pause in the page's language, as long as the text needs."""
    first = first_view(browser, server, built_site, lang, page)
    assert [r.url for r in first.responses if is_audio(r.url, r.resource_type)] == [], \
        "audio fetched before the visitor pressed Listen"
    listened = first.listen
    assert listened is not None, "the page has no Listen player"
    assert listened.group_visible, "the player's group, named in the page's language, is not visible"
    assert listened.failure is None, f"the recording did not start playing: {listened.failure}"
    reading = BY_CODE[lang.generated_from] if lang.generated_from else lang  # Cyrillic: the Uzbek recording
    assert listened.source == server.url + published_path(reading.code, page), listened.source
    audio = [r.url for r in listened.responses if is_audio(r.url, r.resource_type)]
    assert audio and all(url.startswith(server.origin + "/") for url in audio), audio
    assert [f"{r.status} {r.url}" for r in listened.responses if r.status >= 400] == []
    # Playing: the same button now pauses, and says so in the page's language.
    assert listened.pause_visible, "the button does not say Pause in the page's language"

    words = spoken_words(listened.transcript, lang)
    pace = words / (listened.duration / 60)
    assert WORDS_A_MINUTE[0] <= pace <= WORDS_A_MINUTE[1], f"{words} words in {listened.duration:.0f} s: {pace:.0f} a minute"


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
def test_open_player_has_no_axe_violation(kept_tabs, server, built_site, lang, scheme):
    tab = kept_tabs(scheme=scheme)
    tab.goto(page_url(server, built_site, lang, "index.md"))
    press_listen(tab, lang)
    assert axe_violations(tab, f"{lang.code} {scheme}, playing") == []
    tab.evaluate(f"document.querySelector('{AUDIO}').pause()")
    assert axe_violations(tab, f"{lang.code} {scheme}, paused") == []


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
    tab.wait_for_function("() => window.__violations.length > 0")
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
