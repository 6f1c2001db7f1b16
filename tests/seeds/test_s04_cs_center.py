"""S4 客服中心考核标准 (003): banded data completeness, choice items, ≤ 70 需努力, 3 × < 70 dismissal, A/B/C bonus."""

import pytest

from assessment import evaluate_rule, score

GOOD = {"data_completeness": 85, "efficiency": True, "responsibility": "self_driven", "coordination": "on_request",
        "initiative": "enthusiastic", "ambition": True, "obedience": True, "attitude": True}


@pytest.mark.parametrize("completeness, points", [(0, 20), (49.9, 20), (50, 30), (59.9, 30), (60, 40),
                                                   (79.9, 40), (80, 50), (100, 50)])
def test_data_completeness_bands(standard, completeness, points):
    result = score(standard("cs_center_appraisal"), {**GOOD, "data_completeness": completeness})
    assert next(r for r in result["items"] if r["id"] == "data_completeness")["points"] == str(points)


def test_full_form(standard):
    # 50 + 5 + 10 + 8 + 5 + 5 + 5 + 10 = 98
    result = score(standard("cs_center_appraisal"), GOOD)
    assert result["total"] == "98" and result["grade"]["id"] == "qualified"


def test_exactly_70_needs_effort_and_71_is_qualified(standard):
    # 60% → 40, efficiency 5, 自动自发 10, 主动协助 10, 热心 5, others no → 40 + 5 + 10 + 10 + 5 = 70
    at_70 = {**GOOD, "data_completeness": 60, "coordination": "proactive", "ambition": False, "obedience": False,
             "attitude": False}
    result = score(standard("cs_center_appraisal"), at_70)
    assert result["total"] == "70" and result["grade"]["id"] == "needs_effort"
    # 协调性 8 instead of 10 and 进取心 5 → 40 + 5 + 10 + 8 + 5 + 5 = 73
    assert score(standard("cs_center_appraisal"), {**at_70, "coordination": "on_request",
                                                   "ambition": True})["grade"]["id"] == "qualified"


def monthly(rule, *scores, **last_events):
    periods = [{"score": s} for s in scores]
    periods[-1].update(last_events)
    return evaluate_rule(rule("cs_center_monthly"), {"periods": periods})


def test_three_consecutive_months_below_70_dismiss(rule):
    assert monthly(rule, 65, 68, 69)["outcome"] == "dismiss"
    assert monthly(rule, 65, 72, 69, 60)["outcome"] == "stay"   # the run was broken by 72
    assert monthly(rule, 80, 69, 69, 69)["outcome"] == "dismiss"


def test_exactly_70_is_not_below_70(rule):
    result = monthly(rule, 70, 70, 70)
    assert result["outcome"] == "stay" and result["decided_by"] == "needs_effort"


def test_event_bonus(rule):
    # A 2 × 300 + B 1 × 200 + C 3 × 100 = 600 + 200 + 300 = 1100
    assert monthly(rule, 90, events_a=2, events_b=1, events_c=3)["bonus"] == "1100"
    assert monthly(rule, 90)["bonus"] == "0"


def test_ecommerce_visitors_and_deals(rule):
    # 12 visitors × 3 = 36; deals 2 × 30 + 3 × 50 + 1 × 60 = 60 + 150 + 60 = 270; with A 1 × 300 → 606
    result = monthly(rule, 90, events_a=1, ecommerce_visitors=12, deals_small=2, deals_medium=3, deals_large=1)
    assert result["bonus"] == "606"
