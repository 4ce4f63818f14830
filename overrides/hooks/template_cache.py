"""Templates compile once, not once per language build and run (sitekit/template_cache.py):
the cache lives in .cache/templates/ (or under SITE_CACHE), keyed by each template's source."""

from pathlib import Path

from sitekit.site import build_cache
from sitekit.template_cache import template_cache


def on_env(env, config, files):
    env.bytecode_cache = template_cache(build_cache(Path(config.config_file_path).parent, "templates"))
    return env
