"""S9 组长竞聘 (002 第1篇): four weighted parts as printed (40/30/10/10 = 90 %, declared), rater averages;
only regular staff are eligible."""

from assessment import score


def test_weighted_total_with_averages(standard):
    # 80×0.4 + avg(80,90,85)=85 ×0.3 + 90×0.1 + avg(70,80)=75 ×0.1 = 32 + 25.5 + 9 + 7.5 = 74
    result = score(standard("team_lead_selection"), {"regular": True, "ability": 80, "interview": [80, 90, 85],
                                                     "manager": 90, "peers": [70, 80]})
    assert result["total"] == "74" and result["eligible"]


def test_everything_full_marks_is_90_as_printed(standard):
    # 100×0.4 + 100×0.3 + 100×0.1 + 100×0.1 = 90: the source's four parts, not renormalised to 100
    result = score(standard("team_lead_selection"), {"regular": True, "ability": 100, "interview": [100],
                                                     "manager": 100, "peers": [100]})
    assert result["total"] == "90" and result["max_total"] == "90"


def test_peer_average_is_rounded_to_two_places(standard):
    # peers avg(90, 85, 80.5) = 85.1666… → 85.17; ×0.1 = 8.517; others 100 → 40 + 30 + 10 = 80
    # total = 88.517 → 88.52
    result = score(standard("team_lead_selection"), {"regular": True, "ability": 100, "interview": [100],
                                                     "manager": 100, "peers": [90, 85, 80.5]})
    assert next(r for r in result["items"] if r["id"] == "peers")["points"] == "85.17"
    assert result["total"] == "88.52"


def test_staff_on_probation_are_not_eligible(standard):
    result = score(standard("team_lead_selection"), {"regular": False, "ability": 100, "interview": [100],
                                                     "manager": 100, "peers": [100]})
    assert not result["eligible"] and result["ineligible"] == ["只有转正员工可以参加组长竞聘"]


def test_weights_add_to_the_declared_90(standard):
    from decimal import Decimal
    from assessment.standard import all_items

    std = standard("team_lead_selection")
    weights = [Decimal(i["weight"]) for _, i in all_items(std) if i.get("weight")]
    assert sum(weights) == 90 == Decimal(std["weights_total"]["total"])
    assert "只列出四项" in std["weights_total"]["reason"]
