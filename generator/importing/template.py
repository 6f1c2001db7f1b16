"""`handbook import --template roles|skills -o FILE.xlsx`: the workbook HR fills in — a 填写说明 sheet, then one
sheet per kind with its column names in row 1 and what each column takes in row 2 (skipped on import). Its words
are in the language being spoken (--lang or HANDBOOK_LANG; there is no handbook folder to ask)."""

from assessment.messages import say

from .sheets import TEMPLATES, note_mark

GUIDE = tuple(f"import.guide.{n}" for n in range(1, 7))  # the 填写说明 sheet's lines, one catalog entry each


def write(kind, path):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    guide = book.active
    guide.title = say("import.sheet.guide")
    guide.column_dimensions["A"].width = 110
    for line in GUIDE:
        guide.append([say(line)])
    for sheet in TEMPLATES[kind]:
        out = book.create_sheet(sheet.title)
        out.append([c.header + ("*" if c.required else "") for c in sheet.columns])
        out.append([(note_mark() if i == 0 else "") + c.help for i, c in enumerate(sheet.columns)])
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
