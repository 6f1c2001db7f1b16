"""Saved answers carried to a new release: every kind of change, with the sentences a person reads."""

import copy

import pytest

import assessment
from assessment.carry import basis


@pytest.fixture
def kpi(rulebook):
    """cs_kpi_monthly as saved under the sample release, and a copy of the rulebook to change."""
    kind, definition = assessment.find(rulebook, "cs_kpi_monthly")
    answers = {"return_visit_rate": "92", "satisfaction": "88", "timeliness_accuracy": "95",
               "training_level": "80", "attendance": "100"}
    return {"basis": basis(kind, definition), "answers": answers}, copy.deepcopy(rulebook)


def items(rulebook, ident="cs_kpi_monthly"):
    return assessment.find(rulebook, ident)[1]["sections"][0]["items"]


def out_dropped(rulebook, saved, ident="course_adviser"):
    return assessment.carry_over(rulebook, ident, saved)["dropped"]


def carried(rulebook, saved, ident="cs_kpi_monthly"):
    out = assessment.carry_over(rulebook, ident, saved)
    return out["answers"], [c["text"] for c in out["changes"]]


def test_nothing_changed_keeps_every_answer_and_says_nothing(kpi):
    saved, new = kpi
    assert carried(new, saved) == (saved["answers"], [])


def test_an_added_item_is_named_and_asked_for(kpi):
    saved, new = kpi
    items(new).append(dict(items(new)[0], id="punctuality", name="守时"))
    answers, said = carried(new, saved)
    assert answers == saved["answers"] and said == ["新增“守时”，请填写"]


def test_a_removed_item_drops_its_answer_by_name(kpi):
    saved, new = kpi
    del items(new)[4]  # 考勤
    answers, said = carried(new, saved)
    assert "attendance" not in answers and len(answers) == 4
    assert said == ["删除“考勤”，你的答案已移除"]


def test_a_renamed_item_keeps_its_answer(kpi):
    saved, new = kpi
    items(new)[4]["name"] = "出勤"
    answers, said = carried(new, saved)
    assert answers == saved["answers"] and said == ["“考勤”改名为“出勤”，你的答案已保留"]


def test_a_lowered_maximum_drops_only_an_answer_above_it(kpi):
    saved, new = kpi
    items(new)[0]["max"] = "90"   # 客户回访率 was 92: no longer allowed
    items(new)[1]["max"] = "90"   # 客户满意度 was 88: still allowed
    answers, said = carried(new, saved)
    assert "return_visit_rate" not in answers and answers["satisfaction"] == "88"
    assert said == ["“客户回访率”的满分、选项或填写范围改变：你的答案 92 已不适用，已清除，请重新填写",
                    "“客户满意度”的满分、选项或填写范围改变，你的答案已保留"]


def test_a_changed_weight_keeps_the_answer_and_says_so(kpi):
    saved, new = kpi
    items(new)[0]["weight"], items(new)[4]["weight"] = "10", "20"
    answers, said = carried(new, saved)
    assert answers == saved["answers"]
    assert said == ["“客户回访率”的权重改变（20 → 10），你的答案已保留", "“考勤”的权重改变（10 → 20），你的答案已保留"]


def test_changed_options_keep_an_answer_whose_option_remains(rulebook):
    kind, definition = assessment.find(rulebook, "cs_grading")
    choice = next(i for s in definition["sections"] for i in s["items"] if i["kind"] == "choice")
    kept, gone = choice["options"][0]["id"], choice["options"][-1]["id"]
    new = copy.deepcopy(rulebook)
    options = next(i for s in assessment.find(new, "cs_grading")[1]["sections"] for i in s["items"]
                   if i["id"] == choice["id"])["options"]
    options.pop()  # the last option is withdrawn
    saved = {"basis": basis(kind, definition), "answers": {choice["id"]: kept}}
    assert carried(new, saved, "cs_grading")[0] == {choice["id"]: kept}
    saved["answers"] = {choice["id"]: gone}
    answers, said = carried(new, saved, "cs_grading")
    assert answers == {} and said == [f"“{choice['name']}”的满分、选项或填写范围改变："
                                      "你原来的选择已不适用，已清除，请重新填写"]


def test_a_changed_kind_drops_the_answer_even_when_it_would_still_parse(kpi):
    saved, new = kpi
    item = items(new)[4]
    item.update(kind="count", max_count="100", points_each="1")
    for key in ("min", "max", "step", "unit"):
        item.pop(key)
    answers, said = carried(new, saved)
    assert "attendance" not in answers
    assert said == ["“考勤”的满分、选项或填写范围改变：你的答案 100 已不适用，已清除，请重新填写"]


def test_a_rule_keeps_its_period_rows_and_names_a_new_field(rulebook):
    kind, definition = assessment.find(rulebook, "course_adviser")
    periods = [{"sales": "52000", "refunds": "0"}, {"sales": "61000", "refunds": "1000"}, {"sales": "48000"}]
    saved = {"basis": basis(kind, definition), "answers": {"person": {"regular": True}, "periods": periods}}
    new = copy.deepcopy(rulebook)
    rule = assessment.find(new, "course_adviser")[1]
    rule["periods"].append(dict(rule["periods"][1], id="calls", name="当月外呼量", unit="次"))
    answers, said = carried(new, saved, "course_adviser")
    assert answers == saved["answers"] and said == ["新增“当月外呼量”，请填写"]


def test_a_rule_drops_only_the_cells_that_no_longer_fit(rulebook):
    kind, definition = assessment.find(rulebook, "course_adviser")
    periods = [{"sales": "52000", "refunds": "0"}, {"sales": "61000.5", "refunds": "1000"}]
    saved = {"basis": basis(kind, definition), "answers": {"person": {}, "periods": periods}}
    new = copy.deepcopy(rulebook)
    next(f for f in assessment.find(new, "course_adviser")[1]["periods"] if f["id"] == "sales")["step"] = "1"
    answers, said = carried(new, saved, "course_adviser")
    assert answers["periods"] == [{"sales": "52000", "refunds": "0"}, {"refunds": "1000"}]  # both rows kept
    assert said == ["“当月实际销售额”的满分、选项或填写范围改变：第 2 期的 61000.5 已不适用，已清除，请重新填写；"
                    "其余各期已保留"]
    assert out_dropped(new, saved) == ["periods[1].sales"]


def test_a_file_without_a_basis_reports_what_its_answers_show(kpi):
    saved, new = kpi
    del items(new)[4]
    answers, said = carried(new, {"answers": dict(saved["answers"], attendance="100", shifts="3")})
    assert "attendance" not in answers and "shifts" not in answers
    assert said == ["删除“attendance”，你的答案已移除", "删除“shifts”，你的答案已移除"]


def test_an_answer_already_invalid_under_an_unchanged_field_stays_as_typed(kpi):
    saved, new = kpi
    saved["answers"]["training_level"] = "150"  # half-typed, refused before and after: its field says so
    items(new)[4]["weight"], items(new)[0]["weight"] = "20", "10"
    answers, said = carried(new, saved)
    assert answers["training_level"] == "150" and not any("培训" in s for s in said)


def test_a_file_without_a_basis_names_fields_by_the_names_it_carries(kpi):
    saved, new = kpi
    del items(new)[4]
    answers, said = carried(new, {"answers": dict(saved["answers"], training_level="abc"),
                                  "names": {"attendance": "考勤"}})
    assert "attendance" not in answers and "training_level" not in answers
    assert said == ["“培训及业务水平”：你的答案 abc 不符合当前规则，已清除，请重新填写", "删除“考勤”，你的答案已移除"]


@pytest.mark.parametrize("hostile", [{"basis": "x", "answers": []}, {"basis": {"a": 1, "b": {"name": ["x"]}}},
                                     {"answers": {"attendance": {"nested": 1}}}, {}])
def test_hostile_saved_records_never_raise(rulebook, hostile):
    out = assessment.carry_over(rulebook, "cs_kpi_monthly", hostile)
    assert isinstance(out["answers"], dict) and isinstance(out["changes"], list)
