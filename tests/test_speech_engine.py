"""Recordings (sitekit/speech/engine.py): eSpeak NG and opusenc make the same bytes every time,
at a fixed Ogg serial number and without a date; the cache makes each recording once, and a
change of text, voice or settings makes a new one. The length read from the file agrees with
opus-tools' own opusinfo."""

import copy
import re
import shutil
import subprocess

import pytest

from siteinfo import ARTICLE_INTERFACE, BY_CODE, require_speech
from sitekit.site import ROOT
from sitekit.speech.engine import Job, Recorder, Settings, prune
from sitekit.speech.lexicon import load_lexicon
from sitekit.speech.ogg import NotOggOpus, opus_seconds
from sitekit.speech.reading import script

SHORT_HTML = "<h1>Aloqa</h1><p>«Olmaliq KMK» AJ ishonch telefoni: (+998 70) 619-23-33.</p>"


@pytest.fixture(autouse=True)
def engine():
    require_speech()


def uzbek_job(html=SHORT_HTML, rate=None, title="Aloqa") -> Job:
    lexicon = load_lexicon(ROOT, "uz")
    return Job(script(html, "uz", lambda lang: lexicon), rate or lexicon.rate, title, "Mis sanoati klasteri")


def record(cache, job, settings=Settings()):
    recorder = Recorder(cache, settings)
    try:
        return recorder.submit(job).result(), recorder
    finally:
        recorder.close()


def test_a_recording_is_made_once_then_taken_from_the_cache(tmp_path):
    job = uzbek_job()
    first, recorder = record(tmp_path, job)
    assert first.made and (recorder.made, recorder.reused) == (1, 0)
    again, recorder = record(tmp_path, job)
    assert not again.made and (recorder.made, recorder.reused) == (0, 1)
    assert again.path == first.path and again.path.read_bytes() == first.path.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == [first.path.name], "no partial files left behind"


@pytest.mark.parametrize("change", ["text", "rate", "title", "bitrate"])
def test_what_decides_the_bytes_decides_the_cache_key(tmp_path, change):
    job, settings = uzbek_job(), Settings()
    first, _ = record(tmp_path, job, settings)
    if change == "text":
        job = uzbek_job(SHORT_HTML.replace("Aloqa", "Bogʻlanish"))
    elif change == "rate":
        job = uzbek_job(rate=job.rate + 20)
    elif change == "title":
        job = uzbek_job(title="Boshqa")
    else:
        settings = Settings(bitrate=24)
    second, _ = record(tmp_path, job, settings)
    assert second.made and second.path != first.path


def test_two_recordings_of_a_real_page_are_byte_identical(tmp_path, built_site):
    """Made afresh twice, in two empty caches: the same bytes (what two clean builds publish)."""
    lang = BY_CODE["uz"]
    article = copy.copy(built_site.content(built_site.page_path(lang, "contacts.md")))
    for interface in article.select(ARTICLE_INTERFACE):
        interface.decompose()
    job = uzbek_job(str(article))
    first, _ = record(tmp_path / "one", job)
    second, _ = record(tmp_path / "two", job)
    assert first.made and second.made
    assert first.path.read_bytes() == second.path.read_bytes()


def test_recording_format_serial_and_metadata(tmp_path):
    job = uzbek_job()
    recording, recorder = record(tmp_path, job)
    data = recording.path.read_bytes()
    key = recording.path.stem
    assert data.startswith(b"OggS") and b"OpusHead" in data[:100]
    assert data[data.find(b"OpusHead") + 9] == 1, "mono"
    serials = {int.from_bytes(data[at + 14: at + 18], "little") for at in [m.start() for m in re.finditer(b"OggS", data)]}
    assert serials == {int(key[:8], 16) & 0x7FFFFFFF}, "one stream, with its serial from the cache key"
    assert b"title=Aloqa" in data and b"LANGUAGE=uz" in data
    assert not re.search(rb"DATE=|20\d\d-\d\d-\d\d", data[:2000]), "no date in the comments"
    kbits = recording.size * 8 / recording.seconds / 1000
    assert 12 <= kbits <= 26, f"{kbits:.1f} kbit/s"


def test_length_read_from_the_file_agrees_with_opusinfo(tmp_path):
    if shutil.which("opusinfo") is None:
        pytest.skip("opusinfo (opus-tools) not found")
    recording, _ = record(tmp_path, uzbek_job())
    shown = subprocess.run(["opusinfo", str(recording.path)], capture_output=True, text=True).stdout
    minutes, seconds = re.search(r"Playback length:\s*(\d+)m:([\d.]+)s", shown).groups()
    assert recording.seconds == pytest.approx(int(minutes) * 60 + float(seconds), abs=0.01)
    with pytest.raises(NotOggOpus):
        opus_seconds(b"RIFF....WAVE")


def test_recordings_unused_for_a_month_leave_the_cache(tmp_path):
    import os
    import time

    recording, _ = record(tmp_path, uzbek_job())
    other = tmp_path / "old.opus"
    other.write_bytes(b"")
    month_ago = time.time() - 31 * 86400
    os.utime(other, (month_ago, month_ago))
    assert prune(tmp_path) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [recording.path.name]
