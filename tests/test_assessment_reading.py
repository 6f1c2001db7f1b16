"""The self-assessment as a person reads it, in Chromium: what each field means and accepts is written at
the field, and a standard without grades never says "未定级" (read as "you failed")."""

import pytest

from test_assessment_browser import fill, settle


def result_text(page):
    return page.locator("#hb-result").inner_text()


def test_a_standard_without_grades_shows_no_grade_line(page, site_url, standard):
    kpi = standard("cs_kpi_monthly")
    assert not kpi["bands"]
    page.goto(f"{site_url}/assess/cs_kpi_monthly.html")
    fill(page, "standard", kpi, kpi["examples"][0]["answers"])
    assert settle(page)["state"] == "ready"
    text = result_text(page)
    assert "总分" in text and "职级" not in text


def test_a_standard_with_grades_still_names_the_grade(page, site_url, standard):
    rank = standard("cs_rank_evaluation")
    example = rank["examples"][1]  # "加权后 69.5 分仍属初级"
    page.goto(f"{site_url}/assess/cs_rank_evaluation.html")
    fill(page, "standard", rank, example["answers"])
    assert settle(page)["state"] == "ready"
    grade = next(b["name"] for b in rank["bands"] if b["grade"] == example["expect"]["grade"])
    assert f"职级: {grade}" in result_text(page)


@pytest.mark.parametrize("ident", ["cs_center_appraisal", "call_qa", "cs_rank_evaluation"])
def test_every_item_says_at_its_field_what_it_means_and_accepts(page, site_url, standard, ident):
    from assessment.standard import all_items

    definition = standard(ident)
    page.goto(f"{site_url}/assess/{ident}.html")
    for _, item in all_items(definition):
        box = page.locator(f'[data-field="{item["id"]}"]')
        shown = box.inner_text()
        if item.get("description"):
            assert item["description"].rstrip("。") in shown, item["id"]
        if item["kind"] == "number":
            assert f"{item['min']}–{item['max']}{item.get('unit', '')}" in shown, item["id"]
