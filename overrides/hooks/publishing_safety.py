"""The publishing build refuses what the site must not publish: script in a page (an inline
<script>, <script src>, an on…= attribute, a javascript: URL) and everything else the editor
check calls unsafe (embedded sites, remote images, forms), a script file or HTML page under
docs/, an extra_javascript entry that is not the site's own.

Problems are collected while every language is built and logged together at the end, as
errors, one line each, `docs/en/contacts.md:12: what — how to fix`, naming the editor's file
(for the Cyrillic edition, the docs/uz/ file it is made from); then the build fails, with
--strict or without. Collecting first lets a strict build reach every language instead of
stopping at the first one with a problem; if something else stops the build, what was found
so far is logged with it. Refused files are left out of the site as well. Runs under
`mkdocs serve` too: an editor sees the problem while previewing.
"""

import logging
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from sitekit.asset_safety import refused_extra_javascript, refused_file
from sitekit.publishing_safety import Refusals, page_problems, template_problems
from sitekit.site import languages, source_file

log = logging.getLogger("mkdocs.hooks.publishing_safety")
_refusals = Refusals()
_languages: list = []


def _outermost(config) -> bool:
    """Whether this is the build MkDocs started, not one static-i18n runs for another language."""
    i18n = config.plugins.get("i18n")
    return not getattr(i18n, "building", False)


def _report(problems) -> None:
    for problem in problems:
        _refusals.add(problem)


def _project_name(config, path) -> str:
    root = Path(config.config_file_path).parent.resolve()
    return Path(path).resolve().relative_to(root).as_posix()


def on_config(config):
    if _outermost(config):
        _refusals.reset()
    _languages[:] = languages(config)
    refused = refused_extra_javascript(config, _project_name(config, config.config_file_path))
    _report(problem for _entry, problem in refused)
    for entry, _problem in refused:
        config.extra_javascript.remove(entry)
    return config


def on_files(files, config):
    docs = Path(config.docs_dir).resolve()
    for file in list(files):
        path = Path(file.abs_src_path) if file.abs_src_path else None
        if path is None or docs not in path.resolve().parents or not path.is_file():
            continue  # the theme's files (ours), and pages generated during the build
        problems = refused_file(path, _project_name(config, path))
        if problems:
            _report(problems)
            files.remove(file)  # never published, whatever else happens
    return files


@event_priority(-190)  # on the finished page: after minify (-150), before the security policy (-200)
def on_post_page(output, page, config):
    made_from = source_file(page.file.src_uri, _languages)
    path = Path(config.docs_dir, made_from)
    text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    _report(page_problems(_project_name(config, path), text, page.content or "", output))
    return output


@event_priority(-190)
def on_post_template(output, template_name, config):
    if template_name.endswith(".html") and output.strip():
        custom = Path(config.theme.custom_dir or "", template_name)
        where = _project_name(config, custom) if config.theme.custom_dir and custom.is_file() else template_name
        _report(template_problems(where, output))
    return output


@event_priority(-200)  # after static-i18n (-100) has built the other languages from its own post_build
def on_post_build(config):
    if _outermost(config) and _refusals.problems:
        _refusals.flush(log)
        # As a strict build ends on warnings: the problems are logged above, one line each, and
        # the command exits 1 with this last line (a PluginError would log it as one more error).
        raise Abort(f"Aborted: {_refusals.summary()}")


def on_build_error(error):
    """Another error stops the build (a strict build stops at the first language that warns):
    what was refused so far is reported with it."""
    _refusals.flush(log)
