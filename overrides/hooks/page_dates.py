""""Last updated" on every page: the date of the last commit that touched its source file."""

from pathlib import Path

from sitekit.git_dates import format_date, last_change_dates
from sitekit.strings import load_strings

_dates: dict = {}


def on_config(config):
    root = Path(config.config_file_path).parent
    if not _dates:
        _dates.update(last_change_dates(root))  # the history is the same for every language
    return config


def on_page_context(context, page, config, nav):
    root = Path(config.config_file_path).parent
    source = Path(config.docs_dir, page.file.src_uri).resolve().relative_to(root.resolve()).as_posix()
    day = _dates.get(source)
    if day is not None:
        date_strings = load_strings(root, config.theme["language"])["date"]
        context["last_updated"] = {"iso": day.isoformat(), "text": format_date(day, date_strings)}
    return context
