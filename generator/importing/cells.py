"""HR's workbook read into rows of located cells: every value keeps the cell it came from (`岗位.xlsx:岗位!D7`),
so that each problem found later names the cell to fix."""

import csv
import datetime
import io
from dataclasses import dataclass, field
from pathlib import Path

from .sheets import GUIDE_SHEET, NOTE_MARK, SHEETS, Sheet

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
        what = "是文件夹，不是表格文件" if path.is_dir() else "找不到这个文件"
        return [], [Problem(str(path), what, "给出 .xlsx 或 .csv 文件的路径")]
    if suffix == ".xlsx":
        return _xlsx(path)
    if suffix == ".csv":
        return _csv(path)
    if suffix in (".xls", ".ods", ".et", ".numbers"):
        return [], [Problem(str(path), f"{suffix} 格式无法直接读取",
                            "在 Excel、WPS 或 LibreOffice 中“另存为”Excel 工作簿（.xlsx）")]
    return [], [Problem(str(path), "不是表格文件",
                        "交 .xlsx 或 UTF-8 的 .csv 文件（用 handbook import --template 生成模板）")]


def _xlsx(path):
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, data_only=True)  # not read_only: merged cells are needed, and HR's books are small
    except Exception:  # noqa: BLE001 — a damaged or foreign file gets a sentence
        return [], [Problem(str(path), "无法读取：不是有效的 .xlsx 文件（可能已损坏，或只是改了扩展名）",
                            "在 Excel 中打开后“另存为”Excel 工作簿（.xlsx）")]
    rows, problems = [], []
    for worksheet in book.worksheets:
        title = worksheet.title.strip()
        if title == GUIDE_SHEET:
            continue
        if worksheet.max_row > MAX_ROWS:
            problems.append(Problem(f"{path.name}:{title}",
                                    f"这张表有 {worksheet.max_row:,} 行，超过了 {MAX_ROWS:,} 行的上限",
                                    "一本手册的部门、岗位或能力不会有这么多：删掉表格下方多余的行（可能是整列格式）后再导入"))
            continue
        grid = [list(line) for line in worksheet.iter_rows(values_only=True)]
        for merged in worksheet.merged_cells.ranges:  # a merged 部门 cell counts for every row it spans
            value = grid[merged.min_row - 1][merged.min_col - 1] if merged.min_row <= len(grid) else None
            for r in range(merged.min_row - 1, min(merged.max_row, len(grid))):
                for c in range(merged.min_col - 1, min(merged.max_col, len(grid[r]))):
                    grid[r][c] = value
        sheet = SHEETS.get(title)
        where = f"{path.name}:{title}"
        if sheet is None:
            if any(_text(v) for line in grid for v in line):
                problems.append(Problem(where, f"不认识工作表“{title}”", f"工作表名须是 {'、'.join(SHEETS)} 之一"
                                        "（用 handbook import --template roles 或 skills 生成的模板里有这些表）",
                                        blocking=False))
            continue
        found, wrong = _rows(sheet, grid, lambda r, col: f"{where}!{col}{r}", lambda r: f"{where}!行{r}")
        rows += found
        problems += wrong
    return rows, problems


def _csv(path):
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return [], [Problem(str(path), "不是 UTF-8 编码（Excel 默认存的 CSV 常是 GBK）",
                            "在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”，或直接交 .xlsx")]
    grid = list(csv.reader(io.StringIO(text)))
    first = _text(grid[0][0]) if grid and grid[0] else ""
    sheet = SHEETS.get(path.stem) or next((s for s in SHEETS.values() if s.column(first) is s.columns[0]), None)
    if sheet is None:
        return [], [Problem(f"{path.name}:A1", "看不出这是哪一种表",
                            f"文件名或第一列的列名须是 {'、'.join(SHEETS)} 之一")]
    return _rows(sheet, grid, lambda r, col: f"{path.name}:{col}{r}", lambda r: f"{path.name}:行{r}")


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
            known = "、".join(col.header for col in sheet.columns)
            problems.append(Problem(cell(1, get_column_letter(c + 1)), f"“{sheet.title}”表没有“{name}”这一列",
                                    f"列名须是 {known} 之一；多余的列请删除"))
        elif column.key in columns.values():
            problems.append(Problem(cell(1, get_column_letter(c + 1)), f"“{name}”列出现了两次", "删除其中一列"))
        else:
            columns[c] = column.key
    for column in sheet.columns:
        if column.required and column.key not in columns.values():
            problems.append(Problem(cell(1, get_column_letter(len(header) + 1)),
                                    f"“{sheet.title}”表缺少“{column.header}”列",
                                    f"在第 1 行加上“{column.header}”列（{column.help}）"))
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
        if row.values and not first.startswith(NOTE_MARK):
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
