"""The sheets `handbook import` reads and `handbook import --template` writes: one sheet per kind of definition,
one column per field, each with the 说明 the template shows under its header."""

from dataclasses import dataclass

NOTE_MARK = "说明："  # a row whose first cell starts so is the template's explanation row: never data


@dataclass(frozen=True)
class Column:
    header: str
    key: str
    help: str
    required: bool = False
    lines: bool = False  # one entry per line of the cell (职责, 任职资格 …)


@dataclass(frozen=True)
class Sheet:
    title: str
    kind: str  # departments · roles · scales · skills
    columns: tuple[Column, ...]

    def column(self, header):
        """The column a header names ("职责（每行一条）" and "职责*" name 职责), or None."""
        bare = header.split("（")[0].split("(")[0].rstrip("*＊ ").strip()
        return next((c for c in self.columns if c.header == bare), None)


ID_HELP = "可不填：不填时由名称的拼音生成（如 客服专员 → ke_fu_zhuan_yuan）；填写时用小写英文字母、数字和下划线"

DEPARTMENTS = Sheet("部门", "departments", (
    Column("部门", "name", "部门名称，每个部门一行。例：客户服务部", required=True),
    Column("标识", "id", ID_HELP),
    Column("上级部门", "parent", "上级部门的名称（本表或手册中已有的部门）；最高一级的部门不填"),
    Column("简介", "summary", "一句话说明这个部门做什么"),
))

ROLES = Sheet("岗位", "roles", (
    Column("岗位", "name", "岗位名称，每个岗位一行，名称不能重复。例：客服专员", required=True),
    Column("标识", "id", ID_HELP),
    Column("部门", "department", "所属部门的名称（“部门”表或手册中已有的部门）", required=True),
    Column("直接上级", "reports_to", "直接上级的岗位名称（本表或手册中已有的岗位）；没有则不填"),
    Column("岗位类别", "category", "例：客服类、管理类"),
    Column("职级", "pay_grade", "例：P1–P3"),
    Column("简介", "summary", "一句话说明这个岗位"),
    Column("职责", "duties", "每行一条（单元格内换行：Alt+Enter）", required=True, lines=True),
    Column("任职资格", "requirements", "每行一条", lines=True),
    Column("所需能力及等级", "competencies", "每行一项，写“能力名称：等级”，例：倾听：B（能力见“能力”表或手册中已有的能力）",
           lines=True),
    Column("备注", "notes", "显示在岗位页上的说明，每行一条", lines=True),
))

SCALES = Sheet("等级", "scales", (
    Column("等级体系", "name", "一套能力等级的名称，每套一行。例：A/B/C 三级", required=True),
    Column("标识", "id", ID_HELP),
    Column("各等级", "levels", "从低到高每行一级，写“等级名称”或“等级名称：说明”，例：C：基本达到要求", required=True,
           lines=True),
    Column("说明", "description", "这套等级用在哪里"),
))

SKILLS = Sheet("能力", "skills", (
    Column("能力", "name", "能力名称，每项能力一行。例：倾听", required=True),
    Column("标识", "id", ID_HELP),
    Column("类别", "group", "例：沟通能力"),
    Column("等级体系", "scale", "所用等级体系的名称（“等级”表或手册中已有的）", required=True),
    Column("说明", "description", "这项能力指什么"),
    Column("各级描述", "levels", "每行一级，写“等级名称：描述”，例：B：能独立听懂客户的诉求", required=True, lines=True),
))

SHEETS = {sheet.title: sheet for sheet in (DEPARTMENTS, ROLES, SCALES, SKILLS)}
TEMPLATES = {"roles": (DEPARTMENTS, ROLES), "skills": (SCALES, SKILLS)}
GUIDE_SHEET = "填写说明"  # the template's first sheet: read by people, skipped on import
