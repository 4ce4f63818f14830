"""One strict build per test session into a temporary folder, parsed once, shared by all tests
(and by every pytest-xdist worker: the first to need it builds it, the others wait and reuse it)."""

import contextlib
import fcntl
import os
from urllib.parse import urlsplit

import pytest

from siteinfo import LANGUAGES, build_env
from sitekit import site
from sitekit.build import build
from sitekit.built_site import BuiltSite


def pytest_configure(config):
    # Every build in the session (the real site's and each fixture site's) reads and fills the
    # project's caches (recordings, share cards, picture variants), so a text is synthesised
    # and a card drawn once, not once per fixture folder (sitekit.site.build_cache).
    os.environ.setdefault("SITE_CACHE", str(site.ROOT / ".cache"))
    # The fixture sites (the check's, the page commands', the preview's…) are built without
    # recordings: on a clean clone each of their texts would be synthesised afresh, for tests
    # about other things. Listen is tested on the real site and the photo site, whose builds
    # ask for it (siteinfo.build_env), and in tests/test_speech_*.py.
    os.environ.setdefault("SITE_SPEECH", "off")


@contextlib.contextmanager
def _locked(path):
    with open(path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def made_once(tmp_path_factory, worker_id: str, name: str, make):
    """``make(folder)`` run once for the whole run, in a folder all workers see; a worker that
    comes second waits for the first and gets the same folder. ``make`` returns an error
    message (the build failed: each worker reports it) or None."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if worker_id != "master" else base
    folder = shared / name
    with _locked(shared / f"{name}.lock"):
        done = shared / f"{name}.done"
        if not done.exists():
            if folder.exists():
                import shutil

                shutil.rmtree(folder)  # a failed attempt's leftovers
            folder.mkdir()
            error = make(folder)
            done.write_text(error or "", encoding="utf-8")
        error = done.read_text(encoding="utf-8")
    if error:
        pytest.fail(error, pytrace=False)
    return folder


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, worker_id) -> BuiltSite:
    def make(out):
        result = build(out, env=build_env())  # recordings from the shared cache (SITE_CACHE)
        if not result.ok:
            shown = result.problems or result.output.splitlines()[-20:]
            return "mkdocs build --strict failed:\n" + "\n".join(shown)
        return None

    out = made_once(tmp_path_factory, worker_id, "site", make)
    return BuiltSite(out, LANGUAGES, base_path=urlsplit(site.load_site_config().site_url).path)


@pytest.fixture(scope="session")
def photo_site(tmp_path_factory, worker_id):
    """A fixture site of its own with a generated 3000×2000, 5 MB photograph shown the
    documented way (tests/loop_site.py), built: (sources, built site)."""
    from loop_site import build_photo_site, photo

    def make(folder):
        try:
            build_photo_site(folder, photo())
        except AssertionError as error:
            return f"the photo fixture site did not build: {error}"
        return None

    folder = made_once(tmp_path_factory, worker_id, "photo-site", make)
    return folder / "src", folder / "built"
