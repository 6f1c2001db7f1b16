"""S14 天猫客服上班纪律 (002 第6篇 二、2): per week — first time a warning, then 20 元 each, several in one week
→ 协商离职 (the readings of “首次” and “多次” are the handbook's, stated on the page)."""

import pytest

from assessment import evaluate_rule


def week(rule, caught, warned_before):
    result = evaluate_rule(rule("tmall_discipline"), {"person": {"warned_before": warned_before},
                                                      "periods": [{"caught": caught}]})
    values = {v["id"]: v["value"] for v in result["values"]}
    return result["outcome"], values["fine"]


@pytest.mark.parametrize("caught, warned_before, outcome, fine", [
    (0, False, "stay", "0"),      # nothing this week
    (1, False, "stay", "0"),      # the first time: a warning, no fine
    (2, False, "stay", "20"),     # warning, then once 20 元
    (1, True, "stay", "20"),      # warned before: 20 元
    (2, True, "stay", "40"),      # 2 × 20
    (3, True, "dismiss", "60"),   # three times in one week: 协商离职 (and 3 × 20)
    (3, False, "dismiss", "40"),  # warning + 2 × 20, and 协商离职
])
def test_the_ladder_week_by_week(rule, caught, warned_before, outcome, fine):
    assert week(rule, caught, warned_before) == (outcome, fine)
