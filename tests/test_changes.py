"""The 版本变更 page: what changed between two rulebooks, in sentences written out by hand here."""

import copy

import pytest

from generator.pages.changes import Change, changed_ids, changes_markdown, compare


@pytest.fixture
def edit(rulebook):
    """edit(change) → the sentences comparing the sample rulebook with a copy that `change` altered."""
    def run(change):
        new = copy.deepcopy(rulebook)
        change(new)
        return [c.text for c in compare(rulebook, new)]
    return run


def find(rulebook, key, ident):
    return next(d for d in rulebook[key] if d["id"] == ident)


def items(standard):
    return {item["id"]: item for section in standard["sections"] for item in section["items"]}


def test_identical_rulebooks_have_no_changes(rulebook):
    assert compare(rulebook, copy.deepcopy(rulebook)) == []


def test_hash_version_and_key_order_are_ignored(rulebook):
    new = copy.deepcopy(rulebook)
    new["hash"], new["version"] = "sha256:other", "2099.1"
    new["roles"][0] = dict(reversed(list(new["roles"][0].items())))
    assert compare(rulebook, new) == []


def test_role_added(rulebook):
    new = copy.deepcopy(rulebook)
    new["roles"].append({**copy.deepcopy(find(new, "roles", "tmall_agent")), "id": "cs_agent", "name": "客服专员"})
    assert compare(rulebook, new) == [Change("role", "cs_agent", "客服专员", "新增岗位“客服专员”")]


def test_role_removed(rulebook):
    new = copy.deepcopy(rulebook)
    new["roles"] = [r for r in new["roles"] if r["id"] != "content_reviewer"]
    assert compare(rulebook, new) == [Change("role", "content_reviewer", "审核员", "删除岗位“审核员”")]


def test_duty_changed(edit):
    def change(rb):
        find(rb, "roles", "tech_support")["duties"][0] = "负责产品培训与新员工带教。"
    assert edit(change) == ["职责新增：负责产品培训与新员工带教。", "职责删除：负责产品培训。"]


def test_required_skill_level_changed(edit):
    def change(rb):
        find(rb, "roles", "cs_representative")["competencies"][0]["level"] = "iii"
    assert edit(change) == ["要求的能力等级：公司知识 Ⅱ → Ⅲ"]


def test_reports_to_and_department_changed_but_not_the_derived_direct_reports(edit):
    def change(rb):
        role = find(rb, "roles", "content_reviewer")
        role["department"], role["reports_to"] = "rnd", "general_manager"
        find(rb, "roles", "general_manager")["direct_reports"].append("content_reviewer")
    assert edit(change) == ["所属部门：客户服务部 → 研发部", "直接上级：客户服务部经理 → 总经理"]


def test_item_weight_changed(edit):
    def change(rb):
        items(find(rb, "standards", "tech_support_kpi_monthly"))["attendance"]["weight"] = "20"
    assert edit(change) == ["“考勤”权重 10 → 20"]


def test_item_removed(edit):
    def change(rb):
        main = find(rb, "standards", "tech_support_kpi_monthly")["sections"][0]
        main["items"] = [i for i in main["items"] if i["id"] != "training_feedback"]
    assert edit(change) == ["删除项目“对员工培训后的反馈”"]


def test_item_renamed(edit):
    def change(rb):
        items(find(rb, "standards", "tech_support_kpi_monthly"))["attendance"]["name"] = "出勤"
    assert edit(change) == ["项目改名：考勤 → 出勤"]


def test_item_max_lowered(edit):
    def change(rb):
        items(find(rb, "standards", "tech_support_kpi_monthly"))["attendance"]["max"] = "80"
    assert edit(change) == ["“考勤”最大值 100 → 80"]


def test_options_changed(edit):
    def change(rb):
        options = items(find(rb, "standards", "cs_grading"))["education"]["options"]
        options[1]["points"] = "2"
        options[2]["label"] = "大学本科"
        options.append({"id": "master", "label": "硕士", "points": "6"})
        del options[0]
    assert edit(change) == ["“文化程度”选项“大专”分值 1 → 2", "“文化程度”选项改名：本科 → 大学本科",
                            "“文化程度”新增选项“硕士”（6 分）", "“文化程度”删除选项“大专以下”"]


def test_rating_scale_option_told_once_not_for_every_item(edit):
    def change(rb):
        find(rb, "standards", "cs_manager_appraisal")["rating_scales"][0]["options"][4]["points"] = "6"
        for item in items(find(rb, "standards", "cs_manager_appraisal")).values():
            item["options"][4]["points"] = "6"  # the compiled items carry their scale's options
    assert edit(change) == ["评分量表“5-4-3-2-1 评价”选项“5 优秀”分值 5 → 6"]


def test_band_threshold_and_prerequisite_changed(edit):
    def change(rb):
        bands = find(rb, "standards", "cs_grading")["bands"]
        bands[2]["min"] = "65"
        bands[3]["requires"].pop()
    assert edit(change) == ["职级“助理一级”分数下限 66 → 65", "职级“助理二级”的前提条件删除：能胜任前台"]


def test_rule_condition_changed(edit):
    def change(rb):
        find(rb, "rules", "kpi_level_review")["outcomes"][3]["when"] = "average > 85"
    assert edit(change) == ["判定“三个月平均绩效高于 80 分，可提升一级”的条件："
                            "「近三个月平均绩效」 > 80 → 「近三个月平均绩效」 > 85"]


def test_one_part_of_a_long_condition_changed(edit):
    def change(rb):
        outcome = find(rb, "rules", "cs_promotion")["outcomes"][3]
        outcome["when"] = outcome["when"].replace("tenure_months >= 3", "tenure_months >= 4")
    assert edit(change) == ["判定“部门月度考评月均前三名，一次季度考核获 A，且入职满 3 个月”的条件中的一项："
                            "「入职月数」 ≥ 3 → 「入职月数」 ≥ 4"]


def test_table_row_value_changed(edit):
    def change(rb):
        find(rb, "rules", "course_adviser")["tables"]["bonus_rate"][1]["value"] = "0.02"
    assert edit(change) == ["奖金提取比例：3 万起 0.015 → 0.02"]


def test_outcome_added_and_removed(edit):
    def change(rb):
        outcomes = find(rb, "rules", "kpi_level_review")["outcomes"]
        outcomes.insert(0, {"id": "top", "when": "average >= 95", "outcome": "promote", "reason": "特别优秀",
                            "probation_months": 0})
        outcomes.pop()
    assert edit(change) == ["新增判定“特别优秀”（晋升），条件：「近三个月平均绩效」 ≥ 95",
                            "删除判定“三个月平均绩效在 70–80 分之间，岗位不变”"]


def test_name_changed(rulebook):
    new = copy.deepcopy(rulebook)
    find(new, "standards", "call_qa")["name"] = "通话质检评分"
    assert compare(rulebook, new) == [Change("standard", "call_qa", "通话质检评分",
                                             "改名：质检评分标准(课程顾问通话) → 通话质检评分")]


def test_notes_and_uncovered_fields_still_get_a_line(edit):
    def change(rb):
        standard = find(rb, "standards", "call_qa")
        standard["notes"] = ["新说明"]
        standard["summary"] = "新简介"
        standard["audit"] = "每季度复核"  # a field this page does not know
    assert edit(change) == ["说明文字有修改", "其他内容有修改"]


def test_areas_in_order_and_subjects_in_the_new_order(rulebook):
    new = copy.deepcopy(rulebook)
    find(new, "rules", "sales_levels")["min_periods"] = 2
    find(new, "roles", "tech_support")["tags"].append("新标签")
    find(new, "roles", "general_manager")["pay_grade"] = "M6"
    assert [(c.area, c.subject_id, c.text) for c in compare(rulebook, new)] == [
        ("role", "general_manager", "薪酬等级：无 → M6"),
        ("role", "tech_support", "标签新增：新标签"),
        ("rule", "sales_levels", "至少需要的期数：1 → 2")]


def test_changed_ids(rulebook):
    new = copy.deepcopy(rulebook)
    find(new, "standards", "call_qa")["period"] = "每周"
    find(new, "rules", "course_adviser")["bonus"] = None
    find(new, "skills", "accuracy")["name"] = "精确"
    assert changed_ids(rulebook, new) == {"call_qa", "course_adviser"}
    assert changed_ids(rulebook, new, areas=("role",)) == set()  # the role course_adviser did not change


def test_markdown_newest_first_with_first_and_unchanged_versions(rulebook):
    changed = copy.deepcopy(rulebook)
    items(find(changed, "standards", "tech_support_kpi_monthly"))["attendance"]["weight"] = "20"
    page = changes_markdown([("2025.1", "2025-01-01", rulebook), ("2025.2", "2025-07-01", copy.deepcopy(rulebook)),
                             ("2026.1", "2026-01-01", changed)])
    assert page == (
        "## 版本 2026.1（生效日期 2026-01-01）\n\n"
        "### 标准\n\n"
        "- **技术支持岗位月度绩效\\(KPI\\)**\n"
        "    - “考勤”权重 10 → 20\n\n"
        "## 版本 2025.2（生效日期 2025-07-01）\n\n"
        "与上一版本相比没有变化。\n\n"
        "## 版本 2025.1（生效日期 2025-01-01）\n\n"
        "这是第一个发布的版本，之前没有可比较的版本。\n")


def test_names_are_escaped_in_the_markdown(rulebook):
    new = copy.deepcopy(rulebook)
    find(new, "roles", "tech_support")["name"] = "<b>*x*</b>"
    page = changes_markdown([("1", "2025-01-01", rulebook), ("2", "2026-01-01", new)])
    assert "<b>" not in page and "*x*" not in page
    assert "- **&lt;b&gt;\\*x\\*&lt;/b&gt;**\n    - 改名：技术支持 → &lt;b&gt;\\*x\\*&lt;/b&gt;\n" in page


def test_a_formula_only_respaced_is_no_change_but_a_new_one_is_told_in_words(edit):
    def change(rb):
        values = {v["id"]: v for v in find(rb, "rules", "rnd_contribution")["values"]}
        values["available"]["expr"] = "carried_points+counted"
        values["carry_next"]["expr"] = "available - gained * 25"
    assert edit(change) == ["计算值“结转到下半年的贡献点”的算法：「可用于晋级的贡献点」 − 「晋升级数」 × 20 → "
                            "「可用于晋级的贡献点」 − 「晋升级数」 × 25"]


def test_an_assumption_and_a_declared_weights_total_in_words(edit):
    def change(rb):
        items(find(rb, "standards", "call_qa"))["guidance"]["assumed"] = "满分为假设"
        find(rb, "standards", "team_lead_selection")["weights_total"] = None
    assert sorted(edit(change)) == sorted(["“有效引导”标明的本手册假设：满分为假设", "不再写明权重合计（按 100% 计）"])


def test_a_field_added_to_the_format_since_a_release_is_not_a_change(rulebook):
    archived = copy.deepcopy(rulebook)  # as a release archived before `subordinates` and `weights_total` existed
    for role in archived["roles"]:
        if not role["subordinates"]:
            del role["subordinates"]
    for standard in archived["standards"]:
        if standard["weights_total"] is None:
            del standard["weights_total"]
    assert compare(archived, rulebook) == []
