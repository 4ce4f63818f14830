"""The system Chromium as the browser tests, `make screenshots` and `make bench` launch it.

Chromium comes from the system (Debian: ``apt-get install chromium``); Playwright never
downloads one.
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
INSTALL_HINT = (
    "Chromium not found: install it with `apt-get install chromium` (Debian/Ubuntu) "
    "or set CHROMIUM_PATH to a Chromium binary"
)


def chromium_path() -> str | None:
    candidate = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
    return candidate if candidate and os.access(candidate, os.X_OK) else None
