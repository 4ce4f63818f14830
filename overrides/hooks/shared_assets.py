"""docs/assets/ is shared by every language: each language's build links the same published
file (static-i18n would keep it for the default language only).

The default language's build comes first: the shared files it kept (after every other hook
had its say in on_files: the publishing-safety hook removes refused files) are given back,
at their own address, to each of the other languages' builds."""

from pathlib import Path

from mkdocs.plugins import event_priority

from sitekit.shared_assets import shared_files

_kept: set = set()


@event_priority(-110)  # after static-i18n (-100) has kept only this language's files
def on_files(files, config):
    i18n = config.plugins["i18n"]
    codes = {lang.locale for lang in i18n.config.languages}
    if i18n.current_language == i18n.default_language:
        _kept.clear()
        docs = Path(config.docs_dir)
        _kept.update(file.src_uri for file in files if file.src_uri.split("/", 1)[0] not in codes
                     and not file.is_documentation_page() and file.abs_src_path
                     and Path(file.abs_src_path).is_relative_to(docs))
        return files
    for file in shared_files(config, codes):
        if file.src_uri in _kept and file.src_uri not in files.src_uris:
            files.append(file)
    return files
