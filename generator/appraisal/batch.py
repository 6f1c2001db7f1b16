"""`handbook batch`: HR scores many people at once — the files the self-assessment pages export and
spreadsheets with one row per person (per period, for rules) — with the same engine, into a table to
calibrate from: .xlsx (openpyxl), .csv (UTF-8 with BOM, which Excel on Chinese Windows opens as is) or
.html (a calibration page, calibration.py).

Every row read appears in the output: one that cannot be scored carries its errors, located as
`FILE:ROW:COLUMN` (`FILE:sheet!CELL` in a workbook) in the sheet HR filled in.
"""

import contextlib
import csv
import functools
import io
import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import assessment
from assessment import cohort, review
from assessment import items as kinds
from assessment.answered import RULE, STANDARD, Answered
from assessment.contract import Rule, Rulebook, Standard
from assessment.errors import AnswerError
from assessment.fingerprint import answers_hash
from assessment.messages import LANGUAGES, enumerated, language_of, listed, say, speaking

from .report import reviewed, said

# The person's columns: answer key → the catalog id of its heading. Output is headed in the handbook's language;
# a sheet is read with the headings of every catalog, so one made from a Chinese template reads in an English
# handbook and one headed in English in a Chinese handbook.
PERSON = {"staff_id": "batch.staff_id", "name": "batch.name", "department": "batch.department"}
PERIOD = "batch.period"  # a rule sheet's optional column naming each row's period: ranks align by it
PERIOD_ALSO = "batch.period.also"  # other headings of that column, separated by |


def _heading(text):
    """A heading as headings are compared: width (Ｍonth), case and spacing aside."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


@functools.cache
def _wordings(message_id):
    """Every catalog's wording of a heading (each |-separated one), as _heading compares them."""
    return frozenset(_heading(word) for lang in LANGUAGES for word in say(message_id, lang).split("|"))


def _person_key(name):
    """The person's answer key a column heading names (工号 or Employee ID …), or None."""
    return next((key for key, message_id in PERSON.items() if _heading(name) in _wordings(message_id)), None)


def _is_period(name):
    return bool(name) and _heading(name) in _wordings(PERIOD) | _wordings(PERIOD_ALSO)


def _speaking(rulebook):
    """Words said in the handbook's language (as spoken around the call when no rulebook is given)."""
    return speaking(language_of(rulebook)) if rulebook is not None else contextlib.nullcontext()


@dataclass
class Entry:
    """One person's answers to one standard or rule, and where each answer came from."""

    ident: str
    source: str
    person: dict = field(default_factory=dict)
    answers: dict = field(default_factory=dict)
    cells: dict = field(default_factory=dict)  # answer path ("x", "person.x", "periods[2].x") → "sheet!C5"
    names: dict = field(default_factory=dict)  # answer path → the column's heading
    problems: list = field(default_factory=list)
    version: str = ""
    periods: list | None = None  # a rule sheet's 月份 column, one per period row (None when the sheet has none)
    ranks: str = ""  # the ranks computed from the cohort, in words
    notes: list = field(default_factory=list)  # said beside the result, not a failure (a rank computed, say)
    self_answers: dict | None = None  # a review file's: the person's own answers beside the reviewer's (`answers`)
    reviewer: str = ""
    comments: str = ""


def read(paths: list[Path], rulebook: Rulebook) -> list[Entry]:
    """Entries from files and folders (read recursively), in the order given."""
    entries = []
    with _speaking(rulebook):
        for path in map(Path, paths):
            files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
            for file in files:
                reader = READERS.get(file.suffix.lower())
                if reader and not file.name.startswith("~$"):  # ~$book.xlsx: Excel's lock file while it is open
                    entries += reader(file, rulebook)
    return entries


def find_definition(rulebook: Rulebook, title: str) -> tuple[Answered, Standard | Rule] | tuple[None, None]:
    """(kind, definition) of a standard or rule named by its id or its name, or (None, None)."""
    definitions = rulebook["standards"] + rulebook["rules"]
    named = [d["id"] for d in definitions if title in (d["id"], d["name"])][:1]
    # a sheet the template or the results named: Excel cuts a sheet's name at 31 characters (if unambiguous)
    named = named or [d["id"] for d in definitions if title == _sheet_title(d["name"])]
    return assessment.find(rulebook, named[0]) if len(named) == 1 else (None, None)


def is_export(data: object) -> bool:
    """A file a self-assessment page wrote: 导出答案 (definition, rulebook and answers) or 导出审核文件."""
    return isinstance(data, dict) and "definition" in data and ("answers" in data or is_review(data))


def is_review(data: object) -> bool:
    return isinstance(data, dict) and data.get("type") == "review"


def side(data, who):
    """A review file's answers of one side ("self" or "reviewer"), or an answers file's answers."""
    if not is_review(data):
        return data.get("answers")
    part = data.get(who)
    return part.get("answers") if isinstance(part, dict) else None


def reviewer_name(data, lang=None):
    part = data.get("reviewer") if isinstance(data.get("reviewer"), dict) else {}
    name, staff = str(part.get("name") or ""), str(part.get("staff_id") or "")
    return ((say("batch.reviewer", lang, name=name, staff_id=staff) if name and staff else name or staff)
            or say("batch.reviewer.unnamed", lang))


def review_comments(data, kind, definition):
    """A review file's comments in one line: 总体意见 first, then each item's by its name."""
    names = {key.removeprefix("period."): field["name"] for key, field in kind.fields(definition).items()}
    names["periods"] = say("batch.comment.periods")
    comments = data.get("comments") if isinstance(data.get("comments"), dict) else {}
    overall = data.get("overall")
    parts = [say("batch.comment.overall", text=overall)] if isinstance(overall, str) and overall.strip() else []
    parts += [say("batch.comment.item", name=names.get(key, key), text=text) for key, text in comments.items()
              if isinstance(text, str) and text.strip()]
    return listed(parts)


def _clean(value):
    """Text as it can be written to a workbook or a CSV: a lone surrogate (legal in JSON) becomes �."""
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {_clean(k): _clean(v) for k, v in value.items()}
    return value


def sealed_note(data, lang=None):
    """What a review file's seal says, when it is not intact; "" otherwise (and for answers files)."""
    state = review.verify(data) if is_review(data) else "intact"
    return say(f"batch.seal.{state}", lang) if state in ("edited", "unsealed") else ""


def from_export(rulebook: Rulebook, data: dict, who: str = "reviewer") -> dict:
    """An exported file's answers (a review file's `who` side) brought to this rulebook as the page brings
    them (assessment.carry_over): {answers, changes}; no changes when answered under this very rulebook."""
    answers = side(data, who)
    if data.get("rulebook_hash") == answers_hash(rulebook, str(data["definition"])):
        return {"answers": answers, "changes": []}
    return assessment.carry_over(rulebook, str(data["definition"]), {
        "answers": answers, "basis": data.get("basis"), "names": data.get("field_names")})


def _exported(path, rulebook):
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as error:
        return [Entry("", str(path), problems=[f"{path}:{error.lineno}: {say('batch.unreadable.json')}"])]
    except UnicodeDecodeError:
        return [Entry("", str(path), problems=[f"{path}: {say('batch.unreadable.encoding')}"])]
    except OSError as error:
        return [Entry("", str(path), problems=[f"{path}: {say('batch.unreadable', error=error.strerror or error)}"])]
    if not is_export(data):
        return []  # not an exported answers file: other JSON in the folder is none of ours
    seal = sealed_note(data)  # over the file as it was written, before anything is cleaned
    data = _clean(data)
    entry = Entry(str(data["definition"]), str(path), version=str(data.get("rulebook_version") or ""))
    person = data.get("person") if isinstance(data.get("person"), dict) else {}
    entry.person = {key: str(person.get(key) or "") for key in PERSON}
    kind, definition = find_definition(rulebook, entry.ident)
    if kind is None:
        entry.problems.append(f"{path}: {say('batch.unknown_definition', ident=entry.ident)}")
    else:
        carried = from_export(rulebook, data)
        entry.answers = carried["answers"]
        entry.problems += [f"{path}: {c['text']}" for c in carried["changes"] if c["answer"] == "dropped"]
        if is_review(data):
            entry.self_answers = from_export(rulebook, data, "self")["answers"]
            entry.reviewer = reviewer_name(data)
            entry.comments = review_comments(data, kind, definition)
            entry.problems += [f"{path}: {note}" for note in [seal] if note]
    return [entry]


def _rows_of_sheet(title, rows, source, rulebook):
    """Entries from one table: a header row, then one row per person (per person and period for rules)."""
    rows = [r for r in rows if any(str(c).strip() for c in r if c is not None)]
    if not rows:
        return []  # an empty sheet (Excel's default Sheet2) is nothing to score
    kind, definition = find_definition(rulebook, title)
    if kind is None:
        names = enumerated(d["name"] for d in rulebook["standards"] + rulebook["rules"])
        return [Entry("", source, problems=[f"{source}: {say('batch.unknown_sheet', title=title, names=names)}"])]
    header = [str(c).strip() if c is not None else "" for c in rows[0]]
    fields = _fields(kind, definition)
    columns, problems = {}, []
    period_col = next((col for col, name in enumerate(header) if _is_period(name)), None) if kind.periodic else None
    for col, name in enumerate(header):
        key = _person_key(name) or (fields[name][0] if name in fields else None)
        if col == period_col:
            continue
        if key:
            columns[col] = key
        elif name:
            problems.append(f"{source}{_cell(1, col)}: {say('batch.unknown_column', name=name)}")
    items = {key: item for key, item in fields.values()}
    labels = {key: _labels(item) for key, item in items.items()}
    extras = {key for key in items if EXTRA in key}
    for col, key in columns.items():
        if key in extras and key.split(EXTRA)[0] not in columns.values():
            problems.append(f"{source}{_cell(1, col)}: "
                            + say("batch.extra_alone", column=header[col], item=items[key]["name"]))
    entries, people = [], {}  # a rule's rows are gathered by 工号, in the order they come (oldest month first)
    for number, row in enumerate(rows[1:], start=2):
        values = {columns[c]: v for c, v in enumerate(row) if c in columns and v is not None and str(v).strip()}
        person = {k: _text(values.get(k, "")) for k in PERSON}
        current = people.get(person["staff_id"]) if kind.periodic and person["staff_id"] else None
        if current is None:
            # a heading the batch does not know is said once, on the sheet's first person (not fatal)
            current = Entry(definition["id"], f"{source}{_cell(number, None)}", person=person,
                            problems=[] if entries else list(problems))
            current.answers = kind.empty()
            if period_col is not None:
                current.periods = []
            if kind.periodic and not person["staff_id"]:
                current.problems.append(f"{source}{_cell(number, None)}: {say('batch.no_staff_id')}")
            entries.append(current)
            people[person["staff_id"]] = current
        elif person["department"] and person["department"] != current.person["department"]:
            current.problems.append(f"{source}{_cell(number, None)}: " + say(
                "batch.person_differs", heading=say(PERSON["department"]), first=current.person["department"]))
        if kind.by_period(definition):
            current.answers["periods"].append({})
            if period_col is not None:
                label = _text(row[period_col]) if period_col < len(row) and row[period_col] is not None else ""
                current.periods.append(label)
        beside, marked_at = {}, {}  # answer key → {extra: text} and the cell of the extra columns filled in
        for col, key in columns.items():
            if key in extras and key in values:
                base, extra = key.split(EXTRA)
                beside.setdefault(base, {})[extra] = _text(values[key])
                marked_at[base] = (f"{source}{_cell(number, col)}", header[col])
        for col, key in columns.items():
            if key in PERSON or key in extras:
                continue
            fid = items[key]["id"]
            where = kind.answer_path(key, len(kind.periods(current.answers)) - 1)
            current.cells.setdefault(where, f"{source}{_cell(number, col)}")  # an empty cell is where to write
            current.names.setdefault(where, header[col])
            if key in marked_at:  # a problem with a marked answer is in its marks (the text is any text)
                current.cells[where], current.names[where] = marked_at[key]
            if key not in values and key not in beside:
                continue
            value = _value(items[key], values.get(key, ""), beside.get(key), labels[key])
            if not kind.periodic:
                current.answers[fid] = value
            elif key.startswith("person."):
                first = current.answers["person"].setdefault(fid, value)  # the person's first row says it
                if first != value:
                    current.problems.append(f"{source}{_cell(number, col)}: " + say(
                        "batch.person_differs", heading=header[col], first=_text(first)))
            else:
                current.answers["periods"][-1][fid] = value
    return entries


def _fields(kind, definition):
    """{column name (Chinese name or id): (answer key, item)}; a rule's keys are "person.ID" / "period.ID". An
    item's extra columns (a short answer's marks) have keys "KEY#EXTRA" and are named "ID.EXTRA" or by header.
    What the project names (a rule's 当前级别, a short answer's 阅卷给分 column) is named in every catalog's
    wording; the items are as the language spoken names them."""
    own = kind.fields(definition)
    fields = {}
    for lang in LANGUAGES:
        with speaking(lang):
            for key, item in kind.fields(definition).items():
                fields.update({name: (key, own[key]) for name in (item["id"], item["name"])})
                for extra, header in kinds.kind_of(item).columns(item):
                    fields.update({name: (f"{key}{EXTRA}{extra}", own[key])
                                   for name in (f"{item['id']}.{extra}", header)})
    return fields


def _labels(item):
    """{label: value} of what a choice cell offers, in every catalog's wording: the template's list offers the
    handbook's (是 / Yes, 对（√）/ True (√)), and a sheet made for a handbook in another language is read too."""
    kind = kinds.kind_of(item)
    if kind.control != "select" or kind.reads == "ticks":
        return {}
    found = {}
    for lang in LANGUAGES:
        with speaking(lang):
            found.update({label: value for value, label in kind.choices(item) or []})
    return found


EXTRA = "#"  # answer key + EXTRA + the extra column's key (no field id contains it)


def _value(item, raw, extra=None, labels=None):
    """A cell as the engine reads answers: numbers as text, yes/no as booleans, lists split as people type them;
    `extra`: the item's extra columns filled in on the row (a short answer's marks); `labels`: a choice's
    labels as the template offered them (_labels), read as the value they stand for."""
    text = _text(raw)
    return kinds.kind_of(item).from_cells(item, (labels or {}).get(text, text), extra or {})


def _text(raw):
    if isinstance(raw, bool):
        return "是" if raw else "否"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw).strip()


def _cell(row, col):
    if col is None:
        return f":{row}"
    letters, n = "", col + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return f":{row}:{letters}"


def _xlsx(path, rulebook):
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 — a damaged or foreign file: said, the others still scored
        return [Entry("", str(path), problems=[f"{path}: {say('batch.unreadable.xlsx')}"])]
    entries = []
    for sheet in book.worksheets:
        entries += _rows_of_sheet(sheet.title, list(sheet.iter_rows(values_only=True)), f"{path}:{sheet.title}!",
                                  rulebook)
    book.close()
    return [_sheet_cells(e) for e in entries]


def _sheet_cells(entry):
    """`book.xlsx:表!:5:C` → `book.xlsx:表!C5`, as Excel names a cell."""
    fix = re.compile(r"!:(\d+):([A-Z]+)$")
    entry.cells = {k: fix.sub(lambda m: f"!{m[2]}{m[1]}", v) for k, v in entry.cells.items()}
    entry.source = re.sub(r"!:(\d+)$", lambda m: "!" + say("batch.row", row=m[1]), entry.source)
    entry.problems = [re.sub(r"!:(\d+):([A-Z]+):", lambda m: f"!{m[2]}{m[1]}:", p) for p in entry.problems]
    return entry


def _csv(path, rulebook):
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return [Entry("", str(path), problems=[f"{path}: {say('batch.unreadable.csv')}"])]
    except OSError as error:
        return [Entry("", str(path), problems=[f"{path}: {say('batch.unreadable', error=error.strerror or error)}"])]
    return _rows_of_sheet(path.stem, list(csv.reader(io.StringIO(text))), str(path), rulebook)


def _old_excel(path, rulebook):
    return [Entry("", str(path), problems=[f"{path}: {say('batch.unreadable.xls')}"])]


READERS = {".json": _exported, ".xlsx": _xlsx, ".csv": _csv, ".xls": _old_excel}


# --- scoring -------------------------------------------------------------------------------------

@dataclass
class Row:
    entry: Entry
    kind: Answered | None  # STANDARD or RULE; None when the definition is unknown
    name: str
    result: Mapping[str, Any] | None = None  # the engine's StandardResult or RuleResult
    errors: list = field(default_factory=list)
    duplicate: bool = False  # the same person and definition in another file, which the calibration counts
    compared: dict | None = None  # a review's: the person's own result ("self") and the steps apart ("far", "near")


def ranked(entries, rulebook, keep):
    """Rank fields computed from everyone's rows of the same rule (assessment/cohort.py), in place; `keep`:
    the entries that count (see counted)."""
    for rule in rulebook["rules"]:
        if not cohort.fields(rule):
            continue
        # each person once (the file that counts), and only people with a 工号: a row without one is said
        group = [e for e in entries if e.ident == rule["id"] and isinstance(e.answers, dict) and id(e) in keep]
        people = [{"group": e.person.get("department", ""), "answers": e.answers, "periods": e.periods} for e in group]
        for entry, derived in zip(group, cohort.derive(rule, people)):
            entry.notes += derived["notes"]
            entry.ranks = listed(derived["ranks"])


def counted(entries):
    """ids of the entries that count: per definition and 工号, a review file over an answers file, else the
    last read; an entry without a 工号 is never counted twice, nor ranked against others when it is a rule's."""
    chosen = {}
    for entry in entries:
        staff = entry.person.get("staff_id")
        if not staff:
            continue
        key = (entry.ident, staff)
        if key not in chosen or entry.self_answers is not None or chosen[key].self_answers is None:
            chosen[key] = entry
    return {id(e) for e in chosen.values()}


def score(entries: list[Entry], rulebook: Rulebook) -> list[Row]:
    """Each entry scored, its problems and notes in the handbook's language."""
    with speaking(language_of(rulebook)):
        return _score(entries, rulebook)


def _score(entries, rulebook):
    keep = counted(entries)
    ranked(entries, rulebook, keep)
    rows = []
    for entry in entries:
        kind, definition = find_definition(rulebook, entry.ident)
        row = Row(entry, kind, definition["name"] if definition else "", errors=list(entry.problems))
        if definition and entry.self_answers is not None:
            row.compared = review.compare(rulebook, entry.ident, entry.self_answers, entry.answers)
        if definition:  # scored even with a note on the file (an unknown column is said, not fatal)
            try:
                row.result = assessment.run(rulebook, entry.ident, entry.answers)
            except AnswerError as error:
                row.errors += [f"{entry.cells.get(_path(p.field), entry.source)}: "
                               f"{_named(entry.names.get(_path(p.field)), p.message(language_of(rulebook)))}"
                               for p in error.problems]
        rows.append(row)
    _mark_duplicates(rows, keep)
    return rows


def _mark_duplicates(rows, keep):
    """One person's answers file and the review of it (or two exports) are one person: the one in `keep`
    counts; the others stay in the table, marked, out of the ranks and the calibration."""
    by_person = {}
    for row in rows:
        if row.entry.person.get("staff_id"):
            by_person.setdefault((row.entry.ident, row.entry.person["staff_id"]), []).append(row)
    for same in by_person.values():
        chosen = next(r for r in same if id(r.entry) in keep)
        for row in same:
            if row is not chosen:
                row.duplicate = True
                row.entry.notes.append(say("batch.duplicate", name=row.name, source=chosen.entry.source))


def _named(name, message):
    return say("batch.named", name=name, message=message) if name and name not in message else message


def _number(text):
    """Totals, pay and bonus as numbers in the workbook (Excel sorts and filters them); empty stays empty."""
    return Decimal(text) if text not in (None, "") else ""


def _path(field_path):
    return re.sub(r"\[\d+\]$", "", field_path)


# The output's columns, by the catalog id of their headings. A review file's columns come last: the person's own
# result beside the reviewer's (added after the others, so that a sheet HR built on the earlier columns keeps
# its places)
REVIEWED = ["batch.column.self", "batch.column.reviewer", "batch.column.far", "batch.column.comments"]
RANKED = "batch.column.ranks"  # a rule's cohort fields (assessment/cohort.py), last of a rule's columns
WHO = [*PERSON.values()]
COLUMNS = {"standard": ["batch.column.standard", *WHO, "batch.column.total", "batch.column.max_total",
                        "batch.column.grade", "batch.column.unmet", "batch.column.next", "batch.column.source",
                        "batch.column.problems", *REVIEWED],
           "rule": ["batch.column.rule", *WHO, "batch.column.outcome", "batch.column.level", "batch.column.pay",
                    "batch.column.bonus", "batch.column.reason", "batch.column.source", "batch.column.problems",
                    *REVIEWED, RANKED]}


def grade_name(result):
    """A standard's grade in words ("" when it grades nobody)."""
    if not result["graded"]:
        return ""
    grade = result["grade"] or {}
    return grade["name"] if "name" in grade else say("batch.ungraded")


def unmet(result):
    """The prerequisites that held a standard's grade back (or made it ineligible), in one line."""
    held = [c for band in result["capped"] for c in band["unmet"]] or result["ineligible"]
    return listed(held) if held else ""


def to_next(result):
    nxt = result.get("next") or {}
    if not nxt:
        return ""
    reached = nxt["points_needed"] == "0"  # only a condition holds the next grade back (the unmet column says it)
    return say("batch.next.points_reached" if reached else "batch.next", points=nxt["points_needed"], name=nxt["name"])


def table(rows: list[Row], kind: Answered, rulebook: Rulebook | None = None) -> list[list]:
    """A header row in the handbook's language (as spoken when no rulebook is given), then one row per row."""
    with _speaking(rulebook):
        return _table(rows, kind)


def _table(rows, kind):
    out = [[say(heading) for heading in COLUMNS[kind.name]]]
    for row in (r for r in rows if r.kind is kind or (r.kind is None and kind is STANDARD)):
        e, r = row.entry, row.result or {}
        who = [row.name, e.person.get("staff_id", ""), e.person.get("name", ""), e.person.get("department", "")]
        if row.result and kind is STANDARD:
            out.append(who + [_number(r["total"]), _number(r["max_total"]), grade_name(r), unmet(r), to_next(r),
                              e.source, said(row), *reviewed(row)])
        elif row.result:
            level = f"{r['level']['from_name']} → {r['level']['to_name']}" if r.get("level") else ""
            out.append(who + [r["outcome_name"], level, _number(r.get("pay")), _number(r.get("bonus")), r["reason"],
                              e.source, said(row), *reviewed(row), e.ranks])
        else:
            tail = reviewed(row) + ([e.ranks] if kind.periodic else [])
            out.append(who + [""] * (len(COLUMNS[kind.name]) - 6 - len(tail)) + [e.source, said(row)] + tail)
    return out


def write(rows: list[Row], path: Path, rulebook: Rulebook | None = None) -> None:
    """The results as a workbook, a CSV or a calibration page, in the handbook's language."""
    with _speaking(rulebook):
        _write(rows, Path(path), rulebook)


def _write(rows, path, rulebook):
    if path.suffix.lower() == ".html":
        from .calibration import page

        path.write_text(page(rows, rulebook), encoding="utf-8")
        return
    tables = {kind: table(rows, kind) for kind in (STANDARD, RULE)}
    if path.suffix.lower() == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as out:  # the BOM: Excel then reads UTF-8
            writer = csv.writer(out)
            for kind, lines in tables.items():  # a table with no rows is left out (its header alone says nothing)
                if len(lines) > 1 or (kind is STANDARD and len(tables[RULE]) == 1):
                    writer.writerows([[_inert(c) for c in line] for line in lines])
        return
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)  # streamed: the write was most of a large run (bench/results.json, "batch")

    def sheet(title, lines):
        out = book.create_sheet(title)
        out.freeze_panes = "A2"
        out.auto_filter.ref = f"A1:{get_column_letter(max(map(len, lines)))}{len(lines)}"
        for line in lines:
            out.append([_as_text(out, value, WriteOnlyCell) for value in line])

    unknown = say("batch.unrecognised")
    names = dict.fromkeys(row.name or unknown for row in rows)
    groups = {name: [r for r in rows if (r.name or unknown) == name] for name in names}
    summary = ["batch.summary.definition", "batch.summary.people", "batch.summary.scored", "batch.summary.problems"]
    sheet(_sheet_title(say("batch.summary")), [[say(heading) for heading in summary]] + [
        [name, len(group), sum(1 for r in group if r.result), sum(1 for r in group if r.errors)]
        for name, group in groups.items()])
    for name, group in groups.items():
        sheet(_sheet_title(name), table(group, group[0].kind or STANDARD))
    book.save(path)


def _as_text(sheet, value, cell_type):
    """A name typed as =1+2 stays text in the workbook: Excel never runs it."""
    if not (isinstance(value, str) and value.startswith("=")):
        return value
    cell = cell_type(sheet, value=value)
    cell.data_type = "s"
    return cell


def _inert(value):
    """A CSV cell that Excel would read as a formula (=, +, -, @) is written as text, with a leading '."""
    return "'" + value if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _sheet_title(name):
    return re.sub(r"[\[\]:*?/\\]", "_", name)[:31]  # what Excel allows in a sheet's name


def template(rulebook: Rulebook, ident: str, path: Path) -> None:
    """The empty workbook HR fills in: a header row of names, lists to choose from for choice items; the
    person's columns and the choices in the handbook's language."""
    with speaking(language_of(rulebook)):
        _template(rulebook, ident, path)


def _template(rulebook, ident, path):
    from openpyxl import Workbook
    from openpyxl.worksheet.datavalidation import DataValidation

    kind, definition = find_definition(rulebook, ident)
    if kind is None or definition is None:
        raise KeyError(ident)  # the command names the definitions there are before calling
    book = Workbook()
    sheet = book.active
    sheet.title = _sheet_title(definition["name"])
    items = list(kind.fields(definition).values())
    # a rule's rows may name their month, last (optional: ranks line up by it)
    headers: list[str] = []
    placed = []  # each item's column, then its extra columns (a short answer's 阅卷给分)
    for item in items:
        placed.append((len(PERSON) + len(headers) + 1, item))
        headers += [item["name"]] + [header for _, header in kinds.kind_of(item).columns(item)]
    sheet.append([say(heading) for heading in PERSON.values()] + headers
                 + ([say(PERIOD)] if kind.by_period(definition) else []))
    for col, item in placed:
        item_kind = kinds.kind_of(item)
        choices = [text for _, text in item_kind.choices(item)] if item_kind.control == "select" else None
        if choices:
            letter = _cell(1, col - 1).rsplit(":", 1)[1]
            check = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True)
            check.add(f"{letter}2:{letter}1000")
            sheet.add_data_validation(check)
    sheet.freeze_panes = "A2"
    book.save(path)
