"""The 格式参考 (format reference) page: every file kind, every field, every item kind and every formula function,
written from the model that validates the files and writes their JSON Schema — so the page cannot drift from what
the validator accepts. Function examples are computed by the engine itself on a small history.

It speaks the handbook's language: its own words are the catalogs' `reference.*`. What a field, a mapping or a
kind of item means is the model's doc, said through definitions/docs.py (the catalogs' `field.*` and `object.*`);
what a file holds is kinds.py's, `reference.file.*`; what a function does is FUNCTIONS' below,
`reference.function.NAME`. In Chinese each of these is the text where it is written, passed through (`{doc}`)."""

import contextlib
from decimal import Decimal

from assessment import formula
from assessment.messages import listed, say, speaking
from assessment.numbers import fmt

from ..definitions import kinds, model
from ..definitions.docs import described
from ..definitions.schema_types import (MISSING, Any, Boolean, Date, Enum, Formula, Ident, ListOf, Number, Obj,
                                        Tagged)
from .escape import text as md

# what an id refers to: a kind's noun (kind.NAME), or one of these (an item: conditions; a level: outcomes')
REFS = ("rating_scale", "item", "level", "outcome", "value", "section")

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


def reference_markdown(lang=None):
    """The page in `lang`; when None, in the language being spoken (the page build speaks the handbook's)."""
    with speaking(lang) if lang else contextlib.nullcontext():
        parts = [f"# {say('reference.title')}\n\n{say('reference.intro')}"]
        for place, (schema, spec) in kinds.FILE_KINDS.items():
            where = place if place.endswith(".yaml") else f"{place}/*.yaml"
            contents = say(f"reference.file.{schema}", doc=kinds.CONTENTS[place])
            parts.append(f"## {say('reference.file_heading', where=where, contents=contents)}\n\n"
                         f"{_fields_table(spec)}")
            parts += [f"#### {_title(title)}\n\n{_fields_table(obj)}" for title, obj in _nested(spec, {"项目"})]
        parts.append(_items())
        parts.append(_functions())
        return "\n\n".join(parts) + "\n"


def _fields_table(obj):
    columns = (say(f"reference.column.{c}") for c in ("field", "type", "required", "default", "doc"))
    rows = [f"| {' | '.join(columns)} |", "|---|---|---|---|---|"]
    for field in obj.fields.values():
        default = "" if field.required or field.default is MISSING else _default(field.default)
        doc = described(field).split(" / ")[0]  # the model's Chinese docs add English after " / " for the schema
        rows.append(f"| `{field.name}` | {_type(field.type)} | {say('reference.required') if field.required else ''} "
                    f"| {default} | {md(doc)} |")
    return "\n".join(rows)


def _title(title):
    return md(say(f"reference.title.{title.replace(' ', '_')}"))


def _default(value):
    if isinstance(value, dict):
        return say("reference.empty")
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if value in ([], ""):
        return say("reference.empty") if value == "" else "`[]`"
    return f"`{fmt(value) if isinstance(value, Decimal) else value}`"


def _ref(name):
    return say(f"reference.ref.{name}") if name in REFS else kinds.BY_NAME[name].noun.text()


def _type(spec):
    if isinstance(spec, Ident):
        return say("reference.type.ref_id", ref=_ref(spec.ref)) if spec.ref else say("reference.type.id")
    if isinstance(spec, Formula):
        return say("reference.type.formula")
    if isinstance(spec, Number):
        return say("reference.type.integer" if spec.integer else "reference.type.number")
    if isinstance(spec, Enum):
        return " / ".join(f"`{v}`" for v in spec.values)
    if isinstance(spec, ListOf):
        return say("reference.type.list", of=_type(spec.of))
    if isinstance(spec, Tagged):
        return say("reference.type.item")
    if isinstance(spec, Obj):
        return say("reference.type.mapping", title=_title(spec.title))
    if isinstance(spec, Boolean):
        return "`true` / `false`"
    return say({Date: "reference.type.date", Any: "reference.type.any"}.get(type(spec), "reference.type.text"))


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
    parts = [f"## {say('reference.items.heading')}\n\n{say('reference.items.intro')}"]
    common = next(iter(tagged.variants.values()))
    shared = [f for f in common.fields.values() if all(f.name in v.fields for v in tagged.variants.values())]
    parts.append(_fields_table(Obj("common", shared)))
    for kind, variant in tagged.variants.items():
        own = Obj(kind, [f for f in variant.fields.values() if f not in shared and f.name != tagged.tag])
        heading = say("reference.items.kind_heading", kind=kind, doc=md(described(variant)))
        parts.append(f"### {heading}\n\n{_fields_table(own)}")
        parts += [f"#### {_title(title)}\n\n{_fields_table(obj)}" for title, obj in _nested(own, set())]
    return "\n\n".join(parts)


def _functions():
    scope = formula.Scope({}, HISTORY, TABLES)
    columns = (say(f"reference.column.{c}") for c in ("function", "meaning", "example", "result"))
    rows = [f"| {' | '.join(columns)} |", "|---|---|---|---|"]
    for name in formula.FUNCTIONS:
        example, meaning = FUNCTIONS[name]
        result = formula.evaluate(formula.parse(example), scope)
        shown = say("reference.holds" if result else "reference.fails") if isinstance(result, bool) else fmt(result)
        rows.append(f"| `{name}` | {md(say(f'reference.function.{name}', doc=meaning))} | `{example}` | {shown} |")
    history = listed(say("reference.functions.period", n=i, score=fmt(p["score"]), rank=fmt(p["rank"]))
                     for i, p in enumerate(HISTORY, 1))
    table = listed(say("reference.functions.row", min=fmt(Decimal(r["min"])), value=r["value"])
                   for r in TABLES["bonus_rate"])
    intro = say("reference.functions.intro", history=history, table=table)
    return f"## {say('reference.functions.heading')}\n\n{intro}\n\n" + "\n".join(rows)
