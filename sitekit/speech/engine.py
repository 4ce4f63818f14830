"""Recordings: eSpeak NG reads a page's SSML, opusenc encodes it (Ogg Opus, mono), the result is
kept in a cache keyed by everything that decides its bytes.

The cache (``.cache/speech/`` beside mkdocs.yml, or SITE_SPEECH_CACHE) holds one
``<key>.opus`` per recording, where the key is a hash of the SSML, voice, rate, encoder
settings, metadata and the versions of both tools: a build synthesises only what changed,
`make serve`, the tests and `make build` share it, and an upgraded eSpeak NG makes new ones.

The bytes are reproducible: eSpeak NG is deterministic, and opusenc is given a fixed Ogg
serial number (from the key) and no date; its only comments are its own name and options.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from sitekit.speech.ogg import opus_seconds
from sitekit.speech.reading import Script

TOOLS = ("espeak-ng", "opusenc")
INSTALL = "apt-get install espeak-ng opus-tools"
CACHE_FOLDER = Path(".cache") / "speech"
FORMAT = 1  # bump when the way recordings are made changes without a setting showing it
KEEP_UNUSED_DAYS = 30


class SpeechError(RuntimeError):
    """The engine is missing or failed; the message says what to do."""


@dataclass(frozen=True)
class Settings:
    """How recordings are encoded (the voice and its rate come from each language's lexicon)."""

    bitrate: int = 16  # kbit/s: speech at 16 kHz bandwidth, about 120 KB a minute
    complexity: int = 5  # half the time of 10 (the default) for about 1 % more bytes at 16 kbit/s
    frame_ms: int = 60  # long frames: less overhead per second at a low bitrate


def missing_tools(path: str | None = None) -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool, path=path) is None]


def missing_message(missing: list[str]) -> str:
    return (f"Listen is off: {' and '.join(missing)} not found — install eSpeak NG and opus-tools "
            f"with `{INSTALL}` to record every page")


def tool_versions() -> dict[str, str]:
    """The versions that decide a recording's bytes (not the machine's paths)."""
    espeak = subprocess.run(["espeak-ng", "--version"], capture_output=True, text=True).stdout
    opusenc = subprocess.run(["opusenc", "--version"], capture_output=True, text=True).stdout
    espeak_version = re.search(r"text-to-speech:\s*(\S+)", espeak)
    return {
        "espeak-ng": espeak_version.group(1) if espeak_version else espeak.strip(),
        "opusenc": opusenc.splitlines()[0].strip() if opusenc else "",
    }


@dataclass(frozen=True)
class Recording:
    path: Path  # in the cache
    seconds: float
    size: int
    made: bool  # synthesised by this build (False: from the cache)


@dataclass(frozen=True)
class Job:
    script: Script
    rate: int
    title: str
    artist: str


class Recorder:
    """Makes recordings, a few at a time, each at most once per cache key."""

    def __init__(self, cache: Path, settings: Settings = Settings(), workers: int | None = None):
        self.cache = Path(cache)
        self.settings = settings
        self.versions = tool_versions()
        self._pool = ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 2, thread_name_prefix="speech")
        self._futures: dict[str, Future] = {}
        self._lock = threading.Lock()
        self.reset_counts()

    def reset_counts(self):
        """A new build: count afresh, and look in the cache again (a file may have gone)."""
        self._futures.clear()
        self.made = 0
        self.reused = 0
        self._first_start: float | None = None
        self._last_end: float | None = None

    @property
    def seconds_spent(self) -> float:
        """Wall-clock time from the first synthesis started to the last one finished."""
        if self._first_start is None or self._last_end is None:
            return 0.0
        return self._last_end - self._first_start

    def key(self, job: Job) -> str:
        material = {
            "format": FORMAT, "ssml": job.script.ssml(), "voice": job.script.voice, "rate": job.rate,
            "title": job.title, "artist": job.artist, "language": job.script.language,
            "settings": self.settings.__dict__, "tools": self.versions,
        }
        return hashlib.sha256(json.dumps(material, sort_keys=True, ensure_ascii=False).encode()).hexdigest()

    def submit(self, job: Job) -> Future:
        key = self.key(job)
        with self._lock:
            if key not in self._futures:
                self._futures[key] = self._pool.submit(self._record, key, job)
            return self._futures[key]

    def close(self):
        self._pool.shutdown(wait=True)

    def _record(self, key: str, job: Job) -> Recording:
        target = self.cache / f"{key}.opus"
        made = False
        if target.is_file():
            os.utime(target)  # recently used: kept by prune()
        else:
            with self._lock:
                if self._first_start is None:
                    self._first_start = time.perf_counter()
            self._synthesise(key, job, target)
            with self._lock:
                self._last_end = time.perf_counter()
            made = True
        data = target.read_bytes()
        with self._lock:
            if made:
                self.made += 1
            else:
                self.reused += 1
        return Recording(target, opus_seconds(data), len(data), made)

    def _synthesise(self, key: str, job: Job, target: Path):
        self.cache.mkdir(parents=True, exist_ok=True)
        settings = self.settings
        serial = int(key[:8], 16) & 0x7FFFFFFF  # fixed per recording: the same bytes every time
        espeak = ["espeak-ng", "-v", job.script.voice, "-s", str(job.rate), "-m", "-b", "1", "--stdout"]
        opusenc = ["opusenc", "--quiet", "--speech", "--bitrate", str(settings.bitrate),
                   "--comp", str(settings.complexity), "--framesize", str(settings.frame_ms),
                   "--serial", str(serial), "--ignorelength", "--title", job.title, "--artist", job.artist,
                   "--comment", f"LANGUAGE={job.script.language}", "-"]
        handle, partial = tempfile.mkstemp(dir=self.cache, prefix=f".{key[:12]}-", suffix=".opus")
        os.close(handle)
        try:
            reader = subprocess.Popen(espeak, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            encoder = subprocess.Popen([*opusenc, partial], stdin=reader.stdout, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.PIPE)
            reader.stdout.close()  # the encoder reads it now
            try:
                reader.stdin.write(job.script.ssml().encode("utf-8"))
            finally:
                reader.stdin.close()
            encoder_errors = encoder.communicate()[1].decode(errors="replace").strip()
            reader_errors = reader.stderr.read().decode(errors="replace").strip()
            reader.stderr.close()
            reader.wait()
            if reader.returncode != 0:
                raise SpeechError(f"espeak-ng -v {job.script.voice} failed ({reader.returncode}): {reader_errors}")
            if encoder.returncode != 0:
                raise SpeechError(f"opusenc failed ({encoder.returncode}): {encoder_errors}")
            os.replace(partial, target)  # whole or not at all: a parallel build never reads half a file
        finally:
            if os.path.exists(partial):
                os.unlink(partial)


def prune(cache: Path, keep_days: int = KEEP_UNUSED_DAYS) -> int:
    """Remove recordings no build has used for ``keep_days`` days; returns how many."""
    if not Path(cache).is_dir():
        return 0
    limit = time.time() - keep_days * 86400
    removed = 0
    for file in Path(cache).glob("*.opus"):
        if file.stat().st_mtime < limit:
            file.unlink(missing_ok=True)
            removed += 1
    return removed
