"""Turn checked YAML data into the engine's normalised form (the shape the rulebook holds).

Shorthands are expanded here, once: top-level `items` become one section, rating items become
choices over their scale, conditions get an operator and a sentence, numbers become strings.
Each function also returns where each item came from, so later checks can point at YAML lines.
"""

from decimal import Decimal

from assessment.items import unit_of
from assessment.messages import say
from assessment.numbers import fmt

from . import model
from .schema_types import ListOf, Number, Obj


def num(value):
    return fmt(Decimal(value)) if value is not None else None


def _options(options):
    """A rating scale's options, as a choice item's are written (the model's OPTION)."""
    return [fields(model.OPTION, option) for option in options]


def fields(spec: Obj, data: dict, skip=()) -> dict:
    """`data` (checked against `spec`) as the rulebook holds it, walking the model: each field written as its
    `keep` says, numbers as decimal strings (integers as they are), lists and mappings field by field."""
    out = {}
    for name, field in spec.fields.items():
        if name in skip:
            continue
        value = data.get(name, field.absent)
        if (field.keep == "given" and value is None) or (field.keep == "truthy" and not value) \
                or (field.keep == "changed" and value == field.default):
            continue
        out[name] = _value(field.type, value)
    return out


def _value(spec, value):
    if value is None:
        return None
    if isinstance(spec, Number):
        return value if spec.integer else num(value)
    if isinstance(spec, Obj):
        return fields(spec, value)
    if isinstance(spec, ListOf):
        return [_value(spec.of, v) for v in value]
    return value


def item(data, rating_scales=None):
    """A normalised item (or rule input field): its kind's fields from the model; a rating item becomes a choice
    over its rating scale's options (the one shorthand)."""
    kind = data["kind"]
    out = {"id": data["id"], "name": data["name"], "kind": kind}
    out.update(fields(model.ITEM.variants[kind], data, skip=("id", "name", "kind")))
    if kind == "rating":
        scale = (rating_scales or {}).get(data["scale"])
        out["kind"] = "choice"
        out["options"] = _options(scale["options"]) if scale else []
    return out


def condition(data, items_by_id, sections_by_id=None):
    op = next((k for k in model.CONDITION_OPERATOR.names if k in data), None)
    value = data.get(op)
    if isinstance(value, Decimal) or (isinstance(value, int) and not isinstance(value, bool)):
        value = num(value)
    if data.get("section") is not None and data.get("item") is None:  # a pass mark on a part
        section = (sections_by_id or {}).get(data["section"])
        text = data.get("text") or (say("condition.section_at_least", name=section["name"], value=value)
                                    if section and op == "at_least" else "")
        return {"section": data["section"], "op": op, "value": value, "text": text}
    target = items_by_id.get(data.get("item"))
    text = data.get("text") or (describe_condition(target, op, value) if target and op else "")
    return {"item": data.get("item"), "op": op, "value": value, "text": text}


def describe_condition(target, op, value):
    """A condition in the words of the language being spoken (the handbook's, while compiling)."""
    name = target["name"]
    labels = {o["id"]: o["label"] for o in target.get("options", [])}
    if op == "at_least" and target["kind"] == "choice":
        return say("condition.at_least_option", name=name, option=labels.get(value, value))
    if op == "at_least":
        return say("condition.at_least", name=name, value=value, unit=unit_of(target))
    if op == "one_of":
        return say("condition.one_of", name=name,
                   options=say("condition.or").join(say("condition.quoted", text=labels.get(v, v)) for v in value))
    if target["kind"] == "boolean":
        return say("condition.yes_no", name=name, answer=say("item.yes" if value else "item.no"))
    return say("condition.equals", name=name, option=labels.get(value, value))


def standard(data):
    """(normalised standard, {item id: yaml path})."""
    scales = {s["id"]: s for s in data.get("rating_scales", [])}
    paths, sections = {}, []
    if data.get("sections"):
        raw_sections = [(s, ("sections", i)) for i, s in enumerate(data["sections"])]
    else:
        raw_sections = [({"id": "main", "name": data["name"], "scale": Decimal(1), "items": data.get("items", [])},
                         ())]
    for sec, sec_path in raw_sections:
        items = []
        for i, raw in enumerate(sec["items"]):
            items.append(item(raw, scales))
            paths.setdefault(raw["id"], sec_path + ("items", i))
        out = {"id": sec["id"], "name": sec["name"], "scale": num(sec.get("scale", 1)), "items": items}
        if sec.get("note"):
            out["note"] = sec["note"]
        sections.append(out)
    items_by_id = {i["id"]: i for s in sections for i in s["items"]}
    sections_by_id = {s["id"]: s for s in sections} if data.get("sections") else {}
    bands = []
    for b in data.get("bands", []):
        band = {"grade": b["grade"], "name": b["name"], "min": num(b["min"]), "max": num(b.get("max")),
                "requires": [condition(c, items_by_id, sections_by_id) for c in b.get("requires", [])]}
        for key in ("pay", "note"):
            if b.get(key):
                band[key] = b[key]
        bands.append(band)
    out = {
        "id": data["id"], "name": data["name"], "aliases": data.get("aliases", []),
        "summary": data.get("summary", ""), "period": data.get("period", ""),
        "method": data["method"], "precision": data["precision"], "sections": sections,
        "requires": [condition(c, items_by_id, sections_by_id) for c in data.get("requires", [])],
        "bands": bands, "notes": data.get("notes", []), "source": data.get("source", ""),
        "weights_total": plain(data["weights_total"]) if data.get("weights_total") else None,
        "rating_scales": [{"id": s["id"], "name": s.get("name", s["id"]), "options": _options(s["options"])}
                          for s in data.get("rating_scales", [])],
        "examples": [plain(e) for e in data.get("examples", [])],
    }
    return out, paths


def rule(data):
    out = {
        "id": data["id"], "name": data["name"], "summary": data.get("summary", ""), "period": data.get("period"),
        "min_periods": data["min_periods"] if data.get("periods") else 0,  # a rule over facts about the person only
        "levels": [{"id": lv["id"], "name": lv["name"], "pay": num(lv.get("pay")),
                    **({"note": lv["note"]} if lv.get("note") else {}),
                    **({"ladder": lv["ladder"]} if lv.get("ladder") else {})} for lv in data.get("levels", [])],
        "person": [item(f) for f in data.get("person", [])],
        "periods": [item(f) for f in data.get("periods", [])],
        "tables": {t["id"]: [{"min": num(r["min"]), "value": num(r["value"])} for r in t["rows"]]
                   for t in data.get("tables", [])},
        "table_names": {t["id"]: t.get("name", t["id"]) for t in data.get("tables", [])},
        "values": [{"id": v["id"], "name": v["name"], "expr": v["expr"], "unit": v.get("unit", ""),
                    **({"places": int(v["places"])} if v.get("places") is not None else {})}
                   for v in data.get("values", [])],
        "outcomes": [{"outcome": "stay", **{k: v for k, v in o.items() if v is not None}}  # a label alone moves no one
                     for o in data["outcomes"]],
        "pay": data.get("pay"), "bonus": data.get("bonus"),
        "notes": data.get("notes", []), "source": data.get("source", ""),
        "examples": [plain(e) for e in data.get("examples", [])],
    }
    return out


def plain(value):
    """YAML data with Decimals turned into canonical strings, for JSON."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, Decimal):
        return fmt(value)
    return value
