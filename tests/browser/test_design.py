"""The visitor design (issue 12), on every page of every edition, on a 360×800 phone and a
1366×900 desktop, light and dark: a header that leaves the first screen to the page, a site
name never cut, the trust line one tap away at any scroll position, the menu carrying the
trust line, feedback and the editions, no truncation or sideways scrolling at 320 px and at
200 % text, the H1 the strongest heading, and dark text on white on paper."""

from __future__ import annotations

import pytest

from a11y import backdrop, colours_in, contrast, over
from browsing import open_context, page_url
from first_view import page_params
from siteinfo import LANGUAGES, PAGES
from sitekit.site import load_strings_for

PHONE = {"width": 360, "height": 800}
DESKTOP = {"width": 1366, "height": 900}
NARROWEST = {"width": 320, "height": 640}
SCHEMES = ("default", "slate")
TEL = "tel:+998706192333"
HEADER_BUDGET = 120  # CSS px above the H1 on a phone (issue 12: "at most about 120")
H1_BUDGET = 160  # the H1 starts within this on a phone
PRINT_CONTRAST = 7.0

# Whatever is cut with an ellipsis (its content wider than its box), anywhere on the page.
CUT_WITH_ELLIPSIS = """() => [...document.querySelectorAll("body *")].filter(el => {
  const style = getComputedStyle(el);
  return style.textOverflow === "ellipsis" && el.checkVisibility() && el.scrollWidth > el.clientWidth + 1;
}).map(el => `<${el.tagName.toLowerCase()} class="${el.className}"> "${el.textContent.trim().slice(0, 40)}"`)"""

LAYOUT = """() => {
  const box = el => { const r = el.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height}; };
  const shown = el => !!el && el.checkVisibility({visibilityProperty: true});
  const h1 = document.querySelector("article h1");
  const name = [...document.querySelectorAll(".site-header .site-brand__name")].find(shown);
  const call = [...document.querySelectorAll('.site-header a[href="TEL"]')].find(shown);
  const hit = el => { const r = el.getBoundingClientRect(); const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2); return !!at && (at === el || el.contains(at)); };
  return {
    header: box(document.querySelector(".md-header")),
    h1: h1 && box(h1),
    name: name ? {...box(name), text: name.textContent.trim(), scroll: name.scrollWidth, client: name.clientWidth} : null,
    call: call ? {...box(call), hit: hit(call)} : null,
    scrollWidth: document.documentElement.scrollWidth,
  };
}""".replace("TEL", TEL)


# Session scope, not module: a page's tests from several modules share one xdist group
# (first_view.page_params), so a worker moves between modules at every page and a module
# fixture would be torn down and made again each time (31 times in a run, BENCHMARKS.md).
@pytest.fixture(scope="session")
def contexts(browser, server):
    """One context per (device, scheme), shared by this module's tests; a tab per check."""
    made = {}
    for device, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        for scheme in SCHEMES:
            options = {"is_mobile": True, "has_touch": True} if device == "phone" else {}
            context = open_context(browser, server, viewport=viewport, reduced_motion="reduce", **options)
            context.add_init_script(f"try {{ localStorage.setItem('site.palette', '{scheme}') }} catch (e) {{}}")
            made[device, scheme] = context
    yield made
    for context in made.values():
        context.close()


def site_name(lang) -> str:
    return load_strings_for(lang.code)["site_name"]


def theme(lang) -> dict:
    return load_strings_for(lang.code)["theme"]


HEADINGS = """() => [...document.querySelectorAll("article h1, article h2, article h3")].map(h => {
  const layers = [];
  for (let node = h; node; node = node.parentElement) layers.push(getComputedStyle(node).backgroundColor);
  const style = getComputedStyle(h);
  return {tag: h.tagName, size: parseFloat(style.fontSize), weight: parseInt(style.fontWeight), color: style.color, layers};
})"""


def heading_contrast(heading) -> float:
    behind = backdrop(heading["layers"])
    return contrast(over(colours_in(heading["color"])[0], behind), behind)


# One visit per page, device and scheme, shared by the three tests below (each asserts its
# own requirement on what the visit measured): loading a page is what costs, not looking.
# The visits of a page stay on one xdist worker (its group: first_view.page_params), so they are made once.
_visits: dict = {}


def visit(contexts, server, built_site, lang, page) -> dict:
    """What each (device, scheme) shows of a page: its layout, what is cut, its headings;
    on the phone also the page scrolled to its end with the menu opened there."""
    key = (lang.code, page)
    if key not in _visits:
        _visits[key] = {where: _look(context, where, server, built_site, lang, page) for where, context in contexts.items()}
    return _visits[key]


# What a look reads of a page, in one call.
SEEN = f"() => ({{layout: ({LAYOUT})(), cut: ({CUT_WITH_ELLIPSIS})(), headings: ({HEADINGS})()}})"
# One tab per (device, scheme), kept for every look: a page loaded into a tab that has shown
# the site costs half of a new tab's first load, and each look starts with its own load.
_look_tabs: dict = {}


def _look(context, where, server, built_site, lang, page) -> dict:
    device, _scheme = where
    if _look_tabs.get(where) is None or _look_tabs[where].is_closed():
        _look_tabs[where] = context.new_page()
    tab = _look_tabs[where]
    tab.goto(page_url(server, built_site, lang, page))
    seen = tab.evaluate(SEEN)
    if device == "phone":
        seen["bottom"] = _at_the_bottom(tab, lang)
    return seen


# In the open menu, for each wanted link: how many there are and, the only one scrolled into
# view (within the menu), whether it is on screen and nothing covers it. One call, not a
# round trip per link and question.
MENU_LINKS = """wanted => {
  const drawer = document.querySelector(".md-sidebar--primary .site-drawer__extras");
  const links = {};
  for (const [label, selector] of wanted) {
    const found = drawer ? drawer.querySelectorAll(selector) : [];
    links[label] = {count: found.length};
    if (found.length === 1) {
      const el = found[0];
      el.scrollIntoView({block: "nearest", inline: "nearest"});
      const r = el.getBoundingClientRect();
      const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      links[label].reachable = r.bottom <= innerHeight && r.top >= 0 && !!at && (at === el || el.contains(at));
    }
  }
  const current = drawer && drawer.querySelector('.site-languages a[aria-current="page"]');
  return {links, current: current && current.getAttribute("hreflang")};
}"""


def _at_the_bottom(tab, lang) -> dict:
    tab.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    tab.wait_for_function("() => window.scrollY > 0 || document.documentElement.scrollHeight <= innerHeight")
    call = tab.evaluate(LAYOUT)["call"]
    tab.click('[data-site-toggle="__drawer"]')
    wanted = [("trust line", f'a[href="{TEL}"]'), ("feedback", 'a[href$="#feedback"]')]
    wanted += [(other.name, f'.site-languages a[hreflang="{other.html_lang}"]') for other in LANGUAGES]
    return {"call": call, **tab.evaluate(MENU_LINKS, wanted)}


@pytest.mark.parametrize(("lang", "page"), page_params())
def test_header_leaves_the_first_screen_to_the_page(contexts, server, built_site, lang, page):
    """Phone and desktop, light and dark: the header and the H1 where the issue asks, the
    site name whole, the trust-line number in the header, nothing cut with an ellipsis and
    nothing wider than the screen."""
    problems = []
    for (device, scheme), seen in visit(contexts, server, built_site, lang, page).items():
        where = f"{device}, {scheme}"
        layout = seen["layout"]
        width = PHONE["width"] if device == "phone" else DESKTOP["width"]
        if layout["scrollWidth"] > width:
            problems.append(f"{where}: the page is {layout['scrollWidth']} px wide")
        problems += [f"{where}: cut with an ellipsis: {cut}" for cut in seen["cut"]]
        name = layout["name"]
        if not name or name["text"] != site_name(lang):
            problems.append(f"{where}: the header does not show the site name: {name}")
        elif name["scroll"] > name["client"] + 1 or name["right"] > width:
            problems.append(f"{where}: the site name is cut: {name}")
        if not layout["call"] or not layout["call"]["hit"] or layout["call"]["right"] > width:
            problems.append(f"{where}: the trust-line number is not in the header, whole: {layout['call']}")
        if device == "phone":
            if layout["header"]["bottom"] > HEADER_BUDGET:
                problems.append(f"{where}: the header ends at {layout['header']['bottom']:.0f} px (budget {HEADER_BUDGET})")
            if not layout["h1"] or layout["h1"]["top"] > H1_BUDGET:
                problems.append(f"{where}: the H1 starts at {layout['h1'] and layout['h1']['top']} px (budget {H1_BUDGET})")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("lang", "page"), page_params())
def test_trust_line_and_editions_are_reachable_at_the_bottom_of_the_page(contexts, server, built_site, lang, page):
    """Scrolled to the very end (the longest page is about 3,100 px on a phone): the number
    is still in the sticky header, and the menu holds the trust line, feedback and every
    edition, each visible and uncovered once scrolled to."""
    problems = []
    for (device, scheme), seen in visit(contexts, server, built_site, lang, page).items():
        if device != "phone":
            continue
        bottom = seen["bottom"]
        call = bottom["call"]
        if not call or not call["hit"] or call["top"] < 0:
            problems.append(f"{scheme}: at the bottom, the trust-line number is not on screen: {call}")
        for label, link in bottom["links"].items():
            if link["count"] != 1:
                problems.append(f"{scheme}: the menu has {link['count']} links for the {label}")
            elif not link["reachable"]:
                problems.append(f"{scheme}: the menu's link for the {label} is not reachable")
        if bottom["current"] != lang.html_lang:
            problems.append(f"{scheme}: the menu marks {bottom['current']} as the current edition")
    assert len([d for d, _ in contexts if d == "phone"]) == len(SCHEMES)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
@pytest.mark.parametrize("text_size", [100, 200], ids=["320px", "200%-text"])
def test_no_truncation_or_sideways_scroll_at_320_px_and_200_percent_text(browser, server, built_site, lang, text_size):
    """At 320 px, and on a 360 px phone with the browser's text size at 200 %: every page
    fits its width, its site name is whole and nothing is cut with an ellipsis."""
    viewport = NARROWEST if text_size == 100 else PHONE
    context = open_context(browser, server, viewport=viewport, is_mobile=True, has_touch=True)
    tab = context.new_page()
    if text_size != 100:
        # The browser's own text-size setting, as a visitor sets it (rem and em follow it).
        session = context.new_cdp_session(tab)
        session.send("Page.enable")
        session.send("Page.setFontSizes", {"fontSizes": {"standard": 16 * text_size // 100, "fixed": 13 * text_size // 100}})
    problems = []
    try:
        for page in PAGES + ["404"]:
            url = server.url + lang.prefix + "no-such-page/" if page == "404" else page_url(server, built_site, lang, page)
            tab.goto(url)
            if text_size != 100:
                root_size = tab.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
                assert root_size >= 39, f"the text size did not change (root font {root_size} px)"
            layout = tab.evaluate(LAYOUT)
            if layout["scrollWidth"] > viewport["width"]:
                problems.append(f"{page}: {layout['scrollWidth']} px wide")
            name = layout["name"]
            if not name or name["scroll"] > name["client"] + 1 or name["right"] > viewport["width"]:
                problems.append(f"{page}: the site name is cut or missing: {name}")
            problems += [f"{page}: cut with an ellipsis: {cut}" for cut in tab.evaluate(CUT_WITH_ELLIPSIS)]
    finally:
        context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("lang", "page"), page_params())
def test_h1_is_the_strongest_heading(contexts, server, built_site, lang, page):
    problems = []
    for (device, scheme), seen in visit(contexts, server, built_site, lang, page).items():
        headings = seen["headings"]
        h1s = [h for h in headings if h["tag"] == "H1"]
        assert len(h1s) == 1, f"{device}, {scheme}: {len(h1s)} H1 headings"
        h1 = h1s[0]
        for other in headings:
            if other is h1:
                continue
            if other["size"] >= h1["size"] or other["weight"] > h1["weight"] or heading_contrast(other) > heading_contrast(h1) + 0.01:
                problems.append(f"{device}, {scheme}: {other['tag']} as strong as the H1: {other} vs {h1}")
        if heading_contrast(h1) < 7:
            problems.append(f"{device}, {scheme}: H1 contrast {heading_contrast(h1):.1f}:1")
    assert not problems, "\n".join(problems)


PRINTED_TEXT = """() => [...document.querySelectorAll("article h1, article h2, article p, article li, .site-updated")]
  .filter(el => el.checkVisibility() && el.textContent.trim()).map(el => {
    const layers = [];
    for (let node = el; node; node = node.parentElement) layers.push(getComputedStyle(node).backgroundColor);
    const links = [...el.querySelectorAll("a")].map(a => getComputedStyle(a).color);
    return {what: `<${el.tagName.toLowerCase()}> ${el.textContent.trim().slice(0, 30)}`, color: getComputedStyle(el).color, links, layers};
  })"""


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_printing_from_dark_mode_gives_dark_text_on_white(contexts, server, built_site, lang):
    tab = contexts["desktop", "slate"].new_page()
    tab.emulate_media(media="print")
    problems = []
    for page in PAGES:
        tab.goto(page_url(server, built_site, lang, page))
        assert tab.evaluate("document.documentElement.getAttribute('data-md-color-scheme')") == "slate"
        paper = tab.evaluate("[document.body, document.querySelector('article')].map(e => getComputedStyle(e).backgroundColor)")
        if backdrop(paper)[:3] != (255.0, 255.0, 255.0):
            problems.append(f"{page}: the page prints on {paper}, not white")
        for block in tab.evaluate(PRINTED_TEXT):
            behind = backdrop(block["layers"])  # white, or a light tint (a tip's title)
            for colour in [block["color"], *block["links"]]:
                ratio = contrast(over(colours_in(colour)[0], behind), behind)
                if ratio < PRINT_CONTRAST:
                    problems.append(f"{page}: {block['what']}: {colour} prints at {ratio:.1f}:1")
    tab.close()
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_the_not_found_page_is_whole_in_its_edition(contexts, server, built_site, lang):
    """The same header (name, trust line), switcher to each edition's home, search,
    navigation to the edition's pages and footer as every page, in the edition's language."""
    for device in ("phone", "desktop"):
        tab = contexts[device, "default"].new_page()
        response = tab.goto(server.url + lang.prefix + "missing/page/")
        assert response.status == 404
        assert tab.get_attribute("html", "lang") == lang.html_lang
        assert tab.title() == f"{theme(lang)['site.not_found.title']} · {site_name(lang)}"
        layout = tab.evaluate(LAYOUT)
        assert layout["name"] and layout["name"]["text"] == site_name(lang), f"{device}: {layout['name']}"
        assert layout["call"] and layout["call"]["hit"], f"{device}: no trust line in the header"
        brand = tab.locator(".site-header .site-brand")
        assert tab.evaluate("a => a.href", brand.element_handle()) == server.url + lang.prefix
        if device == "phone":
            tab.click('[data-site-toggle="__drawer"]')
            assert tab.get_attribute('[data-site-toggle="__search"]', "aria-label") == theme(lang)["site.search.open"]
        else:
            assert tab.locator("[data-site-search-input]").is_visible()
        switcher = tab.locator(".site-languages:visible a")
        homes = [tab.evaluate("a => a.href", link) for link in switcher.element_handles()]
        assert homes == [server.url + other.prefix for other in LANGUAGES], f"{device}: {homes}"
        nav = tab.evaluate(
            "() => [...document.querySelectorAll('.md-sidebar--primary a.md-nav__link[href]')]"
            ".filter(a => a.checkVisibility({visibilityProperty: true})).map(a => a.href)"
        )
        in_nav = [p for p in PAGES if p != "accessibility.md"]
        missing = {page_url(server, built_site, lang, p) for p in in_nav} - set(nav)
        assert not missing, f"{device}: the navigation lacks {missing}"
        footer = tab.locator(".site-footer__link")
        assert footer.inner_text() == theme(lang)["site.accessibility"]
        assert tab.evaluate("a => a.href", footer.element_handle()) == page_url(server, built_site, lang, "accessibility.md")
        tab.close()


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_home_page_answers_and_acts_in_the_first_phone_screen(contexts, server, built_site, lang):
    """In the first 360×800 screen, light and dark: the H1, the lead sentence, the three
    figure blocks and the three buttons (join, call, propose), each whole on screen."""
    for scheme in SCHEMES:
        tab = contexts["phone", scheme].new_page()
        tab.goto(page_url(server, built_site, lang, "index.md"))
        found = tab.evaluate("""() => {
          const parts = [["H1", "article h1"], ["lead", "article .site-lead"]]
            .concat([...document.querySelectorAll("article .site-figures li")].map((_, i) => [`figure ${i + 1}`, `article .site-figures li:nth-child(${i + 1})`]))
            .concat([...document.querySelectorAll("article .site-actions a.md-button")].map((a, i) => [a.getAttribute("href"), `article .site-actions a.md-button:nth-of-type(${i + 1})`]));
          return parts.map(([name, selector]) => { const r = document.querySelector(selector).getBoundingClientRect(); return [name, r.top, r.bottom, r.right]; });
        }""")
        names = [name for name, *_ in found]
        assert names[:2] == ["H1", "lead"] and sum(n.startswith("figure") for n in names) == 3, names
        hrefs = [n for n in names if not n.startswith(("H1", "lead", "figure"))]
        assert hrefs[0].endswith("joining/") and hrefs[1] == TEL and hrefs[2].startswith("mailto:info@agmk.uz?subject="), hrefs
        off = [(name, bottom) for name, top, bottom, right in found if bottom > PHONE["height"] or right > PHONE["width"]]
        assert not off, f"{scheme}: below the first screen: {off}"
        tab.close()
