"""What the built site promises about its own integrity: the same Content-Security-Policy in
every page, allowing no inline script; robots.txt and security.txt at their well-known places;
nothing loaded over http://. (What the publishing build refuses: tests/test_publishing_safety.py.)"""

import datetime
import re

import pytest
from bs4 import BeautifulSoup

from siteinfo import LANGUAGES, TEST_REPOSITORY, language_page_params
from sitekit import csp, site
from sitekit.git_dates import last_commit_time

SITE_URL = site.load_site_config().site_url
DATA_BLOCKS = {"application/json", "application/ld+json"}  # <script> types a browser never runs


def all_pages(built_site):
    return built_site.html_files()


def policy_text(soup) -> str:
    meta = soup.head.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert meta is not None, "no Content-Security-Policy meta tag"
    return meta["content"]


def policy(soup) -> dict[str, list[str]]:
    directives = {}
    for part in policy_text(soup).split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def test_every_page_has_a_policy(built_site):
    pages = all_pages(built_site)
    assert "404.html" in pages and len(pages) >= 20
    for path in pages:
        first = built_site.soup(path).head.find(True)
        assert first.get("http-equiv") == "Content-Security-Policy", f"{path}: the policy must come first in <head>"
        assert "'unsafe-inline'" not in policy(built_site.soup(path))["script-src"], path


@pytest.mark.parametrize(("lang", "page"), language_page_params())
def test_policy_directives(built_site, lang, page):
    soup = built_site.soup(built_site.page_path(lang, page))
    directives = policy(soup)
    assert directives["default-src"] == ["'self'"]
    # Only the site's own files: no inline script at all, so no hash and no nonce either.
    assert directives["script-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["img-src"] == ["'self'", "data:"]
    assert directives["form-action"] == ["'none'"]
    assert "frame-ancestors" not in directives, "ignored in a meta tag: it would only mislead"


def test_every_page_has_the_same_policy(built_site):
    """The policy is not computed from a page, so no page's content can change it."""
    policies = {path: policy_text(built_site.soup(path)) for path in all_pages(built_site)}
    assert len(set(policies.values())) == 1, policies
    assert set(policies.values()) == {csp.policy()}


def test_no_page_has_an_inline_script(built_site):
    """The policy allows no inline script, so a built page with one would be broken: the
    colour-scheme script is a file (assets/javascripts/palette.js); data blocks stay inline."""
    inline = []
    for path in all_pages(built_site):
        for script in built_site.soup(path).find_all("script", src=False):
            if (script.get("type") or "").strip().lower() not in DATA_BLOCKS:
                inline.append(f"{path}: {str(script)[:80]}")
    assert not inline, "\n".join(inline[:20])
    palette = built_site.soup(built_site.page_path(LANGUAGES[0], "index.md")).head.find("script", src=True)
    assert palette["src"].endswith("assets/javascripts/palette.js") and not palette.has_attr("defer") \
        and not palette.has_attr("async"), "palette.js must block rendering: it sets the scheme before first paint"


def test_policy_is_the_same_whatever_the_page_contains():
    clean = "<!doctype html><html><head><title>t</title></head><body><p>x</p></body></html>"
    injected = clean.replace("<p>x</p>", "<p>x</p><script>alert(1)</script><img src=x onerror=alert(2)>"
                                         "<script src=https://evil.example/x.js></script>")
    meta = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')
    assert meta.search(csp.with_policy(clean)).group() == meta.search(csp.with_policy(injected)).group()


def test_robots_txt_names_the_sitemap(built_site):
    robots = (built_site.root / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots.splitlines()
    assert (built_site.root / "sitemap.xml").is_file()


def test_security_txt(built_site):
    """Reports go to the repository the site is built from (the tests' builds say which, as
    GitHub Actions does), never to JSC Almalyk MMC's address, which the sources give for
    proposals to join the Cluster."""
    text = (built_site.root / ".well-known" / "security.txt").read_text(encoding="utf-8")
    fields = dict(line.split(": ", 1) for line in text.splitlines() if ": " in line)
    contacts = [line.split(": ", 1)[1] for line in text.splitlines() if line.startswith("Contact: ")]
    assert contacts == [f"{TEST_REPOSITORY}/security/advisories/new", f"{TEST_REPOSITORY}/issues"]
    assert "agmk.uz" not in text
    expires = datetime.datetime.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)
    committed = last_commit_time(site.ROOT)
    assert committed < expires <= committed + datetime.timedelta(days=365), "RFC 9116: less than a year ahead"
    assert fields["Canonical"] == f"{SITE_URL}.well-known/security.txt"


def test_no_security_txt_without_a_repository():
    from sitekit.site_files import repository_url

    assert repository_url({}) is None
    assert repository_url({"GITHUB_SERVER_URL": "https://github.com/", "GITHUB_REPOSITORY": "o/r"}) == "https://github.com/o/r"
    assert repository_url({"SITE_REPOSITORY_URL": "https://example.org/r/", "GITHUB_REPOSITORY": "o/r"}) == "https://example.org/r"


URL_ATTRIBUTES = ("href", "src", "content", "action", "srcset", "poster", "data")


def test_nothing_over_plain_http(built_site):
    insecure = []
    for path in all_pages(built_site):
        for tag in built_site.soup(path).find_all(True):
            for attribute in URL_ATTRIBUTES:
                value = tag.get(attribute)
                if isinstance(value, str) and re.search(r"\bhttp://", value):
                    insecure.append(f"{path}: <{tag.name} {attribute}={value!r}>")
    sitemap = BeautifulSoup((built_site.root / "sitemap.xml").read_bytes(), "xml")
    addresses = [loc.text for loc in sitemap.find_all("loc")] + [link["href"] for link in sitemap.find_all("link")]
    insecure += [f"sitemap.xml: {address}" for address in addresses if not address.startswith("https://")]
    for extra in ("robots.txt", ".well-known/security.txt"):
        if "http://" in (built_site.root / extra).read_text(encoding="utf-8"):
            insecure.append(extra)
    assert not insecure, "\n".join(insecure[:20])
    assert SITE_URL.startswith("https://")


def test_external_links_open_over_https(built_site):
    external = set()
    for path in all_pages(built_site):
        for link in built_site.links(path):
            if link.kind == "external":
                external.add(link.href)
    assert all(href.startswith("https://") for href in external), sorted(external)


@pytest.mark.parametrize("command, policed", [("build", True), ("gh-deploy", True), ("serve", False)])
def test_policy_is_left_out_only_under_serve(command, policed):
    """`mkdocs serve` injects an inline live-reload script the policy would block; every
    command that publishes pages must still add the policy."""
    import importlib.util

    path = site.ROOT / "overrides" / "hooks" / "content_security_policy.py"
    spec = importlib.util.spec_from_file_location("content_security_policy_under_test", path)
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    hook.on_startup(command=command, dirty=False)
    page = "<!doctype html><html><head><title>t</title></head><body><p>x</p></body></html>"
    has_policy = "Content-Security-Policy" in hook.on_post_page(page, page=None, config=None)
    assert has_policy is policed


def test_serve_keeps_live_reload_and_adds_no_policy(tmp_path):
    """`mkdocs serve` (make serve) injects its live-reload script; with no policy under serve it
    runs. The publishing check runs there too and finds nothing in today's pages."""
    import os
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    address = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": address}
    log = open(tmp_path / "serve.log", "w+", encoding="utf-8")
    serving = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}",
                                "--config-file", str(site.ROOT / "mkdocs.yml")],
                               cwd=site.ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        html = None
        for _ in range(240):
            if serving.poll() is not None:
                break
            try:
                with urllib.request.urlopen(address + "en/contacts/", timeout=2) as response:
                    html = response.read().decode("utf-8")
                    break
            except OSError:
                time.sleep(0.25)
        log.seek(0)
        output = log.read()
        assert html is not None, f"mkdocs serve did not serve the page:\n{output[-3000:]}"
    finally:
        serving.terminate()
        serving.wait(timeout=20)
        log.close()
    assert "Content-Security-Policy" not in html
    assert re.search(r"\blivereload\(\d+, \d+\);\s*</script>", html), html[-500:]  # inline, as MkDocs 1.6 injects it
    assert "ERROR" not in output and "Traceback" not in output, output[-3000:]
