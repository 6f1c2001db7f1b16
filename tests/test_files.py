"""The files a page writes, as declared (assessment/contract.py AnswersFile, ReviewFile) and as the command and the
batch read them. The fixtures in tests/fixtures/files/ are one of each: the browser tests import the same files
and hold the pages' own exports to the same keys."""

import csv
import json
import typing

import pytest

from assessment.contract import AnswersFile, ReviewFile
from assessment.review import verify

from conftest import ROOT, run_cli

FILES = ROOT / "tests" / "fixtures" / "files"


def declared(shape):
    return set(typing.get_type_hints(shape))


def read(name):
    return json.loads((FILES / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name, shape", [("answers.json", AnswersFile), ("review.json", ReviewFile)])
def test_each_fixture_has_the_declared_keys(name, shape):
    assert set(read(name)) == declared(shape)


def test_the_review_fixture_is_sealed():
    assert verify(read("review.json")) == "intact"


def test_the_command_scores_the_answers_file_and_the_reviewers_side_of_the_review():
    # by hand, cs_rank_evaluation's weights 30/25/20/15/10 %: 80·0.3 + 70·0.25 + 60·0.2 + 90·0.15 + 100·0.1 = 77
    own = json.loads(run_cli("score", "cs_rank_evaluation", "--answers", FILES / "answers.json", "--json").stdout)
    assert (own["total"], own["grade"]["id"]) == ("77", "intermediate")
    # the reviewer gave 工作效率 80: 77 − 10 · 0.15 = 75.5, still ≥ 70
    reviewed = json.loads(run_cli("score", "cs_rank_evaluation", "--answers", FILES / "review.json", "--json").stdout)
    assert (reviewed["total"], reviewed["grade"]["id"]) == ("75.5", "intermediate")


def test_the_batch_counts_the_review_over_the_answers_file_of_the_same_person(tmp_path):
    out = tmp_path / "out.csv"
    done = run_cli("batch", FILES / "answers.json", FILES / "review.json", "-o", out)
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    counted = [r for r in rows if "只计那一份" not in r["问题"]]  # the answers file is said to be left out
    assert [(r["工号"], r["总分"], r["审核人"]) for r in counted] == [("E001", "75.5", "李四（M001）")]
    assert counted[0]["自评"].startswith("77")


def test_the_page_reads_both_fixtures(page, site_url):
    page.goto(f"{site_url}/assess/cs_rank_evaluation.html")
    page.set_input_files('[data-action="import"]', str(FILES / "answers.json"))
    page.wait_for_selector("#hb-result[data-state=ready] >> text=总分 77 / 100")
    assert page.input_value('[name="efficiency"]') == "90" and page.input_value("#hb-who-staff_id") == "E001"
    page.set_input_files('[data-action="import"]', str(FILES / "review.json"))  # 导入答案 takes a review file too
    page.wait_for_selector("#hb-result >> text=相差两档及以上（需要讨论）0 项，相差一档 1 项。")
    assert "完整性校验相符" in page.inner_text("[data-review-message]")
    assert page.input_value("#hb-reviewer-name") == "李四" and page.input_value('[name="efficiency"]') == "80"
