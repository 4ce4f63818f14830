"""A synthetic copy of the site with many pages, for measuring how build time and page size
grow with the number of pages (scripts/bench.py, tests/test_scaling.py).

The copy keeps the real configuration (through MkDocs' INHERIT), templates, hooks and
strings, and adds a news archive per language: one page per item, in sections by year and
month, as a real archive grows. Item text is made of the real pages' paragraphs in the same
language, so pages have realistic length and words. It is a git repository with one
commit, like the real site (page dates and security.txt come from git).
"""

from __future__ import annotations

import json

import random
import re
import shutil
import subprocess
from pathlib import Path

from sitekit.site import ROOT, edited_languages, load_site_config

ITEMS_PER_MONTH = 10
LAST_YEAR, LAST_MONTH = 2026, 11
_PARAGRAPH = re.compile(r"^[^\s#!|<>{}-].{80,}$")


def paragraphs(language_folder: Path) -> list[str]:
    """Plain prose paragraphs of a language's real pages (front matter, headings and
    lists left out), to fill the synthetic items."""
    found = []
    for page in sorted(language_folder.rglob("*.md")):
        text = page.read_text(encoding="utf-8").split("---", 2)[-1]
        for block in text.split("\n\n"):
            block = " ".join(line.strip() for line in block.strip().splitlines())
            if _PARAGRAPH.match(block) and "](" not in block:
                found.append(block)
    return found


def months_back(count: int) -> list[tuple[int, int]]:
    year, month, result = LAST_YEAR, LAST_MONTH, []
    for _ in range(count):
        result.append((year, month))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return result


def make_synthetic_site(target: Path, pages_per_language: int, root: Path = ROOT) -> Path:
    """Write the synthetic project into ``target``; return its mkdocs.yml."""
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    config = load_site_config(root / "mkdocs.yml")
    languages = edited_languages(config)
    for name in ("overrides", "i18n"):
        shutil.copytree(root / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(root / "docs", target / "docs")

    month_count = -(-pages_per_language // ITEMS_PER_MONTH)
    months = months_back(month_count)
    rng = random.Random(5159)  # deterministic: the same archive every run
    items = []  # (year, month, slug)
    for index in range(pages_per_language):
        year, month = months[index // ITEMS_PER_MONTH]
        items.append((year, month, f"item-{index + 1:04d}"))

    for lang in languages:
        pool = paragraphs(root / "docs" / lang.code)
        for year, month, slug in items:
            body = rng.sample(pool, k=min(4, len(pool)))
            title = " ".join(body[0].split()[:6]).rstrip(".,;:")
            page = target / "docs" / lang.code / "news" / f"{year}" / f"{month:02d}" / f"{slug}.md"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(
                "---\n"
                # JSON is YAML: a Python repr is not (its \' breaks the front matter).
                f"description: {json.dumps(body[1][:150], ensure_ascii=False)}\n"
                "source: agmk-copper-cluster\n"  # made of the real pages' paragraphs
                "---\n\n"
                f"# {title} {{#item}}\n\n{body[0]}\n\n"
                f"## {' '.join(body[1].split()[:4])} {{#details}}\n\n{body[1]}\n\n{body[2]}\n\n"
                f"## {' '.join(body[3].split()[:4])} {{#more}}\n\n{body[3]}\n",
                encoding="utf-8",
            )

    _add_nav_labels(target, languages, months)
    nav_lines = ["nav:"] + [f"  - {next(iter(entry))}: {entry[next(iter(entry))]}" for entry in _real_nav(config)]
    nav_lines.append("  - News:")
    for year in sorted({y for y, _ in months}, reverse=True):
        nav_lines.append(f'      - "{year}":')
        for y, month in months:
            if y != year:
                continue
            nav_lines.append(f'          - "{year}-{month:02d}":')
            for item_year, item_month, slug in items:
                if (item_year, item_month) == (y, month):
                    nav_lines.append(f"              - news/{y}/{month:02d}/{slug}.md")
    synthetic_config = target / "mkdocs.yml"
    synthetic_config.write_text(
        f"INHERIT: {root / 'mkdocs.yml'}\ndocs_dir: docs\n" + "\n".join(nav_lines) + "\n", encoding="utf-8"
    )
    _commit(target)
    return synthetic_config


def _real_nav(config) -> list[dict]:
    return [entry for entry in config.nav]


def _add_nav_labels(target: Path, languages, months) -> None:
    """Section labels of the archive in every language's strings file (a copy)."""
    import yaml

    for path in sorted((target / "i18n").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if "nav" not in data:
            continue  # a generated edition takes its labels from its source language
        month_names = data.get("date", {}).get("months") or [f"{m:02d}" for m in range(1, 13)]
        data["nav"]["News"] = {"en": "News", "ru": "Новости", "uz": "Yangiliklar"}.get(path.stem, "News")
        for year, month in months:
            data["nav"][str(year)] = str(year)
            data["nav"][f"{year}-{month:02d}"] = f"{month_names[month - 1]} {year}"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _commit(target: Path) -> None:
    git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@localhost", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q"], cwd=target, check=True)
    subprocess.run([*git, "add", "-A"], cwd=target, check=True)
    subprocess.run([*git, "commit", "-qm", "synthetic site"], cwd=target, check=True,
                   env={"GIT_AUTHOR_DATE": "2026-11-01T00:00:00Z", "GIT_COMMITTER_DATE": "2026-11-01T00:00:00Z",
                        "PATH": "/usr/bin:/bin:/usr/local/bin"})
