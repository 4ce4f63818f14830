"""The site's scripts run with the site's Python, the one `make` installs in .venv/: run with
another (`python scripts/x.py`), they say which command to use instead of failing with a
traceback."""

import os
import sys


def require_site_python(command: str) -> None:
    """Exit with one line naming ``command`` (a make target, or .venv/bin/python …) unless
    this Python has the site's packages."""
    try:
        import mkdocs  # noqa: F401
        import sitekit  # noqa: F401
    except ModuleNotFoundError as missing:
        program = os.path.basename(sys.argv[0]) or "this script"
        direct = f".venv/bin/python scripts/{program}"
        alternative = "" if command.startswith(".venv/") else f", or `{direct}`"
        sys.stderr.write(
            f"{program}: run `{command}` instead{alternative} — this Python ({sys.executable}) does not have the "
            f"site's packages (no module '{missing.name}'); any make command installs them in .venv/ the first "
            "time\n")
        sys.exit(2)
