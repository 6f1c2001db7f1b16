"""Properties of the engine over every sample standard and rule (hypothesis)."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessment import evaluate_rule, score
from assessment.numbers import dec
from assessment.standard import all_items
from generator.definitions.compile import build_rulebook

from conftest import SAMPLE
from strategies import better_answer, rule_answers, standard_answers

RULEBOOK = build_rulebook(SAMPLE)
STANDARDS = RULEBOOK["standards"]
RULES = RULEBOOK["rules"]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def by_id(items):
    return pytest.mark.parametrize("definition", items, ids=[d["id"] for d in items])


@by_id(STANDARDS)
@SETTINGS
@given(data=st.data())
def test_raising_one_item_never_lowers_the_total(definition, data):
    answers = data.draw(standard_answers(definition))
    items = [item for _, item in all_items(definition) if item.get("scored", True)]
    item = data.draw(st.sampled_from(items))
    better = better_answer(item, answers[item["id"]])
    if better is None:
        return
    raised = {**answers, item["id"]: data.draw(better)}
    assert dec(score(definition, raised)["total"]) >= dec(score(definition, answers)["total"])


def grade_index(definition, result, key):
    grades = [b["grade"] for b in definition["bands"]]
    value = result[key]["id"] if key == "grade" and result[key] else result[key]
    return grades.index(value) if value else -1


@by_id([s for s in STANDARDS if s["bands"]])
@SETTINGS
@given(data=st.data())
def test_grade_is_monotone_in_the_total_when_prerequisites_are_met(definition, data):
    first = score(definition, data.draw(standard_answers(definition)))
    second = score(definition, data.draw(standard_answers(definition)))
    for result in (first, second):
        # prerequisites can only lower the grade below the band the total reaches …
        assert grade_index(definition, result, "grade") <= grade_index(definition, result, "band")
        if not result["capped"] and result["eligible"]:
            # … and with them met, the grade is exactly the band of the total
            assert grade_index(definition, result, "grade") == grade_index(definition, result, "band")
    low, high = sorted((first, second), key=lambda r: dec(r["total"]))
    assert grade_index(definition, low, "band") <= grade_index(definition, high, "band")


@by_id(STANDARDS)
@SETTINGS
@given(data=st.data())
def test_scoring_is_deterministic_and_round_trips_through_json(definition, data):
    answers = data.draw(standard_answers(definition))
    result = score(definition, answers)
    assert score(definition, json.loads(json.dumps(answers))) == result
    assert json.loads(json.dumps(result)) == result


@by_id(RULES)
@SETTINGS
@given(data=st.data())
def test_rules_are_deterministic_and_round_trip_through_json(definition, data):
    answers = data.draw(rule_answers(definition))
    result = evaluate_rule(definition, answers)
    assert evaluate_rule(definition, json.loads(json.dumps(answers))) == result
    assert json.loads(json.dumps(result)) == result
    assert result["outcome"] in ("promote", "stay", "demote", "probation", "dismiss")
