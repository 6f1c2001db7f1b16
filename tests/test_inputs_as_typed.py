"""Numbers as Chinese staff type them: full-width digits, thousands separators, 万, and the separators
、 and ， between raters' scores. What nobody types on purpose (1e2) is rejected with the formats that work."""

from decimal import Decimal

import pytest

from assessment import items
from test_assessment_browser import settle

SALES = {"id": "sales", "name": "销售额", "kind": "number", "min": "0", "max": "1000000", "step": "1", "unit": "元"}


@pytest.mark.parametrize("typed, number", [("60000", "60000"), ("60,000", "60000"), ("6万", "60000"),
                                           ("1.5万", "15000"), ("６００００", "60000"), (" 60000 ", "60000")])
def test_money_as_people_write_it(typed, number):
    value, problem = items.check_answer(SALES, typed)
    assert problem is None and value == int(number)


RATE = {"id": "rate", "name": "累计销售达成率", "kind": "number", "min": "0", "max": "1000", "step": "0.01",
        "unit": "%"}
TIMES = {"id": "late", "name": "迟到", "kind": "count", "each": "-1", "cap": "0", "max_count": "31", "unit": "次"}


@pytest.mark.parametrize("item, typed, number", [(RATE, "120%", "120"), (RATE, "120％", "120"),
                                                 (RATE, " 99.5 % ", "99.5"),
                                                 (SALES, "6万元", "60000"), (SALES, "60,000元", "60000"),
                                                 (TIMES, "3次", "3"), (TIMES, "３ 次", "3")])
def test_a_number_typed_with_its_fields_unit_is_that_number(item, typed, number):
    """The placeholder shows the unit (0–1000%), so people type it: 120% is 120 where the unit is %."""
    value, problem = items.check_answer(item, typed)
    assert problem is None and value == Decimal(number)


def test_another_unit_is_still_not_a_number():
    value, problem = items.check_answer(RATE, "120元")
    assert value is None and problem.message() == "“120元”不是数字（可写 85、85.5、60,000 或 6万）"


@pytest.mark.parametrize("typed", ["1e2", "6,00", "60.000,5", "六万", "abc"])
def test_what_nobody_types_on_purpose_says_which_formats_work(typed):
    value, problem = items.check_answer(SALES, typed)
    assert value is None and "60,000" in problem.text("zh") and "6万" in problem.text("zh")


def test_raters_scores_separated_as_people_type_them(page, site_url, standard):
    page.goto(f"{site_url}/assess/team_lead_selection.html")
    settle(page)
    page.fill('[name="interview"]', "80，90、85")  # (80 + 90 + 85) / 3 = 85
    page.locator('[name="interview"]').blur()
    page.wait_for_timeout(300)
    box = page.locator('[data-field="interview"] .hb-error')
    assert box.inner_text() == ""
