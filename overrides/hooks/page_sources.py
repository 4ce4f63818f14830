"""Each page's "Source" line and JSON-LD, from the sources its front matter names
(sitekit.page_sources, sitekit.structured_data).

A page without `source:`, or naming a source mkdocs.yml does not list, is reported as a
warning in the editors' format (file:line: what — fix): the strict build fails on it and
`make check` shows it. A generated edition's page is reported as the file it is made from.
"""

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from sitekit.alternates import absolute_url
from sitekit.page_sources import SourcesError, docs_file_text, page_sources, registry, wordings
from sitekit.site import is_home_source, languages, source_file
from sitekit.strings import load_complete_strings, strings_path
from sitekit.structured_data import Company, page_graph

log = logging.getLogger("mkdocs.hooks.page_sources")

_state: dict = {}


@event_priority(-110)  # after static-i18n (-100) has switched theme.language to this build's
def on_config(config):
    root = Path(config.config_file_path).parent
    language = config.theme["language"]
    strings = load_complete_strings(root, language)
    try:
        sources = registry(config.extra.get("sources"), Path(config.config_file_path).name)
        wording = wordings(strings, sources, strings_path(root, language).relative_to(root).as_posix())
    except SourcesError as error:
        raise PluginError(str(error)) from None
    all_languages = languages(config)
    current = next(lang for lang in all_languages if lang.code == language)
    _state.update(
        root=root, sources=sources, wording=wording, languages=all_languages, strings=strings,
        home=absolute_url(config.site_url, current.prefix),
        docs=Path(config.docs_dir).resolve().relative_to(root.resolve()).as_posix(),
    )
    return config


def on_page_context(context, page, config, nav):
    made_from = source_file(page.file.src_uri, _state["languages"])
    found = page_sources(page.meta, _state["sources"], _state["wording"], f"{_state['docs']}/{made_from}",
                         docs_file_text(config.docs_dir, made_from))
    for problem in found.problems:
        log.warning(str(problem))
    strings = _state["strings"]
    theme = strings["theme"]
    context["page_citations"] = found.citations
    context["structured_data"] = page_graph(
        page_url=page.canonical_url or _state["home"],
        # As og:title: the home page is the site's name ("Home" is only its navigation label).
        title=config.site_name if is_home_source(page.file.src_uri) or not page.title else page.title,
        description=page.meta.get("description") or config.site_description,
        html_lang=strings["language"],
        site_url=_state["home"],
        root_url=config.site_url,
        site_name=config.site_name,
        site_description=config.site_description,
        citations=found.citations,
        company=Company(theme["site.organisation"], config.extra["email"], theme["site.trust_line"],
                        config.extra["trust_line"]["tel"]),
    )
    return context
