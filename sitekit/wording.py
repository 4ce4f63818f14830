"""Wording rules the sources impose on the site's text, in every language.

``cluster_said_to_be_created(text, language)``: the source says the Copper Industry Cluster
*is being created* («создаётся») in accordance with Resolution PP-5159; a sentence that says it
*was* created («созданный постановлением», "created by the resolution", "qaror bilan tashkil
etilgan klaster") claims what the source does not. Other things the sources do say were set
up stay correct: the special commission (by the resolution), the Cluster Development Service
(at JSC Almalyk MMC), the Cooperation LAB centre (on Uzavtosanoat's initiative).

How it reads a sentence: it finds each completed-creation form ("created", «создан»,
"tashkil etilgan" …) and the nearest noun of a thing that can be created (the cluster, a
service, a commission, a centre). If that noun is the cluster, the sentence is reported. The
Service's name ("Cluster Development Service", «Служба по развитию Кластера», "Klasterni
rivojlantirish xizmati") counts as a service, not as the cluster.
"""

from __future__ import annotations

import functools
import re

from sitekit.translit import to_cyrillic

# Completed creation, per language (Uzbek Latin; the Cyrillic edition's forms are these,
# transliterated). English "being created" is the continuous form and is not listed.
_UZ_FORMS = ("tashkil etilgan", "tashkil etildi", "tashkil topgan", "tashkil topdi", "tashkil qilingan",
             "tashkil qilindi", "yaratilgan", "yaratildi", "tuzilgan", "tuzildi", "barpo etilgan", "barpo etildi")
_RU_PARTICIPLE = r"(?:н|на|но|ны|нн\w*|л\w*)"
FORMS = {
    "en": r"(?<!being )\b(?:created|established|founded|formed|set up)\b",
    "ru": rf"\b(?:созда{_RU_PARTICIPLE}|образова{_RU_PARTICIPLE}|учрежд[её]н\w*|сформирова{_RU_PARTICIPLE})\b",
    "uz": r"\b(?:" + "|".join(_UZ_FORMS) + r")\b",
}
# Word stems (lower case) of the things the sources say are created or set up.
CLUSTER = ("cluster", "кластер", "klaster")
OTHER_THINGS = ("service", "commission", "centre", "center", "lab", "служб", "комисси", "центр", "xizmat",
                "komissiya", "markaz", "хизмат", "комиссия", "марказ")
# The Cluster Development Service by its names: one service, whose name contains "cluster".
SERVICE_NAMES = (
    r"(?:Copper Industry )?Cluster Development Service",
    r"Служб\w* по развитию Кластера(?: медной промышленности)?",
    r"(?:[Mm]is sanoati )?[Kk]lasterini rivojlantirish xizmat\w*",
    r"(?:[Мм]ис саноати )?[Кк]ластерини ривожлантириш хизмат\w*",
)
_SERVICE = "SERVICE"
_WORD = re.compile(r"[\w\u02bb\u02bc'’-]+")
# A sentence ends at . ! ? or ; but not after "No." or an initial ("A. Aripov").
_SENTENCE_END = re.compile(r"(?<=[.!?;])(?<!\bNo\.)(?<!\b\w\.)\s+")


def _language_key(language: str) -> str:
    """'uz', 'uz-Cyrl', 'ru', 'en' (an html lang) to the table's key."""
    return language.split("-")[0].lower() if language.lower() != "uz-cyrl" else "uz-cyrl"


@functools.lru_cache(maxsize=None)
def _forms(language: str) -> re.Pattern[str]:
    key = _language_key(language)
    if key == "uz-cyrl":
        return re.compile(r"\b(?:" + "|".join(map(re.escape, map(to_cyrillic, _UZ_FORMS))) + r")\b", re.I)
    if key not in FORMS:
        raise KeyError(f"sitekit/wording.py: no completed-creation forms for language {language!r} — add them to FORMS")
    return re.compile(FORMS[key], re.I)


_SERVICE_RE = re.compile("|".join(f"(?:{name})" for name in SERVICE_NAMES))


def _kind(word: str) -> str | None:
    if word == _SERVICE:
        return "other"
    lower = word.lower()
    if lower.startswith(CLUSTER):
        return "cluster"
    if lower.startswith(OTHER_THINGS):
        return "other"
    return None


def cluster_said_to_be_created(text: str, language: str) -> list[str]:
    """The sentences of text that say the Cluster was (not is being) created."""
    forms = _forms(language)
    found = []
    for sentence in _SENTENCE_END.split(" ".join(text.split())):
        collapsed = _SERVICE_RE.sub(_SERVICE, sentence)
        words = [(m.start(), m.group()) for m in _WORD.finditer(collapsed)]
        things = [(i, _kind(word)) for i, (_, word) in enumerate(words) if _kind(word)]
        for form in forms.finditer(collapsed):
            at = next((i for i, (start, _) in enumerate(words) if start >= form.start()), len(words))
            span = len(_WORD.findall(form.group()))
            distance = [(min(abs(i - at), abs(i - (at + span - 1))), kind) for i, kind in things]
            if distance and min(distance)[1] == "cluster" and not any(
                    d == min(distance)[0] and k == "other" for d, k in distance):
                found.append(sentence)
                break
    return found
