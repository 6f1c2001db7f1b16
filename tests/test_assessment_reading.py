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
    assert f"职级：{grade}" in result_text(page)


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


PAGE_TYPES = ["index.html", "roles/index.html", "roles/call_center/index.html",
              "roles/call_center/call_center_agent.html",
              "skills/index.html", "skills/listening.html", "standards/index.html", "standards/cs_grading.html",
              "rules/index.html", "rules/cs_promotion.html", "assess/index.html", "assess/cs_grading.html",
              "org.html", "tags.html", "guide/editing.html"]


@pytest.mark.parametrize("width", [1280, 375])
def test_every_page_type_fits_the_screen(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    wide = []
    for path in PAGE_TYPES:
        page.goto(f"{site_url}/{path}")
        if page.evaluate("document.documentElement.scrollWidth") > width:
            wide.append(path)
    context.close()
    assert wide == []


def test_rule_forms_with_periods_fit_a_phone(browser, site_url, rulebook):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    for rule in (r for r in rulebook["rules"] if r["periods"]):
        page.goto(f"{site_url}/assess/{rule['id']}.html")
        for _ in range(3):
            page.click("button.hb-add-period")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, rule["id"]
        number = page.locator(".hb-period-no").first
        assert number.inner_text() == "第 1 期"
        lines = number.evaluate("e => { const r = document.createRange(); r.selectNodeContents(e);"
                                " return new Set([...r.getClientRects()].map(b => Math.round(b.top))).size; }")
        assert lines == 1, rule["id"]  # one line, not a character per line
    context.close()


def test_import_is_reachable_by_keyboard_and_the_same_file_imports_twice(page, site_url, tmp_path):
    import json

    page.goto(f"{site_url}/assess/cs_kpi_monthly.html")
    settle(page)
    meta = json.loads(page.locator("form.hb-assess").get_attribute("data-definition"))
    file = tmp_path / "answers.json"
    file.write_text(json.dumps({"definition": meta["id"], "rulebook_version": meta["version"],
                                "answers": {"satisfaction": "88"}}), encoding="utf-8")
    page.locator('[data-action="export"]').focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.action") == "import"
    page.set_input_files('input[data-action="import"]', str(file))
    page.wait_for_function("() => document.querySelector('[name=satisfaction]').value === '88'")
    page.click('[data-action="clear"]')  # it asks first; the page fixture says yes
    assert page.locator('[name="satisfaction"]').input_value() == ""
    page.set_input_files('input[data-action="import"]', str(file))
    page.wait_for_function("() => document.querySelector('[name=satisfaction]').value === '88'")


def test_clearing_and_deleting_a_filled_period_ask_first(page, site_url):
    page.goto(f"{site_url}/assess/cs_promotion.html")
    settle(page)
    row = page.locator("tbody tr.hb-period").first
    row.locator('[name="monthly_rank"]').fill("2")
    page.remove_listener("dialog", page.accept_dialogs)
    page.on("dialog", lambda dialog: dialog.dismiss())  # the person says no
    row.locator("button.hb-remove-period").click()
    page.click('[data-action="clear"]')
    assert page.locator("tbody tr.hb-period").first.locator('[name="monthly_rank"]').input_value() == "2"


def test_a_file_for_another_standard_is_named_by_name(page, site_url, tmp_path, standard):
    import json

    page.goto(f"{site_url}/assess/cs_kpi_monthly.html")
    settle(page)
    other = standard("team_lead_selection")
    file = tmp_path / "answers.json"
    file.write_text(json.dumps({"definition": other["id"], "definition_name": other["name"], "answers": {}}),
                    encoding="utf-8")
    page.set_input_files('input[data-action="import"]', str(file))
    page.wait_for_selector(".hb-import-message:has-text('表格未改动')")
    message = page.inner_text(".hb-import-message")
    assert f"“{other['name']}”的答案" in message and f"不是“{standard('cs_kpi_monthly')['name']}”的" in message
    assert other["id"] not in message


def test_the_result_shows_what_each_item_adds_to_the_total(page, site_url, standard):
    kpi = standard("cs_kpi_monthly")
    page.goto(f"{site_url}/assess/cs_kpi_monthly.html")
    fill(page, "standard", kpi, {"return_visit_rate": 92, "satisfaction": 88, "timeliness_accuracy": 95,
                                  "training_level": 80, "attendance": 100})
    assert settle(page)["total"] == "89.75"
    rows = {r[0]: r for r in page.locator("#hb-result table tr").evaluate_all(
        "rows => rows.map(r => [...r.cells].map(c => c.textContent))")}
    # weights 20/20/25/25/10 (by hand): 18.4, 17.6, 23.75, 20, 10 → 89.75
    assert rows["客户回访率"][1:3] == ["92", "18.4"] and rows["处理时限和正确度"][1:3] == ["95", "23.75"]
    assert rows["合计"][2] == "89.75"


@pytest.mark.parametrize("width", [1280, 375])
def test_the_running_result_stays_in_view_on_a_long_form(browser, site_url, standard, width):
    grading = standard("cs_grading")
    context = browser.new_context(viewport={"width": width, "height": 700})
    page = context.new_page()
    page.goto(f"{site_url}/assess/cs_grading.html")
    example = grading["examples"][0]
    fill(page, "standard", grading, example["answers"])
    total = settle(page)["total"]
    page.locator("form.hb-assess :is(select, input)").first.scroll_into_view_if_needed()
    summary = page.locator(".hb-summary")
    box, height = summary.bounding_box(), page.viewport_size["height"]
    text = summary.inner_text()
    context.close()
    assert f"总分 {total}" in text
    assert 0 <= box["y"] and box["y"] + box["height"] <= height + 1  # on screen while the top field is
