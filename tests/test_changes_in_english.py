"""The 版本变更 page of a handbook written `language: en`: its sentences in English, written out by hand here,
and no Chinese in them but the definitions' own words."""

import copy
import re

import pytest

from assessment.messages import catalog
from generator.definitions.model import ITEM
from generator.pages.changes import ITEM_WORDS, Change, changed_ids, changes_markdown, compare

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


@pytest.fixture(scope="module")
def english(rulebook):
    """The sample rulebook declared English (its definitions keep the Chinese their HR wrote)."""
    rb = copy.deepcopy(rulebook)
    rb["organisation"]["language"] = "en"
    return rb


@pytest.fixture
def edit(english):
    """edit(change) → the sentences comparing the English rulebook with a copy that `change` altered."""
    def run(change):
        new = copy.deepcopy(english)
        change(new)
        return [c.text for c in compare(english, new)]
    return run


def find(rulebook, key, ident):
    return next(d for d in rulebook[key] if d["id"] == ident)


def items(standard):
    return {item["id"]: item for section in standard["sections"] for item in section["items"]}


def test_a_role_added_and_one_removed(english):
    new = copy.deepcopy(english)
    new["roles"].append({**copy.deepcopy(find(new, "roles", "tmall_agent")), "id": "cs_agent", "name": "客服专员"})
    new["roles"] = [r for r in new["roles"] if r["id"] != "content_reviewer"]
    assert compare(english, new) == [Change("role", "cs_agent", "客服专员", "The role “客服专员” was added"),
                                     Change("role", "content_reviewer", "审核员", "The role “审核员” was removed")]


def test_a_duty_and_a_required_level(edit):
    def change(rb):
        role = find(rb, "roles", "tech_support")
        role["duties"][0] = "Trains new staff."
        find(rb, "roles", "cs_representative")["competencies"][0]["level"] = "iii"
    assert edit(change) == ["Required level of 公司知识: Ⅱ → Ⅲ", "Added to the duties: Trains new staff.",
                            "Removed from the duties: 负责产品培训。"]


def test_department_reports_to_and_pay_grade(edit):
    def change(rb):
        role = find(rb, "roles", "content_reviewer")
        role["department"], role["reports_to"] = "rnd", "general_manager"
        find(rb, "roles", "general_manager")["direct_reports"].append("content_reviewer")
        find(rb, "roles", "general_manager")["pay_grade"] = "M6"
    assert edit(change) == ["Pay grade: none → M6", "Department: 客户服务部 → 研发部",
                            "Reports to: 客户服务部经理 → 总经理"]


def test_an_items_weight_name_and_options(edit):
    def change(rb):
        items(find(rb, "standards", "tech_support_kpi_monthly"))["attendance"]["weight"] = "20"
        items(find(rb, "standards", "tech_support_kpi_monthly"))["attendance"]["name"] = "Attendance"
        options = items(find(rb, "standards", "cs_grading"))["education"]["options"]
        options[1]["points"] = "2"
        options[2]["label"] = "Degree"
        options.append({"id": "master", "label": "Master's", "points": "6"})
        del options[0]
    assert edit(change) == [
        "Renamed the item: 考勤 → Attendance",
        "Weight of “Attendance”: 10 → 20",
        "Points of option “大专” of “文化程度”: 1 → 2",
        "Renamed the option of “文化程度”: 本科 → Degree",
        "Added option “Master's” (6 points) to “文化程度”",
        "Removed option “大专以下” from “文化程度”"]


def test_a_grades_threshold_and_prerequisite(edit):
    def change(rb):
        bands = find(rb, "standards", "cs_grading")["bands"]
        bands[2]["min"] = "65"
        bands[3]["requires"].pop()
    assert edit(change) == ["Lowest score of grade “助理一级”: 66 → 65",
                            "Removed from the prerequisites of grade “助理二级”: 能胜任前台"]


def test_a_rules_table_outcome_and_probation(edit):
    def change(rb):
        find(rb, "rules", "course_adviser")["tables"]["bonus_rate"][1]["value"] = "0.02"
        outcome = find(rb, "rules", "kpi_level_review")["outcomes"][2]
        outcome["outcome"], outcome["probation_months"] = "stay", 2
        find(rb, "rules", "sales_levels")["min_periods"] = 2
    assert edit(change) == [
        "Table “奖金提取比例”, from 30,000: 0.015 → 0.02",
        "Outcome of decision “三个月平均绩效在 50–70 分之间，岗位降一级”: Demote → Stay",
        "Probation period of decision “三个月平均绩效在 50–70 分之间，岗位降一级”: 0 → 2 months",
        "Fewest periods needed: 1 → 2"]


def test_the_page_in_english(english):
    changed = copy.deepcopy(english)
    items(find(changed, "standards", "tech_support_kpi_monthly"))["attendance"]["weight"] = "20"
    page = changes_markdown([("2025.1", "2025-01-01", english), ("2025.2", "2025-07-01", copy.deepcopy(english)),
                             ("2026.1", "2026-01-01", changed)])
    assert page == (
        "## Version 2026.1 \\(in force from 2026-01-01\\)\n\n"
        "### Standards\n\n"
        "- **技术支持岗位月度绩效\\(KPI\\)**\n"
        "    - Weight of “考勤”: 10 → 20\n\n"
        "## Version 2025.2 \\(in force from 2025-07-01\\)\n\n"
        "Nothing changed since the previous version.\n\n"
        "## Version 2025.1 \\(in force from 2025-01-01\\)\n\n"
        "This is the first released version; there is no earlier version to compare it with.\n")


def test_the_areas_are_keys_whatever_the_language(english, rulebook):
    new = copy.deepcopy(english)
    find(new, "standards", "call_qa")["period"] = "weekly"
    find(new, "skills", "accuracy")["name"] = "Accuracy"
    assert changed_ids(english, new) == {"call_qa"}
    assert [c.area for c in compare(english, new)] == ["skill", "standard"]
    chinese = copy.deepcopy(rulebook)
    find(chinese, "skills", "accuracy")["name"] = "Accuracy"
    assert [c.area for c in compare(rulebook, chinese)] == ["skill"]
    assert compare(rulebook, chinese, "en")[0].text == "Renamed: 准确性 → Accuracy"


def test_the_item_field_labels_are_the_models_in_chinese():
    labels = {name: field.label for variant in ITEM.variants.values() for name, field in variant.fields.items()
              if field.label}
    assert {name: catalog("zh")[f"changes.field.{name}"] for name in ITEM_WORDS} == labels


def _every_area(rb):
    """Something added, removed and changed in every area (no formula: its words are the engine's, in Chinese)."""
    rb["organisation"]["name"] = "Service Centre"
    rb["organisation"]["summary"] = "New summary"
    departments = rb["departments"]
    departments.append({**copy.deepcopy(departments[-1]), "id": "new_dept", "name": "New department"})
    departments[1]["customer_needs"] = ["Fast answers"]
    departments[2]["parent"] = departments[0]["id"]
    del departments[3]
    roles = rb["roles"]
    roles.append({**copy.deepcopy(find(rb, "roles", "tmall_agent")), "id": "cs_agent", "name": "Agent"})
    role = find(rb, "roles", "tech_support")
    role["duties"][0], role["tags"], role["aliases"] = "Trains new staff.", role["tags"] + ["remote"], ["Helper"]
    role["requirements"] = list(reversed(role["requirements"]))
    find(rb, "roles", "cs_representative")["competencies"][0]["level"] = "iii"
    find(rb, "roles", "cs_representative")["competencies"].pop()
    rb["roles"] = [r for r in roles if r["id"] != "content_reviewer"]
    skill = find(rb, "skills", "accuracy")
    skill["levels"][0]["description"], skill["group"] = "Checks twice.", "Core"
    rb["skills"] = [s for s in rb["skills"] if s["id"] != "innovation"]
    scale = find(rb, "scales", "abc")
    scale["levels"][0]["description"], scale["levels"][1]["name"] = "Starting out", "Middle"
    scale["levels"].append({"id": "z", "name": "Expert", "description": "Teaches others"})
    rb["scales"].append({**copy.deepcopy(scale), "id": "new_scale", "name": "New scale"})
    standard = find(rb, "standards", "cs_grading")
    standard["method"], standard["period"], standard["precision"] = "weighted", "quarterly", 2
    standard["bands"][2]["min"], standard["bands"][3]["requires"] = "65", standard["bands"][3]["requires"][:-1]
    standard["bands"][1]["pay"] = "9000"
    standard["weights_total"] = {"total": "90", "reason": "one item is extra"}
    education = items(standard)["education"]
    education["options"][1]["points"], education["options"][2]["label"] = "2", "Degree"
    education["options"].append({"id": "master", "label": "Master's", "points": "6"})
    education["optional"], education["assumed"] = True, "A guess"
    del education["options"][0]
    kpi = find(rb, "standards", "tech_support_kpi_monthly")
    main = kpi["sections"][0]
    main["items"] = [i for i in main["items"] if i["id"] != "training_feedback"]
    attendance = items(kpi)["attendance"]
    attendance["weight"], attendance["max"], attendance["name"], attendance["scored"] = "20", "80", "Attendance", False
    find(rb, "standards", "cs_manager_appraisal")["rating_scales"][0]["options"][4]["points"] = "6"
    kpi["examples"] = []
    rb["standards"] = [s for s in rb["standards"] if s["id"] != "call_qa"]
    rule = find(rb, "rules", "kpi_level_review")
    rule["period"], rule["min_periods"] = "quarter", 2
    rule["outcomes"][2]["outcome"], rule["outcomes"][2]["probation_months"] = "stay", 2
    rule["outcomes"][1]["at_levels"] = [rule["levels"][0]["id"]]
    rule["levels"][0]["name"], rule["levels"][1]["pay"], rule["levels"][2]["ladder"] = "Middle", "5000", "Other"
    rule["levels"].append({"id": "new", "name": "Newest", "pay": "8000", "ladder": "Top"})
    rule["person"][0]["name"] = "On probation"
    rule["periods"][0]["max"] = "120"
    find(rb, "rules", "course_adviser")["tables"]["bonus_rate"][1]["value"] = "0.02"
    find(rb, "rules", "course_adviser")["tables"]["bonus_rate"].pop()
    rb["rules"] = [r for r in rb["rules"] if r["id"] != "tmall_discipline"]
    process = rb["processes"][0]
    process["steps"], process["roles"] = process["steps"][1:], process["roles"] + ["cs_agent"]
    rb["processes"].append({**copy.deepcopy(process), "id": "new_process", "name": "New process"})
    del rb["processes"][1]
    policy = rb["policies"][0]
    policy["clauses"].append({"text": "Be kind.", "consequence": "A warning"})
    policy["rules"] = []
    rb["policies"].append({**copy.deepcopy(policy), "id": "new_policy", "name": "New policy"})
    del rb["policies"][1]


def test_no_chinese_in_the_english_changelog_but_the_definitions_own_words(english, rulebook):
    new = copy.deepcopy(english)
    _every_area(new)
    changes = compare(english, new)
    assert {c.area for c in changes} == {"organisation", "department", "role", "skill", "scale", "standard", "rule",
                                         "process", "policy"}
    assert len(changes) > 50
    theirs = sorted({s for rb in (english, new) for s in _strings(rb) if CJK.search(s)}, key=len, reverse=True)
    page = changes_markdown([("1", "2025-01-01", english), ("2", "2026-01-01", new)])
    for text in [c.text for c in changes] + [page]:
        for words in theirs:
            text = text.replace(words, "").replace(words.replace("(", "\\(").replace(")", "\\)"), "")
        assert not CJK.search(text), text
    # the same changes in a Chinese handbook stay Chinese
    chinese = copy.deepcopy(rulebook)
    _every_area(chinese)
    assert [c.text for c in compare(rulebook, chinese)][:2] == ["改名：示例客户服务中心 → Service Centre",
                                                                "说明文字有修改"]


def test_the_built_pages_say_the_changes_in_english(english):
    """The 版本变更 page's own words, and a definition's box of what changed in this version."""
    from generator.pages import build_pages

    new = copy.deepcopy(english)
    find(new, "roles", "general_manager")["pay_grade"] = "M6"
    files = build_pages(new, history=[english, new]).files
    assert files["changes.md"].startswith("# Changes\n\nEach time a new version of the rules is released, ")
    assert "### Roles\n\n- **总经理**\n    - Pay grade: none → M6\n" in files["changes.md"]
    page = next(text for text in files.values() if "Pay grade: none → M6" in text and "Changed in this" in text)
    assert "    - Pay grade: none → M6\n" in page


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)
