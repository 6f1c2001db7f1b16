"""`handbook import --template roles|skills -o FILE.xlsx`: the workbook HR fills in — a 填写说明 sheet, then one
sheet per kind with its column names in row 1 and what each column takes in row 2 (skipped on import)."""

from .sheets import GUIDE_SHEET, NOTE_MARK, TEMPLATES

GUIDE = [
    "这个工作簿由 handbook import --template 生成。填好后运行：handbook import 本文件.xlsx --dir 手册文件夹",
    "每张表第 1 行是列名（不要改名），第 2 行是说明（导入时跳过，可以删掉），从第 3 行起每行写一项。",
    "带 * 的列必须填写；“标识”可不填，由名称的拼音生成。",
    "一个单元格里写多条（如职责）时，每条占一行：单元格内换行用 Alt+Enter（WPS 同样）。",
    "名称引用：部门、直接上级、能力和等级体系都写名称，写本工作簿中的或手册里已有的均可。",
    ("导入时先检查全部内容：有任何问题都会指出在哪个单元格、怎么改，一个文件也不写；"
     "已有的文件只有加 --force 才会被改写。"),
]


def write(kind, path):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    guide = book.active
    guide.title = GUIDE_SHEET
    guide.column_dimensions["A"].width = 110
    for line in GUIDE:
        guide.append([line])
    for sheet in TEMPLATES[kind]:
        out = book.create_sheet(sheet.title)
        out.append([c.header + ("*" if c.required else "") for c in sheet.columns])
        out.append([(NOTE_MARK if i == 0 else "") + c.help for i, c in enumerate(sheet.columns)])
        for i, column in enumerate(sheet.columns):
            letter = out.cell(row=1, column=i + 1).column_letter
            out.column_dimensions[letter].width = 40 if column.lines else 18
            out.cell(row=1, column=i + 1).font = Font(bold=True)
            note = out.cell(row=2, column=i + 1)
            note.alignment = Alignment(wrap_text=True, vertical="top")
            note.font = Font(color="555555")
            note.fill = PatternFill("solid", fgColor="F2F2F2")
        out.freeze_panes = "A3"
    book.save(path)
