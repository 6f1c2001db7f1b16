"""S12 研发工程师贡献点 (002 第5篇): 20 points per level; a half year of ≤ 5 points is forfeited; after a year of
≤ 10 points, the next year's first half needs 30 points before the first level."""

from assessment import evaluate_rule


def run(rule, carried, points, first_half=False, last_year=25):
    person = {"carried_points": carried, "first_half": first_half, "last_year_points": last_year}
    result = evaluate_rule(rule("rnd_contribution"), {"person": person, "periods": [{"points": points}]})
    values = {v["id"]: v["value"] for v in result["values"]}
    return result["outcome"], result["steps"], values["carry_next"]


def test_every_20_points_is_one_level(rule):
    assert run(rule, 3, 45) == ("promote", 2, "8")      # 3 + 45 = 48 → 2 levels, 8 carried
    assert run(rule, 0, 60) == ("promote", 3, "0")
    assert run(rule, 0, 19.5) == ("stay", 0, "19.5")


def test_five_or_fewer_points_in_a_half_year_are_forfeited(rule):
    assert run(rule, 18, 5) == ("stay", 0, "18")         # 5 ≤ 5: forfeited, 18 carried
    assert run(rule, 14.5, 5.5) == ("promote", 1, "0")   # 5.5 counts: 20
    assert run(rule, 10, -1) == ("stay", 0, "10")        # criticisms: a negative half year counts as 0


def test_after_a_year_of_ten_points_or_fewer_the_first_half_needs_thirty(rule):
    assert run(rule, 0, 25, first_half=True, last_year=8) == ("stay", 0, "25")     # 25 < 30: held back, all carried
    # 10 + 22 = 32 ≥ 30 → 1 level, 32 − 20
    assert run(rule, 10, 22, first_half=True, last_year=8) == ("promote", 1, "12")
    assert run(rule, 0, 29.5, first_half=True, last_year=10) == ("stay", 0, "29.5")  # 10 is "≤ 10": still held back
    assert run(rule, 0, 20, first_half=True, last_year=10.5) == ("promote", 1, "0")  # 10.5 > 10: the usual 20
    assert run(rule, 0, 25, first_half=False, last_year=8) == ("promote", 1, "5")   # second half: no threshold
    assert run(rule, 0, 45, first_half=True, last_year=0) == ("promote", 2, "5")    # past 30, 20 per level: 45 → 2


def test_held_back_says_why(rule):
    result = evaluate_rule(rule("rnd_contribution"), {
        "person": {"carried_points": 0, "first_half": True, "last_year_points": 8}, "periods": [{"points": 25}]})
    assert result["decided_by"] == "held_back"
    assert "次年第一个半年度需满 30 个贡献点" in result["reason"]
