"""What changed between two rulebooks, in plain words for staff (the 版本变更 page). Imports nothing from MkDocs.

    compare(old, new)          [Change(area, subject_id, subject, text), …]
    changed_ids(old, new)      {"cs_grading", …}: roles, standards and rules that changed
    changes_markdown(history)  the page's Markdown body, newest version first

The sentences are in the new rulebook's language (organisation.yaml's `language`), from the catalogs' `changes.`
messages. Areas, in this order: organisation, then the kinds of definitions (department, role, skill, scale,
standard, rule, process, policy); an area is that name, whatever the language, and is put into words only as a
heading. Within an area, definitions in the new rulebook's order, then removed ones in the old order. Each
area's function gives a table of handlers, one per field; a field that differs and that no handler puts into
words still gets a line (“其他内容有修改”), so no change is left out.
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
from assessment.messages import Term, amount, enumerated, language_of, listed, say, speaking
from assessment.numbers import fmt

from ..definitions.kinds import BY_NAME
from ..definitions.model import ITEM, PERIODS
from .escape import text as md

METHODS = ("sum", "weighted")  # the scoring methods and item kinds with words of their own (changes.method.…)
KINDS = ("choice", "number", "count", "average", "checklist", "boolean")
# an item's settings told as "{item}{label} a → b": the fields the model gives a label, worded by the catalogs'
# changes.field.NAME (the Chinese as the model's label)
ITEM_WORDS = tuple(dict.fromkeys(name for variant in ITEM.variants.values()
                                 for name, field in variant.fields.items() if field.label))


def _w(key, **params):
    """The catalogs' changes.KEY in the language being spoken (compare() speaks the new rulebook's)."""
    return say(f"changes.{key}", **params)


def _noun(key):
    return Term(f"changes.noun.{key}")


@dataclass(frozen=True)
class Change:
    area: str        # "organisation", or the kind of definition: "department", "role", "skill", … "policy"
    subject_id: str  # the definition's id ("organisation" for the organisation)
    subject: str     # its name: the new one, or the old one when removed
    text: str        # one sentence


# --- building blocks --------------------------------------------------------------------------------


def _outcome(outcome):
    """An outcome in words, or None for a value that is not one (a changed definition may hold anything)."""
    return outcome_name(outcome) if outcome in OUTCOMES else None

def _v(value):
    return _w("none") if value in (None, "", []) else str(value)


def _fields(old, new, handlers, other=None):
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
    return list(dict.fromkeys(out + [other or _w("other")] * missed))


def _to(label, show=_v):
    return lambda a, b: [_w("to", label=label, before=show(a), after=show(b))]


def _attr(label, show=_v):
    return lambda a, b: [_w("attr", label=label, before=show(a), after=show(b))]


def _renamed(what=None):
    """Renamed: the definition itself, or `what` in it (words: 等级, an option of an item …)."""
    if what is None:
        return lambda a, b: [_w("renamed", before=a, after=b)]
    return lambda a, b: [_w("renamed_what", what=what, before=a, after=b)]


def _said(sentence):
    return lambda a, b: [sentence]


def _texts(label, show=str):
    """Lists of sentences or names: what was added, what was removed."""
    def diff(old, new):
        old, new = [show(x) for x in old or []], [show(x) for x in new or []]
        before, after = Counter(old), Counter(new)
        out = [_w("list_added", label=label, entry=x) for x in (after - before).elements()]
        out += [_w("list_removed", label=label, entry=x) for x in (before - after).elements()]
        return out or [_w("list_reordered" if old != new else "list_changed", label=label)]
    return diff


def _collection(old, new, describe, noun, prefix="", key="id", label=lambda x: x["name"], detail=lambda x: ""):
    """Entries matched by `key`: added or changed (in the new order), removed, reordered. `noun` names the
    entries (changes.noun.NOUN and changes.nouns.NOUN), `prefix` what they are in (words, or none)."""
    before, after = {x[key]: x for x in old or []}, {x[key]: x for x in new or []}
    words = {"noun": _noun(noun), "nouns": Term(f"changes.nouns.{noun}"), "prefix": prefix}
    within = "_in" if prefix else ""
    out = []
    for k, x in after.items():
        if k not in before:
            out.append(_w("added" + within, name=label(x), detail=detail(x), **words))
        elif before[k] != x:
            out += describe(before[k], x)
    out += [_w("removed" + within, name=label(x), **words) for k, x in before.items() if k not in after]
    if [k for k in before if k in after] != [k for k in after if k in before]:
        out.append(_w("reordered" + within, **words))
    return out


def _amount(value):
    """30000 → "3 万": the thresholds of pay and bonus tables read as HR writes them (in Chinese)."""
    try:
        number = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return _v(value)
    if abs(number) >= 10000 and number % 100 == 0:
        return _w("ten_thousands", count=fmt(number / 10000), all=amount(fmt(number)))
    return amount(fmt(number))


def _say(expr, rule, default=None):
    if not expr:
        return default or _w("none")
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


def _formulas(label, old_rule, new_rule, default=None):
    def diff(a, b):
        if a and b and _parts(a, {}) == _parts(b, {}):  # the same formula, spaced differently
            return []
        before, after = _parts(a, old_rule), _parts(b, new_rule)
        changed = [(x, y) for x, y in zip(before, after) if x != y]
        if len(before) == len(after) and 0 < len(changed) < len(before):  # only some of the conditions: just those
            return [_w("formula_part", label=label, before=x, after=y) for x, y in changed]
        before, after = _say(a, old_rule, default), _say(b, new_rule, default)
        if before == after:  # different formulas that read the same: show the formulas themselves
            before, after = a, b
        return [_w("to", label=label, before=before, after=after)]
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

def _kind(kind):
    return _w(f"item_kind.{kind}") if kind in KINDS else _v(kind)


def _item(noun, sections=None, ratings=None):
    """An item's or an input field's changes; `noun` (changes.noun.NOUN) names it when renamed."""
    def describe(old, new):
        q = f"“{new['name']}”"
        rated = old.get("scale") and old.get("scale") == new.get("scale")
        return _fields(old, new, {
            "name": _renamed(_w(f"noun.{noun}")), "kind": _attr(_w("item.kind", q=q), _kind),
            **{key: _attr(_w("item.field", q=q, field=Term(f"changes.field.{key}"))) for key in ITEM_WORDS},
            "description": _said(_w("explained", q=q)),
            "assumed": lambda a, b: [_w("item.assumed", q=q, assumption=b) if b else _w("item.not_assumed", q=q)],
            "optional": lambda a, b: [_w("item.optional" if b else "item.required", q=q)],
            "scored": lambda a, b: [_w("item.unscored" if b is False else "item.scored", q=q)],
            "scale": _attr(_w("item.rating_scale", q=q), lambda s: (ratings or {}).get(s, _v(s))),
            # a rating item's options are its rating scale's: told once, under the scale
            "options": lambda a, b: [] if rated else _options(a, b, q),
            "checks": lambda a, b: _checks(a, b, q),
            "bands": lambda a, b: [_w("item.bands", q=q, bands=_item_bands(b))],
            "section": lambda a, b: [_w("item.moved", q=q, section=(sections or {}).get(b, b))],
        }, _w("other_of", q=q))
    return describe


def _item_bands(bands):
    return listed(_w("item.band", min=band["min"], points=band["points"]) for band in bands or []) or _w(
        "item.no_bands")


def _points(entry):
    return _w("points", points=entry["points"])


def _options(old, new, q):
    scored = any(o.get("points") not in (None, "0") for o in [*(old or []), *(new or [])])

    def option(a, b):
        r = _w("q.option", q=q, name=b["label"])
        return _fields(a, b, {"label": _renamed(_w("of", of=q, noun=_noun("option"))),
                              "points": _attr(_w("option.points", q=r))}, _w("other_of", q=r))
    return _collection(old, new, option, "option", q, label=lambda o: o["label"],
                       detail=lambda o: _points(o) if scored else "")


def _checks(old, new, q):
    def check(a, b):
        r = _w("q.check", q=q, name=b["label"])
        return _fields(a, b, {"label": _renamed(_w("of", of=q, noun=_noun("check"))),
                              "points": _attr(_w("option.points", q=r)),
                              "fatal": lambda x, y: [_w("check.fatal" if y else "check.not_fatal", q=r)]},
                       _w("other_of", q=r))
    return _collection(old, new, check, "check", q, label=lambda c: c["label"], detail=_points)


def _flat(sections):
    return [{**item, "section": s["id"]} for s in sections or [] for item in s["items"]]


# --- one function per area ----------------------------------------------------------------------------

def _organisation(old, new, books):
    notes = _said(_w("notes"))
    return _fields(old, new, {"name": _renamed(), "effective_date": None,  # in the version's heading
                              "summary": notes, "notes": notes})


def _department(old, new, books):
    notes = _said(_w("notes"))
    return _fields(old, new, {"name": _renamed(),
                              "parent": _to(_w("label.parent"), partial(books.name, "departments")),
                              "summary": notes, "customer_needs": _texts(_w("label.customer_needs")),
                              "external_inputs": _texts(_w("label.external_inputs")),
                              "served": _texts(_w("label.served")), "outputs": _texts(_w("label.outputs")),
                              "partners": _texts(_w("label.partners")), "notes": notes, "source": notes})


def _role(old, new, books):
    notes = _said(_w("notes"))
    return _fields(old, new, {
        "name": _renamed(), "aliases": _texts(_w("label.aliases")),
        "department": _to(_w("label.department"), partial(books.name, "departments")),
        "category": _to(_w("label.category")),
        "reports_to": _to(_w("label.reports_to"), partial(books.name, "roles")), "direct_reports": None,
        "collaboration": lambda a, b: _fields(a or {}, b or {}, {"internal": _texts(_w("label.internal")),
                                                                 "external": _texts(_w("label.external"))}),
        "pay_grade": _to(_w("label.pay_grade")), "subordinates": _texts(_w("label.subordinates")),
        "duties": _texts(_w("label.duties")), "requirements": _texts(_w("label.requirements")),
        "competencies": lambda a, b: _competencies(a or [], b or [], books),
        "standards": _texts(_w("label.role_standards"), partial(books.name, "standards")),
        "rules": _texts(_w("label.role_rules"), partial(books.name, "rules")), "tags": _texts(_w("label.tags")),
        "summary": notes, "source": notes, "notes": notes})


def _competencies(old, new, books):
    before, after = {r["skill"]: r["level"] for r in old}, {r["skill"]: r["level"] for r in new}
    # the role's own text at its level (absent from the archives of releases made before there was one)
    said_before = {r["skill"]: r.get("description") or None for r in old}
    said_after = {r["skill"]: r.get("description") or None for r in new}
    skill, label = partial(books.name, "skills"), _w("label.competencies")
    out = []
    for s, level in after.items():
        if s not in before:
            out.append(_w("list_added", label=label, entry=f"{skill(s)} {books.level(s, level)}"))
            continue
        if before[s] != level:
            out.append(_w("competency_level", skill=skill(s), before=books.level(s, before[s]),
                          after=books.level(s, level)))
        if said_before[s] != said_after[s]:
            out.append(_w("competency_described", skill=skill(s), description=said_after[s]) if said_after[s]
                       else _w("competency_undescribed", skill=skill(s)))
    out += [_w("list_removed", label=label, entry=f"{skill(s)} {books.level(s, level)}")
            for s, level in before.items() if s not in after]
    if out or list(before) == list(after):
        return out
    return [_w("list_reordered", label=label)]


def _skill(old, new, books):
    notes = _said(_w("notes"))

    def label(lv):
        return books.level(new["id"], lv["level"])

    def level(a, b):
        return [_w("skill.level", level=label(b), description=b["description"])]
    return _fields(old, new, {
        "name": _renamed(), "group": _to(_w("label.group")),
        "scale": _to(_w("label.scale"), partial(books.name, "scales")),
        "levels": lambda a, b: _collection(a, b, level, "scale_level", key="level", label=label,
                                           detail=lambda lv: _w("detail", text=lv["description"])),
        "description": notes, "source": notes, "notes": notes})


def _scale(old, new, books):
    def level(a, b):
        q = _w("q.scale_level", name=b["name"])
        return _fields(a, b, {"name": _renamed(_w("noun.scale_level")),
                              "description": lambda x, y: [_w("scale.meaning", q=q, meaning=_v(y))]},
                       _w("other_of", q=q))
    return _fields(old, new, {"name": _renamed(), "description": _said(_w("notes")),
                              "levels": lambda a, b: _collection(a, b, level, "scale_level")})


def _standard(old, new, books):
    notes = _said(_w("notes"))
    ratings = {s["id"]: s["name"] for std in (old, new) for s in std.get("rating_scales", [])}
    item = _item("item", {s["id"]: s["name"] for std in (old, new) for s in std.get("sections") or []}, ratings)

    def section(a, b):
        # a standard written without sections has one, named after the standard: renamed with it
        implicit = a["name"] == old["name"] and b["name"] == new["name"]
        q = _w("q.section", name=b["name"])
        return _fields(a, b, {"name": None if implicit else _renamed(_w("noun.section")),
                              "scale": _attr(_w("section.factor", q=q)), "note": _said(_w("explained", q=q)),
                              "items": None}, _w("other_of", q=q))

    def band(a, b):
        q = _w("q.grade", name=b["name"])
        return _fields(a, b, {"name": _renamed(_w("noun.grade")), "min": _attr(_w("grade.min", q=q)),
                              "max": _attr(_w("grade.max", q=q)),
                              "requires": _texts(_w("grade.requires", q=q), _condition),
                              "pay": _attr(_w("grade.pay", q=q)), "note": _said(_w("explained", q=q))},
                       _w("other_of", q=q))

    def rating(a, b):
        q = _w("q.rating_scale", name=b["name"])
        return _fields(a, b, {"name": _renamed(_w("noun.rating_scale")),
                              "options": lambda x, y: _options(x, y, q)}, _w("other_of", q=q))
    return _fields(old, new, {
        "name": _renamed(), "aliases": _texts(_w("label.aliases")), "period": _to(_w("label.period")),
        "method": _to(_w("label.method"), lambda m: _w(f"method.{m}") if m in METHODS else _v(m)),
        "precision": _to(_w("label.precision")),
        "weights_total": lambda a, b: [_w("weights_total", total=b["total"], reason=b["reason"]) if b
                                       else _w("weights_default")],
        "rating_scales": lambda a, b: _collection(a, b, rating, "rating_scale"),
        "sections": lambda a, b: _collection(a, b, section, "section") + _collection(_flat(a), _flat(b), item,
                                                                                     "item"),
        "requires": _texts(_w("label.eligibility"), _condition),
        "bands": lambda a, b: _collection(a, b, band, "grade", key="grade",
                                          detail=lambda x: _w("grade.from", min=x["min"])),
        "examples": _said(_w("examples")), "summary": notes, "notes": notes, "source": notes})


def _condition(condition):
    return condition.get("text") or f"{condition.get('item')} {condition.get('op')} {condition.get('value')}"


def _rule(old, new, books):
    notes = _said(_w("notes"))

    def at_levels(rule):
        names = {lv["id"]: lv["name"] for lv in rule.get("levels", [])}
        return lambda ids: enumerated(names.get(i, i) for i in ids) if ids else _w("all_levels")

    def outcome(a, b):
        q = _w("q.outcome", name=b["reason"])
        return _fields(a, b, {
            "when": _formulas(_w("outcome.when", q=q), old, new),
            "outcome": _to(_w("outcome.result", q=q), _outcome),
            "reason": _to(_w("label.reason")), "steps": _formulas(_w("outcome.steps", q=q), old, new, "1"),
            "at_levels": lambda x, y: [_w("to", label=_w("outcome.at_levels", q=q), before=at_levels(old)(x),
                                          after=at_levels(new)(y))],
            "probation_months": lambda x, y: [_w("outcome.probation", q=q, before=x or 0, after=y or 0)],
        }, _w("other_of", q=q))

    def level(a, b):
        q = _w("q.level", name=b["name"])
        return _fields(a, b, {"name": _renamed(_w("noun.level")),
                              "pay": _attr(_w("level.pay", q=q), lambda x: _w("yuan", amount=x) if x else _w("none")),
                              "note": _said(_w("explained", q=q)),
                              "ladder": _attr(_w("level.ladder", q=q), lambda x: x or _w("none"))},
                       _w("other_of", q=q))

    def value(a, b):
        q = _w("q.value", name=b["name"])
        return _fields(a, b, {"name": _renamed(_w("noun.value")), "expr": _formulas(_w("value.expr", q=q), old, new),
                              "unit": _attr(_w("value.unit", q=q))}, _w("other_of", q=q))

    return _fields(_tables_listed(old), _tables_listed(new), {
        "name": _renamed(),
        "period": _to(_w("label.period_length"), lambda p: _w(f"period.{p}") if p in PERIODS else _v(p)),
        "min_periods": _to(_w("label.min_periods")),
        "levels": lambda a, b: _collection(a, b, level, "level", detail=lambda x: "".join(
            [_w("level.with_ladder", ladder=x["ladder"]) if x.get("ladder") else "",
             _w("level.with_pay", pay=x["pay"]) if x.get("pay") else ""])),
        "person": lambda a, b: _collection(a, b, _item("person_field"), "person_field"),
        "periods": lambda a, b: _collection(a, b, _item("period_field"), "period_field"),
        "tables": lambda a, b: _collection(a, b, _table, "table"),
        "values": lambda a, b: _collection(a, b, value, "value",
                                           detail=lambda x: _w("detail", text=_say(x["expr"], new))),
        "outcomes": lambda a, b: _collection(
            a, b, outcome, "outcome", label=lambda o: o["reason"],
            detail=lambda o: _w("outcome.detail", outcome=_outcome(o["outcome"]) or o["outcome"],
                                when=_say(o["when"], new))),
        "pay": _formulas(_w("label.pay"), old, new), "bonus": _formulas(_w("label.bonus"), old, new),
        "examples": _said(_w("examples")), "summary": notes, "notes": notes, "source": notes})


def _tables_listed(rule):
    """A rule's tables ({id: rows}, names apart in `table_names`) as a list of entries like its other lists."""
    names = rule.get("table_names") or {}
    listed = [{"id": t, "name": names.get(t, t), "rows": rows} for t, rows in (rule.get("tables") or {}).items()]
    return {**{k: v for k, v in rule.items() if k != "table_names"}, "tables": listed}


def _table(old, new):
    name = new["name"]

    def row(a, b):
        return [_w("row_changed", table=name, min=_amount(b["min"]), before=_amount(a["value"]),
                   after=_amount(b["value"]))]
    return _fields(old, new, {"name": _renamed(_w("noun.table")), "rows": lambda a, b: _collection(
        a, b, row, "row", _w("q.table_rows", name=name), key="min",
        label=lambda r: _w("row", min=_amount(r["min"]), value=_amount(r["value"])))},
        _w("other_of", q=_w("q.table", name=name)))


def _process(old, new, books):
    notes = _said(_w("notes"))
    return _fields(old, new, {
        "name": _renamed(), "aliases": _texts(_w("label.aliases")),
        "steps": _texts(_w("label.steps"), lambda step: step["name"]),
        "roles": _texts(_w("label.roles_involved"), partial(books.name, "roles")),
        "standards": _texts(_w("label.standards_used"), partial(books.name, "standards")),
        "rules": _texts(_w("label.rules_used"), partial(books.name, "rules")),
        "summary": notes, "source": notes, "notes": notes})


def _policy(old, new, books):
    notes = _said(_w("notes"))
    return _fields(old, new, {
        "name": _renamed(), "aliases": _texts(_w("label.aliases")),
        "roles": _texts(_w("label.policy_roles"), partial(books.name, "roles")),
        "clauses": _texts(_w("label.clauses"), lambda clause: clause["text"] + (
            _w("clause_consequence", consequence=clause["consequence"]) if clause.get("consequence") else "")),
        "rules": _texts(_w("label.consequence_rules"), partial(books.name, "rules")),
        "summary": notes, "source": notes, "notes": notes})


# each kind's function describing two versions of one definition, in the order the changelog lists them
DESCRIBE = {"department": _department, "role": _role, "skill": _skill, "scale": _scale, "standard": _standard,
            "rule": _rule, "process": _process, "policy": _policy}
# area ("organisation" or a kind's name) → (rulebook key, noun in added/removed sentences, its describing function)
AREAS = {"organisation": ("organisation", _noun("organisation"), _organisation),
         **{kind: (BY_NAME[kind].key, BY_NAME[kind].noun, describe) for kind, describe in DESCRIBE.items()}}


def _by_id(rulebook, key):
    if key == "organisation":
        return {"organisation": {"id": "organisation", **rulebook.get("organisation", {})}}
    return {d["id"]: d for d in rulebook.get(key, [])}


# --- public ---------------------------------------------------------------------------------------------

def compare(old, new, lang=None):
    """The changes from rulebook `old` to rulebook `new`, one sentence each, in `lang` (by default the new
    rulebook's language)."""
    with speaking(lang or language_of(new)):
        books = _Books(old, new)
        out = []
        for area, (key, noun, describe) in AREAS.items():
            before, after = _by_id(old, key), _by_id(new, key)
            for ident, d in after.items():
                if ident not in before:
                    sentences = [_w("defined", noun=noun, name=d["name"])]
                else:
                    sentences = describe(before[ident], d, books) if before[ident] != d else []
                out += [Change(area, ident, d["name"], s) for s in sentences]
            out += [Change(area, ident, d["name"], _w("undefined", noun=noun, name=d["name"]))
                    for ident, d in before.items() if ident not in after]
        return out


def changed_ids(old, new, areas=("role", "standard", "rule")):
    """Ids of the definitions in `areas` that were added, removed or changed. (A role and a rule may share an
    id: pass one area to tell them apart.)"""
    return {c.subject_id for c in compare(old, new) if c.area in areas}


def changes_markdown(history, lang=None):
    """Markdown for the 版本变更 page (no title): `history` is [(version, effective_date, rulebook), …],
    oldest first; each version is compared with the one before it. In `lang`, by default the language of the
    newest rulebook (the handbook's now)."""
    lang = lang or language_of(history[-1][2])
    with speaking(lang):
        blocks = []
        for i in range(len(history) - 1, -1, -1):
            version, date, rulebook = history[i]
            heading = _w("version", version="" if version is None else version, date="" if date is None else date)
            blocks.append(f"## {md(heading)}")
            blocks.append(_w("first") if i == 0 else _markdown_list(compare(history[i - 1][2], rulebook, lang))
                          or _w("same"))
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
            blocks.append(f"### {_w('area.' + area)}\n\n" + "\n".join(lines))
    return "\n\n".join(blocks)
