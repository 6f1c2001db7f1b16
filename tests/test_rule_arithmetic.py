"""A rule's arithmetic as a reader checks it: a field of several raters or of ticks stands for one number in
formulas, computed values show the places they are given, a shown value never contradicts the decision beside
it, and worked examples can assert computed values and the outcome entry that decided. Expected values are
worked out by hand in the comments."""

import shutil

import pytest

import assessment
from assessment.messages import speaking
from conftest import ROOT, run_cli
from generator.definitions.compile import build_rulebook
from generator.definitions.diagnostics import DefinitionError

RULE = """\
id: feedback_review
name: Feedback review
period: quarter
min_periods: 3
person:
  - id: induction
    name: Induction checks done
    kind: checklist
    checks:
      - {id: safety, label: Safety, points: 2}
      - {id: systems, label: Systems, points: 3}
periods:
  - {id: feedback, name: Colleagues' feedback, kind: average, min: 0, max: 100, step: 0.001, max_raters: 5}
values:
  - {id: mean_feedback, name: Mean feedback, expr: "avg(feedback)", unit: points}
  - {id: ratio, name: Ratio, expr: "round(mean_feedback / 27, 3)"}
  - {id: share, name: Share, expr: "mean_feedback / 3", places: 4}
outcomes:
  - id: let_go
    when: mean_feedback < 50
    outcome: dismiss
    reason: Feedback under 50
  - id: up
    when: mean_feedback > 80 and induction >= 5
    outcome: promote
    reason: Above 80 with every induction check
"""


def _folder(tmp_path, examples=""):
    root = tmp_path / "library"
    shutil.copytree(ROOT / "examples" / "library", root)
    (root / "rules" / "feedback_review.yaml").write_text(RULE + examples, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def rule(tmp_path_factory):
    rulebook = build_rulebook(_folder(tmp_path_factory.mktemp("arith")))
    return next(r for r in rulebook["rules"] if r["id"] == "feedback_review")


def _evaluate(rule, answers):
    with speaking("en"):  # the library's language
        return assessment.evaluate_rule(rule, answers)


def _periods(*raters):
    return [{"feedback": list(r)} for r in raters]


def test_raters_and_ticks_are_numbers_in_formulas(rule):
    # per quarter the raters' mean: (70 + 80 + 90) / 3 = 80, then 60, 60 → (80 + 60 + 60) / 3 = 66.67; ticks 0
    result = _evaluate(rule, {"person": {"induction": []}, "periods": _periods((70, 80, 90), (60,),
                                                                                               (60,))})
    assert result["outcome"] == "stay"
    assert result["values"][0] == {"id": "mean_feedback", "name": "Mean feedback", "value": "66.67",
                                   "unit": " points"}
    # safety 2 + systems 3 = 5 ≥ 5; (90 + 85 + 95) / 3 = 90 > 80 → promoted by `up`
    result = _evaluate(rule, {"person": {"induction": ["safety", "systems"]},
                                             "periods": _periods((90,), (85,), (95,))})
    assert (result["outcome"], result["decided_by"]) == ("promote", "up")


def test_a_value_just_above_the_line_is_not_shown_on_it(rule):
    # (80.01 + 80 + 80) / 3 = 80.00333…: at 2 places 80.00, which is not "above 80"; 3 places tell it apart
    result = _evaluate(rule, {"person": {"induction": ["safety", "systems"]},
                                             "periods": _periods((80.01,), (80,), (80,))})
    assert result["outcome"] == "promote"
    shown = {v["id"]: v["value"] for v in result["values"]}
    assert shown["mean_feedback"] == "80.003"
    up = next(c for c in result["checks"] if c["id"] == "up")
    assert up["clauses"][0] == {"text": "Mean feedback > 80", "now": "80.003 points", "met": True}
    # round(80.00333… / 27, 3) = round(2.96308…, 3) = 2.963, shown to its 3 places; 80.00333… / 3 = 26.66777…
    # shown to the 4 places it declares
    assert (shown["ratio"], shown["share"]) == ("2.963", "26.6678")


def test_a_value_just_below_the_line_is_not_shown_on_it(rule):
    # (49.991 + 50 + 50) / 3 = 49.997: at 2 places 50.00, which is not "under 50"
    result = _evaluate(rule, {"person": {"induction": []},
                                             "periods": _periods((49.991,), (50,), (50,))})
    assert (result["outcome"], result["decided_by"]) == ("dismiss", "let_go")
    assert result["values"][0]["value"] == "49.997"
    assert result["checks"][0]["clauses"][0]["now"] == "49.997 points"


def test_a_value_away_from_every_line_keeps_its_places(rule):
    # (60.004 + 60 + 60) / 3 = 60.00133…: 60 is neither near 50 nor 80, so 2 places
    result = _evaluate(rule, {"person": {"induction": []},
                                             "periods": _periods((60.004,), (60,), (60,))})
    assert result["values"][0]["value"] == "60"


EXAMPLES = """\
examples:
  - name: just above 80
    answers:
      person: {induction: [safety, systems]}
      periods: [{feedback: [80.01]}, {feedback: [80]}, {feedback: [80]}]
    expect: {outcome: promote, decided_by: up, values: [{id: mean_feedback, value: 80.003}, {id: ratio, value: 2.963}]}
"""


def test_a_worked_example_asserts_values_and_the_deciding_entry(tmp_path):
    build_rulebook(_folder(tmp_path, EXAMPLES))  # passes as written
    wrong = EXAMPLES.replace("decided_by: up", "decided_by: let_go").replace("value: 80.003", "value: 80")
    with pytest.raises(DefinitionError) as error:
        build_rulebook(_folder(tmp_path / "wrong", wrong))
    said = error.value.format("en", tmp_path)
    expect_line = len((RULE + EXAMPLES).splitlines())
    assert f"feedback_review.yaml:{expect_line}:32: example 'just above 80'" in said
    assert "decided_by is written as let_go but the engine gives up" in said
    assert "mean_feedback is written as 80 but the engine gives 80.003" in said


def test_a_worked_example_names_entries_that_exist(tmp_path):
    wrong = EXAMPLES.replace("decided_by: up", "decided_by: upp").replace("{id: ratio,", "{id: ration,")
    root = _folder(tmp_path, wrong)
    result = run_cli("validate", "--dir", str(root))
    assert result.returncode == 1
    assert "unknown outcome 'upp'" in result.stdout + result.stderr or "upp" in result.stdout + result.stderr
    out = result.stdout + result.stderr
    assert "Traceback" not in out and "up" in out and "ratio" in out
