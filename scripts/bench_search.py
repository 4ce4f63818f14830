"""The search part of `make bench` (scripts/bench.py --search-only runs it alone): what a
visitor's first search costs, ours next to Pagefind's, on sites of growing size.

For each size (the real site, then synthetic sites of N more pages per language, built by
sitekit/synthetic.py) the site is built once and indexed by Pagefind too (its CLI from the
pagefind_bin package, over the same built pages, `article` as the root so both index the same
text). Then, in the system Chromium against the site served like GitHub Pages (gzip on), cold
(a new browser context each run):

- ours: a home page is open; the visitor clicks the search field and the query is typed; until
  the first result is on screen, and the network is quiet;
- Pagefind: its JS API (pagefind.js, its worker and WebAssembly, entry, meta, index chunks)
  searches, and the data of the first 10 results (the fragments) is loaded, as many results as
  our panel shows. Its default UI would add pagefind-ui.js and .css (counted apart).

Bytes are the compressed bodies on the wire (Content-Length: Chromium reports 0 for a worker's
script), requests are every request the search made. Time to first result is the median of
--search-runs, unthrottled and as a slow phone (Slow 4G: 150 ms round trip, 1.6 Mbit/s down,
and 4× CPU slowdown, as Lighthouse's mobile preset).
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

# A query per language on many pages (the most postings to fetch) and one on few.
QUERIES = {
    "uz": ["klaster", "Bektemir"],
    "uz-cyrl": ["кластер", "Бектемир"],
    "ru": ["кластер", "Бектемир"],
    "en": ["cluster", "Bektemir"],
}
PAGEFIND_RESULTS = 10  # our panel shows 10 pages
SLOW_PHONE = {"latency": 150, "downloadThroughput": 1.6 * 1024 * 1024 / 8, "uploadThroughput": 750 * 1024 / 8}
SLOW_CPU = 4
RESULT_TIMEOUT_MS = 30000

OURS = """async (query) => {
  const input = document.querySelector("[data-site-search-input]");
  const start = performance.now();
  input.click();
  input.value = query;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  return await new Promise((resolve, reject) => {
    const give_up = setTimeout(() => reject(new Error("no result for " + query)), %d);
    const check = () => {
      if (document.querySelector(".md-search-result__list li")) {
        clearTimeout(give_up);
        resolve(performance.now() - start);
      } else setTimeout(check, 5);
    };
    check();
  });
}""" % RESULT_TIMEOUT_MS

PAGEFIND = """async ([query, bundle, count]) => {
  const start = performance.now();
  const pagefind = await import(bundle + "pagefind.js");
  const search = await pagefind.search(query);
  await Promise.all(search.results.slice(0, count).map((result) => result.data()));
  return [performance.now() - start, search.results.length];
}"""

PAGEFIND_PAGE = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>Pagefind bench</title></head>
<body><p>Pagefind, searched through its JS API by scripts/bench_search.py.</p></body></html>
"""


def pagefind_binary() -> list[str]:
    return [sys.executable, "-m", "pagefind"]


def index_with_pagefind(site_dir: Path) -> dict:
    """Run Pagefind over the built site; its languages as it named them."""
    completed = subprocess.run(
        [*pagefind_binary(), "--site", str(site_dir), "--root-selector", "article", "--quiet"],
        capture_output=True, text=True,
    )
    if completed.returncode != 0:
        raise SystemExit("bench: pagefind failed:\n" + completed.stdout[-2000:] + completed.stderr[-2000:])
    return json.loads((site_dir / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]


def transfer(responses) -> tuple[int, int]:
    """(compressed bytes, requests) of the responses."""
    total = 0
    for response in responses:
        length = response.headers.get("content-length")
        total += int(length) if length else response.request.sizes()["responseBodySize"]
    return total, len(responses)


def throttle(context, tab, slow: bool):
    session = context.new_cdp_session(tab)
    session.send("Network.enable")
    if slow:
        session.send("Network.emulateNetworkConditions", {"offline": False, **SLOW_PHONE})
        session.send("Emulation.setCPUThrottlingRate", {"rate": SLOW_CPU})
    return session


def measure_ours(browser, server, home: str, query: str, slow: bool) -> dict:
    context = browser.new_context()
    responses = []
    tab = context.new_page()
    throttle(context, tab, slow)
    tab.goto(server.url + home, wait_until="networkidle")
    context.on("response", lambda response: responses.append(response))
    milliseconds = tab.evaluate(OURS, query)
    tab.wait_for_timeout(600)  # anything still arriving belongs to this search
    counted = re.search(r"\d+", tab.locator(".md-search-result__meta").inner_text())
    found = int(counted.group()) if counted else 0
    size, requests = transfer(responses)
    context.close()
    return {"bytes": size, "requests": requests, "ms": milliseconds, "found": found}


def measure_pagefind(browser, server, page: str, query: str, slow: bool) -> dict:
    context = browser.new_context()
    responses = []
    tab = context.new_page()
    throttle(context, tab, slow)
    tab.goto(server.url + page, wait_until="networkidle")
    context.on("response", lambda response: responses.append(response))
    milliseconds, count = tab.evaluate(PAGEFIND, [query, server.url + "pagefind/", PAGEFIND_RESULTS])
    tab.wait_for_timeout(600)
    size, requests = transfer(responses)
    context.close()
    return {"bytes": size, "requests": requests, "ms": milliseconds, "found": count}


def ui_assets(site_dir: Path) -> int:
    """Gzipped bytes of Pagefind's default UI (its script and style), which the API leaves out."""
    return sum(len(gzip.compress((site_dir / "pagefind" / name).read_bytes(), mtime=0))
               for name in ("pagefind-ui.js", "pagefind-ui.css"))


def our_index_files(site_dir: Path, locale: str) -> tuple[int, int]:
    files = [p for p in (site_dir / "search" / locale).rglob("*.json")]
    return len(files), sum(len(gzip.compress(p.read_bytes(), mtime=0)) for p in files)


def measure_site(site_dir: Path, site_url: str, chromium: str, locales: list[tuple[str, str]],
                 runs: int, chromium_args: list[str]) -> list[dict]:
    from playwright.sync_api import sync_playwright

    from sitekit.pages_server import PagesServer

    pagefind_languages = index_with_pagefind(site_dir)
    bench_dir = site_dir / "pagefind-bench"
    bench_dir.mkdir(exist_ok=True)
    rows = []
    with PagesServer(site_dir, urlsplit(site_url).path) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=chromium_args)
        for locale, home in locales:
            pf_lang = locale if locale in pagefind_languages else locale.split("-")[0]
            (bench_dir / f"{locale}.html").write_text(PAGEFIND_PAGE.format(lang=pf_lang), encoding="utf-8")
            for query in QUERIES.get(locale, []):
                row = {"locale": locale, "query": query}
                for system, measure, where in (("ours", measure_ours, home),
                                               ("pagefind", measure_pagefind, f"pagefind-bench/{locale}.html")):
                    fast = [measure(browser, server, where, query, slow=False) for _ in range(runs)]
                    slow = [measure(browser, server, where, query, slow=True) for _ in range(runs)]
                    row[system] = {
                        "bytes": fast[0]["bytes"], "requests": fast[0]["requests"], "found": fast[0]["found"],
                        "ms": statistics.median(m["ms"] for m in fast),
                        "slow_ms": statistics.median(m["ms"] for m in slow),
                    }
                rows.append(row)
        browser.close()
    return rows


def search_bench(project: Path, sizes: list[int], runs: int, chromium: str, chromium_args: list[str]) -> list[dict]:
    """One block of rows per size: {"per_language", "rows", "ui_bytes", "index"}."""
    from sitekit.build import build
    from sitekit.site import languages, load_site_config
    from sitekit.synthetic import make_synthetic_site

    config = load_site_config(project / "mkdocs.yml")
    locales = [(lang.code, lang.prefix) for lang in languages(config)]
    blocks = []
    for size in sizes:
        print(f"bench: search, {size or 'no'} extra pages per language…", flush=True)
        with tempfile.TemporaryDirectory() as work:
            config_file = project / "mkdocs.yml"
            if size:
                config_file = make_synthetic_site(Path(work) / "site-src", size, root=project)
            site_dir = Path(work) / "site"
            result = build(site_dir, config_file=config_file)
            if not result.ok:
                raise SystemExit("bench: the build failed:\n" + "\n".join(result.problems[:20] or [result.output[-2000:]]))
            others = {code for code, prefix in locales if prefix}
            per_language = len([p for p in site_dir.rglob("index.html")
                                if p.relative_to(site_dir).parts[0] not in others])
            rows = measure_site(site_dir, config.site_url, chromium, locales, runs, chromium_args)
            index = {code: our_index_files(site_dir, code) for code, _ in locales}
            blocks.append({"extra": size, "per_language": per_language, "rows": rows,
                           "ui_bytes": ui_assets(site_dir), "index": index})
            shutil.rmtree(site_dir / "pagefind", ignore_errors=True)
    return blocks


def kb(value: float) -> str:
    return f"{value / 1024:.1f}"


ABOUT = """Our index is split the way Pagefind splits its own (sitekit/search_index.py): a small
meta.json, chunks of sorted terms fetched for the prefixes a query asks for, and one file per
page fetched for the results shown; an index that gzips to 24 KB or less (the real site's) is
meta.json alone, one request. Pagefind stays out of the site: at every size below ours transfers
less; its search runs in WebAssembly, which the Content-Security-Policy would have to allow
(`'wasm-unsafe-eval'` in script-src); and its folding (Unicode decomposition) would make й match
и while leaving қ ғ ҳ unfolded, with neither Uzbek script indexed in the other."""


def render_search(blocks: list[dict], runs: int) -> list[str]:
    lines = [ABOUT, "", "#### First search, ours next to Pagefind 1.5 (KB gzip on the wire, requests, ms to first result)", "",
             f"Time: median of {runs} cold runs; \"slow\" is Slow 4G (150 ms RTT, 1.6 Mbit/s) with 4× CPU slowdown. "
             f"Pagefind through its JS API, data of the first {PAGEFIND_RESULTS} results loaded (its default UI "
             "would add its own script and style: the last column of the second table).", "",
             "| pages per language | edition | query | results ours / Pagefind | ours KB | ours requests | ours ms "
             "| ours slow ms | Pagefind KB | Pagefind requests | Pagefind ms | Pagefind slow ms | ours ≤ Pagefind |",
             "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    verdicts = []
    for block in blocks:
        for row in block["rows"]:
            ours, theirs = row["ours"], row["pagefind"]
            ok = ours["bytes"] <= theirs["bytes"]
            verdicts.append(ok)
            lines.append(
                f"| {block['per_language']} | {row['locale']} | {row['query']} | {ours['found']} / {theirs['found']} | "
                f"{kb(ours['bytes'])} | {ours['requests']} | "
                f"{ours['ms']:.0f} | {ours['slow_ms']:.0f} | {kb(theirs['bytes'])} | {theirs['requests']} | "
                f"{theirs['ms']:.0f} | {theirs['slow_ms']:.0f} | {'yes' if ok else '**no**'} |"
            )
    lines += ["", "| pages per language | our index files (per edition) | our index, KB gzip (per edition) "
              "| Pagefind default UI, KB gzip |", "|---:|---|---|---:|"]
    for block in blocks:
        files = ", ".join(f"{code} {count}" for code, (count, _) in block["index"].items())
        sizes = ", ".join(f"{code} {kb(size)}" for code, (_, size) in block["index"].items())
        lines.append(f"| {block['per_language']} | {files} | {sizes} | {kb(block['ui_bytes'])} |")
    lines += ["", f"Our first search transferred no more than Pagefind's in {sum(verdicts)} of {len(verdicts)} cases."]
    return lines
