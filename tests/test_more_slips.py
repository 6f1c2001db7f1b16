"""More of HR's slips, each told where it is, what is wrong and what to type instead, in the handbook's language:
text split by a colon, a list item indented one space too far, a name in Chinese quotes, a reference written as a
name, ids run together by a full-width comma or typed in capitals, 对/错 for true/false, a full-width percentage,
an outcome in Chinese, and the sample sentences of `handbook new` left in a file.

Each case changes one file of the small valid handbook (fixtures/base); the messages below are written by hand."""

import shutil
from pathlib import Path

import pytest

from conftest import ROOT, run_cli
from generator.definitions.compile import build_rulebook, compile_definitions
from generator.definitions.diagnostics import DefinitionError

BASE = Path(__file__).parent / "fixtures" / "base"

ROLE = "id: agent\nname: 客服\ndepartment: service\nreports_to: lead\nduties:\n  - 接听电话\n"
QUESTIONS = """id: simple
name: 简单标准
items:
  - {id: score, name: 考核分, kind: number, max: 90}
  - {id: q1, name: 题一, kind: single, points: 5, key: B, options: [{id: a, label: 甲}, {id: b, label: 乙}]}
  - {id: q2, name: 题二, kind: true_false, points: 5, key: 错}
"""
WEIGHTED = """id: simple
name: 简单标准
method: weighted
items:
  - {id: score, name: 考核分, kind: number, max: 90, weight: ３０％}
  - {id: more, name: 附加分, kind: number, max: 10, weight: 70}
"""

# (file, its text, [(line, col, Chinese message, English message)])
CASES = {
    "a colon in a duty with an English word before it": (
        "roles/agent.yaml", ROLE + "  - KPI: 达成率不低于 95%\n",
        [(7, 5, "这段文字被读成了“键: 值”：文字里的英文冒号加空格“: ”会把它断开 — "
                "给整段文字加英文引号，写成 \"KPI: 达成率不低于 95%\"，或改用中文冒号：KPI：达成率不低于 95%",
          "this text was read as 'key: value': a colon followed by a space splits it — "
          "put the whole text 'KPI: 达成率不低于 95%' in quotes (\"…\")")]),
    "a duty indented three spaces": (
        "roles/agent.yaml", ROLE + "   - 记录工单\n  - 回访客户\n",
        [(7, 4, "这一行的“- ”没有成为新的一项：它与上面的“-”没有对齐，被并进了上一行的文字，"
                "读成“接听电话 - 记录工单” — "
                "让它与同一列表的其他“-”对齐（行首的空格数相同）；本意就是文字中的“-”时，给整段文字加引号",
          "this '- ' does not start a new item: it is not aligned with the '-' above, so it joined the text above, "
          "read as '接听电话 - 记录工单' — align it with the other '-' of the list (the same number of spaces); "
          "if the '-' belongs to the text, quote the text")]),
    "a name in Chinese quotes": (
        "roles/agent.yaml", ROLE.replace("name: 客服", "name: “客服”"),
        [(2, 1, "名称 “客服” 的首尾是中文引号，这对引号会原样显示在目录、页面和搜索中 — "
                "去掉这对引号，写成 客服；要给 YAML 加引号时用英文引号 \"…\"（它不会显示）",
          "the name '“客服”' is wrapped in curly quotes, which would show in the contents, on pages and in search — "
          "drop them and write '客服'; YAML's own quotes are the straight \"…\", which are not shown")]),
    "references written as names": (
        "roles/agent.yaml", ROLE.replace("department: service", "department: 客服部").replace(
            "reports_to: lead", "reports_to: 组长"),
        [(3, 1, "“客服部”是部门的名称，这里要写它的标识 — 改成 service",
          "'客服部' is the name of a department: its id goes here — write service"),
         (4, 1, "“组长”是岗位的名称，这里要写它的标识 — 改成 lead",
          "'组长' is the name of a role: its id goes here — write lead")]),
    "a reference written as part of a name": (
        "roles/agent.yaml", ROLE.replace("department: service", "department: 人力资源"),
        [(3, 1, "标识“人力资源”不合法：这里要写部门的标识，不是名称；名称最接近的部门是“人力资源部” — "
                "指的是“人力资源部”时，改成它的标识 hr",
          "invalid id '人力资源': a department's id goes here, not its name; the closest name is '人力资源部' — "
          "if '人力资源部' is meant, write its id hr")]),
    "ids run together by a full-width comma": (
        "roles/lead.yaml", "id: lead\nname: 组长\ndepartment: service\nduties:\n  - 管理小组\n"
                           "standards: [simple]\nrules: [review，review]\n",
        [(7, 9, "“review，review”被读成了一个标识：中间的“，”是全角标点，YAML 只用英文逗号“,”分隔列表的各项 — "
                "把“，”改成英文逗号和一个空格：review, review（切换到英文输入法再输入）",
          "'review，review' was read as one id: '，' is a full-width comma, and YAML separates a list's items with ',' "
          "— type an ASCII comma and a space instead: review, review")]),
    "an option key in capitals and 错 for false": (
        "standards/simple.yaml", QUESTIONS,
        [(5, 49, "标识“B”不合法：标识区分大小写，只用小写英文字母、数字和下划线 — 改成 b",
          "invalid id 'B': ids are case-sensitive and use only lowercase letters, digits and _ — write b"),
         (6, 53, "“错”要写成 false：是/否只认 true 和 false — 改成 false（true 表示对、是；false 表示错、否）",
          "'错' must be written false: yes or no is true or false — write false (true for yes, false for no)")]),
    "a weight typed as a full-width percentage": (
        "standards/simple.yaml", WEIGHTED,
        [(5, 51, "“３０％”用了全角数字 — 改成半角数字 30（切换到英文输入法再输入）；百分数只写数字，30 就是 30%",
          "'３０％' is written with full-width digits — write 30; a percentage is written as its number: "
          "30 means 30%")]),
    "an outcome and a period in Chinese": (
        "rules/review.yaml", (BASE / "rules" / "review.yaml").read_text(encoding="utf-8").replace(
            "period: month", "period: 每月").replace("outcome: demote", "outcome: 降级"),
        [(3, 1, "“每月”不是允许的取值：这里要写 month — "
                "改成 month（取值用英文小写，可选：week, month, quarter, half_year, year）",
          "'每月' is not allowed here: it means month — "
          "write month (values are lowercase English: week, month, quarter, half_year, year)"),
         (12, 66, "“降级”不是允许的取值：这里要写 demote — "
                  "改成 demote（取值用英文小写，可选：promote, stay, demote, probation, dismiss）",
          "'降级' is not allowed here: it means demote — "
          "write demote (values are lowercase English: promote, stay, demote, probation, dismiss)")]),
}


def handbook(tmp_path, target, text):
    root = tmp_path / "defs"
    shutil.copytree(BASE, root)
    (root / target).write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize("case", CASES)
def test_a_slip_is_told_at_its_line_with_the_fix(tmp_path, case):
    target, text, expected = CASES[case]
    root = handbook(tmp_path, target, text)
    with pytest.raises(DefinitionError) as raised:
        build_rulebook(root)
    for lang in ("zh", "en"):
        said = [f"{d.line}:{d.col}: " + " — ".join(d.message(lang)) for d in raised.value.diagnostics]
        assert said == [f"{line}:{col}: {zh if lang == 'zh' else en}" for line, col, zh, en in expected], lang
    assert all(d.file == root / target for d in raised.value.diagnostics)


def test_the_messages_come_through_the_command_in_the_handbooks_language(tmp_path):
    target, text, _ = CASES["references written as names"]
    root = handbook(tmp_path, target, text)
    done = run_cli("validate", root)
    assert done.returncode == 1
    assert "roles/agent.yaml:3:1: “客服部”是部门的名称，这里要写它的标识 — 改成 service" in done.stderr
    organisation = root / "organisation.yaml"
    organisation.write_text(organisation.read_text(encoding="utf-8") + "language: en\n", encoding="utf-8")
    done = run_cli("validate", root)
    assert "roles/agent.yaml:4:1: '组长' is the name of a role: its id goes here — write lead" in done.stderr


def test_text_that_means_a_dash_and_is_quoted_or_on_one_line_stays_valid(tmp_path):
    root = handbook(tmp_path, "roles/agent.yaml",
                    ROLE + '  - "记录工单\n    - 当天完成"\n  - 回访 - 电话或短信\n  - 统计\n    满意度\n')
    duties = next(r for r in build_rulebook(root)["roles"] if r["id"] == "agent")["duties"]
    assert duties == ["接听电话", "记录工单 - 当天完成", "回访 - 电话或短信", "统计 满意度"]


def test_names_that_quote_something_inside_them_stay_valid(tmp_path):
    root = handbook(tmp_path, "roles/agent.yaml", ROLE.replace("name: 客服", "name: “金牌”客服"))
    assert next(r for r in build_rulebook(root)["roles"] if r["id"] == "agent")["name"] == "“金牌”客服"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_sample_sentences_of_a_new_file_are_noted_until_replaced(tmp_path, lang):
    root = tmp_path / "defs"
    shutil.copytree(BASE, root)
    assert run_cli("new", "role", "night", "--dir", root, "--lang", lang).returncode == 0
    notes = [w.format(lang, root) for w in compile_definitions(root).warnings]  # a note: the file still validates
    if lang == "zh":
        assert notes == [
            "roles/night.yaml:8:1: “一句话说明这个岗位做什么。”是 handbook new 写下的示例文字，还没有改成真实的内容，"
            "会原样发布 — 改成这个岗位真实的内容；用不到的可选项删去这一行",
            "roles/night.yaml:10:5: “第一条职责。”是 handbook new 写下的示例文字，还没有改成真实的内容，会原样发布 — "
            "改成这个岗位真实的内容；用不到的可选项删去这一行"]
    else:
        assert notes == [
            "roles/night.yaml:9:1: 'One sentence on what this role does.' is the sample text handbook new wrote, not "
            "yet replaced: it would be published as it is — write what this role really says; delete the line if it "
            "is optional and not needed",
            "roles/night.yaml:11:5: 'The first duty.' is the sample text handbook new wrote, not yet replaced: it "
            "would be published as it is — write what this role really says; delete the line if it is optional and not "
            "needed"]
    path = root / "roles" / "night.yaml"
    text = path.read_text(encoding="utf-8")
    for placeholder in ("一句话说明这个岗位做什么。", "第一条职责。", "One sentence on what this role does.",
                        "The first duty."):
        text = text.replace(placeholder, "夜间值守。")
    path.write_text(text, encoding="utf-8")
    assert compile_definitions(root).warnings == []


def test_every_placeholder_is_in_a_skeleton_and_the_samples_hold_none():
    from generator import skeletons

    for lang, texts in skeletons.PLACEHOLDERS.items():
        written = "".join(v for k, v in skeletons.SKELETONS[lang].items() if k != "level")
        assert [t for t in texts if t not in written] == [], lang
    for folder in (ROOT / "competencies", ROOT / "examples" / "library"):
        assert compile_definitions(folder).warnings == [], folder
