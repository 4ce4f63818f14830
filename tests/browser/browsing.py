"""Helpers for browser tests: contexts that record traffic, and page addresses.

Give ``wait_for_function`` a function ("() => …"), never a bare expression: Playwright polls an
expression with eval, which the site's Content-Security-Policy forbids (no 'unsafe-eval'), so a
condition not already true on the first check fails with an EvalError.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
REPORTS = pytest.StashKey[dict]()  # each phase's report on its test (tests/browser/conftest.py)


def failed(item) -> bool:
    """Whether a test's set-up or call failed, asked by a fixture at its teardown."""
    return any(report.failed for report in item.stash.get(REPORTS, {}).values())


@dataclass
class Traffic:
    """What one browser context asked for, and what came back."""

    origin: str
    third_party: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # responses with status >= 400
    responses: list = field(default_factory=list)

    def urls(self) -> list[str]:
        return [response.url for response in self.responses]


def open_context(browser, server, **options):
    """A browser context that blocks and records every request to another host."""
    context = browser.new_context(**options)
    traffic = Traffic(origin=server.origin)

    # Chromium itself resolves every other host to nothing (see CHROMIUM_ARGS), so blocking
    # costs no round trip through Python; here we only record the attempts.
    def watch(request):
        url = request.url
        if not (url.startswith(server.origin + "/") or url.startswith(("data:", "blob:"))):
            traffic.third_party.append(url)

    context.on("request", watch)

    def record(response):
        traffic.responses.append(response)
        if response.status >= 400:
            traffic.errors.append(f"{response.status} {response.url}")

    context.on("response", record)
    context.traffic = traffic
    return context


def open_tab(browser, server, viewport=DESKTOP, scheme="default", **options):
    """A context (closed by the caller) and its page, in a colour scheme chosen before render,
    asking for reduced motion (each state is checked as it ends, not mid-transition)."""
    context = open_context(browser, server, viewport=viewport, reduced_motion="reduce", **options)
    context.add_init_script(f"try {{ localStorage.setItem('site.palette', '{scheme}') }} catch (e) {{}}")
    return context, context.new_page()


def page_url(server, built_site, lang, page) -> str:
    """The address of a source page ("joining.md") in a language, on the test server."""
    path = built_site.page_path(lang, page)
    return server.url + (path[: -len("index.html")] if path.endswith("index.html") else path)
