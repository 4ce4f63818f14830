"""The tense the source uses: the Cluster *is being created* in accordance with Resolution
PP-5159, in every language and every description (sitekit.wording).

The rule runs on its own cases first (sentences it must and must not report), then on the
built site: every page's description, the site's description and every block of text on every
page of every edition. Rewording that keeps the source's tense passes.
"""

from __future__ import annotations

import pytest

from siteinfo import LANGUAGES, PAGES, language_page_params
from sitekit.site import load_strings_for
from sitekit.wording import cluster_said_to_be_created

SAYS_IT_WAS_CREATED = [
    ("ru", "Кластер медной промышленности, созданный постановлением Президента № ПП-5159"),
    ("ru", "Кластер создан в соответствии с постановлением."),
    ("ru", "Образованный в 2021 году Кластер медной промышленности"),
    ("en", "The copper industry cluster created by Presidential Resolution No. PP-5159"),
    ("en", "The Cluster was established in accordance with the resolution."),
    ("en", "The resolution has set up the Copper Industry Cluster."),
    ("uz", "PQ-5159-son Prezident qarori bilan tashkil etilgan mis sanoati klasteri"),
    ("uz", "Klaster qarorga muvofiq tuzilgan."),
    ("uz-Cyrl", "ПҚ-5159-сон қарор билан ташкил этилган мис саноати кластери"),
]

SAYS_WHAT_THE_SOURCE_SAYS = [
    ("ru", "Кластер медной промышленности, который создаётся в соответствии с постановлением"),
    ("ru", "создание Кластера медной промышленности, специальная комиссия"),
    ("ru", "в АО «Алмалыкский ГМК» создана Служба по развитию Кластера медной промышленности"),
    ("ru", "реквизиты документа, Кластер, который создаётся в соответствии с ним, и образованная им "
           "специальная комиссия"),
    ("en", "The Copper Industry Cluster being created in accordance with Presidential Resolution No. PP-5159"),
    ("en", "To prepare proposals on the strategy of the Cluster's activity, the Copper Industry Cluster "
           "Development Service has been set up at JSC Almalyk MMC."),
    ("en", "the Cooperation LAB centre, set up on the initiative of Uzavtosanoat, and the Copper Industry Cluster"),
    ("en", "The special commission set up by the resolution; the Cluster is being created."),
    ("uz", "Prezidentning PQ-5159-son qaroriga muvofiq tashkil etilayotgan mis sanoati klasteri"),
    ("uz", "Klaster tashkil etilmoqda."),
    ("uz", "«Olmaliq KMK» AJda Mis sanoati klasterini rivojlantirish xizmati tashkil etilgan."),
    ("uz", "unga muvofiq tashkil etilayotgan Klaster va qaror bilan tuzilgan maxsus komissiya"),
    ("uz-Cyrl", "«Олмалиқ КМК» АЖда Мис саноати кластерини ривожлантириш хизмати ташкил этилган."),
]


@pytest.mark.parametrize(("language", "sentence"), SAYS_IT_WAS_CREATED)
def test_rule_reports_a_cluster_said_to_be_created(language, sentence):
    assert cluster_said_to_be_created(sentence, language) == [sentence]


@pytest.mark.parametrize(("language", "sentence"), SAYS_WHAT_THE_SOURCE_SAYS)
def test_rule_accepts_the_sources_tense_and_other_things_set_up(language, sentence):
    assert cluster_said_to_be_created(sentence, language) == []


def test_rule_reports_only_the_wrong_sentence():
    text = "Klaster tashkil etilmoqda. Klaster qaror bilan tashkil etilgan. Komissiya tuzilgan."
    assert cluster_said_to_be_created(text, "uz") == ["Klaster qaror bilan tashkil etilgan."]


# ── The built site ────────────────────────────────────────────────────────────

BLOCKS = "h1, h2, h3, h4, p, li, td, th, .admonition-title"


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_site_description_keeps_the_sources_tense(lang):
    description = load_strings_for(lang.code)["site_description"]
    assert not cluster_said_to_be_created(description, lang.html_lang), \
        f"i18n/{lang.generated_from or lang.code}.yml site_description: the source says the Cluster is being created"


@pytest.mark.parametrize(("lang", "page"), language_page_params())
def test_page_description_keeps_the_sources_tense(built_site, lang, page):
    head = built_site.soup(built_site.page_path(lang, page)).head
    description = head.find("meta", attrs={"name": "description"})["content"]
    assert not cluster_said_to_be_created(description, lang.html_lang), \
        f"docs/{lang.generated_from or lang.code}/{page} description: the source says the Cluster is being created"


@pytest.mark.parametrize(("lang", "page"), language_page_params())
def test_page_text_keeps_the_sources_tense(built_site, lang, page):
    content = built_site.content(built_site.page_path(lang, page))
    # Each block on its own: a heading and the paragraph after it are not one sentence.
    wrong = [sentence for block in content.select(BLOCKS) if not block.select(BLOCKS)
             for sentence in cluster_said_to_be_created(block.get_text(" "), lang.html_lang)]
    assert not wrong, f"docs/{lang.generated_from or lang.code}/{page}: the source says the Cluster is being created: {wrong}"


@pytest.mark.parametrize(("lang", "page"), language_page_params())
def test_blocks_cover_the_page_text(built_site, lang, page):
    """A guard for the test above: the blocks it reads hold (nearly) all the page's words."""
    content = built_site.content(built_site.page_path(lang, page))
    every = content.get_text(" ").split()
    in_blocks = [word for block in content.select(BLOCKS) if not block.select(BLOCKS)
                 for word in block.get_text(" ").split()]
    assert len(in_blocks) >= 0.9 * len(every), f"{lang.prefix}{page}: {len(in_blocks)} of {len(every)} words"
