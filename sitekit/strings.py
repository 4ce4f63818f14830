"""Interface strings: one YAML file per language in i18n/, the only place they live.

Each file maps the same keys: ``language`` (the ``lang`` attribute), ``direction``,
``site_name``, ``site_description``, ``nav`` (labels keyed by the titles in
mkdocs.yml's nav) and ``theme`` (the strings Material's templates and ours ask for).
"""

from __future__ import annotations

import copy
import functools
import re
from pathlib import Path

import yaml

STRINGS_DIR = "i18n"
# In a generated edition's file: the language whose strings it transliterates.
TRANSLITERATE_FROM = "transliterate_from"
_PLACEHOLDER = re.compile(r"(\{\w+\})")  # {day}, {month}: names, not words
REFERENCE_LANGUAGE = "en"
# The speech lexicon (sitekit/speech/lexicon.py): data whose keys are each language's own
# written forms ("AJ", "ГМК"), so only its first level is the same in every file; a generated
# edition keeps its source's lexicon as it is (it shares the source's recordings, and eSpeak
# NG's Uzbek voice reads Latin).
DATA_SECTIONS = ("speech",)


class StringsError(Exception):
    """A language file is missing, unreadable or incomplete; the message says how to fix it."""


def strings_path(root: Path, language: str) -> Path:
    return Path(root) / STRINGS_DIR / f"{language}.yml"


def load_strings(root: Path, language: str) -> dict:
    """A language's strings, a fresh copy (callers may change it); for a generated edition,
    its source language's strings transliterated, then its own keys."""
    source = transliterated_from(root, language)
    if source is None:
        return _read_strings(root, language)
    # Transliterating a whole file is what costs (every hook of every language build asks for
    # the strings): made once per change of either file.
    stamps = (_stamp(strings_path(root, language)), _stamp(strings_path(root, source)))
    return copy.deepcopy(_generated_strings(Path(root), language, source, stamps))


@functools.lru_cache(maxsize=16)
def _generated_strings(root: Path, language: str, source: str, _stamps) -> dict:
    data = _read_strings(root, language)
    data.pop(TRANSLITERATE_FROM, None)
    source_data = _read_strings(root, source)
    kept = {key: source_data.pop(key) for key in DATA_SECTIONS if key in source_data}
    generated = _transliterated(source_data)
    generated.update(kept)
    generated.update(data)
    return generated


def _read_strings(root: Path, language: str) -> dict:
    """A fresh copy of a language file's data (callers may change it)."""
    return copy.deepcopy(_shared_strings(root, language))


def _shared_strings(root: Path, language: str) -> dict:
    """A language file's data as last parsed, shared: to be read, never changed."""
    path = strings_path(root, language)
    return _parsed_strings(path, _stamp(path))


def _stamp(path: Path):
    """What tells a changed file (an editor saving it while `make serve` runs) from the last."""
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    return status.st_mtime_ns, status.st_size


@functools.lru_cache(maxsize=64)
def _parsed_strings(path: Path, stamp) -> dict:
    """Each file is parsed once per change: every language build and hook asks for it."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise StringsError(
            f"{path}: missing — copy {REFERENCE_LANGUAGE}.yml "
            f"to {path.name} and translate its values"
        ) from None
    try:
        data = _parse(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise StringsError(f"{path}{line}: not valid YAML ({error}) — fix the syntax") from None
    if not isinstance(data, dict):
        raise StringsError(f"{path}: expected a mapping of keys to strings")
    return data


# libyaml's parser when PyYAML has it: a sixth of the time (the four files: 42 ms against
# 7 ms), with the same constructor, so the same data. Its error messages differ, so a file it
# refuses is parsed again by PyYAML's own parser, which gives the message and line editors see.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def _parse(text: str):
    if _FAST_LOADER is not None:
        try:
            return yaml.load(text, Loader=_FAST_LOADER)  # noqa: S506 (a safe loader)
        except yaml.YAMLError:
            pass
    return yaml.safe_load(text)


def flat_keys(strings: dict, prefix: str = "") -> set[str]:
    keys = set()
    for key, value in strings.items():
        name = f"{prefix}{key}"
        if not prefix and key in DATA_SECTIONS and isinstance(value, dict):
            keys |= {f"{name}/{part}" for part in value}
        elif isinstance(value, dict):
            keys |= flat_keys(value, f"{name}/")
        else:
            keys.add(name)
    return keys


def missing_keys(root: Path, language: str, strings: dict) -> list[str]:
    """Keys the reference language has and this one lacks (or leaves empty)."""
    reference = flat_keys(load_strings(root, REFERENCE_LANGUAGE))
    present = {key for key in flat_keys(strings) if _value(strings, key) not in (None, "")}
    return sorted(reference - present)


def _value(strings: dict, flat_key: str):
    value = strings
    for part in flat_key.split("/"):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def load_complete_strings(root: Path, language: str) -> dict:
    strings = load_strings(root, language)
    missing = missing_keys(root, language, strings)
    if missing:
        path = strings_path(root, language)
        raise StringsError(
            f"{path}: missing {', '.join(missing)} — add "
            f"{'them' if len(missing) > 1 else 'it'} (see {STRINGS_DIR}/{REFERENCE_LANGUAGE}.yml)"
        )
    return strings


def _transliterated(value):
    from sitekit.translit import to_cyrillic

    if isinstance(value, dict):
        return {key: _transliterated(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_transliterated(item) for item in value]
    if isinstance(value, str):
        return "".join(part if _PLACEHOLDER.fullmatch(part) else to_cyrillic(part) for part in _PLACEHOLDER.split(value))
    return value


def transliterated_from(root: Path, language: str) -> str | None:
    """The language a generated edition is made from (None for an edited language)."""
    # Asked for each page and passage (speech, search, alternates): read, not copied.
    return _shared_strings(root, language).get(TRANSLITERATE_FROM)
