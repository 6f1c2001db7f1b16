"""One value per item: the points shown for an item and every condition on it read the same number.

Raters' scores stand for their mean rounded as the standard rounds: with [80, 80, 79] the item shows
79.67 points, so "同事评分不低于 79.67" holds (it was reported unmet, comparing 79.666…)."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

import assessment

PEER = {"id": "peer", "name": "同事评分", "kind": "average", "min": "0", "max": "100", "step": "1",
        "min_raters": "1", "max_raters": "5"}


def standard(threshold, precision=2):
    return {"id": "peer_review", "name": "同事评议", "method": "sum", "precision": precision, "requires": [],
            "sections": [{"id": "main", "name": "评议", "scale": "1", "items": [PEER]}],
            "bands": [{"grade": "base", "name": "基础", "min": "0", "requires": []},
                      {"grade": "good", "name": "良好", "min": "0", "requires": [
                          {"item": "peer", "op": "at_least", "value": threshold,
                           "text": f"同事评分不低于 {threshold}"}]}]}


def test_the_seed_case_by_hand():
    result = assessment.score(standard("79.67"), {"peer": [80, 80, 79]})
    assert result["items"][0]["points"] == "79.67"  # 239 ÷ 3 = 79.666… → 79.67
    assert result["grade"]["id"] == "good" and result["capped"] == []


def test_one_place_rounds_the_same_way():
    result = assessment.score(standard("79.7", precision=1), {"peer": [80, 80, 79]})
    assert result["items"][0]["points"] == "79.7" and result["grade"]["id"] == "good"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 100), min_size=1, max_size=5), st.integers(0, 10000), st.sampled_from([0, 1, 2]))
def test_a_prerequisite_agrees_with_the_points_shown(scores, hundredths, precision):
    threshold = str(Decimal(hundredths) / 100)
    result = assessment.score(standard(threshold, precision), {"peer": scores})
    shown = Decimal(result["items"][0]["points"])
    assert (result["grade"]["id"] == "good") == (shown >= Decimal(threshold))
