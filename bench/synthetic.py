"""Write a valid synthetic handbook of N roles, as YAML files an HR editor could have written.

    python -m bench.synthetic 2000 /tmp/handbook-2000

Proportions, per 100 roles: 5 departments (under divisions of 10 departments each), one copy of each
sample skill (20), grade standard (9) and promotion rule (6). The copies keep the sample's items,
bands and worked examples, so validation runs every example as it does for the real handbook.
Roles reference each other (a department head reports to its division's head) and the copies.
"""

import random
import re
import shutil
import sys
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "competencies"
ROLES_PER_DEPARTMENT = 20
DEPARTMENTS_PER_DIVISION = 10

PLACES = "华东 华南 华北 华中 西南 西北 东北 香港 澳门 台湾 深圳 广州 上海 北京 成都 武汉 杭州 南京 苏州 重庆".split()
UNITS = "客服 呼叫 前台 售后 技术支持 电商 会员 投诉处理 回访 质检 培训 课程顾问 大客户 渠道 热线".split()
TITLES = "专员 助理 主管 组长 顾问 座席 审核员 工程师 经理 协调员".split()
DUTY_VERBS = "负责 协助 组织 跟进 整理 审核 统计 汇总 落实 改进".split()
DUTY_OBJECTS = ("客户来电的接听与记录", "投诉处理与回访", "服务质量的日常检查", "新员工的业务培训",
                "客户资料的登记和更新", "月度考评数据", "部门例会纪要", "知识库条目的维护", "增值业务的推广",
                "跨部门协作事项")


def _clone(text, copy):
    """A sample definition file with a new id and name (top-level keys only)."""
    text = re.sub(r"^id: (\w+)", lambda m: f"id: {m.group(1)}_c{copy}", text, count=1, flags=re.M)
    return re.sub(r"^name: (.+)$", lambda m: f"name: {m.group(1)}(副本 {copy})", text, count=1, flags=re.M)


def _ids(folder, copies):
    return [f"{p.stem}_c{c}" for c in range(copies) for p in sorted((SAMPLE / folder).glob("*.yaml"))]


def write(roles, out):
    out = Path(out)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    rng = random.Random(roles)
    copies = max(1, roles // 100)
    for name in ("organisation.yaml", "scales.yaml"):
        shutil.copy(SAMPLE / name, out / name)
    for folder in ("skills", "standards", "rules"):
        (out / folder).mkdir()
        for copy in range(copies):
            for path in sorted((SAMPLE / folder).glob("*.yaml")):
                target = out / folder / f"{path.stem}_c{copy}.yaml"
                target.write_text(_clone(path.read_text(encoding="utf-8"), copy), encoding="utf-8")
    skills = _skill_levels(out / "skills")
    standards, rules = _ids("standards", copies), _ids("rules", copies)

    departments = -(-roles // ROLES_PER_DEPARTMENT)
    divisions = -(-departments // DEPARTMENTS_PER_DIVISION)
    lines = ["departments:"]
    for d in range(divisions):
        lines += [f"  - id: div_{d}", f"    name: {PLACES[d % len(PLACES)]}事业部{d}", "    summary: 事业部管理层。"]
    for k in range(departments):
        place, unit = PLACES[k % len(PLACES)], UNITS[k % len(UNITS)]
        lines += [f"  - id: dept_{k}", f"    name: {place}{unit}部{k}",
                  f"    parent: div_{k // DEPARTMENTS_PER_DIVISION}", f"    summary: {place}地区的{unit}团队。"]
    (out / "departments.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    (out / "roles").mkdir()
    for n in range(roles):
        dept = n // ROLES_PER_DEPARTMENT
        head = dept * ROLES_PER_DEPARTMENT
        reports_to = f"role_{head}" if n != head else (
            f"role_{(dept // DEPARTMENTS_PER_DIVISION) * DEPARTMENTS_PER_DIVISION * ROLES_PER_DEPARTMENT}"
            if dept % DEPARTMENTS_PER_DIVISION else None)
        (out / "roles" / f"role_{n}.yaml").write_text(
            _role(n, dept, reports_to, rng, skills, standards, rules), encoding="utf-8")
    return out


def _skill_levels(folder):
    levels = {}
    for path in sorted(folder.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        levels[re.search(r"^id: (\w+)", text, re.M).group(1)] = re.findall(r"^\s*- level: (\w+)", text, re.M)
    return levels


def _role(n, dept, reports_to, rng, skills, standards, rules):
    place, unit = PLACES[dept % len(PLACES)], UNITS[dept % len(UNITS)]
    title = TITLES[n % len(TITLES)]
    lines = [f"id: role_{n}", f"name: {place}{unit}{title}{n}", f"department: dept_{dept}", "category: 服务类"]
    if reports_to:
        lines.append(f"reports_to: {reports_to}")
    lines += [f"pay_grade: S{1 + n % 9}", f"summary: 在{place}{unit}部按要求完成{unit}工作, 保障客户满意度。",
              "collaboration:", "  internal: [人力资源部, 质检组]", "  external: [客户]", "duties:"]
    lines += [f"  - {rng.choice(DUTY_VERBS)}{rng.choice(DUTY_OBJECTS)}。" for _ in range(rng.randint(6, 11))]
    lines += ["requirements:", "  - 大专及以上学历。", "  - 普通话标准, 熟练使用办公软件。", "competencies:"]
    for skill in rng.sample(sorted(skills), 4):
        lines.append(f"  - {{skill: {skill}, level: {rng.choice(skills[skill])}}}")
    lines += [f"standards: [{', '.join(rng.sample(standards, 2))}]", f"rules: [{rng.choice(rules)}]",
              f"tags: [{unit}, {title}]"]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(write(int(sys.argv[1]), sys.argv[2]))
