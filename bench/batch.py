"""HR's batch run at scale (`handbook batch`): N people, each assessed under one of the sample's standards or
rules in turn, rules with 12 monthly periods each — read from one .xlsx and written to one .xlsx.

Each size runs in its own process, so that its peak memory is its own (VmHWM: unlike ru_maxrss, which Linux
carries across exec from the parent, it starts afresh): two sizes show whether memory grows linearly. The
answers are the definitions' own worked examples (a rule's periods repeated to 12).
"""

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PERIODS = 12


def _cell(value):
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "、".join(map(str, value))
    return value


def write_workbook(rulebook, people, path):
    """One sheet per standard and rule, people dealt to them in turn; returns the number of data rows."""
    from openpyxl import Workbook

    from assessment.answered import RULE, STANDARD
    from generator.appraisal.batch import _fields  # noqa: PLC2701  the same column names HR's template uses

    definitions = [(kind, d) for kind in (STANDARD, RULE) for d in rulebook[kind.key] if d.get("examples")]
    book = Workbook(write_only=True)
    sheets, columns = {}, {}
    for kind, d in definitions:
        sheet = book.create_sheet(d["name"][:31])
        names = {key: item["name"] for name, (key, item) in _fields(kind, d).items() if name == item["name"]}
        columns[d["id"]] = list(names)
        sheet.append(["工号", "姓名", "部门", *names.values()])
        sheets[d["id"]] = sheet
    rows = 0
    for n in range(people):
        kind, d = definitions[n % len(definitions)]
        example = d["examples"][n // len(definitions) % len(d["examples"])]["answers"]
        who = [f"E{n:06d}", f"员工{n}", f"部门{n % 40}"]
        if not kind.periodic:
            sheets[d["id"]].append(who + [_cell(example.get(key)) for key in columns[d["id"]]])
            rows += 1
            continue
        history = example.get("periods") or [{}]
        for month in range(PERIODS):
            period = history[month % len(history)]
            sheets[d["id"]].append(who + [
                _cell((example.get("person") or {}).get(key.split(".", 1)[1]) if key.startswith("person.")
                      else period.get(key.split(".", 1)[1])) for key in columns[d["id"]]])
            rows += 1
    book.save(path)
    return rows


def run_one(people):
    """In this process: write the input, then read, score and write it as `handbook batch` does."""
    from generator.appraisal import batch
    from generator.definitions.compile import build_rulebook

    rulebook = build_rulebook(ROOT / "competencies")
    with tempfile.TemporaryDirectory(prefix="handbook-batch-") as tmp:
        source, out = Path(tmp) / "in.xlsx", Path(tmp) / "out.xlsx"
        rows = write_workbook(rulebook, people, source)
        t0 = time.perf_counter()
        entries = batch.read([source], rulebook)
        t1 = time.perf_counter()
        scored = batch.score(entries, rulebook)
        t2 = time.perf_counter()
        batch.write(scored, out, rulebook)
        t3 = time.perf_counter()
    return {"people": people, "rows": rows, "entries": len(entries), "failed": sum(1 for r in scored if r.errors),
            "read_s": t1 - t0, "score_s": t2 - t1, "write_s": t3 - t2, "total_s": t3 - t0,
            "rows_per_s": rows / (t3 - t0), "peak_mb": _peak_mb()}


def _peak_mb():
    status = Path("/proc/self/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status)[1]) / 1024


def measure(sizes):
    """Each size in a fresh process (its own peak memory)."""
    out = []
    for people in sizes:
        done = subprocess.run([sys.executable, "-m", "bench.batch", "--people", str(people)], cwd=ROOT,
                              capture_output=True, text=True, check=True)
        out.append(json.loads(done.stdout))
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m bench.batch")
    parser.add_argument("--people", type=int, default=10_000)
    print(json.dumps(run_one(parser.parse_args().people)))
