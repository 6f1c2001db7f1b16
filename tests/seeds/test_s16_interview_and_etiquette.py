"""S16 checklists from the seeds: CC 面试核对表 (000 cc面试知识点总结, twelve points in four parts) and
客户服务人员礼仪观察 (004, 举止 6 + 接待 3 + 基本礼节 3 + 会务 1); one point per item, no grades."""

from assessment import score


def test_the_interview_counts_each_part_apart(standard):
    # 理念和技巧 2 of 4 + 产品 3 of 3 + 客户关系 0 of 3 + 团队 1 of 2 = 6; out of 4 + 3 + 3 + 2 = 12
    result = score(standard("cc_interview_checklist"), {
        "service_points": ["communication", "solving"],
        "product_points": ["product_knowledge", "tech_support", "fast_learning"],
        "relationship_points": [], "teamwork_points": ["share"]})
    assert result["total"] == "6" and result["max_total"] == "12" and result["graded"] is False
    assert [s["subtotal"] for s in result["sections"]] == ["2", "3", "0", "1"]


def test_etiquette_counts_what_is_done(standard):
    # 举止 6 of 6 + 接待 1 of 3 + 基本礼节 2 of 3 + 会务 0 of 1 = 9; out of 13
    result = score(standard("cs_etiquette"), {
        "manner_points": ["standing", "sitting", "chair", "pace", "lead", "attentive"],
        "reception_points": ["unannounced"], "courtesy_points": ["no_nicknames", "both_hands"], "meeting_points": []})
    assert result["total"] == "9" and result["max_total"] == "13"


def test_no_gendered_rule_is_in_the_etiquette(standard):
    labels = " ".join(c["label"] for s in standard("cs_etiquette")["sections"] for i in s["items"] for c in i["checks"])
    assert not any(word in labels for word in ("男", "女", "身高", "长相", "年龄", "化妆"))
