"""The publishing build (`mkdocs build --strict`, what `make build` and the deploy workflow run)
refuses what the site must not publish, naming the editor's file and line (issue 16): script
in any language's page (an inline <script>, <script src>, an on…= attribute, a javascript:
URL), everything else the editor check calls unsafe, script files and HTML pages under
docs/, extra_javascript that is not the site's own.

The rules (sitekit/page_safety.py, sitekit/asset_safety.py) are fed HTML and files directly;
the build runs on temporary copies of the project with the faults planted there. The real
docs/ is never modified.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from siteinfo import EDITED
from sitekit.asset_safety import refused_file
from sitekit.build import build
from sitekit.page_safety import script_not_ours, unsafe_content
from sitekit.publishing_safety import page_problems
from sitekit.site import ROOT, load_site_config

ERROR_LINE = re.compile(r"^ERROR\s+-\s+(?P<problem>(?P<file>[\w./-]+?)(?::(?P<line>\d+))?: \S.* — \S.*)$")


def copy_project(destination: Path) -> Path:
    for name in ("docs", "i18n", "overrides"):
        shutil.copytree(ROOT / name, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    return destination


def append(root: Path, name: str, text: str) -> int:
    """Append text to a file of the copy; the line number where the text starts."""
    path = root / name
    before = path.read_text(encoding="utf-8")
    path.write_text(before + text, encoding="utf-8")
    return before.count("\n") + 1 + (len(text) - len(text.lstrip("\n")))


def edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{name} has no {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def refused_lines(output: str) -> list[str]:
    return [m["problem"] for m in map(ERROR_LINE.match, output.splitlines()) if m]


# ── The rules, on HTML ───────────────────────────────────────────────────────
# name: (content HTML, expected fragment of the problem)

UNSAFE_CONTENT = {
    "inline script": ("<p>x</p><script>alert(1)</script>", "raw HTML <script> runs script"),
    "SCRIPT in capitals": ("<SCRIPT>alert(1)</SCRIPT>", "raw HTML <script> runs script"),
    "script src": ('<script src="../assets/x.js"></script>', 'raw HTML <script src="../assets/x.js"> loads and runs'),
    "script src after a slash": ("<script/src=x.js></script>", "<script src=\"x.js\">"),
    "JSON block in content": ('<script type="application/json">{}</script>', "raw HTML <script>"),
    "script behind an empty comment": ("<!--><script>alert(1)</script>-->", "raw HTML <script>"),
    "onclick": ('<p onclick="alert(1)">x</p>', "event-handler attribute onclick= runs script"),
    "onload after a slash": ("<svg/onload=alert(1)>", "event-handler attribute onload="),
    "javascript: link": ('<a href="javascript:alert(1)">x</a>', "a javascript: URL in href= runs script"),
    "javascript: with a tab and capitals": ('<a href=" JaVa&#x09;Script:alert(1)">x</a>', "a javascript: URL"),
    "vbscript: link": ('<a href="vbscript:msgbox(1)">x</a>', "a vbscript: URL"),
    "javascript: in an SVG-less xlink": ('<math><mi xlink:href="javascript:alert(1)">x</mi></math>', "javascript: URL"),
    "data: image": ('<img src="data:image/png;base64,AAAA" alt="x">', "a data: URL in src="),
    "iframe": ('<iframe src="https://example.org/"></iframe>', "raw HTML <iframe> embeds another site"),
    "object": ('<object data="x.swf"></object>', "raw HTML <object>"),
    "embed": ('<embed src="x.swf">', "raw HTML <embed>"),
    "form": ('<form action="https://example.org/"><input name="q"></form>', "raw HTML <form>"),
    "input": ('<input name="q">', "raw HTML <input> is a form field"),
    "meta refresh": ('<meta http-equiv="refresh" content="0;url=https://example.org/">', "raw HTML <meta>"),
    "base": ('<base href="https://example.org/">', "raw HTML <base>"),
    "body with a handler": ("<p>x</p><body onload=alert(1)>", "raw HTML <body>"),
    "remote image": ('<img src="https://example.org/a.png" alt="x">', "<img> loads https://example.org/a.png"),
    "protocol-relative image": ('<img src="//example.org/a.png" alt="x">', "<img> loads //example.org/a.png"),
    "remote srcset candidate": ('<img src="a.png" srcset="a.png 1x, https://example.org/b.png 2x" alt="x">',
                                "<img> loads https://example.org/b.png"),
    "remote video poster": ('<video poster="https://example.org/p.png"></video>', "<video> loads https://"),
    "noscript hiding a handler": ('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
                                  "raw HTML <noscript>"),
    "svg": ('<svg><style><img src=x onerror=alert(1)></style></svg>', "raw HTML <svg> is inline SVG"),
    "xmp": ("<xmp><img src=x onerror=alert(1)></xmp>", "raw HTML <xmp>"),
}

SAFE_CONTENT = {
    "text and links": '<h1 id="t">T</h1><p>A <a href="https://example.org/">link</a>, <a href="../x/">page</a>, '
                      '<a href="tel:+998706192333">tel</a>, <a href="mailto:info@agmk.uz">mail</a>.</p>',
    "script as code": "<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></pre>",
    "local image": '<p><img alt="x" src="../assets/images/a.png"></p>',
    "data- attribute": '<span data-x="data:1">x</span>',
    "prose about javascript:": "<p>javascript: is not used here</p>",
    "a title mentioning javascript": '<abbr title="JavaScript">JS</abbr>',
    "quotation": '<span lang="ru">«О дополнительных мерах»</span>',
    "an attribute named on (no event)": "<span on>x</span>",
}


@pytest.mark.parametrize(("html", "expected"), UNSAFE_CONTENT.values(), ids=UNSAFE_CONTENT)
def test_unsafe_content_is_found(html, expected):
    found = [finding.what for finding in unsafe_content(html)]
    assert any(expected in what for what in found), f"expected «{expected}» in {found}"


@pytest.mark.parametrize("html", SAFE_CONTENT.values(), ids=SAFE_CONTENT)
def test_safe_content_passes(html):
    assert unsafe_content(html) == []


@pytest.mark.parametrize(("head", "body", "expected"), [
    ("<script>alert(1)</script>", "<body>", "an inline <script> (alert(1))"),
    ("", "<body><script type=module>import './x.js'</script>", "an inline <script>"),
    ("", '<body><script src="https://cdn.example/x.js"></script>', "loads script from another site"),
    ("", '<body><a href="javascript:void(0)">x</a>', "a javascript: URL in href="),
    ("", '<body><button onclick="go()">x</button>', "event-handler attribute onclick="),
    ("", '<body onload="x()">', "event-handler attribute onload="),
], ids=["inline script", "inline module", "remote script", "javascript: link", "handler", "handler on body"])
def test_finished_page_scripts_not_ours(head, body, expected):
    page = f"<!doctype html><html lang=en><head><title>t</title>{head}</head>{body}</body></html>"
    found = [finding.what for finding in script_not_ours(page)]
    assert any(expected in what for what in found), f"expected «{expected}» in {found}"


def test_finished_page_own_scripts_pass():
    page = "<!doctype html><html lang=en><head><title>t</title>{head}</head><body>{body}</body></html>".format(
        head='<script src="../assets/javascripts/palette.js"></script>'
             '<script type="application/ld+json">{"@type": "Organization"}</script>',
        body='<script id=site-config type="application/json">{}</script>'
             '<script src="/copper-cluster/assets/javascripts/site.js" defer></script>')
    assert script_not_ours(page) == []


def test_every_built_page_runs_only_the_sites_files(built_site):
    offending = {path: [f.what for f in script_not_ours((built_site.root / path).read_text(encoding="utf-8"))]
                 for path in built_site.html_files()}
    assert not {path: found for path, found in offending.items() if found}


def test_problems_name_the_line_and_skip_code():
    markdown = ("---\ndescription: x\n---\n\n# T {#t}\n\n```html\n<script>in code</script>\n```\n\n"
                "`<script>` in a span\n\n<script>one</script>\n\n<script>two</script>\n")
    content = "<h1>T</h1><pre><code>&lt;script&gt;</code></pre><script>one</script><script>two</script>"
    found = [str(p) for p in page_problems("docs/en/page.md", markdown, content, "<html><head></head></html>")]
    assert [line.split(": ")[0] for line in found] == ["docs/en/page.md:13", "docs/en/page.md:15"], found


def test_script_from_the_front_matter_is_named():
    markdown = "---\ndescription: 'x\"><script>alert(1)</script>'\n---\n\n# T {#t}\n"
    page = '<html><head><meta name=description content="x"><script>alert(1)</script></head><body></body></html>'
    found = [str(p) for p in page_problems("docs/ru/page.md", markdown, "<h1>T</h1>", page)]
    assert len(found) == 1 and found[0].startswith("docs/ru/page.md:2: HTML in the front matter"), found


def test_script_in_content_and_in_front_matter_are_told_apart():
    markdown = "---\ndescription: '\"><script>head()</script>'\n---\n\n# T {#t}\n\n<script>body()</script>\n"
    page = ('<html><head><meta name=description content=""><script>head()</script></head>'
            "<body><article><h1>T</h1><script>body()</script></article></body></html>")
    found = [str(p) for p in page_problems("docs/en/page.md", markdown, "<h1>T</h1><script>body()</script>", page)]
    assert len(found) == 2, found
    assert found[0].startswith("docs/en/page.md:7: raw HTML <script> runs script"), found
    assert found[1].startswith("docs/en/page.md:2: HTML in the front matter") and "(head())" in found[1], found


def test_script_from_a_template_is_named():
    page = "<html><head><script>track()</script></head><body></body></html>"
    found = [str(p) for p in page_problems("docs/en/page.md", "# T {#t}\n", "<h1>T</h1>", page)]
    assert len(found) == 1 and found[0].startswith("overrides/: a template writes this into the pages: an inline "
                                                   "<script> (track())"), found


# ── Files under docs/ ────────────────────────────────────────────────────────


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("x.js", "alert(1)", "a script file under docs/"),
    ("x.mjs", "export {}", "a script file (JavaScript module) under docs/"),
    ("x.html", "<script>alert(1)</script>", "an HTML file under docs/"),
    ("x.xsl", "<xsl:stylesheet/>", "an XSLT stylesheet"),
    ("x.svg", '<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script></svg>',
     "docs/assets/x.svg:2: the SVG image has a <script> element"),
    ("y.svg", '<svg xmlns="http://www.w3.org/2000/svg"><rect\n onclick="x()"/></svg>', "event-handler attribute onclick="),
    ("z.svg", '<svg xmlns="http://www.w3.org/2000/svg" xmlns:l="http://www.w3.org/1999/xlink">'
              '<a l:href="javascript:alert(1)"><text>x</text></a></svg>', "a script URL in href="),
    ("f.svg", '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject/></svg>', "<foreignObject>"),
    ("broken.svg", "<svg><rect></svg>", "not well-formed XML"),
])
def test_refused_files(tmp_path, name, text, expected):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    found = [str(p) for p in refused_file(path, f"docs/assets/{name}")]
    assert any(expected in line for line in found), found


@pytest.mark.parametrize("name, text", [
    ("a.png", "not really"), ("a.pdf", "%PDF"), ("ok.svg", '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>')])
def test_harmless_files_pass(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert refused_file(path, f"docs/assets/{name}") == []


# ── The publishing build, on project copies ──────────────────────────────────

# Planted in each edited language: page -> (Markdown appended, expected problem).
FAULTS = {
    "contacts.md": ("\n<script>alert(document.domain)</script>\n", "raw HTML <script> runs script"),
    "joining.md": ('\n<script src="https://evil.example/x.js"></script>\n',
                   'raw HTML <script src="https://evil.example/x.js"> loads and runs a script file'),
    "directions.md": ('\nA paragraph.\n{: onmouseover="alert(1)" }\n', "event-handler attribute onmouseover= runs script"),
    "resolution.md": ("\n[Click](javascript:alert(1))\n", "a javascript: URL in href= runs script when clicked"),
}


# This module's tests share one build (the fixture below): keep them on one xdist worker.
pytestmark = pytest.mark.xdist_group("test_publishing_safety")


@pytest.fixture(scope="module")
def refused(tmp_path_factory):
    """A copy with every kind of fault in every language, and refused files; built once, strict."""
    root = copy_project(tmp_path_factory.mktemp("refused") / "project")
    expected = []
    for lang in EDITED:
        for page, (markdown, what) in FAULTS.items():
            line = append(root, f"docs/{lang.code}/{page}", markdown)
            if page == "directions.md":
                line += 1  # the {: …} line after the paragraph
            expected.append(f"docs/{lang.code}/{page}:{line}: {what}")
    (root / "docs/assets").mkdir(exist_ok=True)  # docs/assets/images/ is in every clone
    (root / "docs/assets/x.js").write_text("alert(1)\n", encoding="utf-8")
    (root / "docs/ru/x.mjs").write_text("export {}\n", encoding="utf-8")
    (root / "docs/en/page.html").write_text("<script>alert(1)</script>\n", encoding="utf-8")
    edit(root, "mkdocs.yml", "# Our styles on top", "extra_javascript:\n  - https://cdn.example/x.js\n"
                                                   "  - assets/x.js\n\n# Our styles on top")
    result = build(root / "site", config_file=root / "mkdocs.yml", strict=True)
    return root, result, expected


def test_publishing_build_fails_without_traceback(refused):
    _root, result, _expected = refused
    assert result.returncode == 1, result.output[-3000:]
    assert "Traceback" not in result.output
    assert any(line.startswith("Aborted: the publishing build refuses 17 problems in ")
               for line in result.output.splitlines()), result.output[-3000:]


@pytest.mark.parametrize("lang", [lang.code for lang in EDITED])
@pytest.mark.parametrize("page", FAULTS)
def test_publishing_build_names_the_page_and_line(refused, lang, page):
    _root, result, expected = refused
    wanted = next(line for line in expected if line.startswith(f"docs/{lang}/{page}:"))
    found = refused_lines(result.output)
    assert any(line.startswith(wanted) for line in found), f"no «{wanted}» in:\n" + "\n".join(found)


def test_every_problem_is_one_line_naming_an_editors_file(refused):
    _root, result, expected = refused
    logged = [line for line in result.output.splitlines() if line.startswith(("ERROR", "WARNING"))]
    found = refused_lines(result.output)
    assert len(found) == len(logged), "\n".join(set(logged) - set(found))
    assert len(found) == len(set(found)), "a problem reported twice"
    # The Cyrillic edition is made from docs/uz/: its problems are the Uzbek file's, said once.
    assert not [line for line in found if "uz-cyrl" in line], found
    assert len(found) == len(expected) + 5, "\n".join(found)  # the 12 planted in pages, 3 files, 2 entries


def test_refused_files_and_entries(refused):
    root, result, _expected = refused
    found = refused_lines(result.output)
    for start in ("docs/assets/x.js: a script file under docs/", "docs/ru/x.mjs: a script file",
                  "docs/en/page.html: an HTML file under docs/"):
        assert any(line.startswith(start) for line in found), (start, found)
    text = (root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    for entry, why in (("https://cdn.example/x.js", "a script from another site"), ("assets/x.js", "a script file under docs/")):
        line = next(i for i, t in enumerate(text, 1) if t.strip() == f"- {entry}")
        assert any(x.startswith(f"mkdocs.yml:{line}: extra_javascript lists {entry}: {why}") for x in found), found
    site = root / "site"
    assert (site / "index.html").is_file(), "the build ran to its end"
    assert not (site / "assets" / "x.js").exists() and not (site / "ru" / "x.mjs").exists()
    assert not (site / "en" / "page.html").exists()


def test_without_strict_the_build_fails_too(tmp_path):
    root = copy_project(tmp_path / "project")
    line = append(root, "docs/en/contacts.md", "\n<script>alert(document.domain)</script>\n")
    result = build(root / "site", config_file=root / "mkdocs.yml", strict=False)
    assert result.returncode == 1
    assert f"docs/en/contacts.md:{line}: raw HTML <script> runs script" in result.output
    assert "Traceback" not in result.output


def test_cyrillic_edition_pages_name_their_uzbek_source(tmp_path):
    """Each page of the generated edition is checked too, under the docs/uz/ file it is made from."""
    path = ROOT / "overrides" / "hooks" / "publishing_safety.py"
    spec = importlib.util.spec_from_file_location("publishing_safety_under_test", path)
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    config = load_site_config(ROOT / "mkdocs.yml")
    hook.on_config(config)
    page = SimpleNamespace(file=SimpleNamespace(src_uri="uz-cyrl/contacts.md"), content="<p>х</p><script>x()</script>")
    hook.on_post_page("<html><head></head><body></body></html>", page=page, config=config)
    assert [p.file for p in hook._refusals.problems] == ["docs/uz/contacts.md"]
