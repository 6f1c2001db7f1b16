"""Rule results say why, in words with the fields' names: every part of each condition checked with its
current value, and what is still missing for a promotion. Expectations are worked out by hand."""

import assessment

from test_assessment_browser import settle


def test_a_junior_agent_two_months_in_is_told_what_is_missing(rule):
    # 初级客服 → 中级 needs: 月均排名 ≤ 3 (2 ✔), at least one quarterly A (1 ✔), 入职 ≥ 3 个月 (2 ✘)
    result = assessment.evaluate_rule(rule("cs_promotion"), {
        "person": {"level": "junior", "tenure_months": 2, "avg_rank": 2},
        "periods": [{"monthly_rank": 2, "quarter_grade": "a"}]})
    assert result["outcome"] == "stay"
    assert result["missing"] == [{"text": "「入职月数」 ≥ 3", "now": "2 个月"}]
    promotion = next(c for c in result["checks"] if c["outcome"] == "promote")
    assert [(c["now"], c["met"]) for c in promotion["clauses"]] == [("2 名", True), ("1", True), ("2 个月", False)]


def test_every_part_of_a_condition_shows_its_value(rule):
    # on probation? no; last month 45 < 50 → the dismissal condition fails on its first part only
    result = assessment.evaluate_rule(rule("kpi_level_review"), {
        "person": {"level": "reviewer_2", "on_probation": False},
        "periods": [{"score": 60}, {"score": 55}, {"score": 45}]})
    dismissal = result["checks"][0]
    assert dismissal["clauses"] == [
        {"text": "「正处于降级后的一个月试用期」", "now": "否", "met": False},
        {"text": "最近一期的「月度绩效得分」 < 50", "now": "45 分", "met": True}]
    # (60 + 55 + 45) / 3 = 53.33 < 70 → demoted one level (no probation: 53.33 is not below 50)
    assert result["outcome"] == "demote" and result["decided_by"] == "down"
    # promotion needs an average above 80: 53.33 ✘
    assert result["missing"] == [{"text": "「近三个月平均绩效」 > 80", "now": "53.33 分"}]


def test_a_condition_in_words_keeps_its_grouping():
    from assessment import formula
    from assessment.messages import speaking

    words = formula.Vocabulary({"a": "A", "b": "B", "c": "C"})

    def said(text):
        with speaking("en"):
            return formula.describe(formula.parse(text), words)

    assert said("a > 1 and b > 1 or c > 1") == "(A > 1 and B > 1) or C > 1"
    assert said("(a > 1 and b > 1) or c > 1") == "(A > 1 and B > 1) or C > 1"
    assert said("a > 1 and (b > 1 or c > 1)") == "A > 1 and (B > 1 or C > 1)"
    assert said("a > 1 or b > 1 or c > 1") == "A > 1 or B > 1 or C > 1"  # one kind of link: no brackets


def test_the_page_shows_the_parts_and_what_is_missing(page, site_url):
    page.goto(f"{site_url}/assess/cs_promotion.html")
    page.select_option('[name="level"]', "junior")
    page.fill('[name="tenure_months"]', "2")
    page.fill('[name="avg_rank"]', "2")
    row = page.locator("tbody tr.hb-period").first
    row.locator('[name="monthly_rank"]').fill("2")
    row.locator('[name="quarter_grade"]').select_option("a")
    assert settle(page)["outcome"] == "stay"
    text = page.locator("#hb-result").inner_text()
    assert "还差" in text and "✘ 「入职月数」 ≥ 3（现为 2 个月）" in text
    assert "✔ 「考核期月均考评的部门排名」 ≤ 3（现为 2 名）" in text
    assert "monthly_rank" not in text and "quarter_grade" not in text  # names, not ids
