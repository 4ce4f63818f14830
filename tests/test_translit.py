"""Uzbek Latin <-> Cyrillic transliterator (sitekit.translit) and its command.

The proof is the real Uzbek Cyrillic source text: every word of it must come
back unchanged from Latin, and its Latin rendering must use the official
Latin spellings.
"""

import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest

from sitekit import translit
from siteinfo import source_text as read_source
from sitekit.translit import markdown_to_cyrillic, markdown_to_latin, to_cyrillic, to_latin

REPO = Path(__file__).resolve().parent.parent
COMMAND = REPO / "scripts" / "translit.py"
SOURCE_NAME = "001_7f46f5cbb6ee76f8.txt"  # the Uzbek Cyrillic news text
# Cyrillic words (letter runs, ъ included) in that text; a change here means the source changed.
SOURCE_WORD_COUNT = 241


@pytest.fixture(scope="module")
def source_text():
    return read_source(SOURCE_NAME)


@pytest.fixture(scope="module")
def source_latin(source_text):
    return to_latin(source_text)


# --------------------------------------------------------------------------
# The source text


def test_every_source_word_survives_the_round_trip(source_text):
    total, survived, failures = translit.roundtrip_report(source_text)
    print(f"\nCyrillic words in the source: {total}; surviving Cyrillic -> Latin -> Cyrillic: {survived}")
    report = "\n".join(f"  {word} -> {latin} -> {back}" for word, latin, back in failures)
    assert not failures, f"{len(failures)} words do not survive the round trip:\n{report}"
    assert survived == total == SOURCE_WORD_COUNT


def test_whole_source_text_survives_the_round_trip(source_text, source_latin):
    assert to_cyrillic(source_latin) == source_text


# Cyrillic word in the source -> its official Latin spelling.
SOURCE_SPELLINGS = [
    ("Тармоқлараро", "Tarmoqlararo"),
    ("кооперация", "kooperatsiya"),
    ("раҳбари", "rahbari"),
    ("ривожлантириш", "rivojlantirish"),
    ("кўплаб", "koʻplab"),
    ("эҳтиёт", "ehtiyot"),
    ("конъюнктураси", "konʼyunkturasi"),
    ("Ўзавтосаноат", "Oʻzavtosanoat"),
    ("акциядорлик", "aksiyadorlik"),
    ("ташаббуси", "tashabbusi"),
    ("Лойиҳа", "Loyiha"),
    ("таъминланган", "taʼminlangan"),
    ("ғоядан", "gʻoyadan"),
    ("маҳаллийлаштириш", "mahalliylashtirish"),
    ("ўстиришга", "oʻstirishga"),
    ("мўлжалланган", "moʻljallangan"),
    ("павильонида", "pavilyonida"),
    ("хомашё", "xomashyo"),
    ("эҳтимолий", "ehtimoliy"),
    ("йўналишларни", "yoʻnalishlarni"),
    ("рақобатбардош", "raqobatbardosh"),
    ("тайёрлаш", "tayyorlash"),
    ("етказиб", "yetkazib"),
    ("таъкидланди", "taʼkidlandi"),
    ("электротехника", "elektrotexnika"),
    ("салоҳиятга", "salohiyatga"),
    ("ечимлар", "yechimlar"),
    ("ерда", "yerda"),
    ("ҳокимларига", "hokimlariga"),
    ("топшириғи", "topshirigʻi"),
    ("Ўзбекистон", "Oʻzbekiston"),
    ("СамАвто", "SamAvto"),
    ("Манба", "Manba"),
    ("автомобилсозлик", "avtomobilsozlik"),
    ("кооперациясидаги", "kooperatsiyasidagi"),
    ("тайёр", "tayyor"),
    ("Шу", "Shu"),
    ("Юртимиздаги", "Yurtimizdagi"),
]


def _whole_word_count(word, text):
    return len(re.findall(rf"(?<!\w){re.escape(word)}(?!\w)", text))


@pytest.mark.parametrize("cyrillic, latin", SOURCE_SPELLINGS)
def test_source_latin_rendering_uses_official_spelling(source_text, source_latin, cyrillic, latin):
    occurrences = _whole_word_count(cyrillic, source_text)
    assert occurrences, f"{cyrillic} is not a word of the source"
    assert _whole_word_count(latin, source_latin) == occurrences, f"{cyrillic} should be rendered {latin}"
    assert to_latin(cyrillic) == latin


def test_source_latin_names_and_figures_are_untouched(source_latin):
    for kept in ("“Cooperation LAB”", "«UzAuto Motors»", "“JV MAN Auto – Uzbekistan”",
                 "“General Motors Powertrain Uzbekistan”", "2 million dollar", "50 kishi"):
        assert kept in source_latin


# --------------------------------------------------------------------------
# Tricky words, Latin -> Cyrillic

TO_CYRILLIC = [
    # Months: ь only when the stem is the whole word; sentabr/oktabr get я.
    ("yanvar", "январь"),
    ("1-yanvardan", "1-январдан"),
    ("fevral", "февраль"),
    ("7-fevraldagi", "7-февралдаги"),
    ("aprel", "апрель"),
    ("iyun", "июнь"),
    ("24-iyundagi", "24-июндаги"),
    ("iyul", "июль"),
    ("sentabr", "сентябрь"),
    ("sentabrdagi", "сентябрдаги"),
    ("oktabr", "октябрь"),
    ("noyabr", "ноябрь"),
    ("dekabr", "декабрь"),
    ("Sentabr", "Сентябрь"),
    ("OKTABR", "ОКТЯБРЬ"),
    # Loanwords with ь.
    ("pavilon", "павильон"),
    ("pavilonida", "павильонида"),
    ("pavilyoni", "павильони"),
    ("avtomobil", "автомобиль"),
    ("avtomobilsozlik", "автомобилсозлик"),
    ("avtomobillar", "автомобиллар"),
    ("kabel-oʻtkazgich", "кабель-ўтказгич"),
    ("kompyuter", "компьютер"),
    ("subyekti", "субъекти"),
    # ts / ц.
    ("kooperatsiya", "кооперация"),
    ("kooperatsiyasidagi", "кооперациясидаги"),
    ("assotsiatsiya", "ассоциация"),
    ("ratsional", "рационал"),
    ("aksiya", "акция"),
    ("aksiyadorlik", "акциядорлик"),
    ("funksiya", "функция"),
    ("sex", "цех"),
    ("konsentratsiya", "концентрация"),
    ("ketsa", "кетса"),
    ("aytsa", "айтса"),
    ("aytsin", "айтсин"),
    ("otsiz", "отсиз"),
    # sʼh.
    ("Isʼhoq", "Исҳоқ"),
    ("Is'hoq", "Исҳоқ"),
    ("ISʼHOQ", "ИСҲОҚ"),
    ("shu", "шу"),
    # ye / e / э.
    ("yer", "ер"),
    ("qayer", "қаер"),
    ("yetkazib", "етказиб"),
    ("elektrotexnika", "электротехника"),
    ("poeziya", "поэзия"),
    ("ehtiyot", "эҳтиёт"),
    ("texnika", "техника"),
    ("Yevropa", "Европа"),
    # yo / yoʻ.
    ("yosh", "ёш"),
    ("yoʻl", "йўл"),
    ("xomashyo", "хомашё"),
    ("tayyor", "тайёр"),
    ("yoʻnalishlarni", "йўналишларни"),
    # Tutuq.
    ("konʼyunktura", "конъюнктура"),
    ("taʼminlangan", "таъминланган"),
    ("sheʼr", "шеър"),
    ("moʻʼjiza", "мўъжиза"),
    # Capitals.
    ("SHU", "ШУ"),
    ("Shu", "Шу"),
    ("OʻZBEKISTON", "ЎЗБЕКИСТОН"),
    ("Oʻzbekiston", "Ўзбекистон"),
    ("PQ-5159", "ПҚ-5159"),
    ("KMK", "КМК"),
    ("AJ", "АЖ"),
    ("SamAvto", "СамАвто"),
    ("ChORVA", "ЧОРВА"),
    # ng is n + g.
    ("tong", "тонг"),
]


@pytest.mark.parametrize("latin, cyrillic", TO_CYRILLIC)
def test_to_cyrillic(latin, cyrillic):
    assert to_cyrillic(latin) == cyrillic


# Apostrophe variants typed for oʻ/gʻ and for the tutuq.
APOSTROPHE_VARIANTS = [
    ("Oʻzbekiston", "Ўзбекистон"),
    ("O‘zbekiston", "Ўзбекистон"),
    ("O’zbekiston", "Ўзбекистон"),
    ("O'zbekiston", "Ўзбекистон"),
    ("O`zbekiston", "Ўзбекистон"),
    ("togʻ", "тоғ"),
    ("tog'", "тоғ"),
    ("bog’", "боғ"),
    ("gʻoyadan", "ғоядан"),
    ("g'oyadan", "ғоядан"),
    ("taʼminlangan", "таъминланган"),
    ("ta’minlangan", "таъминланган"),
    ("ta'minlangan", "таъминланган"),
    ("kon'yunktura", "конъюнктура"),
    ("mo''jiza", "мўъжиза"),
]


@pytest.mark.parametrize("latin, cyrillic", APOSTROPHE_VARIANTS)
def test_apostrophe_variants_on_input(latin, cyrillic):
    assert to_cyrillic(latin) == cyrillic


def test_apostrophes_used_as_quotes_stay_quotes():
    assert to_cyrillic("'bilim' va ‘ilm’") == "'билим' ва ‘илм’"


# --------------------------------------------------------------------------
# Tricky words, Cyrillic -> Latin

TO_LATIN = [
    ("январь", "yanvar"),
    ("ЯНВАРЬ", "YANVAR"),
    ("февралдаги", "fevraldagi"),
    ("сентябрь", "sentabr"),
    ("Сентябрдаги", "Sentabrdagi"),
    ("октябрь", "oktabr"),
    ("июнь", "iyun"),
    ("павильон", "pavilyon"),
    ("автомобиль", "avtomobil"),
    ("компьютер", "kompyuter"),
    ("объект", "obyekt"),
    ("бюджет", "budjet"),
    # ц: s at a word start and after a consonant, ts after a vowel.
    ("кооперация", "kooperatsiya"),
    ("акция", "aksiya"),
    ("цех", "sex"),
    ("Цех", "Sex"),
    ("ЦЕХ", "SEX"),
    ("функция", "funksiya"),
    ("станция", "stansiya"),
    ("концентрат", "konsentrat"),
    ("кетса", "ketsa"),
    # сҳ and ш.
    ("Исҳоқ", "Isʼhoq"),
    ("ИСҲОҚ", "ISʼHOQ"),
    ("ШУ", "SHU"),
    ("Шу", "Shu"),
    ("Ш", "Sh"),
    # е: ye at a word start, after a vowel, after ъ/ь.
    ("ер", "yer"),
    ("Ер", "Yer"),
    ("ЕР", "YER"),
    ("қаер", "qayer"),
    ("техника", "texnika"),
    ("премьер", "premyer"),
    ("поэзия", "poeziya"),
    ("электр", "elektr"),
    # ё, ю, я.
    ("ЁШ", "YOSH"),
    ("Ёш", "Yosh"),
    ("йўл", "yoʻl"),
    ("ЮНЕСКО", "YUNESKO"),
    # ў, ғ.
    ("Ў", "Oʻ"),
    ("ЎЗБЕКИСТОН", "OʻZBEKISTON"),
    ("Ўзбекистон", "Oʻzbekiston"),
    ("ТОҒ", "TOGʻ"),
    # Others.
    ("ПҚ-5159", "PQ-5159"),
    ("КМК", "KMK"),
    ("АЖ", "AJ"),
    ("ЧОРВА", "CHORVA"),
    ("Чорва", "Chorva"),
]


@pytest.mark.parametrize("cyrillic, latin", TO_LATIN)
def test_to_latin(cyrillic, latin):
    assert to_latin(cyrillic) == latin


@pytest.mark.parametrize("cyrillic, latin", TO_LATIN)
def test_to_latin_round_trip(cyrillic, latin):
    assert to_cyrillic(latin) == cyrillic


def test_latin_output_uses_u02bb_and_u02bc():
    latin = to_latin("Ўзбекистон тоғ таъминланган конъюнктура")
    assert latin == "O\u02bbzbekiston tog\u02bb ta\u02bcminlangan kon\u02bcyunktura"


def test_digits_punctuation_quotes_dashes_and_spaces_untouched():
    text = "«Tosh» “shahar” \"yoʻl\" – 2021-yil, 148,0 ming; 80 %!\n\tva — (oxiri)?"
    expected = "«Тош» “шаҳар” \"йўл\" – 2021-йил, 148,0 минг; 80 %!\n\tва — (охири)?"
    assert to_cyrillic(text) == expected
    assert to_latin(expected) == text


def test_other_script_is_left_alone():
    assert to_cyrillic("Тошкент шаҳри") == "Тошкент шаҳри"
    assert to_latin("Toshkent shahri") == "Toshkent shahri"


# --------------------------------------------------------------------------
# Names, URLs and codes that stay in Latin


def test_keep_latin_names():
    assert set(translit.KEEP_LATIN) >= {
        "UzAuto Motors", "Cooperation LAB", "JV MAN Auto – Uzbekistan", "General Motors Powertrain Uzbekistan",
    }
    text = "«UzAuto Motors», “JV MAN Auto – Uzbekistan” va “Cooperation LAB” markazi"
    assert to_cyrillic(text) == "«UzAuto Motors», “JV MAN Auto – Uzbekistan” ва “Cooperation LAB” маркази"


def test_keep_latin_is_case_sensitive_and_whole_phrase():
    assert to_cyrillic("cooperation lab") == "cooperation лаб"  # c is not an Uzbek letter
    assert to_cyrillic("Motors zavodi") == "Моторс заводи"
    assert to_cyrillic("UzAuto Motors\nzavodi") == "UzAuto Motors\nзаводи"


def test_keep_latin_list_can_be_extended(monkeypatch):
    monkeypatch.setattr(translit, "KEEP_LATIN", translit.KEEP_LATIN + ("Olmaliq Mining",))
    assert to_cyrillic("Olmaliq Mining va Olmaliq") == "Olmaliq Mining ва Олмалиқ"


def test_exceptions_can_be_extended(monkeypatch):
    monkeypatch.setitem(translit.EXCEPTIONS, "medal", "медаль")
    assert to_cyrillic("medal medallar") == "медаль медаллар"
    assert to_latin("медаль") == "medal"


# Latin codes (KEEP_LATIN_CODES, the WCAG conformance levels) stay Latin where they stand as
# codes: after a kept name (with a version number between) or in a list before a CODE_NOUNS
# word. Elsewhere the same capitals are letters, as in an initial.
CODES_BOTH_WAYS = [
    ("WCAG 2.2 AA darajasi", "WCAG 2.2 AA даражаси"),
    ("WCAG 2.1 AAA", "WCAG 2.1 AAA"),
    ("WCAG AA", "WCAG AA"),
    ("qoʻllanmaning (WCAG) 2.2-versiyasidagi AA darajasiga", "қўлланманинг (WCAG) 2.2-версиясидаги AA даражасига"),
    ("A va AA darajalari", "A ва AA даражалари"),
    ("(A va AA darajalari)", "(A ва AA даражалари)"),
    ("A, AA yoki AAA darajadagi", "A, AA ёки AAA даражадаги"),
    ("A–AA darajalari", "A–AA даражалари"),
    ("AA-darajasi", "AA-даражаси"),
    ("AA DARAJASI", "AA ДАРАЖАСИ"),
    ("Darajasi: AA", "Даражаси: АА"),  # no noun after it, no name before it: letters
    # Not codes: the same capitals as letters.
    ("A. Aripov", "А. Арипов"),
    ("Bosh vaziri A. Aripov boshchiligida", "Бош вазири А. Арипов бошчилигида"),
    ("AA", "АА"),
    ("A va B", "А ва Б"),
    ("AJ darajasi", "АЖ даражаси"),  # not a listed code
    ("AAAA darajasi", "АААА даражаси"),
]


@pytest.mark.parametrize("latin, cyrillic", CODES_BOTH_WAYS)
def test_latin_codes_to_cyrillic(latin, cyrillic):
    assert to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize("latin, cyrillic", CODES_BOTH_WAYS)
def test_latin_codes_to_latin(latin, cyrillic):
    assert to_latin(cyrillic) == latin


# A level written with Cyrillic letters (a mistake the Cyrillic edition used to make) comes
# back to Latin, and from there to Latin codes in Cyrillic text: the mistake is not repeated.
CYRILLIC_LETTER_CODES = [
    ("АА даражаси", "AA darajasi", "AA даражаси"),
    ("А ва АА даражалари", "A va AA darajalari", "A ва AA даражалари"),
    ("WCAG 2.2 АА", "WCAG 2.2 AA", "WCAG 2.2 AA"),
]


@pytest.mark.parametrize("cyrillic, latin, corrected", CYRILLIC_LETTER_CODES)
def test_cyrillic_letter_codes_are_corrected(cyrillic, latin, corrected):
    assert to_latin(cyrillic) == latin
    assert to_cyrillic(latin) == corrected


def test_latin_codes_in_markdown():
    md = "## Standart {#standard}\n\nSayt WCAG 2.2 ning AA darajasiga javob beradi (A va AA darajalari).\n"
    expected = "## Стандарт {#standard}\n\nСайт WCAG 2.2 нинг AA даражасига жавоб беради (A ва AA даражалари).\n"
    assert markdown_to_cyrillic(md) == expected
    assert markdown_to_latin(expected) == md


def test_latin_codes_can_be_extended(monkeypatch):
    monkeypatch.setattr(translit, "CODE_NOUNS", translit.CODE_NOUNS + ("toifa",))
    monkeypatch.setattr(translit, "KEEP_LATIN_CODES", translit.KEEP_LATIN_CODES + ("B",))
    assert to_cyrillic("AA toifasi, B toifasi va B. Aliyev") == "AA тоифаси, B тоифаси ва Б. Алиев"


def test_tokens_mixing_letters_and_digits_stay():
    assert to_cyrillic("B2B va 4G tarmogʻi") == "B2B ва 4G тармоғи"


def test_urls_and_emails_stay_in_plain_text():
    text = "Manzil: info@agmk.uz, https://agmk.uz/uz/page?a=b, www.agmk.uz va agmk.uz sayti, tel:+998706192333."
    expected = "Манзил: info@agmk.uz, https://agmk.uz/uz/page?a=b, www.agmk.uz ва agmk.uz сайти, tel:+998706192333."
    assert to_cyrillic(text) == expected


# --------------------------------------------------------------------------
# Markdown


def test_markdown_link_text_translated_url_kept():
    md = "[Klasterga qoʻshilish](joining.md#proposal \"Taklif yuborish\") va ![Mis rasmi](img/mis.png)"
    expected = "[Кластерга қўшилиш](joining.md#proposal \"Таклиф юбориш\") ва ![Мис расми](img/mis.png)"
    assert markdown_to_cyrillic(md) == expected


def test_markdown_attribute_lists_kept():
    md = "## Ishonch telefoni {#trust-line}\n\nMatn {: .lead data-role=note}\n"
    assert markdown_to_cyrillic(md) == "## Ишонч телефони {#trust-line}\n\nМатн {: .lead data-role=note}\n"


def test_markdown_code_kept():
    md = "Buyruq: `mkdocs build --strict` ishlaydi.\n\n```bash\necho shahar\n```\n\n~~~\nyoʻl\n~~~\nYoʻl\n"
    expected = "Буйруқ: `mkdocs build --strict` ишлайди.\n\n```bash\necho shahar\n```\n\n~~~\nyoʻl\n~~~\nЙўл\n"
    assert markdown_to_cyrillic(md) == expected


def test_markdown_front_matter():
    md = (
        "---\n"
        "title: Mis sanoati klasteri\n"
        "description: >-\n"
        "  Ishonch telefoni va\n"
        "  elektron pochta.\n"
        "template: main.html\n"
        "tags:\n"
        "  - mis\n"
        "---\n"
        "# Aloqa\n"
    )
    expected = (
        "---\n"
        "title: Мис саноати кластери\n"
        "description: >-\n"
        "  Ишонч телефони ва\n"
        "  электрон почта.\n"
        "template: main.html\n"
        "tags:\n"
        "  - mis\n"
        "---\n"
        "# Алоқа\n"
    )
    assert markdown_to_cyrillic(md) == expected


def test_markdown_front_matter_quoted_values():
    # YAML '' is one quote: Bog''i is Bogʻi; \n stays an escape.
    md = "---\ntitle: 'Bog''i va ''yoʻl'' xaritasi'\ndescription: \"Yoʻl\\nxaritasi\"\n---\n"
    expected = "---\ntitle: 'Боғи ва ''йўл'' харитаси'\ndescription: \"Йўл\\nхаритаси\"\n---\n"
    assert markdown_to_cyrillic(md) == expected


def test_markdown_email_and_tel_links():
    md = (
        "Telefon: [(+998 70) 619-23-33](tel:+998706192333). "
        "Pochta: [info@agmk.uz](mailto:info@agmk.uz?subject=Fikr-mulohaza), <info@agmk.uz>, "
        "<https://agmk.uz/uz>; yoki info@agmk.uz."
    )
    expected = (
        "Телефон: [(+998 70) 619-23-33](tel:+998706192333). "
        "Почта: [info@agmk.uz](mailto:info@agmk.uz?subject=%D0%A4%D0%B8%D0%BA%D1%80-%D0%BC%D1%83%D0%BB%D0%BE%D2%B3%D0%B0%D0%B7%D0%B0), "
        "<info@agmk.uz>, <https://agmk.uz/uz>; ёки info@agmk.uz."
    )
    assert markdown_to_cyrillic(md) == expected


@pytest.mark.parametrize(("latin", "cyrillic"), [
    ("mailto:info@agmk.uz?subject=Fikr-mulohaza", "mailto:info@agmk.uz?subject=Фикр-мулоҳаза"),
    ("mailto:info@agmk.uz?subject=Taklif%20xati&body=Assalomu%20alaykum",
     "mailto:info@agmk.uz?subject=Таклиф хати&body=Ассалому алайкум"),
    ("mailto:info@agmk.uz?cc=info@agmk.uz", "mailto:info@agmk.uz?cc=info@agmk.uz"),
    ("https://agmk.uz/uz?subject=Fikr", "https://agmk.uz/uz?subject=Fikr"),  # not a mailto: link
])
def test_markdown_mailto_subject_and_body_are_words(latin, cyrillic):
    """What a reader sees in the mail program follows the script; the address never changes."""
    converted = markdown_to_cyrillic(f"[yozish]({latin})")
    href = converted[converted.index("](") + 2 : -1]
    assert unquote(href) == cyrillic
    assert markdown_to_latin(converted) == f"[yozish]({latin})"  # and back


def test_markdown_html_tags_kept_text_translated():
    md = 'Asl nomi: <span lang="ru" class="quote">«О мерах»</span>, <abbr title="Olmaliq">KMK</abbr>&nbsp;AJ<br/>\n<!-- izoh -->'
    expected = 'Асл номи: <span lang="ru" class="quote">«О мерах»</span>, <abbr title="Olmaliq">КМК</abbr>&nbsp;АЖ<br/>\n<!-- izoh -->'
    assert markdown_to_cyrillic(md) == expected


def test_markdown_reference_links_admonitions_and_icons():
    md = (
        '!!! tip "Maslahat"\n\n'
        "    [Qaror][pq] matni :material-file-document:.\n\n"
        "[pq]: https://lex.uz/docs/5459111 \"Qaror\"\n"
    )
    expected = (
        '!!! tip "Маслаҳат"\n\n'
        "    [Қарор][pq] матни :material-file-document:.\n\n"
        "[pq]: https://lex.uz/docs/5459111 \"Qaror\"\n"
    )
    assert markdown_to_cyrillic(md) == expected


def test_markdown_to_latin_mirrors():
    md = "---\ntitle: Алоқа\nslug: aloqa\n---\n## Ишонч телефони {#trust-line}\n[Алоқа](contacts.md)\n"
    expected = "---\ntitle: Aloqa\nslug: aloqa\n---\n## Ishonch telefoni {#trust-line}\n[Aloqa](contacts.md)\n"
    assert translit.markdown_to_latin(md) == expected


def test_markdown_site_pages_keep_their_structure():
    # Every link target (a mailto: link's address: its subject is words), heading id and
    # fenced line of the real pages survives.
    def structure(pattern, text):
        found = re.findall(pattern, text, re.M)
        return [f.split("?")[0] if f.startswith("mailto:") else f for f in found]

    for page in sorted((REPO / "docs" / "uz").glob("*.md")):
        md = page.read_text(encoding="utf-8")
        out = markdown_to_cyrillic(md)
        for pattern in (r"\]\(([^)]*)\)", r"\{#[\w-]+\}", r"^[ \t]*(?:!!!|```|~~~)[^\"\n]*"):
            assert structure(pattern, out) == structure(pattern, md), page.name
        assert md.count("\n") == out.count("\n"), page.name


# --------------------------------------------------------------------------
# The command


def run_command(*args, stdin="", encoding="utf-8"):
    data = stdin.encode(encoding) if isinstance(stdin, str) else stdin
    return subprocess.run(
        [sys.executable, str(COMMAND), *args], input=data, capture_output=True, cwd=REPO, timeout=60,
    )


def test_command_to_cyrillic():
    result = run_command("--to", "cyrl", stdin="Oʻzbekiston, yoʻl\nKMK\n")
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode("utf-8") == "Ўзбекистон, йўл\nКМК\n"


def test_command_to_latin_keeps_crlf():
    result = run_command("--to", "latn", stdin="Ўзбекистон\r\nцех\r\n")
    assert result.returncode == 0
    assert result.stdout == "Oʻzbekiston\r\nsex\r\n".encode("utf-8")


def test_command_markdown():
    result = run_command("--to", "cyrl", "--markdown", stdin="# Aloqa {#contacts}\n[pochta](mailto:info@agmk.uz)\n")
    assert result.stdout.decode("utf-8") == "# Алоқа {#contacts}\n[почта](mailto:info@agmk.uz)\n"
    # Without --markdown the same input is plain text: the id is transliterated too.
    plain = run_command("--to", "cyrl", stdin="# Aloqa {#aloqa}\n")
    assert plain.stdout.decode("utf-8") == "# Алоқа {#алоқа}\n"


def test_command_help_is_the_docstring():
    result = run_command("--help")
    assert result.returncode == 0
    assert "Transliterate Uzbek text between Latin and Cyrillic" in result.stdout.decode()
    assert "--markdown" in result.stdout.decode()


@pytest.mark.parametrize(
    "args, hint",
    [
        ((), "--to"),
        (("--to", "cyrillic"), "cyrl"),
        (("--to", "cyrl", "--bogus"), "--bogus"),
    ],
)
def test_command_bad_usage(args, hint):
    result = run_command(*args, stdin="yoʻl")
    err = result.stderr.decode()
    assert result.returncode == 2
    assert result.stdout == b""
    assert err.count("\n") == 1 and err.startswith("translit.py: error:"), err
    assert hint in err and "--help" in err
    assert "Traceback" not in err


def test_command_rejects_non_utf8_input():
    result = run_command("--to", "cyrl", stdin="Oʻzbekiston".encode("cp1251", errors="replace") + b"\xff")
    err = result.stderr.decode()
    assert result.returncode == 1
    assert err.count("\n") == 1 and "UTF-8" in err and "Traceback" not in err
