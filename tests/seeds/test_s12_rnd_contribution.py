"""S12 研发工程师贡献点 (002 第5篇): 20 points per level; a half year of ≤ 5 points is forfeited."""

from assessment import evaluate_rule


def run(rule, carried, points):
    result = evaluate_rule(rule("rnd_contribution"), {"person": {"carried_points": carried},
                                                      "periods": [{"points": points}]})
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
