"""Benchmarks (`make bench`): measured figures, not pass/fail tests. Writes BENCHMARKS.md.

usage: python scripts/bench.py [--runs N] [--sizes 30,100,300] [--scaling-runs N] [--no-lighthouse]
                               [--project DIR] [--output BENCHMARKS.md] [--section NAME]
                               [--search-only | --no-search] [--search-sizes 0,300,3000] [--search-runs N]

1. First view of every page in every language, in the system Chromium against the built
   site served like GitHub Pages (gzip on): bytes on the wire (compressed bodies) and
   requests until the network is idle, split into HTML, CSS, JS, fonts, search and other.
2. The clean build time of the real site (`mkdocs build --strict`), median of --runs.
3. Scaling: synthetic sites of --sizes pages per edited language (a news archive in
   sections by year and month), with build time (median of --scaling-runs) and HTML bytes
   per page for each size.
4. Lighthouse (mobile preset, system Chromium) on each language's home page, median of
   3 runs, when Node's npx and Chromium are present (the lighthouse package is fetched
   from the npm registry into .cache/ the first time).

5. Search (scripts/bench_search.py; --search-only runs it alone): the first search's transfer
   and time to first result on the real site and synthetic sites (--search-sizes), ours next
   to Pagefind's over the same pages. Written to its own section, "search".

--project measures another checkout (for example an older commit in a git worktree), so
"before" and "after" come from the same script. The figures replace the section named
--section (default "current") in --output, between its markers; other sections stay.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-gpu",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--disable-speech-synthesis-api",
]
KINDS = ("html", "css", "js", "font", "search", "other")


def kind_of(response) -> str:
    url = urlsplit(response.url).path
    if "/search/" in url or "/lunr/" in url or url.endswith("search.js"):
        return "search"
    resource = response.request.resource_type
    if resource == "document":
        return "html"
    if resource == "stylesheet" or url.endswith(".css"):
        return "css"
    if resource == "script" or url.endswith(".js"):
        return "js"
    if resource == "font":
        return "font"
    return "other"


def first_views(site_dir: Path, site_url: str, chromium: str) -> list[dict]:
    """Cold first view of every built page (404.html excluded)."""
    from playwright.sync_api import sync_playwright

    from sitekit.pages_server import PagesServer

    base_path = urlsplit(site_url).path
    pages = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("index.html"))
    results = []
    with PagesServer(site_dir, base_path) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        for page in pages:
            context = browser.new_context()
            responses = []
            context.on("response", lambda response: responses.append(response))
            tab = context.new_page()
            tab.goto(server.url + page.removesuffix("index.html"), wait_until="networkidle")
            row = {"page": "/" + page.removesuffix("index.html"), "requests": len(responses),
                   "errors": sum(r.status >= 400 for r in responses), **{k: 0 for k in KINDS}}
            for response in responses:
                row[kind_of(response)] += response.request.sizes()["responseBodySize"]
            row["total"] = sum(row[k] for k in KINDS)
            results.append(row)
            context.close()
        browser.close()
    return results


def build_times(config_file: Path, runs: int) -> list[float]:
    from sitekit.build import build

    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            result = build(Path(out), config_file=config_file)
            elapsed = time.perf_counter() - start
            if not result.ok:
                raise SystemExit("bench: the build failed:\n" + "\n".join(result.problems or [result.output[-2000:]]))
            times.append(elapsed)
    return times


def scaling(project: Path, sizes: list[int], runs: int) -> list[dict]:
    """Build each synthetic size `runs` times (this VM's timings vary by ±10 %): the median counts."""
    from sitekit.build import build
    from sitekit.synthetic import make_synthetic_site

    rows = []
    for size in sizes:
        with tempfile.TemporaryDirectory() as work:
            config_file = make_synthetic_site(Path(work) / "site-src", size, root=project)
            seconds = []
            for run in range(runs):
                out = Path(work) / f"out{run}"
                start = time.perf_counter()
                result = build(out, config_file=config_file, env={"SITE_SPEECH": "off"})  # recordings: bench_speech.py
                seconds.append(time.perf_counter() - start)
                if not result.ok:
                    raise SystemExit(f"bench: the synthetic build ({size}/language) failed:\n" + "\n".join(result.problems[:20]))
            sizes_ = [p.stat().st_size for p in out.rglob("*.html") if p.name != "404.html"]
            rows.append({"per_language": size, "pages": len(sizes_), "seconds": statistics.median(seconds),
                         "min": min(seconds), "max": max(seconds),
                         "html_max": max(sizes_), "html_mean": statistics.mean(sizes_)})
    return rows


def lighthouse(site_dir: Path, site_url: str, chromium: str, homes: list[str]) -> list[dict] | str:
    if not shutil.which("npx"):
        return "not measured: npx (Node.js) not found"
    cache = REPO / ".cache" / "lighthouse"
    binary = cache / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        cache.mkdir(parents=True, exist_ok=True)
        installed = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", str(cache), "lighthouse@12"],
                                   capture_output=True, text=True)
        if installed.returncode != 0:
            return "not measured: could not install lighthouse from the npm registry"
    from sitekit.pages_server import PagesServer

    rows = []
    with PagesServer(site_dir, urlsplit(site_url).path) as server:
        for home in homes:
            runs = []
            for _ in range(3):
                with tempfile.TemporaryDirectory() as profile:
                    completed = subprocess.run(
                        [str(binary), server.url + home, "--quiet", "--output=json", "--output-path=stdout",
                         "--only-categories=performance,accessibility,best-practices,seo",
                         "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS) + f" --user-data-dir={profile}"],
                        capture_output=True, text=True, env={**os.environ, "CHROME_PATH": chromium},
                    )
                if completed.returncode != 0:
                    return f"not measured: lighthouse failed ({completed.stderr.strip().splitlines()[-1:]})"
                report = json.loads(completed.stdout)
                runs.append({k: round(v["score"] * 100) for k, v in report["categories"].items()})
            rows.append({"page": "/" + home, **{k: statistics.median(r[k] for r in runs) for k in runs[0]}})
    return rows


def versions() -> dict:
    from importlib.metadata import version

    chromium = shutil.which("chromium")
    return {
        "mkdocs": version("mkdocs"), "mkdocs-material": version("mkdocs-material"),
        "mkdocs-static-i18n": version("mkdocs-static-i18n"), "python": platform.python_version(),
        "chromium": subprocess.run([chromium, "--version"], capture_output=True, text=True).stdout.strip() if chromium else "none",
    }


def pagefind_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pagefind")
    except PackageNotFoundError:
        return "not installed"


def kb(value: float) -> str:
    return f"{value / 1024:.1f}"


def render(section: str, commit: str, views, times, scale, lights, runs, scaling_runs) -> str:
    lines = [f"<!-- bench:{section}:start -->", f"### {section} ({commit})", ""]
    lines.append(f"Measured {date.today().isoformat()} on {platform.machine()}, {os.cpu_count()} cores, "
                 + ", ".join(f"{k} {v}" for k, v in versions().items()) + ".")
    lines += ["", "#### First view of every page (KB gzip on the wire, until network idle)", "",
              "| page | requests | total | HTML | CSS | JS | fonts | search | other | 4xx |",
              "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for row in sorted(views, key=lambda r: -r["total"]):
        lines.append(f"| {row['page']} | {row['requests']} | {kb(row['total'])} | " +
                     " | ".join(kb(row[k]) for k in ("html", "css", "js", "font", "search", "other")) +
                     f" | {row['errors']} |")
    worst = max(views, key=lambda r: r["total"])
    lines += ["", f"Worst page: {worst['page']}, {kb(worst['total'])} KB in {worst['requests']} requests; "
              f"most requests: {max(r['requests'] for r in views)}.", ""]
    lines += ["#### Clean build of the real site", "",
              f"`mkdocs build --strict`, {runs} runs: median {statistics.median(times):.2f} s "
              f"(min {min(times):.2f}, max {max(times):.2f}).", ""]
    lines += ["#### Scaling (synthetic news archive)", "",
              f"Build time: median of {scaling_runs} builds (min–max).", "",
              "| pages per language | pages built | build (s) | s per 100 pages | max HTML (KB) | mean HTML (KB) |",
              "|---:|---:|---:|---:|---:|---:|"]
    for row in scale:
        lines.append(f"| {row['per_language']} | {row['pages']} | {row['seconds']:.1f} ({row['min']:.1f}–{row['max']:.1f}) | "
                     f"{100 * row['seconds'] / row['pages']:.2f} | {kb(row['html_max'])} | {kb(row['html_mean'])} |")
    lines += ["", "#### Lighthouse (mobile preset, median of 3)", ""]
    if isinstance(lights, str):
        lines.append(lights)
    else:
        lines += ["| page | performance | accessibility | best practices | SEO |", "|---|---:|---:|---:|---:|"]
        for row in lights:
            lines.append(f"| {row['page']} | {row['performance']} | {row['accessibility']} | "
                         f"{row['best-practices']} | {row['seo']} |")
    lines += ["", f"<!-- bench:{section}:end -->"]
    return "\n".join(lines)


def write_section(output: Path, section: str, text: str) -> None:
    start, end = f"<!-- bench:{section}:start -->", f"<!-- bench:{section}:end -->"
    current = output.read_text(encoding="utf-8") if output.exists() else "# Benchmarks\n"
    if start in current and end in current:
        head, rest = current.split(start, 1)
        current = head + text + rest.split(end, 1)[1]
    else:
        current = current.rstrip("\n") + "\n\n" + text + "\n"
    output.write_text(current, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="30,100,300")
    parser.add_argument("--scaling-runs", type=int, default=3)
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--project", type=Path, default=REPO)
    parser.add_argument("--output", type=Path, default=REPO / "BENCHMARKS.md")
    parser.add_argument("--section", default="current")
    parser.add_argument("--search-only", action="store_true", help="measure only the first search (next to Pagefind)")
    parser.add_argument("--no-search", action="store_true", help="leave the search measurement out")
    parser.add_argument("--search-sizes", default="0,300,3000",
                        help="extra synthetic pages per language for the search measurement (0: the real site)")
    parser.add_argument("--search-runs", type=int, default=3)
    args = parser.parse_args()

    from sitekit.build import build
    from sitekit.site import load_site_config

    project = args.project.resolve()
    config_file = project / "mkdocs.yml"
    config = load_site_config(config_file)
    site_url = config.site_url
    i18n_languages = config.plugins["i18n"].config.languages
    chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if not chromium:
        print("bench: Chromium not found — install it with `apt-get install chromium` or set CHROMIUM_PATH")
        return 1
    commit = subprocess.run(["git", "log", "-1", "--format=%h %s"], cwd=project, capture_output=True, text=True).stdout.strip()

    if not args.no_search:
        from bench_search import render_search, search_bench

        sizes = [int(s) for s in args.search_sizes.split(",") if s]
        blocks = search_bench(project, sizes, args.search_runs, chromium, CHROMIUM_ARGS)
        text = "\n".join(["<!-- bench:search:start -->", f"### search ({commit})", "",
                          f"Measured {date.today().isoformat()} on {platform.machine()}, {os.cpu_count()} cores, "
                          + ", ".join(f"{k} {v}" for k, v in versions().items()) + f", pagefind {pagefind_version()}.",
                          "", *render_search(blocks, args.search_runs), "", "<!-- bench:search:end -->"])
        write_section(args.output, "search", text)
        print(text)
        if args.search_only:
            return 0

    with tempfile.TemporaryDirectory() as work:
        site_dir = Path(work) / "site"
        result = build(site_dir, config_file=config_file)
        if not result.ok:
            print("bench: the build failed:\n" + "\n".join(result.problems or [result.output[-2000:]]))
            return 1
        print("bench: first views…", flush=True)
        views = first_views(site_dir, site_url, chromium)
        homes = [("" if lang.default else lang.locale + "/") for lang in i18n_languages if lang.build]
        lights = "not measured (--no-lighthouse)" if args.no_lighthouse else lighthouse(site_dir, site_url, chromium, homes)
    print("bench: clean builds…", flush=True)
    times = build_times(config_file, args.runs)
    print("bench: scaling…", flush=True)
    scale = scaling(project, [int(s) for s in args.sizes.split(",") if s], args.scaling_runs)
    text = render(args.section, commit, views, times, scale, lights, args.runs, args.scaling_runs)
    write_section(args.output, args.section, text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
