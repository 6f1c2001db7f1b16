"""The rest of the hostile inputs (issue 28 §7), each through the real command or server: a located message,
a clear refusal or the work done — never "internal error"."""

import json
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLE, run_cli

BASE = ROOT / "tests" / "fixtures" / "base"
HANDBOOK = Path(sys.executable).with_name("handbook")


@pytest.fixture
def handbook_copy(tmp_path):
    folder = tmp_path / "defs"
    shutil.copytree(BASE, folder)
    return folder


def test_a_reader_that_stops_early_is_no_error():
    """`handbook rulebook | head -1`: the pipe closes under the command, which stops quietly."""
    done = subprocess.Popen([str(HANDBOOK), "rulebook", "--dir", str(SAMPLE)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert done.stdout.readline() == "{\n"
    done.stdout.close()
    stderr = done.stderr.read()
    assert done.wait(timeout=60) == 0 and "内部错误" not in stderr and "Traceback" not in stderr


def test_a_schema_folder_that_cannot_be_made_is_exit_5_with_the_path(handbook_copy):
    done = run_cli("schema", "--dir", handbook_copy, "-o", "/dev/null/x")
    assert done.returncode == 5 and "/dev/null/x：无法写入" in done.stderr and "内部错误" not in done.stderr


def test_an_organisation_file_that_is_a_folder_is_said_to_be_one(handbook_copy):
    (handbook_copy / "organisation.yaml").unlink()
    (handbook_copy / "organisation.yaml").mkdir()
    done = run_cli("validate", handbook_copy)
    assert done.returncode == 1 and "organisation.yaml:1:1: 不是普通文件（是文件夹" in done.stderr
    assert "缺少 organisation.yaml" not in done.stderr


@pytest.mark.parametrize("character, code", [("\x00", "U+0000"), ("\x1b", "U+001B")])
def test_a_control_character_is_located_where_it_is(handbook_copy, character, code):
    path = handbook_copy / "departments.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("name: ", "name: " + character, 1)  # the second line, after "name: "
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    column = lines[1].index(character) + 1
    done = run_cli("validate", handbook_copy)
    assert f"departments.yaml:2:{column}: 这里有一个看不见的控制字符（{code}）" in done.stderr, done.stderr


def test_a_department_cycle_is_said_as_departments(handbook_copy):
    (handbook_copy / "departments.yaml").write_text(
        "departments:\n  - {id: service, name: 客服部, parent: hr}\n  - {id: hr, name: 人力资源部, parent: service}\n",
        encoding="utf-8")
    done = run_cli("validate", handbook_copy)
    assert "上级部门成环：service → hr → service — 修改其中一个部门的 parent" in done.stderr
    assert "reports_to" not in done.stderr


def test_a_zero_width_space_pasted_with_a_number_is_not_part_of_it(tmp_path):
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"knowledge_skills": "80\u200b", "communication": "\ufeff70", "teamwork": "60",
                                   "efficiency": "90\u2060", "satisfaction": "100"}), encoding="utf-8")
    done = run_cli("score", "cs_rank_evaluation", "--answers", answers, "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["total"] == "77"  # 80·0.3 + 70·0.25 + 60·0.2 + 90·0.15 + 100·0.1, by hand


def test_the_page_reads_a_number_with_a_zero_width_space(page, site_url):
    page.goto(f"{site_url}/assess/cs_rank_evaluation.html")
    for name, value in {"knowledge_skills": "80\u200b", "communication": "70", "teamwork": "60", "efficiency": "90",
                        "satisfaction": "100"}.items():
        page.fill(f'[name="{name}"]', value)
    page.wait_for_selector("#hb-result[data-state=ready] >> text=总分 77 / 100")


def test_the_preview_server_refuses_a_nul_in_the_path(built_site):
    server = subprocess.Popen([sys.executable, "-m", "generator.site", "preview", "--site-dir", str(built_site),
                               "--addr", "127.0.0.1:0"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True)
    try:
        url = server.stdout.readline().split()[0].rstrip("/")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{url}/index.html%00", timeout=10)
        assert refused.value.code == 404
        assert urllib.request.urlopen(f"{url}/index.html", timeout=10).status == 200
    finally:
        server.terminate()
        stderr = server.communicate(timeout=10)[1]
    assert "Traceback" not in stderr


ANSWERS = {"knowledge_skills": "80", "communication": "70", "teamwork": "60", "efficiency": "90", "satisfaction": "100"}


def test_a_number_with_more_digits_than_can_be_exact_is_refused_not_rounded(tmp_path):
    """80.000…0001 (34 digits) was read as 80 where the step is 1: decimal keeps 28 digits."""
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({**ANSWERS, "knowledge_skills": "80.0000000000000000000000000000001"}),
                       encoding="utf-8")
    done = run_cli("score", "cs_rank_evaluation", "--answers", answers)
    assert done.returncode == 3 and ("knowledge_skills: “80.0000000000000000000000000000001”超出可填写的范围"
                                     in done.stderr)


def test_a_twenty_megabyte_answer_gets_a_short_sentence(tmp_path):
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({**ANSWERS, "knowledge_skills": "8" * 20_000_000}), encoding="utf-8")
    done = run_cli("score", "cs_rank_evaluation", "--answers", answers)
    assert done.returncode == 3 and f"“{'8' * 64}…”超出可填写的范围" in done.stderr and len(done.stderr) < 2000


def test_the_page_says_a_huge_answer_is_out_of_range_at_its_field(page, site_url):
    page.goto(f"{site_url}/assess/cs_rank_evaluation.html")
    for name, value in {**ANSWERS, "knowledge_skills": "9" * 100_000}.items():
        page.fill(f'[name="{name}"]', value)
    page.wait_for_selector("#hb-result[data-state=invalid]")
    message = page.locator('[data-field="knowledge_skills"]').inner_text()
    assert "超出可填写的范围" in message and "Error" not in page.inner_text("#hb-result"), message


@pytest.mark.parametrize("formula, said", [
    ("(" * 2000 + "score" + ")" * 2000 + " > 80", "公式太长（超过 2000 个字符）"),
    (" + ".join(["score"] * 20000) + " > 80", "公式太长（超过 2000 个字符）"),
    ("(" * 100 + "last(score)" + ")" * 100 + " > 80", "（第 65 个字符）：公式嵌套太深（超过 64 层）"),
    ("+".join(["last(score)"] * 100) + " > 80", "公式嵌套太深（超过 64 层）"),
    ("round(avg(score, 3), 40) > 80", "round 的第二个参数须是 0 到 10 的整数"),
    ("avg(score, 3) > " + "9" * 600_000, "公式太长"),
    ("avg(score, 3) > " + "9" * 25, "数字 99999999999999999999… 超过 15 位"),
], ids=["deep", "long", "nested", "chained", "round", "huge-number", "long-number"])
def test_a_formula_beyond_the_bounds_is_located_not_a_crash(handbook_copy, formula, said):
    path = handbook_copy / "rules" / "review.yaml"
    text = path.read_text(encoding="utf-8")
    assert 'when: "avg(score, 3) > 80"' in text
    path.write_text(text.replace('when: "avg(score, 3) > 80"', f'when: "{formula}"'), encoding="utf-8")
    done = subprocess.run([str(HANDBOOK), "validate", str(handbook_copy)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "review.yaml:11:14: 公式错误" in done.stderr and said in done.stderr, done.stderr


def test_a_rule_asking_for_a_hundred_million_periods_is_refused(handbook_copy):
    """Its page would open with that many rows (3,000 took 23 s)."""
    path = handbook_copy / "rules" / "review.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("min_periods: 3", "min_periods: 100000000"),
                    encoding="utf-8")
    done = run_cli("validate", handbook_copy)
    assert done.returncode == 1 and ("review.yaml:4:1: “100000000”不是允许的取值 — 可选：≤ 260"
                                     in done.stderr), done.stderr
