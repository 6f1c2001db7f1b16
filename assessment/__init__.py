"""The scoring engine: stdlib only, pure functions over the compiled rulebook (a JSON dict).

The same code runs in CPython (CLI, site build) and in Pyodide (the browser self-assessment).
"""

from . import carry, history, standard
from .answered import KINDS, Answered
from .contract import Rule, Rulebook, RuleResult, Standard, StandardResult
from .errors import AnswerError, Problem
from .fingerprint import answers_hash
from .messages import language_of, speaking

__all__ = ["AnswerError", "Problem", "find", "score", "evaluate_rule", "run", "carry_over"]


def find(rulebook: Rulebook, ident: str) -> tuple[Answered, Standard | Rule]:
    """(its kind: answered.STANDARD or RULE, definition) for an id in the rulebook; KeyError if absent."""
    for kind in KINDS:
        for definition in rulebook.get(kind.key, []):
            if definition["id"] == ident:
                return kind, definition
    raise KeyError(ident)


def score(standard_def: Standard, answers: dict) -> StandardResult:
    return standard.score(standard_def, answers)


def evaluate_rule(rule_def: Rule, answers: dict) -> RuleResult:
    return history.evaluate(rule_def, answers)


def run(rulebook: Rulebook, ident: str, answers: dict) -> StandardResult | RuleResult:
    """Score a standard or evaluate a rule by id; the result carries the rulebook version and hash."""
    kind, definition = find(rulebook, ident)
    with speaking(language_of(rulebook)):
        result = kind.run(definition, answers)
    result["kind"] = kind.name
    # the definition's own hash, the one its answers are saved and exported under (not the whole rulebook's:
    # the CLI holds the whole rulebook, a page only its definition's excerpt, and both must say the same)
    result["rulebook"] = {"version": rulebook.get("version"), "hash": answers_hash(rulebook, ident)}
    return result


def carry_over(rulebook: Rulebook, ident: str, saved: dict) -> dict:
    """Saved answers brought to this rulebook: what still fits, and what changed (see carry.py)."""
    kind, definition = find(rulebook, ident)
    with speaking(language_of(rulebook)):
        return carry.carry_over(kind, definition, saved)
