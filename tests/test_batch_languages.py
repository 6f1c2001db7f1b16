"""HR's batch outputs speak the handbook's language (organisation.yaml `language:`): the workbook's sheet names,
headings and 问题 texts, the template's person columns and choices, the calibration page, the cohort's notes.
What HR fills in is read in either language: a sheet made from a Chinese template reads in an English
handbook, and one headed in English in a Chinese handbook. Totals are computed by hand from the rules.

The English handbook is the second example, examples/library, which is written in English and says so
(`language: en`); its Chinese counterpart is a copy without that line, whose definitions' words stay English
while the generator's own words are Chinese."""

import csv
import html
import json
import re
import shutil
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from assessment import cohort
from assessment.fingerprint import answers_hash
from assessment.messages import speaking
from assessment.review import sealed
from conftest import LIBRARY, run_cli
from generator.definitions.compile import build_rulebook

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
english = LIBRARY  # the second example handbook is written in English and says so (`language: en`)
STANDARD = "Annual librarian review"  # weights 40 / 30 / 20 / 10, each item out of 100; Good 75, Excellent 90
RULE = "Librarian promotion (professional and management tracks)"  # two years of 90 or more: one level up
RULE_SHEET = RULE[:31]  # a sheet's name is at most 31 characters in Excel: the rule's name is cut
ITEMS = ["Service to readers", "Collection and equipment care", "Reading events and training",
         "Teamwork and sharing"]
VACANCY, REVIEW = "A management post one level up is vacant", "Annual review total"  # the rule's two fields
LENDING, DIGITAL = "Lending Services", "Digital Resources"


@pytest.fixture(scope="module")
def chinese(tmp_path_factory):
    """The second example handbook without its `language: en`: Chinese, the default (its own words stay as its
    HR wrote them)."""
    folder = tmp_path_factory.mktemp("chinese") / "library"
    shutil.copytree(LIBRARY, folder)
    organisation = folder / "organisation.yaml"
    text = organisation.read_text(encoding="utf-8")
    assert "\nlanguage: en\n" in text
    organisation.write_text(text.replace("\nlanguage: en\n", "\n"), encoding="utf-8")
    return folder


def chinese_in(texts):
    """The texts that have any Chinese in them (an English handbook's words and its people's are all English)."""
    return [text for text in texts if CJK.search(text)]


def template(folder, ident, path):
    done = run_cli("batch", "--dir", folder, "--template", ident, "-o", path)
    assert done.returncode == 0, done.stderr
    return path


def fill(path, rows, title=None):
    book = load_workbook(path)
    for row in rows:
        book.active.append(row)
    if title:
        book.active.title = title
    book.save(path)
    return path


@pytest.fixture(scope="module")
def english_run(tmp_path_factory):
    """Filled English templates, a review file, one bad cell, one person with too few years; written as a
    workbook and as a calibration page."""
    folder = tmp_path_factory.mktemp("english-batch")
    rulebook = build_rulebook(english)
    standard = fill(template(english, "annual_review", folder / "review.xlsx"), [
        ["L001", "Ann", LENDING, 80, 70, 90, 100],   # 32 + 21 + 18 + 10 = 81: Good, 9 points to Excellent
        ["L002", "Bob", LENDING, 95, 95, 95, 95],    # 95: Excellent
        ["L003", "Cy", DIGITAL, 80, "x", 90, 100],   # not a number
        ["L004", "Di", None, 50, 50, 50, 50]])       # 50: Needs improvement, no department
    rule = fill(template(english, "career_ladder", folder / "ladder.xlsx"), [
        ["L001", "Ann", LENDING, "Librarian", "No", 91, "2025"],
        ["L001", "Ann", LENDING, "Librarian", "No", 90, "2026"],
        ["L002", "Bob", LENDING, "Team Leader", "Yes", 95, "2025"],
        ["L002", "Bob", LENDING, "Team Leader", "Yes", 92, "2026"],
        ["L003", "Cy", DIGITAL, "Librarian", "No", 60, "2026"]])  # one year of two
    self_answers = {"service": "90", "collection": "90", "programmes": "90", "teamwork": "90"}
    record = {"type": "review", "format": 1, "definition": "annual_review", "definition_name": STANDARD,
              "rulebook_version": rulebook["version"], "rulebook_hash": answers_hash(rulebook, "annual_review"),
              "person": {"name": "Eve", "staff_id": "L005", "department": DIGITAL},
              "self": {"answers": self_answers},
              "reviewer": {"name": "Rita", "staff_id": "M001",
                           "answers": {**self_answers, "service": "40"}},  # 16 + 27 + 18 + 9 = 70: Needs improvement
              "comments": {"service": "two complaints"}, "overall": "fine"}
    (folder / "eve.json").write_text(json.dumps(sealed(record)), encoding="utf-8")
    answers = {key: record[key] for key in ("definition", "rulebook_version", "rulebook_hash", "person")}
    (folder / "eve-answers.json").write_text(json.dumps({**answers, "answers": self_answers}), encoding="utf-8")
    del record["rulebook_hash"]  # an unsealed copy of another person: a note says so
    record["person"] = {"name": "Fay", "staff_id": "L006", "department": DIGITAL}
    (folder / "fay.json").write_text(json.dumps(record), encoding="utf-8")
    inputs = [standard, rule, folder / "eve-answers.json", folder / "eve.json", folder / "fay.json"]
    book, page = folder / "out.xlsx", folder / "out.html"
    done = run_cli("batch", "--dir", english, *inputs, "-o", book)
    assert done.returncode == 3, done.stderr  # L003's two rows could not be scored
    assert run_cli("batch", "--dir", english, *inputs, "-o", page).returncode == 3
    return {"rulebook": rulebook, "book": load_workbook(book), "page": page.read_text(encoding="utf-8"),
            "stdout": done.stdout, "stderr": done.stderr, "folder": folder}


def test_the_english_template_is_headed_and_offers_choices_in_english(tmp_path):
    book = load_workbook(template(english, "career_ladder", tmp_path / "t.xlsx"))
    sheet = book.active
    header = [c.value for c in sheet[1]]
    assert header == ["Employee ID", "Name", "Department", "Current level", VACANCY, REVIEW, "Month"]
    lists = [v.formula1 for v in sheet.data_validations.dataValidation]
    assert '"Yes,No"' in lists
    assert '"Assistant Librarian,Librarian,Senior Librarian,Team Leader,Head of Department"' in lists
    assert book.sheetnames == [RULE_SHEET] and chinese_in(header + lists) == []


def test_a_filled_template_of_a_long_named_rule_reads_back(tmp_path):
    """The template names its sheet after the rule, cut to Excel's 31 characters; the batch reads it back."""
    rule = fill(template(english, "career_ladder", tmp_path / "ladder.xlsx"), [
        ["L001", "Ann", LENDING, "Librarian", "No", 91, "2025"],
        ["L001", "Ann", LENDING, "Librarian", "No", 90, "2026"]])
    out = tmp_path / "out.csv"
    done = run_cli("batch", "--dir", english, rule, "-o", out)
    assert done.returncode == 0, done.stderr
    assert "Librarian → Senior Librarian" in out.read_text(encoding="utf-8-sig")


def test_the_english_workbook_is_headed_in_english(english_run):
    book = english_run["book"]
    assert book.sheetnames == ["Summary", STANDARD, RULE_SHEET]
    summary = [[c.value for c in row] for row in book["Summary"].iter_rows()]
    assert summary == [["Standard or rule", "People", "Scored", "With problems"], [STANDARD, 7, 6, 2],
                       [RULE, 3, 2, 1]]
    reviewed = ["Self-assessment", "Reviewer", "Two or more steps apart", "Reviewer's comments"]
    assert [c.value for c in book[STANDARD][1]] == [
        "Standard", "Employee ID", "Name", "Department", "Total", "Maximum", "Grade", "Unmet prerequisites",
        "To the next grade", "Source", "Problems", *reviewed]
    assert [c.value for c in book[RULE_SHEET][1]] == [
        "Rule", "Employee ID", "Name", "Department", "Result", "Level", "Pay", "Bonus", "Reason", "Source",
        "Problems", *reviewed, "Ranks computed from everyone"]


def test_the_english_workbook_says_results_and_problems_in_english(english_run):
    book = english_run["book"]
    rows = {r[1]: r for r in book[STANDARD].iter_rows(min_row=2, values_only=True)}
    assert (Decimal(str(rows["L001"][4])), rows["L001"][6], rows["L001"][8]) == (81, "Good", "9 points (Excellent)")
    assert rows["L001"][9].endswith(f"review.xlsx:{STANDARD}!row 2")
    assert rows["L003"][4] is None
    assert f"review.xlsx:{STANDARD}!E4: “{ITEMS[1]}”: 'x' is not a number" in rows["L003"][10]
    # the review: the reviewer's 70 (Needs improvement) scored, the person's own 90 (Excellent) beside it; 90
    # against 40 is far apart
    eve = rows["L005"]
    assert Decimal(str(eve[4])) == 70 and eve[6] == "Needs improvement"
    assert eve[11:15] == ("90 (Excellent)", "Rita (M001)", f"1 item(s): {ITEMS[0]}",
                          f"Overall: fine; {ITEMS[0]}: two complaints")
    assert (Decimal(str(rows["L004"][4])), rows["L004"][6]) == (50, "Needs improvement")
    assert "fay.json: This review file has no integrity check" in rows["L006"][10]
    answered = next(r for r in book[STANDARD].iter_rows(min_row=2, values_only=True) if "eve-answers" in r[9])
    assert Decimal(str(answered[4])) == 90 and answered[10].startswith(
        f"Note: This employee ID's {STANDARD} is also in ")  # the review counts, the answers file is said
    ladder = {r[1]: r for r in book[RULE_SHEET].iter_rows(min_row=2, values_only=True)}
    assert ladder["L001"][4:6] == ("Promote", "Librarian → Senior Librarian")
    assert ladder["L002"][4:6] == ("Promote", "Team Leader → Head of Department")
    assert "needs at least 2 periods, got 1" in ladder["L003"][10]
    texts = [str(c) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row
             if c is not None]
    assert chinese_in(texts + book.sheetnames) == []  # the handbook's words, the generator's and the people's


def visible(page):
    """The page's text as a person sees or hears it: no style, no tags; the charts' labels included."""
    body = re.sub(r"<style>.*?</style>", "", page, flags=re.S)
    labels = re.findall(r'aria-label="([^"]*)"', body)
    return [html.unescape(t) for t in re.split(r"<[^>]*>", body) + labels if t.strip()]


def test_the_english_calibration_page_speaks_english(english_run):
    page = english_run["page"]
    assert page.startswith('<!doctype html><html lang="en">') and "<title>Calibration</title>" in page
    text = visible(page)
    assert any(t.startswith(f"Rules version {english_run['rulebook']['version']} · generated ") for t in text)
    assert f"{LENDING} (2 person(s))" in text and "(no department) (1 person(s))" in text
    assert {"Employee ID / name", "Total", "Grade", "To the next grade", "Could not be scored"} <= set(text)
    assert "L002 Bob" in text and "9 points (Excellent)" in text
    assert any(t.endswith("; 1 of them repeat another file of the same person and are counted once") for t in text)
    assert chinese_in(text) == [] and not CJK.search(page)


def test_the_english_command_line_speaks_english(english_run):
    """The rows' problems, the notes (cli.batch_note) and the count (cli.batch_done) as the command prints them:
    all in English, the notes too."""
    folder, lines = english_run["folder"], english_run["stderr"].splitlines()
    assert lines[0] == f"Handbook folder: {english}"
    assert f"{folder / 'ladder.xlsx'}:{RULE[:31]}!row 6: needs at least 2 periods, got 1" in lines
    assert (f"{folder / 'eve-answers.json'}: note: This employee ID's {STANDARD} is also in {folder / 'eve.json'}: "
            "only that one counts for ranks and calibration") in lines
    assert chinese_in(lines) == []
    # 7 of the standard and 3 of the rule; L003 twice not scored; L003 twice and Fay's unsealed file with problems
    assert english_run["stdout"].splitlines()[-1] == f"10 entries, 8 scored, 3 with problems → {folder / 'out.xlsx'}"


def test_a_sheet_headed_in_chinese_reads_in_an_english_handbook(chinese, tmp_path):
    """The person columns, 当前级别, 月份 and the choices (是) as a Chinese template writes them; the items and
    fields by their names, which are the definitions' own (English) words in either handbook."""
    heading = ["工号", "姓名", "部门", "当前级别", VACANCY, REVIEW, "月份"]
    made = load_workbook(template(chinese, "career_ladder", tmp_path / "t.xlsx")).active
    assert [c.value for c in made[1]] == heading and '"是,否"' in [
        v.formula1 for v in made.data_validations.dataValidation]
    source = tmp_path / "annual_review.csv"
    source.write_text("工号,姓名,部门," + ",".join(ITEMS) + f"\nL001,Ann,{LENDING},80,70,90,100\n",
                      encoding="utf-8-sig")
    ladder = tmp_path / "career_ladder.csv"
    ladder.write_text(",".join(heading) + f"\nL002,Bob,{LENDING},Team Leader,是,95,2025\n"
                      f"L002,Bob,{LENDING},Team Leader,是,92,2026\n", encoding="utf-8-sig")
    out = tmp_path / "out.csv"
    done = run_cli("batch", "--dir", english, source, ladder, "-o", out)
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8-sig")
    rows = {r[1]: r for r in csv.reader(text.splitlines())}
    assert rows["Employee ID"][4] in ("Total", "Result") and rows["L001"][4] == "81"
    assert rows["L002"][4:6] == ["Promote", "Team Leader → Head of Department"]  # 是 read as Yes
    assert not CJK.search(text)  # the Chinese headings and choices are read, not carried into the results


def test_a_sheet_headed_in_english_reads_in_a_chinese_handbook(chinese, tmp_path):
    source = tmp_path / "annual_review.csv"
    source.write_text("Employee ID,name, DEPARTMENT ," + ",".join(ITEMS) + f"\nL001,甲,{LENDING},80,70,90,100\n",
                      encoding="utf-8-sig")
    ladder = tmp_path / "career_ladder.csv"
    ladder.write_text(f"Employee ID,Name,Department,Current level,{VACANCY},{REVIEW},Month\n"
                      f"L002,乙,{LENDING},Team Leader,Yes,95,2025\nL002,乙,{LENDING},Team Leader,Yes,92,2026\n",
                      encoding="utf-8-sig")
    out = tmp_path / "out.csv"
    done = run_cli("batch", "--dir", chinese, source, ladder, "-o", out)
    assert done.returncode == 0, done.stderr
    rows = {r[1]: r for r in csv.reader(out.read_text(encoding="utf-8-sig").splitlines())}
    assert rows["工号"][4] in ("总分", "结果") and rows["L001"][2:5] == ["甲", LENDING, "81"]
    assert rows["L002"][4:6] == ["晋升", "Team Leader → Head of Department"]  # Yes read as 是: the vacancy is there


def test_a_short_answers_marks_heading_reads_in_either_language(tmp_path):
    """The knowledge test of the sample (Chinese): its marks column headed as an English template heads it."""
    path = tmp_path / "test.xlsx"
    assert run_cli("batch", "--template", "cs_knowledge_test", "-o", path).returncode == 0
    book = load_workbook(path)
    header = [c.value for c in book.active[1]]
    marks = next(i for i, h in enumerate(header) if h.endswith("（阅卷给分）"))
    book.active.cell(1, marks + 1).value = header[marks].removesuffix("（阅卷给分）") + " (marks given)"
    book.active.cell(1, 1).value = "Employee ID"
    book.active.append(["K001", "甲", "客服部"])
    book.save(path)
    done = run_cli("batch", path, "-o", tmp_path / "out.xlsx")
    assert "没有叫" not in done.stderr and "Traceback" not in done.stderr


def cohort_rule():
    spec = {"rank": "score", "within": "department", "min_group": 3, "as": "percent"}
    return {"id": "r", "name": "排名规则", "person": [
                {"id": "avg_rank", "name": "平均分名次", "kind": "number", "min": "1", "max": "999", "step": "1",
                 "cohort": spec}],
            "periods": [{"id": "score", "name": "得分", "kind": "number", "min": "0", "max": "100", "step": "1",
                         "optional": True},
                        {"id": "rank", "name": "名次", "kind": "number", "min": "1", "max": "999", "step": "1",
                         "cohort": {**spec, "min_group": 1, "as": "rank"}}]}


def test_the_cohorts_notes_and_sentence_follow_the_language_spoken():
    rule = cohort_rule()
    people = [{"group": "一组", "answers": {"person": {}, "periods": [{"score": "90", "rank": "2"}, {"score": "80"}]}},
              {"group": "一组", "answers": {"person": {}, "periods": [{"score": "70"}]}},
              {"group": "", "answers": {"person": {}, "periods": [{"score": ""}, {"score": "60"}]}}]
    with speaking("en"):
        derived = cohort.derive(rule, people)
    notes = [note for d in derived for note in d["notes"]]
    # 一组's first period: 90 alone ranks 1, typed 2; the third person has no department
    assert "Period 1: “名次” computed from everyone's rows is 1 (typed: 2)" in notes
    assert ("“平均分名次” is not ranked: only 2 in the department, fewer than the 3 needed; the typed value counts "
            "(fill it in where empty)") in derived[0]["notes"]
    assert any(n.startswith("Period 1, 2: “名次” cannot be ranked within a department") for n in derived[2]["notes"])
    assert any(n.startswith("People have different numbers of periods") and "“Month” column" in n for n in notes)
    assert derived[0]["ranks"] == ["名次 1, 1"]
    said = [cohort.describe(rule, field, "en") for _, field in cohort.fields(rule)]
    assert said[0] == ("Computed by HR in the official batch run: the rank of the mean of “得分” over the periods "
                       "within the department (the highest is 1, ties share a rank), as a share of the group in "
                       "percent (rounded up: the top 10% is 10 or less), not computed for fewer than 3 people; in a "
                       "self-assessment, enter the rank as you know it")
    names = {"排名规则", "平均分名次", "得分", "名次", "一组"}
    left = [re.sub("|".join(sorted(names, key=len, reverse=True)), "", text) for text in notes + said]
    assert [text for text in left if CJK.search(text)] == []
