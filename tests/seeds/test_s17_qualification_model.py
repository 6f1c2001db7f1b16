"""S17 市场营销及客服系列任职资格模型 (001, a diagram whose numbers were jumbled in the copy): the as-printed
reading is test data the validator must reject where its sums do not reconcile; the sample keeps the 中级 model
at the level the numbers do reconcile (six modules, 115 points as printed)."""

import re
import shutil

import pytest
from conftest import ROOT, SAMPLE, run_cli

from assessment import score
from assessment.errors import AnswerError

AS_PRINTED = ROOT / "tests" / "fixtures" / "as_printed" / "qualification_model_mid.yaml"


def test_the_as_printed_copy_is_rejected_where_its_sums_do_not_reconcile(tmp_path):
    root = tmp_path / "competencies"
    shutil.copytree(SAMPLE, root)
    shutil.copy(AS_PRINTED, root / "standards")
    result = run_cli("validate", "--dir", root)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if "qualification_model_mid.yaml:" in line]
    # 基本素质: 5 + 5 + 5 + 5 = 20, printed 10; 市场推广: 4 + 5 + 5 + 4 = 18, printed 22;
    # 销售支持: 5 + 5 + 5 + 5 + 8 = 28, printed 18; 市场销售 30, 体系建设 4 + 6 + 10 = 20 and 客服运维 15 agree;
    # the whole: 20 + 18 + 30 + 28 + 20 + 15 = 131, declared 100
    assert len(errors) == 4
    assert ("qualification_model_mid.yaml:6:1: 各项满分合计 131 分，与原文写明的满分 100 分（points）不符 — 核对原文"
            in errors[0])
    assert ("qualification_model_mid.yaml:10:5: “基本素质”各项满分合计 20 分，与原文写明的本部分 10 分（points）不符"
            in errors[1])
    assert "qualification_model_mid.yaml:18:5: “市场推广”各项满分合计 18 分，与原文写明的本部分 22 分" in errors[2]
    assert "qualification_model_mid.yaml:31:5: “销售支持”各项满分合计 28 分，与原文写明的本部分 18 分" in errors[3]
    assert all("只收录能核对的数字并在 notes 中说明" in line for line in errors)


def test_the_corrected_model_adds_the_modules_as_printed(standard):
    std = standard("mkt_cs_qualification_mid")
    full = {"background": 5, "professionalism": 5, "promotion": 22, "selling": 30, "documents": 5, "follow_up": 5,
            "training": 8, "system": 20, "operations": 15}
    result = score(std, full)
    assert result["total"] == result["max_total"] == "115"  # 10 + 22 + 30 + 18 + 20 + 15
    # 基本素质 3 + 2, 市场推广 11, 市场销售 18, 销售支持 2 + 4 + 7, 体系建设 9, 客服运维 6
    # → 5 + 11 + 18 + 13 + 9 + 6 = 62
    result = score(std, {**full, "background": 3, "professionalism": 2, "promotion": 11, "selling": 18,
                         "documents": 2, "follow_up": 4, "training": 7, "system": 9, "operations": 6})
    assert result["total"] == "62" and result["graded"] is False
    assert [s["subtotal"] for s in result["sections"]] == ["5", "11", "18", "13", "9", "6"]


def test_a_module_score_above_its_printed_points_is_refused(standard):
    with pytest.raises(AnswerError):
        score(standard("mkt_cs_qualification_mid"), {
            "background": 5, "professionalism": 5, "promotion": 23, "selling": 30, "documents": 5, "follow_up": 5,
            "training": 8, "system": 20, "operations": 15})


def test_the_page_shows_each_module_with_its_points_and_why_the_total_is_115(built_site):
    html = (built_site / "standards" / "mkt_cs_qualification_mid.html").read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    for heading in ("基本素质（10 分）", "市场推广（22 分）", "市场销售（30 分）", "销售支持（18 分）",
                    "体系建设（20 分）", "客服运维（15 分）"):
        assert heading in text
    assert "满分 115 分" in text
    assert "六个模块合计 115 分，不是 100 分" in text


def test_points_written_as_words_are_located_not_a_traceback(tmp_path):
    root = tmp_path / "competencies"
    shutil.copytree(SAMPLE, root)
    path = root / "standards" / "mkt_cs_qualification_mid.yaml"
    text = path.read_text(encoding="utf-8").replace("    points: 10\n", "    points: 十分\n", 1)
    path.write_text(text, encoding="utf-8")
    result = run_cli("validate", "--dir", root)
    line = text.splitlines().index("    points: 十分") + 1
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"mkt_cs_qualification_mid.yaml:{line}:5: “points”应为数字，实际是文本" in result.stderr
