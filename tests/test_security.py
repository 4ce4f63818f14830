"""What the built site promises about its own integrity: a Content-Security-Policy in every
page, robots.txt and security.txt at their well-known places, nothing loaded over http://."""

import base64
import datetime
import hashlib
import re

import pytest
from bs4 import BeautifulSoup

from siteinfo import language_page_params
from sitekit import site
from sitekit.git_dates import last_commit_time

SITE_URL = site.load_site_config().site_url
EXECUTABLE = {"", "text/javascript", "application/javascript", "module"}


def all_pages(built_site):
    return built_site.html_files()


def policy(soup) -> dict[str, list[str]]:
    meta = soup.head.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert meta is not None, "no Content-Security-Policy meta tag"
    directives = {}
    for part in meta["content"].split(";"):
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
    scripts = directives["script-src"]
    assert scripts[0] == "'self'"
    assert not {"'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:"} & set(scripts)
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["img-src"] == ["'self'", "data:"]
    assert directives["form-action"] == ["'none'"]
    assert "frame-ancestors" not in directives, "ignored in a meta tag: it would only mislead"
    # Exactly the page's own executable inline scripts are allowed, by hash.
    expected = set()
    for script in soup.find_all("script", src=False):
        if (script.get("type") or "").lower() in EXECUTABLE:
            digest = hashlib.sha256((script.string or "").encode("utf-8")).digest()
            expected.add("'sha256-" + base64.b64encode(digest).decode() + "'")
    assert set(scripts[1:]) == expected
    assert expected, "the colour-scheme script is inline and must be allowed by its hash"


def test_robots_txt_names_the_sitemap(built_site):
    robots = (built_site.root / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots.splitlines()
    assert (built_site.root / "sitemap.xml").is_file()


def test_security_txt(built_site):
    text = (built_site.root / ".well-known" / "security.txt").read_text(encoding="utf-8")
    fields = dict(line.split(": ", 1) for line in text.splitlines() if ": " in line)
    assert fields["Contact"] == "mailto:info@agmk.uz"  # the contact e-mail of the sources
    expires = datetime.datetime.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)
    committed = last_commit_time(site.ROOT)
    assert committed < expires <= committed + datetime.timedelta(days=365), "RFC 9116: less than a year ahead"
    assert fields["Canonical"] == f"{SITE_URL}.well-known/security.txt"


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
