"""`handbook new KIND ID`: a commented file to start from, which validates as written (with a note at each sample
sentence left unchanged: PLACEHOLDERS).

References in it (a department, a proficiency scale and its levels) are taken from the handbook it is
written into, so the new file is valid there at once; the comments say what to change.
"""

import json
import re

import yaml

from assessment.messages import DEFAULT

from .definitions.kinds import KINDS

WRITTEN = tuple(kind.name for kind in KINDS if kind.one_per_file)  # the kinds `handbook new` writes a file of

ROLE_ZH = """\
# yaml-language-server: $schema=../_schema/role.schema.json
# 新岗位: 改好名称、部门和职责后运行 make validate (或 handbook validate)。格式见《格式参考》。
id: {id}                       # 标识: 小写英文字母、数字和下划线, 也是页面文件名; 定下后不要再改
name: {name}                   # 岗位名称, 显示在页面和目录中
department: {department}       # 所属部门的 id (见 departments.yaml)
# reports_to: 上级岗位的 id
# category: 岗位类别, 如 客服类
summary: 一句话说明这个岗位做什么。
duties:                        # 岗位职责, 每行一条
  - 第一条职责。
requirements: []               # 任职资格, 如 - 大专及以上学历
competencies: []               # 能力要求, 如 - {{skill: teamwork, level: ii}}
#   本岗位在该等级具体做什么: - {{skill: teamwork, level: ii, description: 带新人完成第一周的接待}}
standards: []                  # 适用的定级与考核标准 id
rules: []                      # 适用的晋升与降级规则 id
"""

SKILL_ZH = """\
# yaml-language-server: $schema=../_schema/skill.schema.json
# 新能力: 为量表中的每个等级写一句行为描述。格式见《格式参考》。
id: {id}
name: {name}
group: 其他                     # 能力类别, 目录按它分组
scale: {scale}                 # 所用熟练度量表的 id (见 scales.yaml)
description: 一句话说明这项能力。
levels:
{levels}"""

STANDARD_ZH = """\
# yaml-language-server: $schema=../_schema/standard.schema.json
# 新的定级或考核标准: 每个项目一行, 加权时权重合计须为 100。格式见《格式参考》。
id: {id}
name: {name}
summary: 一句话说明这个标准考核什么、多久考核一次。
period: 每月
method: weighted               # weighted: 每项得分 ÷ 满分 × 权重; sum: 各项得分相加
items:
  - {{id: quality, name: 工作质量, kind: number, max: 100, weight: 60}}
  - {{id: attendance, name: 考勤, kind: number, max: 100, weight: 40}}
bands:                         # 分数段 (从低到高), 不需要定级时删去
  - {{grade: pass, name: 合格, min: 60}}
  - {{grade: good, name: 良好, min: 80}}
examples:                      # 算例: 每次校验都会重新计算, 与 expect 不符时报错
  - name: 一个月的考核
    answers: {{quality: 90, attendance: 100}}
    expect: {{total: 94, grade: good}}   # 90 × 60% + 100 × 40% = 54 + 40
"""

RULE_ZH = """\
# yaml-language-server: $schema=../_schema/rule.schema.json
# 新的晋升或降级规则: 每期填写的数据 (periods) 与自上而下检查的结果 (outcomes)。格式见《格式参考》。
id: {id}
name: {name}
summary: 一句话说明什么情况下晋升、保持或降级。
period: month                  # 每期长度: week / month / quarter / half_year / year
min_periods: 3
periods:
  - {{id: score, name: 月度考核分, kind: number, min: 0, max: 100}}
outcomes:                      # 自上而下, 第一条成立的决定结果
  - id: up
    when: "count(score >= 90, 3) == 3"
    outcome: promote
    reason: 连续三个月考核分不低于 90 分
  - id: down
    when: "count(score < 60, 3) == 3"
    outcome: demote
    reason: 连续三个月考核分低于 60 分
examples:
  - name: 三个月都在 90 分以上
    answers: {{periods: [{{score: 92}}, {{score: 95}}, {{score: 90}}]}}
    expect: {{outcome: promote}}
"""

PROCESS_ZH = """\
# yaml-language-server: $schema=../_schema/process.schema.json
# 新的流程: 按顺序写出每一步谁来做、期限、所用表格、通过或不通过之后怎样。格式见《格式参考》。
id: {id}
name: {name}
summary: 一句话说明这个流程做什么、什么时候用。
steps:
  - name: 提出申请
    owner: 员工
    form: 《申请表》            # 所用表格, 没有就删去这一行
    details:
      - 这一步要做的事，一条一句。
  - name: 审核
    owner: 上级
    when: 收到申请后 5 个工作日内   # 期限或时长, 没有就删去这一行
    pass: 通过后怎样。
    fail: 不通过时怎样。
standards: []                  # 用到的标准 id, 其自评页会指向本流程
rules: []                      # 用到的规则 id
roles: []                      # 涉及的岗位 id
"""

POLICY_ZH = """\
# yaml-language-server: $schema=../_schema/policy.schema.json
# 新的制度: 各条规定及违反时的后果。格式见《格式参考》。
id: {id}
name: {name}
summary: 一句话说明这项制度管什么、适用于谁。
roles: []                      # 适用岗位 id; 不写则不列适用岗位
clauses:
  - section: 小标题              # 同一小标题下的各条放在一起
    text: 一条规定。
    consequence: 违反时的后果。   # 没有就删去这一行
"""


ROLE_EN = """\
# yaml-language-server: $schema=../_schema/role.schema.json
# New role: set its name, department and duties, then run make validate (or handbook validate).
# See the format reference.
id: {id}                       # lower-case letters, digits and underscores; also the page's file name: keep it once set
name: {name}                   # the role's name, shown on its page and in the contents
department: {department}       # the id of its department (see departments.yaml)
# reports_to: the id of the role it reports to
# category: the kind of role, e.g. Customer service
summary: One sentence on what this role does.
duties:                        # the role's duties, one per line
  - The first duty.
requirements: []               # what the post requires, e.g. - A college diploma or higher
competencies: []               # the skills it needs, e.g. - {{skill: teamwork, level: ii}}
#   what this role does at that level: - {{skill: teamwork, level: ii, description: Shows a new colleague round}}
standards: []                  # ids of the grading and review standards that apply
rules: []                      # ids of the promotion and demotion rules that apply
"""

SKILL_EN = """\
# yaml-language-server: $schema=../_schema/skill.schema.json
# New skill: write one sentence of what a person does at each level of the scale. See the format reference.
id: {id}
name: {name}
group: Other                   # the skill's group: the contents are grouped by it
scale: {scale}                 # the id of the proficiency scale it uses (see scales.yaml)
description: One sentence on what this skill is.
levels:
{levels}"""

STANDARD_EN = """\
# yaml-language-server: $schema=../_schema/standard.schema.json
# New grading or review standard: one item a line; weighted, the weights must total 100. See the format reference.
id: {id}
name: {name}
summary: One sentence on what this standard assesses and how often.
period: Every month
method: weighted               # weighted: each score ÷ its maximum × its weight; sum: the scores added up
items:
  - {{id: quality, name: Quality of work, kind: number, max: 100, weight: 60}}
  - {{id: attendance, name: Attendance, kind: number, max: 100, weight: 40}}
bands:                         # score bands (lowest first); delete them when no grade is needed
  - {{grade: pass, name: Pass, min: 60}}
  - {{grade: good, name: Good, min: 80}}
examples:                      # worked examples: recalculated on every validation, an error when not as expected
  - name: One month's review
    answers: {{quality: 90, attendance: 100}}
    expect: {{total: 94, grade: good}}   # 90 × 60% + 100 × 40% = 54 + 40
"""

RULE_EN = """\
# yaml-language-server: $schema=../_schema/rule.schema.json
# New promotion or demotion rule: what is filled in each period (periods) and the results checked from the top
# (outcomes). See the format reference.
id: {id}
name: {name}
summary: One sentence on when a person is promoted, stays or is demoted.
period: month                  # the length of a period: week / month / quarter / half_year / year
min_periods: 3
periods:
  - {{id: score, name: Monthly review score, kind: number, min: 0, max: 100}}
outcomes:                      # checked from the top: the first that holds decides the outcome
  - id: up
    when: "count(score >= 90, 3) == 3"
    outcome: promote
    reason: A review score of 90 or more three months running
  - id: down
    when: "count(score < 60, 3) == 3"
    outcome: demote
    reason: A review score under 60 three months running
examples:
  - name: 90 or more in each of three months
    answers: {{periods: [{{score: 92}}, {{score: 95}}, {{score: 90}}]}}
    expect: {{outcome: promote}}
"""

PROCESS_EN = """\
# yaml-language-server: $schema=../_schema/process.schema.json
# New process: its steps in order, each with who does it, the time allowed, the form used and what follows a pass
# or a fail. See the format reference.
id: {id}
name: {name}
summary: One sentence on what this process does and when it is used.
steps:
  - name: Application
    owner: Employee
    form: Application form     # the form used; delete this line when there is none
    details:
      - What this step involves, one sentence each.
  - name: Review
    owner: Line manager
    when: Within 5 working days of the application   # the time allowed; delete this line when there is none
    pass: What follows when it is approved.
    fail: What follows when it is not.
standards: []                  # ids of the standards it uses; their self-assessment pages point to this process
rules: []                      # ids of the rules it uses
roles: []                      # ids of the roles involved
"""

POLICY_EN = """\
# yaml-language-server: $schema=../_schema/policy.schema.json
# New policy: its clauses and what follows a breach of each. See the format reference.
id: {id}
name: {name}
summary: One sentence on what this policy covers and whom it applies to.
roles: []                      # ids of the roles it applies to; left empty, none are listed
clauses:
  - section: Heading           # the clauses under one heading are shown together
    text: One clause.
    consequence: What follows a breach.   # delete this line when there is none
"""

# Each language's skeletons, and the description written for each level of a new skill's scale (the level's name
# filled in). A language of the catalogs without its skeletons fails tests/test_new_in_english.py.
SKELETONS = {
    "zh": {"role": ROLE_ZH, "skill": SKILL_ZH, "standard": STANDARD_ZH, "rule": RULE_ZH, "process": PROCESS_ZH,
           "policy": POLICY_ZH, "level": "在“{name}”等级能做到什么。"},
    "en": {"role": ROLE_EN, "skill": SKILL_EN, "standard": STANDARD_EN, "rule": RULE_EN, "process": PROCESS_EN,
           "policy": POLICY_EN, "level": "What a person at the “{name}” level can do."},
}


# The texts of the skeletons that stand for what HR is to write (a summary, the first duty, a level's description …):
# one left unchanged is published as it is, so validation notes each (definitions/checks.placeholders). Names, ids
# and the sample items, bands and steps are left out: kept, they are real values.
PLACEHOLDERS = {
    "zh": ("一句话说明这个岗位做什么。", "第一条职责。", "一句话说明这项能力。",
           "一句话说明这个标准考核什么、多久考核一次。", "一句话说明什么情况下晋升、保持或降级。",
           "一句话说明这个流程做什么、什么时候用。", "这一步要做的事，一条一句。", "通过后怎样。", "不通过时怎样。",
           "一句话说明这项制度管什么、适用于谁。", "一条规定。", "违反时的后果。"),
    "en": ("One sentence on what this role does.", "The first duty.", "One sentence on what this skill is.",
           "One sentence on what this standard assesses and how often.",
           "One sentence on when a person is promoted, stays or is demoted.",
           "One sentence on what this process does and when it is used.", "What this step involves, one sentence each.",
           "What follows when it is approved.", "What follows when it is not.",
           "One sentence on what this policy covers and whom it applies to.", "One clause.",
           "What follows a breach."),
}


def is_placeholder(text):
    """Whether `text` is a skeleton's placeholder, in any language: one of PLACEHOLDERS, or a new skill's level
    description with the level's name filled in."""
    if text in _PLACEHOLDERS:
        return True
    return any(re.fullmatch(pattern, text) for pattern in _LEVEL_PATTERNS)


_PLACEHOLDERS = frozenset(text for texts in PLACEHOLDERS.values() for text in texts)
_LEVEL_PATTERNS = tuple(re.escape(texts["level"]).replace(re.escape("{name}"), ".+") for texts in SKELETONS.values())


def skeleton(kind, ident, name, rulebook, lang=DEFAULT):
    """The text of a new definition file, in `lang`; `rulebook` is the handbook it goes into. The name is written
    quoted (JSON is YAML), so any name reads back as typed: "a: b", "#备注", "[试用]", "2026-01-01"."""
    texts = SKELETONS[lang]
    name = json.dumps(name, ensure_ascii=False)
    if kind == "role":
        return texts["role"].format(id=ident, name=name, department=rulebook["departments"][0]["id"])
    if kind == "skill":
        scale = rulebook["scales"][0]
        levels = "".join(f"  - {{level: {lv['id']}, description: {_flow(texts['level'].format(name=lv['name']))}}}\n"
                         for lv in scale["levels"])
        return texts["skill"].format(id=ident, name=name, scale=scale["id"], levels=levels)
    return texts[kind].format(id=ident, name=name)


def _flow(text):
    """`text` as a value in a YAML flow mapping: as it is where it reads back so, else quoted (a level named
    "Basic, guided" or "A: b" would otherwise break the line)."""
    try:
        if yaml.safe_load(f"{{d: {text}}}") == {"d": text}:
            return text
    except yaml.YAMLError:
        pass
    return json.dumps(text, ensure_ascii=False)
