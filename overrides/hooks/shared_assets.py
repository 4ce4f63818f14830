"""docs/assets/ is shared by every language: each language's build links the same published
file (static-i18n would keep it for the default language only)."""

from mkdocs.plugins import event_priority

from sitekit.shared_assets import shared_files


@event_priority(-110)  # after static-i18n (-100) has kept only this language's files
def on_files(files, config):
    codes = {lang.locale for lang in config.plugins["i18n"].config.languages}
    for file in shared_files(config, codes):
        if file.src_uri not in files.src_uris:
            files.append(file)
    return files
