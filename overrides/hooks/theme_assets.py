"""Material's palette stylesheet, found by pattern: its file name carries a content hash
that changes with every Material release."""


from mkdocs.exceptions import PluginError


def on_env(env, config, files):
    found = [f.url for f in files if f.url.startswith("assets/stylesheets/palette.") and f.url.endswith(".css")]
    if len(found) != 1:
        raise PluginError(f"expected one Material palette stylesheet, found {found or 'none'}")
    env.globals["palette_stylesheet"] = found[0]
    return env
