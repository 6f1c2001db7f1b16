"""HR's workbook read into rows of located cells: every value keeps the cell it came from (`岗位.xlsx:岗位!D7`),
so that each problem found later names the cell to fix. Problems are said in the language being spoken."""

import csv
import datetime
import io
from dataclasses import dataclass, field
from pathlib import Path

from assessment.messages import enumerated, say

from .sheets import ALL, Sheet, is_guide, is_note, sheet_named, titles

MAX_ROWS = 20_000  # a sheet's rows read at most (a formatted whole column can claim a million)


@dataclass(frozen=True)
class Problem:
    where: str
    text: str
    hint: str
    blocking: bool = True  # False: the rest is still checked (an unknown sheet feeds nothing that follows)

    def __str__(self):
        return f"{self.where}: {self.text} — {self.hint}"


@dataclass
class Row:
    sheet: Sheet
    where: str  # `book.xlsx:岗位!行7`
    values: dict = field(default_factory=dict)  # column key → text (stripped, never empty)
    cells: dict = field(default_factory=dict)  # column key → `book.xlsx:岗位!D7`

    def get(self, key):
        return self.values.get(key)

    def at(self, key):
        return self.cells.get(key, self.where)

    def lines(self, key):
        return [line.strip() for line in self.values.get(key, "").splitlines() if line.strip()]


def read(path: Path):
    """(rows, problems) of a .xlsx or .csv file."""
    suffix = path.suffix.lower()
    if not path.is_file():
        what = say("import.is_folder") if path.is_dir() else say("import.no_file")
        return [], [Problem(str(path), what, say("import.no_file.hint"))]
    if suffix == ".xlsx":
        return _xlsx(path)
    if suffix == ".csv":
        return _csv(path)
    if suffix in (".xls", ".ods", ".et", ".numbers"):
        return [], [Problem(str(path), say("import.other_format", suffix=suffix), say("import.other_format.hint"))]
    return [], [Problem(str(path), say("import.not_a_table"), say("import.not_a_table.hint"))]


def _xlsx(path):
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, data_only=True)  # not read_only: merged cells are needed, and HR's books are small
    except Exception:  # noqa: BLE001 — a damaged or foreign file gets a sentence
        return [], [Problem(str(path), say("import.bad_xlsx"), say("import.bad_xlsx.hint"))]
    rows, problems = [], []
    for worksheet in book.worksheets:
        title = worksheet.title.strip()
        if is_guide(title):
            continue
        if worksheet.max_row > MAX_ROWS:
            problems.append(Problem(f"{path.name}:{title}",
                                    say("import.too_many_rows", rows=f"{worksheet.max_row:,}", most=f"{MAX_ROWS:,}"),
                                    say("import.too_many_rows.hint")))
            continue
        grid = [list(line) for line in worksheet.iter_rows(values_only=True)]
        for merged in worksheet.merged_cells.ranges:  # a merged 部门 cell counts for every row it spans
            value = grid[merged.min_row - 1][merged.min_col - 1] if merged.min_row <= len(grid) else None
            for r in range(merged.min_row - 1, min(merged.max_row, len(grid))):
                for c in range(merged.min_col - 1, min(merged.max_col, len(grid[r]))):
                    grid[r][c] = value
        sheet = sheet_named(title)
        where = f"{path.name}:{title}"
        if sheet is None:
            if any(_text(v) for line in grid for v in line):
                problems.append(Problem(where, say("import.unknown_sheet", title=title),
                                        say("import.unknown_sheet.hint", sheets=titles()), blocking=False))
            continue
        found, wrong = _rows(sheet, grid, lambda r, col: f"{where}!{col}{r}", lambda r: f"{where}!{_row(r)}")
        rows += found
        problems += wrong
    return rows, problems


def _csv(path):
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return [], [Problem(str(path), say("import.csv_not_utf8"), say("import.csv_not_utf8.hint"))]
    grid = list(csv.reader(io.StringIO(text)))
    first = _text(grid[0][0]) if grid and grid[0] else ""
    sheet = sheet_named(path.stem) or next((s for s in ALL if s.column(first) is s.columns[0]), None)
    if sheet is None:
        return [], [Problem(f"{path.name}:A1", say("import.which_sheet"),
                            say("import.which_sheet.hint", sheets=titles()))]
    return _rows(sheet, grid, lambda r, col: f"{path.name}:{col}{r}", lambda r: f"{path.name}:{_row(r)}")


def _row(number):
    """A row as a location says it: 行7 / row 7."""
    return say("import.row", row=number)


def _rows(sheet, grid, cell, line):
    """The data rows of one sheet under its header row (row 1); the 说明 row and empty rows are skipped, and
    every row is read, however many empty ones lie between."""
    from openpyxl.utils import get_column_letter  # here: every `handbook` command loads this package

    problems = []
    header = grid[0] if grid else []
    columns = {}
    for c, value in enumerate(header):
        name = _text(value)
        if not name:
            continue
        column = sheet.column(name)
        if column is None:
            known = enumerated(col.header for col in sheet.columns)
            problems.append(Problem(cell(1, get_column_letter(c + 1)),
                                    say("import.unknown_column", sheet=sheet.title, column=name),
                                    say("import.unknown_column.hint", columns=known)))
        elif column.key in columns.values():
            problems.append(Problem(cell(1, get_column_letter(c + 1)), say("import.column_twice", column=name),
                                    say("import.column_twice.hint")))
        else:
            columns[c] = column.key
    for column in sheet.columns:
        if column.required and column.key not in columns.values():
            problems.append(Problem(cell(1, get_column_letter(len(header) + 1)),
                                    say("import.missing_column", sheet=sheet.title, column=column.header),
                                    say("import.missing_column.hint", column=column.header, help=column.help)))
    if problems:
        return [], problems
    rows = []
    for r, values in enumerate(grid[1:], start=2):
        row = Row(sheet, line(r))
        for c, key in columns.items():
            text = _text(values[c]) if c < len(values) else ""
            if text:
                row.values[key], row.cells[key] = text, cell(r, get_column_letter(c + 1))
        first = _text(values[0]) if values else ""
        if row.values and not is_note(first):
            rows.append(row)
    return rows, problems


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date() if value.time() == datetime.time() else value
    if isinstance(value, datetime.date):
        value = value.isoformat()
    return str(value).replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").strip()
