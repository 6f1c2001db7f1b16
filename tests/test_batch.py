"""HR scores a department at once: the empty workbook from `handbook batch --template`, filled in with
openpyxl as Excel would save it, exported answer files in a folder, a CSV with BOM; results read back from
the real .xlsx and .csv. Totals are computed by hand from the rules."""

import csv
import json
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from conftest import run_cli

from assessment.fingerprint import answers_hash

KPI = "客服岗位月度绩效(KPI)"  # weights 20 / 20 / 25 / 25 / 10, each item out of 100


def filled(path, sheet_rows):
    book = load_workbook(path)
    sheet = book.active
    for row in sheet_rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.fixture
def kpi_book(tmp_path):
    path = tmp_path / "kpi.xlsx"
    assert run_cli("batch", "--template", "cs_kpi_monthly", "-o", path).returncode == 0
    return filled(path, [["A001", "张三", "客服一组", 92, 88, 95, 80, 100],
                         ["A002", "李四", "客服一组", 90, 80, 70, 60, 100],
                         ["A003", "王五", "客服二组", 92, 888, 95, 80, 100]])


def test_a_filled_workbook_scores_every_row_and_locates_a_bad_cell(kpi_book, tmp_path):
    out = tmp_path / "结果.xlsx"
    done = run_cli("batch", kpi_book, "-o", out)
    assert done.returncode == 3  # some rows could not be scored
    assert f"kpi.xlsx:{KPI}!E4: “客户满意度”应在 0 到 100 之间，实际为 888" in done.stderr
    book = load_workbook(out)
    assert book.sheetnames == ["汇总", KPI]
    assert [c.value for c in book["汇总"][2]] == [KPI, 3, 2, 1]
    sheet = book[KPI]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    rows = {r[1]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    # 张三: 18.4 + 17.6 + 23.75 + 20 + 10; 李四: 18 + 16 + 17.5 + 15 + 10
    assert Decimal(str(rows["A001"][4])) == Decimal("89.75") and Decimal(str(rows["A002"][4])) == Decimal("76.5")
    assert rows["A003"][4] is None and "E4" in rows["A003"][10]  # the row is there, with its error


def test_the_template_offers_the_options_of_choice_items(tmp_path):
    path = tmp_path / "grading.xlsx"
    assert run_cli("batch", "--template", "cs_grading", "-o", path).returncode == 0
    sheet = load_workbook(path).active
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["工号", "姓名", "部门", "文化程度"]
    lists = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert any("本科" in formula and range_.startswith("D2") for range_, formula in lists.items())


def test_a_rule_reads_one_row_per_person_and_period(tmp_path):
    path = tmp_path / "cc.xlsx"
    assert run_cli("batch", "--template", "course_adviser", "-o", path).returncode == 0
    filled(path, [["C001", "赵六", "课程顾问部", "是", "否", "未达成", sales, 0] for sales in (52000, 61000, 48000)])
    out = tmp_path / "cc-result.csv"
    done = run_cli("batch", path, "-o", out)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel on Chinese Windows reads UTF-8 by its BOM
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    rule = next(r for r in rows if r[1] == "C001")
    # last month 48,000: 30,000 ≤ 48,000 < 50,000 → 1.5 % → 720; three months 161,000 < 300,000 → 2,600
    assert rule[4] == "保持" and rule[6] == "2600" and rule[7] == "720"


def test_a_rule_over_the_person_only_reads_one_row_per_person(tmp_path):
    path = tmp_path / "ladder.xlsx"
    assert run_cli("batch", "--template", "sales_qualification_ladder", "-o", path).returncode == 0
    header = [c.value for c in load_workbook(path).active[1]]
    assert header == ["工号", "姓名", "部门", "当前级别", "大专毕业后的年限", "担任销售助理工程师的年限",
                      "担任销售工程师的年限", "上级确认已达到下一级的能力描述"]  # no 月份: nothing is asked per period
    filled(path, [["S001", "周一", "销售部", "四级销售员", 3, 0, 0, "是"],
                  ["S002", "吴二", "销售部", "三级销售助理工程师", 5, 1.5, 0, "是"]])
    out = tmp_path / "ladder-result.csv"
    done = run_cli("batch", path, "-o", out)
    assert done.returncode == 0, done.stderr
    rows = {r[1]: r for r in csv.reader(out.read_text(encoding="utf-8-sig").splitlines())}
    # 四级销售员, three years since graduating: 一级销售助理工程师 opens at three; 1.5 years as 助理 is short of two
    assert rows["S001"][4] == "晋升" and rows["S002"][4] == "保持"


def test_exported_files_in_a_folder_and_a_csv_are_read_together(tmp_path, rulebook):
    folder = tmp_path / "收集" / "一组"
    folder.mkdir(parents=True)
    export = {"definition": "cs_kpi_monthly", "definition_name": KPI, "rulebook_version": rulebook["version"],
              "rulebook_hash": answers_hash(rulebook, "cs_kpi_monthly"),
              "person": {"staff_id": "B001", "name": "孙八", "department": "客服一组"},
              "answers": {"return_visit_rate": "100", "satisfaction": "100", "timeliness_accuracy": "100",
                          "training_level": "100", "attendance": "0"}}
    (folder / "孙八.json").write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    (folder / "notes.json").write_text("{}", encoding="utf-8")  # not an answers file: left alone
    (tmp_path / "收集" / "cs_kpi_monthly.csv").write_text(
        "工号,姓名,部门,客户回访率,客户满意度,处理时限和正确度,培训及业务水平,考勤\nB002,周九,客服一组,50,50,50,50,50\n",
        encoding="utf-8-sig")
    out = tmp_path / "out.xlsx"
    done = run_cli("batch", tmp_path / "收集", "-o", out)
    assert done.returncode == 0, done.stderr
    rows = {r[1]: r for r in load_workbook(out)[KPI].iter_rows(min_row=2, values_only=True)}
    assert Decimal(str(rows["B001"][4])) == 90 and rows["B001"][2] == "孙八"  # 20 + 20 + 25 + 25 + 0
    assert Decimal(str(rows["B002"][4])) == 50


def test_an_unknown_sheet_or_column_is_said(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("工号,姓名,满意程度\nA1,甲,3\n", encoding="utf-8-sig")
    done = run_cli("batch", path, "-o", tmp_path / "o.xlsx")
    assert done.returncode == 3 and "表名“bad”不是标准或规则的名称或 id" in done.stderr
    kpi = tmp_path / "cs_kpi_monthly.csv"
    kpi.write_text("工号,姓名,满意程度,客户回访率\nA1,甲,3,90\n", encoding="utf-8-sig")
    done = run_cli("batch", kpi, "-o", tmp_path / "o.xlsx")
    assert "cs_kpi_monthly.csv:1:C: 没有叫“满意程度”的项目" in done.stderr and "Traceback" not in done.stderr


def test_the_page_keeps_who_is_assessed_and_the_batch_reads_it(page, site_url, tmp_path):
    """姓名 / 工号 / 部门 on the form: kept in the browser, on the report, in the export, read by HR's batch."""
    page.goto(f"{site_url}/assess/cs_kpi_monthly.html")
    page.get_by_label("姓名").fill("张三")
    page.get_by_label("工号").fill("A001")
    page.get_by_label("部门").fill("客服一组")
    for name, value in {"return_visit_rate": 92, "satisfaction": 88, "timeliness_accuracy": 95,
                        "training_level": 80, "attendance": 100}.items():
        page.fill(f'[name="{name}"]', str(value))
    page.wait_for_selector("#hb-result[data-state=ready]", timeout=60000)
    page.reload()
    page.wait_for_selector("#hb-result[data-state=ready]", timeout=60000)
    assert page.get_by_label("工号").input_value() == "A001"
    assert page.inner_text("#hb-result .hb-report-meta").startswith("张三 · A001 · 客服一组 · 报告日期")
    with page.expect_download() as download:
        page.click('[data-action="export"]')
    folder = tmp_path / "answers"
    folder.mkdir()
    download.value.save_as(folder / "张三.json")
    out = tmp_path / "out.csv"
    assert run_cli("batch", folder, "-o", out).returncode == 0
    row = next(r for r in csv.reader(out.read_text(encoding="utf-8-sig").splitlines()) if r[1] == "A001")
    assert row[2:5] == ["张三", "客服一组", "89.75"]  # 18.4 + 17.6 + 23.75 + 20 + 10


def test_the_calibration_page_groups_by_department_best_first(kpi_book, tmp_path):
    book = load_workbook(kpi_book)
    book.active.append(["A004", "<b>赵</b>", "客服一组", 100, 100, 100, 100, 100])
    book.save(kpi_book)
    out = tmp_path / "校准.html"
    assert run_cli("batch", kpi_book, "-o", out).returncode == 3
    text = out.read_text(encoding="utf-8")
    assert "<script" not in text and "&lt;b&gt;赵&lt;/b&gt;" in text  # names are text, never markup
    assert "客服一组（3 人）" in text and "无法计分" in text and "A003" in text
    first = text.index("客服一组（3 人）")
    # best first within the department: 100, then 89.75 (张三), then 76.5 (李四), by hand
    assert first < text.index("A004", first) < text.index("A001", first) < text.index("A002", first)


def test_options_may_be_typed_with_either_kind_of_brackets(tmp_path):
    path = tmp_path / "grading.xlsx"
    assert run_cli("batch", "--template", "cs_grading", "-o", path).returncode == 0
    # the label is “一年(含一年)”; an input method types （）
    filled(path, [["G1", "甲", "前台组", "本科", "uniform、badge、hair、hygiene",
                   "一年（含一年）", "前台", 2, None, 80]])
    done = run_cli("batch", path, "-o", tmp_path / "o.csv")
    assert done.returncode == 0, done.stderr


def test_a_rules_rows_may_come_month_by_month_and_yes_no_and_labels_as_typed(tmp_path):
    path = tmp_path / "cc.xlsx"
    assert run_cli("batch", "--template", "course_adviser", "-o", path).returncode == 0
    # sorted by month, as a sheet often is: C001 and C002 alternate
    rows = []
    for sales_a, sales_b in ((52000, 40000), (61000, 45000), (48000, 45000)):
        rows += [["C001", "赵六", "课程顾问部", "是", "否", "未达成", sales_a, 0],
                 ["C002", "钱七", "课程顾问部", "是", "否", "未达成", sales_b, 0]]
    filled(path, rows)
    out = tmp_path / "cc.csv"
    done = run_cli("batch", path, "-o", out)
    assert done.returncode == 0, done.stderr
    result = {r[1]: r for r in csv.reader(out.read_text(encoding="utf-8-sig").splitlines()) if r[1] in ("C001", "C002")}
    assert result["C001"][7] == "720"  # 48,000 × 1.5 %, by hand
    # C002: regular, two months under 50,000 in a row → demoted (the rule's "转正后连续两个月低于 5 万")
    assert result["C002"][4] == "降级"


def test_a_name_typed_as_a_formula_stays_text(tmp_path):
    """=1+2 or @SUM(A1) typed as a name on the page is what someone typed, never something Excel runs."""
    source = tmp_path / "export.json"
    source.write_text(json.dumps({"definition": "cs_kpi_monthly", "person": {"name": "=1+2", "department": "@SUM(A1)"},
                                  "answers": {"return_visit_rate": "90", "satisfaction": "80",
                                              "timeliness_accuracy": "70", "training_level": "60",
                                              "attendance": "100"}}), encoding="utf-8")
    assert run_cli("batch", source, "-o", tmp_path / "out.xlsx").returncode == 0
    cell = load_workbook(tmp_path / "out.xlsx")[KPI]["C2"]
    assert (cell.value, cell.data_type) == ("=1+2", "s")
    assert run_cli("batch", source, "-o", tmp_path / "out.csv").returncode == 0
    text = (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
    assert ",'=1+2,'@SUM(A1)," in text and "规则" not in text  # and no empty table of rules
