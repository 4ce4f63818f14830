"""The listen button reads the page aloud with the browser's speechSynthesis, in the page's
language, and can be stopped; without a voice for that language there is no button at all.

speechSynthesis is replaced by a recorder before any page script runs: it reports the voices
we choose and keeps every utterance it is asked to speak.
"""

import pytest

from browsing import page_url
from siteinfo import LANGUAGES, PAGES
from sitekit.site import load_strings_for

STUB = """
(() => {
  const voices = %s;
  window.__spoken = [];
  window.__cancelled = 0;
  const listeners = {};
  const synth = {
    speaking: false,
    getVoices: () => voices.map(lang => ({lang, name: "Test " + lang, default: false, localService: true})),
    speak(utterance) {
      window.__spoken.push({text: utterance.text, lang: utterance.lang, voice: utterance.voice && utterance.voice.lang});
      this.speaking = true;
    },
    cancel() { window.__cancelled += 1; this.speaking = false; },
    pause() {}, resume() {},
    addEventListener(type, fn) { (listeners[type] = listeners[type] || []).push(fn); },
    removeEventListener() {},
  };
  window.__setVoices = (langs) => { voices.splice(0, voices.length, ...langs); (listeners.voiceschanged || []).forEach(fn => fn()); };
  const Utterance = function (text) { this.text = text; this.lang = ""; this.voice = null; window.__lastUtterance = this; };
  Object.defineProperty(window, "speechSynthesis", {value: synth, configurable: true});
  Object.defineProperty(window, "SpeechSynthesisUtterance", {value: Utterance, configurable: true});
})();
"""


def open_with_voices(context, server, built_site, lang, page, voices):
    context.add_init_script(STUB % repr(voices).replace("'", '"'))
    tab = context.new_page()
    tab.goto(page_url(server, built_site, lang, page))
    return tab


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
@pytest.mark.parametrize("page", PAGES)
def test_listen_reads_the_main_text_in_the_page_language(context, server, built_site, lang, page):
    strings = load_strings_for(lang.code)["theme"]
    tab = open_with_voices(context, server, built_site, lang, page, ["de-DE", f"{lang.html_lang}-XX"])
    button = tab.get_by_role("button", name=strings["site.listen"], exact=True)
    assert button.is_visible()
    button.click()
    spoken = tab.evaluate("window.__spoken")
    assert spoken, "nothing was spoken"
    assert {item["lang"] for item in spoken} == {lang.html_lang}
    assert {item["voice"] for item in spoken} == {f"{lang.html_lang}-XX"}
    text = " ".join(item["text"] for item in spoken)
    heading = tab.locator("article h1").inner_text()
    assert text.startswith(heading), "reading starts with the page heading"
    last_paragraph = tab.locator("article p:not(.site-updated)").last.inner_text()
    assert " ".join(last_paragraph.split()) in text, "the whole main text is read"
    # Not the interface: the button's own label, the last-updated line, the header bar.
    blocks = [item["text"] for item in spoken]
    assert strings["site.listen"] not in blocks
    assert not [block for block in blocks if block.startswith(strings["site.updated"])]
    assert tab.locator(".site-bar").inner_text().strip() not in text
    # The same button now stops the reading.
    stop = tab.get_by_role("button", name=strings["site.listen.stop"], exact=True)
    assert stop.get_attribute("aria-pressed") == "true"
    cancelled = tab.evaluate("window.__cancelled")
    stop.click()
    assert tab.evaluate("window.__cancelled") == cancelled + 1
    assert button.inner_text() == strings["site.listen"]
    assert button.get_attribute("aria-pressed") == "false"


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_no_voice_for_the_language_means_no_button(context, server, built_site, lang):
    others = [other.html_lang + "-XX" for other in LANGUAGES if other.html_lang.split("-")[0] != lang.html_lang.split("-")[0]]
    tab = open_with_voices(context, server, built_site, lang, "index.md", others)
    assert tab.locator("[data-site-listen]").count() == 0


def test_button_appears_when_voices_arrive_late(context, server, built_site):
    # Browsers load voices asynchronously, then fire voiceschanged.
    lang = next(lang for lang in LANGUAGES if not lang.default)
    tab = open_with_voices(context, server, built_site, lang, "index.md", [])
    assert tab.locator("[data-site-listen]").count() == 0
    tab.evaluate("lang => window.__setVoices([lang + '-XX'])", lang.html_lang)
    assert tab.locator("[data-site-listen]").count() == 1


def test_reading_ends_by_itself(context, server, built_site):
    lang = LANGUAGES[0]
    strings = load_strings_for(lang.code)["theme"]
    tab = open_with_voices(context, server, built_site, lang, "index.md", [lang.html_lang])
    button = tab.locator("[data-site-listen]")
    button.click()
    assert button.inner_text() == strings["site.listen.stop"]
    tab.evaluate("window.__lastUtterance.onend()")
    assert button.inner_text() == strings["site.listen"]
