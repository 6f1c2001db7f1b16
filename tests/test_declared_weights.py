"""A weighted standard totals 100 %, unless it declares the total its source prints (team_lead_selection:
four parts, 90 %) with the reason; an undeclared 90 % is still an error, and the editing guide quotes it."""

import re
import shutil

from conftest import ROOT, SAMPLE, run_cli

STANDARD = "standards/team_lead_selection.yaml"


def copy_of_sample(tmp_path):
    target = tmp_path / "competencies"
    shutil.copytree(SAMPLE, target)
    return target


def validate(root):
    return run_cli("validate", "--dir", root)


def test_the_declared_90_is_accepted_and_shown_with_its_reason(built_site):
    html = (built_site / "standards" / "team_lead_selection.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", html)
    assert "90 分（权重合计 90%：原文称由“五项综合评选”，却只列出四项" in text
    end = text.index("本标准只给出总分")
    items = text[text.rindex("考核项目", 0, end):end]
    assert "工作能力表现" in items and "竞聘演讲" not in items  # no invented fifth part


def test_without_the_declaration_the_guide_quotes_the_error_word_for_word(tmp_path):
    root = copy_of_sample(tmp_path)
    path = root / STANDARD
    path.write_text(re.sub(r"weights_total:\n(  .*\n)+", "", path.read_text(encoding="utf-8")), encoding="utf-8")
    result = validate(root)
    assert result.returncode != 0
    guide = (ROOT / "content" / "guide" / "editing.md").read_text(encoding="utf-8")
    # the guide's example is neutral (another standard's file and line), its message word for word
    quoted = next(line.strip() for line in guide.splitlines() if "权重合计为 90%" in line)
    assert re.match(r"standards/\w+\.yaml:\d+:\d+: ", quoted)
    assert re.search(r"team_lead_selection\.yaml:\d+:\d+: " + re.escape(quoted.split(": ", 1)[1]), result.stderr)


def test_a_declared_total_that_the_weights_do_not_reach_is_located(tmp_path):
    root = copy_of_sample(tmp_path)
    path = root / STANDARD
    path.write_text(path.read_text(encoding="utf-8").replace("  total: 90", "  total: 80"), encoding="utf-8")
    result = validate(root)
    assert result.returncode != 0
    assert "team_lead_selection.yaml:9:" in result.stderr
    assert "权重合计为 90%，与 weights_total 写明的 80% 不符 — 调整权重或改正 weights_total" in result.stderr


def test_a_declaration_without_a_reason_is_refused(tmp_path):
    root = copy_of_sample(tmp_path)
    path = root / STANDARD
    path.write_text(re.sub(r"  reason: .*\n", "", path.read_text(encoding="utf-8")), encoding="utf-8")
    result = validate(root)
    assert result.returncode != 0 and "reason" in result.stderr and "team_lead_selection.yaml:8:" in result.stderr


def test_a_declaration_on_a_standard_without_weights_is_refused(tmp_path):
    root = copy_of_sample(tmp_path)
    path = root / "standards" / "call_qa.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "notes:\n", "weights_total: {total: 90, reason: 试试}\nnotes:\n", 1), encoding="utf-8")
    result = validate(root)
    assert result.returncode != 0
    assert "写了 weights_total, 但本标准按 sum（直接相加）计分，没有权重" in result.stderr
