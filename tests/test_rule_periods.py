"""A rule says only what its source says about periods: a rule over facts about the person needs no period
length, and a rule may take whatever periods there are (min_periods: 0) — while a rule that has periods and
forgets their length is told where and how to fix it."""

import shutil

import pytest

import assessment
from assessment.messages import speaking
from conftest import ROOT, run_cli
from assessment.answered import RULE
from generator.appraisal.report import answers_template
from generator.definitions.compile import build_rulebook
from generator.pages import build_pages

ONLY_THE_PERSON = """\
id: long_service
name: Long service award
person:
  - {id: years, name: Years of service, kind: number, min: 0, max: 50, unit: years}
outcomes:
  - id: award
    when: years >= 10
    outcome: promote
    reason: Ten years or more
"""

ANY_PERIODS = """\
id: loans_review
name: Loans review
period: month
min_periods: 0
periods:
  - {id: loans, name: Loans handled, kind: number, min: 0, max: 999}
outcomes:
  - id: busy
    when: total(loans) >= 100
    outcome: promote
    reason: A hundred loans or more
"""


def _library(tmp_path, **rules):
    root = tmp_path / "library"
    shutil.copytree(ROOT / "examples" / "library", root)
    for name, text in rules.items():
        (root / "rules" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def rulebook(tmp_path_factory):
    return build_rulebook(_library(tmp_path_factory.mktemp("periods"), long_service=ONLY_THE_PERSON,
                                   loans_review=ANY_PERIODS))


def _rule(rulebook, rule_id):
    return next(r for r in rulebook["rules"] if r["id"] == rule_id)


def test_a_rule_over_the_person_needs_no_period(rulebook):
    rule = _rule(rulebook, "long_service")
    assert rule["period"] is None
    with speaking("en"):
        assert assessment.evaluate_rule(rule, {"person": {"years": 12}})["outcome"] == "promote"
    index = build_pages(rulebook).files["rules/index.md"]
    row = next(line for line in index.splitlines() if "Long service award" in line)
    assert row.split("|")[2].strip() == "—"  # no period length to show, none invented


def test_a_rule_may_take_whatever_periods_there_are(rulebook):
    rule = _rule(rulebook, "loans_review")
    with speaking("en"):
        # no periods at all: a total of none is 0 < 100
        assert assessment.evaluate_rule(rule, {"periods": []})["outcome"] == "stay"
        # 60 + 45 = 105 ≥ 100
        assert assessment.evaluate_rule(rule, {"periods": [{"loans": 60}, {"loans": 45}]})["outcome"] == "promote"
        assert "as many periods as there are" in answers_template(RULE, rule, "2026.1")
    page = build_pages(rulebook).files["rules/loans_review.md"]
    assert "| Periods needed | any number, none will do |" in page


def test_periods_without_a_length_are_told_where(tmp_path):
    root = _library(tmp_path, loans_review=ANY_PERIODS.replace("period: month\n", ""))
    result = run_cli("validate", "--dir", str(root))
    assert result.returncode == 1
    line = ANY_PERIODS.replace("period: month\n", "").splitlines().index("periods:") + 1
    assert (f"loans_review.yaml:{line}:1: the rule has periods but no period length (period) — add a line "
            "period: month") in result.stdout + result.stderr


def test_the_message_speaks_the_handbook_language(tmp_path):
    root = tmp_path / "competencies"
    shutil.copytree(ROOT / "competencies", root)
    rule = root / "rules" / "kpi_level_review.yaml"
    text = rule.read_text(encoding="utf-8")
    rule.write_text("\n".join(line for line in text.splitlines() if not line.startswith("period:")) + "\n",
                    encoding="utf-8")
    result = run_cli("validate", "--dir", str(root))
    assert result.returncode == 1
    said = result.stdout + result.stderr
    assert "规则有每期数据（periods），却没有写每期的长度 period — 加一行 period: month" in said
