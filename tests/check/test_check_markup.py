"""Rules of the family "Markup and links" (sitekit/check/markup.py), each on its own cases."""

from __future__ import annotations

import pytest

from fixture_site import PAGE, PROBLEM_LINE, edit, line_of, lines, source, write
from sitekit.check import markup

ONE_FILE_CASES = {
    # script and embedding
    "<script>": (markup.unsafe_markup, "en", PAGE + "Text.\n\n<script>alert(1)</script>\n",
                 "docs/en/page.md:9:", "raw HTML <script> runs script"),
    "<SCRIPT> in capitals": (markup.unsafe_markup, "en", PAGE + "<SCRIPT SRC=x.js></SCRIPT>\n",
                             "docs/en/page.md:7:", "raw HTML <script>"),
    "<script> in the front matter": (markup.unsafe_markup, "en", '---\ntitle: "<script>alert(1)</script>"\n'
                                     "description: x\n---\n\n# T {#t}\n", "docs/en/page.md:2:", "<script>"),
    "<iframe>": (markup.unsafe_markup, "ru", PAGE + '<iframe src="https://example.org/"></iframe>\n',
                 "docs/ru/page.md:7:", "raw HTML <iframe> embeds another site"),
    # The check refuses what the publishing build refuses (one table, sitekit/page_safety.py).
    "<noscript>": (markup.unsafe_markup, "en", PAGE + "<noscript><p>No script</p></noscript>\n",
                   "docs/en/page.md:7:", "raw HTML <noscript> is read one way by browsers with script"),
    "<object>": (markup.unsafe_markup, "en", PAGE + '<object data="movie.swf"></object>\n',
                 "docs/en/page.md:7:", "raw HTML <object>"),
    "<embed>": (markup.unsafe_markup, "en", PAGE + '<embed src="movie.swf">\n', "docs/en/page.md:7:",
                "raw HTML <embed>"),
    "<form>": (markup.unsafe_markup, "uz", PAGE + '<form action="https://example.org/">\n<input name="q">\n</form>\n',
               "docs/uz/page.md:7:", "raw HTML <form>"),
    "<meta> refresh": (markup.unsafe_markup, "en", PAGE + '<meta http-equiv="refresh" content="0;url=https://x.org">\n',
                       "docs/en/page.md:7:", "raw HTML <meta>"),
    "onerror= in a tag": (markup.unsafe_markup, "en", PAGE + '<img src="a.png" onerror="alert(1)">\n',
                          "docs/en/page.md:7:", "event-handler attribute onerror="),
    "onload= after a slash": (markup.unsafe_markup, "en", PAGE + "<svg/onload=alert(1)>\n",
                              "docs/en/page.md:7:", "event-handler attribute onload="),
    "onclick= in a tag over two lines": (markup.unsafe_markup, "en", PAGE + '<span class="x"\n  onclick="alert(1)">a</span>\n',
                                         "docs/en/page.md:8:", "event-handler attribute onclick="),
    "onclick= in attr_list braces": (markup.unsafe_markup, "en", PAGE + "[Go](index.md){: .button onclick=\"alert(1)\" }\n",
                                     "docs/en/page.md:7:", "onclick= in an attribute list {…}"),
    "onmouseover= on a paragraph": (markup.unsafe_markup, "ru", PAGE + "Текст.\n{: onmouseover=alert(1) }\n",
                                    "docs/ru/page.md:8:", "onmouseover= in an attribute list"),
    "javascript: link": (markup.unsafe_markup, "en", PAGE + "[Click](javascript:alert(1))\n",
                         "docs/en/page.md:7:", "a javascript: URL runs script"),
    "javascript: with an entity": (markup.unsafe_markup, "en", PAGE + "[Click](jav&#x61;script:alert(1))\n",
                                   "docs/en/page.md:7:", "a javascript: URL"),
    "javascript: in capitals, in HTML": (markup.unsafe_markup, "en", PAGE + '<a href=" JaVaScRiPt:alert(1)">x</a>\n',
                                         "docs/en/page.md:7:", "a javascript: URL in href="),
    "javascript: in a reference": (markup.unsafe_markup, "en", PAGE + "[Click][go]\n\n[go]: javascript:alert(1)\n",
                                   "docs/en/page.md:9:", "a javascript: URL"),
    "javascript: through attr_list href": (markup.unsafe_markup, "en", PAGE + '[x](index.md){href="javascript:alert(1)"}\n',
                                           "docs/en/page.md:7:", "javascript: URL in an attribute list"),
    "data: image": (markup.unsafe_markup, "uz", PAGE + "![Rasm](data:image/svg+xml;base64,PHN2Zz4=)\n",
                    "docs/uz/page.md:7:", "a data: URL"),
    "data: in HTML src": (markup.unsafe_markup, "en", PAGE + '<img src="data:image/png;base64,AAAA" alt="x">\n',
                          "docs/en/page.md:7:", "a data: URL in src="),
    "image from another site": (markup.unsafe_markup, "en", PAGE + "![Logo](https://example.org/logo.png)\n",
                                "docs/en/page.md:7:", "image loaded from another site"),    # inline styles: the Content-Security-Policy blocks them
    "<style>": (markup.inline_style, "en", PAGE + "<style>p { color: red }</style>\n", "docs/en/page.md:7:",
                "a <style> element"),
    "style= in HTML": (markup.inline_style, "ru", PAGE + '<p style="color: red">Текст.</p>\n', "docs/ru/page.md:7:",
                       'an inline style="…" on <p>'),
    "style= in an attribute list": (markup.inline_style, "en", PAGE + "Text.\n{: style=\"color: red\" }\n",
                                    "docs/en/page.md:8:", "an inline style= in an attribute list"),
    "{style=…} on a link": (markup.inline_style, "en", PAGE + "[Go](index.md){style=color:red}\n",
                            "docs/en/page.md:7:", "an inline style= in an attribute list"),
    # insecure addresses
    "http:// link": (markup.insecure_link, "en", PAGE + "[Site](http://example.org/page)\n", "docs/en/page.md:7:",
                     "insecure address http://example.org/page — write https://example.org/page"),
    "http:// in HTML": (markup.insecure_link, "uz", PAGE + '<a href="http://example.org">sayt</a>\n',
                        "docs/uz/page.md:7:", "insecure address http://example.org"),
    "http:// autolink": (markup.insecure_link, "en", PAGE + "See <http://example.org>.\n", "docs/en/page.md:7:",
                         "insecure address"),
    # ids
    "duplicate heading id": (markup.duplicate_id, "en", PAGE + "## One {#part}\n\n## Two {#part}\n",
                             "docs/en/page.md:9:", "the id #part is used twice on this page (also line 7)"),
    "heading id used by an HTML id": (markup.duplicate_id, "en", PAGE + '<span id="title">x</span>\n',
                                      "docs/en/page.md:7:", "the id #title is used twice"),
    # tables
    "separator row too short": (markup.table, "en", PAGE + "| a | b | c |\n|---|---|\n| 1 | 2 | 3 |\n",
                                "docs/en/page.md:8:", "the table's separator row has 2 columns, its header 3"),
    "separator row too long, no outer pipes": (markup.table, "ru", PAGE + "a | b\n--- | --- | ---\n1 | 2\n",
                                               "docs/ru/page.md:8:", "separator row has 3 columns, its header 2"),
    "a row with an extra cell": (markup.table, "en", PAGE + "| a | b |\n|---|---|\n| 1 | 2 | 3 |\n",
                                 "docs/en/page.md:9:", "a table row with 3 cells under a header of 2"),
}


@pytest.mark.parametrize(("rule", "code", "markdown", "where", "what"), ONE_FILE_CASES.values(), ids=ONE_FILE_CASES)
def test_rule_names_file_and_line(rule, code, markdown, where, what):
    found = lines(rule(source(code, markdown)))
    matching = [line for line in found if line.startswith(where) and what in line]
    assert matching, f"expected «{where} … {what} …», got {found}"
    for line in found:
        assert PROBLEM_LINE.match(line), f"not one `file:line: what — fix` line: {line!r}"


GOOD_CASES = {
    "clean page": (PAGE + "Text with [a link](index.md#title) and <span lang=\"ru\">слово</span>.\n", "uz"),
    "script in code is text": (PAGE + "```html\n<script>alert(1)</script>\n```\n\nUse `<iframe>` never.\n", "en"),
    "prose about data": (PAGE + "Raw data: 148.0 thousand tonnes. JavaScript is optional.\n", "en"),
    "data- attribute": (PAGE + '<span data-x="data:1">x</span>\n', "en"),
    "https link": (PAGE + "[Site](https://example.org/)\n", "en"),
    "http:// in code": (PAGE + "Never write `http://` addresses.\n", "en"),
    "a good table": (PAGE + "| a | b |\n|:--|--:|\n| 1 | 2 |\n| `x|y` | 3 |\n", "en"),
    "a class in an attribute list": (PAGE + "Text.\n{: .note }\n", "en"),
    "ids of their own": (PAGE + "## One {#one}\n\n## Two {#two}\n", "en"),
}


@pytest.mark.parametrize(("markdown", "code"), GOOD_CASES.values(), ids=GOOD_CASES)
def test_rules_accept_good_markdown(markdown, code):
    page = source(code, markdown)
    found = [problem for rule in (markup.unsafe_markup, markup.inline_style, markup.insecure_link,
                                  markup.duplicate_id, markup.table) for problem in rule(page)]
    assert not found, lines(found)


# ── Links, on the fixture site ────────────────────────────────────────────────


def test_fixture_site_links_are_fine(project):
    assert not markup.cross_language_link(project()) + markup.raw_html_link(project())


def test_a_link_into_another_language_says_what_is_wrong(site, project):
    edit(site, "docs/en/index.md", "(contacts.md#email)", "(../ru/contacts.md#email)")
    line = line_of(site, "docs/en/index.md", "../ru/contacts.md")
    assert lines(markup.cross_language_link(project())) == [
        f"docs/en/index.md:{line}: link to ../ru/contacts.md#email: a link into another language (ru) — link this "
        "language's page instead (contacts.md#email); readers switch languages with the language switcher"]


def test_raw_html_link_to_a_page_that_does_not_exist(site, project):
    edit(site, "docs/en/index.md", "numbers.", 'numbers. <a href="nosuch-page.md">More</a>.')
    line = line_of(site, "docs/en/index.md", "nosuch-page.md")
    assert lines(markup.raw_html_link(project())) == [
        f"docs/en/index.md:{line}: raw HTML link <a href=\"nosuch-page.md\">: there is no page docs/en/nosuch-page.md "
        "— write a Markdown link instead, [text](page.md#id), to a page that exists"]


def test_raw_html_link_to_a_page_that_exists_still_breaks(site, project):
    edit(site, "docs/ru/index.md", "числа.", 'числа. <a href="contacts.md">Контакты</a>.')
    found = lines(markup.raw_html_link(project()))
    assert len(found) == 1 and "which the build leaves as written, so it breaks on the site" in found[0], found


def test_raw_html_link_to_a_missing_id(site, project):
    edit(site, "docs/uz/index.md", "bor.", 'bor. <a href="#nowhere">Pastga</a>')
    found = lines(markup.raw_html_link(project()))
    assert len(found) == 1 and "raw HTML link to #nowhere: this page has no heading or element with that id" in found[0]


def test_raw_html_links_elsewhere_are_fine(site, project):
    write(site, "docs/en/extra.md", PAGE + '<a href="https://example.org/">x</a> <a href="mailto:a@example.org">m</a> '
          '<a href="#title">up</a>\n')
    assert not markup.raw_html_link(project())


MORE_CASES = {
    "<span> never closed": (markup.unclosed_html, "uz", PAGE + 'Asl nomi: <span lang="ru">«О мерах».\n\nMatn.\n',
                            "docs/uz/page.md:7:", "<span> is opened here and never closed"),
    "</div> without <div>": (markup.unclosed_html, "en", PAGE + "Text.\n\n</div>\n", "docs/en/page.md:9:",
                             "</div> closes an element that is not open"),
    "<strong> closed by </em>": (markup.unclosed_html, "en", PAGE + "<strong>Bold</em></strong>\n",
                                 "docs/en/page.md:7:", "</em> closes an element that is not open"),
    "[](page.md)": (markup.empty_link, "en", PAGE + "See [](contacts.md).\n", "docs/en/page.md:7:",
                    "a link without text"),
    "<a href> without text": (markup.empty_link, "en", PAGE + 'See <a href="contacts.md"> </a>.\n',
                              "docs/en/page.md:7:", "an HTML link without text"),
}


@pytest.mark.parametrize(("rule", "code", "markdown", "where", "what"), MORE_CASES.values(), ids=MORE_CASES)
def test_more_rules_name_file_and_line(rule, code, markdown, where, what):
    test_rule_names_file_and_line(rule, code, markdown, where, what)


@pytest.mark.parametrize("markdown", [
    PAGE + 'Asl nomi: <span lang="ru">«О мерах»</span>.\n',
    PAGE + "<div markdown>\n\nText **bold**.\n\n</div>\n",
    PAGE + "<ul>\n<li>one\n<li>two\n</ul>\n",  # </li> may be left out
    PAGE + "A line<br>break, an <abbr title=\"World Wide Web\">WWW</abbr>.\n",
    PAGE + "`<span>` in code is text.\n",
    PAGE + "[Contacts](contacts.md), ![](image.png), <a href=\"x.md\" aria-label=\"Contacts\"></a>\n",
])
def test_balanced_html_and_links_with_text(markdown):
    page = source("en", markdown)
    found = markup.unclosed_html(page) + markup.empty_link(page)
    assert not found, lines(found)
