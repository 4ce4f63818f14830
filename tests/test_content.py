"""Every fact of the two source texts is on its page, in every language.

The table lists, per page and language, phrases that carry a fact from
../shared/sources/ (the only source of facts). Removing or garbling a fact fails here.
"""

import copy
import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from siteinfo import BY_CODE, EDITED, LANGUAGES, PAGES, language_page_params

FACTS = {
    "index.md": {
        "uz": ["PQ-5159", "2021-yil 24-iyundagi", "ilmiy-texnologik Klaster", "yuqori qoʻshilgan qiymatli",
               "«xomashyodan tayyor mahsulotgacha»", "katod misi", "«Olmaliq KMK» AJ", "148,0 ming tonna",
               "bir necha baravar", "80 foiz", "Iqtisodiy taraqqiyot va kambagʻallikni qisqartirish vazirligi"],
        "ru": ["№ ПП-5159", "от 24.06.2021", "научно-технологический Кластер", "высокой добавленной стоимостью",
               "«от сырья до готовой продукции»", "катодная медь", "АО «Алмалыкский ГМК»", "148,0 тыс. тонн",
               "в несколько раз", "80 %", "Министерство экономического развития и сокращения бедности"],
        "en": ["No. PP-5159", "24 June 2021", "science-and-technology Cluster", "high added value",
               '"from raw material to finished product"', "cathode copper", "JSC Almalyk MMC",
               "148,000 tonnes", "several-fold", "80%", "Ministry of Economic Development and Poverty Reduction"],
    },
    "resolution.md": {
        "uz": ["Oʻzbekiston Respublikasi Prezidentining 2021-yil 24-iyundagi PQ-5159-son qaroriga",
               "PQ-5159", "2021-yil 24-iyun", "qoʻshimcha chora-tadbirlar toʻgʻrisida",
               "О дополнительных мерах по развитию горно-металлургической промышленности и смежных отраслей",
               "Bosh vaziri A. Aripov", "maxsus komissiya"],
        "ru": ["постановлением Президента Республики Узбекистан от 24.06.2021 № ПП-5159", "24.06.2021",
               "ПП-5159",
               "«О дополнительных мерах по развитию горно-металлургической промышленности и смежных отраслей»",
               "Премьер-министром Республики Узбекистан А. Ариповым", "специальная комиссия"],
        "en": ["Presidential Resolution No. PP-5159 of 24 June 2021", "24 June 2021", "PP-5159",
               "On additional measures for the development of the mining and metallurgical industry",
               "О дополнительных мерах по развитию горно-металлургической промышленности и смежных отраслей",
               "Prime Minister of the Republic of Uzbekistan, A. Aripov", "special commission"],
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
               "Training, retraining and advanced training", "experimental design work and scientific research"],
    },
    "joining.md": {
        "uz": ["Klaster subyektlari sifatida ishtirok etishga taklif qiladi",
               "Mis sanoati klasterini rivojlantirish xizmati", "yozma shaklda", "info@agmk.uz",
               "Maslahat, rasmiy talab emas"],
        "ru": ["принять участие в качестве субъектов Кластера",
               "Служба по развитию Кластера медной промышленности", "в письменном виде", "info@agmk.uz",
               "Совет, а не официальное требование"],
        "en": ["to take part as entities (subjects) of the Cluster",
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
        "uz": ["Ishonch telefoni", "(+998 70) 619-23-33", "info@agmk.uz", "yozma shaklda", "Fikr-mulohaza"],
        "ru": ["Телефон доверия", "(+998 70) 619-23-33", "info@agmk.uz", "в письменном виде", "Обратная связь"],
        "en": ["Trust line", "(+998 70) 619-23-33", "info@agmk.uz", "written proposals", "Feedback"],
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
    assert any(urlsplit(h).scheme == "mailto" and urlsplit(h).path == "info@agmk.uz" for h in hrefs), hrefs


@pytest.mark.parametrize(("lang", "page"), language_page_params())
def test_trust_line_is_in_the_bar_of_every_page(built_site, lang, page):
    """The trust line is shown once per screen, in the bar above every page (not repeated in
    the articles); Contacts says whose it is."""
    bar = built_site.soup(built_site.page_path(lang, page)).select_one(".site-bar")
    assert bar is not None, "no trust-line bar"
    phone = bar.select_one('a[href="tel:+998706192333"]')
    assert phone is not None and phone.get_text(strip=True) == "(+998 70) 619-23-33"


# ── Proposal mail links: a subject in the page's language ─────────────────────

# The script each language is written in (by its html lang).
SCRIPTS = {"uz": "Latin", "uz-Cyrl": "Cyrillic", "ru": "Cyrillic", "en": "Latin"}
LETTERS = {"Latin": re.compile(r"[A-Za-z]"), "Cyrillic": re.compile(r"[\u0400-\u04FF]")}


def mail_links(built_site, lang, page):
    """(address, subject) of every mailto: link on a built page, header and footer included."""
    soup = built_site.soup(built_site.page_path(lang, page))
    links = []
    for a in soup.find_all("a", href=True):
        href = urlsplit(a["href"])
        if href.scheme == "mailto":
            subject = parse_qs(href.query).get("subject", [""])[0]
            links.append((unquote(href.path), subject))
    return links


def test_every_language_has_its_script():
    missing = [lang.html_lang for lang in LANGUAGES if lang.html_lang not in SCRIPTS]
    assert not missing, f"add the script of {missing} to SCRIPTS in tests/test_content.py"


@pytest.mark.parametrize(("lang", "page"), language_page_params())
def test_every_mail_link_has_a_subject_in_the_pages_language(built_site, lang, page):
    """The address receives written proposals to join the Cluster: the link says so in its
    subject, in the reader's language and script (the guidance asks for it)."""
    script = SCRIPTS[lang.html_lang]
    other = "Cyrillic" if script == "Latin" else "Latin"
    for address, subject in mail_links(built_site, lang, page):
        where = f"docs/{lang.generated_from or lang.code}/{page}: mailto:{address}"
        assert subject.strip(), f"{where} has no ?subject= (write it in the page's language, percent-encoded)"
        assert LETTERS[script].search(subject) and not LETTERS[other].search(subject), \
            f"{where}: subject {subject!r} is not in {script} script"
        if lang.html_lang == "uz":
            assert not re.search(r"[OoGg]['‘’`ʼ]", subject), f"{where}: write oʻ gʻ with U+02BB in {subject!r}"


@pytest.mark.parametrize("page", PAGES)
def test_mail_subjects_are_translated(built_site, page):
    """No language reuses another's subject: each page's subject is its own language's."""
    subjects = {lang.code: {s for _, s in mail_links(built_site, lang, page)} for lang in EDITED}
    for lang in EDITED:
        for other in EDITED:
            if other != lang:
                shared = subjects[lang.code] & subjects[other.code]
                assert not shared, f"docs/{lang.code}/{page} uses docs/{other.code}/{page}'s subject {shared}"
