"""Pass marks on parts: an assessment that passes only when each part reaches its own mark (a skills
certification's theory ≥ 60 and practical ≥ 60), whatever the total. Expected values worked out by hand."""

import shutil

import pytest

import assessment
from assessment.messages import speaking
from conftest import ROOT, run_cli
from generator.definitions.compile import build_rulebook

CERTIFICATION = """\
id: shelving_certificate
name: Shelving certificate
method: sum
sections:
  - id: theory
    name: Theory
    items:
      - {id: classification, name: Classification questions, kind: number, max: 60}
      - {id: care, name: Book care questions, kind: number, max: 40}
  - id: practical
    name: Practical
    scale: 0.5
    items:
      - {id: speed, name: Shelving speed, kind: number, max: 50}
      - {id: accuracy, name: Shelving accuracy, kind: number, max: 50}
bands:
  - grade: pass
    name: Passed
    min: 0
    requires:
      - {section: theory, at_least: 60}
      - {section: practical, at_least: 60, text: Practical part 60 or more}
"""


def _library(tmp_path, text=CERTIFICATION):
    root = tmp_path / "library"
    shutil.copytree(ROOT / "examples" / "library", root)
    (root / "standards" / "shelving_certificate.yaml").write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    rulebook = build_rulebook(_library(tmp_path_factory.mktemp("marks")))
    return next(s for s in rulebook["standards"] if s["id"] == "shelving_certificate")


def _score(standard, **answers):
    with speaking("en"):
        return assessment.score(standard, answers)


def test_each_part_must_reach_its_mark(certificate):
    # theory 40 + 25 = 65 ≥ 60; practical (30 + 35) = 65 ≥ 60 (its subtotal before × 0.5) → passed;
    # total 65 + 65 × 0.5 = 97.5
    result = _score(certificate, classification=40, care=25, speed=30, accuracy=35)
    assert (result["total"], result["grade"]["id"]) == ("97.5", "pass")
    # theory 30 + 25 = 55 < 60, although the total 55 + 100 × 0.5 = 105 is higher
    result = _score(certificate, classification=30, care=25, speed=50, accuracy=50)
    assert (result["total"], result["grade"]) == ("105", None)
    assert result["capped"][0]["unmet"] == ["Theory subtotal at least 60"]
    assert result["next"]["points_needed"] == "0"  # "the points are there": only the part is short
    assert [u["text"] for u in result["next"]["unmet"]] == ["Theory subtotal at least 60"]
    # both short: theory 59 + 0, practical 50 + 9
    result = _score(certificate, classification=59, care=0, speed=50, accuracy=9)
    assert result["grade"] is None
    assert result["capped"][0]["unmet"] == ["Theory subtotal at least 60", "Practical part 60 or more"]


def test_a_mark_on_a_part_that_does_not_exist_is_told(tmp_path):
    root = _library(tmp_path, CERTIFICATION.replace("{section: theory, at_least: 60}",
                                                    "{section: theroy, at_least: 60}"))
    said = run_cli("validate", "--dir", str(root))
    assert said.returncode == 1
    out = said.stdout + said.stderr
    line = CERTIFICATION.splitlines().index("      - {section: theory, at_least: 60}") + 1
    assert f"shelving_certificate.yaml:{line}:10: unknown part 'theroy' (did you mean 'theory'?)" in out 
    assert "Traceback" not in out


def test_a_part_takes_only_a_lowest_subtotal(tmp_path):
    root = _library(tmp_path, CERTIFICATION.replace("{section: theory, at_least: 60}",
                                                    "{section: theory, equals: 60}"))
    out = run_cli("validate", "--dir", str(root))
    assert "a condition on part 'theory' can only be a lowest subtotal: at_least: a number" in out.stdout + out.stderr


def test_a_condition_names_an_item_or_a_part(tmp_path):
    root = _library(tmp_path, CERTIFICATION.replace("{section: theory, at_least: 60}",
                                                    "{section: theory, item: care, at_least: 60}"))
    out = run_cli("validate", "--dir", str(root))
    assert "a condition names one item (item) or one part (section), not both nor neither; given: item + section" \
        in out.stdout + out.stderr
