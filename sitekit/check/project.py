"""The project the check looks at: its configuration (read by MkDocs itself), its languages
and their Markdown sources."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from sitekit.problems import Problem
from sitekit.site import Language, edited_languages, languages as site_languages, load_site_config, source_pages


@dataclass
class Source:
    """One Markdown page in one language."""

    path: Path
    name: str  # "docs/uz/index.md"
    language: Language
    page: str  # "index.md"
    text: str
    site_languages: tuple[Language, ...] = ()  # every language of the site, generated editions too

    def line_of(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1


class Project:
    def __init__(self, config_file: Path):
        self.config = load_site_config(str(config_file))
        self.config_file = Path(self.config.config_file_path)
        self.root = self.config_file.parent
        self.docs = Path(self.config.docs_dir)
        self.all_languages = site_languages(self.config)
        # The languages editors write; a generated edition (uz-cyrl) has no files of its own.
        self.languages = edited_languages(self.config)
        self.editions = [lang for lang in self.all_languages if lang.generated_from]
        self.default = next(lang for lang in self.languages if lang.default)
        self._sources: list[Source] | None = None
        self.unreadable: list[tuple[Path, bytes]] = []  # files that are not UTF-8 (rule `encoding`)

    def rel(self, path: Path) -> str:
        return Path(path).resolve().relative_to(self.root.resolve()).as_posix()

    @property
    def config_name(self) -> str:
        return self.rel(self.config_file)

    @property
    def docs_name(self) -> str:
        return self.rel(self.docs)

    def pages(self) -> list[str]:
        return sorted(set().union(*(source_pages(lang, self.docs) for lang in self.languages)))

    def language(self, code: str) -> Language | None:
        return next((lang for lang in self.all_languages if lang.code == code), None)

    def sources(self) -> list[Source]:
        """Every Markdown page of every language that could be read as UTF-8."""
        if self._sources is None:
            self._sources, self.unreadable = [], []
            for lang in self.languages:
                for page in sorted(source_pages(lang, self.docs)):
                    path = self.docs / lang.code / page
                    data = path.read_bytes()
                    try:
                        text = data.decode("utf-8")
                    except UnicodeDecodeError:
                        self.unreadable.append((path, data))
                        continue
                    text = text.lstrip("\ufeff").replace("\r\n", "\n")
                    self._sources.append(Source(path, self.rel(path), lang, page, text, tuple(self.all_languages)))
        return self._sources

    def source(self, language_code: str, page: str) -> Source | None:
        return next((s for s in self.sources() if s.language.code == language_code and s.page == page), None)

    def by_page(self) -> dict[str, list[Source]]:
        grouped: dict[str, list[Source]] = {}
        for source in self.sources():
            grouped.setdefault(source.page, []).append(source)
        return grouped

    def source_code(self, language_code: str) -> str:
        """The folder a language's pages come from: a generated edition's are its source
        language's (uz-cyrl -> uz)."""
        lang = self.language(language_code)
        return lang.generated_from if lang and lang.generated_from else language_code

    def source_name(self, language_code: str, page: str) -> str:
        """The docs/ file a page of a language comes from (uz-cyrl/x.md from docs/uz/x.md)."""
        return f"{self.docs_name}/{self.source_code(language_code)}/{page}"

    def source_for(self, language_code: str, page: str) -> Source | None:
        """The Source a page of a language (a generated edition's too) is made from."""
        return self.source(self.source_code(language_code), page)


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(" ".join(record.getMessage().split()))


def plain(message: str, root: Path) -> str:
    """A message without absolute paths and Python exception names, on one line."""
    message = " ".join(str(message).split())
    for prefix in {str(Path(root).resolve()), str(root)}:
        message = message.replace(prefix + "/", "").replace(prefix, ".")
    return re.sub(r"\b(?:[a-z_]+\.)*[A-Z]\w*(?:Error|Exception): ", "", message)


def load_project(config_file: Path) -> tuple[Project | None, list[Problem]]:
    """The project, or the problems that keep mkdocs.yml from loading (MkDocs' own warnings
    about it are collected here instead of being printed). The syntax of mkdocs.yml and of the
    i18n files is checked before (sitekit.check.configuration): what is left is MkDocs'
    validation of the values."""
    collector = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    propagate, logger.propagate = logger.propagate, False
    config_file = Path(config_file)
    root = config_file.parent
    name = config_file.name
    fix = "correct the value in mkdocs.yml (see https://www.mkdocs.org/user-guide/configuration/)"
    try:
        return Project(config_file), []
    except Exception as error:
        problems = [Problem(name, _config_line(config_file, message), f"the configuration does not load: "
                            f"{plain(message, root)}", fix) for message in collector.messages]
        message = plain(error, root) or type(error).__name__
        if not problems or "Aborted with" not in message:
            problems.append(Problem(name, _config_line(config_file, message),
                                    f"the configuration does not load: {message}", fix))
        return None, problems
    finally:
        logger.removeHandler(collector)
        logger.propagate = propagate


def _config_line(config_file: Path, message: str) -> int | None:
    """The line of mkdocs.yml that a "Config value 'name'" message is about."""
    match = re.search(r"configuration name: ([\w-]+)|Config value '([\w-]+)'", message)
    if not match:
        return None
    key = match.group(1) or match.group(2)
    text = Path(config_file).read_text(encoding="utf-8")
    found = re.search(rf"^{re.escape(key)}\s*:", text, re.M)
    return text.count("\n", 0, found.start()) + 1 if found else None
