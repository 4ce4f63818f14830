"""The same commit builds to the same bytes: the build time MkDocs stamps into files (the
sitemap's gzip header) comes from the last commit, not from the clock."""

import os
from pathlib import Path

from sitekit.git_dates import last_commit_time


def on_config(config):
    if "SOURCE_DATE_EPOCH" not in os.environ:  # the reproducible-builds.org convention
        committed = last_commit_time(Path(config.config_file_path).parent)
        if committed is not None:
            os.environ["SOURCE_DATE_EPOCH"] = str(int(committed.timestamp()))
    return config
