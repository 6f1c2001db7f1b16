"""Ranks from the cohort: a rule's field declared `cohort: {rank: SOURCE, within, min_group}` is, in a batch
run, computed from everyone's rows instead of typed by the person.

- On a period field: the rank of that period's SOURCE value among the group's values for the same period.
  Periods line up by their 月份 labels when every row has one (a sheet's 月份 column), else from the latest
  period (everyone's last row is the same month), which is said whenever histories differ in length.
- On a person field: the rank of the person's mean SOURCE over their periods.
- Rank 1 is the highest value. Ties share the best rank and the next rank skips (90, 85, 85, 80 → 1, 2, 2, 4).
  `as: percent` gives the rank as a share of the group instead, rounded up: 100 × rank ÷ people (the 2nd of
  20 is 10, so "前 10%" reads `<= 10`; the last is always 100).
- `within: department` ranks inside each 部门; `all` ranks everyone in the run together.
- Nobody is ranked where a rank cannot be fair: a person without a department (when ranking within one), a
  missing or invalid SOURCE value, or a group smaller than `min_group` (counting those with a value). The
  typed value, if any, then stands, and a note says why.
In a self-assessment nobody else's rows are there: the person types the rank, as the form says.
"""

import math

from . import items as kinds
from .history import person_fields
from .messages import NOTHING, Term, enumerated, say
from .numbers import ZERO

NO_GROUP = ""


def fields(rule):
    """[(where, field)] of a rule's cohort fields: where is "person" or "periods"."""
    return ([("person", f) for f in person_fields(rule) if f.get("cohort")]
            + [("periods", f) for f in rule.get("periods", []) if f.get("cohort")])


def _value(field, raw):
    value, problem = kinds.check_answer({**field, "optional": True}, raw)
    return None if problem else value


def _ranks(values):
    """{key: rank} for {key: value}: highest first, ties share the best rank (competition ranking)."""
    ordered = sorted(values.values(), reverse=True)
    return {key: ordered.index(value) + 1 for key, value in values.items()}


def _slots(people):
    """Each person's periods as keys that line up across people: their 月份 labels when everyone has them
    (and they are unique per person), else the count back from the latest period (0 = the latest)."""
    labelled = all(isinstance(p.get("periods"), list) and all(p["periods"])
                   and len(set(p["periods"])) == len(p["periods"]) == len(p["answers"].get("periods") or [])
                   for p in people)
    if labelled:
        return [list(p["periods"]) for p in people], True
    return [[("back", n - 1 - k) for k in range(n)]
            for n in (len(p["answers"].get("periods") or []) for p in people)], False


def derive(rule, people):
    """Fill in every cohort field of `rule` for `people`: [{"group": 部门, "answers": {person, periods},
    "periods": [月份 label per period] or None}]; answers are changed in place. Returns, per person in the same
    order, {"notes": [sentences], "ranks": [what was computed, in words]}."""
    out = [{"notes": [], "ranks": []} for _ in people]
    said = [dict() for _ in people]  # (field, why) → period numbers: one note per reason, not one per period
    by_id = {f["id"]: f for f in rule.get("periods", [])}
    slots, labelled = _slots(people)
    for where, field in fields(rule):
        spec = field["cohort"]
        source = by_id[spec["rank"]]
        within = spec.get("within", "department")
        least = int(spec.get("min_group", 1))
        # (slot, i) → the value ranked: slot is the period's key (see _slots), or None for the person
        values = {}
        for i, person in enumerate(people):
            periods = person["answers"].get("periods") or []
            own = [_value(source, p.get(source["id"])) if isinstance(p, dict) else None for p in periods]
            if where == "periods":
                values.update({(slot, i): value for slot, value in zip(slots[i], own)})
            else:
                known = [v for v in own if v is not None]
                values[(None, i)] = sum(known, ZERO) / len(known) if known else None
        groups = {}
        for (slot, i), value in values.items():
            group = people[i]["group"] if within == "department" else "all"
            groups.setdefault((slot, group), {})[i] = value
        computed = [[] for _ in people]
        for (slot, group), members in groups.items():
            counted = {i: v for i, v in members.items() if v is not None}
            ranks = _ranks(counted) if group != NO_GROUP and len(counted) >= least else {}
            if spec.get("as") == "percent":
                ranks = {i: math.ceil(100 * rank / len(counted)) for i, rank in ranks.items()}
            for i in members:
                periods = people[i]["answers"].setdefault("periods", [])
                index = slots[i].index(slot) if slot is not None else None
                target = periods[index] if index is not None else people[i]["answers"].setdefault("person", {})
                if not isinstance(target, dict):
                    continue
                typed = target.get(field["id"])
                if i in ranks:
                    value = str(ranks[i])
                    computed[i].append((index, value))
                    if typed not in (None, "") and str(typed).strip() != value:
                        out[i]["notes"].append(say("cohort.computed", place=_place([] if index is None else [index]),
                                                   name=field["name"], value=value, typed=typed))
                    target[field["id"]] = value
                    continue
                why = (Term("cohort.why.no_department") if group == NO_GROUP
                       else Term("cohort.why.no_value", source=source["name"]) if i not in counted
                       else Term(f"cohort.why.too_few.{'department' if within == 'department' else 'all'}",
                                 count=len(counted), least=least))
                said[i].setdefault((field["name"], why), []).append(index)
        for i, found in enumerate(computed):
            if found:
                found.sort(key=lambda pair: -1 if pair[0] is None else pair[0])
                out[i]["ranks"].append(say("cohort.ranks", name=field["name"],
                                           values=enumerated(value for _, value in found)))
    for i, reasons in enumerate(said):
        for (name, why), indices in reasons.items():
            place = _place(sorted(n for n in indices if n is not None))
            out[i]["notes"].append(say("cohort.kept", place=place, name=name, why=why))
    if not labelled and len({len(p["answers"].get("periods") or []) for p in people}) > 1 and fields(rule):
        for i, person in enumerate(people):
            out[i]["notes"].append(say("cohort.unaligned", column=Term("batch.period")))
    return out


def _place(indices):
    """Which periods a note is about (0-based indices), in words before it: nothing for the person's field."""
    return Term("cohort.place", periods=enumerated(str(n + 1) for n in indices)) if indices else NOTHING


def describe(rule, field, lang=None):
    """The sentence the form and the rule page show at a cohort field (in `lang`, else the language spoken)."""
    spec = field["cohort"]
    source = next(f for f in rule.get("periods", []) if f["id"] == spec["rank"])
    group = Term("cohort.group.department" if spec.get("within", "department") == "department" else "cohort.group.all")
    what = Term("cohort.what.period" if field["id"] in {f["id"] for f in rule.get("periods", [])}
                else "cohort.what.mean", source=source["name"])
    least = int(spec.get("min_group", 1))
    return say("cohort.describe", lang, what=what, group=group,
               share=Term("cohort.share") if spec.get("as") == "percent" else NOTHING,
               least=Term("cohort.least", least=least) if least > 1 else NOTHING)
