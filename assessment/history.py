"""Rules over a history of periods: promote / stay / demote / probation / dismiss, with pay and bonus.

Answers: {"person": {field: value, "level": level id}, "periods": [{field: value}, ...oldest first]}.
Outcome rules are checked top to bottom; the first whose condition holds decides.
"""

from functools import lru_cache
from typing import Any, cast

from . import formula
from . import items as kinds
from .contract import Item, Rule, RuleResult
from .errors import AnswerError, Problem, period_path
from .messages import say
from .numbers import dec, fmt, quantize

OUTCOMES = ("promote", "stay", "demote", "probation", "dismiss")  # the one list of outcomes: the model and the engine


def outcome_name(outcome: str) -> str:
    """An outcome in words (the catalogs' outcome.ID): 晋升、保持 …"""
    return say(f"outcome.{outcome}")


@lru_cache(maxsize=1024)
def _parse(text):
    return formula.parse(text)


def level_field(rule):
    """The implicit person input that names the current level (present when the rule has a ladder)."""
    return {"id": "level", "name": say("rule.current_level"), "kind": "choice",
            "options": [{"id": lv["id"], "label": lv["name"], "points": "0"} for lv in rule["levels"]]}


def person_fields(rule: Rule) -> list[Item]:
    return ([level_field(rule)] if rule.get("levels") else []) + rule.get("person", [])


def check_answers(rule: Rule, answers: dict) -> tuple[dict, list[dict]]:
    problems: list[Problem] = []
    if (not isinstance(answers, dict) or not isinstance(answers.get("periods") or [], list)
            or not isinstance(answers.get("person") or {}, dict)):
        raise AnswerError([Problem("answers", "not_a_mapping.rule")])
    person_in = answers.get("person") or {}
    periods_in = answers.get("periods") or []
    person = _check_fields(person_fields(rule), person_in, "person", problems)
    periods = []
    for i, period in enumerate(periods_in):
        if not isinstance(period, dict):
            problems.append(Problem(period_path(i), "not_a_mapping.period"))
            continue
        periods.append(_check_fields(rule.get("periods", []), period, period_path(i), problems))
    need = int(rule.get("min_periods", 1))
    if len(periods_in) < need:
        problems.append(Problem("periods", "too_few_periods", {"min": need}, need=need, have=len(periods_in)))
    if problems:
        raise AnswerError(problems)
    return person, periods


def _check_fields(fields, given, prefix, problems):
    known = {f["id"]: f for f in fields}
    for key in given:
        if key not in known:
            problems.append(Problem(f"{prefix}.{key}", "unknown_item.rule", sorted(known), key=key))
    clean = {}
    for fid, field in known.items():
        value, problem = kinds.check_answer(field, given.get(fid), f"{prefix}.{fid}")
        if problem:
            problems.append(problem)
        clean[fid] = value
    return clean


def evaluate(rule: Rule, answers: dict) -> RuleResult:
    """Evaluate a history rule; raises AnswerError for invalid or insufficient input."""
    person, periods = check_answers(rule, answers)
    scope = formula.Scope(_in_formulas(person_fields(rule), person),
                          [_in_formulas(rule.get("periods", []), p) for p in periods], rule.get("tables", {}))
    words = vocabulary(rule)
    computed_values = []
    try:
        for value in rule.get("values", []):
            scope.values[value["id"]] = formula.evaluate(_parse(value["expr"]), scope)
            computed_values.append(value)
        shown = _Shown(rule, scope)
        values = [{"id": v["id"], "name": v["name"], "value": shown.value(v["id"], scope.values[v["id"]]),
                   "unit": kinds.unit_of(v)} for v in computed_values]  # "88分", "88 points"
        checks, decided = [], None
        level = person.get("level")
        for candidate in rule["outcomes"]:
            if candidate.get("at_levels") and level not in candidate["at_levels"]:
                continue
            node = _parse(candidate["when"])
            matched = formula.evaluate(node, scope) is True
            checks.append({"id": candidate["id"], "outcome": candidate["outcome"], "when": candidate["when"],
                           "matched": matched, "reason": candidate["reason"],
                           "clauses": _clauses(node, scope, words, shown),
                           "values": [{"expr": candidate["when"][c[3] - 1:c[4] - 1],
                                       "value": shown.node(c, formula.evaluate(c, scope))}
                                      for c in formula.calls(node)]})
            if matched:
                decided = candidate
                break
        steps = _steps(formula.evaluate(_parse(decided.get("steps", "1")), scope)) if decided else 0
        pay = formula.evaluate(_parse(rule["pay"]), scope) if rule.get("pay") else None
        bonus = formula.evaluate(_parse(rule["bonus"]), scope) if rule.get("bonus") else None
    except formula.NotEnoughPeriods as short:
        raise AnswerError([Problem("periods", "too_few_periods.valued", {"min": short.needed},
                                   need=short.needed, have=short.have)]) from None
    outcome = decided["outcome"] if decided else "stay"
    missing = [] if outcome == "promote" else _missing(rule, level, scope, words, shown)
    result: dict[str, Any] = {
        "rule": rule["id"], "name": rule["name"], "outcome": outcome,
        "outcome_name": (decided.get("label") if decided else None) or outcome_name(outcome),  # 可申报四级, not 保持
        "decided_by": decided["id"] if decided else None,
        "reason": decided["reason"] if decided else say("reason.none"),
        "probation_months": int(decided.get("probation_months") or 0) if decided else 0,
        "checks": checks, "values": values, "steps": 0, "missing": missing,
        "level": None, "pay": _show(pay), "bonus": _show(bonus),
    }
    if levels := rule.get("levels"):
        result.update(_move_level(rule, level, outcome, steps))
        if pay is None and levels[0].get("pay") is not None:
            new = next(lv for lv in levels if lv["id"] == result["level"]["to"])
            result["pay"] = new.get("pay")
    elif outcome in ("promote", "demote"):
        result["steps"] = steps if outcome == "promote" else -steps
    return cast(RuleResult, result)  # its keys are held to the contract by tests/test_contract.py


def vocabulary(rule):
    """What the rule's names mean to a reader (fields, computed values, options, tables)."""
    fields = person_fields(rule) + rule.get("periods", [])
    return formula.Vocabulary(
        {**{f["id"]: f["name"] for f in fields}, **{v["id"]: v["name"] for v in rule.get("values", [])}},
        {f["id"]: {o["id"]: o["label"] for o in f.get("options", [])} for f in fields},
        rule.get("table_names", {}),
        {f["id"]: f.get("unit", "") for f in fields + rule.get("values", [])})


def _in_formulas(fields, answers):
    """What each answer stands for in a formula: an average its raters' mean (to 2 places, as a standard's
    average item), a checklist its points; every other kind its answer."""
    return {f["id"]: kinds.in_formula(f, answers.get(f["id"])) for f in fields}


class _Shown:
    """Computed numbers as a result shows them: at the value's own precision (`places`, or n of an outer
    round(x, n), else 2), with more places where fewer would contradict a comparison the rule makes: an
    average of 80.003 reads 80.003 beside "above 80", never 80."""

    def __init__(self, rule, scope):
        self.places = {v["id"]: _places(v) for v in rule.get("values", [])}
        self.against: dict[Any, list] = {}
        for outcome in rule["outcomes"]:
            for left, right in formula.compared(_parse(outcome["when"])):
                try:
                    a, b = formula.evaluate(left, scope), formula.evaluate(right, scope)
                except formula.NotEnoughPeriods:
                    continue  # a condition the person's periods do not reach is not shown with values
                if _is_number(a) and _is_number(b):
                    self.against.setdefault(formula.shape(left), []).append(b)
                    self.against.setdefault(formula.shape(right), []).append(a)

    def value(self, value_id, value):
        return self.node(("name", value_id, 0), value)

    def node(self, node, value):
        if not _is_number(value):
            return _show(value)
        places = self.places.get(node[1], 2) if node[0] == "name" else 2
        return fmt(faithful(dec(value), self.against.get(formula.shape(node), []), places))


def _is_number(value):
    return value is not None and not isinstance(value, (bool, str))


def _places(value):
    """A computed value's places: as declared, or as its formula rounds it last."""
    if value.get("places") is not None:
        return int(value["places"])
    node = _parse(value["expr"])
    if node[0] == "call" and node[1] == "round":
        return int(node[2][1][1]) if len(node[2]) > 1 else 0
    return 2


def faithful(value, against, places, most=formula.MAX_PLACES):
    """`value` rounded to `places`, or to as many more as keep it on the same side of every number it is
    compared with (equal stays equal)."""
    while True:
        shown = quantize(value, places)
        if places >= most or all((shown > t) == (value > t) and (shown < t) == (value < t) for t in against):
            return shown
        places += 1


def _clauses(node, scope, words, shown):
    """Each part of a condition in words, with its current value and whether it holds."""
    out = []
    for clause in formula.clauses(node):
        about = formula.subject(clause)
        now = None
        if about is not None:
            value = formula.evaluate(about, scope)
            field = formula.field_of(about)  # a field, or the last value of one
            now = _reading(value, words.options.get(field, {})) if not _is_number(value) else shown.node(about, value)
            if field and words.units.get(field) and value is not None and not isinstance(value, (bool, str)):
                now += f" {words.units[field]}"
        out.append({"text": formula.describe(clause, words), "now": now,
                    "met": formula.evaluate(clause, scope) is True})
    return out


def _reading(value, options):
    if value is None:
        return say("item.blank_answer")
    if isinstance(value, bool):
        return kinds.yes_no(value)
    if isinstance(value, str):
        return options.get(value, value)
    return _show(value)


def _missing(rule, level, scope, words, shown):
    """What would promote the person from where they are: the unmet parts of the first promotion
    condition that applies at their level (empty when none applies or none is close to say)."""
    for outcome in rule["outcomes"]:
        if outcome["outcome"] != "promote" or (outcome.get("at_levels") and level not in outcome["at_levels"]):
            continue
        parts = _clauses(_parse(outcome["when"]), scope, words, shown)
        return [{"text": p["text"], "now": p["now"]} for p in parts if not p["met"]]
    return []


def _steps(value):
    """How many levels an outcome moves: a whole number, never negative (a formula such as
    floor((last(score) - 70) / 10) gives -1 for a 65; that means no move, not a move the other way)."""
    if value is None or isinstance(value, bool):
        return 0
    return max(0, int(value))


def _move_level(rule, level, outcome, steps):
    """The level reached: up or down the person's own ladder (a rule serving several roles names one per role),
    stopping at its ends."""
    ladder = next(lv.get("ladder") for lv in rule["levels"] if lv["id"] == level)
    ids = [lv["id"] for lv in rule["levels"] if lv.get("ladder") == ladder]
    here = ids.index(level)
    there = here
    if outcome == "promote":
        there = min(here + steps, len(ids) - 1)
    elif outcome == "demote":
        there = max(here - steps, 0)
    names = {lv["id"]: lv["name"] for lv in rule["levels"]}
    return {"steps": there - here,
            "level": {"from": level, "from_name": names[level], "to": ids[there], "to_name": names[ids[there]]}}


def _show(value):
    if value is None or isinstance(value, (bool, str)):
        return value
    return fmt(quantize(dec(value), 2))
