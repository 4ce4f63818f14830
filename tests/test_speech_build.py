"""Listen in the build (overrides/hooks/listen.py, sitekit/speech/build.py): every page of every
edition links a recording that exists, the Uzbek Cyrillic edition the Uzbek one; and a missing
engine is a clear message: a publishing build fails with it, `mkdocs serve` says it once and
serves the site, SITE_SPEECH=off builds without recordings on purpose.

The missing engine is simulated with a PATH that has git and nothing else.
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from siteinfo import BY_CODE, LANGUAGES, PAGES, require_speech
from sitekit.build import build
from sitekit.pages_server import PagesServer
from sitekit.site import ROOT
from sitekit.speech.build import published_path
from sitekit.speech.engine import INSTALL
from sitekit.speech.ogg import opus_seconds


@pytest.fixture(scope="module")
def no_engine_path(tmp_path_factory) -> str:
    """A PATH with git (page dates come from it) and no espeak-ng or opusenc."""
    folder = tmp_path_factory.mktemp("bin")
    (folder / "git").symlink_to(shutil.which("git"))
    return str(folder)


def reading_of(lang):
    return BY_CODE[lang.generated_from] if lang.generated_from else lang


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_links_its_recording(built_site, lang, page):
    require_speech()
    path = built_site.page_path(lang, page)
    player = built_site.soup(path).select_one("article .site-listen")  # content() leaves it out
    assert player is not None, f"{path}: no Listen player"
    assert player.find_previous_sibling() is not None and player.find_previous_sibling().name == "h1", "right under the heading"
    expected = published_path(reading_of(lang).code, page)
    link = built_site.classify(path, player["data-site-listen"])
    assert link.path == expected, link
    recording = built_site.root / expected
    assert float(player["data-seconds"]) == pytest.approx(opus_seconds(recording.read_bytes()), abs=0.05)
    assert player.select_one("a.site-no-js")["href"] == player["data-site-listen"]


def test_recordings_are_exactly_the_pages(built_site):
    require_speech()
    published = {p.relative_to(built_site.root).as_posix() for p in (built_site.root / "speech").rglob("*")
                 if p.is_file()}
    expected = {published_path(lang.code, page) for lang in LANGUAGES if not lang.generated_from for page in PAGES}
    assert published == expected


def test_a_publishing_build_without_the_engine_fails_and_says_how_to_install_it(tmp_path, no_engine_path):
    result = build(tmp_path / "site", env={"PATH": no_engine_path, "SITE_SPEECH": "on"})
    assert result.returncode != 0
    assert "Listen is off: espeak-ng and opusenc not found" in result.output
    assert f"`{INSTALL}`" in result.output
    assert "Traceback" not in result.output


def test_site_speech_off_builds_without_recordings(tmp_path, no_engine_path):
    site = tmp_path / "site"
    result = build(site, env={"PATH": no_engine_path, "SITE_SPEECH": "off"})
    assert result.ok, result.output[-2000:]
    assert "Listen is off (SITE_SPEECH=off)" in result.output
    assert not (site / "speech").exists()
    assert "site-listen" not in (site / "index.html").read_text(encoding="utf-8")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_without_the_engine_serves_the_site_and_says_so_once(no_engine_path):
    port = free_port()
    env = {**os.environ, "PATH": no_engine_path, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"http://127.0.0.1:{port}/"}
    env.pop("SITE_SPEECH", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    output = []
    try:
        deadline = time.monotonic() + 150
        while time.monotonic() < deadline:
            line = server.stdout.readline()
            if not line:
                break
            output.append(line)
            if "Serving on" in line:
                break
        home = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30).read().decode("utf-8")
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
    text = "".join(output)
    assert "Serving on" in text, text[-3000:]
    assert len(re.findall(r"Listen is off", text)) == 1, text
    assert f"`{INSTALL}`" in text and "serves the site without it" in text
    assert "<article" in home and "site-listen" not in home


def test_the_test_server_answers_byte_ranges_as_pages_does(tmp_path):
    """Browsers stream and seek audio with Range requests; GitHub Pages answers them."""
    (tmp_path / "a.opus").write_bytes(bytes(range(100)))
    (tmp_path / "404.html").write_text("missing", encoding="utf-8")
    with PagesServer(tmp_path, "/") as running:
        request = urllib.request.Request(running.url + "a.opus", headers={"Range": "bytes=10-19"})
        with urllib.request.urlopen(request) as response:
            assert response.status == 206
            assert response.headers["Content-Range"] == "bytes 10-19/100"
            assert response.headers["Content-Type"] == "audio/ogg"
            assert response.read() == bytes(range(10, 20))
        with urllib.request.urlopen(running.url + "a.opus") as response:
            assert response.status == 200 and response.headers["Accept-Ranges"] == "bytes"
            assert len(response.read()) == 100
