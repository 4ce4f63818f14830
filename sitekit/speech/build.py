"""Listen in the MkDocs build: whether recordings are made, each page's recording, where it is
published, and what the player shows.

One ``SpeechBuild`` lives for the whole process (static-i18n builds every language in it, and
`mkdocs serve` keeps the hook module between rebuilds), so the Uzbek Cyrillic edition finds the
recordings of the Uzbek (Latin) pages it is generated from, and a missing engine is reported
once.

Modes (environment variable SITE_SPEECH):
  on (default)  every page gets a recording; a missing espeak-ng/opusenc fails the build,
                except under `mkdocs serve`, which says so once and serves the site without
  off           no recordings and no player (the editor check, synthetic sites, machines
                without the engine); each page's speech text is still prepared, so a broken
                lexicon is still an error
"""

from __future__ import annotations

import logging
import math
import os
import shutil
from concurrent.futures import Future
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

from markupsafe import Markup

from sitekit.site import Language, build_cache, source_file
from sitekit.speech.engine import CACHE_FOLDER, Job, Recorder, Recording, SpeechError, missing_message, missing_tools, prune
from sitekit.speech.lexicon import Lexicon, load_lexicon, reading_language
from sitekit.speech.reading import script

PUBLISHED_FOLDER = "speech"
SPEEDS = (0.75, 1.0, 1.25, 1.5, 2.0)  # the player's choice of playback rates
log = logging.getLogger("mkdocs.hooks.listen")


@dataclass(frozen=True)
class Player:
    """What the player partial needs about one page's recording."""

    url: str  # relative to the page
    minutes: int
    kilobytes: int
    seconds: float
    speeds: tuple[tuple[str, str], ...]  # (value, label in the page's language: "1,25×")


def published_path(reading: str, page: str) -> str:
    """Where a page's recording is published, relative to the site: "speech/uz/joining.opus"."""
    return (PurePosixPath(PUBLISHED_FOLDER) / reading / PurePosixPath(page).with_suffix(".opus")).as_posix()


class SpeechBuild:
    def __init__(self):
        self.command: str | None = None
        self.enabled: bool | None = None  # decided once per process
        self.recorder: Recorder | None = None
        self.lexicons: dict[str, Lexicon] = {}
        self.jobs: dict[str, Future] = {}  # published path -> its Recording, being made
        self.languages: list[Language] = []
        self.root: Path | None = None

    # ── once per process ─────────────────────────────────────────────────────
    def start(self, command: str | None):
        self.command = command

    def configure(self, root: Path, languages: list[Language]):
        """Called by each language's build; decides the mode the first time."""
        self.root, self.languages = Path(root), languages
        if self.enabled is not None:
            return
        if os.environ.get("SITE_SPEECH", "on").lower() == "off":
            self.enabled = False
            log.info("Listen is off (SITE_SPEECH=off): pages are built without recordings")
            return
        missing = missing_tools()
        if missing:
            if self.command == "serve":
                self.enabled = False
                log.info(missing_message(missing) + "; `make serve` serves the site without it")
                return
            raise SpeechError(missing_message(missing) + "; a published site needs them "
                              "(SITE_SPEECH=off builds without recordings on purpose)")
        cache = Path(os.environ.get("SITE_SPEECH_CACHE") or build_cache(self.root, CACHE_FOLDER.name))
        self.recorder = Recorder(cache)
        self.enabled = True

    def lexicon(self, language: str) -> Lexicon:
        reading = reading_language(self.root, language)
        if reading not in self.lexicons:
            self.lexicons[reading] = load_lexicon(self.root, reading)
        return self.lexicons[reading]

    # ── pages ────────────────────────────────────────────────────────────────
    def lexicon_for_lang(self, page_language: str):
        """lang attribute -> lexicon: a site language (by its html lang or its code), else the page's."""
        by_attribute = {lang.html_lang.lower(): lang.code for lang in self.languages}
        codes = {lang.code for lang in self.languages}

        def lexicons(lang: str) -> Lexicon:
            lang = lang.lower()
            code = by_attribute.get(lang) or (lang.split("-")[0] if lang.split("-")[0] in codes else page_language)
            return self.lexicon(code)

        return lexicons

    def page_content(self, html: str, src_uri: str, language: str, title: str, site_name: str):
        """Prepare a page's speech (always) and start its recording (when enabled).

        ``src_uri`` is the page's file in docs/ ("uz/joining.md"); a generated edition's page
        records nothing: it plays the recording of the page it is made from."""
        source = source_file(src_uri, self.languages)
        if source != src_uri:
            return
        reading = reading_language(self.root, language)
        page = src_uri.split("/", 1)[1]
        spoken = script(html, language, self.lexicon_for_lang(language))
        path = published_path(reading, page)
        if self.enabled and spoken.passages:
            self.jobs[path] = self.recorder.submit(Job(spoken, self.lexicon(language).rate, title, site_name))

    def recording(self, src_uri: str, language: str) -> tuple[str, Recording] | None:
        """The published path and recording of a page (a generated edition's: its source's)."""
        if not self.enabled:
            return None
        source = source_file(src_uri, self.languages)
        reading = reading_language(self.root, language)
        path = published_path(reading, source.split("/", 1)[1])
        job = self.jobs.get(path)
        return (path, job.result()) if job is not None else None

    def player(self, src_uri: str, language: str, page_url: str) -> Player | None:
        from mkdocs.utils import get_relative_url

        found = self.recording(src_uri, language)
        if found is None:
            return None
        path, recording = found
        mark = self.lexicon(language).decimal_mark
        return Player(
            url=get_relative_url(path, page_url or "./"),
            minutes=max(1, math.ceil(recording.seconds / 60)),
            kilobytes=max(1, round(recording.size / 1024)),
            seconds=recording.seconds,
            speeds=tuple((f"{speed:g}", f"{speed:g}".replace(".", mark) + "×") for speed in SPEEDS),
        )

    # ── output ───────────────────────────────────────────────────────────────
    def publish(self, site_dir: Path):
        """Copy every language's recordings into the built site."""
        if not self.enabled:
            return
        for path, job in self.jobs.items():
            target = Path(site_dir) / path
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(job.result().path, target)

    def summary(self) -> str | None:
        if not self.enabled or self.recorder is None:
            return None
        recorder = self.recorder
        removed = prune(recorder.cache)
        total = sum(job.result().size for job in self.jobs.values())
        text = (f"Listen: {len(self.jobs)} recordings, {total / 1024 / 1024:.1f} MB "
                f"({recorder.made} synthesised in {recorder.seconds_spent:.1f} s, {recorder.reused} from the cache "
                f"{recorder.cache})")
        return text + (f"; {removed} unused for 30 days removed from the cache" if removed else "")

    def reset_pages(self):
        """A rebuild under `mkdocs serve`: pages and lexicons may have changed, pages gone."""
        self.jobs.clear()
        self.lexicons.clear()
        if self.recorder is not None:
            self.recorder.reset_counts()


class _FirstHeadingEnd(HTMLParser):
    """Where the first <h1> element ends, as (line, column) of its end tag."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.depth = 0
        self.end: tuple[int, int] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "h1" and self.end is None:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag == "h1" and self.depth and self.end is None:
            self.end = self.getpos()


def after_first_heading(html, insert) -> Markup:
    """``html`` with ``insert`` right after its first <h1>…</h1> (at the start if it has none):
    a template filter, so both are markup already."""
    html, insert = str(html), str(insert)
    if not insert.strip():
        return Markup(html)
    finder = _FirstHeadingEnd()
    finder.feed(html)
    finder.close()
    if finder.end is None:
        return Markup(insert + html)
    line, column = finder.end
    offset = sum(len(text) for text in html.splitlines(keepends=True)[: line - 1]) + column
    offset = html.index(">", offset) + 1
    return Markup(html[:offset] + insert + html[offset:])
