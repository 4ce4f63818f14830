"""What a recording reads (sitekit/speech/reading.py): a page's visible main text, block by
block in reading order, each part in its language, nothing hidden and none of the interface."""

import copy

import pytest

from siteinfo import ARTICLE_INTERFACE, language_page_params
from sitekit.speech.reading import Script, SpokenSegment, passages

FIXTURE = """
<h1 id="title">Title<a class="headerlink" href="#title">¶</a></h1>
<p>First <strong>bold</strong> text.<br>After the break.</p>
<ul><li>One</li><li>Two<ul><li>Two, inner</li></ul></li></ul>
<div class="admonition tip"><p class="admonition-title">Tip</p><p>Body of the tip</p></div>
<table><tr><th>Head</th><td>Cell</td></tr></table>
<p>Its name: <span lang="ru">«Русское название»</span>.</p>
<script>alert(1)</script><style>p{}</style><template><p>Template</p></template>
<p hidden>Hidden</p><p aria-hidden="true">Also hidden</p>
<!-- a comment -->
<p><img src="map.png" alt="A map of the district"></p>
"""


def test_blocks_in_reading_order_without_what_is_hidden():
    found = passages(FIXTURE, "en")
    assert [p.text for p in found] == [
        "Title", "First bold text. After the break.", "One", "Two", "Two, inner", "Tip", "Body of the tip",
        "Head", "Cell", "Its name: «Русское название» .", "A map of the district",
    ]
    assert [p.heading for p in found][:2] == [True, False]


def test_text_in_another_language_is_a_segment_of_its_own():
    quoted = passages(FIXTURE, "uz")[9]
    assert [(s.text, s.language) for s in quoted.segments] == [
        ("Its name:", "uz"), ("«Русское название»", "ru"), (".", "uz"),
    ]


def test_the_engine_reads_ssml_with_a_voice_per_language_and_escaped_text():
    script = Script("uz", "uz", ((SpokenSegment("A & B <c>", "uz"), SpokenSegment("«Название»", "ru")),))
    assert script.ssml() == (
        '<speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="uz">\n'
        '<p>A &amp; B &lt;c&gt; <voice name="ru">«Название»</voice></p>\n</speak>\n'
    )
    assert script.words() == "A & B <c> «Название»"


def readable_article(built_site, lang, page):
    """A built page's article as the reading gets it: the content, without the player and the
    last-updated line the templates add around it."""
    article = copy.copy(built_site.content(built_site.page_path(lang, page)))
    for interface in article.select(ARTICLE_INTERFACE):
        interface.decompose()
    return article


@pytest.mark.parametrize(("lang", "page"), language_page_params())
def test_a_real_page_is_read_whole_from_its_heading(built_site, lang, page):
    article = readable_article(built_site, lang, page)
    found = [p.text for p in passages(str(article), lang.html_lang)]
    heading = " ".join(article.find("h1").get_text(" ").split())
    assert found[0] == heading
    said = "".join("".join(found).split())  # compared without spaces: inline tags split words differently
    position = 0
    for block in article.find_all(["p", "li", "th", "td", "h2", "h3"]):
        if block.find(["p", "ul", "ol"]):
            continue  # read as its inner blocks
        text = "".join(block.get_text().split())
        at = said.find(text, position)
        assert at >= 0, f"not read, or out of order: {block.get_text()!r}"
        position = at + len(text)
