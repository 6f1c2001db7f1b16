"""Turn checked YAML data into the engine's normalised form (the shape the rulebook holds).

Shorthands are expanded here, once: top-level `items` become one section, rating items become
choices over their scale, conditions get an operator and a sentence, numbers become strings.
Each function also returns where each item came from, so later checks can point at YAML lines.
"""

from decimal import Decimal

from assessment.numbers import fmt

from . import model


def num(value):
    return fmt(Decimal(value)) if value is not None else None


def _options(options):
    return [{"id": o["id"], "label": o["label"], "points": num(o.get("points", 0))} for o in options]


def item(data, rating_scales=None):
    """A normalised item (or rule input field)."""
    kind = data["kind"]
    out = {"id": data["id"], "name": data["name"], "kind": kind}
    for key in ("description", "assumed"):
        if data.get(key):
            out[key] = data[key]
    if data.get("optional"):
        out["optional"] = True
    if not data.get("scored", True):
        out["scored"] = False
    if data.get("weight") is not None:
        out["weight"] = num(data["weight"])
    if kind == "rating":
        scale = (rating_scales or {}).get(data["scale"])
        out["kind"] = "choice"
        out["scale"] = data["scale"]
        out["options"] = _options(scale["options"]) if scale else []
    elif kind == "choice":
        out["options"] = _options(data["options"])
    elif kind in ("number", "average"):
        for key in ("min", "max", "step"):
            out[key] = num(data[key])
        if kind == "number":
            out["unit"] = data.get("unit", "")
            if data.get("cohort"):
                cohort = data["cohort"]
                out["cohort"] = {key: cohort[key] for key in ("rank", "within", "min_group", "as")}
            if data.get("bands"):
                out["bands"] = [{"min": num(b["min"]), "points": num(b["points"]),
                                 **({"label": b["label"]} if b.get("label") else {})} for b in data["bands"]]
        else:
            out["min_raters"], out["max_raters"] = data["min_raters"], data["max_raters"]
    elif kind == "count":
        out.update(each=num(data["each"]), cap=num(data["cap"]), max_count=data["max_count"], unit=data["unit"])
    elif kind == "checklist":
        out["base"] = num(data["base"])
        out["floor"], out["cap"] = num(data.get("floor")), num(data.get("cap"))
        out["checks"] = [{"id": c["id"], "label": c["label"], "points": num(c["points"]),
                          **({"fatal": True} if c.get("fatal") else {})} for c in data["checks"]]
    elif kind == "boolean":
        out["yes_points"], out["no_points"] = num(data["yes_points"]), num(data["no_points"])
    elif kind in ("single", "multiple", "true_false", "blank", "essay"):
        out["points"] = num(data["points"])
        for key in ("options", "key", "accepted", "explanation", "reference"):
            if data.get(key) is not None:
                out[key] = [{"id": o["id"], "label": o["label"]} for o in data[key]] if key == "options" else data[key]
        if kind == "multiple":
            out["partial"] = data["partial"]
        if kind == "essay":
            out["step"] = num(data["step"])
    return out


def condition(data, items_by_id):
    op = next((k for k in model.CONDITION_OPERATOR.names if k in data), None)
    value = data.get(op)
    target = items_by_id.get(data["item"])
    if isinstance(value, Decimal) or (isinstance(value, int) and not isinstance(value, bool)):
        value = num(value)
    text = data.get("text") or (describe_condition(target, op, value) if target and op else "")
    return {"item": data["item"], "op": op, "value": value, "text": text}


def describe_condition(target, op, value):
    name = target["name"]
    labels = {o["id"]: o["label"] for o in target.get("options", [])}
    if op == "at_least" and target["kind"] == "choice":
        return f"{name}达到“{labels.get(value, value)}”或以上"
    if op == "at_least":
        return f"{name}不低于 {value}{target.get('unit', '')}"
    if op == "one_of":
        return f"{name}为" + "或".join(f"“{labels.get(v, v)}”" for v in value)
    if target["kind"] == "boolean":
        return f"{name}: {'是' if value else '否'}"
    return f"{name}为“{labels.get(value, value)}”"


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
    bands = []
    for b in data.get("bands", []):
        band = {"grade": b["grade"], "name": b["name"], "min": num(b["min"]), "max": num(b.get("max")),
                "requires": [condition(c, items_by_id) for c in b.get("requires", [])]}
        for key in ("pay", "note"):
            if b.get(key):
                band[key] = b[key]
        bands.append(band)
    out = {
        "id": data["id"], "name": data["name"], "aliases": data.get("aliases", []),
        "summary": data.get("summary", ""), "period": data.get("period", ""),
        "method": data["method"], "precision": data["precision"], "sections": sections,
        "requires": [condition(c, items_by_id) for c in data.get("requires", [])],
        "bands": bands, "notes": data.get("notes", []), "source": data.get("source", ""),
        "weights_total": plain(data["weights_total"]) if data.get("weights_total") else None,
        "rating_scales": [{"id": s["id"], "name": s.get("name", s["id"]), "options": _options(s["options"])}
                          for s in data.get("rating_scales", [])],
        "examples": [plain(e) for e in data.get("examples", [])],
    }
    return out, paths


def rule(data):
    out = {
        "id": data["id"], "name": data["name"], "summary": data.get("summary", ""), "period": data["period"],
        "min_periods": data["min_periods"] if data.get("periods") else 0,  # a rule over facts about the person only
        "levels": [{"id": lv["id"], "name": lv["name"], "pay": num(lv.get("pay")),
                    **({"note": lv["note"]} if lv.get("note") else {}),
                    **({"ladder": lv["ladder"]} if lv.get("ladder") else {})} for lv in data.get("levels", [])],
        "person": [item(f) for f in data.get("person", [])],
        "periods": [item(f) for f in data.get("periods", [])],
        "tables": {t["id"]: [{"min": num(r["min"]), "value": num(r["value"])} for r in t["rows"]]
                   for t in data.get("tables", [])},
        "table_names": {t["id"]: t.get("name", t["id"]) for t in data.get("tables", [])},
        "values": [{"id": v["id"], "name": v["name"], "expr": v["expr"], "unit": v.get("unit", "")}
                   for v in data.get("values", [])],
        "outcomes": [{k: v for k, v in o.items() if v is not None} for o in data["outcomes"]],
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
