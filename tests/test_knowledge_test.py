"""The seed's 客服知识测试 (002 第8篇) as data, scored by the engine: choice, multiple choice, true/false,
fill-in and short-answer questions. Expected totals are added up here from the printed key and points
(5 × 5 choice, 5 × 5 true/false, 15 blanks × 2, 2 short answers × 10 marked by a reviewer)."""

import shutil
from decimal import Decimal

import pytest

from assessment import items as kinds
from assessment import score
from conftest import SAMPLE, run_cli
from test_accessibility import serious_violations

TEST = "cs_knowledge_test"
KEY = {
    "q1_hang_up": "c", "q2_phone_fault": ["a", "b"], "q3_upset_caller": ["a", "c"],
    "q4_dialect": ["a", "b", "c"], "q5_beyond_me": ["a", "b", "c"],
    "j1_enquiry": True, "j2_results": True, "j3_complaint": True, "j4_escalate": True, "j5_follow_up": True,
    "b1_1": "血清", "b1_2": "血浆", "b1_3": "红细胞", "b1_4": "血清",
    "b2_1": "8h", "b2_2": "临床生化定量测定", "b2_3": "饮食", "b2_4": "体力活动", "b2_5": "生理活动",
    "b3_1": "全血", "b3_2": "血浆", "b3_3": "血清",
    "b4_1": "采用EDTA或肝素钠抗凝血", "b4_2": "2ml", "b5_1": "2-8度冰箱",
}


def test_all_right_is_80_with_the_two_short_answers_left_to_a_reviewer(standard):
    answers = {**KEY, "s1_notice": "为了及时、有效地把公司最新信息告诉客户……", "s2_survey": "了解客户的满意程度……"}
    result = score(standard(TEST), answers)
    assert result["max_total"] == "100"  # 25 + 25 + 30 + 20
    assert result["total"] == "80"  # 5 × 5 + 5 × 5 + 15 × 2; the short answers wait for marks
    assert result["test"] is True
    assert [p["item"] for p in result["pending"]] == ["s1_notice", "s2_survey"]
    assert all(p["max_points"] == "10" for p in result["pending"]) and result["pending_points"] == "20"
    rows = {r["id"]: r for r in result["items"]}
    assert rows["q1_hang_up"]["rule"] == "答对 → 5 分"
    assert "参考答案：告客户书发放的目的" in rows["s1_notice"]["rule"]
    assert "原文没有给出参考答案" in rows["s2_survey"]["rule"]


def test_all_wrong_is_0_and_says_each_correct_answer(standard):
    wrong = {"q1_hang_up": "a", "q2_phone_fault": ["c"], "q3_upset_caller": ["b", "d"], "q4_dialect": ["d"],
             "q5_beyond_me": ["d"], **{j: False for j in KEY if j.startswith("j")},
             **{b: "不知道" for b in KEY if b.startswith("b")}}
    result = score(standard(TEST), wrong)
    assert result["total"] == "0" and result["pending"] == []
    rows = {r["id"]: r for r in result["items"]}
    assert rows["q1_hang_up"]["rule"] == "答错（正确答案：C、地位高者先挂电话）→ 0 分"
    assert "正确答案：A、联系公司网管及时处理、B、转接电话" in rows["q2_phone_fault"]["rule"]
    assert rows["j1_enquiry"]["rule"] == "答错（正确答案：对（√））→ 0 分"
    assert rows["b5_1"]["rule"].startswith("答错（正确答案：2-8度冰箱 或")
    assert rows["s1_notice"]["rule"].startswith("未作答 → 0 分")


def test_a_mixed_paper_as_a_person_types_it(standard):
    answers = {
        "q1_hang_up": "C、地位高者先挂电话",  # named by its label: 5
        "q2_phone_fault": ["a"],  # one of two: all or nothing, 0
        "q3_upset_caller": ["a", "c"],  # 5
        "q4_dialect": ["a", "b", "c", "d"],  # one too many: 0
        # q5 left unanswered: 0                                            choice: 10
        "j1_enquiry": True, "j2_results": False, "j4_escalate": "√", "j5_follow_up": "对",  # 5 + 0 + 5 + 5 = 15
        "b1_1": "血清", "b1_2": "血 浆", "b1_3": "红细胞。", "b1_4": "血浆",  # 2 + 2 + 2 + 0 = 6
        "b2_1": "８Ｈ", "b2_2": "临床生化定量测定", "b2_3": "体力活动",  # 2 + 2 + 0 = 4       blanks: 10
    }
    result = score(standard(TEST), answers)
    assert result["total"] == "35"  # 10 + 15 + 10
    rows = {r["id"]: r for r in result["items"]}
    assert rows["q5_beyond_me"]["rule"].startswith("未作答 → 0 分；正确答案：A、征求意见")
    assert rows["b2_1"]["points"] == "2" and rows["b1_4"]["points"] == "0"


def test_partial_marks_when_a_definition_says_so():
    item = {"id": "q", "name": "q", "kind": "multiple", "points": "5", "partial": True,
            "options": [{"id": i, "label": i.upper()} for i in "abcd"], "key": ["a", "b", "c"]}
    assert kinds.points(item, ["a", "b"])[0] == Decimal("3.33")  # 5 × 2 ÷ 3, two places
    assert kinds.points(item, ["a", "d"])[0] == 0  # a wrong option: nothing
    assert kinds.points(item, ["a", "b", "c"])[0] == 5
    assert "少选：选对 2 / 3 项" in kinds.points(item, ["a", "b"])[1]


def test_an_answer_outside_the_options_is_told_at_its_field(standard):
    from assessment.errors import AnswerError

    with pytest.raises(AnswerError) as error:
        score(standard(TEST), {"q1_hang_up": "e", "j1_enquiry": "也许"})
    fields = {p.field: p for p in error.value.problems}
    assert set(fields) == {"q1_hang_up", "j1_enquiry"}


def copy_of_sample(tmp_path):
    target = tmp_path / "competencies"
    shutil.copytree(SAMPLE, target)
    return target


@pytest.mark.parametrize("edit, told", [
    (("key: c", "key: e"),
     "cs_knowledge_test.yaml:27:9: 正确答案“e”不是本题的选项；选项：a、b、c、d — 把 key 改成选项的 id，如 a"),
    (("kind: true_false\n        points: 5\n        key: true", "kind: true_false\n        points: 5"), "key"),
])
def test_a_broken_key_is_located(tmp_path, edit, told):
    root = copy_of_sample(tmp_path)
    path = root / "standards" / f"{TEST}.yaml"
    text = path.read_text(encoding="utf-8")
    assert edit[0] in text
    path.write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    result = run_cli("validate", "--dir", root)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert told in result.stderr, result.stderr


# --- the page: a person answers through the visible controls, hands in, and reads the key -----------------

@pytest.mark.parametrize("width", [1280, 375])
def test_the_page_shows_points_and_key_only_after_handing_in(browser, site_url, width, tmp_path):
    # bypass_csp: axe is injected as an inline script, which the page's policy rightly refuses
    context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.goto(f"{site_url}/assess/{TEST}.html")
    assert "这是练习：正确答案就在本页的文件里" in page.locator("form.hb-assess").inner_text()
    page.wait_for_function("() => performance.getEntriesByName('hb-engine-ready').length", timeout=60000)
    page.get_by_label("1. 打电话时谁先挂").select_option(label="C、地位高者先挂电话")
    page.get_by_label("A、联系公司网管及时处理").check()
    page.get_by_label("B、转接电话").check()
    page.get_by_label("填空1 第①空").fill("血清")
    page.get_by_label("1. 告客户书发放的目的是什么").fill("让客户及时知道公司的最新信息。")
    page.get_by_label("填空1 第①空").press("Tab")
    result = page.locator("#hb-result")
    page.wait_for_function("() => document.getElementById('hb-result').dataset.state === 'ready'")
    assert "答完后按“交卷”" in result.inner_text()
    assert "正确答案：" not in result.inner_text() and "总分" not in result.inner_text()
    page.get_by_role("button", name="交卷").click()
    page.wait_for_function("() => document.getElementById('hb-result').dataset.total === '12'")
    shown = result.inner_text()
    assert "总分 12 / 100" in shown  # 5 (q1) + 5 (q2) + 2 (first blank)
    assert "另有 1 道简答题（共 10 分）需阅卷人对照参考答案评分" in shown
    assert "答错（正确答案：A、要克制自己的情绪" not in shown  # q3 was not answered …
    assert "未作答 → 0 分；正确答案：A、要克制自己的情绪" in shown  # … so it says so, with the key
    assert result.locator("table").is_visible()
    assert serious_violations(page) == []  # axe-core, with the results and the key shown
    page.screenshot(path=str(tmp_path / f"test-{width}.png"))  # looked at when the page was made
    context.close()


def test_the_test_is_on_its_own_page_and_in_search(built_site):
    page = (built_site / "standards" / f"{TEST}.html").read_text(encoding="utf-8")
    assert "做这份测试（练习，交卷后显示答案）" in page
    assert "C、地位高者先挂电话" in page and "答对得 5 分" in page
    index = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert f"standards/{TEST}" in index
    listing = (built_site / "assess" / "index.html").read_text(encoding="utf-8")
    assert "知识测试（练习）" in listing
    assert ">测试：客服知识测试<" in (built_site / "assess" / f"{TEST}.html").read_text(encoding="utf-8")  # its heading
    assert ">自评：客服部岗位定级标准<" in (built_site / "assess" / "cs_grading.html").read_text(encoding="utf-8")


def test_a_question_in_a_rule_is_refused_where_it_stands(tmp_path):
    root = copy_of_sample(tmp_path)
    path = root / "rules" / "cs_promotion.yaml"
    text = path.read_text(encoding="utf-8")
    first_kind = next(line for line in text.splitlines() if line.strip().startswith("kind:"))
    path.write_text(text.replace(first_kind, first_kind.split("kind:")[0] + "kind: single", 1), encoding="utf-8")
    result = run_cli("validate", "--dir", root)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    line = text.splitlines().index(first_kind) + 1
    assert f"cs_promotion.yaml:{line}:" in result.stderr and "single" in result.stderr, result.stderr


# --- marking a short answer: the reviewer's marks, in the review (审核) -------------------------------------

def test_a_reviewers_marks_count_and_are_no_disagreement(standard, rulebook):
    from assessment.review import compare

    mine = {"q1_hang_up": "c", "s1_notice": "让客户及时了解公司的最新信息。"}
    theirs = {**mine, "s1_notice": {"text": mine["s1_notice"], "marks": "6分"}}
    review = compare(rulebook, TEST, mine, theirs)
    assert review["self"]["total"] == "5" and [p["item"] for p in review["self"]["pending"]] == ["s1_notice"]
    assert review["reviewer"]["total"] == "11"  # 5 (q1) + 6 marked
    assert review["reviewer"]["pending"] == []
    row = next(r for r in review["fields"] if r["field"] == "s1_notice")
    assert row["level"] == "same" and row["reviewer"].endswith("（阅卷 6 分）")
    other = compare(rulebook, TEST, {**mine, "s1_notice": {"text": "甲", "marks": "2"}},
                    {**mine, "s1_notice": {"text": "甲", "marks": "8"}})
    assert next(r for r in other["fields"] if r["field"] == "s1_notice")["steps"] == 6  # a step is 1 of 10 marks
    too_many = compare(rulebook, TEST, mine, {**mine, "s1_notice": {"text": "甲", "marks": "11"}})
    assert too_many["reviewer"]["errors"][0]["field"] == "s1_notice"


def test_the_reviewer_marks_in_the_page(page, site_url, tmp_path):
    page.goto(f"{site_url}/assess/{TEST}.html")
    page.wait_for_function("() => performance.getEntriesByName('hb-engine-ready').length", timeout=60000)
    page.get_by_label("1. 打电话时谁先挂").select_option(label="C、地位高者先挂电话")
    page.get_by_label("1. 告客户书发放的目的是什么").fill("让客户及时了解公司的最新信息。")
    assert not page.get_by_text("阅卷给分（0–10 分）").first.is_visible()  # the person does not mark
    page.get_by_label("1. 告客户书发放的目的是什么").press("Tab")
    with page.expect_download() as download:
        page.get_by_role("button", name="导出答案").click()
    exported = tmp_path / "answers.json"
    download.value.save_as(exported)

    page.get_by_role("button", name="审核他人的自评").click()
    page.set_input_files('[data-action="review-import"]', exported)
    page.wait_for_selector("#hb-result[data-state=review]")
    marks = page.locator('[data-marks-for="s1_notice"]')
    assert marks.is_visible()
    marks.fill("6")
    marks.press("Tab")
    page.wait_for_selector("#hb-result >> text=11 / 100")
    table = page.evaluate("""() => [...document.querySelectorAll('#hb-result tr')].map(
        tr => [...tr.children].map(c => c.innerText.trim()))""")
    assert ["总分", "5 / 100", "11 / 100"] in table


def test_a_batch_spreadsheet_carries_the_reviewers_marks_beside_each_short_answer(tmp_path):
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    path = tmp_path / "试卷.xlsx"
    assert run_cli("batch", "--template", TEST, "-o", path).returncode == 0
    book = load_workbook(path)
    sheet = book.active
    header = [c.value for c in sheet[1]]
    s1 = header.index("1. 告客户书发放的目的是什么？编辑、发放的流程是什么？")
    assert header[s1 + 1] == header[s1] + "（阅卷给分）"
    right = [",".join(v) if isinstance(v, list) else "对" if v is True else v for v in KEY.values()]
    assert len(right) == s1 - 3  # every automatic question, in the template's order
    sheet.append(["K001", "甲", "客服部", *right, "为了及时告知……", 8, "了解满意程度……", 6])  # 80 + 8 + 6
    sheet.append(["K002", "乙", "客服部", *right, "为了及时告知……", None, "了解满意程度……", None])  # 80, 20 waiting
    sheet.append(["K003", "丙", "客服部", *right, "为了及时告知……", 11, "", 0])  # 11 of 10: told at its cell
    book.save(path)
    out = tmp_path / "结果.xlsx"
    done = run_cli("batch", path, "-o", out)
    assert done.returncode == 3
    letter = get_column_letter(s1 + 2)  # the marks column of the first short answer
    assert f"试卷.xlsx:客服知识测试!{letter}4: “{header[s1 + 1]}”应在 0 到 10 之间，实际为 11" in done.stderr
    rows = {r[1]: r for r in load_workbook(out)["客服知识测试"].iter_rows(min_row=2, values_only=True)}
    assert Decimal(str(rows["K001"][4])) == 94 and "待阅卷" not in (rows["K001"][10] or "")
    assert Decimal(str(rows["K002"][4])) == 80
    assert "另有 2 道简答题（共 20 分）待阅卷人评分，未计入总分" in rows["K002"][10]
    assert rows["K003"][4] is None and f"{letter}4" in rows["K003"][10]


def test_marks_without_their_answer_column_are_said(tmp_path):
    from openpyxl import Workbook

    path = tmp_path / "只有分数.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.title = TEST
    sheet.append(["工号", "姓名", "s1_notice.marks"])
    sheet.append(["K001", "甲", 8])
    book.save(path)
    done = run_cli("batch", path, "-o", tmp_path / "o.xlsx")
    assert ("只有分数.xlsx:cs_knowledge_test!C1: 有“s1_notice.marks”一列，"
            "却没有“1. 告客户书发放的目的是什么？编辑、发放的流程是什么？”一列" in done.stderr)
    assert "Traceback" not in done.stderr
