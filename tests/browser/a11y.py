"""Helpers for the accessibility tests: axe-core runs reported readably, colour contrast as
WCAG computes it, and keyboard walks that record where focus goes and how it looks."""

from __future__ import annotations

import functools
import re

# Every rule axe runs by default: WCAG 2.0, 2.1 and 2.2 at levels A and AA and axe's
# best practices (landmarks, `region`: all content inside a landmark; heading order).
AXE_OPTIONS = {"resultTypes": ["violations"]}
SHOWN_NODES = 3


@functools.cache
def axe_script() -> str:
    from axe_playwright_python.sync_playwright import Axe

    return Axe().axe_script


def axe_violations(tab, where: str) -> list[str]:
    """Run axe on the page as it is now; one readable line per violated rule."""
    if not tab.evaluate("typeof window.axe === 'object'"):
        tab.evaluate(axe_script())
    violations = tab.evaluate("options => axe.run(document, options).then(r => r.violations)", AXE_OPTIONS)
    lines = []
    for violation in violations:
        nodes = violation["nodes"]
        targets = "; ".join(" ".join(map(str, node["target"])) for node in nodes[:SHOWN_NODES])
        more = f" (+{len(nodes) - SHOWN_NODES} more)" if len(nodes) > SHOWN_NODES else ""
        detail = nodes[0].get("failureSummary", "").replace("\n", " ") if nodes else ""
        lines.append(
            f"{where}: {violation['id']} [{violation['impact']}] {violation['help']}\n"
            f"    nodes: {targets}{more}\n    first: {detail[:300]}"
        )
    return lines


# ── Colour ────────────────────────────────────────────────────────────────────────────
Colour = tuple[float, float, float, float]
COLOUR = re.compile(r"rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)")
WHITE: Colour = (255.0, 255.0, 255.0, 1.0)


def colours_in(text: str) -> list[Colour]:
    """Every rgb()/rgba() colour in a computed value (a colour, or a list of box shadows)."""
    found = []
    for r, g, b, a in COLOUR.findall(text or ""):
        alpha = 1.0 if not a else float(a[:-1]) / 100 if a.endswith("%") else float(a)
        found.append((float(r), float(g), float(b), alpha))
    return found


def over(top: Colour, bottom: Colour) -> Colour:
    """``top`` painted over an opaque ``bottom``."""
    alpha = top[3]
    return (*(top[i] * alpha + bottom[i] * (1 - alpha) for i in range(3)), 1.0)


def backdrop(layers: list[str]) -> Colour:
    """What shows behind an element: its ancestors' backgrounds (nearest first) composed."""
    colour = WHITE
    for layer in reversed(layers):
        for found in colours_in(layer):
            colour = over(found, colour)
    return colour


def luminance(colour: Colour) -> float:
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: Colour, b: Colour) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# ── Keyboard ──────────────────────────────────────────────────────────────────────────
# The focused element: what it is, how its focus looks, what is behind it, and whether
# anything covers it (WCAG 2.4.11). Elements get a stable number for the page's lifetime.
FOCUS_STATE = """within => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const seen = window.__a11ySeen || (window.__a11ySeen = new Map());
  if (!seen.has(el)) seen.set(el, seen.size);
  const style = getComputedStyle(el);
  const layers = [];
  for (let node = el.parentElement; node; node = node.parentElement) {
    layers.push(getComputedStyle(node).backgroundColor);
  }
  const rect = el.getClientRects()[0] || el.getBoundingClientRect();
  const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
  const kind = el.matches(".md-skip") ? "skip link"
    : el.closest(".site-languages") ? "language switcher"
    : el.closest(".site-bar") ? "trust-line bar"
    : el.closest(".md-search") ? "search"
    : el.closest(".md-header") ? "header button"
    : el.closest(".md-sidebar, .md-nav") ? "navigation"
    : el.closest("article") ? "content"
    : el.closest(".md-footer") ? "footer" : "other";
  const text = (el.getAttribute("aria-label") || el.innerText || el.value || "").trim().replace(/\\s+/g, " ");
  return {
    id: seen.get(el),
    kind,
    label: `${kind}: <${el.tagName.toLowerCase()} class="${el.className}"> "${text.slice(0, 40)}"`,
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth) || 0,
    outlineColor: style.outlineColor,
    boxShadow: style.boxShadow,
    background: style.backgroundColor,
    color: text ? getComputedStyle(el.querySelector(":scope > span") || el).color : "",
    layers,
    unobscured: !!hit && (hit === el || el.contains(hit)),
    within: within ? !!el.closest(within) : true,
  };
}"""

# The same element's look without focus, for every element the walk reached.
UNFOCUSED_STATES = """() => {
  if (document.activeElement) document.activeElement.blur();
  const states = {};
  for (const [el, id] of (window.__a11ySeen || new Map())) {
    const style = getComputedStyle(el);
    const look = [style.outlineStyle, style.outlineWidth, style.outlineColor, style.boxShadow, style.backgroundColor];
    states[id] = look.join("|");
  }
  return states;
}"""

# Links, buttons and fields a visitor can see now (inside ``within``): kept on the page, to
# compare with where a keyboard walk goes afterwards.
VISIBLE_CONTROLS = """within => {
  const scope = within ? document.querySelectorAll(within) : [document];
  const found = [];
  for (const root of scope) {
    for (const el of root.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, [tabindex]")) {
      if (el.getAttribute("tabindex") === "-1" || el.disabled) continue;
      const shown = { opacityProperty: true, visibilityProperty: true, checkOpacity: true, checkVisibilityCSS: true };
      if (!el.checkVisibility(shown)) continue;
      const r = el.getBoundingClientRect();
      if (r.width < 1 || r.height < 1 || r.right <= 0 || r.left >= innerWidth) continue;
      found.push(el);
    }
  }
  window.__a11yVisible = found;
  return found.length;
}"""

# Of those, the ones the walk did not reach.
UNREACHED_CONTROLS = """() => {
  const seen = window.__a11ySeen || new Map();
  return (window.__a11yVisible || []).filter(el => !seen.has(el)).map(el => {
    const text = (el.getAttribute("aria-label") || el.innerText || "").trim().replace(/\\s+/g, " ");
    return `<${el.tagName.toLowerCase()} class="${el.className}"> "${text.slice(0, 40)}"`;
  });
}"""


def tab_through(tab, within: str | None = None, key: str = "Tab", limit: int = 120) -> tuple[list[dict], list[str]]:
    """Press Tab (or ``key``, e.g. Shift+Tab) until focus comes back round (or, with
    ``within``, leaves that element). Returns the state of each element focused on the way,
    in order, and the controls that were visible before the walk but never focused."""
    tab.evaluate(VISIBLE_CONTROLS, within)
    states = walk(tab, within, key, limit)
    return states, tab.evaluate(UNREACHED_CONTROLS)


def walk(tab, within, key, limit) -> list[dict]:
    # Focus already inside (put there by whatever opened ``within``) counts as reached.
    current = tab.evaluate(FOCUS_STATE, within) if within else None
    states: list[dict] = [current] if current and current["within"] else []
    for _ in range(limit):
        tab.keyboard.press(key)
        state = tab.evaluate(FOCUS_STATE, within)
        if state is None or (states and state["id"] == states[0]["id"]) or not state["within"]:
            return states
        states.append(state)
    raise AssertionError(f"focus did not come round after {limit} presses of {key}")


def focus_problems(state: dict) -> list[str]:
    """What is wrong with how a focused element shows its focus."""
    problems = []
    if state["outlineStyle"] == "none" or state["outlineWidth"] < 2:
        problems.append(f"no focus outline ({state['outlineStyle']} {state['outlineWidth']}px)")
    behind = backdrop(state["layers"])
    indicator = colours_in(state["outlineColor"]) + colours_in(state["boxShadow"])
    indicator += [over(c, behind) for c in colours_in(state["background"]) if c[3] > 0]
    best = max((contrast(over(c, behind), behind) for c in indicator), default=1.0)
    if best < 3:
        problems.append(f"focus indicator contrast {best:.2f}:1 against its background (needs 3:1)")
    own = [over(c, behind) for c in colours_in(state["background"])]
    for text in colours_in(state["color"]):
        ratio = contrast(over(text, own[0] if own else behind), own[0] if own else behind)
        if ratio < 4.5:
            problems.append(f"text contrast {ratio:.2f}:1 while focused (needs 4.5:1)")
    if not state["unobscured"]:
        problems.append("not in sight: off screen or covered by other content (WCAG 2.4.11)")
    return problems


def focus_report(tab, states: list[dict], where: str) -> list[str]:
    """Problems of every focused element, including focus that looks like no focus. Leaves
    nothing focused (it compares each element without focus)."""
    unfocused = tab.evaluate(UNFOCUSED_STATES)
    report = []
    for state in states:
        problems = focus_problems(state)
        look = [state["outlineStyle"], f"{state['outlineWidth']:g}px", state["outlineColor"]]
        focused = "|".join(look + [state["boxShadow"], state["background"]])
        if unfocused.get(str(state["id"]), unfocused.get(state["id"])) == focused:
            problems.append("looks the same with and without focus")
        report += [f"{where}: {state['label']}: {problem}" for problem in problems]
    return report
