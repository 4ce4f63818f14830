"""WCAG 2.2 AA in a real browser: axe-core finds nothing on any page, in either colour scheme,
on a desktop and on a phone, with search and the menu open; the keyboard reaches everything
visible and always shows where it is; pages work without JavaScript, print without their
chrome, and reflow at 320 CSS pixels.

Contexts ask for reduced motion, so each state is checked as it ends, not mid-transition.
"""

import pytest

from a11y import FOCUS_STATE, axe_violations, focus_report, tab_through
from browsing import DESKTOP, PHONE, open_tab, page_url
from siteinfo import LANGUAGES, PAGES, SEARCH_WORD, language_page_params

NARROWEST = {"width": 320, "height": 640}  # WCAG 1.4.10: 1280 px at 400 % zoom
# A word on many pages of each language, so that search shows results.
TRUST_LINE_TEL = "tel:+998706192333"
NOT_IN_NAV = {"accessibility.md"}  # linked from every footer instead


@pytest.fixture
def tabs(browser, server):
    """open_tab, with every context closed after the test."""
    contexts = []

    def opener(**options):
        context, tab = open_tab(browser, server, **options)
        contexts.append(context)
        return tab

    yield opener
    for context in contexts:
        context.close()


# Nothing covers the focused element (WCAG 2.4.11).
FOCUS_UNOBSCURED = f"({FOCUS_STATE})(null).unobscured"


def focus_within(tab, selector) -> bool:
    return tab.evaluate("selector => !!document.activeElement.closest(selector)", selector)


def has_focus(tab, selector) -> bool:
    return tab.evaluate("selector => document.activeElement === document.querySelector(selector)", selector)


def scheme_of(tab) -> str:
    return tab.evaluate("document.documentElement.getAttribute('data-md-color-scheme')")


def switch_scheme(tab, scheme):
    """Switch the colour scheme with the palette button, as a visitor does."""
    if scheme_of(tab) != scheme:
        tab.click("[data-site-palette]")
    assert scheme_of(tab) == scheme


def set_scheme(tab, scheme):
    """Set the colour scheme as the palette button does (when an open panel covers it)."""
    tab.evaluate("scheme => document.documentElement.setAttribute('data-md-color-scheme', scheme)", scheme)


def missing_url(server, lang) -> str:
    return server.url + lang.prefix + "no-such-page/"


def theme_strings(lang):
    from sitekit.site import ROOT
    from sitekit.strings import load_strings

    return load_strings(ROOT, lang.code)["theme"]


def open_search(tab, lang, phone: bool):
    """Open search as a visitor does (the header button on a phone, a click in the field on a
    desktop: focus alone does not open it) and wait until it is ready."""
    if phone:
        tab.click('[data-site-toggle="__search"]')
    else:
        tab.click("[data-site-search-input]")
    assert tab.evaluate("document.getElementById('__search').checked"), "search did not open"
    loading = theme_strings(lang)["site.search.loading"]
    tab.wait_for_function(
        "loading => { const m = document.querySelector('.md-search-result__meta');"
        " return m && m.textContent.trim() && m.textContent !== loading; }",
        arg=loading,
    )


def show_results(tab, lang):
    tab.fill("[data-site-search-input]", SEARCH_WORD[lang.code])
    tab.wait_for_selector(".md-search-result__list li")


# ── 1. axe-core: zero violations ─────────────────────────────────────────────────────


@pytest.mark.parametrize(("lang", "page"), language_page_params())
def test_axe_finds_no_violation(kept_tabs, server, built_site, lang, page):
    """Dark, then light (with the palette button) on a desktop, then light on a phone."""
    tab = kept_tabs(scheme="slate")
    tab.goto(page_url(server, built_site, lang, page))
    found = axe_violations(tab, "desktop, dark")
    switch_scheme(tab, "default")
    found += axe_violations(tab, "desktop, light")
    tab.set_viewport_size(PHONE)
    found += axe_violations(tab, "phone, light")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_axe_finds_no_violation_on_the_not_found_page(kept_tabs, server, lang):
    tab = kept_tabs(scheme="slate")
    response = tab.goto(missing_url(server, lang))
    assert response.status == 404
    found = axe_violations(tab, "404, desktop, dark")
    tab.set_viewport_size(PHONE)
    found += axe_violations(tab, "404, phone, dark")
    set_scheme(tab, "default")
    found += axe_violations(tab, "404, phone, light")
    tab.set_viewport_size(DESKTOP)
    found += axe_violations(tab, "404, desktop, light")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_axe_finds_no_violation_with_search_open(kept_tabs, server, built_site, lang):
    """Opened with its button on a phone: empty, then with results, light and dark; then the
    same search on a desktop (the field in the header, results below it); then a desktop
    visitor clicking into the field."""
    tab = kept_tabs(viewport=PHONE)
    url = page_url(server, built_site, lang, "index.md")
    tab.goto(url)
    open_search(tab, lang, phone=True)
    found = axe_violations(tab, "phone, light, search open")
    show_results(tab, lang)
    found += axe_violations(tab, "phone, light, search results")
    set_scheme(tab, "slate")
    found += axe_violations(tab, "phone, dark, search results")
    tab.set_viewport_size(DESKTOP)
    found += axe_violations(tab, "desktop, dark, search results")
    set_scheme(tab, "default")
    found += axe_violations(tab, "desktop, light, search results")
    tab.goto(url)
    open_search(tab, lang, phone=False)
    found += axe_violations(tab, "desktop, light, search opened in the field")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_axe_finds_no_violation_with_the_menu_open(kept_tabs, server, built_site, lang):
    """The phone menu: pages, then the trust line, feedback and the editions (issue 12)."""
    tab = kept_tabs(viewport=PHONE)
    tab.goto(page_url(server, built_site, lang, "cooperation-lab.md"))
    tab.click('[data-site-toggle="__drawer"]')
    found = axe_violations(tab, "phone, light, menu open")
    set_scheme(tab, "slate")
    found += axe_violations(tab, "phone, dark, menu open")
    assert not found, "\n".join(found)


# ── 2. Keyboard ───────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(("lang", "page"), language_page_params())
def test_keyboard_reaches_everything_and_shows_focus(kept_tabs, server, built_site, lang, page):
    """Desktop in light, then phone in dark (with the menu opened by its button): Tab reaches
    every visible link, button and field, each with a visible focus indicator of at least 3:1
    that nothing covers; the skip link comes first and moves focus to the content; Escape
    closes the menu and gives focus back to its button."""
    tab = kept_tabs(scheme="default")
    url = page_url(server, built_site, lang, page)
    tab.goto(url)
    problems = []

    # Desktop.
    states, unreached = tab_through(tab)
    assert states and states[0]["kind"] == "skip link", f"first focusable: {states[0]['label'] if states else None}"
    kinds = {state["kind"] for state in states}
    expected = ["trust-line bar", "language switcher", "header button", "navigation", "footer"]
    if tab.locator("article a[href]").count():
        expected.append("content")
    for kind in expected:
        assert kind in kinds, f"desktop: Tab never reached the {kind}"
    problems += [f"desktop: not reachable by Tab: {c}" for c in unreached]
    problems += focus_report(tab, states, "desktop, light")

    # The skip link moves focus to the start of the content.
    tab.focus("a.md-skip")
    target = tab.get_attribute("a.md-skip", "href")
    tab.keyboard.press("Enter")
    assert tab.evaluate("location.hash") == target
    assert focus_within(tab, ".md-content"), "the skip link left focus outside the content"
    tab.keyboard.press("Tab")
    assert focus_within(tab, ".md-content, .md-footer"), "Tab after the skip link left the content"

    # Phone, dark: the page, then the menu.
    switch_scheme(tab, "slate")
    tab.set_viewport_size(PHONE)
    tab.goto(url)
    states, unreached = tab_through(tab)
    assert states[0]["kind"] == "skip link"
    problems += [f"phone: not reachable by Tab: {c}" for c in unreached]
    problems += focus_report(tab, states, "phone, dark")
    assert "navigation" not in {s["kind"] for s in states}, "the closed menu takes focus"
    # Backwards, each element scrolls into view at the top: not under the sticky header.
    tab.focus(".site-footer__link")
    states, _ = tab_through(tab, key="Shift+Tab")
    hidden = [s["label"] for s in states if not s["unobscured"]]
    problems += [f"phone, Shift+Tab: {label}: not in sight, off screen or covered (WCAG 2.4.11)" for label in hidden]

    menu = '[data-site-toggle="__drawer"]'
    tab.focus(menu)
    tab.keyboard.press("Enter")
    assert tab.get_attribute(menu, "aria-expanded") == "true"
    assert focus_within(tab, ".md-sidebar--primary"), "opening the menu left focus outside it"
    nav_links = tab.evaluate(
        "() => [...document.querySelectorAll('.md-sidebar--primary a.md-nav__link[href]')]"
        ".filter(a => a.checkVisibility({visibilityProperty: true})).map(a => a.href)"
    )
    # Every other page (the current one is the toggle of its contents).
    others = {page_url(server, built_site, lang, p) for p in PAGES if p not in NOT_IN_NAV and p != page}
    assert others <= set(nav_links), f"the open menu lacks links: {others - set(nav_links)}"
    states, unreached = tab_through(tab, within=".md-sidebar--primary")
    problems += [f"phone menu: not reachable by Tab: {c}" for c in unreached]
    problems += focus_report(tab, states, "phone menu")
    # Tab out of the menu closes it (nothing focused hides behind it).
    assert tab.get_attribute(menu, "aria-expanded") == "false", "focus left the menu, but it stayed open"

    tab.focus(menu)
    tab.keyboard.press("Enter")
    tab.keyboard.press("Tab")
    tab.keyboard.press("Escape")
    assert not tab.evaluate("document.getElementById('__drawer').checked"), "Escape did not close the menu"
    assert tab.get_attribute(menu, "aria-expanded") == "false"
    assert has_focus(tab, menu), "Escape did not return focus to the menu button"
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_the_phone_menu_does_not_repeat_the_pages_headings(kept_tabs, server, built_site, lang):
    """Short pages stay simple (issue 12): the open menu links every page, the current one
    as a plain link, and none of the page's own headings."""
    tab = kept_tabs(viewport=PHONE)
    tab.goto(page_url(server, built_site, lang, "cooperation-lab.md"))
    tab.click('[data-site-toggle="__drawer"]')
    shown = tab.evaluate(
        "() => [...document.querySelectorAll('.md-sidebar--primary a[href], .md-sidebar--primary label')]"
        ".filter(e => e.checkVisibility({visibilityProperty: true})).map(e => e.getAttribute('href') || 'label')"
    )
    assert not [href for href in shown if href.startswith("#") or href == "label"], shown
    assert "./" in shown, "the current page is not in the menu"


# ── 3. Without JavaScript ─────────────────────────────────────────────────────────────


NO_JS_STATE = """() => {
  const shown = el => !!el && el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  const h1 = document.querySelector("article h1");
  return {
    noJs: document.documentElement.classList.contains("no-js"),
    heading: shown(h1) ? h1.innerText.trim() : null,
    text: (document.querySelector("article") || { innerText: "" }).innerText.length,
    jsOnlyShown: [...document.querySelectorAll(".site-js")].filter(shown).map(e => e.outerHTML.slice(0, 80)),
    trustLine: [...document.querySelectorAll(".site-bar a")].filter(shown).map(a => a.getAttribute("href")),
    switcher: [...document.querySelectorAll(".site-languages a")].filter(shown).map(a => a.href),
    nav: [...document.querySelectorAll(".md-sidebar--primary a.md-nav__link[href]")].filter(shown).map(a => a.href),
  };
}"""


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_every_page_works_without_javascript(no_js_context, server, built_site, lang):
    """Page after page, each reached through the navigation (the last through the footer):
    heading, content, navigation, trust line and language switcher are there and lead where
    they should; controls that need JavaScript are not shown."""
    tab = no_js_context.new_page()
    in_nav = [page for page in PAGES if page not in NOT_IN_NAV]
    tab.goto(page_url(server, built_site, lang, in_nav[0]))
    route = in_nav + sorted(NOT_IN_NAV)
    for page, following in zip(route, route[1:] + [None]):
        url = page_url(server, built_site, lang, page)
        assert tab.url == url
        state = tab.evaluate(NO_JS_STATE)
        assert state["noJs"], f"{page}: the page runs as if it had JavaScript"
        assert state["heading"], f"{page}: no visible heading"
        assert state["text"] > 200, f"{page}: the content is missing"
        assert state["jsOnlyShown"] == [], f"{page}: controls that need JavaScript are shown"
        assert TRUST_LINE_TEL in state["trustLine"], f"{page}: no trust line: {state['trustLine']}"
        assert any(href.endswith("#feedback") for href in state["trustLine"]), f"{page}: no feedback link"
        assert state["switcher"] == [page_url(server, built_site, other, page) for other in LANGUAGES]
        missing = {page_url(server, built_site, lang, p) for p in in_nav} - set(state["nav"])
        assert not missing, f"{page}: navigation links missing: {missing}"
        if following in in_nav:
            destination = page_url(server, built_site, lang, following)
            nav = tab.locator(".md-sidebar--primary a.md-nav__link[href]:visible")
            nav.nth(state["nav"].index(destination)).click()
            tab.wait_for_url(destination)
        elif following:
            tab.locator(".site-footer__link").click()
            tab.wait_for_url(page_url(server, built_site, lang, following))

    # The switcher leads to the same page in the next language.
    other = LANGUAGES[(LANGUAGES.index(lang) + 1) % len(LANGUAGES)]
    tab.locator(f'.site-languages a[hreflang="{other.html_lang}"]:visible').click()
    tab.wait_for_url(page_url(server, built_site, other, route[-1]))
    assert tab.get_attribute("html", "lang") == other.html_lang


def test_phone_menu_without_javascript_opens_for_the_keyboard(tabs, server, built_site):
    """Without JavaScript the menu button cannot work for the keyboard; the menu slides in
    while focus is inside it instead, so every focused link is on screen and uncovered."""
    tab = tabs(viewport=PHONE, java_script_enabled=False)
    tab.goto(page_url(server, built_site, LANGUAGES[0], "index.md"))
    states, _ = tab_through(tab)
    in_menu = [s for s in states if s["kind"] == "navigation"]
    assert len(in_menu) >= len(PAGES) - len(NOT_IN_NAV), "Tab does not reach the menu's links"
    problems = focus_report(tab, states, "phone, no JavaScript")
    assert not problems, "\n".join(problems)


def test_not_found_page_without_javascript_speaks_every_language(no_js_context, server):
    tab = no_js_context.new_page()
    response = tab.goto(server.url + "ru/no-such-page/")
    assert response.status == 404
    for lang in LANGUAGES:
        section = tab.locator(f'.site-not-found[lang="{lang.html_lang}"]')
        assert section.locator("h1").is_visible()
        assert section.locator("h1").inner_text() == theme_strings(lang)["site.not_found.title"]


# ── 4. Print ──────────────────────────────────────────────────────────────────────────

PRINT_HIDDEN = [".site-bar", ".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search", ".md-footer"]


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_print_shows_the_article_and_where_its_links_lead(tabs, server, built_site, lang):
    tab = tabs()
    tab.emulate_media(media="print")
    kinds = set()
    for page in ("index.md", "contacts.md"):
        tab.goto(page_url(server, built_site, lang, page))
        for selector in PRINT_HIDDEN:
            assert not tab.locator(selector).first.is_visible(), f"{page}: {selector} is printed"
        assert tab.locator("article").is_visible()
        links = tab.evaluate(
            "() => [...document.querySelectorAll('article a[href]')]"
            ".filter(a => !a.getAttribute('href').startsWith('#'))"
            ".map(a => [a.getAttribute('href'), a.href, getComputedStyle(a, '::after').content])"
        )
        for href, absolute, after in links:
            if href.startswith("mailto:"):
                # The address only: no "mailto:", no percent-encoded subject (issue 12).
                kinds.add("mailto")
                address = href[len("mailto:"):].split("?")[0]
                assert "mailto:" not in after and "%" not in after and "?" not in after, f"{page}: {href} prints as {after}"
                text = tab.evaluate("h => document.querySelector(`article a[href='${h}']`).textContent.trim()", href)
                assert address in after or text == address, f"{page}: {href} prints as {after}"
            elif href.startswith("tel:"):
                kinds.add("tel")
                assert href in after, f"{page}: {href} prints as {after}"
            else:
                kinds.add("page")
                assert absolute in after, f"{page}: link to {href} prints as {after}, not {absolute}"
    assert kinds >= {"page", "tel", "mailto"}, f"only these kinds of links were checked: {kinds}"


# ── 5. Reflow ─────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_every_page_reflows_at_320_px(tabs, server, built_site, lang):
    tab = tabs(viewport=NARROWEST)
    wide = {}
    for page in PAGES:
        tab.goto(page_url(server, built_site, lang, page))
        width = tab.evaluate("document.documentElement.scrollWidth")
        if width > NARROWEST["width"]:
            wide[page] = width
    assert not wide, f"pages that scroll sideways at 320 px: {wide}"
