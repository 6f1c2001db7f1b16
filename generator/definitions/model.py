"""The definitions format: what each YAML file in `competencies/` may contain.

Folder → file kind: organisation.yaml, departments.yaml, scales.yaml, roles/*.yaml,
skills/*.yaml (competencies), standards/*.yaml (grade standards), rules/*.yaml (promotion rules),
processes/*.yaml, policies/*.yaml, sources.yaml (where each section of the source documents went).

A field's `doc=` (and a mapping's or a kind of item's doc) is what the format reference page and the JSON Schema
say it means, in Chinese; the other languages say it in their catalogs, under `field.*` and `object.*`
(definitions/docs.py names the keys; tests/test_reference.py fails while one is missing).
"""

from decimal import Decimal

from assessment.history import OUTCOMES
from assessment.items import COUNT_UNIT
from assessment.messages import DEFAULT, LANGUAGES

from .schema_types import (Any, Boolean, Date, Enum, ExactlyOne, Field, Formula, Ident, ListOf, Name, Number, Obj,
                           Tagged, Text)

ALIASES = Field("aliases", ListOf(Text()), default=[], doc="别名 / 常用简称, 显示在页面上并可被搜索到, 如 客服专员")
NOTES = Field("notes", ListOf(Text()), default=[], doc="假设与说明, 会显示在页面上 / assumptions shown on the page")
SOURCE = Field("source", Text(), doc="来源文档 / where this comes from")

# Material for MkDocs' palette names (its primary colours; the accent list is the same less the greys)
# a rule's period lengths, with the word the pages and the changelog say them in
PERIODS = {"week": "周", "month": "月", "quarter": "季度", "half_year": "半年", "year": "年"}

COLOURS = ["red", "pink", "purple", "deep-purple", "indigo", "blue", "light-blue", "cyan", "teal", "green",
           "light-green", "lime", "yellow", "amber", "orange", "deep-orange", "brown", "grey", "blue-grey", "black",
           "white"]
THEME = Obj("theme", [
    Field("primary", Enum(COLOURS), doc="标题栏的颜色, 如 teal(青绿)、blue(蓝)、deep-orange(橙红); 默认 indigo(靛蓝)"),
    Field("accent", Enum([c for c in COLOURS if c not in ("brown", "grey", "blue-grey", "black", "white")]),
          doc="链接与按钮悬停时的颜色"),
    Field("logo", Text(), doc="标志图片: pages/ 中的文件名, 如 logo.png(也用作浏览器标签上的图标)"),
], "网站外观(可不写): 颜色与标志; 只影响网站的样子, 不影响规则版本")

ORGANISATION = Obj("organisation", [
    Field("name", Name(), required=True, doc="机构名称"),
    Field("version", Text(), required=True, doc="规则版本, 如 2026.1 / rulebook version"),
    Field("effective_date", Date(), required=True, doc="生效日期 YYYY-MM-DD"),
    Field("summary", Text(), doc="简介"),
    Field("language", Enum(list(LANGUAGES)), default=DEFAULT,
          doc="手册的语言: zh(中文, 默认)或 en(English); 校验与计分的消息、自评页与导航的文字都用它"),
    Field("theme", THEME, doc="网站外观(可不写): 颜色与标志"),
    NOTES,
], "机构信息与规则版本")

DEPARTMENT = Obj("department", [
    Field("id", Ident(), required=True),
    Field("name", Name(), required=True, doc="部门名称"),
    Field("parent", Ident(ref="department"), doc="上级部门 id"),
    Field("summary", Text()),
    # the 工作关系图 of a department description (000 CC部门职责说明): what comes in, whom it serves, what it yields
    Field("customer_needs", ListOf(Text()), default=[], doc="客户需求, 如 客户售前售后需求"),
    Field("external_inputs", ListOf(Text()), default=[], doc="外部信息, 如 对标的管理体系"),
    Field("served", ListOf(Text()), default=[], doc="直接影响对象(服务的客户群)"),
    Field("outputs", ListOf(Text()), default=[], doc="工作产出, 如 客户满意度"),
    Field("partners", ListOf(Text()), default=[], doc="主要协同部门"),
    SOURCE, NOTES,
], "部门")

DEPARTMENTS = Obj("departments", [Field("departments", ListOf(DEPARTMENT, min_items=1), required=True)], "部门列表")

SCALE_LEVEL = Obj("scale level", [
    Field("id", Ident(), required=True),
    Field("name", Name(), required=True, doc="等级名称, 如 Ⅱ 或 B"),
    Field("description", Text(), doc="等级含义"),
])
SCALE = Obj("scale", [
    Field("id", Ident(), required=True),
    Field("name", Name(), required=True),
    Field("description", Text()),
    Field("levels", ListOf(SCALE_LEVEL, min_items=1), required=True, doc="从低到高"),
], "熟练度量表 / proficiency scale")
SCALES = Obj("scales", [Field("scales", ListOf(SCALE, min_items=1), required=True)], "熟练度量表列表")

SKILL = Obj("skill", [
    Field("id", Ident(), required=True),
    Field("name", Name(), required=True, doc="能力名称"),
    Field("group", Text(), doc="能力类别, 如 沟通能力"),
    Field("scale", Ident(ref="scale"), required=True, doc="所用量表 id"),
    Field("description", Text()),
    Field("levels", ListOf(Obj("level descriptor", [
        Field("level", Ident(), required=True, doc="量表中的等级 id"),
        Field("description", Text(), required=True, doc="该等级的行为描述"),
    ]), min_items=1), required=True),
    SOURCE, NOTES,
], "能力与等级描述 / competency with level descriptors")

ROLE = Obj("role", [
    Field("id", Ident(), required=True),
    Field("name", Name(), required=True, doc="岗位名称"),
    ALIASES,
    Field("department", Ident(ref="department"), required=True, doc="所属部门 id"),
    Field("category", Text(), doc="岗位类别"),
    Field("reports_to", Ident(ref="role"), doc="直接上级岗位 id(直接下级自动推出)"),
    Field("subordinates", ListOf(Text()), default=[], doc="手册中没有岗位页的直接下级, 如 保安、食堂"),
    Field("collaboration", Obj("collaboration", [
        Field("internal", ListOf(Text()), default=[], doc="内部协作"),
        Field("external", ListOf(Text()), default=[], doc="外部协作"),
    ]), default={"internal": [], "external": []}),
    Field("pay_grade", Text(), doc="薪酬等级"),
    Field("summary", Text(), doc="岗位概述"),
    Field("duties", ListOf(Text(), min_items=1), required=True, doc="工作职责(按顺序编号)"),
    Field("requirements", ListOf(Text()), default=[], doc="任职资格"),
    Field("competencies", ListOf(Obj("required competency", [
        Field("skill", Ident(ref="skill"), required=True, doc="能力 id"),
        Field("level", Ident(), required=True, doc="要求的等级 id"),
        Field("description", Text(), keep="given",
              doc="本岗位在这一等级上具体做什么（可不写；不写时岗位页显示能力等级的通用描述）"),
    ])), default=[]),
    Field("standards", ListOf(Ident(ref="standard")), default=[], doc="适用的定级/考核标准 id"),
    Field("rules", ListOf(Ident(ref="rule")), default=[], doc="适用的晋升规则 id"),
    Field("tags", ListOf(Text()), default=[]),
    SOURCE, NOTES,
], "岗位说明书 / job description")

# a condition's operator: its message names the item's kind, so the semantic checks report it (checks.py)
CONDITION_OPERATOR = ExactlyOne("at_least", "one_of", "equals")
CONDITION_SUBJECT = ExactlyOne("item", "section")
CONDITION = Obj("condition", [
    Field("item", Ident(ref="item"), doc="项目 id"),
    Field("section", Ident(ref="section"),
          doc="部分 id: 该部分的小计(乘系数前)须达到 at_least, 如 理论知识 ≥ 60 且 操作技能 ≥ 60 才合格"),
    Field("at_least", Any(), doc="选项 id(按选项顺序)或数值下限"),
    Field("one_of", ListOf(Ident()), doc="选项 id 列表"),
    Field("equals", Any(), doc="选项 id 或 true/false"),
    Field("text", Text(), doc="给人看的说法, 如 需要本科及以上学历"),
], "前提条件(写 item 或 section 之一, 恰好写 at_least / one_of / equals 之一)",
    exactly_one=[CONDITION_SUBJECT, CONDITION_OPERATOR], define="condition")

OPTION = Obj("option", [
    Field("id", Ident(), required=True),
    Field("label", Text(), required=True, doc="选项文字"),
    Field("points", Number(), doc="得分", absent=Decimal(0)),  # where points count, the checks ask for them
], define="option")

QUESTION_OPTION = Obj("question option", [
    Field("id", Ident(), required=True), Field("label", Text(), required=True, doc="选项文字, 如 A、对方先挂")])
QUESTION_POINTS = Field("points", Number(), required=True, doc="本题分值")
EXPLANATION = Field("explanation", Text(), doc="解析, 交卷后显示", keep="given")

_COMMON = [
    Field("id", Ident(), required=True),
    Field("name", Name(), required=True, doc="项目名称"),
    Field("description", Text(), doc="考核要点", keep="truthy"),
    Field("assumed", Text(), doc="原文没有、由本手册假设的部分(如满分或分值), 会在页面和自评表上标明", keep="truthy"),
    Field("optional", Boolean(), default=False, doc="可不填(计 0 分)", keep="changed"),
    Field("scored", Boolean(), default=True, doc="false: 只作前提条件, 不计分", keep="changed"),
    Field("weight", Number(), doc="权重(百分比), 仅 method: weighted", label="权重", keep="given"),
]
MIN = Field("min", Number(), default=Decimal(0), label="最小值")
MAX = Field("max", Number(), required=True, label="最大值")
FIELD_KINDS = {
    "choice": ("单选: 每个选项对应分值", [Field("options", ListOf(OPTION, min_items=1), required=True,
                                            doc="按从低到高排列(at_least 依此顺序)")]),
    "rating": ("评分量表(如 5-4-3-2-1、A/B/C), 量表在 rating_scales 中定义", [
        Field("scale", Ident(ref="rating_scale"), required=True)]),
    "number": ("数值: 直接计分, 或按 bands 分档计分", [
        MIN, MAX, Field("step", Number(), default=Decimal(1), doc="填写单位, 如 1 或 0.5", label="步长"),
        Field("unit", Text(), default="", label="单位"),
        Field("bands", ListOf(Obj("number band", [
            Field("min", Number(), required=True, doc="本档下限(含)"),
            Field("points", Number(), required=True),
            Field("label", Text(), keep="truthy"),
        ])), doc="分档: 达到下限即得该档分", keep="truthy"),
        Field("cohort", Obj("cohort rank", [
            Field("rank", Ident(), required=True, doc="按本规则哪个每期数值字段排名(数值越大名次越前)"),
            Field("within", Enum(["department", "all"]), default="department",
                  doc="department: 部门内排名; all: 全体一起排名"),
            Field("min_group", Number(integer=True, minimum=1), default=1, doc="少于几人时不计算名次"),
            Field("as", Enum(["rank", "percent"]), default="rank",
                  doc="rank: 名次(1, 2, 3…); percent: 名次占人数的百分比(向上取整, 前 10% 即 ≤ 10)"),
        ]), doc="仅规则的名次字段: 批量计分时按全体人员的数据计算, 自评时本人填写", keep="truthy"),
    ]),
    "count": ("计数 × 每项分值, 封顶", [
        Field("each", Number(), required=True, label="每项分值"),
        Field("cap", Number(), required=True, doc="最高分", label="最高分"),
        Field("max_count", Number(integer=True, minimum=1), default=99, label="最多项数"),
        Field("unit", Text(), default=COUNT_UNIT, label="单位"),
    ]),
    "average": ("多名评分人的平均分", [
        MIN, MAX, Field("step", Number(), default=Decimal(1), label="步长"),
        Field("min_raters", Number(integer=True, minimum=1), default=1, label="最少评分人数"),
        Field("max_raters", Number(integer=True, minimum=1), default=30, label="最多评分人数"),
    ]),
    "checklist": ("勾选项: 基础分加减, 可设下限/封顶与致命错误", [
        Field("base", Number(), default=Decimal(0), label="基础分"),
        Field("floor", Number(), doc="最低分", label="最低分"), Field("cap", Number(), doc="最高分", label="最高分"),
        Field("checks", ListOf(Obj("check", [
            Field("id", Ident(), required=True), Field("label", Text(), required=True),
            Field("points", Number(), default=Decimal(0), doc="加分为正, 扣分为负"),
            Field("fatal", Boolean(), default=False, doc="致命错误: 整张表 0 分", keep="truthy"),
        ]), min_items=1), required=True),
    ]),
    "boolean": ("是/否", [Field("yes_points", Number(), default=Decimal(0), doc="选“是”的得分", label="选“是”得分"),
                         Field("no_points", Number(), default=Decimal(0), doc="选“否”的得分", label="选“否”得分")]),
}
QUESTION_KINDS = {
    # test questions (知识测试): the page shows points, key and explanation only after 交卷
    "single": ("单选题: 选对得分", [
        Field("options", ListOf(QUESTION_OPTION, min_items=2), required=True, keep="given"),
        Field("key", Ident(), required=True, doc="正确选项 id", keep="given"), QUESTION_POINTS, EXPLANATION]),
    "multiple": ("多选题: 全部选对才得分; partial: true 时选错不得分、少选按比例得分", [
        Field("options", ListOf(QUESTION_OPTION, min_items=2), required=True, keep="given"),
        Field("key", ListOf(Ident(), min_items=1), required=True, doc="全部正确选项的 id", keep="given"),
        QUESTION_POINTS,
        Field("partial", Boolean(), default=False, doc="true: 少选按选对的比例得分(选错仍为 0 分)"), EXPLANATION]),
    "true_false": ("判断题", [Field("key", Boolean(), required=True, doc="true: 对(√); false: 错(×)", keep="given"),
                              QUESTION_POINTS, EXPLANATION]),
    "blank": ("填空: 与任一参考答案相同即得分(不计全角半角、大小写、空格和标点)", [
        Field("accepted", ListOf(Text(), min_items=1), required=True, doc="可接受的答案", keep="given"),
        QUESTION_POINTS, EXPLANATION]),
    "essay": ("简答题: 由阅卷人对照参考答案评分, 自动计分时暂不计入总分", [
        QUESTION_POINTS, Field("reference", Text(), doc="参考答案(原文没有时不写, 页面会说明)", keep="given"),
        Field("step", Number(), default=Decimal(1), doc="阅卷给分的单位", label="步长")]),
}
ITEM = Tagged("kind", _COMMON, {**FIELD_KINDS, **QUESTION_KINDS}, "考核项目", define="item")
# a rule's person and period fields: answers its formulas compute with, never test questions
RULE_FIELD = Tagged("kind", _COMMON, FIELD_KINDS, "规则的字段", define="field")

EXAMPLE = Obj("example", [
    Field("name", Name(), required=True),
    Field("answers", Any(), required=True, doc="项目 id → 答案; 规则为 {person: …, periods: […]}"),
    Field("expect", Obj("expectation", [
        Field("total", Number()), Field("grade", Text(), doc="职级 id, 未定级写 none"),
        Field("outcome", Enum(OUTCOMES, words="outcome")),
        Field("level", Ident()), Field("pay", Number()), Field("bonus", Number()),
        Field("steps", Number(integer=True)), Field("probation_months", Number(integer=True)),
        Field("decided_by", Ident(ref="outcome"), doc="规则: 决定结果的那条 outcomes 的 id, 没有一条成立时写 none"),
        Field("values", ListOf(Obj("expected value", [
            Field("id", Ident(ref="value"), required=True, doc="计算值 id"),
            Field("value", Number(), required=True, doc="按该值显示的小数位数写"),
        ])), doc="规则: 计算值应得的结果"),
    ]), required=True),
], "算例: 校验时由引擎重算, 不符即报错")

BAND = Obj("band", [
    Field("grade", Ident(), required=True, doc="职级 id"),
    Field("name", Name(), required=True, doc="职级名称"),
    Field("min", Number(), required=True, doc="分数下限(含)"),
    Field("max", Number(), doc="分数上限(含); 省略则延伸到下一段下限之前"),
    Field("requires", ListOf(CONDITION), default=[], doc="该职级的前提条件"),
    Field("pay", Text()), Field("note", Text()),
])

STANDARD = Obj("standard", [
    Field("id", Ident(), required=True),
    Field("name", Name(), required=True),
    ALIASES,
    Field("summary", Text()),
    Field("period", Text(), doc="评定周期, 如 每月 / 每半年"),
    Field("method", Enum(["sum", "weighted"]), default="sum", doc="sum: 分数相加; weighted: 各项得分率 × 权重"),
    Field("weights_total", Obj("declared weights total", [
        Field("total", Number(), required=True, doc="权重合计(百分比), 如 90"),
        Field("reason", Text(), required=True, doc="为什么不是 100%, 会显示在页面上"),
    ]), doc="仅当原文的权重合计确实不是 100% 时填写; 不写则合计必须恰好为 100%"),
    Field("points", Number(minimum=0), doc="原文写明的满分(如 100); 填写后各项满分之和必须等于它, 对不上即报错"),
    Field("precision", Number(integer=True, minimum=0, maximum=6), default=2, doc="小数位数(四舍五入)"),
    Field("rating_scales", ListOf(Obj("rating scale", [
        Field("id", Ident(), required=True), Field("name", Name()),
        Field("options", ListOf(OPTION, min_items=2), required=True),
    ])), default=[]),
    Field("items", ListOf(ITEM), doc="项目(不分部分时)"),
    Field("sections", ListOf(Obj("section", [
        Field("id", Ident(), required=True), Field("name", Name(), required=True),
        Field("scale", Number(), default=Decimal(1), doc="本部分小计 × 系数, 如 0.75"),
        Field("points", Number(minimum=0), doc="原文写明的本部分分值; 填写后本部分各项满分之和(乘系数前)必须等于它"),
        Field("note", Text()),
        Field("items", ListOf(ITEM, min_items=1), required=True),
    ]), min_items=1), doc="分部分的项目"),
    Field("requires", ListOf(CONDITION), default=[], doc="参评资格"),
    Field("bands", ListOf(BAND), default=[], doc="职级分数段, 从低到高"),
    Field("examples", ListOf(EXAMPLE), default=[]),
    SOURCE, NOTES,
], "定级/考核标准 / grade standard",
    exactly_one=[ExactlyOne("items", "sections", filled=True, code="missing_key", key="items / sections")])

RULE = Obj("rule", [
    Field("id", Ident(), required=True),
    Field("name", Name(), required=True),
    Field("summary", Text()),
    Field("period", Enum(list(PERIODS), words="period"),
          doc="每期的长度; 有 periods 字段时必填, 只看个人信息的规则不写"),
    Field("min_periods", Number(integer=True, minimum=0, maximum=260), default=1,
          doc="至少需要几期数据(没有 periods 字段时为 0; 写 0 则有几期算几期, 没有也可计算); "
              "最多 260 期(五年的周), 自评表打开时就有这么多行"),
    Field("levels", ListOf(Obj("level", [
        Field("id", Ident(), required=True), Field("name", Name(), required=True),
        Field("pay", Number(), doc="月薪(元)"), Field("note", Text()),
        Field("ladder", Text(), doc="所属阶梯(如 专业序列、管理序列): 升降只在同一阶梯内; 要么每一级都写, 要么都不写"),
    ])), default=[], doc="级别阶梯, 从低到高; 适用于几个岗位时, 每个岗位的级别用 ladder 分成各自的阶梯"),
    Field("person", ListOf(RULE_FIELD), default=[], doc="个人信息字段(司龄、是否转正…)"),
    Field("periods", ListOf(RULE_FIELD), default=[], doc="每期数据字段(月度分数、季度等级…)"),
    Field("tables", ListOf(Obj("table", [
        Field("id", Ident(), required=True), Field("name", Name()),
        Field("rows", ListOf(Obj("row", [Field("min", Number(), required=True),
                                          Field("value", Number(), required=True)]), min_items=1), required=True),
    ])), default=[], doc="分档表: lookup(表, 数值) 取下限不超过数值的最后一行"),
    Field("values", ListOf(Obj("value", [
        Field("id", Ident(), required=True), Field("name", Name(), required=True),
        Field("expr", Formula(), required=True), Field("unit", Text(), default=""),
        Field("places", Number(integer=True, minimum=0, maximum=10),
              doc="显示几位小数; 不写时为 2, 公式最外层是 round(x, n) 时为 n。"
                  "比较总用精确值, 显示的位数不够区分时自动多显示几位"),
    ])), default=[], doc="计算值(可被后续公式引用)"),
    Field("outcomes", ListOf(Obj("outcome rule", [
        Field("id", Ident(), required=True),
        Field("when", Formula(), required=True, doc="条件公式"),
        Field("outcome", Enum(OUTCOMES, words="outcome"), doc="升降: promote、stay、demote、probation 或 dismiss; "
              "写了 label 时可省略(不升不降, 即 stay)"),
        Field("label", Text(), doc="结果自己的名称, 如 可申报四级、达标、不达标; 页面和表格显示它而不是“晋升/保持”"),
        Field("reason", Text(), required=True, doc="给人看的理由"),
        Field("at_levels", ListOf(Ident(ref="level")), doc="只对这些当前级别适用"),
        Field("steps", Formula(), doc="升/降几级(公式), 默认 1"),
        Field("probation_months", Number(integer=True, minimum=0), default=0),
    ]), min_items=1), required=True, doc="自上而下检查, 第一条成立者决定结果"),
    Field("pay", Formula(), doc="工资公式(可选)"),
    Field("bonus", Formula(), doc="奖金公式(可选)"),
    Field("examples", ListOf(EXAMPLE), default=[]),
    SOURCE, NOTES,
], "晋升/降级规则 / promotion rule over periods")

PROCESS = Obj("process", [
    Field("id", Ident(), required=True),
    Field("name", Name(), required=True, doc="流程名称"),
    ALIASES,
    Field("summary", Text(), doc="概述"),
    Field("steps", ListOf(Obj("process step", [
        Field("name", Name(), required=True, doc="这一步做什么, 如 提出定级申请"),
        Field("owner", Text(), required=True, doc="谁来做, 如 员工、上级、人事部"),
        Field("when", Text(), doc="期限或时长, 如 次季第 1 个月 9 日前、1–3 个月"),
        Field("form", Text(), doc="所用表格, 如 《人事异动表》"),
        Field("details", ListOf(Text()), default=[], doc="要点"),
        Field("pass", Text(), doc="通过时"),
        Field("fail", Text(), doc="未通过时"),
    ]), min_items=1), required=True, doc="按顺序"),
    Field("roles", ListOf(Ident(ref="role")), default=[], doc="涉及的岗位 id"),
    Field("standards", ListOf(Ident(ref="standard")), default=[], doc="用到的标准 id: 其自评页会指向本流程"),
    Field("rules", ListOf(Ident(ref="rule")), default=[], doc="用到的规则 id: 其自评页会指向本流程"),
    SOURCE, NOTES,
], "流程: 谁在什么时候做什么, 用哪张表, 通过或不通过之后怎样")

POLICY = Obj("policy", [
    Field("id", Ident(), required=True),
    Field("name", Name(), required=True, doc="制度名称"),
    ALIASES,
    Field("summary", Text(), doc="概述"),
    Field("roles", ListOf(Ident(ref="role")), default=[], doc="适用岗位 id; 不写则适用于全体员工"),
    Field("clauses", ListOf(Obj("policy clause", [
        Field("section", Text(), doc="小标题, 如 上班纪律"),
        Field("text", Text(), required=True, doc="规定"),
        Field("consequence", Text(), doc="违反时的后果"),
    ]), min_items=1), required=True, doc="各条规定, 按顺序"),
    Field("rules", ListOf(Ident(ref="rule")), default=[], doc="计算后果的规则 id"),
    SOURCE, NOTES,
], "制度: 规定及违反时的后果")

SOURCE_SECTION = Obj("source section", [
    Field("heading", Text(), required=True, doc="原文中的标题或第一行"),
    Field("lines", Text(), doc="在原文中的位置, 如 第 2–19 行 或 p.15"),
    Field("status", Enum(["included", "partly", "not_yet", "left_out"]), required=True,
          doc="included 已收录; partly 部分收录; not_yet 尚未收录; left_out 不收录"),
    Field("departments", ListOf(Ident(ref="department")), default=[], doc="收录在这些部门"),
    Field("roles", ListOf(Ident(ref="role")), default=[], doc="收录在这些岗位"),
    Field("skills", ListOf(Ident(ref="skill")), default=[], doc="收录在这些能力"),
    Field("standards", ListOf(Ident(ref="standard")), default=[], doc="收录在这些标准"),
    Field("rules", ListOf(Ident(ref="rule")), default=[], doc="收录在这些规则"),
    Field("processes", ListOf(Ident(ref="process")), default=[], doc="收录在这些流程"),
    Field("policies", ListOf(Ident(ref="policy")), default=[], doc="收录在这些制度"),
    Field("pages", ListOf(Text()), default=[], doc="收录在定义以外的地方, 如 岗位说明书的格式"),
    Field("note", Text(), doc="缺了什么、为什么不收录; partly / not_yet / left_out 必填"),
], "原文的一节")

SOURCES = Obj("sources", [
    Field("documents", ListOf(Obj("source document", [
        Field("id", Text(), required=True, doc="文档编号, 如 001"),
        Field("title", Text(), required=True, doc="文档标题"),
        Field("sections", ListOf(SOURCE_SECTION, min_items=1), required=True, doc="按原文顺序"),
    ]), min_items=1), required=True),
], "资料来源: 每份原始文档的每一节收录在哪里, 或为什么不收录")
