"""The system Chromium as the browser tests, `make screenshots` and `make preview` launch it.

Chromium comes from the system; Playwright never downloads one. The first found is used:

1. ``CHROMIUM_PATH`` when set (and nothing else then: a wrong path is an error, not a fallback);
2. ``chromium-headless-shell`` (Debian: ``apt-get install chromium-headless-shell``): the same
   Blink and V8 as ``chromium`` without the desktop browser around them, the build Playwright
   itself runs headless tests on. A page costs it a third to a fifth of the CPU time of the full
   browser in headless mode (BENCHMARKS.md, "Test suite"), which is most of the suite's time;
3. ``chromium`` or ``chromium-browser`` (Debian: ``apt-get install chromium``).

`make bench` keeps the full browser (``chromium``): Lighthouse and first views are measured in
the browser visitors use.
"""

from __future__ import annotations

import os
import shutil

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
    # No third-party host is reachable: every name but the local server's address fails to
    # resolve (the tests still record each attempt).
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    # The system speech backend can stall closing a page; the site never uses it (Listen plays
    # recordings made at build time).
    "--disable-speech-synthesis-api",
]
SEARCHED = ("chromium-headless-shell", "chromium", "chromium-browser")
INSTALL_HINT = (
    "Chromium not found: install it with `apt-get install chromium-headless-shell` (Debian; "
    "or `chromium`) or set CHROMIUM_PATH to a Chromium binary"
)


def chromium_path() -> str | None:
    """The browser to launch (see above), or None when there is none."""
    if os.environ.get("CHROMIUM_PATH"):
        candidates = [os.environ["CHROMIUM_PATH"]]
    else:
        candidates = [shutil.which(name) for name in SEARCHED]
    return next((c for c in candidates if c and os.access(c, os.X_OK)), None)
