"""S1 客服部岗位定级标准 (001): five 0–5 hard items + monthly appraisal × 0.75; bands with prerequisites."""

import pytest

from assessment import AnswerError, score

BASE = {"education": "bachelor", "grooming": ["uniform", "badge", "hair"], "experience": "two_three",
        "location": "front_desk", "certificates": 2, "monthly_appraisal": 80}


def answers(**changes):
    return {**BASE, **changes}


def test_sum_of_hard_items_and_scaled_appraisal(standard):
    # 本科 3 + 仪容 3 + 两年至三年 3 + 前台 4 + 证书 2 = 15; 80 × 0.75 = 60; total 75
    result = score(standard("cs_grading"), answers())
    assert result["total"] == "75"
    assert result["grade"]["id"] == "assistant_2"  # 71 ≤ 75 < 81, prerequisites: 大专+, 2–3 years, 前台


def test_fractional_total_between_printed_bands_gets_the_lower_grade(standard):
    # 本科 3 + 仪容 0 + 两年至三年 3 + 粤点轩 2 + 0 证书 = 8; 77 × 0.75 = 57.75; total 65.75
    # The seed printed 助理 "60–63/63–65" and 助理一级 "66–70": 65.75 falls in the seed's gap, and is
    # graded in the upper 助理 band (63 up to 66).
    result = score(standard("cs_grading"), answers(grooming=[], location="yuedianxuan", certificates=0,
                                                   monthly_appraisal=77))
    assert result["total"] == "65.75"
    assert result["grade"]["id"] == "assistant_upper"
    assert result["next"]["grade"] == "assistant_1" and result["next"]["points_needed"] == "0.25"


def test_exactly_60_is_graded_and_59_75_is_not(standard):
    # 大专 1 + 仪容 5 + 无经验 1 + 粤点轩 2 + 0 证书 = 9; 68 × 0.75 = 51; total 60
    at_60 = answers(education="college", grooming=["uniform", "badge", "hair", "hygiene", "demeanour"],
                    experience="none", location="yuedianxuan", certificates=0, monthly_appraisal=68)
    assert score(standard("cs_grading"), at_60)["total"] == "60"
    assert score(standard("cs_grading"), at_60)["grade"]["id"] == "assistant"
    # 67 × 0.75 = 50.25; 9 + 50.25 = 59.25 → below every band
    below = score(standard("cs_grading"), {**at_60, "monthly_appraisal": 67})
    assert below["total"] == "59.25" and below["grade"] is None
    assert below["next"]["grade"] == "assistant" and below["next"]["points_needed"] == "0.75"


def test_certificates_are_capped_at_five(standard):
    # 7 certificates × 1 = 7, capped at 5 → 3 + 3 + 3 + 4 + 5 = 18; + 60 = 78
    assert score(standard("cs_grading"), answers(certificates=7))["total"] == "78"


def test_score_for_a_higher_grade_is_capped_by_its_prerequisites(standard):
    # 大专 1 + 5 + 五年以上 5 + 两者 5 + 5 = 21; 100 × 0.75 = 75; total 96 → band 助理六级
    result = score(standard("cs_grading"), answers(education="college", experience="five_plus", location="both",
                                                   certificates=5, monthly_appraisal=100,
                                                   grooming=["uniform", "badge", "hair", "hygiene", "demeanour"]))
    assert result["total"] == "96" and result["band"] == "assistant_6"
    # 三级 and above need 本科: the grade falls to 助理二级
    assert result["grade"]["id"] == "assistant_2"
    assert [c["grade"] for c in result["capped"]] == ["assistant_6", "assistant_5", "assistant_4", "assistant_3"]
    assert result["next"]["grade"] == "assistant_3"
    assert result["next"]["points_needed"] == "0"
    assert [u["text"] for u in result["next"]["unmet"]] == ["需要本科及以上学历"]


def test_gap_advice_names_the_smallest_single_change(standard):
    # total 75 (see first test); 助理三级 needs 81 → 6 points short.
    result = score(standard("cs_grading"), answers())
    assert result["next"]["points_needed"] == "6"
    moves = {m["item"]: m["to"] for m in result["next"]["moves"]}
    # appraisal: 6 / 0.75 = 8 more points → 88. No other single item can close 6 points:
    # certificates 2 → 5 (cap) adds 3, 本科以上 adds 2, 五年以上 adds 2, 两者均胜任 adds 1.
    assert moves == {"monthly_appraisal": "88"}


def test_invalid_answers_name_the_field_and_give_no_score(standard):
    with pytest.raises(AnswerError) as caught:
        score(standard("cs_grading"), answers(monthly_appraisal=101, education="phd", certificates="two"))
    fields = {p.field: p.code for p in caught.value.problems}
    assert fields == {"monthly_appraisal": "out_of_range", "education": "unknown_option",
                      "certificates": "not_a_number"}


def test_the_two_assistant_bands_of_the_seed_meet_at_63(standard):
    # 大专 1 + 仪容 5 + 无经验 1 + 粤点轩 2 + 0 证书 = 9; 72 × 0.75 = 54; total 63 → the upper 助理 band
    at_63 = answers(education="college", grooming=["uniform", "badge", "hair", "hygiene", "demeanour"],
                    experience="none", location="yuedianxuan", certificates=0, monthly_appraisal=72)
    result = score(standard("cs_grading"), at_63)
    assert result["total"] == "63" and result["grade"]["id"] == "assistant_upper"
    # 71 × 0.75 = 53.25; 9 + 53.25 = 62.25 → the lower band
    assert score(standard("cs_grading"), {**at_63, "monthly_appraisal": 71})["grade"]["id"] == "assistant"


def test_top_grade_needs_two_years_in_hotels_or_property(standard):
    # 本科以上 5 + 仪容 5 + 五年以上 5 + 两者 5 + 证书 5 = 25; 100 × 0.75 = 75; total 100 → band 助理六级
    full = answers(education="above_bachelor", grooming=["uniform", "badge", "hair", "hygiene", "demeanour"],
                   experience="five_plus", location="both", certificates=5, monthly_appraisal=100)
    without = score(standard("cs_grading"), full)  # not answered: the prerequisite is not met
    assert without["total"] == "100" and without["grade"]["id"] == "assistant_5"
    assert without["capped"][0]["unmet"] == ["有酒店或物业相关从业经验至少两年以上"]
    assert score(standard("cs_grading"), {**full, "hotel_property": True})["grade"]["id"] == "assistant_6"


def test_assistant_4_needs_the_front_desk_only(standard):
    # 本科 3 + 仪容 5 + 三年至五年 4 + 前台 4 + 证书 5 = 21; 88 × 0.75 = 66; total 87 → 助理四级 (86–90)
    result = score(standard("cs_grading"), answers(grooming=["uniform", "badge", "hair", "hygiene", "demeanour"],
                                                   experience="three_five", certificates=5, monthly_appraisal=88))
    assert result["total"] == "87" and result["grade"]["id"] == "assistant_4"
