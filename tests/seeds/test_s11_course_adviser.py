"""S11 课程顾问 CC (000): bonus rate by the band the whole amount falls in, quarterly base pay, demotion, let go."""

import re

import pytest

from assessment import evaluate_rule


def run(rule, months, regular=True, new_standard=False, team="no"):
    return evaluate_rule(rule("course_adviser"), {
        "person": {"regular": regular, "on_new_standard": new_standard, "team_target": team},
        "periods": [{"sales": s, "refunds": r} for s, r in months]})


@pytest.mark.parametrize("sales, bonus", [
    (29999, "299.99"),     # < 3万: 1 %
    (30000, "450"),        # 3万 ≤ x < 5万: 1.5 %
    (50000, "1000"),       # 2 %
    (80000, "2400"),       # 3 %
    (120000, "4800"),      # 4 %
    (150000, "7500"),      # ≥ 15万: 5 %
])
def test_bonus_rate_applies_to_the_whole_amount(rule, sales, bonus):
    assert run(rule, [(60000, 0), (60000, 0), (sales, 0)])["bonus"] == bonus


def test_betty_quarterly_base_pay(rule):
    # 13 + 14 + 14 = 41万 ≥ 40万 → 4500; 38万 → 3600; < 30万 → 2600
    assert run(rule, [(130000, 0), (140000, 0), (140000, 0)])["pay"] == "4500"
    assert run(rule, [(130000, 0), (130000, 0), (120000, 0)])["pay"] == "3600"
    assert run(rule, [(100000, 0), (100000, 0), (99999, 0)])["pay"] == "2600"
    assert run(rule, [(100000, 0), (100000, 0), (100000, 0)])["pay"] == "3600"   # exactly 30万


def test_refunds_are_deducted(rule):
    # last month 100000 − 20000 = 80000 → 3 % = 2400; quarter 280000 → 2600
    result = run(rule, [(100000, 0), (100000, 0), (100000, 20000)])
    assert (result["bonus"], result["pay"]) == ("2400", "2600")


def test_two_months_below_50k_after_regularisation_demotes(rule):
    assert run(rule, [(60000, 0), (45000, 0), (48000, 0)])["outcome"] == "demote"
    assert run(rule, [(45000, 0), (60000, 0), (48000, 0)])["outcome"] == "stay"
    assert run(rule, [(60000, 0), (45000, 0), (48000, 0)], regular=False)["outcome"] == "stay"
    # refunds can push a month below 5万: 52000 − 3000 = 49000
    assert run(rule, [(60000, 0), (45000, 0), (52000, 3000)])["outcome"] == "demote"


def test_after_demotion_three_months_below_80k_in_total_lets_go(rule):
    assert run(rule, [(20000, 0), (30000, 0), (25000, 0)], new_standard=True)["outcome"] == "dismiss"
    assert run(rule, [(30000, 0), (30000, 0), (20000, 0)], new_standard=True)["outcome"] == "stay"  # exactly 8万


@pytest.mark.parametrize("sales, regular, team, bonus", [
    # 14万: 4 % = 5600; the centre hit its target by the 25th: + 14万 × 1 % = 1400 → 7000
    (140000, True, "by_25th", "7000"),
    # after the 25th: + 14万 × 0.5 % = 700 → 6300
    (140000, True, "after_25th", "6300"),
    # 5.5万 < 6万 (a regular CC's target): no team bonus, 2 % = 1100
    (55000, True, "by_25th", "1100"),
    # a new CC's target is 3万: 3.5万 × 1.5 % = 525 + 3.5万 × 0.5 % = 175 → 700
    (35000, False, "after_25th", "700"),
    # centre missed: 4 % only
    (140000, True, "no", "5600"),
])
def test_team_bonus_when_the_centre_hits_its_target(rule, sales, regular, team, bonus):
    assert run(rule, [(60000, 0), (60000, 0), (sales, 0)], regular=regular, team=team)["bonus"] == bonus


def test_the_role_page_gives_the_daily_activity_the_source_sets(built_site):
    html = (built_site / "roles" / "course_advisory" / "course_adviser.html").read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "每天电话邀约 2–5 名意向客户或诺访客户" in text and "每次活动收集 10 人及以上填单客户" in text
    assert "新签一个月内退费的，扣除 CC 个人业绩" in text and "原文的第 4、5 项缺失" in text
