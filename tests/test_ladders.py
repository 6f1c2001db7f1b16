"""One rule, several roles, each with its own ladder (001 客服部岗位级别说明): levels name their ladder, a move
stays on the person's own ladder, the page draws each ladder, and a half-named or split ladder is located."""

import re
import shutil

from conftest import SAMPLE, run_cli

RULE = "rules/kpi_level_review.yaml"


def copy_with(tmp_path, old, new):
    root = tmp_path / "competencies"
    shutil.copytree(SAMPLE, root)
    path = root / RULE
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return root, text.replace(old, new, 1).splitlines()


def test_a_level_without_its_ladder_among_named_ones_is_located(tmp_path):
    root, lines = copy_with(tmp_path, "name: 二级审核员, ladder: 审核员}", "name: 二级审核员}")
    done = run_cli("validate", "--dir", root)
    line = next(n for n, text in enumerate(lines, 1) if "二级审核员" in text)
    assert done.returncode == 1
    assert (f"{RULE}:{line}:5: 有的级别写了 ladder（阶梯），这一级没有写 — 要么每一级都写所属阶梯（如 专业序列），"
            "要么都不写（全部级别是一条阶梯）") in done.stderr
    assert "Traceback" not in done.stderr


def test_a_ladder_listed_in_two_places_is_located(tmp_path):
    root, lines = copy_with(tmp_path, "name: 一级审核员, ladder: 审核员}", "name: 一级审核员, ladder: 技术支持}")
    done = run_cli("validate", "--dir", root)
    line = next(n for n, text in enumerate(lines, 1) if "一级审核员" in text)
    assert done.returncode == 1
    assert f"{RULE}:{line}:" in done.stderr
    assert "阶梯“技术支持”的级别没有写在一起" in done.stderr and "把同一阶梯的级别按从低到高连续写在一起" in done.stderr


def test_the_rule_page_draws_each_roles_ladder_and_names_it(built_site):
    html = (built_site / "rules" / "kpi_level_review.html").read_text(encoding="utf-8")
    labels = re.findall(r'<svg class="hb-ladder" role="img" aria-label="晋升阶梯：([^"]+)"', html)
    assert labels == ["普通客服代表", "大客户客服代表", "高级客服代表", "技术支持", "技术支持组长", "审核员",
                      "客服主管"]
    captions = re.findall(r"<figcaption>([^<]+)</figcaption>", html)
    assert captions == labels
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "阶梯 级别 普通客服代表 普通客服代表（中级） 普通客服代表 普通客服代表（高级） 大客户客服代表" in text
    assert "审核员 三级审核员 审核员 四级审核员 客服主管 客服主管（中级）" in text


def test_the_self_assessment_asks_the_level_on_every_ladder(built_site):
    html = (built_site / "assess" / "kpi_level_review.html").read_text(encoding="utf-8")
    select = re.search(r'<select[^>]*name="level"[^>]*>(.*?)</select>', html, re.S)
    assert select
    options = re.findall(r"<option[^>]*>([^<]+)</option>", select.group(1))
    assert options[1:] == ["普通客服代表（中级）", "普通客服代表（高级）",
                           "大客户客服代表（中级）", "大客户客服代表（高级）",
                           "高级客服代表（中级）", "高级客服代表（高级）", "技术支持（中级）", "技术支持（高级）",
                           "技术支持组长（中级）", "技术支持组长（高级）", "一级审核员", "二级审核员", "三级审核员",
                           "四级审核员", "客服主管（中级）", "客服主管（高级）"]
