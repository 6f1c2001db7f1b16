"""The 格式参考 page: every file kind, every field, every item kind and every formula function, written from
the model that validates the files and writes their JSON Schema — so the page cannot drift from what the
validator accepts. Function examples are computed by the engine itself on a small history."""

from decimal import Decimal

from assessment import formula
from assessment.numbers import fmt

from ..definitions import kinds, model
from ..definitions.schema_types import (MISSING, Any, Boolean, Date, Enum, Formula, Ident, ListOf, Number, Obj,
                                        Tagged, Text)
from .escape import text as md

REFS = {**{kind.name: kind.noun.text("zh") for kind in kinds.KINDS},
        # item: conditions; level: outcomes' at_levels
        "rating_scale": "本标准的评分量表", "item": "本标准中项目", "level": "本规则中级别"}
# the model names its mappings in English (they title the JSON Schema); the page says them in Chinese
TITLES = {"band": "分数段（职级）", "check": "勾选项", "collaboration": "协作", "condition": "条件",
          "department": "部门", "example": "算例", "expectation": "算例的期望结果", "level": "级别",
          "level descriptor": "等级描述", "number band": "数值分档", "option": "选项", "outcome rule": "结果条目",
          "rating scale": "评分量表", "required competency": "能力要求", "row": "档位", "scale": "量表",
          "scale level": "量表等级", "section": "部分",
          "table": "分档表", "value": "计算值", "declared weights total": "声明的权重合计",
          "source document": "原始文档", "source section": "原文的一节", "process step": "流程的一步",
          "policy clause": "制度的一条"}

# (expression, what it means, periods given) — the result column is computed by the engine
HISTORY = [{"score": Decimal(88), "rank": Decimal(2)}, {"score": Decimal(92), "rank": Decimal(5)},
           {"score": Decimal(95), "rank": Decimal(1)}]
FUNCTIONS = {
    "avg": ("avg(score, 2)", "最近 2 期的平均值；不写期数时为全部各期"),
    "total": ("total(score)", "各期之和；可写期数，如 total(score, 3)"),
    "count": ("count(score >= 90)", "满足条件的期数；可写期数"),
    "streak": ("streak(rank <= 3)", "截至最近一期连续满足条件的期数"),
    "longest_streak": ("longest_streak(rank <= 3)", "连续满足条件的最长期数；可写期数"),
    "last": ("last(score)", "最近一期的值"),
    "periods": ("periods()", "已填写的期数"),
    "min": ("min(last(score), 90)", "两数中较小者"),
    "max": ("max(last(score), 100)", "两数中较大者"),
    "floor": ("floor(avg(score))", "向下取整"),
    "round": ("round(avg(score), 1)", "四舍五入到指定位数（不写为整数）"),
    "lookup": ("lookup(bonus_rate, total(score))", "在分档表中查值：取下限不超过该数的最后一档"),
    "if": ("if(last(score) >= 90, 1, 0)", "条件成立取第二个值, 否则取第三个"),
}
TABLES = {"bonus_rate": [{"min": "0", "value": "0.01"}, {"min": "200", "value": "0.02"},
                         {"min": "300", "value": "0.03"}]}


def reference_markdown():
    parts = [_INTRO]
    for place, (_, spec) in kinds.FILE_KINDS.items():
        where = place if place.endswith(".yaml") else f"{place}/*.yaml"
        parts.append(f"## {where}：{kinds.CONTENTS[place]}\n\n{_fields_table(spec)}")
        parts += [f"#### {_title(title)}\n\n{_fields_table(obj)}" for title, obj in _nested(spec, {"项目"})]
    parts.append(_items())
    parts.append(_functions())
    return "\n\n".join(parts) + "\n"


_INTRO = ("# 格式参考\n\n"
          "每个 YAML 文件写什么，逐项列出。本页由校验规则本身生成，与 `handbook validate`（或 `make validate`）"
          "接受的格式完全一致：“必填”的字段不写会报错，其余字段不写时取“默认”。"
          "标识（id）只能用小写英文字母、数字和下划线，以字母开头。"
          "新建文件可以用 `handbook new role|skill|standard|rule 标识`，写好即可通过校验。")


def _fields_table(obj):
    rows = ["| 字段 | 类型 | 必填 | 默认 | 说明 |", "|---|---|---|---|---|"]
    for field in obj.fields.values():
        default = "" if field.required or field.default is MISSING else _default(field.default)
        doc = (field.doc or "").split(" / ")[0]  # the model's docs add English after " / " for the schema
        rows.append(f"| `{field.name}` | {_type(field.type)} | {'是' if field.required else ''} | {default} "
                    f"| {md(doc)} |")
    return "\n".join(rows)


def _title(title):
    return md(TITLES.get(title, title))


def _default(value):
    if isinstance(value, dict):
        return "空"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if value in ([], ""):
        return "空" if value == "" else "`[]`"
    return f"`{fmt(value) if isinstance(value, Decimal) else value}`"


def _type(spec):
    if isinstance(spec, Ident):
        return f"{REFS[spec.ref]}的标识" if spec.ref else "标识"
    if isinstance(spec, Formula):
        return "公式（见下方“公式函数”）"
    if isinstance(spec, Number):
        return "整数" if spec.integer else "数字"
    if isinstance(spec, Enum):
        return " / ".join(f"`{v}`" for v in spec.values)
    if isinstance(spec, ListOf):
        return f"列表，每项为{_type(spec.of)}"
    if isinstance(spec, Tagged):
        return "项目（见下方“项目的种类”）"
    if isinstance(spec, Obj):
        return f"映射（见“{_title(spec.title)}”）"
    return {Text: "文字", Boolean: "`true` / `false`", Date: "日期 YYYY-MM-DD", Any: "任意"}.get(type(spec), "文字")


def _nested(spec, seen):
    """(title, Obj) for every mapping inside spec, once each, in reading order (items have their own section)."""
    found = []
    for field in spec.fields.values():
        inner = field.type.of if isinstance(field.type, ListOf) else field.type
        if isinstance(inner, Obj) and inner.title not in seen:
            seen.add(inner.title)
            found.append((inner.title, inner))
            found += _nested(inner, seen)
    return found


def _items():
    tagged = model.ITEM
    parts = ["## 项目的种类\n\n标准的 `items`（或各部分的 `items`）与规则的 `person`、`periods` 中，每一项用 `kind` "
             "说明种类。所有种类都有下表的字段，各种类另有自己的字段。"]
    common = next(iter(tagged.variants.values()))
    shared = [f for f in common.fields.values() if all(f.name in v.fields for v in tagged.variants.values())]
    parts.append(_fields_table(Obj("common", shared)))
    for kind, variant in tagged.variants.items():
        own = Obj(kind, [f for f in variant.fields.values() if f not in shared and f.name != tagged.tag])
        parts.append(f"### `kind: {kind}`：{md(variant.doc)}\n\n{_fields_table(own)}")
        parts += [f"#### {_title(title)}\n\n{_fields_table(obj)}" for title, obj in _nested(own, set())]
    return "\n\n".join(parts)


def _functions():
    scope = formula.Scope({}, HISTORY, TABLES)
    rows = ["| 函数 | 含义 | 例子 | 结果 |", "|---|---|---|---|"]
    for name in formula.FUNCTIONS:
        example, meaning = FUNCTIONS[name]
        result = formula.evaluate(formula.parse(example), scope)
        shown = ("成立" if result else "不成立") if isinstance(result, bool) else fmt(result)
        rows.append(f"| `{name}` | {md(meaning)} | `{example}` | {shown} |")
    history = "；".join(f"第 {i} 期 score = {fmt(p['score'])}、rank = {fmt(p['rank'])}"
                       for i, p in enumerate(HISTORY, 1))
    table = "；".join(f"{fmt(Decimal(r['min']))} 起 {r['value']}" for r in TABLES["bonus_rate"])
    return ("## 公式函数\n\n规则的 `when`（条件）、`values`（计算值）、`pay`、`bonus` 用公式书写：字段名、数字、"
            "`+ - * /`、比较 `== != < <= > >=`、`and or not` 与下列函数。例子的结果由计分引擎按这段历史算出："
            f"{history}；分档表 bonus_rate：{table}。\n\n" + "\n".join(rows))
