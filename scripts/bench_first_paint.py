"""Benchmark: what the colour-scheme script costs before first paint, measured, not asserted.

usage: python scripts/bench_first_paint.py [--variant NAME=PROJECT_DIR ...] [--runs N]
                                           [--lighthouse-runs N] [--output BENCHMARKS.md] [--section NAME]

Each variant (default: this checkout, named "current") is built with `mkdocs build --strict`
and served like GitHub Pages (gzip on). The system Chromium then opens a few pages cold (a
fresh context per run, so nothing is cached), under several network profiles set through
the DevTools protocol (Network.emulateNetworkConditions), with the system in dark mode and
nothing stored. Variants and profiles are interleaved run by run, so the machine's load
falls on all of them alike. Per variant and profile it reports:

- first contentful paint (the browser's paint timing entry; first paint is the same frame
  here), median, interquartile range and fastest run, in milliseconds after navigation start;
- when the last render-blocking request has arrived (Resource Timing responseEnd): the
  network's share of first paint, which a busy machine disturbs less than paint times;
- the requests the browser itself marks render-blocking (Resource Timing
  renderBlockingStatus), and all requests made before first contentful paint;
- whether the first rendered frame was already dark: in the first requestAnimationFrame
  callback (which runs just before the browser paints a frame) <html> must carry
  data-md-color-scheme="slate" and <body> a dark background, in every run;
- with --lighthouse-runs, Lighthouse's performance score and simulated first paint on the
  home pages, and which requests it calls render-blocking.

To compare an inline script with an external file, copy the project, change the template
in the copy, and pass both: --variant inline=/tmp/copy --variant external=. The figures
replace the section named --section in --output, between its markers.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

from bench import CHROMIUM_ARGS, versions, write_section  # noqa: E402

PAGES = ("", "ru/cooperation-lab/")  # the Uzbek home page, and the heaviest page (BENCHMARKS.md)
# name, round-trip latency (ms), download and upload throughput (kbit/s); None: unthrottled.
PROFILES = (
    ("unthrottled", None),
    ("Slow 4G (Lighthouse mobile: 150 ms, 1.6 Mbit/s)", (150, 1638.4, 750)),
    ("Regular 3G (300 ms, 750 kbit/s)", (300, 750, 250)),
    ("2G-like (800 ms, 250 kbit/s)", (800, 250, 50)),
)

# Runs before any page script: notes what the first frame sees.
FIRST_FRAME = """
requestAnimationFrame(() => {
  const root = document.documentElement;
  const body = document.body;
  window.__firstFrame = {
    scheme: root.getAttribute("data-md-color-scheme"),
    background: body ? getComputedStyle(body).backgroundColor : null,
  };
});
"""


def dark(colour: str | None) -> bool:
    """An rgb()/rgba() colour whose relative lightness is below one half."""
    if not colour or not colour.startswith("rgb"):
        return False
    red, green, blue = (float(part) for part in colour[colour.index("(") + 1:-1].split(",")[:3])
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255 < 0.5


def measure_once(browser, url: str, conditions) -> dict:
    context = browser.new_context(color_scheme="dark")
    context.add_init_script(FIRST_FRAME)
    tab = context.new_page()
    session = context.new_cdp_session(tab)
    session.send("Network.enable")
    session.send("Network.setCacheDisabled", {"cacheDisabled": True})
    if conditions:
        latency, down, up = conditions
        session.send("Network.emulateNetworkConditions", {
            "offline": False, "latency": latency,
            "downloadThroughput": down * 1024 / 8, "uploadThroughput": up * 1024 / 8})
    tab.goto(url, wait_until="load")
    row = tab.evaluate("""async () => {
      while (!performance.getEntriesByName('first-contentful-paint').length) {
        await new Promise(resolve => setTimeout(resolve, 50));
      }
      const paint = Object.fromEntries(performance.getEntriesByType('paint').map(e => [e.name, e.startTime]));
      const fcp = paint['first-contentful-paint'];
      const resources = performance.getEntriesByType('resource');
      return {
        fp: paint['first-paint'], fcp,
        blocking: resources.filter(r => r.renderBlockingStatus === 'blocking').map(r => r.name.split('/').pop()),
        blockingDone: Math.max(0, ...resources.filter(r => r.renderBlockingStatus === 'blocking').map(r => r.responseEnd)),
        beforeFcp: 1 + resources.filter(r => r.startTime < fcp).length,
        frame: window.__firstFrame,
      };
    }""")
    context.close()
    row["dark"] = bool(row["frame"]) and row["frame"]["scheme"] == "slate" and dark(row["frame"]["background"])
    return row


def lighthouse_runs(variants: dict[str, Path], runs: int, chromium: str) -> list[dict]:
    """Lighthouse (mobile preset, simulated Slow 4G) on each variant's home pages, interleaved:
    its performance score, its simulated first contentful paint and what it calls render-blocking."""
    import json
    import subprocess

    from sitekit.build import build
    from sitekit.pages_server import PagesServer
    from sitekit.site import load_site_config

    binary = REPO / ".cache" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        raise SystemExit("bench: run `make bench` once first: it installs Lighthouse into .cache/lighthouse")
    found: dict[tuple, list[dict]] = {}
    with tempfile.TemporaryDirectory() as work:
        servers = {}
        for name, project in variants.items():
            result = build(Path(work) / name, config_file=project / "mkdocs.yml")
            if not result.ok:
                raise SystemExit(f"bench: the build of {name} failed")
            base_path = urlsplit(load_site_config(project / "mkdocs.yml").site_url).path
            servers[name] = PagesServer(Path(work) / name, base_path).__enter__()
        try:
            for _ in range(runs):
                for page in ("", "en/"):
                    for name, server in servers.items():
                        with tempfile.TemporaryDirectory() as profile:
                            done = subprocess.run(
                                [str(binary), server.url + page, "--quiet", "--output=json", "--output-path=stdout",
                                 "--only-categories=performance",
                                 "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS) + f" --user-data-dir={profile}"],
                                capture_output=True, text=True, env={**os.environ, "CHROME_PATH": chromium})
                        report = json.loads(done.stdout)
                        audits = report["audits"]
                        blocking = audits.get("render-blocking-insight") or audits.get("render-blocking-resources") or {}
                        items = (blocking.get("details") or {}).get("items", [])
                        found.setdefault((name, "/" + page), []).append({
                            "score": round(report["categories"]["performance"]["score"] * 100),
                            "fcp": audits["first-contentful-paint"]["numericValue"],
                            "blocking": sorted(item.get("url", "").rsplit("/", 1)[-1] for item in items),
                        })
        finally:
            for server in servers.values():
                server.__exit__(None, None, None)
    return [{"variant": name, "page": page, "scores": [r["score"] for r in rows],
             "fcp": statistics.median(r["fcp"] for r in rows),
             "blocking": sorted(set(item for r in rows for item in r["blocking"]))}
            for (name, page), rows in found.items()]


def quartiles(values: list[float]) -> tuple[float, float, float]:
    q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return q1, median, q3


def measure(variants: dict[str, Path], runs: int, chromium: str) -> list[dict]:
    from playwright.sync_api import sync_playwright

    from sitekit.build import build
    from sitekit.pages_server import PagesServer
    from sitekit.site import load_site_config

    results: dict[tuple, list[dict]] = {}
    with tempfile.TemporaryDirectory() as work, sync_playwright() as playwright:
        servers = {}
        for name, project in variants.items():
            site_dir = Path(work) / name
            config_file = project / "mkdocs.yml"
            result = build(site_dir, config_file=config_file)
            if not result.ok:
                raise SystemExit(f"bench: the build of {name} failed:\n" + "\n".join(result.problems or [result.output[-2000:]]))
            base_path = urlsplit(load_site_config(config_file).site_url).path
            servers[name] = PagesServer(site_dir, base_path).__enter__()
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        try:
            for run in range(runs):
                for profile, conditions in PROFILES:
                    for page in PAGES:
                        for name, server in servers.items():
                            row = measure_once(browser, server.url + page, conditions)
                            results.setdefault((name, profile, page), []).append(row)
                print(f"bench: run {run + 1}/{runs}", flush=True)
        finally:
            browser.close()
            for server in servers.values():
                server.__exit__(None, None, None)
    summary = []
    for (name, profile, page), rows in results.items():
        summary.append({
            "variant": name, "profile": profile, "page": "/" + page,
            "fcp": quartiles([r["fcp"] for r in rows]),
            "fcp_min": min(r["fcp"] for r in rows),
            "done": quartiles([r["blockingDone"] for r in rows]), "done_min": min(r["blockingDone"] for r in rows),
            "blocking": sorted(set(item for r in rows for item in r["blocking"])),
            "blocking_count": statistics.median(len(r["blocking"]) for r in rows),
            "before_fcp": statistics.median(r["beforeFcp"] for r in rows),
            "dark": sum(r["dark"] for r in rows), "runs": len(rows),
        })
    return summary


def render(section: str, rows: list[dict], variants: dict[str, Path], runs: int, lights: list[dict]) -> str:
    import datetime
    import platform

    info = versions()
    lines = [f"<!-- bench:{section}:start -->", f"### {section}", "",
             f"Measured {datetime.date.today().isoformat()} on {platform.machine()}, {os.cpu_count()} cores, "
             f"{info['chromium']}; `python scripts/bench_first_paint.py --runs {runs}"
             + (f" --lighthouse-runs {len(lights[0]['scores'])}" if lights else "")
             + "".join(f" --variant {name}=…" for name in variants) + "`.",
             "Cold first view, system in dark mode, nothing stored; ms after navigation start, median "
             "(interquartile range) and fastest run. \"Render-blocking requests done\": when the last "
             "request the browser marks render-blocking has arrived (the network's share of first paint, "
             "less disturbed by a busy CPU than paint times are).", "",
             "| network | page | variant | first contentful paint | fastest FCP | render-blocking requests done | "
             "fastest done | render-blocking requests | requests before FCP | first frame dark |",
             "|---|---|---|---:|---:|---:|---:|---|---:|---:|"]

    def ms(q):
        return f"{q[1]:.0f} ({q[0]:.0f}–{q[2]:.0f})"

    for row in sorted(rows, key=lambda r: ([p for p, _ in PROFILES].index(r["profile"]), r["page"], r["variant"])):
        blocking = f"{row['blocking_count']:g}: " + ", ".join(row["blocking"])
        lines.append(f"| {row['profile']} | {row['page']} | {row['variant']} | {ms(row['fcp'])} | {row['fcp_min']:.0f} | "
                     f"{ms(row['done'])} | {row['done_min']:.0f} | {blocking} | {row['before_fcp']:g} | "
                     f"{row['dark']}/{row['runs']} |")
    if lights:
        lines += ["", f"Lighthouse (mobile preset: simulated Slow 4G and 4× slower CPU), "
                      f"{len(lights[0]['scores'])} runs per page, interleaved:", "",
                  "| page | variant | performance scores | simulated FCP (median, ms) | what it calls render-blocking |",
                  "|---|---|---|---:|---|"]
        for row in sorted(lights, key=lambda r: (r["page"], r["variant"])):
            lines.append(f"| {row['page']} | {row['variant']} | {', '.join(map(str, row['scores']))} | "
                         f"{row['fcp']:.0f} | {', '.join(row['blocking'])} |")
    lines += ["", f"<!-- bench:{section}:end -->"]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--variant", action="append", default=[], metavar="NAME=PROJECT_DIR")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--lighthouse-runs", type=int, default=0, metavar="N",
                        help="also run Lighthouse N times per variant and home page (needs `make bench` once)")
    parser.add_argument("--output", type=Path, default=REPO / "BENCHMARKS.md")
    parser.add_argument("--section", default="first-paint")
    args = parser.parse_args()
    variants = {}
    for item in args.variant or [f"current={REPO}"]:
        name, _, directory = item.partition("=")
        if not directory or not (Path(directory) / "mkdocs.yml").is_file():
            parser.error(f"--variant {item}: give NAME=PROJECT_DIR, a folder with mkdocs.yml")
        variants[name] = Path(directory).resolve()
    chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if not chromium:
        print("bench: Chromium not found — install it with `apt-get install chromium` or set CHROMIUM_PATH")
        return 1
    rows = measure(variants, args.runs, chromium)
    lights = lighthouse_runs(variants, args.lighthouse_runs, chromium) if args.lighthouse_runs else []
    text = render(args.section, rows, variants, args.runs, lights)
    write_section(args.output, args.section, text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
