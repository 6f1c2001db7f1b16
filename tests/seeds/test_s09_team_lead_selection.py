"""S9 组长竞聘 (002 第1篇): weighted parts with rater averages; only regular staff are eligible."""

from assessment import score


def test_weighted_total_with_averages(standard):
    # 80×0.4 + avg(80,90,85)=85 ×0.3 + 90×0.1 + avg(70,80)=75 ×0.1 + 80×0.1 = 32 + 25.5 + 9 + 7.5 + 8 = 82
    result = score(standard("team_lead_selection"), {"regular": True, "ability": 80, "interview": [80, 90, 85],
                                                     "manager": 90, "peers": [70, 80], "speech": 80})
    assert result["total"] == "82" and result["eligible"]


def test_peer_average_is_rounded_to_two_places(standard):
    # peers avg(90, 85, 80.5) = 85.1666… → 85.17; ×0.1 = 8.517; others 100 → 40 + 30 + 10 + 10 = 90
    # total = 98.517 → 98.52
    result = score(standard("team_lead_selection"), {"regular": True, "ability": 100, "interview": [100],
                                                     "manager": 100, "peers": [90, 85, 80.5], "speech": 100})
    assert next(r for r in result["items"] if r["id"] == "peers")["points"] == "85.17"
    assert result["total"] == "98.52"


def test_staff_on_probation_are_not_eligible(standard):
    result = score(standard("team_lead_selection"), {"regular": False, "ability": 100, "interview": [100],
                                                     "manager": 100, "peers": [100], "speech": 100})
    assert not result["eligible"] and result["ineligible"] == ["只有转正员工可以参加组长竞聘"]


def test_weights_add_to_exactly_100(standard):
    from decimal import Decimal
    from assessment.standard import all_items

    weights = [Decimal(i["weight"]) for _, i in all_items(standard("team_lead_selection")) if i.get("weight")]
    assert sum(weights) == 100
