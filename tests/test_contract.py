"""The JSON contract (assessment/contract.py) holds for the real rulebook and the engine's real results: the
types name every key the compiler writes and the engine returns, no more and no fewer, so a key added on
one side without the other fails here."""

from pathlib import Path

import pytest

import assessment
from assessment import contract, items
from assessment.history import OUTCOMES
from generator.definitions.compile import build_rulebook

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def rulebook():
    return build_rulebook(ROOT / "competencies")


def _keys(typed):
    return set(typed.__annotations__)


def _required(typed):
    return set(typed.__required_keys__)


def _holds(value, typed, where):
    assert _required(typed) <= set(value), f"{where}: missing {_required(typed) - set(value)}"
    assert set(value) <= _keys(typed) | _extra(typed), f"{where}: undeclared {set(value) - _keys(typed)}"


def _extra(typed):
    """Keys a definition carries for its pages only (names, notes, sources): not part of scoring."""
    return {contract.Standard: {"aliases", "summary", "period", "notes", "source", "weights_total", "rating_scales"},
            contract.Rule: {"summary", "period", "table_names", "notes", "source"},
            contract.Rulebook: {"organisation", "departments", "scales", "skills", "roles", "processes", "policies",
                                "sources"}}.get(typed, set())


def test_the_rulebook_has_the_declared_shape(rulebook):
    _holds(rulebook, contract.Rulebook, "rulebook")
    for std in rulebook["standards"]:
        _holds(std, contract.Standard, std["id"])
        for section in std["sections"]:
            _holds(section, contract.Section, f"{std['id']}.{section['id']}")
            for item in section["items"]:
                assert set(item) <= _keys(contract.Item), f"{item['id']}: undeclared {set(item) - _keys(contract.Item)}"
                assert item["kind"] in items.KINDS
        for band in std["bands"]:
            _holds(band, contract.Band, f"{std['id']} band {band['grade']}")
    for rule in rulebook["rules"]:
        _holds(rule, contract.Rule, rule["id"])
        for outcome in rule["outcomes"]:
            _holds(outcome, contract.RuleOutcome, f"{rule['id']}.{outcome['id']}")
            assert outcome["outcome"] in OUTCOMES


def test_the_engine_returns_the_declared_shape(rulebook):
    added_by_run = {"kind", "rulebook"}
    for std in rulebook["standards"]:
        for example in std["examples"]:
            result = assessment.run(rulebook, std["id"], example["answers"])
            assert set(result) - added_by_run == _keys(contract.StandardResult), std["id"]
            for row in result["items"]:
                assert set(row) == _keys(contract.ItemResult)
    for rule in rulebook["rules"]:
        for example in rule["examples"]:
            result = assessment.run(rulebook, rule["id"], example["answers"])
            assert (_required(contract.RuleResult) <= set(result) - added_by_run
                    <= _keys(contract.RuleResult)), rule["id"]


def test_the_contract_costs_the_browser_nothing_it_lacks():
    """The engine imports the contract: the browser's trimmed stdlib must hold what it imports."""
    from generator.site.stdlib import KEEP

    assert {"typing"} <= KEEP
