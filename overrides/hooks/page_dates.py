""""Last updated" on every page: the date of the last commit that touched its source file."""

from pathlib import Path

from mkdocs.plugins import event_priority

from sitekit.git_dates import format_date, last_change_dates
from sitekit.site import languages, source_file
from sitekit.strings import load_strings

_dates: dict = {}
_languages: list = []
_date_strings: dict = {}


@event_priority(-110)  # after static-i18n (-100) has switched theme.language to this build's
def on_config(config):
    root = Path(config.config_file_path).parent
    _languages[:] = languages(config)
    _date_strings.clear()
    _date_strings.update(load_strings(root, config.theme["language"])["date"])
    if not _dates:
        _dates.update(last_change_dates(root))  # the history is the same for every language
    return config


def on_page_context(context, page, config, nav):
    root = Path(config.config_file_path).parent
    # A generated edition's page shows the date of the page it is made from.
    made_from = source_file(page.file.src_uri, _languages)
    source = Path(config.docs_dir, made_from).resolve().relative_to(root.resolve()).as_posix()
    day = _dates.get(source)
    if day is not None:
        context["last_updated"] = {"iso": day.isoformat(), "text": format_date(day, _date_strings)}
    return context
