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
    kind: str  # departments · roles · scales · skills · standards, and a standard's items and bands
    columns: tuple[Column, ...]

    def column(self, header):
        """The column a header names ("职责（每行一条）" and "职责*" name 职责), or None."""
        bare = header.split("（")[0].split("(")[0].rstrip("*＊ ").strip()
        return next((c for c in self.columns if c.header == bare), None)


ID_HELP = "可不填：不填时由名称的拼音生成（如 门店店长 → men_dian_dian_zhang）；填写时用小写英文字母、数字和下划线"

DEPARTMENTS = Sheet("部门", "departments", (
    Column("部门", "name", "部门名称，每个部门一行。例：财务部", required=True),
    Column("标识", "id", ID_HELP),
    Column("上级部门", "parent", "上级部门的名称（本表或手册中已有的部门）；最高一级的部门不填"),
    Column("简介", "summary", "一句话说明这个部门做什么"),
))

ROLES = Sheet("岗位", "roles", (
    Column("岗位", "name", "岗位名称，每个岗位一行，名称不能重复。例：门店店长", required=True),
    Column("标识", "id", ID_HELP),
    Column("部门", "department", "所属部门的名称（“部门”表或手册中已有的部门）", required=True),
    Column("直接上级", "reports_to", "直接上级的岗位名称（本表或手册中已有的岗位）；没有则不填"),
    Column("岗位类别", "category", "例：业务类、管理类"),
    Column("职级", "pay_grade", "例：P1–P3"),
    Column("简介", "summary", "一句话说明这个岗位"),
    Column("职责", "duties", "每行一条（单元格内换行：Alt+Enter）", required=True, lines=True),
    Column("任职资格", "requirements", "每行一条", lines=True),
    Column("所需能力及等级", "competencies",
           "每行一项，写“能力名称：等级”，例：沟通表达：B（能力见“能力”表或手册中已有的能力）", lines=True),
    Column("考核标准", "standards", "适用的定级与考核标准的名称，每行一个（“标准”“项目”表或手册中已有的）", lines=True),
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
    Column("能力", "name", "能力名称，每项能力一行。例：沟通表达", required=True),
    Column("标识", "id", ID_HELP),
    Column("类别", "group", "例：沟通能力"),
    Column("等级体系", "scale", "所用等级体系的名称（“等级”表或手册中已有的）", required=True),
    Column("说明", "description", "这项能力指什么"),
    Column("各级描述", "levels", "每行一级，写“等级名称：描述”，例：B：能把办理步骤讲清楚", required=True, lines=True),
))

SAME_AS_ABOVE = "不填时同上一行"

STANDARDS = Sheet("标准", "standards", (
    Column("标准", "name", "定级或考核标准的名称，每个标准一行（也可不要这张表：“项目”表中的标准名称即可）。"
                           "例：月度考核", required=True),
    Column("标识", "id", ID_HELP),
    Column("评定周期", "period", "例：每月、每半年"),
    Column("简介", "summary", "一句话说明这个标准考核什么"),
    Column("满分", "points", "原文写明的总分（如 100）：填写后各项满分之和必须等于它"),
))

ITEMS = Sheet("项目", "items", (
    Column("标准", "standard", f"项目所属标准的名称；{SAME_AS_ABOVE}", required=True),
    Column("部分", "section", f"分部分时写部分名称（一个标准要么都写，要么都不写）；{SAME_AS_ABOVE}"),
    Column("项目", "name", "考核项目的名称，每个项目一行。例：工作质量", required=True),
    Column("标识", "id", ID_HELP),
    Column("类型", "kind", "数值、选项或是否；不填时：写了“选项与分值”为选项，否则为数值"),
    Column("满分", "max", "数值：可填的最高分；是否：选“是”得的分"),
    Column("权重", "weight", "各项权重（百分数，合计 100）；都不填时各项得分直接相加"),
    Column("选项与分值", "options", "选项类型：从低到高每行一个“选项：分值”，例：优秀：10", lines=True),
    Column("考核要点", "description", "显示在标准页和自评表上"),
))

BANDS = Sheet("分数段", "bands", (
    Column("标准", "standard", f"标准的名称；{SAME_AS_ABOVE}", required=True),
    Column("等级", "name", "分数段的名称，从低到高每段一行。例：合格", required=True),
    Column("最低分", "min", "达到这一段的最低总分（含）", required=True),
    Column("最高分", "max", "可不填：延伸到下一段的最低分之前"),
))

SHEETS = {sheet.title: sheet for sheet in (DEPARTMENTS, ROLES, SCALES, SKILLS, STANDARDS, ITEMS, BANDS)}
TEMPLATES = {"roles": (DEPARTMENTS, ROLES), "skills": (SCALES, SKILLS), "standard": (STANDARDS, ITEMS, BANDS)}
GUIDE_SHEET = "填写说明"  # the template's first sheet: read by people, skipped on import
