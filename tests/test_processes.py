"""Processes and policies from the source documents: validated like the rest, drawn and listed on their pages,
searchable, and linked from the self-assessments they belong to."""

import json
import re
import shutil

from conftest import SAMPLE, run_cli


def visible(html):
    body = html.split('<article', 1)[1].split("</article>", 1)[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", re.sub(r"<svg.*?</svg>", " ", body, flags=re.S)))


def test_a_process_page_lists_each_step_with_who_when_which_form_and_what_follows(built_site):
    html = (built_site / "processes" / "transfer_promotion.html").read_text(encoding="utf-8")
    text = visible(html)
    steps = ["提出晋升异动需求", "审核异动人选", "发布异动通知", "工作交接", "异动见习", "异动转正"]
    positions = [text.index(f"{n}. {name}") if f"{n}. {name}" in text else text.index(name)
                 for n, name in enumerate(steps, 1)]
    assert positions == sorted(positions)
    assert "一般 1–3 个月，可按本人表现提前或推迟" in text
    assert "使用表格：《人事异动表》" in text
    assert "通过：给予转正并调整岗位待遇。" in text and "未通过：延迟转正，或由公司另行安排。" in text
    drawing = re.search(r'<svg class="hb-flow" role="img" aria-label="([^"]+)"', html)
    assert drawing and drawing.group(1) == "流程图：" + " → ".join(steps)


def test_a_self_assessment_says_what_to_do_with_the_result(built_site):
    html = (built_site / "assess" / "cs_grading.html").read_text(encoding="utf-8")
    link = re.search(r'自评之后怎么办：见流程 <a href="([^"]+)">客服岗位定级申请与评审</a>', html)
    assert link and link.group(1) == "../processes/grading_application.html"
    process = visible((built_site / "processes" / "grading_application.html").read_text(encoding="utf-8"))
    assert "提出定级申请" in process and "《客服岗位定级申请表》" in process
    standard = (built_site / "standards" / "cs_grading.html").read_text(encoding="utf-8")
    assert "办理流程" in standard and "../processes/grading_application.html" in standard


def test_a_policy_page_shows_each_rule_with_its_consequence(built_site):
    text = visible((built_site / "policies" / "tmall_rules.html").read_text(encoding="utf-8"))
    assert ("不准看视频、玩游戏。 后果： 首次给予警告，再次发现罚款 20 元/次；一周内多次违纪不予遵守的，协商离职处理。"
            in text)
    assert "后果： 个人罚款 50 元/次。" in text
    assert "适用岗位： 天猫客服" in text


def test_processes_and_policies_are_in_the_navigation_and_in_search(built_site):
    assert "processes/index.html" in (built_site / "index.html").read_text(encoding="utf-8")
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert any(d["location"].startswith("processes/transfer_promotion.html") and "见习" in d["text"] for d in docs)
    assert any(d["location"].startswith("policies/attendance.html") and "旷工" in d["text"] for d in docs)


def test_a_process_naming_an_unknown_standard_is_located(tmp_path):
    root = tmp_path / "competencies"
    shutil.copytree(SAMPLE, root)
    path = root / "processes" / "grading_application.yaml"
    text = path.read_text(encoding="utf-8").replace("standards: [cs_grading, cs_rank_evaluation]",
                                                    "standards: [cs_gradng, cs_rank_evaluation]")
    path.write_text(text, encoding="utf-8")
    done = run_cli("validate", "--dir", root)
    line = next(n for n, t in enumerate(text.splitlines(), 1) if t.startswith("standards:"))
    assert done.returncode == 1
    assert f"grading_application.yaml:{line}:" in done.stderr
    assert "引用了不存在的标准“cs_gradng”（是否想写“cs_grading”？）" in done.stderr


def test_a_step_without_its_owner_is_located(tmp_path):
    root = tmp_path / "competencies"
    shutil.copytree(SAMPLE, root)
    path = root / "policies" / "attendance.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("clauses:\n", "clauses: []\nx:\n", 1), encoding="utf-8")
    process = root / "processes" / "sales_quarterly_promotion.yaml"
    text = process.read_text(encoding="utf-8").replace("    owner: 商学院\n", "")
    process.write_text(text, encoding="utf-8")
    done = run_cli("validate", "--dir", root)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    step = next(n for n, t in enumerate(text.splitlines(), 1) if "培训与笔试" in t)
    assert f"sales_quarterly_promotion.yaml:{step}:" in done.stderr and "owner" in done.stderr
    assert "attendance.yaml:" in done.stderr


def test_the_rnd_level_benefits_are_a_policy_linked_from_the_role_and_the_rule(built_site):
    text = visible((built_site / "policies" / "rnd_level_benefits.html").read_text(encoding="utf-8"))
    for clause, consequence in (("助理工程师级别，等级上升 1 级。", "现金奖励 600–1000 元。"),
                                ("工程师级别，等级上升 1 级。", "现金奖励 1000–1500 元。"),
                                ("中级工程师级别，等级上升 1 级。", "现金奖励 1500–3000 元。"),
                                ("高级工程师及以上级别，等级上升 1 级。", "现金奖励 2000–5000 元。"),
                                ("岗位等级每上升 2 级。", "工资相应增涨 1–2 级。")):
        assert f"{clause} 后果： {consequence}" in text
    assert "15–19 级享受经理级福利" in text and "没有做成计算规则" in text
    role = (built_site / "roles" / "rnd" / "rnd_engineer.html").read_text(encoding="utf-8")
    rule = (built_site / "rules" / "rnd_contribution.html").read_text(encoding="utf-8")
    assert re.search(r'制度：\s*<a href="../../policies/rnd_level_benefits.html">研发工程师等级待遇</a>', role)
    assert re.search(r'相关制度</td>\s*<td><a href="../policies/rnd_level_benefits.html">研发工程师等级待遇</a>', rule)


def test_the_promotion_conditions_the_rule_cannot_compute_are_a_policy_and_its_review_a_process(built_site):
    policy = visible((built_site / "policies" / "cs_promotion_conditions.html").read_text(encoding="utf-8"))
    assert ("晋升后连续三次月度考评未进前三名，或连续两次季度考核获 B 等级，或一次季度考核获 B 等级以下。"
            " 后果： 降为初级客服。" in policy)
    assert "能独立编制部门工作流程制度或 PPT 方案" in policy
    html = (built_site / "processes" / "cs_promotion_review.html").read_text(encoding="utf-8")
    drawing = re.search(r'<svg class="hb-flow" role="img" aria-label="([^"]+)"', html)
    assert drawing and drawing.group(1).startswith("流程图：试用转初级客服：转正考核 → ")
    assert drawing.group(1).endswith(" → 晋升答辩考核")
    rule = (built_site / "rules" / "cs_promotion.html").read_text(encoding="utf-8")
    assert "../policies/cs_promotion_conditions.html" in rule and "../processes/cs_promotion_review.html" in rule


def test_the_call_centre_shift_rules_apply_to_its_seats(built_site):
    text = visible((built_site / "policies" / "call_center_shift_rules.html").read_text(encoding="utf-8"))
    assert "每日开市时间段，当班普通坐席不能少于 4 人。" in text
    assert "适用岗位： 班长坐席 、 呼叫中心座席 岗位设置" in text
    role = (built_site / "roles" / "call_center" / "shift_lead_agent.html").read_text(encoding="utf-8")
    assert "../../policies/call_center_shift_rules.html" in role
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert any(d["location"].startswith("policies/call_center_shift_rules.html") and "离席" in d["text"] for d in docs)
