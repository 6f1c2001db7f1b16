"""Semantic checks over structurally valid definitions: identity, references, arithmetic of the rules.

Every check appends located Diagnostics; nothing stops at the first problem.
"""

import re
from decimal import Decimal
from fractions import Fraction

from assessment import formula, items as kinds
from assessment.errors import ExprError
from assessment.messages import Term, did_you_mean
from assessment.history import person_fields
from assessment.numbers import fmt
from assessment.standard import all_items, factor, subtotal_max, total_range

from ..skeletons import WRITTEN, is_placeholder
from . import kinds as definition_kinds, model
from .load import PAGES_FOLDER
from .schema_types import Ident, ListOf

# the definitions' kinds, and the parts of one that have ids of their own
KIND_NAMES = {kind.name: kind.noun for kind in definition_kinds.KINDS} | {
    part: Term(f"kind.{part}")
    for part in ("item", "rating_scale", "level", "option", "grade", "field", "outcome", "table", "value", "section")}


class Checker:
    def __init__(self, diagnostics, broken_ids=None):
        self.out = diagnostics
        self.broken = broken_ids or {}

    def report(self, entry, path, code, **params):
        self.out.append(entry.at(path, code, **params))

    def unknown(self, entry, path, kind, value, choices):
        if value in self.broken.get(kind, ()):
            return  # defined in a file that already has its own errors
        self.report(entry, path, "unknown_ref", kind=KIND_NAMES[kind], value=value,
                    near=did_you_mean(value, choices, cutoff=0.5))

    def unique(self, entry, kind, pairs):
        """pairs: (id, path). Reports each repeat; returns the set of ids."""
        seen = {}
        for ident, path in pairs:
            if ident in seen:
                line, col = entry.source.where(entry.path + tuple(seen[ident]))
                self.report(entry, path, "duplicate_id", kind=KIND_NAMES[kind], value=ident,
                            first=f"{entry.source.path.name}:{line}")
            else:
                seen[ident] = path
        return set(seen)


def check_identities(defs, checker):
    """Ids unique per kind across all files; returns {kind: {id: entry}}."""
    index = {}
    for kind, entries in defs.entries.items():
        index[kind] = {}
        for entry in entries:
            ident = entry.data["id"]
            if ident in index[kind]:
                first = index[kind][ident]
                line, _ = first.source.where(first.path + ("id",))
                checker.report(entry, ("id",), "duplicate_id", kind=KIND_NAMES[kind], value=ident,
                               first=f"{first.source.path.name}:{line}")
            else:
                index[kind][ident] = entry
    return index


NO_GRADE = "none"  # what a worked example expects when no grade is reached
RESERVED_PAGE_ID = "index"  # roles/…/index.md, skills/index.md …: an id `index` would overwrite a list page


def check_page_ids(index, checker):
    """Ids that become page names must not collide with the index pages or with each other:
    standards and rules share the self-assessment folder (assess/ID.html)."""
    for kind in ("role", "skill", "standard", "rule", "process", "policy"):
        entry = index[kind].get(RESERVED_PAGE_ID)
        if entry is not None:
            checker.report(entry, ("id",), "reserved_id", value=RESERVED_PAGE_ID)
    for ident, rule in index["rule"].items():
        standard = index["standard"].get(ident)
        if standard is not None:
            line, _ = standard.source.where(standard.path + ("id",))
            checker.report(rule, ("id",), "rule_standard_clash", value=ident,
                           first=f"{standard.source.path.name}:{line}")


def same_names(index):
    """Warnings (the build goes on): two roles of one department, or two skills, standards or rules, with the
    same display name — a copied file given a new id but not a new name shows twice in nav, chart and search."""
    found = []
    for kind, group in (("role", lambda e: e.data.get("department")), ("skill", None), ("standard", None),
                        ("rule", None)):
        seen = {}
        for entry in index[kind].values():
            key = (group(entry) if group else None, entry.data.get("name"))
            if key in seen:
                first = seen[key]
                for here, there in ((entry, first), (first, entry)):
                    line, _ = there.source.where(there.path + ("name",))
                    found.append(here.at(("name",), "same_name", kind=KIND_NAMES[kind], value=entry.data["name"],
                                         other=f"{there.source.path.name}:{line}"))
            else:
                seen[key] = entry
    return found


def placeholders(index):
    """Warnings (the build goes on, as a file `handbook new` wrote validates): a text still the skeleton's
    placeholder (一句话说明这个岗位做什么。, 第一条职责。 …) would be published as HR's own words."""
    found = []

    def visit(entry, value, path):
        if isinstance(value, dict):
            for key, inner in value.items():
                visit(entry, inner, path + (key,))
        elif isinstance(value, list):
            for i, inner in enumerate(value):
                visit(entry, inner, path + (i,))
        elif isinstance(value, str) and is_placeholder(value):
            found.append(entry.at(path, "placeholder_text", value=value, kind=KIND_NAMES[entry.kind]))

    for kind in WRITTEN:
        for entry in index[kind].values():
            visit(entry, entry.data, ())
    return found


def check_references(index, checker):
    """Every reference the model declares (an `Ident(ref=kind)` naming a kind of definition) resolves, found by
    walking each definition along its model; then what the model cannot say: a skill's levels are its scale's,
    a role asks for a level its skill describes, and nobody reports to themselves round a cycle."""
    for kind, spec in definition_kinds.DEFINITIONS.items():
        for entry in index[kind].values():
            check_declared_rules(entry, spec, checker)
            check_declared_refs(entry, spec, index, checker)
    _check_cycles(index["department"], "parent", checker, "department_cycle")
    for entry in index["scale"].values():
        checker.unique(entry, "level", [(lv["id"], ("levels", i, "id")) for i, lv in enumerate(entry.data["levels"])])
    for entry in index["skill"].values():
        scale = index["scale"].get(entry.data["scale"])
        if not scale:
            continue  # reported as an unknown reference
        levels = [lv["id"] for lv in scale.data["levels"]]
        for i, lv in enumerate(entry.data["levels"]):
            if lv["level"] not in levels:
                checker.report(entry, ("levels", i, "level"), "bad_level", competency=entry.data["id"],
                               value=lv["level"], allowed=", ".join(levels))
    for entry in index["role"].values():
        for i, req in enumerate(entry.data["competencies"]):
            skill = index["skill"].get(req["skill"])
            if not skill:
                continue  # reported as an unknown reference
            described = [lv["level"] for lv in skill.data["levels"]]
            if req["level"] not in described:
                checker.report(entry, ("competencies", i, "level"), "bad_level", competency=req["skill"],
                               value=req["level"], allowed=", ".join(described))
    _check_cycles(index["role"], "reports_to", checker, "reporting_cycle")


def check_declared_rules(entry, spec, checker):
    """Each rule across fields that the model declares with its message (a standard has exactly one of items /
    sections) holds; True when all do."""
    broken = list(spec.breaches(entry.data))
    for path, rule in broken:
        checker.report(entry, path, rule.code, **rule.params)
    return not broken


def check_declared_refs(entry, spec, targets, checker, path=()):
    """Each reference inside `entry.data` at `path` (of model `spec`) whose kind `targets` holds ({kind: ids})
    names one of them. Kinds not in `targets` are another check's: an item, a rating scale, a rule's level.
    Returns what was referred to, as (kind, id) pairs."""
    data = entry.data
    for key in path:
        data = data[key]
    found = []
    for where, kind, ident in spec.refs(data, path, frozenset(targets)):
        if kind in targets:
            found.append((kind, ident))
            if ident not in targets[kind]:
                checker.unknown(entry, where, kind, ident, targets[kind])
    return found


# what a section of sources.yaml can place itself in: (key, kind), read from the model
SOURCE_REFS = tuple((name, field.type.of.ref) for name, field in model.SOURCE_SECTION.fields.items()
                    if isinstance(field.type, ListOf) and isinstance(field.type.of, Ident) and field.type.of.ref)


def check_sources(sources, index, checker):
    """sources.yaml (optional): every section says where it lives in the handbook or why not, and every
    definition it names exists. Returns warnings (the build goes on): definitions that name a source but are
    listed under no section — a copied file keeps its `source:` line, and that must not stop HR's build."""
    if sources is None:
        return []
    listed = set()
    for d, doc in enumerate(sources.data["documents"]):
        for s, section in enumerate(doc["sections"]):
            path = ("documents", d, "sections", s)
            listed.update(check_declared_refs(sources, model.SOURCE_SECTION, index, checker, path))
            placed = any(section[key] for key, _ in SOURCE_REFS) or section["pages"]
            if section["status"] in ("included", "partly") and not placed:
                checker.report(sources, path + ("status",), "source_not_placed")
            if section["status"] != "included" and not section.get("note"):
                checker.report(sources, path + ("status",), "source_note_missing")
    return [entry.at(("source",), "source_unlisted", value=ident) for _, kind in SOURCE_REFS
            for ident, entry in index[kind].items() if entry.data.get("source") and (kind, ident) not in listed]


def _check_cycles(entries, key, checker, code):
    for start in entries:
        chain, node = [], start
        while node in entries and node not in chain:
            chain.append(node)
            node = entries[node].data.get(key)
        if node == start:  # every member of a cycle gets the message at its own line
            checker.report(entries[start], (key,), code, chain=" → ".join(chain + [start]))


# --- grade standards ----------------------------------------------------------------------

def check_standard(entry, std, paths, checker):
    """`std` is the normalised standard; `paths` maps item id → YAML path."""
    data = entry.data
    if any(model.STANDARD.breaches(data)):  # neither or both of items / sections: check_declared_rules said so
        return False
    all_items = [(s, i) for s in std["sections"] for i in s["items"]]
    raw_sections = data["sections"] if data.get("sections") else [{"items": data["items"]}]
    prefix = ("sections",) if data.get("sections") else ()
    checker.unique(entry, "item", [(it["id"], prefix + ((s,) if prefix else ()) + ("items", i, "id"))
                                   for s, sec in enumerate(raw_sections) for i, it in enumerate(sec["items"])])
    seen = {it["id"]: it for _, it in all_items}
    scales = {s["id"] for s in data.get("rating_scales", [])}
    ok = True
    for _, it in all_items:
        ok &= _check_item(entry, it, _raw_item(data, paths[it["id"]]), paths[it["id"]], scales, std, checker)
    if not ok:
        return False
    _check_weights(entry, std, all_items, paths, checker)
    _check_printed_points(entry, std, checker)
    _check_conditions(entry, std, ("requires",), std["requires"], seen, checker)
    for b, band in enumerate(std["bands"]):
        _check_conditions(entry, std, ("bands", b, "requires"), band["requires"], seen, checker)
    checker.unique(entry, "grade", [(b["grade"], ("bands", i, "grade")) for i, b in enumerate(std["bands"])])
    for i, band in enumerate(std["bands"]):
        if band["grade"] == NO_GRADE:
            checker.report(entry, ("bands", i, "grade"), "reserved_id", value=NO_GRADE)
    _check_bands(entry, std, checker)
    return True


def _raw_item(data, path):
    node = data
    for key in path:
        node = node[key]
    return node


def _check_item_numbers(entry, raw, path, checker):
    """Steps, raters and weights that make an item impossible to answer or to add up. True when sound."""
    ok = True
    if raw["kind"] in ("number", "average") and raw.get("step") is not None and Decimal(raw["step"]) <= 0:
        checker.report(entry, path + ("step",), "not_positive", key="step", value=fmt(Decimal(raw["step"])))
        ok = False
    if raw["kind"] == "average" and int(raw.get("min_raters", 1)) > int(raw.get("max_raters", 30)):
        checker.report(entry, path + ("min_raters",), "min_above_max", min=raw["min_raters"], max=raw["max_raters"])
        ok = False
    if raw.get("weight") is not None and Decimal(raw["weight"]) <= 0:
        checker.report(entry, path + ("weight",), "not_positive", key="weight", value=fmt(Decimal(raw["weight"])))
        ok = False
    return ok


def _check_item(entry, it, raw, path, scales, std, checker):
    kind = raw["kind"]
    if not _check_item_numbers(entry, raw, path, checker):
        return False
    if kind == "rating" and raw["scale"] not in scales:
        checker.unknown(entry, path + ("scale",), "rating_scale", raw["scale"], scales)
        return False
    if it["kind"] == "choice":
        checker.unique(entry, "option", [(o["id"], path + ("options", i, "id"))
                                         for i, o in enumerate(raw.get("options", []))])
        for i, o in enumerate(raw.get("options", [])):
            if o.get("points") is None:
                checker.report(entry, path + ("options", i), "missing_key", key="points")
                return False
    if raw.get("cohort"):
        checker.report(entry, path + ("cohort",), "cohort_in_standard", field=it["id"])
    if kind in ("number", "average") and Decimal(it["min"]) > Decimal(it["max"]):
        checker.report(entry, path + ("min",), "min_above_max", min=it["min"], max=it["max"])
        return False
    if kind == "number" and it.get("bands"):
        mins = [Decimal(b["min"]) for b in it["bands"]]
        for i in range(1, len(mins)):
            if mins[i] <= mins[i - 1]:
                checker.report(entry, path + ("bands", i, "min"), "bands_order",
                               grade=it["bands"][i].get("label", i + 1), min=fmt(mins[i]), prev=fmt(mins[i - 1]))
                return False
        if mins[0] > Decimal(it["min"]):
            checker.report(entry, path + ("bands", 0, "min"), "item_bands_start", min=fmt(mins[0]), item_min=it["min"])
    if kind == "checklist":
        checker.unique(entry, "option", [(c["id"], path + ("checks", i, "id")) for i, c in enumerate(raw["checks"])])
    if kind in ("single", "multiple"):
        ids = [o["id"] for o in raw["options"]]
        checker.unique(entry, "option", [(o, path + ("options", i, "id")) for i, o in enumerate(ids)])
        keys = [raw["key"]] if kind == "single" else raw["key"]
        for i, key in enumerate(keys):
            if key not in ids:
                checker.report(entry, path + (("key",) if kind == "single" else ("key", i)), "key_not_an_option",
                               value=key, allowed="、".join(ids), first=ids[0])
                return False
        if kind == "multiple":
            checker.unique(entry, "option", [(k, path + ("key", i)) for i, k in enumerate(keys)])
    if std["method"] == "weighted" and it.get("scored", True) and it.get("weight") is None:
        checker.report(entry, path, "weight_missing", item=it["id"])
        return False  # the totals' range (the bands' check) cannot be computed without it
    if std["method"] == "sum" and it.get("weight") is not None:
        checker.report(entry, path + ("weight",), "weight_unused", item=it["id"])
    return True


def _check_weights(entry, std, all_items, paths, checker):
    """Weights total exactly 100 %, or the total the definition declares with its reason (a source that
    lists parts worth 90 % is encoded as printed, never renormalised)."""
    declared = entry.data.get("weights_total")
    if std["method"] != "weighted":
        if declared:
            checker.report(entry, ("weights_total",), "weights_total_unused")
        return
    weights = [Decimal(i["weight"]) for _, i in all_items if i.get("scored", True) and i.get("weight")]
    total = sum(weights, Decimal(0))
    if declared and total != Decimal(declared["total"]):
        checker.report(entry, ("weights_total", "total"), "weights_sum_declared", total=fmt(total),
                       declared=fmt(Decimal(declared["total"])))
    elif not declared and total != 100:
        checker.report(entry, ("method",), "weights_sum", total=fmt(total))


def _check_printed_points(entry, std, checker):
    """The totals a source prints (满分, a section's 分值) must be what its items add up to: a copy whose numbers
    were jumbled in transcription is caught here instead of scoring out of a total nobody printed."""
    data = entry.data
    for s, (section, raw) in enumerate(zip(std["sections"], data.get("sections") or [])):
        if raw.get("points") is None:
            continue
        if (total := subtotal_max(std, section, Fraction)) != Fraction(raw["points"]):
            checker.report(entry, ("sections", s, "points"), "section_points_sum", section=section["name"],
                           total=_show(total), declared=fmt(Decimal(raw["points"])))
    if data.get("points") is not None and (total := total_range(std, Fraction)[1]) != Fraction(data["points"]):
        checker.report(entry, ("points",), "points_sum", total=_show(total), declared=fmt(Decimal(data["points"])))


def _check_conditions(entry, std, path, conditions, items_by_id, checker):
    for c, cond in enumerate(conditions):
        where = path + (c,)
        subjects = model.CONDITION_SUBJECT.given(_raw_item(entry.data, where))
        if len(subjects) != 1:
            checker.report(entry, where, "condition_subject", given=" + ".join(subjects) or "—")
            continue
        if "section" in cond:
            _check_section_condition(entry, std, where, cond, checker)
            continue
        item = items_by_id.get(cond["item"])
        if item is None:
            checker.unknown(entry, where + ("item",), "item", cond["item"], items_by_id)
            continue
        if len(model.CONDITION_OPERATOR.given(_raw_item(entry.data, where))) != 1:
            checker.report(entry, where, "condition_operator", item=item["id"], kind=item["kind"])
            continue
        if kinds.keyed(item):
            checker.report(entry, where + ("item",), "condition_on_question", item=item["id"], kind=item["kind"])
            continue
        op, value = cond["op"], cond["value"]
        option_ids = [o["id"] for o in item.get("options", [])]
        if item["kind"] == "choice":
            values = value if op == "one_of" else [value]
            for v in values:
                if v not in option_ids:
                    checker.unknown(entry, where + (op,), "option", v, option_ids)
        elif item["kind"] == "boolean":
            if op != "equals" or not isinstance(value, bool):
                checker.report(entry, where, "condition_boolean", item=item["id"], kind="boolean")
        elif op != "at_least" or not _is_number(value):
            checker.report(entry, where, "condition_number", item=item["id"], kind=item["kind"])


def _check_section_condition(entry, std, where, cond, checker):
    """A pass mark on a part: the part exists (in a standard written in parts) and the mark is a number."""
    sections = [s["id"] for s in std["sections"]] if entry.data.get("sections") else []
    if cond["section"] not in sections:
        checker.unknown(entry, where + ("section",), "section", cond["section"], sections)
    elif cond["op"] != "at_least" or not _is_number(cond["value"]):
        checker.report(entry, where, "condition_section", section=cond["section"])


def _is_number(value):
    try:
        Decimal(str(value))
        return not isinstance(value, bool)
    except ArithmeticError:
        return False


def score_granularity(std):
    """The step between reachable totals (a Fraction), after weighting, scaling and rounding."""
    from assessment.numbers import gcd

    step = Fraction(1, 10 ** std["precision"])
    scored = [(sec, it) for sec, it in all_items(std) if it.get("scored", True)]
    if any(kinds.granularity(it) == 0 for _, it in scored):
        return step
    result = gcd(Fraction(kinds.granularity(it)) * factor(std, sec, it, Fraction) for sec, it in scored)
    if result == 0 or result < step or (10 ** std["precision"]) % result.denominator:
        return step
    return result


def _check_bands(entry, std, checker):
    bands = std["bands"]
    if not bands:
        return
    low, high = total_range(std, Fraction)
    g = score_granularity(std)
    for i, band in enumerate(bands):
        bmin = Fraction(band["min"])
        bmax = Fraction(band["max"]) if band["max"] is not None else None
        if bmax is not None and bmax < bmin:
            checker.report(entry, ("bands", i, "max"), "min_above_max", min=band["min"], max=band["max"])
            continue
        if i:
            prev = bands[i - 1]
            pmin = Fraction(prev["min"])
            if bmin <= pmin:
                checker.report(entry, ("bands", i, "min"), "bands_order", grade=band["name"], min=band["min"],
                               prev=prev["min"])
                continue
            if prev["max"] is not None:
                pmax = Fraction(prev["max"])
                if bmin <= pmax:
                    checker.report(entry, ("bands", i, "min"), "band_overlap", a=prev["name"], b=band["name"],
                                   at=band["min"])
                else:
                    example = (pmax // g + 1) * g
                    if example < bmin and low <= example <= high:
                        checker.report(entry, ("bands", i - 1, "max"), "band_gap", a=prev["name"], b=band["name"],
                                       high=prev["max"], low=band["min"], example=_show(example))
        upper = bmax if bmax is not None else (Fraction(bands[i + 1]["min"]) if i + 1 < len(bands) else None)
        first = max(bmin, low)
        first = -((-first) // g) * g  # smallest reachable total ≥ the band's minimum
        if first > high or (upper is not None and (first > upper or (bmax is None and first >= upper))):
            rng = f"{band['min']}–{band['max'] or ''}"
            checker.report(entry, ("bands", i), "grade_unreachable", grade=band["name"], range=rng,
                           low=_show(low), high=_show(high))


def _show(fraction):
    value = Decimal(fraction.numerator) / Decimal(fraction.denominator)
    return fmt(value.quantize(Decimal("0.0001")))


# --- promotion rules ----------------------------------------------------------------------

def _check_ladders(entry, levels, checker):
    """Levels named into ladders (one per role the rule serves): all named or none, each ladder listed together."""
    named = [bool(lv.get("ladder")) for lv in levels]
    if any(named) and not all(named):
        for i, has in enumerate(named):
            if not has:
                checker.report(entry, ("levels", i), "ladder_mixed")
        return
    ended = set()
    for i, level in enumerate(levels):
        ladder = level.get("ladder")
        if i and levels[i - 1].get("ladder") != ladder:
            ended.add(levels[i - 1].get("ladder"))
            if ladder in ended:
                checker.report(entry, ("levels", i, "ladder"), "ladder_split", value=ladder)
                return


def check_rule(entry, rule, checker):
    data = entry.data
    levels = [lv["id"] for lv in rule["levels"]]
    checker.unique(entry, "level", [(lv, ("levels", i, "id")) for i, lv in enumerate(levels)])
    _check_ladders(entry, data["levels"], checker)
    person = {f["id"] for f in rule["person"]} | ({"level"} if levels else set())
    period = {f["id"] for f in rule["periods"]}
    fields = [(f["id"], ("person", i, "id")) for i, f in enumerate(data["person"])]
    fields += [(f["id"], ("periods", i, "id")) for i, f in enumerate(data["periods"])]
    fields += [(v["id"], ("values", i, "id")) for i, v in enumerate(data["values"])]
    checker.unique(entry, "field", fields)
    checker.unique(entry, "outcome", [(o["id"], ("outcomes", i, "id")) for i, o in enumerate(data["outcomes"])])
    tables = checker.unique(entry, "table", [(t["id"], ("tables", i, "id")) for i, t in enumerate(data["tables"])])
    for i, table in enumerate(data["tables"]):
        mins = [Decimal(row["min"]) for row in table["rows"]]
        for j in range(1, len(mins)):
            if mins[j] <= mins[j - 1]:
                checker.report(entry, ("tables", i, "rows", j, "min"), "table_order", min=fmt(mins[j]),
                               prev=fmt(mins[j - 1]))
                break
    numbers = [f["id"] for f in rule["periods"] if f["kind"] == "number"]
    for key in ("person", "periods"):
        for i, field in enumerate(data[key]):
            _check_item_numbers(entry, field, (key, i), checker)
            source = (field.get("cohort") or {}).get("rank")
            if source is not None and (source not in numbers or source == field["id"]):
                checker.report(entry, (key, i, "cohort", "rank"), "cohort_source", field=field["id"], value=source,
                               allowed="、".join(n for n in numbers if n != field["id"]) or "（本规则没有）")
    choices = {f["id"]: [o["id"] for o in f["options"]] for f in rule["person"] + rule["periods"]
               if f["kind"] == "choice"}
    if levels:
        choices["level"] = levels
    checker.choices = choices
    types = {f["id"]: _FIELD_TYPES.get(f["kind"], formula.NUMBER) for f in person_fields(rule) + rule["periods"]}
    known = set(person)
    for i, value in enumerate(data["values"]):
        types[value["id"]] = _check_formula(entry, ("values", i, "expr"), value["expr"], known, period, tables, checker,
                                            types) or formula.ANY
        known.add(value["id"])
    for i, outcome in enumerate(data["outcomes"]):
        _check_formula(entry, ("outcomes", i, "when"), outcome["when"], known, period, tables, checker, types,
                       formula.BOOLEAN)
        if outcome.get("outcome") is None and not outcome.get("label"):
            checker.report(entry, ("outcomes", i), "outcome_unnamed")
        if outcome.get("steps") and outcome["steps"].lstrip().startswith("-"):
            checker.report(entry, ("outcomes", i, "steps"), "negative_steps", value=outcome["steps"])
        if outcome.get("steps"):
            _check_formula(entry, ("outcomes", i, "steps"), outcome["steps"], known, period, tables, checker, types,
                           formula.NUMBER)
    if data["periods"] and not data.get("period"):
        checker.report(entry, ("periods",), "period_missing")
    check_declared_refs(entry, model.RULE, {  # outcomes' at_levels, what worked examples expect
        "level": levels, "outcome": [o["id"] for o in rule["outcomes"]] + [NO_GRADE],
        "value": [v["id"] for v in rule["values"]]}, checker)
    for key in ("pay", "bonus"):
        if data.get(key):
            _check_formula(entry, (key,), data[key], known, period, tables, checker, types, formula.NUMBER)


# what a field's value is inside a formula (choices compare with their option ids)
_FIELD_TYPES = {"choice": formula.TEXT, "rating": formula.TEXT, "boolean": formula.BOOLEAN}


def _check_formula(entry, path, text, top_names, period_names, tables, checker, types=None, expected=None):
    """Checks names, options and types; returns the formula's type when all is well (else None)."""
    before = len(checker.out)
    try:
        node = formula.parse(text)
    except ExprError as exc:
        checker.report(entry, path, "expr_error", col=exc.col, message=exc.words,
                       functions=", ".join(formula.FUNCTIONS))
        return
    for name, literal in formula.comparisons(node):
        options = getattr(checker, "choices", {}).get(name)
        if options is not None and literal not in options:
            checker.unknown(entry, path, "option", literal, options)
    for name, col, where in formula.names(node):
        if where == "table":
            if name not in tables:
                checker.unknown(entry, path, "table", name, tables)
            continue
        if name in top_names or (where and name in period_names):
            continue
        if name in period_names:
            checker.report(entry, path, "expr_period_outside", name=name)
            continue
        allowed = sorted(top_names | (period_names if where else set()))
        checker.report(entry, path, "expr_unknown_name", name=name, allowed=", ".join(allowed),
                       near=did_you_mean(name, allowed, cutoff=0.5))
    if types is None or len(checker.out) > before:
        return None  # a misspelt name is reported once, not again as a type error
    try:
        got = formula.infer(node, types)
    except ExprError as exc:
        checker.report(entry, path, "expr_type", col=exc.col, message=exc.words)
        return None
    if expected is not None and got not in (expected, formula.ANY):
        checker.report(entry, path, "expr_result_type", expected=formula.type_words(expected),
                       got=formula.type_words(got))
        return None
    return got


def check_theme(organisation, root, checker):
    """The logo named in organisation.yaml's theme is a file in pages/ (copied into the site from there)."""
    theme = organisation.data.get("theme") if organisation and isinstance(organisation.data, dict) else None
    logo = theme.get("logo") if isinstance(theme, dict) else None
    if not isinstance(logo, str):
        return
    if not re.fullmatch(r"[A-Za-z0-9_\-]+(/[A-Za-z0-9_\-]+)*\.(png|svg|jpg|jpeg|webp|gif|ico)", logo):
        checker.report(organisation, ("theme", "logo"), "theme_logo_name", name=logo)
    elif not (root / PAGES_FOLDER / logo).is_file():
        checker.report(organisation, ("theme", "logo"), "theme_logo_missing", name=logo)
