"""Hypothesis strategies for valid answers, derived from the rulebook's own item definitions."""

from decimal import Decimal

from hypothesis import strategies as st

from assessment import items as kinds
from assessment.standard import all_items


def _number(low, high, step):
    low, high, step = Decimal(low), Decimal(high), Decimal(step)
    steps = int((high - low) / step)
    return st.integers(0, steps).map(lambda k: str(low + k * step))


def item_answer(item):
    kind = item["kind"]
    if kind == "choice":
        return st.sampled_from([o["id"] for o in item["options"]])
    if kind == "boolean":
        return st.booleans()
    if kind == "number":
        return _number(item["min"], item["max"], item["step"])
    if kind == "count":
        return st.integers(0, min(int(item["max_count"]), 12))
    if kind == "average":
        return st.lists(_number(item["min"], item["max"], item["step"]),
                        min_size=int(item["min_raters"]), max_size=min(int(item["max_raters"]), 5))
    if kind == "checklist":
        ids = [c["id"] for c in item["checks"]]
        return st.lists(st.sampled_from(ids), unique=True, max_size=len(ids)).map(
            lambda chosen: [i for i in ids if i in chosen])
    if kind == "single":
        return st.sampled_from([o["id"] for o in item["options"]])
    if kind == "multiple":
        ids = [o["id"] for o in item["options"]]
        return st.lists(st.sampled_from(ids), unique=True, min_size=1, max_size=len(ids)).map(
            lambda chosen: [i for i in ids if i in chosen])
    if kind == "true_false":
        return st.booleans()
    if kind in ("blank", "essay"):  # the key itself, or another answer
        return st.sampled_from(item.get("accepted", []) + ["不知道", "（空白以外的任何回答）"])
    raise ValueError(kind)


def standard_answers(standard):
    return st.fixed_dictionaries({item["id"]: item_answer(item) for _, item in all_items(standard)})


def rule_answers(rule):
    from assessment.history import person_fields

    person = st.fixed_dictionaries({f["id"]: item_answer(f) for f in person_fields(rule)})
    period = st.fixed_dictionaries({f["id"]: item_answer(f) for f in rule["periods"]})
    need = int(rule.get("min_periods", 1))
    most = need + 4 if rule["periods"] else 0  # a rule over the person only has no period to give
    return st.fixed_dictionaries({"person": person, "periods": st.lists(period, min_size=need, max_size=most)})


def better_answer(item, answer):
    """A strategy for an answer to the same item that can only be worth more points (None: none exists)."""
    kind = item["kind"]
    if kind == "choice":
        current = next(Decimal(o["points"]) for o in item["options"] if o["id"] == answer)
        better = [o["id"] for o in item["options"] if Decimal(o["points"]) >= current]
        return st.sampled_from(better)
    if kind == "boolean":
        best = Decimal(item["yes_points"]) >= Decimal(item["no_points"])
        return st.just(best)
    if kind == "number":  # plain or banded, a larger value is never worth less
        return _number(answer, item["max"], item["step"])
    if kind == "count" and Decimal(item["each"]) < 0:  # a deduction per event (批评 −0.5): fewer is better
        return st.integers(0, int(answer))
    if kind == "count":
        return st.integers(int(answer), min(int(item["max_count"]), int(answer) + 12))
    if kind == "average":
        if not answer:
            return None
        return _number(answer[0], item["max"], item["step"]).map(lambda v: [v] + answer[1:])
    if kinds.keyed(item):  # the key is never worth less (a short answer is marked by a reviewer: none)
        key = item.get("key", (item.get("accepted") or [None])[0])
        return None if key is None else st.just(key)
    checks = {c["id"]: c for c in item["checks"]}
    keep = [c for c in answer if Decimal(checks[c]["points"]) > 0 or checks[c].get("fatal")]
    addable = [c for c in checks if Decimal(checks[c]["points"]) > 0 and c not in keep]
    return st.lists(st.sampled_from(addable), unique=True).map(
        lambda extra: [c for c in checks if c in keep or c in extra]) if addable else st.just(
        [c for c in checks if c in keep])


# --- seeded bulk samples (parity runs need hundreds of answer sets in one go) ---------------

def _sample_number(rng, low, high, step):
    low, high, step = Decimal(low), Decimal(high), Decimal(step)
    return str(low + rng.randint(0, int((high - low) / step)) * step)


def sample_item(item, rng):
    kind = item["kind"]
    if kind == "choice":
        return rng.choice([o["id"] for o in item["options"]])
    if kind == "boolean":
        return rng.random() < 0.5
    if kind == "number":
        return _sample_number(rng, item["min"], item["max"], item["step"])
    if kind == "count":
        return rng.randint(0, min(int(item["max_count"]), 12))
    if kind == "average":
        n = rng.randint(int(item["min_raters"]), min(int(item["max_raters"]), 5))
        return [_sample_number(rng, item["min"], item["max"], item["step"]) for _ in range(n)]
    if kind == "single":
        return rng.choice([o["id"] for o in item["options"]])
    if kind == "multiple":
        return [o["id"] for o in item["options"] if rng.random() < 0.5] or [item["options"][0]["id"]]
    if kind == "true_false":
        return rng.random() < 0.5
    if kind in ("blank", "essay"):
        return rng.choice(item.get("accepted", []) + ["不知道"])
    return [c["id"] for c in item["checks"] if rng.random() < 0.3]


def sample_answers(definition, rng):
    """A valid answer set for a standard or a rule, drawn from `rng` (a random.Random)."""
    if "outcomes" not in definition:
        return {item["id"]: sample_item(item, rng) for _, item in all_items(definition)}
    from assessment.history import person_fields

    need = int(definition.get("min_periods", 1))
    return {"person": {f["id"]: sample_item(f, rng) for f in person_fields(definition)},
            "periods": [{f["id"]: sample_item(f, rng) for f in definition["periods"]}
                        for _ in range(rng.randint(need, need + 4) if definition["periods"] else 0)]}
