"""`handbook new KIND ID`: a commented file to start from, which validates as written.

References in it (a department, a proficiency scale and its levels) are taken from the handbook it is
written into, so the new file is valid there at once; the comments say what to change.
"""

import json

from .definitions.kinds import KINDS

WRITTEN = tuple(kind.name for kind in KINDS if kind.one_per_file)  # the kinds `handbook new` writes a file of

ROLE = """\
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
standards: []                  # 适用的定级与考核标准 id
rules: []                      # 适用的晋升与降级规则 id
"""

SKILL = """\
# yaml-language-server: $schema=../_schema/skill.schema.json
# 新能力: 为量表中的每个等级写一句行为描述。格式见《格式参考》。
id: {id}
name: {name}
group: 其他                     # 能力类别, 目录按它分组
scale: {scale}                 # 所用熟练度量表的 id (见 scales.yaml)
description: 一句话说明这项能力。
levels:
{levels}"""

STANDARD = """\
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

RULE = """\
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

PROCESS = """\
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

POLICY = """\
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


def skeleton(kind, ident, name, rulebook):
    """The text of a new definition file; `rulebook` is the handbook it goes into. The name is written
    quoted (JSON is YAML), so any name reads back as typed: "a: b", "#备注", "[试用]", "2026-01-01"."""
    name = json.dumps(name, ensure_ascii=False)
    if kind == "role":
        return ROLE.format(id=ident, name=name, department=rulebook["departments"][0]["id"])
    if kind == "skill":
        scale = rulebook["scales"][0]
        levels = "".join(f"  - {{level: {lv['id']}, description: 在“{lv['name']}”等级能做到什么。}}\n"
                         for lv in scale["levels"])
        return SKILL.format(id=ident, name=name, scale=scale["id"], levels=levels)
    return {"standard": STANDARD, "rule": RULE, "process": PROCESS, "policy": POLICY}[kind].format(id=ident, name=name)
