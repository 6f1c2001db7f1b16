"""What changed between two rulebooks, in plain Chinese for staff (the 版本变更 page). Imports nothing from MkDocs.

    compare(old, new)          [Change(area, subject_id, subject, text), …]
    changed_ids(old, new)      {"cs_grading", …}: roles, standards and rules that changed
    changes_markdown(history)  the page's Markdown body, newest version first

Areas, in this order: 机构、部门、岗位、能力、量表、标准、规则. Within an area, definitions in the new rulebook's
order, then removed ones in the old order. Each area's function gives a table of handlers, one per field; a field
that differs and that no handler puts into words still gets a line (“其他内容有修改”), so no change is left out.
The rulebook's `hash`, `version` and `format`, a role's `direct_reports` (derived from `reports_to`) and the
order of keys are ignored.
"""

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import partial

from assessment import formula
from assessment.errors import ExprError
from assessment.history import OUTCOMES, outcome_name, vocabulary
from assessment.numbers import fmt

from ..definitions.kinds import BY_NAME
from ..definitions.model import ITEM, PERIODS
from .escape import text as md

FIRST = "这是第一个发布的版本，之前没有可比较的版本。"
SAME = "与上一版本相比没有变化。"
NOTES = "说明文字有修改"
OTHER = "其他内容有修改"
METHODS = {"sum": "各项得分相加", "weighted": "加权"}
KINDS = {"choice": "单选", "number": "数值", "count": "计数", "average": "多人评分取平均", "checklist": "勾选项",
         "boolean": "是/否"}
# an item's settings told as "{item}的{label}由 a 改为 b": the fields the model gives a label
ITEM_WORDS = {name: field.label for variant in ITEM.variants.values() for name, field in variant.fields.items()
              if field.label}


@dataclass(frozen=True)
class Change:
    area: str        # 机构 / 部门 / 岗位 / 能力 / 量表 / 标准 / 规则
    subject_id: str  # the definition's id ("organisation" for 机构)
    subject: str     # its name: the new one, or the old one when removed
    text: str        # one sentence


# --- building blocks --------------------------------------------------------------------------------


def _outcome(outcome):
    """An outcome in words, or None for a value that is not one (a changed definition may hold anything)."""
    return outcome_name(outcome) if outcome in OUTCOMES else None

def _v(value):
    return "无" if value in (None, "", []) else str(value)


def _fields(old, new, handlers, other=OTHER):
    """Sentences for the fields that differ, from `handlers` (field → function of the old and new values).
    A handler of None ignores its field; a field without a handler gets the sentence `other`. (A handler returns
    no sentence only when the change is told elsewhere, as a rating item's options are, under the scale.)"""
    out, missed = [], False
    for key in dict.fromkeys([*handlers, *sorted({*old, *new})]):
        a, b = old.get(key), new.get(key)
        # a field added to the format since a release is absent from its archive: absent is empty
        if a == b or (not a and not b and a in (None, [], {}) and b in (None, [], {})) or (
                key in handlers and handlers[key] is None):
            continue
        if key in handlers:
            out += handlers[key](a, b)
        else:
            missed = True
    return list(dict.fromkeys(out + [other] * missed))


def _to(label, show=_v):
    return lambda a, b: [f"{label}：{show(a)} → {show(b)}"]


def _attr(label, show=_v):
    return lambda a, b: [f"{label} {show(a)} → {show(b)}"]


def _renamed(prefix=""):
    return lambda a, b: [f"{prefix}改名：{a} → {b}"]


def _said(sentence):
    return lambda a, b: [sentence]


def _texts(label, show=str):
    """Lists of sentences or names: what was added, what was removed."""
    def diff(old, new):
        old, new = [show(x) for x in old or []], [show(x) for x in new or []]
        before, after = Counter(old), Counter(new)
        out = [f"{label}新增：{x}" for x in (after - before).elements()]
        out += [f"{label}删除：{x}" for x in (before - after).elements()]
        return out or [f"{label}{'顺序有调整' if old != new else '有修改'}"]
    return diff


def _collection(old, new, describe, noun, prefix="", key="id", label=lambda x: x["name"], detail=lambda x: ""):
    """Entries matched by `key`: added or changed (in the new order), removed, reordered."""
    before, after = {x[key]: x for x in old or []}, {x[key]: x for x in new or []}
    out = []
    for k, x in after.items():
        if k not in before:
            out.append(f"{prefix}新增{noun}“{label(x)}”{detail(x)}")
        elif before[k] != x:
            out += describe(before[k], x)
    out += [f"{prefix}删除{noun}“{label(x)}”" for k, x in before.items() if k not in after]
    if [k for k in before if k in after] != [k for k in after if k in before]:
        out.append(f"{prefix}{noun}顺序有调整")
    return out


def _amount(value):
    """30000 → "3 万": the thresholds of pay and bonus tables read as HR writes them."""
    try:
        number = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return _v(value)
    return f"{fmt(number / 10000)} 万" if abs(number) >= 10000 and number % 100 == 0 else fmt(number)


def _say(expr, rule, default="无"):
    if not expr:
        return default
    try:
        return formula.describe(formula.parse(expr), vocabulary(rule))
    except ExprError:
        return expr


def _parts(expr, rule):
    """A formula in words, one entry per condition joined by `and`."""
    try:
        return [formula.describe(c, vocabulary(rule)) for c in formula.clauses(formula.parse(expr))] if expr else []
    except ExprError:
        return [expr]


def _formulas(label, old_rule, new_rule, default="无"):
    def diff(a, b):
        if a and b and _parts(a, {}) == _parts(b, {}):  # the same formula, spaced differently
            return []
        before, after = _parts(a, old_rule), _parts(b, new_rule)
        changed = [(x, y) for x, y in zip(before, after) if x != y]
        if len(before) == len(after) and 0 < len(changed) < len(before):  # only some of the conditions: just those
            return [f"{label}中的一项：{x} → {y}" for x, y in changed]
        before, after = _say(a, old_rule, default), _say(b, new_rule, default)
        if before == after:  # different formulas that read the same: show the formulas themselves
            before, after = a, b
        return [f"{label}：{before} → {after}"]
    return diff


class _Books:
    """Names by id, from the new rulebook or else the old one (for what was removed)."""

    def __init__(self, old, new):
        self.index = {key: {d["id"]: d for rb in (old, new) for d in rb.get(key, [])}
                      for key in ("departments", "roles", "skills", "scales", "standards", "rules")}

    def name(self, key, ident):
        found = self.index[key].get(ident)
        return found["name"] if found else _v(ident)

    def level(self, skill_id, level_id):
        skill = self.index["skills"].get(skill_id)
        scale = self.index["scales"].get(skill["scale"]) if skill else None
        return next((lv["name"] for lv in scale["levels"] if lv["id"] == level_id), level_id) if scale else level_id


# --- items and fields (standards' items, rules' input fields) ---------------------------------------

def _item(noun, sections=None, ratings=None):
    def describe(old, new):
        q = f"“{new['name']}”"
        rated = old.get("scale") and old.get("scale") == new.get("scale")
        return _fields(old, new, {
            "name": _renamed(noun), "kind": _attr(q + "类型", lambda k: KINDS.get(k, _v(k))),
            **{key: _attr(q + word) for key, word in ITEM_WORDS.items()},
            "description": _said(f"{q}的说明有修改"),
            "assumed": lambda a, b: [f"{q}标明的本手册假设：{b}" if b else f"{q}不再标为本手册的假设"],
            "optional": lambda a, b: [f"{q}改为{'可不填' if b else '必填'}"],
            "scored": lambda a, b: [f"{q}改为{'不计分（只作前提条件）' if b is False else '计分'}"],
            "scale": _attr(q + "所用评分量表", lambda s: (ratings or {}).get(s, _v(s))),
            # a rating item's options are its rating scale's: told once, under the scale
            "options": lambda a, b: [] if rated else _options(a, b, q),
            "checks": lambda a, b: _checks(a, b, q),
            "bands": lambda a, b: [f"{q}的分档改为：{_item_bands(b)}"],
            "section": lambda a, b: [f"{q}移到“{(sections or {}).get(b, b)}”部分"],
        }, f"{q}的其他设置有修改")
    return describe


def _item_bands(bands):
    return "；".join(f"≥ {band['min']} 得 {band['points']} 分" for band in bands or []) or "不分档"


def _options(old, new, q):
    scored = any(o.get("points") not in (None, "0") for o in [*(old or []), *(new or [])])

    def option(a, b):
        r = f"{q}选项“{b['label']}”"
        return _fields(a, b, {"label": _renamed(q + "选项"), "points": _attr(r + "分值")}, r + "的其他设置有修改")
    return _collection(old, new, option, "选项", q, label=lambda o: o["label"],
                       detail=lambda o: f"（{o['points']} 分）" if scored else "")


def _checks(old, new, q):
    def check(a, b):
        r = f"{q}勾选项“{b['label']}”"
        return _fields(a, b, {"label": _renamed(q + "勾选项"), "points": _attr(r + "分值"),
                              "fatal": lambda x, y: [r + ("改为致命错误" if y else "不再是致命错误")]},
                       r + "的其他设置有修改")
    return _collection(old, new, check, "勾选项", q, label=lambda c: c["label"],
                       detail=lambda c: f"（{c['points']} 分）")


def _flat(sections):
    return [{**item, "section": s["id"]} for s in sections or [] for item in s["items"]]


# --- one function per area ----------------------------------------------------------------------------

def _organisation(old, new, books):
    return _fields(old, new, {"name": _renamed(), "effective_date": None,  # in the version's heading
                              "summary": _said(NOTES), "notes": _said(NOTES)})


def _department(old, new, books):
    return _fields(old, new, {"name": _renamed(), "parent": _to("上级部门", partial(books.name, "departments")),
                              "summary": _said(NOTES), "customer_needs": _texts("客户需求"),
                              "external_inputs": _texts("外部信息"), "served": _texts("直接影响对象"),
                              "outputs": _texts("工作产出"), "partners": _texts("主要协同部门"),
                              "notes": _said(NOTES), "source": _said(NOTES)})


def _role(old, new, books):
    return _fields(old, new, {
        "name": _renamed(), "aliases": _texts("别名"),
        "department": _to("所属部门", partial(books.name, "departments")), "category": _to("岗位类别"),
        "reports_to": _to("直接上级", partial(books.name, "roles")), "direct_reports": None,
        "collaboration": lambda a, b: _fields(a or {}, b or {}, {"internal": _texts("内部协作"),
                                                                 "external": _texts("外部协作")}),
        "pay_grade": _to("薪酬等级"), "subordinates": _texts("直接下级"), "duties": _texts("职责"),
        "requirements": _texts("任职资格"),
        "competencies": lambda a, b: _competencies(a or [], b or [], books),
        "standards": _texts("适用的标准", partial(books.name, "standards")),
        "rules": _texts("适用的规则", partial(books.name, "rules")), "tags": _texts("标签"),
        "summary": _said(NOTES), "source": _said(NOTES), "notes": _said(NOTES)})


def _competencies(old, new, books):
    before, after = {r["skill"]: r["level"] for r in old}, {r["skill"]: r["level"] for r in new}
    skill = partial(books.name, "skills")
    out = []
    for s, level in after.items():
        if s not in before:
            out.append(f"要求的能力新增：{skill(s)} {books.level(s, level)}")
        elif before[s] != level:
            out.append(f"要求的能力等级：{skill(s)} {books.level(s, before[s])} → {books.level(s, level)}")
    out += [f"要求的能力删除：{skill(s)} {books.level(s, level)}" for s, level in before.items() if s not in after]
    return out or ["要求的能力顺序有调整"]


def _skill(old, new, books):
    def label(lv):
        return books.level(new["id"], lv["level"])

    def level(a, b):
        return [f"等级“{label(b)}”的行为描述改为：{b['description']}"]
    return _fields(old, new, {
        "name": _renamed(), "group": _to("能力类别"), "scale": _to("所用量表", partial(books.name, "scales")),
        "levels": lambda a, b: _collection(a, b, level, "等级", key="level", label=label,
                                           detail=lambda lv: f"：{lv['description']}"),
        "description": _said(NOTES), "source": _said(NOTES), "notes": _said(NOTES)})


def _scale(old, new, books):
    def level(a, b):
        q = f"等级“{b['name']}”"
        return _fields(a, b, {"name": _renamed("等级"), "description": lambda x, y: [f"{q}的含义改为：{_v(y)}"]},
                       f"{q}的其他设置有修改")
    return _fields(old, new, {"name": _renamed(), "description": _said(NOTES),
                              "levels": lambda a, b: _collection(a, b, level, "等级")})


def _standard(old, new, books):
    ratings = {s["id"]: s["name"] for std in (old, new) for s in std.get("rating_scales", [])}
    item = _item("项目", {s["id"]: s["name"] for std in (old, new) for s in std.get("sections") or []}, ratings)

    def section(a, b):
        # a standard written without sections has one, named after the standard: renamed with it
        implicit = a["name"] == old["name"] and b["name"] == new["name"]
        q = f"部分“{b['name']}”"
        return _fields(a, b, {"name": None if implicit else _renamed("部分"), "scale": _attr(q + "系数"),
                              "note": _said(f"{q}的说明有修改"), "items": None}, f"{q}的其他设置有修改")

    def band(a, b):
        q = f"职级“{b['name']}”"
        return _fields(a, b, {"name": _renamed("职级"), "min": _attr(q + "分数下限"), "max": _attr(q + "分数上限"),
                              "requires": _texts(q + "的前提条件", _condition), "pay": _attr(q + "薪酬"),
                              "note": _said(f"{q}的说明有修改")}, f"{q}的其他设置有修改")

    def rating(a, b):
        q = f"评分量表“{b['name']}”"
        return _fields(a, b, {"name": _renamed("评分量表"), "options": lambda x, y: _options(x, y, q)},
                       f"{q}的其他设置有修改")
    return _fields(old, new, {
        "name": _renamed(), "aliases": _texts("别名"), "period": _to("评定周期"),
        "method": _to("计分方式", lambda m: METHODS.get(m, _v(m))), "precision": _to("保留小数位数"),
        "weights_total": lambda a, b: [f"权重合计写明为 {b['total']}%（{b['reason']}）" if b
                                       else "不再写明权重合计（按 100% 计）"],
        "rating_scales": lambda a, b: _collection(a, b, rating, "评分量表"),
        "sections": lambda a, b: _collection(a, b, section, "部分") + _collection(_flat(a), _flat(b), item, "项目"),
        "requires": _texts("参评资格", _condition),
        "bands": lambda a, b: _collection(a, b, band, "职级", key="grade", detail=lambda x: f"（{x['min']} 分起）"),
        "examples": _said("算例有修改"), "summary": _said(NOTES), "notes": _said(NOTES), "source": _said(NOTES)})


def _condition(condition):
    return condition.get("text") or f"{condition.get('item')} {condition.get('op')} {condition.get('value')}"


def _rule(old, new, books):
    def at_levels(rule):
        names = {lv["id"]: lv["name"] for lv in rule.get("levels", [])}
        return lambda ids: "、".join(names.get(i, i) for i in ids) if ids else "所有级别"

    def outcome(a, b):
        q = f"判定“{b['reason']}”"
        return _fields(a, b, {
            "when": _formulas(q + "的条件", old, new), "outcome": _to(q + "的结果", _outcome),
            "reason": _to("判定理由"), "steps": _formulas(q + "升降的级数", old, new, "1"),
            "at_levels": lambda x, y: [f"{q}适用的级别：{at_levels(old)(x)} → {at_levels(new)(y)}"],
            "probation_months": lambda x, y: [f"{q}的考察期：{x or 0} → {y or 0} 个月"],
        }, f"{q}的其他设置有修改")

    def level(a, b):
        q = f"级别“{b['name']}”"
        return _fields(a, b, {"name": _renamed("级别"), "pay": _attr(q + "月薪", lambda x: f"{x} 元" if x else "无"),
                              "note": _said(f"{q}的说明有修改"),
                              "ladder": _attr(q + "所属阶梯", lambda x: x or "无")}, f"{q}的其他设置有修改")

    def value(a, b):
        q = f"计算值“{b['name']}”"
        return _fields(a, b, {"name": _renamed("计算值"), "expr": _formulas(q + "的算法", old, new),
                              "unit": _attr(q + "单位")}, f"{q}的其他设置有修改")

    return _fields(_tables_listed(old), _tables_listed(new), {
        "name": _renamed(), "period": _to("每期长度", lambda p: PERIODS.get(p, _v(p))),
        "min_periods": _to("至少需要的期数"),
        "levels": lambda a, b: _collection(a, b, level, "级别", detail=lambda x: "".join(
            [f"（阶梯：{x['ladder']}）" if x.get("ladder") else "",
             f"（月薪 {x['pay']} 元）" if x.get("pay") else ""])),
        "person": lambda a, b: _collection(a, b, _item("个人信息字段"), "个人信息字段"),
        "periods": lambda a, b: _collection(a, b, _item("每期数据字段"), "每期数据字段"),
        "tables": lambda a, b: _collection(a, b, _table, "分档表"),
        "values": lambda a, b: _collection(a, b, value, "计算值", detail=lambda x: f"：{_say(x['expr'], new)}"),
        "outcomes": lambda a, b: _collection(
            a, b, outcome, "判定", label=lambda o: o["reason"],
            detail=lambda o: f"（{_outcome(o['outcome']) or o['outcome']}），条件：{_say(o['when'], new)}"),
        "pay": _formulas("工资计算", old, new), "bonus": _formulas("奖金计算", old, new),
        "examples": _said("算例有修改"), "summary": _said(NOTES), "notes": _said(NOTES), "source": _said(NOTES)})


def _tables_listed(rule):
    """A rule's tables ({id: rows}, names apart in `table_names`) as a list of entries like its other lists."""
    names = rule.get("table_names") or {}
    listed = [{"id": t, "name": names.get(t, t), "rows": rows} for t, rows in (rule.get("tables") or {}).items()]
    return {**{k: v for k, v in rule.items() if k != "table_names"}, "tables": listed}


def _table(old, new):
    name = new["name"]

    def row(a, b):
        return [f"{name}：{_amount(b['min'])}起 {_amount(a['value'])} → {_amount(b['value'])}"]
    return _fields(old, new, {"name": _renamed("分档表"), "rows": lambda a, b: _collection(
        a, b, row, "档位", name, key="min", label=lambda r: f"{_amount(r['min'])}起 {_amount(r['value'])}")},
        f"分档表“{name}”的其他设置有修改")


def _process(old, new, books):
    return _fields(old, new, {
        "name": _renamed(), "aliases": _texts("别名"), "steps": _texts("步骤", lambda step: step["name"]),
        "roles": _texts("涉及的岗位", partial(books.name, "roles")),
        "standards": _texts("用到的标准", partial(books.name, "standards")),
        "rules": _texts("用到的规则", partial(books.name, "rules")),
        "summary": _said(NOTES), "source": _said(NOTES), "notes": _said(NOTES)})


def _policy(old, new, books):
    return _fields(old, new, {
        "name": _renamed(), "aliases": _texts("别名"), "roles": _texts("适用岗位", partial(books.name, "roles")),
        "clauses": _texts("规定", lambda clause: clause["text"] + (f"（后果：{clause['consequence']}）"
                                                                  if clause.get("consequence") else "")),
        "rules": _texts("计算后果的规则", partial(books.name, "rules")),
        "summary": _said(NOTES), "source": _said(NOTES), "notes": _said(NOTES)})


# each kind's function describing two versions of one definition, in the order the changelog lists them
DESCRIBE = {"department": _department, "role": _role, "skill": _skill, "scale": _scale, "standard": _standard,
            "rule": _rule, "process": _process, "policy": _policy}
# area → (rulebook key, noun in 新增/删除 sentences, its describing function)
AREAS = {"机构": ("organisation", "机构", _organisation),
         **{BY_NAME[kind].noun.text("zh"): (BY_NAME[kind].key, BY_NAME[kind].noun.text("zh"), describe)
            for kind, describe in DESCRIBE.items()}}


def _by_id(rulebook, key):
    if key == "organisation":
        return {"organisation": {"id": "organisation", **rulebook.get("organisation", {})}}
    return {d["id"]: d for d in rulebook.get(key, [])}


# --- public ---------------------------------------------------------------------------------------------

def compare(old, new):
    """The changes from rulebook `old` to rulebook `new`, one sentence each."""
    books = _Books(old, new)
    out = []
    for area, (key, noun, describe) in AREAS.items():
        before, after = _by_id(old, key), _by_id(new, key)
        for ident, d in after.items():
            if ident not in before:
                sentences = [f"新增{noun}“{d['name']}”"]
            else:
                sentences = describe(before[ident], d, books) if before[ident] != d else []
            out += [Change(area, ident, d["name"], s) for s in sentences]
        out += [Change(area, ident, d["name"], f"删除{noun}“{d['name']}”") for ident, d in before.items()
                if ident not in after]
    return out


def changed_ids(old, new, areas=("岗位", "标准", "规则")):
    """Ids of the definitions in `areas` that were added, removed or changed. (A role and a rule may share an
    id: pass one area to tell them apart.)"""
    return {c.subject_id for c in compare(old, new) if c.area in areas}


def changes_markdown(history):
    """Markdown for the 版本变更 page (no title): `history` is [(version, effective_date, rulebook), …],
    oldest first; each version is compared with the one before it."""
    blocks = []
    for i in range(len(history) - 1, -1, -1):
        version, date, rulebook = history[i]
        blocks.append(f"## 版本 {md(version)}（生效日期 {md(date)}）")
        blocks.append(FIRST if i == 0 else _markdown_list(compare(history[i - 1][2], rulebook)) or SAME)
    return "\n\n".join(blocks) + "\n"


def _markdown_list(changes):
    blocks = []
    for area in AREAS:
        lines, subject = [], None
        for change in (c for c in changes if c.area == area):
            if change.subject_id != subject:
                lines.append(f"- **{md(change.subject)}**")
                subject = change.subject_id
            lines.append(f"    - {md(change.text)}")
        if lines:
            blocks.append(f"### {area}\n\n" + "\n".join(lines))
    return "\n\n".join(blocks)
