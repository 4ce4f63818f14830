"""The editor's page commands, on a fixture site of its own (tests/loop_site.py):

- `make new-page` (scripts/new_page.py) creates the page in every language and adds it to the
  navigation of mkdocs.yml and every i18n/<lang>.yml, as text: the files still load, the entry
  is there, and every other line (comments included) is as it was;
- `make rename-page` (scripts/rename_page.py) moves a page in every language, rewrites the
  links to it and in it, renames its nav entry and records a redirect; the build then writes a
  redirect page per edition, inside the Content-Security-Policy, and the check knows redirects;
- the scripts, run with a Python that lacks the site's packages, say which make target to use
  in one line, not a traceback; README and --help never send editors to a bare `python`.
"""

from __future__ import annotations

import difflib
import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from loop_site import TEXT, commit_all, git, make_site, page_markdown, write
from sitekit.build import build
from sitekit.site import ROOT, load_site_config
from sitekit.strings import load_strings

SCRIPTS = ROOT / "scripts"
EVENTS = {"uz": "Tadbirlar", "ru": "Мероприятия", "en": "Events"}


def run(script: str, root: Path, *args: str, env: dict | None = None, stdin: str | None = None):
    done = subprocess.run([sys.executable, str(SCRIPTS / script), "--config", str(root / "mkdocs.yml"), *args],
                          capture_output=True, text=True, cwd=root, input=stdin,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})
    assert "Traceback" not in done.stdout + done.stderr, done.stdout + done.stderr
    return done


def config_of(root: Path):
    load_site_config.cache_clear()
    config = load_site_config(str(root / "mkdocs.yml"))
    load_site_config.cache_clear()
    return config


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and ".git/" not in p.as_posix() and ".cache/" not in p.as_posix()}


def comments(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip().startswith("#")]


def added_lines(before: str, after: str) -> list[str]:
    """The lines ``after`` adds to ``before``; fails if it removes or changes any."""
    diff = [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"]
    assert not [line for line in diff if line.startswith("-")], diff
    return [line[2:] for line in diff]


def flat_nav(nav) -> list[tuple[str, str]]:
    found = []
    for item in nav:
        for label, target in item.items():
            found += flat_nav(target) if isinstance(target, list) else [(label, target)]
    return found


@pytest.fixture
def site(tmp_path):
    return make_site(tmp_path / "site", git=True)


# ── make new-page ─────────────────────────────────────────────────────────────


def test_new_page_everywhere_with_every_comment_kept(site):
    files = ["mkdocs.yml", "i18n/uz.yml", "i18n/ru.yml", "i18n/en.yml", "i18n/uz-cyrl.yml"]
    before = {name: (site / name).read_text(encoding="utf-8") for name in files}
    # As `make new-page PAGE=events.md LABEL="Events" UZ=… RU=…` runs it: values in the environment.
    done = run("new_page.py", site, "--from-make",
               env={"PAGE": "events.md", "LABEL": "Events", "UZ": EVENTS["uz"], "RU": EVENTS["ru"]})
    assert done.returncode == 0, done.stdout + done.stderr
    for lang in ("uz", "ru", "en"):
        text = (site / "docs" / lang / "events.md").read_text(encoding="utf-8")
        assert f"# {EVENTS[lang]} {{#events}}" in text
    assert ("Events", "events.md") in flat_nav(config_of(site).nav)
    for lang in ("uz", "ru", "en"):
        assert load_strings(site, lang)["nav"]["Events"] == EVENTS[lang]
    assert load_strings(site, "uz-cyrl")["nav"]["Events"] == "Тадбирлар"  # made from Uzbek
    after = {name: (site / name).read_text(encoding="utf-8") for name in files}
    assert added_lines(before["mkdocs.yml"], after["mkdocs.yml"]) == ["  - Events: events.md"]
    for lang in ("uz", "ru", "en"):
        name = f"i18n/{lang}.yml"
        assert added_lines(before[name], after[name]) == [f"  Events: {EVENTS[lang]}"]
        assert comments(before[name]) == comments(after[name])
    assert after["i18n/uz-cyrl.yml"] == before["i18n/uz-cyrl.yml"]
    assert comments(before["mkdocs.yml"]) == comments(after["mkdocs.yml"])
    assert "make check" in done.stdout


def test_a_new_page_written_passes_the_check_and_the_build(site, tmp_path):
    assert run("new_page.py", site, "events.md", "Events", "--uz", EVENTS["uz"], "--ru", EVENTS["ru"]).returncode == 0
    check = run("check.py", site)
    assert check.returncode == 1 and "placeholder TODO" in check.stdout, check.stdout  # not written yet
    for lang in ("uz", "ru", "en"):  # the editor writes the page
        write(site / "docs" / lang / "events.md", page_markdown(lang, EVENTS[lang], "events"))
    check = run("check.py", site)
    assert check.returncode == 0, check.stdout
    assert build(tmp_path / "built", site / "mkdocs.yml").ok
    assert (tmp_path / "built" / "ru" / "events" / "index.html").is_file()


def test_titles_not_given_are_todo_labels_the_check_reports(site):
    assert run("new_page.py", site, "events.md", "Events").returncode == 0
    lines = (site / "i18n" / "ru.yml").read_text(encoding="utf-8").splitlines()
    number = next(n for n, line in enumerate(lines, 1) if line.strip().startswith("Events:"))
    check = run("check.py", site)
    assert f"i18n/ru.yml:{number}: the navigation label of 'Events' is a placeholder — write the page's title " \
           "in Русский" in check.stdout, check.stdout
    assert "i18n/en.yml" not in check.stdout  # the English label is the English title


def test_after_a_page_and_not_in_nav(site):
    assert run("new_page.py", site, "events.md", "Events", "--after", "index.md").returncode == 0
    assert [target for _label, target in flat_nav(config_of(site).nav)] == ["index.md", "events.md", "contacts.md"]
    assert run("new_page.py", site, "about/terms.md", "Terms", "--not-in-nav").returncode == 0
    assert config_of(site).not_in_nav.match_file("about/terms.md")
    assert "Terms" not in load_strings(site, "en")["nav"]


REFUSALS = {
    "the page exists": (["contacts.md", "Contact"], "docs/uz/contacts.md, docs/ru/contacts.md, docs/en/contacts.md "
                                                     "already exist"),
    "not a page name": (["Events Page.md", "Events"], "is not a page name"),
    "a label taken": (["news.md", "Contacts"], "its nav already has a label for 'Contacts'"),
    "a label with a colon": (["news.md", "News: all"], "without a colon"),
    "after a page not in the nav": (["news.md", "News", "--after", "nothing.md"], "has no entry for nothing.md"),
}


@pytest.mark.parametrize(("args", "message"), REFUSALS.values(), ids=REFUSALS)
def test_refusals_change_nothing(site, args, message):
    before = snapshot(site)
    done = run("new_page.py", site, *args)
    assert done.returncode != 0 and message in done.stdout, done.stdout
    assert len(done.stdout.strip().splitlines()) == 1
    assert snapshot(site) == before


def test_interactive_in_a_terminal(site):
    """`make new-page` with nothing given, in a terminal: it asks, in order."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen([sys.executable, str(SCRIPTS / "new_page.py"), "--config", str(site / "mkdocs.yml"),
                                "--from-make"], stdin=terminal, stdout=terminal, stderr=terminal, cwd=site,
                               env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    os.close(terminal)
    answers = iter(["events.md", "Events", EVENTS["uz"], EVENTS["ru"]])
    output = b""
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        ready, _, _ = select.select([controller], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(controller, 4096)
            except OSError:
                break
            output += chunk
            if chunk.rstrip().endswith(b":"):
                os.write(controller, (next(answers) + "\n").encode())
    process.wait(timeout=30)
    os.close(controller)
    text = output.decode("utf-8", "replace")
    assert process.returncode == 0, text
    for question in ("File name of the new page", "navigation label in English", "Title of the page in Oʻzbekcha",
                     "Title of the page in Русский"):
        assert question in text
    assert load_strings(site, "ru")["nav"]["Events"] == EVENTS["ru"]


def test_without_a_terminal_it_says_what_to_give(site):
    done = run("new_page.py", site, "--from-make", stdin="")
    assert done.returncode == 2
    assert 'make new-page PAGE=events.md LABEL="Events"' in done.stdout


# ── The wrong Python ──────────────────────────────────────────────────────────

COMMANDS = {"new_page.py": "make new-page", "rename_page.py": "make rename-page", "check.py": "make check",
            "status.py": "make status", "preview.py": "make preview", "translit.py": ".venv/bin/python"}


@pytest.mark.parametrize(("script", "target"), COMMANDS.items(), ids=COMMANDS)
def test_the_wrong_python_gets_one_line_naming_the_make_target(script, target, tmp_path):
    # -S: no site-packages, as a system Python without the site's packages would be.
    done = subprocess.run([sys.executable, "-S", str(SCRIPTS / script), "--help"], capture_output=True, text=True,
                          cwd=tmp_path)
    output = done.stdout + done.stderr
    assert done.returncode == 2 and "Traceback" not in output, output
    assert len(output.strip().splitlines()) == 1 and target in output, output


@pytest.mark.parametrize("text", ["README.md", "CONTRIBUTING.md", "new_page.py --help", "rename_page.py --help"])
def test_no_bare_python_for_editors(text):
    if text.endswith("--help"):
        content = subprocess.run([sys.executable, str(SCRIPTS / text.split()[0]), "--help"],
                                 capture_output=True, text=True, cwd=ROOT).stdout
    else:
        content = (ROOT / text).read_text(encoding="utf-8")
    bare = [match.group(0) for match in re.finditer(r"(?<![\w/.])python3? scripts/\w+\.py", content)]
    assert not bare, f"{text} tells editors to run {bare[0]}: name the make target (or .venv/bin/python)"
    if "new_page" in text or text == "README.md":
        assert "make new-page" in content


# ── make rename-page ──────────────────────────────────────────────────────────

RENAMED = {"uz": "Yangiliklar", "ru": "Новости", "en": "News"}


# The redirect tests share one renamed and built site (renamed_once): one xdist worker.
pytestmark = pytest.mark.xdist_group("test_page_commands")


@pytest.fixture
def events_site(tmp_path):
    return make_events_site(tmp_path)


def make_events_site(tmp_path):
    """The fixture site with an events page, linked from the home page (with an anchor) and
    from the contacts page, itself linking the contacts page and the home page."""
    pages = {"events.md": {lang: page_markdown(lang, EVENTS[lang], "events",
                                               f"## {RENAMED[lang]} {{#news}}\n\n[{TEXT[lang].split()[0]}](contacts.md#feedback), "
                                               "[home](index.md).\n\n"
                                               "```markdown\n[not a link](events.md)\n```\n")
                           for lang in ("uz", "ru", "en")}}
    root = make_site(tmp_path / "site", pages=pages, nav=[("Events", "events.md", EVENTS)])
    for lang in ("uz", "ru", "en"):
        with open(root / "docs" / lang / "index.md", "a", encoding="utf-8") as index:
            index.write(f"\n[{EVENTS[lang]}](events.md#news) · [the `events.md` page](events.md)\n")
        with open(root / "docs" / lang / "contacts.md", "a", encoding="utf-8") as contacts:
            contacts.write(f"\n[{EVENTS[lang]}][events]\n\n[events]: events.md\n")
    commit_all(root, "Events", init=True)
    return root


def test_rename_moves_the_page_its_links_and_its_nav_entry(events_site):
    before = (events_site / "mkdocs.yml").read_text(encoding="utf-8")
    done = run("rename_page.py", events_site, "--from-make", env={"FROM": "events.md", "TO": "news/events.md"})
    assert done.returncode == 0, done.stdout
    for lang in ("uz", "ru", "en"):
        docs = events_site / "docs" / lang
        assert not (docs / "events.md").exists()
        moved = (docs / "news" / "events.md").read_text(encoding="utf-8")
        assert "](../contacts.md#feedback)" in moved
        assert "[home](../index.md)" in moved
        assert "[not a link](events.md)" in moved  # code stays as written
        index = (docs / "index.md").read_text(encoding="utf-8")
        assert "](news/events.md#news)" in index and "[the `events.md` page](news/events.md)" in index
        assert "[events]: news/events.md" in (docs / "contacts.md").read_text(encoding="utf-8")
    after = (events_site / "mkdocs.yml").read_text(encoding="utf-8")
    assert ("Events", "news/events.md") in flat_nav(config_of(events_site).nav)
    assert config_of(events_site).extra["redirects"] == {"events.md": "news/events.md"}
    assert comments(before) == comments(after)
    changed = [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"]
    assert sorted(changed) == sorted(["-   redirects: {}", "+   redirects:", "+     events.md: news/events.md",
                                      "-   - Events: events.md", "+   - Events: news/events.md"]), changed
    check = run("check.py", events_site)
    assert check.returncode == 0, check.stdout


def renamed_and_built(events_site, tmp_path):
    assert run("rename_page.py", events_site, "events.md", "news/events.md").returncode == 0
    site = tmp_path / "built"
    result = build(site, events_site / "mkdocs.yml")
    assert result.ok, result.output[-2000:]
    return events_site, site


@pytest.fixture
def renamed_site(events_site, tmp_path):
    """Renamed and built, for a test that changes it further."""
    return renamed_and_built(events_site, tmp_path)


@pytest.fixture(scope="module")
def renamed_once(tmp_path_factory):
    """Renamed and built once, for the tests that only read the result."""
    folder = tmp_path_factory.mktemp("renamed")
    return renamed_and_built(make_events_site(folder), folder)


EDITIONS = {"uz": ("", "uz", "Yangiliklar"), "uz-cyrl": ("uz-cyrl/", "uz-Cyrl", "Тадбирлар"),
            "ru": ("ru/", "ru", "Мероприятия"), "en": ("en/", "en", "Events")}


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_old_address_sends_readers_on_in_their_language(renamed_once, edition):
    root, site = renamed_once
    prefix, html_lang, _ = EDITIONS[edition]
    raw = (site / prefix / "events" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(raw, "lxml")
    assert soup.html["lang"] == html_lang
    refresh = soup.find("meta", attrs={"http-equiv": "refresh"})["content"]
    assert refresh == "0; url=../news/events/"
    canonical = soup.find("link", rel="canonical")["href"]
    assert canonical == config_of(root).site_url.rstrip("/") + "/" + prefix + "news/events/"
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    link = soup.body.find("a")
    assert link["href"] == "../news/events/"
    title = BeautifulSoup((site / prefix / "news" / "events" / "index.html").read_bytes(), "lxml").h1.get_text(strip=True)
    assert link.get_text(strip=True) == title
    policy = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert policy is not None and "'unsafe-inline'" not in policy["content"]
    assert raw.index("Content-Security-Policy") < raw.index('http-equiv="refresh"')
    assert not soup.find("script") and not soup.find(style=True) and not soup.find("style")


def test_moving_back_replaces_the_redirect(renamed_site):
    root, _site = renamed_site
    assert run("rename_page.py", root, "news/events.md", "events.md").returncode == 0
    assert config_of(root).extra["redirects"] == {"news/events.md": "events.md"}
    assert run("check.py", root).returncode == 0


RENAME_REFUSALS = {
    "no such page": (["nothing.md", "other.md"], "there is no page nothing.md"),
    "the new name is taken": (["events.md", "contacts.md"], "docs/uz/contacts.md, docs/ru/contacts.md, "
                                                           "docs/en/contacts.md exists already"),
    "a bad new name": (["events.md", "News.md"], "is not a page name"),
}


@pytest.mark.parametrize(("args", "message"), RENAME_REFUSALS.values(), ids=RENAME_REFUSALS)
def test_rename_refusals_change_nothing(events_site, args, message):
    before = snapshot(events_site)
    done = run("rename_page.py", events_site, *args)
    assert done.returncode == 1 and message in done.stdout, done.stdout
    assert snapshot(events_site) == before


# ── The check knows redirects ─────────────────────────────────────────────────


def _redirects(root: Path, body: str) -> int:
    path = root / "mkdocs.yml"
    text = path.read_text(encoding="utf-8").replace("  redirects: {}", "  redirects:\n" + body)
    path.write_text(text, encoding="utf-8")
    return text[: text.index(body)].count("\n") + 1


REDIRECT_CASES = {
    "to a page that does not exist": ("    old.md: nowhere.md\n",
                                      "mkdocs.yml:{line}: redirect from old.md to nowhere.md, but there is no "
                                      "docs/uz/nowhere.md, docs/ru/nowhere.md, docs/en/nowhere.md"),
    "from a page that exists": ("    contacts.md: index.md\n",
                                "mkdocs.yml:{line}: redirect from contacts.md, but docs/uz/contacts.md, "
                                "docs/ru/contacts.md, docs/en/contacts.md exists"),
    "to a redirect": ("    old.md: older.md\n    older.md: index.md\n",
                      "mkdocs.yml:{line}: redirect from old.md to older.md, which is itself redirected to index.md "
                      "— write `old.md: index.md`"),
}


@pytest.mark.parametrize(("body", "expected"), REDIRECT_CASES.values(), ids=REDIRECT_CASES)
def test_redirect_rules(site, body, expected):
    line = _redirects(site, body)
    check = run("check.py", site)
    assert check.returncode == 1
    assert expected.format(line=line) in check.stdout, check.stdout


def test_a_deleted_page_still_linked_or_in_the_nav_is_an_error(events_site):
    for lang in ("uz", "ru", "en"):
        (events_site / "docs" / lang / "events.md").unlink()
    check = run("check.py", events_site)
    assert check.returncode == 1
    assert re.search(r"^mkdocs\.yml:\d+: nav lists events\.md", check.stdout, re.M), check.stdout
    assert re.search(r"^docs/uz/index\.md:\d+: link to events\.md#news", check.stdout, re.M), check.stdout


def test_a_page_deleted_without_a_redirect_is_a_warning(events_site):
    git(events_site, "checkout", "-q", "-b", "tidy")
    for lang in ("uz", "ru", "en"):
        (events_site / "docs" / lang / "events.md").unlink()
        for page in ("index.md", "contacts.md"):
            path = events_site / "docs" / lang / page
            text = path.read_text(encoding="utf-8")
            path.write_text(re.sub(r"\n\[[^\n]*events\.md[^\n]*\n", "\n", text).replace("[events]: events.md\n", ""),
                            encoding="utf-8")
    config = events_site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - Events: events.md\n", ""), encoding="utf-8")
    commit_all(events_site, "No more events page")
    check = run("check.py", events_site)
    assert check.returncode == 0, check.stdout
    warnings = [line for line in check.stdout.splitlines() if "deleted in every language" in line]
    assert len(warnings) == 1, check.stdout
    assert warnings[0].startswith("docs/uz/events.md: warning: deleted in every language: its address /events/")
    assert "make rename-page FROM=events.md" in warnings[0]


def test_redirect_pages_are_valid_html(renamed_once):
    from test_html_valid import nu_messages

    _root, site = renamed_once
    pages = [str(site / prefix / "events" / "index.html") for prefix, _lang, _title in EDITIONS.values()]
    messages = nu_messages(pages)
    assert not messages, messages
