"""robots.txt and /.well-known/security.txt (RFC 9116), written once in the default
language's build, from the site address and the repository the site is built from. A build
that cannot tell its repository (a local one) writes no security.txt rather than a wrong one."""

import os
from pathlib import Path

from sitekit.site_files import repository_url, robots_txt, security_txt


def on_post_build(config):
    i18n = config.plugins["i18n"]
    if i18n.current_language != i18n.default_language:
        return
    root = Path(config.config_file_path).parent
    site = Path(config.site_dir)
    (site / "robots.txt").write_text(robots_txt(config.site_url), encoding="utf-8")
    repository_web = repository_url(os.environ)
    if repository_web is None:
        return
    well_known = site / ".well-known"
    well_known.mkdir(exist_ok=True)
    languages = [lang.locale for lang in i18n.config.languages if lang.build]
    text = security_txt(config.site_url, repository_web, languages, root)
    (well_known / "security.txt").write_text(text, encoding="utf-8")
