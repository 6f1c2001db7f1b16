"""The `handbook` console script: commands, output, documented exit codes."""

import json

import yaml

from conftest import ROOT, SAMPLE, VERSION, run_cli


def test_validate_sample_exits_0():
    result = run_cli("validate", SAMPLE)
    assert result.returncode == 0, result.stderr
    assert "定义有效" in result.stdout


def test_help_is_bilingual():
    result = run_cli("--help")
    assert result.returncode == 0
    assert "校验定义" in result.stdout or "校验全部定义" in result.stdout
    assert "validate all definitions" in result.stdout
    assert "退出码 / exit codes" in result.stdout


def test_usage_error_exits_2():
    assert run_cli("frobnicate").returncode == 2


def test_list_json_names_standards_rules_and_roles():
    result = run_cli("list", "--json", "--dir", SAMPLE)
    rows = json.loads(result.stdout)
    kinds = {(r["kind"], r["id"]) for r in rows}
    assert ("standard", "cs_grading") in kinds and ("rule", "cs_promotion") in kinds
    assert ("role", "call_center_agent") in kinds
    assert all(r["name"] for r in rows)


def test_rulebook_output_has_version_and_hash(tmp_path):
    out = tmp_path / "rulebook.json"
    assert run_cli("rulebook", "--dir", SAMPLE, "-o", out).returncode == 0
    rulebook = json.loads(out.read_text(encoding="utf-8"))
    assert rulebook["version"] == VERSION and rulebook["hash"].startswith("sha256:")
    assert rulebook["format"] == 1


def test_rulebook_hash_changes_with_content(tmp_path):
    import shutil

    copy = tmp_path / "defs"
    shutil.copytree(SAMPLE, copy)
    first = json.loads(run_cli("rulebook", "--dir", copy).stdout)["hash"]
    role = copy / "roles" / "tmall_agent.yaml"
    role.write_text(role.read_text(encoding="utf-8").replace("接待客户", "接待顾客"), encoding="utf-8")
    assert json.loads(run_cli("rulebook", "--dir", copy).stdout)["hash"] != first


def test_score_standard_from_yaml(tmp_path):
    answers = tmp_path / "a.yaml"
    answers.write_text(yaml.safe_dump({"knowledge_skills": 80, "communication": 70, "teamwork": 60,
                                       "efficiency": 90, "satisfaction": 100}), encoding="utf-8")
    result = run_cli("score", "cs_rank_evaluation", "--answers", answers, "--json", "--dir", SAMPLE)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["total"] == "77" and data["grade"]["id"] == "intermediate"   # 24 + 17.5 + 12 + 13.5 + 10
    assert data["rulebook"]["version"] == VERSION


def test_score_reports_the_hash_the_page_saves_answers_under(tmp_path):
    """The definition's own hash, as the page's form and its exports carry it, not the whole rulebook's."""
    from assessment.fingerprint import answers_hash
    from generator.definitions.compile import build_rulebook

    answers = tmp_path / "a.json"
    answers.write_text(json.dumps({"knowledge_skills": 80, "communication": 70, "teamwork": 60, "efficiency": 90,
                                   "satisfaction": 100}), encoding="utf-8")
    data = json.loads(run_cli("score", "cs_rank_evaluation", "--answers", answers, "--json", "--dir", SAMPLE).stdout)
    rulebook = build_rulebook(SAMPLE)
    assert data["rulebook"]["hash"] == answers_hash(rulebook, "cs_rank_evaluation") != rulebook["hash"]


def test_score_rule_with_periods_in_text(tmp_path):
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps({"person": {"level": "reviewer_2", "on_probation": False},
                                   "periods": [{"score": 85}, {"score": 80}, {"score": 78}]}), encoding="utf-8")
    result = run_cli("score", "kpi_level_review", "--answers", answers, "--dir", SAMPLE)
    assert result.returncode == 0
    assert "结果：晋升(promote)" in result.stdout   # (85 + 80 + 78) / 3 = 81 > 80
    assert "二级审核员 → 三级审核员" in result.stdout


def test_a_grade_missed_only_by_a_condition_is_not_short_of_points(tmp_path):
    # 96 points with 大专: 助理三级 needs ≥ 81 (reached) and 本科 (missing) — "还差 0 分" would puzzle
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps({"education": "college", "experience": "five_plus", "location": "both",
                                   "grooming": ["uniform", "badge", "hair", "hygiene", "demeanour"],
                                   "certificates": 5, "monthly_appraisal": 100}), encoding="utf-8")
    result = run_cli("score", "cs_grading", "--answers", answers, "--dir", SAMPLE)
    assert result.returncode == 0
    assert "下一职级：助理三级（需 ≥ 81 分），分数已够" in result.stdout
    assert "未满足条件：需要本科及以上学历" in result.stdout
    assert "还差 0 分" not in result.stdout


def test_invalid_answers_exit_3_and_name_each_field(tmp_path):
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps({"knowledge_skills": 120, "communication": "很好"}), encoding="utf-8")
    result = run_cli("score", "cs_rank_evaluation", "--answers", answers, "--dir", SAMPLE)
    assert result.returncode == 3
    assert "knowledge_skills: 应在 0 到 100 之间" in result.stderr
    assert "communication: “很好”不是数字" in result.stderr
    assert "teamwork: “团队合作”未填写" in result.stderr
    assert result.stdout == ""


def test_unknown_id_and_missing_file_exit_4(tmp_path):
    answers = tmp_path / "a.json"
    answers.write_text("{}", encoding="utf-8")
    assert run_cli("score", "no_such", "--answers", answers, "--dir", SAMPLE).returncode == 4
    assert run_cli("score", "cs_grading", "--answers", tmp_path / "missing.json", "--dir", SAMPLE).returncode == 4


def test_invalid_definitions_exit_1_without_traceback(tmp_path):
    (tmp_path / "organisation.yaml").write_text("name: [\n", encoding="utf-8")
    result = run_cli("validate", tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "organisation.yaml:" in result.stderr


def test_lang_may_follow_the_command(tmp_path):
    """`handbook validate DIR --lang en` (after the command) as well as `handbook --lang en validate DIR`."""
    import shutil

    root = tmp_path / "defs"
    shutil.copytree(ROOT / "tests" / "fixtures" / "base", root)
    (root / "organisation.yaml").write_text('name: 测试机构\nversion: "t1"\neffective_date: 2026-13-01\n',
                                            encoding="utf-8")
    after, before = run_cli("validate", root, "--lang", "en"), run_cli("--lang", "en", "validate", root)
    assert after.returncode == before.returncode == 1
    assert "the date '2026-13-01' does not exist" in after.stderr and after.stderr == before.stderr
    assert "Traceback" not in after.stderr
