"""The self-assessment page under careless or hostile conditions, in Chromium: it never stays in
"loading" or "scoring" without a word, the form keeps working, and nothing typed is lost."""

import json

import pytest

KPI = "assess/cs_kpi_monthly.html"
PROMOTION = "assess/cs_promotion.html"
KPI_ANSWERS = {"return_visit_rate": "92", "satisfaction": "88", "timeliness_accuracy": "95", "training_level": "80",
               "attendance": "100"}


def state(page):
    page.wait_for_selector("#hb-result:is([data-state=ready], [data-state=invalid], [data-state=error])", timeout=60000)
    return page.evaluate("document.getElementById('hb-result').dataset.state")


def storage_key(page):
    return page.evaluate("(() => { const m = JSON.parse(document.querySelector('form.hb-assess').dataset.definition);"
                         " return `handbook:${m.id}`; })()")


@pytest.mark.parametrize("saved", ["{", "null", '{"periods": 5}', '[1, 2]', '{"person": [1], "periods": []}'])
def test_corrupt_saved_answers_are_set_aside_with_a_message(page, site_url, saved):
    page.goto(f"{site_url}/{PROMOTION}")
    key = storage_key(page)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, saved])
    page.reload()
    assert state(page) in ("invalid", "ready")
    assert "上次保存的答案已损坏" in page.locator(".hb-import-message").inner_text()
    assert page.evaluate("k => localStorage.getItem(k + ':unreadable')", key) == saved  # kept, not lost
    assert page.locator("tbody tr.hb-period").count() >= 1  # the form works: empty periods to fill


@pytest.mark.parametrize("storage, message", [
    ("Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('blocked', 'SecurityError'); }})",
     "浏览器禁止本页保存答案"),
    ("Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); }",
     "存储空间已满"),
], ids=["blocked", "full"])
def test_storage_that_fails_is_reported_and_scoring_goes_on(browser, site_url, storage, message):
    context = browser.new_context()
    context.add_init_script(storage)
    page = context.new_page()
    page.goto(f"{site_url}/{KPI}")
    for name, value in KPI_ANSWERS.items():
        page.fill(f'[name="{name}"]', value)
    assert state(page) == "ready"
    # weights 20/20/25/25/10 (hand-computed): 18.4 + 17.6 + 23.75 + 20 + 10 = 89.75
    assert page.evaluate("document.getElementById('hb-result').dataset.total") == "89.75"
    text = page.locator(".hb-import-message").inner_text()
    context.close()
    assert message in text and "导出答案" in text


@pytest.mark.parametrize("missing", [("**/*.whl", "**/engine.snapshot"), ("**/*.whl", "**/pyodide.asm.wasm")])
def test_a_missing_engine_file_is_a_message_not_endless_loading(browser, site_url, missing):
    context = browser.new_context()  # the snapshot gone, the page boots; the engine gone as well, it cannot
    for pattern in missing:
        context.route(pattern, lambda route: route.fulfill(status=404, body="not found"))
    page = context.new_page()
    page.goto(f"{site_url}/{KPI}")
    page.fill('[name="satisfaction"]', "88")
    assert state(page) == "error"
    assert "无法" in page.locator("#hb-result").inner_text()
    assert page.locator('[name="satisfaction"]').input_value() == "88"  # typed work stays
    context.close()


def test_two_tabs_on_one_assessment_lose_nothing(browser, site_url):
    context = browser.new_context()
    first, second = context.new_page(), context.new_page()
    first.goto(f"{site_url}/{KPI}")
    second.goto(f"{site_url}/{KPI}")
    state(first), state(second)
    first.fill('[name="satisfaction"]', "70")
    second.wait_for_selector("text=另一个标签页中也被修改", timeout=10000)
    second.fill('[name="satisfaction"]', "90")
    key = storage_key(second)
    kept = second.evaluate("k => [localStorage.getItem(k), localStorage.getItem(k + ':other-tab')]", key)
    assert (json.loads(kept[0])["answers"]["satisfaction"] == "90"
            and json.loads(kept[1])["answers"]["satisfaction"] == "70")
    second.click("text=改用另一标签页的答案")
    assert second.locator('[name="satisfaction"]').input_value() == "70"
    assert (json.loads(second.evaluate("k => localStorage.getItem(k + ':other-tab')", key))["answers"]["satisfaction"]
            == "90")

    # after a reload, the answers kept aside are offered again, not only kept (they once were never shown again)
    second.reload()
    state(second)
    assert second.locator('[name="satisfaction"]').input_value() == "70"
    second.wait_for_selector("text=本机还另存了一份此自评的答案（来自另一个标签页）")
    second.get_by_role("button", name="改用另存的答案").click()
    assert second.locator('[name="satisfaction"]').input_value() == "90"
    second.reload()  # swapped: the 70 is the one kept aside now, and offered
    state(second)
    assert second.locator('[name="satisfaction"]').input_value() == "90"
    second.once("dialog", lambda dialog: dialog.accept())  # a person who clicks 删除 means it
    second.get_by_role("button", name="删除另存的答案").click()
    second.wait_for_selector("text=已删除另存的答案")
    second.reload()
    state(second)
    assert second.get_by_role("button", name="改用另存的答案").count() == 0
    context.close()


@pytest.mark.parametrize("answers", [None, [1, 2], {"person": {}, "periods": 5}])
def test_an_import_of_the_wrong_shape_changes_nothing(page, site_url, tmp_path, answers):
    page.goto(f"{site_url}/{PROMOTION}")
    state(page)
    page.locator("tbody tr.hb-period").first.locator('[name="monthly_rank"]').fill("2")
    meta = json.loads(page.locator("form.hb-assess").get_attribute("data-definition"))
    file = tmp_path / "answers.json"
    file.write_text(json.dumps({"definition": meta["id"], "rulebook_version": meta["version"], "answers": answers}))
    page.set_input_files('input[data-action="import"]', str(file))
    page.wait_for_selector(".hb-import-message:has-text('表格未改动')")  # the import reads the file first
    assert page.locator("tbody tr.hb-period").first.locator('[name="monthly_rank"]').input_value() == "2"


def test_importing_2000_periods_does_not_freeze_the_tab(page, site_url, tmp_path):
    page.goto(f"{site_url}/{PROMOTION}")
    state(page)
    meta = json.loads(page.locator("form.hb-assess").get_attribute("data-definition"))
    file = tmp_path / "answers.json"
    periods = [{"monthly_rank": "5"} for _ in range(2000)]
    file.write_text(json.dumps({"definition": meta["id"], "rulebook_version": meta["version"],
                                "rulebook_hash": meta["hash"], "answers": {"person": {}, "periods": periods}}))
    page.set_default_timeout(10000)  # was 53 s of renumbering
    page.set_input_files('input[data-action="import"]', str(file))
    page.wait_for_selector("tbody tr.hb-period:nth-child(2000)", state="attached")
    assert page.locator("tbody tr.hb-period").last.locator(".hb-period-no").inner_text() == "第 2000 期"
