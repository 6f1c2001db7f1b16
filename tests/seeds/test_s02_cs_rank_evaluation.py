"""S2 客户服务人员职级评定标准 (001): weighted 30/25/20/15/10, bands 60/70/80/90."""

from assessment import score


def ans(a, b, c, d, e):
    return {"knowledge_skills": a, "communication": b, "teamwork": c, "efficiency": d, "satisfaction": e}


def test_weighted_total(standard):
    # 80×0.30 + 70×0.25 + 60×0.20 + 90×0.15 + 100×0.10 = 24 + 17.5 + 12 + 13.5 + 10 = 77
    result = score(standard("cs_rank_evaluation"), ans(80, 70, 60, 90, 100))
    assert result["total"] == "77" and result["grade"]["id"] == "intermediate"


def test_69_5_is_junior_not_a_gap(standard):
    # 70×0.30 + 70×0.25 + 70×0.20 + 70×0.15 + 65×0.10 = 21 + 17.5 + 14 + 10.5 + 6.5 = 69.5
    result = score(standard("cs_rank_evaluation"), ans(70, 70, 70, 70, 65))
    assert result["total"] == "69.5" and result["grade"]["id"] == "junior"
    assert result["next"]["points_needed"] == "0.5"


def test_boundaries_60_and_90(standard):
    assert score(standard("cs_rank_evaluation"), ans(60, 60, 60, 60, 60))["grade"]["id"] == "junior"
    top = score(standard("cs_rank_evaluation"), ans(90, 90, 90, 90, 90))
    assert top["total"] == "90" and top["grade"]["id"] == "excellent" and top["next"] is None


def test_below_60_is_not_graded(standard):
    # 59.9: 60×0.30 + 60×0.25 + 60×0.20 + 60×0.15 + 59×0.10 = 18 + 15 + 12 + 9 + 5.9 = 59.9
    result = score(standard("cs_rank_evaluation"), ans(60, 60, 60, 60, 59))
    assert result["total"] == "59.9" and result["grade"] is None
