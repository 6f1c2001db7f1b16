"""S18 销售人员任职资格 (001): eleven steps from 一级销售员 to 一级销售高级工程师, each reached by years since
graduating (大专), the supervisor's confirmation of the next level's description and, from 销售工程师 up, years in
the previous rank. Equal thresholds (三年 for 四级销售员 and 一级销售助理工程师) are why it is a rule, not bands.
A rule over facts about the person only: no period data is asked for."""

import re

import pytest
from conftest import run_cli

from assessment import evaluate_rule
from assessment.errors import AnswerError


def run(rule, level, graduated, assistant=0, engineer=0, meets=True):
    return evaluate_rule(rule("sales_qualification_ladder"), {
        "person": {"level": level, "graduated_years": graduated, "assistant_years": assistant,
                   "engineer_years": engineer, "meets_description": meets}, "periods": []})


@pytest.mark.parametrize("level, graduated, reached", [
    ("sales_1", 1, "sales_2"), ("sales_2", 2, "sales_3"), ("sales_3", 3, "sales_4"),
    ("sales_4", 3, "assistant_1"),            # the same three years as 四级销售员: one step, never two
    ("assistant_1", 4, "assistant_2"), ("assistant_2", 4, "assistant_3")])
def test_each_step_opens_at_its_printed_years(rule, level, graduated, reached):
    assert run(rule, level, graduated)["level"]["to"] == reached
    assert run(rule, level, graduated - 0.5)["outcome"] == "stay"   # 以上 counts the year itself, not less


def test_a_step_is_one_level_even_when_years_would_allow_more(rule):
    assert run(rule, "sales_1", 10)["level"] == {"from": "sales_1", "from_name": "一级销售员", "to": "sales_2",
                                                 "to_name": "二级销售员"}


def test_engineers_also_need_years_in_the_previous_rank(rule):
    assert run(rule, "assistant_3", 5, assistant=2)["level"]["to"] == "engineer_1"
    assert run(rule, "assistant_3", 5, assistant=1.5)["outcome"] == "stay"
    assert run(rule, "engineer_1", 6, assistant=3)["level"]["to"] == "engineer_2"
    assert run(rule, "engineer_2", 7, assistant=3.5)["outcome"] == "stay"   # needs 4
    # 高级工程师: ten years and two as 销售工程师; years as 助理工程师 do not count
    assert run(rule, "engineer_3", 10, assistant=8, engineer=1.5)["outcome"] == "stay"
    assert run(rule, "engineer_3", 10, engineer=2)["level"]["to"] == "senior_1"
    assert run(rule, "senior_1", 30, assistant=10, engineer=10)["outcome"] == "stay"   # the top of the ladder


def test_without_the_supervisors_confirmation_years_are_not_enough(rule):
    assert run(rule, "sales_2", 5, meets=False)["outcome"] == "stay"


def test_the_page_asks_only_about_the_person_and_says_what_is_missing(page, site_url):
    page.set_viewport_size({"width": 375, "height": 900})
    page.goto(f"{site_url}/assess/sales_qualification_ladder.html")
    page.wait_for_selector("#hb-result[data-state]:not([data-state=loading])", timeout=90000)
    assert page.get_by_text("各期数据").count() == 0 and page.get_by_role("button", name="增加一期").count() == 0
    page.get_by_label("当前级别").select_option(label="三级销售助理工程师")
    page.get_by_label("大专毕业后的年限").fill("5")
    page.get_by_label("担任销售助理工程师的年限").fill("1.5")
    page.get_by_label("担任销售工程师的年限").fill("0")
    page.get_by_label("上级确认已达到下一级的能力描述").select_option(label="是")
    page.keyboard.press("Tab")
    page.wait_for_selector("#hb-result:has-text('还差')")
    result = page.inner_text("#hb-result")
    assert "结果：保持" in result and "「担任销售助理工程师的年限」 ≥ 2（现为 1.5 年）" in result


def test_period_data_is_neither_asked_for_nor_refused_when_absent(rule, built_site):
    with pytest.raises(AnswerError):
        evaluate_rule(rule("sales_qualification_ladder"), {"person": {"level": "sales_1"}, "periods": []})
    page = re.sub(r"<[^>]+>", " ",
                  (built_site / "rules" / "sales_qualification_ladder.html").read_text(encoding="utf-8"))
    assert "至少需要" not in page and "月薪" not in page and "三级销售技术员" in page
    template = run_cli("template", "sales_qualification_ladder")
    assert template.returncode == 0 and "periods: []" in template.stdout
