"""The CLI reads what the pages write: an export made by the real page in Chromium scores the same on the
command line; a file from an older release is carried over as the page would; a fillable template."""

import json

import yaml

from conftest import VERSION, run_cli
from test_assessment_browser import settle

KPI = {"return_visit_rate": "92", "satisfaction": "88", "timeliness_accuracy": "95", "training_level": "80",
       "attendance": "100"}


def exported(page, site_url, tmp_path):
    page.goto(f"{site_url}/assess/cs_kpi_monthly.html")
    for name, value in KPI.items():
        page.fill(f'[name="{name}"]', value)
    assert settle(page)["total"] == "89.75"  # 18.4 + 17.6 + 23.75 + 20 + 10, by hand
    with page.expect_download() as download:
        page.click('[data-action="export"]')
    path = tmp_path / "kpi-answers.json"
    download.value.save_as(path)
    return path


def test_an_export_from_the_page_scores_the_same(page, site_url, tmp_path):
    path = exported(page, site_url, tmp_path)
    done = run_cli("score", "cs_kpi_monthly", "--answers", path, "--json")
    assert done.returncode == 0, done.stderr
    # nothing to say about the file: only which handbook folder was read
    assert json.loads(done.stdout)["total"] == "89.75" and done.stderr == "手册文件夹：competencies\n"

    wrong = run_cli("score", "cs_grading", "--answers", path)
    assert wrong.returncode == 4 and "这个文件是“客服岗位月度绩效(KPI)”的答案，不是“cs_grading”的" in wrong.stderr

    older = json.loads(path.read_text(encoding="utf-8"))
    older.update(rulebook_version="2025.4", rulebook_hash="sha256:older")
    older["basis"]["attendance"]["weight"] = "5×1"  # 考勤 weighed 5 back then
    path.write_text(json.dumps(older, ensure_ascii=False), encoding="utf-8")
    carried = run_cli("score", "cs_kpi_monthly", "--answers", path, "--json")
    assert carried.returncode == 0 and json.loads(carried.stdout)["total"] == "89.75"
    assert f"此答案来自规则版本 2025.4，已按当前版本 {VERSION} 核对" in carried.stderr
    assert "“考勤”的权重改变（5 → 10），你的答案已保留" in carried.stderr


def test_a_filled_template_scores_with_options_named_by_label(tmp_path):
    done = run_cli("template", "cs_grading")
    assert done.returncode == 0 and "education:   # 文化程度。可选：" in done.stdout
    answers = yaml.safe_load(done.stdout)
    assert set(answers) == {"education", "grooming", "experience", "location", "certificates", "hotel_property",
                            "monthly_appraisal"}
    # the seed's worked example, typed by a person: options by their Chinese labels
    answers.update(education="本科", grooming=["uniform", "badge", "hair", "hygiene"], experience="两年至三年",
                   location="前台", certificates=2, monthly_appraisal=80)
    path = tmp_path / "filled.yaml"
    path.write_text(yaml.safe_dump(answers, allow_unicode=True), encoding="utf-8")
    scored = run_cli("score", "cs_grading", "--answers", path, "--json")
    assert scored.returncode == 0, scored.stderr
    assert json.loads(scored.stdout)["total"] == "76"  # the YAML's worked example: 本科、两年经验、前台, 绩效 80 分


def test_a_rule_template_has_its_periods():
    text = run_cli("template", "course_adviser").stdout
    filled = yaml.safe_load(text)
    assert set(filled) == {"person", "periods"} and len(filled["periods"]) == 3
    assert set(filled["periods"][0]) == {"sales", "refunds"}


def test_an_answers_file_with_an_input_method_slip_is_located(tmp_path):
    for text, said in (("return_visit_rate： 92\n", "第 1 行第 18 列：这里用了全角冒号“：”"),
                       ("return_visit_rate： 92\nsatisfaction: 88\n", "第 1 行第 18 列：这里用了全角冒号“：”"),
                       ('return_visit_rate: "92\nsatisfaction: 88\n', "第 1 行第 20 列：从这里开始的引号没有闭合")):
        path = tmp_path / "answers.yaml"
        path.write_text(text, encoding="utf-8")
        done = run_cli("score", "cs_kpi_monthly", "--answers", path)
        assert done.returncode == 4 and said in done.stderr and "Traceback" not in done.stderr, done.stderr
