"""A small site of its own for the editor check's tests: the real configuration (mkdocs.yml
with a shorter nav, i18n/, overrides/) copied into a temporary folder, and three small pages
in each language written here. Tests change these, never today's docs/."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from siteinfo import BY_CODE, LANGUAGES
from sitekit.check.project import Project, Source
from sitekit.site import ROOT

CHECK = ROOT / "scripts" / "check.py"
NAV = "nav:\n  - Home: index.md\n  - Contacts: contacts.md\n"

PAGES = {
    "index.md": {
        "uz": """---
description: >-
  Sinov sayti: tahrirlovchi tekshiruvi uchun kichik loyiha, uchta tilda yozilgan sahifalar bilan.
source: this-site
---

# Bosh sahifa {#home}

Bu sahifa tahrirlovchi tekshiruvining sinovlari uchun yozilgan. Unda oddiy matn, havola va
raqamlar bor.

Hisobotda 148,0 ming tonna, 2021-yil 24-iyundagi sana va PQ-5159-son qaror tilga olinadi.

## Savollar {#questions}

Savollaringiz boʻlsa, [aloqa sahifasiga](contacts.md#email) qarang.
""",
        "ru": """---
description: >-
  Тестовый сайт: небольшой проект для проверки редактора со страницами на трёх языках.
source: this-site
---

# Главная {#home}

Эта страница написана для тестов проверки редактора. В ней есть обычный текст, ссылка и
числа.

В отчёте упоминаются 148,0 тыс. тонн, дата 24.06.2021 и постановление № ПП-5159.

## Вопросы {#questions}

Если у вас есть вопросы, смотрите [страницу контактов](contacts.md#email).
""",
        "en": """---
description: >-
  A test site: a small project for the editor check, with pages written in three languages.
source: this-site
---

# Home {#home}

This page is written for the tests of the editor check. It has plain text, a link and
numbers.

The report mentions 148.0 thousand tonnes, the date 24 June 2021 and Resolution No. PP-5159.

## Questions {#questions}

If you have any questions, see the [contacts page](contacts.md#email).
""",
    },
    "contacts.md": {
        "uz": """---
description: >-
  Sinov saytining aloqa sahifasi: ishonch telefoni, elektron pochta va fikr-mulohaza.
source: this-site
---

# Aloqa {#contacts}

## Ishonch telefoni {#trust-line}

Ishonch telefoni: [(+998 70) 619-23-33](tel:+998706192333).

## Elektron pochta {#email}

Elektron pochta manzili: [info@example.org](mailto:info@example.org).

## Fikr-mulohaza {#feedback}

Fikr-mulohazangizni [elektron pochta orqali](mailto:info@example.org?subject=Fikr) yuboring.
""",
        "ru": """---
description: >-
  Страница контактов тестового сайта: телефон доверия, электронная почта и обратная связь.
source: this-site
---

# Контакты {#contacts}

## Телефон доверия {#trust-line}

Телефон доверия: [(+998 70) 619-23-33](tel:+998706192333).

## Электронная почта {#email}

Электронный адрес: [info@example.org](mailto:info@example.org).

## Обратная связь {#feedback}

Отправьте свой отзыв [по электронной почте](mailto:info@example.org?subject=Otzyv).
""",
        "en": """---
description: >-
  The contacts page of the test site: the trust line, the e-mail address and feedback.
source: this-site
---

# Contacts {#contacts}

## Trust line {#trust-line}

Trust line: [(+998 70) 619-23-33](tel:+998706192333).

## E-mail {#email}

E-mail address: [info@example.org](mailto:info@example.org).

## Feedback {#feedback}

Send us your feedback [by e-mail](mailto:info@example.org?subject=Feedback).
""",
    },
    "accessibility.md": {
        "uz": """---
description: >-
  Sinov saytidan foydalanish imkoniyati toʻgʻrisidagi qisqa bayonot, uchta tilda.
source: this-site
---

# Foydalanish imkoniyati {#accessibility}

Ushbu sayt hamma uchun qulay boʻlishga intiladi, jumladan faqat klaviatura bilan
foydalanuvchilar uchun ham.
""",
        "ru": """---
description: >-
  Краткое заявление о доступности тестового сайта, на трёх языках.
source: this-site
---

# Доступность {#accessibility}

Этот сайт стремится быть удобным для всех, в том числе для тех, кто пользуется только
клавиатурой.
""",
        "en": """---
description: >-
  A short accessibility statement of the test site, in three languages.
source: this-site
---

# Accessibility {#accessibility}

This site aims to be usable by everyone, including people who use a keyboard only.
""",
    },
}


def make_site(root: Path, pages: dict | None = None) -> Path:
    """The fixture site in root (created), with PAGES (or the pages given) in every language."""
    root.mkdir(parents=True, exist_ok=True)
    for name in ("i18n", "overrides"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    # Only the nav block changes: every other setting stays the site's own.
    config = re.sub(r"^nav:\n(?:[ \t]+.*\n|\n)*", NAV, config, flags=re.M)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    for page, languages in (pages or PAGES).items():
        for code, text in languages.items():
            write(root, f"docs/{code}/{page}", text)
    return root


def write(root: Path, name: str, text: str) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def edit(root: Path, name: str, old: str, new: str, count: int = 1) -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, f"{name} has no {old!r}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def append(root: Path, name: str, text: str) -> None:
    with open(root / name, "a", encoding="utf-8") as file:
        file.write(text)


def line_of(root: Path, name: str, needle: str) -> int:
    text = (root / name).read_text(encoding="utf-8")
    assert needle in text, f"{needle!r} not in {name}"
    return text[: text.index(needle)].count("\n") + 1


PROBLEM_LINE = re.compile(r"^[\w./-][\w./ -]*?(?::\d+)?: (?:warning: )?\S.* — \S.*$")
SUMMARY_LINE = re.compile(r"^check: \d+ errors?, \d+ warnings? \(")


def run_check(root: Path, *args: str) -> subprocess.CompletedProcess:
    """scripts/check.py on a project; its output never has a traceback, an exception's name
    or an absolute path, and every line is a problem line or the summary."""
    done = subprocess.run([sys.executable, str(CHECK), "--config", str(root / "mkdocs.yml"), *args],
                          capture_output=True, text=True, cwd=root)
    output = done.stdout + done.stderr
    assert "Traceback" not in output, output
    assert not re.search(r"\b\w+(?:Error|Exception)\b", output), output
    assert str(root) not in output and "/tmp/" not in output, output
    assert not done.stderr, done.stderr
    lines = done.stdout.splitlines()
    assert lines and SUMMARY_LINE.match(lines[-1]), done.stdout
    for line in lines[:-1]:
        if not line.startswith(("fixed ", "--fix: ")):
            assert PROBLEM_LINE.match(line), f"not one `file:line: what — fix` line: {line!r}"
    return done


def problems(done: subprocess.CompletedProcess) -> list[str]:
    return [line for line in done.stdout.splitlines()[:-1] if not line.startswith(("fixed ", "--fix: "))]


def project_of(root: Path) -> Project:
    from sitekit.site import load_site_config

    load_site_config.cache_clear()  # the fixture's mkdocs.yml may have changed
    return Project(root / "mkdocs.yml")


FRONT = "---\ndescription: A page about something, in a sentence or two for the search results.\n---\n\n"
PAGE = FRONT + "# Title {#title}\n\n"


def source(code: str, markdown: str, page: str = "page.md") -> Source:
    """One file of Markdown in a language (its path is only a name: nothing is read or written)."""
    name = f"docs/{code}/{page}"
    return Source(ROOT / name, name, BY_CODE[code], page, markdown, tuple(LANGUAGES))


def lines(problems) -> list[str]:
    return [str(problem) for problem in problems]
