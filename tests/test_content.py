"""Every fact of the two source texts is on its page, in every language.

The table lists, per page and language, phrases that carry a fact from
../shared/sources/ (the only source of facts). Removing or garbling a fact fails here.
"""

import copy
import re

import pytest

from siteinfo import BY_CODE, EDITED, LANGUAGES

FACTS = {
    "index.md": {
        "uz": ["PQ-5159", "2021-yil 24-iyundagi", "ilmiy-texnologik Klaster", "yuqori qoʻshilgan qiymatli",
               "«xomashyodan tayyor mahsulotgacha»", "katod misi", "«Olmaliq KMK» AJ", "148,0 ming tonna",
               "bir necha baravar", "80 %", "(+998 70) 619-23-33", "Ishonch telefoni"],
        "ru": ["№ ПП-5159", "от 24.06.2021", "научно-технологический Кластер", "высокой добавленной стоимостью",
               "«от сырья до готовой продукции»", "катодная медь", "АО «Алмалыкский ГМК»", "148,0 тыс. тонн",
               "в несколько раз", "80 %", "(+998 70) 619-23-33", "Телефон доверия"],
        "en": ["No. PP-5159", "24 June 2021", "science-and-technology Cluster", "high added value",
               '"from raw material to finished product"', "cathode copper", "JSC Almalyk MMC",
               "148.0 thousand tonnes", "several-fold", "80 %", "(+998 70) 619-23-33", "Trust line"],
    },
    "resolution.md": {
        "uz": ["Oʻzbekiston Respublikasi Prezidentining 2021-yil 24-iyundagi PQ-5159-son qaroriga",
               "PQ-5159", "2021-yil 24-iyun", "qoʻshimcha chora-tadbirlar toʻgʻrisida",
               "О дополнительных мерах по развитию горно-металлургической промышленности и смежных отраслей",
               "Bosh vaziri A. Aripov", "maxsus komissiya",
               "Iqtisodiy taraqqiyot va kambagʻallikni qisqartirish vazirligi"],
        "ru": ["постановлением Президента Республики Узбекистан от 24.06.2021 № ПП-5159", "24.06.2021",
               "ПП-5159",
               "«О дополнительных мерах по развитию горно-металлургической промышленности и смежных отраслей»",
               "Премьер-министром Республики Узбекистан А. Ариповым", "специальная комиссия",
               "Министерство экономического развития и сокращения бедности"],
        "en": ["Presidential Resolution No. PP-5159 of 24 June 2021", "24 June 2021", "PP-5159",
               "On additional measures for the development of the mining and metallurgical industry",
               "О дополнительных мерах по развитию горно-металлургической промышленности и смежных отраслей",
               "Prime Minister of the Republic of Uzbekistan, A. Aripov", "special commission",
               "Ministry of Economic Development and Poverty Reduction"],
    },
    "directions.md": {
        "uz": ["kabel-oʻtkazgich mahsulotlari", "quvurlar", "fitinglar", "mis kukuni",
               "elektromobillar uchun ehtiyot qismlar va quvvatlash qurilmalari",
               "qayta tiklanuvchi energiya manbalari elementlari", "va boshqalar",
               "kimyoviy reagentlar va moddalar", "uskunalar va mexanizmlar",
               "tayyorlash, qayta tayyorlash", "tajriba-konstruktorlik va ilmiy tadqiqotlar"],
        "ru": ["кабельно-проводниковая продукция", "трубы", "фитинги", "медный порошок",
               "запасные части и зарядные устройства для электромобилей",
               "элементы возобновляемых источников энергии", "и др.",
               "химическими реагентами и веществами", "оборудованием и механизмами",
               "Подготовка, переподготовка и повышение квалификации",
               "опытно-конструкторских и научных исследований"],
        "en": ["cable and wire products", "pipes", "fittings", "copper powder",
               "spare parts and chargers for electric vehicles", "elements of renewable energy sources",
               "and others", "chemical reagents and substances", "equipment and machinery",
               "Training, retraining and advanced training", "research and development and scientific research"],
    },
    "joining.md": {
        "uz": ["Klaster subyektlari sifatida ishtirok etishga taklif qiladi",
               "Mis sanoati klasterini rivojlantirish xizmati", "yozma shaklda", "info@agmk.uz",
               "Maslahat, rasmiy talab emas"],
        "ru": ["принять участие в качестве субъектов Кластера",
               "Служба по развитию Кластера медной промышленности", "в письменном виде", "info@agmk.uz",
               "Совет, а не официальное требование"],
        "en": ["to take part as participants of the Cluster",
               "Copper Industry Cluster Development Service", "in writing", "info@agmk.uz",
               "Guidance, not an official requirement"],
    },
    "cooperation-lab.md": {
        "uz": ["Bektemir tumani", "Davlatimiz rahbari", "UzAuto Motors", "SamAvto", "JV MAN Auto – Uzbekistan",
               "General Motors Powertrain Uzbekistan", "“Oʻzavtosanoat” aksiyadorlik kompaniyasi tashabbusi",
               "importni kamaytirish va mahalliylashtirish", "doimiy ishlaydigan koʻrgazma pavilyoni",
               "“gʻoyadan – tayyor mahsulotgacha” injiniring", "2 million dollar", "50 kishi",
               "Viloyat hokimlariga", "“loyihalar fabrikasi”", "tijorat banklari"],
        "ru": ["Бектемирском районе", "Глава государства", "UzAuto Motors", "СамАвто", "JV MAN Auto – Uzbekistan",
               "General Motors Powertrain Uzbekistan", "акционерной компании «Узавтосаноат»",
               "сокращать импорт и повышать уровень локализации", "постоянно действующем выставочном павильоне",
               "«от идеи – до готовой продукции»", "2 миллиона долларов", "50 человек",
               "Хокимам областей", "«фабрику проектов»", "коммерческими банками"],
        "en": ["Bektemir district", "head of state", "UzAuto Motors", "SamAvto", "JV MAN Auto – Uzbekistan",
               "General Motors Powertrain Uzbekistan", 'joint-stock company "Uzavtosanoat"',
               "reduce imports and raise the level of localisation", "permanent exhibition pavilion",
               '"from idea to finished product"', "2 million dollars", "50 people",
               "Regional governors", '"project factory"', "commercial banks"],
    },
    "contacts.md": {
        "uz": ["Ishonch telefoni", "(+998 70) 619-23-33", "info@agmk.uz",
               "Mis sanoati klasterini rivojlantirish xizmati", "Fikr-mulohaza"],
        "ru": ["Телефон доверия", "(+998 70) 619-23-33", "info@agmk.uz",
               "Служба по развитию Кластера медной промышленности", "Обратная связь"],
        "en": ["Trust line", "(+998 70) 619-23-33", "info@agmk.uz",
               "Copper Industry Cluster Development Service", "Feedback"],
    },
}

# Pages about the site itself carry no fact from the sources.
ABOUT_THE_SITE = {"accessibility.md"}

# Dates are not in the Cooperation LAB source: the page must not invent one.
NO_DATES = re.compile(r"\b(19|20)\d\d\b")



def text_of(built_site, lang, page):
    """The page's own text, without the site's "last updated" line."""
    content = copy.copy(built_site.content(built_site.page_path(lang, page)))
    for updated in content.select(".site-updated"):
        updated.decompose()
    text = content.get_text(" ")
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize(
    ("code", "page", "fact"),
    [(code, page, fact) for page, by_lang in FACTS.items() for code, facts in by_lang.items() for fact in facts],
)
def test_fact_is_on_its_page(built_site, code, page, fact):
    assert fact in text_of(built_site, BY_CODE[code], page), f"docs/{code}/{page}: missing «{fact}»"


def test_facts_table_covers_every_page_and_language():
    from siteinfo import PAGES

    assert set(FACTS) == set(PAGES) - ABOUT_THE_SITE
    for page, by_lang in FACTS.items():
        assert set(by_lang) == {lang.code for lang in EDITED}, page


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_cooperation_lab_states_no_date(built_site, lang):
    assert not NO_DATES.search(text_of(built_site, lang, "cooperation-lab.md"))


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_trust_line_and_mail_are_links(built_site, lang):
    contacts = built_site.content(built_site.page_path(lang, "contacts.md"))
    hrefs = [a["href"] for a in contacts.find_all("a", href=True)]
    assert "tel:+998706192333" in hrefs
    assert "mailto:info@agmk.uz" in hrefs
    feedback = [h for h in hrefs if h.startswith("mailto:info@agmk.uz?subject=")]
    assert feedback, "the feedback link needs a subject in the page's language"
