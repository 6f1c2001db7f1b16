"""The two kinds of definition a person answers, as objects the rest of the code asks instead of comparing names.

A standard's answers are one value per item, at the top level: {item id: value}. A rule's are the person's
facts and a list of periods, oldest first: {"person": {field id: value}, "periods": [{field id: value}, …]}.
Seen so, a standard is a rule's shape without periods, its single answers at the top level: every question the
CLI, the batch, carry-over, the review and the pages ask — which fields, where an answer goes, what an empty
set of answers is, whether a sheet has a row per period — is answered here once for both.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from . import history, standard
from .errors import period_path, person_path


@dataclass(frozen=True)
class Answered:
    name: str  # the kind's name in results and files: "standard", "rule"
    key: Literal["standards", "rules"]  # the rulebook's list of them
    run: Callable[..., Any]  # (definition, answers) → its result: assessment.contract's StandardResult or RuleResult
    single_fields: Callable[..., list]  # (definition) → the fields answered once: a standard's items, a rule's person
    periodic: bool  # answers are the person's facts under "person" and a table of "periods" (a rule; a rule over
    # the person only has no period fields, and its table stays empty)

    def period_fields(self, definition: Mapping[str, Any]) -> list:
        return (definition.get("periods") or []) if self.periodic else []

    def by_period(self, definition: Mapping[str, Any]) -> bool:
        """Whether answers hold a row per period (a rule over the person only has none)."""
        return bool(self.period_fields(definition))

    def fields(self, definition: Mapping[str, Any]) -> dict:
        """{answer key: field} in form order: item ids; "person.ID" and "period.ID" for a rule. The one home of
        these keys (pages, batch and carry-over use them)."""
        keyed = {self.single_path(f["id"]): f for f in self.single_fields(definition)}
        keyed.update({f"period.{f['id']}": f for f in self.period_fields(definition)})
        return keyed

    def single_path(self, field_id: str) -> str:
        """Where a single answer is, on the page and in messages: an item id, or person.ID."""
        return person_path(field_id) if self.periodic else field_id

    def answer_path(self, key: str, period: int | None = None) -> str:
        """The path of the answer with key `key` (from `fields`), in period `period` (0-based) when by period."""
        if key.startswith("period.") and self.periodic:
            return period_path(period, key.removeprefix("period."))
        return key

    def single(self, answers) -> dict:
        """The single answers of an answers mapping (a mapping, whatever was given)."""
        if not isinstance(answers, dict):
            return {}
        held = answers.get("person") if self.periodic else answers
        return held if isinstance(held, dict) else {}

    def periods(self, answers) -> list:
        held = answers.get("periods") if self.periodic and isinstance(answers, dict) else None
        return held if isinstance(held, list) else []

    def make(self, single: dict, periods: list) -> dict:
        """Answers of this kind from their single answers and periods."""
        return {"person": single, "periods": periods} if self.periodic else single

    def empty(self) -> dict:
        return self.make({}, [])


STANDARD = Answered("standard", "standards", standard.score, lambda d: [item for _, item in standard.all_items(d)],
                    periodic=False)
RULE = Answered("rule", "rules", history.evaluate, history.person_fields, periodic=True)
KINDS = (STANDARD, RULE)
BY_NAME = {kind.name: kind for kind in KINDS}
