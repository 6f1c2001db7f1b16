"""make bench: every figure of the handbook's performance, measured side by side in one run.

    python -m bench [--sizes 100,500,2000] [--runs 3] [--browser-runs 5]

Writes bench/results.json and the handbook page content/performance.md, and prints the same table.
"""

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from generator.site import stdlib

from . import batch, browser, build, pairs, preview, report, synthetic

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_PAGE = "assess/cs_grading.html"  # the largest standard: 11 items, checklists, prerequisites
QUERIES = ("投诉", "晋升")


def machine():
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = next((int(line.split()[1]) // 1024 // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), None)
    chromium = subprocess.run([browser.CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": memory, "os": platform.platform(),
            "python": platform.python_version(), "chromium": chromium,
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--sizes", default="100,500,2000", help="synthetic handbooks, in roles")
    parser.add_argument("--runs", type=int, default=3,
                        help="build pairs per handbook (up to twice as many while a ratio is undecided)")
    parser.add_argument("--browser-runs", type=int, default=5,
                        help="page loads per measurement (up to twice as many while a ratio is undecided)")
    parser.add_argument("--batch-people", default="2500,10000",
                        help="HR's batch run: people (12 months each for rules)")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results.json"))
    parser.add_argument("--page", default=str(ROOT / "content" / "performance.md"))
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]

    results = {"machine": machine(), "load": {"start": pairs.load_average()}, "builds": [], "assessment": [],
               "search": None}
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as tmp:
        tmp = Path(tmp)
        handbooks = [("样例手册", ROOT / "competencies")]
        handbooks += [(f"{n} 个岗位", synthetic.write(n, tmp / f"defs-{n}")) for n in sizes]
        for label, definitions in handbooks:
            print(f"构建 / building: {label} …", file=sys.stderr, flush=True)
            figures = build.measure(definitions, tmp / label, args.runs)
            results["builds"].append({"handbook": label, **figures})
        full = ROOT / "node_modules" / "pyodide" / "python_stdlib.zip"
        results["stdlib"] = {"full_bytes": full.stat().st_size, "trimmed_bytes": len(stdlib.trim(full))}
        with sync_playwright() as playwright:
            chromium = browser.launch(playwright)
            # the synthetic handbooks name their copies of the sample's standards *_c0, *_c1 …
            for (label, _), page in ((handbooks[0], SAMPLE_PAGE),
                                     (handbooks[-1], SAMPLE_PAGE.replace(".html", "_c0.html"))):
                print(f"浏览器 / browser: {label} …", file=sys.stderr, flush=True)
                figures = browser.assessment(chromium, tmp / label / "site-ours", page, args.browser_runs)
                results["assessment"].append({"handbook": label, **figures})
            label = handbooks[-1][0]
            results["search"] = {"handbook": label,
                                 **browser.search(chromium, tmp / label / "site-ours", QUERIES, args.browser_runs)}
            results["preview"] = []
            for label, definitions in (handbooks[0], handbooks[-1]):
                print(f"预览 / preview: {label} …", file=sys.stderr, flush=True)
                figures = preview.measure(definitions, tmp / label / "ours.yml", tmp / label, chromium,
                                          args.browser_runs)
                results["preview"].append({"handbook": label, **figures})
            chromium.close()

    print("批量计分 / batch …", file=sys.stderr, flush=True)
    results["batch"] = batch.measure([int(n) for n in args.batch_people.split(",")])
    results["load"]["end"] = pairs.load_average()
    Path(args.out).write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    page = report.markdown(results)
    Path(args.page).write_text(page, encoding="utf-8")
    print(page)
    print(f"→ {args.out}, {args.page}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
