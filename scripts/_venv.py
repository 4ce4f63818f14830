"""The site's scripts run with the site's Python, the one `make` installs in .venv/: run with
another (`python scripts/x.py`), they say which make target to use instead of failing with a
traceback."""

import os
import sys


def require_site_python(make_target: str) -> None:
    try:
        import mkdocs  # noqa: F401
        import sitekit  # noqa: F401
    except ModuleNotFoundError as missing:
        program = os.path.basename(sys.argv[0]) or "this script"
        sys.stderr.write(
            f"{program}: run `{make_target}` instead — this Python ({sys.executable}) does not have the site's "
            f"packages (no module '{missing.name}'); make installs them in .venv/ the first time "
            "(or run `.venv/bin/python scripts/" + program + "`)\n")
        sys.exit(2)
