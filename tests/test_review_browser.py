"""审核 in the real page (headless Chromium, the engine in Pyodide): a manager imports a person's exported
answers, answers the same form beside them, comments, exports a sealed review file, prints the 审核单, and
reopens the file later. Totals and steps are counted by hand from the sample's rules."""

import json
import typing

import pytest
from openpyxl import load_workbook

from assessment.contract import ReviewFile
from assessment.review import verify

from conftest import VERSION, run_cli
from test_accessibility import serious_violations

SELF = {"education": "bachelor", "experience": "three_five", "location": "both", "certificates": "2",
        "monthly_appraisal": "90"}
GROOMING = ["uniform", "badge", "hair", "hygiene", "demeanour"]


def self_assessed(page, site_url, tmp_path):
    """张三's own self-assessment of cs_grading, exported as the page writes it."""
    page.goto(f"{site_url}/assess/cs_grading.html")
    for name, value in SELF.items():
        control = page.locator(f'[name="{name}"]')
        control.select_option(value) if control.evaluate("e => e.tagName") == "SELECT" else control.fill(value)
    for check in GROOMING:
        page.check(f'input[name=grooming][value={check}]')
    page.fill("#hb-who-name", "张三")
    page.fill("#hb-who-staff_id", "A001")
    # 本科 3 + 仪容 5 + 三年至五年 4 + 前台及粤点轩 5 + 证书 2 + 90 × 0.75 = 86.5 → 助理四级 (≥ 86)
    page.wait_for_selector("#hb-result[data-state=ready] >> text=总分 86.5 / 100")
    with page.expect_download() as download:
        page.click('[data-action="export"]')
    path = tmp_path / "zhangsan.json"
    download.value.save_as(path)
    return path


def reviewed(page, path):
    page.click('[data-action="review"]')
    page.set_input_files('[data-action="review-import"]', path)
    page.wait_for_selector("#hb-result[data-state=review]")
    page.select_option('[name="experience"]', "two_three")   # 4 → 3 points: one step
    page.select_option('[name="location"]', "front_desk")    # 5 → 4 points, ranks 3 → 2: one step
    page.uncheck("input[name=grooming][value=hygiene]")      # two ticks fewer: two steps
    page.uncheck("input[name=grooming][value=demeanour]")
    page.fill('[name="monthly_appraisal"]', "80")             # 10 of a range of 100: one step
    page.fill('[data-comment="grooming"]', "两次检查指甲与精神状态不达标")
    page.fill("[data-review-overall]", "业务熟练，仪容需改进")
    page.fill("#hb-reviewer-name", "李四")
    # 3 + 3 + 3 + 4 + 2 + 80 × 0.75 = 75 → 助理二级 (≥ 71, 两年至三年, 能胜任前台)
    page.wait_for_selector("#hb-result >> text=相差两档及以上（需要讨论）1 项，相差一档 3 项。")
    page.wait_for_selector("#hb-result >> text=业务熟练，仪容需改进")


def rows(page):
    return page.evaluate("""() => [...document.querySelectorAll('#hb-result tr')].map(
        tr => [...tr.children].map(c => c.innerText.trim()))""")


def test_a_manager_reviews_beside_the_persons_answers(page, site_url, tmp_path):
    path = self_assessed(page, site_url, tmp_path)
    reviewed(page, path)
    table = rows(page)
    assert ["总分", "86.5 / 100", "75 / 100"] in table and ["职级", "助理四级", "助理二级"] in table
    assert ["工作经验", "三年至五年", "两年至三年", "相差一档", ""] in table
    assert ["仪容仪表", ("5 项：按公司规定着工装，整洁无污渍；佩戴工牌，位置端正；发型整洁，不遮挡视线；"
                         "个人卫生良好，指甲清洁；精神饱满，面带微笑"),
            "3 项：按公司规定着工装，整洁无污渍；佩戴工牌，位置端正；发型整洁，不遮挡视线", "相差 2 档，需要讨论",
            "两次检查指甲与精神状态不达标"] in table
    # the second column, at the field itself
    grooming = page.locator('[data-field="grooming"] .hb-review-self')
    assert grooming.is_visible() and "相差 2 档，需要讨论" in grooming.inner_text()
    assert page.locator('[data-field="education"] .hb-review-self').inner_text() == "员工自评：本科"
    text = page.inner_text("#hb-result")
    assert "被审核人 张三 · A001 · 审核人 李四" in text and f"规则版本 {VERSION}" in text
    assert "员工签字" in text and "上级签字" in text

    with page.expect_download() as download:
        page.click('[data-action="review-export"]')
    review = tmp_path / "review.json"
    download.value.save_as(review)
    record = json.loads(review.read_text(encoding="utf-8"))
    assert record["type"] == "review" and verify(record) == "intact"  # sealed by the engine in the browser
    assert set(record) == set(typing.get_type_hints(ReviewFile))  # the declared shape (assessment/contract.py)
    assert (record["self"]["answers"]["experience"] == "three_five"
            and record["reviewer"]["answers"]["experience"] == "two_three")
    assert record["reviewer"]["name"] == "李四" and record["person"]["staff_id"] == "A001"
    assert (record["comments"] == {"grooming": "两次检查指甲与精神状态不达标"}
            and "不是签名" in record["integrity"]["note"])

    # HR reads the same file: the reviewer's answers are the ones scored, the person's own result beside them
    scored = run_cli("score", "cs_grading", "--answers", review, "--json")
    assert scored.returncode == 0 and json.loads(scored.stdout)["total"] == "75"
    assert "审核文件：按审核人 李四 的答案计分" in scored.stderr and "完整性" not in scored.stderr
    batch = run_cli("batch", review, "-o", tmp_path / "out.xlsx")
    assert batch.returncode == 0, batch.stderr
    sheet = load_workbook(tmp_path / "out.xlsx")["客服部岗位定级标准"]
    table = [[c.value for c in line] for line in sheet.iter_rows()]
    line = dict(zip(table[0], table[1]))
    assert (line["总分"], line["职级"], line["自评"], line["审核人"], line["相差两档及以上"], line["审核意见"]) == (
        75, "助理二级", "86.5（助理四级）", "李四", "1 项：仪容仪表",
        "总体：业务熟练，仪容需改进；仪容仪表：两次检查指甲与精神状态不达标")
    assert run_cli("batch", review, "-o", tmp_path / "out.html").returncode == 0
    calibration = (tmp_path / "out.html").read_text(encoding="utf-8")
    assert "<th>自评</th>" in calibration and "<td>86.5（助理四级）</td>" in calibration

    # the 审核单 on paper: both columns and the signature lines, without the form
    page.emulate_media(media="print")
    assert not page.locator("form.hb-assess").is_visible() and page.locator(".hb-signatures").is_visible()
    page.pdf(path=tmp_path / "sheet.pdf")
    assert (tmp_path / "sheet.pdf").read_bytes().startswith(b"%PDF")


def test_a_review_file_reopens_and_an_edit_is_detected(browser, site_url, tmp_path):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    page.on("dialog", lambda dialog: dialog.accept())
    reviewed(page, self_assessed(page, site_url, tmp_path))
    with page.expect_download() as download:
        page.click('[data-action="review-export"]')
    review = tmp_path / "review.json"
    download.value.save_as(review)
    context.close()

    fresh = browser.new_context(viewport={"width": 1280, "height": 900})  # another computer, say
    page = fresh.new_page()
    page.set_default_timeout(15000)
    page.goto(f"{site_url}/assess/cs_grading.html")
    page.set_input_files('[data-action="import"]', review)  # 导入答案 takes a review file too
    page.wait_for_selector("#hb-result >> text=相差两档及以上（需要讨论）1 项，相差一档 3 项。")
    assert "完整性校验相符" in page.inner_text("[data-review-message]")
    assert page.input_value('[data-comment="grooming"]') == "两次检查指甲与精神状态不达标"
    assert page.input_value("#hb-reviewer-name") == "李四" and page.input_value('[name="monthly_appraisal"]') == "80"
    assert ["总分", "86.5 / 100", "75 / 100"] in rows(page)

    record = json.loads(review.read_text(encoding="utf-8"))
    record["reviewer"]["answers"]["monthly_appraisal"] = "100"  # someone improves the manager's verdict
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    scored = run_cli("score", "cs_grading", "--answers", edited)
    assert "完整性校验不符：此审核文件导出后被修改过" in scored.stderr
    batch = run_cli("batch", edited, "-o", tmp_path / "edited.csv")
    assert batch.returncode == 3 and "完整性校验不符" in batch.stderr  # said, and the exit code says so
    assert "完整性校验不符" in (tmp_path / "edited.csv").read_text(encoding="utf-8-sig")
    page.set_input_files('[data-action="review-import"]', edited)
    page.wait_for_selector("[data-review-message] >> text=此审核文件导出后被修改过")
    # the 审核单 is drawn once the engine has scored both columns, a moment after the message
    page.wait_for_selector("#hb-result >> text=此审核文件导出后被修改过")
    fresh.close()


def test_reviewing_leaves_the_reviewers_own_answers_alone(page, site_url, tmp_path):
    path = self_assessed(page, site_url, tmp_path)  # the same browser's own self-assessment, saved
    reviewed(page, path)
    page.reload()
    page.wait_for_selector("text=本机有一份未完成的审核（被审核人：张三 · A001，自评导出于")
    assert page.input_value('[name="monthly_appraisal"]') == "90"  # one's own answers, not the review's
    page.click("text=继续审核")
    page.wait_for_selector("#hb-result >> text=相差两档及以上（需要讨论）1 项，相差一档 3 项。")
    assert page.input_value('[data-comment="grooming"]') == "两次检查指甲与精神状态不达标"
    assert page.locator("[data-review]").count() == 1 and page.locator("text=继续审核").count() == 0  # offered once
    assert page.locator("fieldset:has(#hb-who-name) > legend").inner_text() == "被审核人"

    # another person's file over an unfinished review asks first; saying no keeps the review as it was
    other = tmp_path / "wangwu.json"
    other.write_text(json.dumps({"definition": "cs_grading", "person": {"name": "王五"}, "answers": SELF},
                                ensure_ascii=False), encoding="utf-8")
    page.remove_listener("dialog", page.accept_dialogs)
    asked = []

    def say_no(dialog):
        asked.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", say_no)
    page.set_input_files('[data-action="review-import"]', other)
    page.wait_for_timeout(300)
    assert asked and "导入将替换当前对“张三 · A001”的审核" in asked[0]
    assert page.input_value("#hb-who-name") == "张三" and page.input_value('[name="monthly_appraisal"]') == "80"
    page.remove_listener("dialog", say_no)
    page.on("dialog", page.accept_dialogs)
    page.click('[data-action="review-exit"]')  # confirmed by the fixture
    page.wait_for_selector("#hb-result[data-state=ready] >> text=总分 86.5 / 100")
    assert page.input_value('[name="monthly_appraisal"]') == "90" and not page.locator("[data-review]").is_visible()


def test_a_rules_history_is_compared_period_by_period_at_phone_width(page, site_url, tmp_path):
    page.set_viewport_size({"width": 390, "height": 844})
    answers = {"definition": "kpi_level_review", "rulebook_version": VERSION, "person": {"name": "王五"},
               "answers": {"person": {"level": "reviewer_2", "on_probation": False},
                           "periods": [{"score": "85"}, {"score": "80"}, {"score": "78"}]}}
    path = tmp_path / "wangwu.json"
    path.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")  # hash absent: carried over first
    page.goto(f"{site_url}/assess/kpi_level_review.html")
    page.click('[data-action="review"]')
    page.set_input_files('[data-action="review-import"]', path)
    page.wait_for_selector("#hb-result[data-state=review]")
    page.locator("tbody tr.hb-period").first.locator('[name="score"]').fill("70")
    # self: (85 + 80 + 78) ÷ 3 = 81 > 80 → 晋升; reviewer: (70 + 80 + 78) ÷ 3 = 76 → 保持
    page.wait_for_selector("#hb-result >> text=相差两档及以上（需要讨论）1 项，相差一档 0 项。")
    table = rows(page)
    assert ["结果", "晋升", "保持"] in table
    assert ["第 1 期 · 月度绩效得分", "85分", "70分", "相差 2 档，需要讨论", ""] in table  # 15 of 100: two tenths
    assert page.evaluate("() => document.scrollingElement.scrollWidth <= innerWidth")


@pytest.mark.parametrize("width", [1280, 375])
def test_the_review_has_no_serious_accessibility_violation(browser, site_url, tmp_path, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)  # axe is inline
    page = context.new_page()
    page.set_default_timeout(15000)
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"definition": "cs_grading", "person": {"name": "张三"},
                                "answers": {**SELF, "grooming": GROOMING}}, ensure_ascii=False), encoding="utf-8")
    page.goto(f"{site_url}/assess/cs_grading.html")
    page.click('[data-action="review"]')
    page.set_input_files('[data-action="review-import"]', path)
    page.wait_for_selector("#hb-result[data-state=review]")
    page.select_option('[name="experience"]', "none")  # three steps: the red marking is audited too
    page.wait_for_selector("#hb-result >> text=相差两档及以上（需要讨论）1 项")
    found = serious_violations(page)
    overflow = page.evaluate("() => document.scrollingElement.scrollWidth > innerWidth")
    context.close()
    assert found == [] and not overflow


def test_two_reviews_in_two_tabs_are_both_kept_and_offered(browser, site_url, tmp_path):
    """A manager reviews 张三 in one tab and 王五 in another; both reviews survive, each offered after a reload
    (one storage record per page kept only the last)."""
    context = browser.new_context()
    first, second = context.new_page(), context.new_page()
    for tab in (first, second):
        tab.on("dialog", lambda dialog: dialog.accept())
    path = self_assessed(first, site_url, tmp_path)
    other = tmp_path / "wangwu.json"
    other.write_text(json.dumps({"definition": "cs_grading", "person": {"name": "王五", "staff_id": "B002"},
                                 "exported": "2026-12-01T09:00:00", "answers": SELF}, ensure_ascii=False),
                     encoding="utf-8")
    reviewed(first, path)
    second.goto(f"{site_url}/assess/cs_grading.html")
    second.click('[data-action="review"]')
    second.set_input_files('[data-action="review-import"]', other)
    second.wait_for_selector("#hb-result[data-state=review]")
    second.fill('[name="monthly_appraisal"]', "60")
    second.fill("[data-review-overall]", "王五的审核意见")
    second.wait_for_selector("#hb-result >> text=王五的审核意见")

    third = context.new_page()
    third.on("dialog", lambda dialog: dialog.accept())
    third.goto(f"{site_url}/assess/cs_grading.html")
    third.wait_for_selector("text=本机有一份未完成的审核（被审核人：张三 · A001")
    third.wait_for_selector("text=本机有一份未完成的审核（被审核人：王五 · B002，自评导出于 2026-12-01）")
    third.locator("p:has-text('王五 · B002')").get_by_role("button", name="继续审核").click()
    third.wait_for_selector("#hb-result >> text=王五的审核意见")
    assert third.input_value('[name="monthly_appraisal"]') == "60" and third.input_value("#hb-who-name") == "王五"
    assert third.get_by_role("button", name="继续审核").count() == 0  # the other offer is gone with the line
    third.click('[data-action="review-exit"]')  # ends 王五's review only
    third.reload()
    third.wait_for_selector("text=本机有一份未完成的审核（被审核人：张三 · A001")
    assert third.get_by_role("button", name="继续审核").count() == 1
    third.get_by_role("button", name="继续审核").click()
    third.wait_for_selector("#hb-result >> text=业务熟练，仪容需改进")
    assert third.input_value('[name="monthly_appraisal"]') == "80"
    context.close()
