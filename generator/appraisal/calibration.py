"""The calibration page `handbook batch … -o FILE.html` writes: one self-contained file (no script, no
external resource) that HR opens or prints — per standard or rule and per department, the distribution of
grades or outcomes as a bar chart, then the people, best first, with the gap to the next grade, unmet
prerequisites, and answers from an older rulebook flagged; where a review file was read, the person's own
result beside the reviewer's, and how many answers are two or more steps apart. Rows that could not be
scored are listed with their errors. Its words are the handbook's language (batch.write speaks it)."""

import html
from collections import Counter, defaultdict
from datetime import date
from decimal import Decimal

from assessment.answered import STANDARD
from assessment.messages import listed, say

from .report import reviewed, said

STYLE = """body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left}
th{background:#eef}td.n{text-align:right}.old{color:#a00}svg text{font-size:12px}h3{margin-bottom:.2em}
@media print{h2{break-before:page}}"""


def page(rows, rulebook):
    title = _e(say("calibration.title"))
    summary = say("calibration.summary", version=rulebook["version"], date=date.today().isoformat(),
                  count=len(rows), scored=sum(1 for r in rows if r.result))
    if any(r.duplicate for r in rows):
        summary += say("calibration.duplicates", count=sum(r.duplicate for r in rows))
    parts = [f"<!doctype html><html lang=\"{_e(say('calibration.html_lang'))}\"><meta charset=\"utf-8\">"
             f"<title>{title}</title><style>{STYLE}</style>",
             f"<h1>{title}</h1><p>{_e(summary)}</p>"]
    by_definition = defaultdict(list)
    for row in rows:
        if row.result and not row.duplicate:
            by_definition[(row.kind, row.name)].append(row)
    for (kind, name), group in by_definition.items():
        parts.append(f"<h2>{_e(name)}</h2>")
        departments = defaultdict(list)
        for row in group:
            departments[row.entry.person.get("department") or say("calibration.no_department")].append(row)
        for department, people in departments.items():
            parts.append(f"<h3>{_e(say('calibration.department', department=department, count=len(people)))}</h3>")
            parts.append(_standard(people, rulebook) if kind is STANDARD else _rule(people, rulebook))
    failed = [row for row in rows if row.errors and not row.result]
    if failed:
        head = ["batch.column.source", "batch.staff_id", "batch.name", "batch.column.problems"]
        parts.append(f"<h2>{_e(say('calibration.failed'))}</h2><table><tr>"
                     + "".join(f"<th>{_e(say(h))}</th>" for h in head) + "</tr>"
                     + "".join(f"<tr><td>{_e(r.entry.source)}</td><td>{_e(r.entry.person.get('staff_id', ''))}</td>"
                               f"<td>{_e(r.entry.person.get('name', ''))}</td><td>{_e(listed(r.errors))}</td></tr>"
                               for r in failed) + "</table>")
    return "\n".join(parts) + "\n"


def _standard(people, rulebook):
    from .batch import grade_name, to_next, unmet

    people = sorted(people, key=lambda r: Decimal(r.result["total"]), reverse=True)
    grades = [grade_name(r.result) or "—" for r in people]
    rows = [[_who(row, rulebook), (row.result["total"], "n"), grade, to_next(row.result), unmet(row.result)]
            for row, grade in zip(people, grades)]
    head = ["calibration.who", "batch.column.total", "batch.column.grade", "batch.column.next", "batch.column.unmet"]
    return _chart(Counter(grades)) + _table(head, rows, people)


def _rule(people, rulebook):
    rows = [[_who(r, rulebook), r.result["outcome_name"],
             f"{r.result['level']['from_name']} → {r.result['level']['to_name']}" if r.result.get("level") else "",
             (r.result.get("pay") or "", "n"), (r.result.get("bonus") or "", "n"), r.result["reason"]] for r in people]
    head = ["calibration.who", "batch.column.outcome", "batch.column.level", "batch.column.pay", "batch.column.bonus",
            "batch.column.reason"]
    if any(r.entry.ranks for r in people):  # computed from the cohort: HR checks them here
        head, rows = head + ["batch.column.ranks"], [row + [r.entry.ranks] for row, r in zip(rows, people)]
    return _chart(Counter(r.result["outcome_name"] for r in people)) + _table(head, rows, people)


def _who(row, rulebook):
    person, version = row.entry.person, row.entry.version
    text = " ".join(p for p in (person.get("staff_id"), person.get("name")) if p) or row.entry.source
    return text + (say("calibration.old_version", version=version) if version and version != rulebook["version"]
                   else "")


def _chart(counts):
    """Horizontal bars, one per grade or outcome, with its count: readable printed in black and white."""
    width, bar = 420, 22
    most = max(counts.values())
    lines = []
    for i, (label, n) in enumerate(counts.items()):
        y = i * (bar + 6)
        length = max(2, round(260 * n / most))
        lines.append(f'<text x="0" y="{y + 15}">{_e(label)}</text>'
                     f'<rect x="120" y="{y}" width="{length}" height="{bar}" fill="#5c6bc0"/>'
                     f'<text x="{126 + length}" y="{y + 15}">{_e(say("calibration.bar", count=n))}</text>')
    height = len(counts) * (bar + 6)
    summary = say("calibration.chart.separator").join(
        say("calibration.chart", label=label, count=n) for label, n in counts.items())
    return (f'<svg role="img" aria-label="{_e(summary)}" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}">{"".join(lines)}</svg>')


def _table(head, rows, people):
    """`head`: the headings' catalog ids; `people`: the rows' Row objects; where any was read from a review
    file, the review's columns follow."""
    from .batch import REVIEWED

    if any(p.compared is not None for p in people):
        head = head + REVIEWED
        rows = [row + reviewed(p) for row, p in zip(rows, people)]
    if any(p.errors or p.entry.notes for p in people):  # an edited review file, a rank computed: said here too
        head = head + ["calibration.notes"]
        rows = [row + [said(p)] for row, p in zip(rows, people)]
    cells = "".join("<tr>" + "".join(
        f'<td class="n">{_e(c[0])}</td>' if isinstance(c, tuple) else f"<td>{_e(c)}</td>" for c in row) + "</tr>"
                    for row in rows)
    return "<table><tr>" + "".join(f"<th>{_e(say(h))}</th>" for h in head) + "</tr>" + cells + "</table>"


def _e(value):
    return html.escape(str(value))
