"""S8 客服岗位晋升制度 (002 第2篇): ladder with pay, promotion conditions, demotion after promotion."""

from assessment import evaluate_rule


def run(rule, level, periods, tenure=12, avg_rank=1, **person):
    return evaluate_rule(rule("cs_promotion"), {
        "person": {"level": level, "tenure_months": tenure, "avg_rank": avg_rank, **person}, "periods": periods})


def months(*ranks):
    return [{"monthly_rank": r} for r in ranks]


def test_trainee_becomes_junior_after_regularisation(rule):
    result = run(rule, "trainee", months(5), tenure=3, avg_rank=5, passed_regularisation=True)
    assert (result["outcome"], result["level"]["to"], result["pay"]) == ("promote", "junior", "2200")


def test_junior_to_intermediate_needs_top3_one_quarter_a_and_3_months(rule):
    periods = months(2, 3, 1)
    periods[2]["quarter_grade"] = "a"
    result = run(rule, "junior", periods, tenure=3, avg_rank=3)
    assert (result["outcome"], result["level"]["to"], result["pay"]) == ("promote", "intermediate", "2500")
    # tenure 2 months: not yet
    assert run(rule, "junior", periods, tenure=2, avg_rank=3)["outcome"] == "stay"
    # average rank 4th: not in the top 3
    assert run(rule, "junior", periods, tenure=3, avg_rank=4)["outcome"] == "stay"


def test_intermediate_to_senior_needs_two_consecutive_quarter_as(rule):
    periods = months(1, 1, 1, 1, 1, 1)
    periods[2]["quarter_grade"] = "a"
    periods[5]["quarter_grade"] = "a"
    periods[4]["excellent_title"] = True
    assert run(rule, "intermediate", periods, tenure=6)["level"]["to"] == "senior"
    periods[5]["quarter_grade"] = "b"  # A then B: not two in a row → stays (and one B does not demote)
    assert run(rule, "intermediate", periods, tenure=6)["outcome"] == "stay"


def test_intermediate_demotion_rules(rule):
    assert run(rule, "intermediate", months(4, 5, 6))["level"]["to"] == "junior"        # 3 in a row outside top 3
    assert run(rule, "intermediate", months(4, 1, 5, 6))["outcome"] == "stay"           # only the last 2 in a row
    two_b = months(1, 1, 1, 1, 1, 1)
    two_b[2]["quarter_grade"] = "b"
    two_b[5]["quarter_grade"] = "b"
    assert run(rule, "intermediate", two_b)["outcome"] == "demote"                       # two consecutive quarterly B
    one_c = months(1, 1, 1)
    one_c[2]["quarter_grade"] = "c"
    assert run(rule, "intermediate", one_c)["outcome"] == "demote"                       # one quarter below B


def test_senior_demotion_counts_non_consecutive_misses_within_the_year(rule):
    result = run(rule, "senior", months(1, 4, 2, 5, 1, 6))
    assert (result["outcome"], result["level"]["to"], result["pay"]) == ("demote", "intermediate", "2500")


def test_reserve_supervisor_needs_three_titles_three_as_and_12_months(rule):
    periods = months(*[1] * 12)
    for i in (2, 5, 8):
        periods[i]["quarter_grade"] = "a"
    for i in (1, 4, 7):
        periods[i]["excellent_title"] = True
    result = run(rule, "senior", periods, tenure=12)
    assert (result["level"]["to"], result["pay"]) == ("reserve_supervisor", "4000")
    assert run(rule, "senior", periods, tenure=11)["outcome"] == "stay"


def test_the_explanation_shows_the_values_used(rule):
    result = run(rule, "intermediate", months(4, 5, 6))
    check = next(c for c in result["checks"] if c["id"] == "demote_intermediate")
    assert {"expr": "streak(monthly_rank > 3)", "value": "3"} in check["values"]
