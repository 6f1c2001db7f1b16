"""Careless or hostile answers files and output paths at the CLI: a sentence and a documented exit code,
never a traceback (exit codes: 3 invalid answers, 4 unreadable answers file, 5 cannot write)."""

import json

import pytest

from conftest import SAMPLE, run_cli

KPI = {"return_visit_rate": 90, "satisfaction": 90, "timeliness_accuracy": 90, "training_level": 90,
       "attendance": 90}


def score(tmp_path, ident, raw, name="answers.json"):
    path = tmp_path / name
    path.write_bytes(raw)
    return run_cli("score", ident, "--answers", path, "--dir", SAMPLE, "--json")


@pytest.mark.parametrize("raw, code, message", [
    (b"[" * 100_000 + b"]" * 100_000, 4, "嵌套层数过多"),
    (json.dumps({"return_visit_rate": "中文"}, ensure_ascii=False).encode("gbk"), 4, "GBK"),
    (b"{", 4, "不是有效的 JSON"),
    (json.dumps({"person": [1, 2], "periods": []}).encode(), 3, "person"),
    (json.dumps({"person": {}, "periods": 5}).encode(), 3, "periods"),
    (json.dumps({**KPI, "return_visit_rate": 1e30}).encode(), 3, "超出可填写的范围"),
    (json.dumps({**KPI, "return_visit_rate": "1e999"}).encode(), 3, "不是数字"),  # nobody types an exponent
    (json.dumps(KPI).replace("90,", "NaN,", 1).encode(), 3, "超出可填写的范围"),
    (json.dumps({**KPI, "return_visit_rate": 123456789012345678901234567890}).encode(), 3, "超出可填写的范围"),
], ids=["nested_100000", "gbk", "broken_json", "person_list", "periods_number", "1e30", "1e999_text", "nan",
        "30_digits"])
def test_bad_answers_get_a_sentence_and_their_exit_code(tmp_path, raw, code, message):
    ident = "cs_promotion" if b"person" in raw else "cs_kpi_monthly"
    result = score(tmp_path, ident, raw)
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    assert message in result.stderr and "answers.json" in result.stderr


def test_utf16_answers_from_windows_notepad_are_read(tmp_path):
    result = score(tmp_path, "cs_kpi_monthly", json.dumps(KPI).encode("utf-16"))
    assert result.returncode == 0, result.stderr
    # hand-computed: every item 90, weights 20/20/25/25/10 → 18 + 18 + 22.5 + 22.5 + 9 = 90
    assert json.loads(result.stdout)["total"] == "90"


def test_an_unwritable_output_is_exit_5_with_the_path(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run_cli("rulebook", "--dir", SAMPLE, "-o", blocker / "rulebook.json")
    assert result.returncode == 5, result.stderr
    assert "Traceback" not in result.stderr and "无法写入" in result.stderr
