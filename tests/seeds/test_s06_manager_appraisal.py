"""S6 客户服务部经理业绩考核表 (004 表 53): 20 statements rated 5-4-3-2-1 in five dimensions."""

import pytest

from assessment import AnswerError, score
from assessment.standard import all_items


def rate_all(standard, level):
    return {item["id"]: level for _, item in all_items(standard("cs_manager_appraisal"))}


def test_twenty_statements_in_five_dimensions(standard):
    std = standard("cs_manager_appraisal")
    assert len(std["sections"]) == 5 and sum(len(s["items"]) for s in std["sections"]) == 20


def test_totals(standard):
    assert score(standard("cs_manager_appraisal"), rate_all(standard, "r5"))["total"] == "100"  # 20 × 5
    assert score(standard("cs_manager_appraisal"), rate_all(standard, "r1"))["total"] == "20"   # 20 × 1
    answers = rate_all(standard, "r3")
    answers.update({"results_1": "r5", "results_2": "r5", "attitude_1": "r1"})
    # 17 × 3 + 5 + 5 + 1 = 62
    result = score(standard("cs_manager_appraisal"), answers)
    assert result["total"] == "62"
    assert {s["id"]: s["subtotal"] for s in result["sections"]}["results"] == "16"  # 5 + 5 + 3 + 3


def test_a_rating_outside_the_scale_is_rejected(standard):
    with pytest.raises(AnswerError) as caught:
        score(standard("cs_manager_appraisal"), {**rate_all(standard, "r3"), "skills_2": "6"})
    assert caught.value.problems[0].field == "skills_2"
