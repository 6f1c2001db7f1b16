"""Outcomes of their own: an eligibility check says "may apply" or "not yet", not promote/stay, wherever its
result is shown; an entry that names neither a move nor a label is told."""

import shutil

import pytest

import assessment
from assessment.messages import speaking
from conftest import ROOT, run_cli
from generator.definitions.compile import build_rulebook
from generator.pages import build_pages

ELIGIBILITY = """\
id: senior_application
name: Applying for Senior Librarian
person:
  - {id: years, name: Years as a librarian, kind: number, min: 0, max: 50, step: 0.5, unit: years}
  - {id: courses, name: Courses completed, kind: number, min: 0, max: 20}
outcomes:
  - id: may_apply
    when: years >= 4 and courses >= 2
    label: May apply for Senior Librarian
    reason: Four years as a librarian and two courses
  - id: not_yet
    when: "true"
    label: Not yet eligible
    reason: Fewer than four years or two courses
examples:
  - name: Five years, three courses
    answers: {person: {years: 5, courses: 3}}
    expect: {outcome: stay, decided_by: may_apply}
"""


def _library(tmp_path, text=ELIGIBILITY):
    root = tmp_path / "library"
    shutil.copytree(ROOT / "examples" / "library", root)
    (root / "rules" / "senior_application.yaml").write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def rulebook(tmp_path_factory):
    return build_rulebook(_library(tmp_path_factory.mktemp("labels")))


def test_a_result_carries_its_own_name(rulebook):
    rule = next(r for r in rulebook["rules"] if r["id"] == "senior_application")
    with speaking("en"):
        # 5 ≥ 4 and 3 ≥ 2: the first entry holds; a label alone moves no one
        result = assessment.evaluate_rule(rule, {"person": {"years": 5, "courses": 3}})
        assert (result["outcome"], result["outcome_name"], result["decided_by"]) == (
            "stay", "May apply for Senior Librarian", "may_apply")
        # 3.5 < 4: the catch-all entry
        result = assessment.evaluate_rule(rule, {"person": {"years": 3.5, "courses": 3}})
        assert (result["outcome_name"], result["decided_by"]) == ("Not yet eligible", "not_yet")


def test_the_rule_page_lists_the_labels(rulebook):
    page = build_pages(rulebook).files["rules/senior_application.md"]
    assert "| May apply for Senior Librarian |" in page and "| Not yet eligible |" in page
    assert "**May apply for Senior Librarian**" in page  # the worked example's result
    assert "Stay" not in page


def test_an_entry_without_outcome_or_label_is_told(tmp_path):
    root = _library(tmp_path, ELIGIBILITY.replace("    label: Not yet eligible\n", ""))
    said = run_cli("validate", "--dir", str(root))
    out = said.stdout + said.stderr
    line = ELIGIBILITY.splitlines().index("  - id: not_yet") + 1
    assert said.returncode == 1
    assert f"senior_application.yaml:{line}:5: this outcome entry has neither outcome nor label" in out
