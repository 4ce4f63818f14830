"""Listen benchmarks (`make bench` runs it after bench.py): the recordings of the whole site,
made from an empty cache, measured. Writes its own section of BENCHMARKS.md.

usage: python scripts/bench_speech.py [--runs N] [--output BENCHMARKS.md]

1. Cold synthesis: one build of the real site with an empty recordings cache
   (SITE_SPEECH_CACHE in a temporary folder): wall time, and the CPU time of eSpeak NG and
   opusenc (this machine is shared, so wall time depends on its load; CPU time less).
2. The recordings: how many, their total size and length, bytes per minute of speech, the
   bit rate, the longest.
3. What Listen costs a build once the cache is warm: median of --runs builds with recordings
   against the same number with SITE_SPEECH=off.

Needs espeak-ng and opusenc (`apt-get install espeak-ng opus-tools`).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

SECTION = "speech"


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_build(site: Path, env: dict) -> tuple[float, str]:
    from sitekit.build import build

    start = time.perf_counter()
    result = build(site, env=env)
    elapsed = time.perf_counter() - start
    if not result.ok:
        raise SystemExit("bench_speech: the build failed:\n" + "\n".join(result.problems or [result.output[-2000:]]))
    return elapsed, result.output


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--output", type=Path, default=REPO / "BENCHMARKS.md")
    args = parser.parse_args()

    from bench import write_section
    from sitekit.speech.engine import Settings, missing_message, missing_tools, tool_versions
    from sitekit.speech.ogg import opus_seconds

    missing = missing_tools()
    if missing:
        print("bench_speech: " + missing_message(missing))
        return 1
    commit = subprocess.run(["git", "log", "-1", "--format=%h %s"], cwd=REPO, capture_output=True, text=True).stdout.strip()

    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        print("bench_speech: cold synthesis of the whole site…", flush=True)
        cpu_before = children_cpu()
        cold_seconds, output = timed_build(work / "cold", {"SITE_SPEECH": "on", "SITE_SPEECH_CACHE": str(work / "cache")})
        cpu = children_cpu() - cpu_before
        summary = re.search(r"Listen: (\d+) recordings.*?\((\d+) synthesised in ([\d.]+) s", output)
        files = sorted((work / "cold" / "speech").rglob("*.opus"))
        lengths = {f.relative_to(work / "cold").as_posix(): (f.stat().st_size, opus_seconds(f.read_bytes())) for f in files}
        print("bench_speech: warm builds…", flush=True)
        warm = [timed_build(work / f"warm{run}", {"SITE_SPEECH": "on", "SITE_SPEECH_CACHE": str(work / "cache")})[0]
                for run in range(args.runs)]
        off = [timed_build(work / f"off{run}", {"SITE_SPEECH": "off"})[0] for run in range(args.runs)]

    total_bytes = sum(size for size, _ in lengths.values())
    total_seconds = sum(seconds for _, seconds in lengths.values())
    longest = max(lengths.items(), key=lambda item: item[1][1])
    versions = tool_versions()
    settings = Settings()
    text = "\n".join([
        f"<!-- bench:{SECTION}:start -->",
        f"### Listen: recordings ({commit})",
        "",
        f"Measured {date.today().isoformat()} on {platform.machine()}, 2 cores shared with other work, "
        f"eSpeak NG {versions['espeak-ng']}, {versions['opusenc']}; Opus {settings.bitrate} kbit/s mono, "
        f"complexity {settings.complexity}, {settings.frame_ms} ms frames (`python scripts/bench_speech.py`); "
        f"load average {load_before:.1f} when it started (wall times grow with it; CPU time much less).",
        "",
        "| measure | value |",
        "|---|---:|",
        f"| recordings (pages of the edited languages; the Cyrillic edition plays the Uzbek ones) | {len(lengths)} |",
        f"| speech, all recordings | {total_seconds / 60:.1f} min |",
        f"| size, all recordings | {total_bytes / 1024 / 1024:.2f} MB |",
        f"| bytes per minute of speech | {total_bytes / (total_seconds / 60) / 1024:.0f} KB |",
        f"| average bit rate (Ogg overhead included) | {total_bytes * 8 / total_seconds / 1000:.1f} kbit/s |",
        f"| longest: {longest[0]} | {longest[1][1] / 60:.1f} min, {longest[1][0] / 1024:.0f} KB |",
        f"| cold synthesis of the whole site: build wall time | {cold_seconds:.1f} s |",
        f"| … of which synthesis (first start to last end, {summary.group(2) if summary else '?'} recordings) "
        f"| {float(summary.group(3)) if summary else float('nan'):.1f} s |",
        f"| … CPU time of the build and its eSpeak NG and opusenc processes | {cpu:.1f} s |",
        f"| build with a warm cache, median of {args.runs} | {statistics.median(warm):.2f} s |",
        f"| build with SITE_SPEECH=off, median of {args.runs} | {statistics.median(off):.2f} s |",
        "",
        f"<!-- bench:{SECTION}:end -->",
    ])
    write_section(args.output, SECTION, text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
