"""S3 客服部岗位级别说明 (001): monthly KPI (two role variants) and the quarterly level change, up or down
each role's own ladder."""

import pytest

from assessment import AnswerError, evaluate_rule, score


def test_customer_service_kpi(standard):
    # 90×0.20 + 80×0.20 + 70×0.25 + 60×0.25 + 100×0.10 = 18 + 16 + 17.5 + 15 + 10 = 76.5
    result = score(standard("cs_kpi_monthly"), {"return_visit_rate": 90, "satisfaction": 80,
                                                "timeliness_accuracy": 70, "training_level": 60, "attendance": 100})
    assert result["total"] == "76.5"


def test_tech_support_kpi(standard):
    # 80×0.40 + 90×0.40 + 70×0.10 + 100×0.10 = 32 + 36 + 7 + 10 = 85
    result = score(standard("tech_support_kpi_monthly"), {"timeliness_accuracy": 80, "training_feedback": 90,
                                                          "skill_mastery": 70, "attendance": 100})
    assert result["total"] == "85"


def review(rule, scores, on_probation=False, level="reviewer_2"):
    return evaluate_rule(rule("kpi_level_review"), {"person": {"level": level, "on_probation": on_probation},
                                                    "periods": [{"score": s} for s in scores]})


@pytest.mark.parametrize("scores, outcome, probation", [
    ([85, 80, 78.5], "promote", 0),    # (85 + 80 + 78.5) / 3 = 81.17 > 80
    ([80, 80, 80], "stay", 0),         # exactly 80: 70–80 unchanged
    ([80.01, 80, 80], "promote", 0),   # 80.0033 > 80
    ([70, 70, 70], "stay", 0),         # exactly 70: unchanged
    ([69.99, 70, 70], "demote", 0),    # 69.9967 < 70
    ([50, 50, 50], "demote", 0),       # exactly 50: the 50–70 band, no probation
    ([40, 50, 45], "demote", 1),       # 45 < 50: down one and one month's probation
])
def test_three_month_average(rule, scores, outcome, probation):
    result = review(rule, scores)
    assert result["outcome"] == outcome
    assert result["probation_months"] == probation
    assert result["steps"] == {"promote": 1, "stay": 0, "demote": -1}[outcome]


def test_only_the_last_three_months_count(rule):
    # older months are ignored: avg(60, 90, 90, 90) over the last 3 = 90
    assert review(rule, [10, 90, 90, 90])["outcome"] == "promote"


def test_below_50_again_during_probation_ends_the_contract(rule):
    assert review(rule, [60, 55, 49], on_probation=True)["outcome"] == "dismiss"
    # on probation but this month is 50: not below 50; average 55 → demote
    assert review(rule, [60, 55, 50], on_probation=True)["outcome"] == "demote"


def test_fewer_than_three_months_is_an_answer_error(rule):
    with pytest.raises(AnswerError) as caught:
        review(rule, [80, 90])
    assert caught.value.problems[0].code == "too_few_periods"


@pytest.mark.parametrize("level, scores, reached", [
    ("reviewer_2", [90, 90, 90], "reviewer_3"),          # 二级 → 三级: up the 审核员 ladder
    ("reviewer_4", [90, 90, 90], "reviewer_4"),          # 四级 is the top of its ladder: no further
    ("normal_senior", [90, 90, 90], "normal_senior"),    # 普通客服代表（高级）: its ladder ends; not 大客户（中级）
    ("key_mid", [60, 60, 60], "key_mid"),                # 大客户（中级） is its ladder's bottom: 60 demotes,
                                                         # nowhere to go
    ("key_senior", [60, 60, 60], "key_mid"),             # 60 < 70: down one within 大客户客服代表
    ("support_lead_mid", [81, 81, 81], "support_lead_senior"),
    ("lead_senior", [75, 75, 75], "lead_senior"),        # 70–80: unchanged
])
def test_a_level_moves_within_its_own_roles_ladder(rule, level, scores, reached):
    result = review(rule, scores, level=level)
    assert result["level"]["from"] == level and result["level"]["to"] == reached
