"""The rulebook's JSON contract: what the compiler writes, the engine reads and returns, the pages, the CLI,
the batch and the browser (Python here, JavaScript on the page) all share. Numbers are decimal strings.

The compiler fills every optional key (None when not given: compile.complete), so readers never guess.
These types document and check the shapes; the model (generator/definitions/model.py) is what validates
a definition, and tests/test_contract.py holds the two together.
"""

from typing import Any, Literal, NotRequired, TypedDict

Outcome = str  # one of history.OUTCOMES (the one list of outcomes)


class Option(TypedDict):
    id: str
    label: str
    points: str


class Item(TypedDict, total=False):
    """One thing a person answers; `kind` picks the class in items.KINDS and the keys it reads."""

    id: str
    name: str
    kind: str  # a key of items.KINDS
    description: str | None
    assumed: str | None
    optional: bool
    scored: bool
    weight: str | None
    options: list[Option]  # choice
    scale: str  # a choice compiled from a rating: its rating scale
    yes_points: str  # boolean
    no_points: str
    min: str  # number, average
    max: str
    step: str
    unit: str
    bands: list[dict] | None  # number: [{min, points, label}]
    cohort: dict | None  # number, on a rule's field: {rank, within, min_group, as}
    each: str  # count
    cap: str | None  # count, checklist
    max_count: str
    min_raters: str  # average
    max_raters: str
    base: str  # checklist
    floor: str | None
    checks: list[dict]  # [{id, label, points, fatal}]
    points: str  # a test question (single, multiple, true_false, blank, essay): what it is worth
    key: str | list[str] | bool  # single: an option id; multiple: option ids; true_false: true or false
    partial: bool  # multiple: fewer right options score their share
    accepted: list[str]  # blank: the answers that count as right
    explanation: str  # shown with the key after 交卷
    reference: str  # essay: the reference answer for the reviewer


class Section(TypedDict):
    id: str
    name: str
    scale: str
    items: list[Item]
    note: NotRequired[str | None]


class Condition(TypedDict):
    item: NotRequired[str]  # an item's answer, or
    section: NotRequired[str]  # a part's subtotal (at_least only)
    op: Literal["at_least", "one_of", "equals"]
    value: Any
    text: str


class Band(TypedDict):
    grade: str
    name: str
    min: str
    max: str | None
    requires: list[Condition]
    note: NotRequired[str | None]


class Standard(TypedDict):
    id: str
    name: str
    method: Literal["sum", "weighted"]
    precision: int
    sections: list[Section]
    requires: list[Condition]
    bands: list[Band]
    examples: list[dict]


class RuleOutcome(TypedDict):
    id: str
    outcome: Outcome
    when: str
    reason: str
    probation_months: int | None
    steps: NotRequired[str]
    at_levels: NotRequired[list[str]]


class Rule(TypedDict):
    id: str
    name: str
    min_periods: int
    levels: list[dict] | None
    person: list[Item]
    periods: list[Item]
    tables: dict | None
    values: list[dict]
    outcomes: list[RuleOutcome]
    pay: str | None
    bonus: str | None
    examples: list[dict]


class Rulebook(TypedDict):
    format: int
    version: str
    hash: str
    standards: list[Standard]
    rules: list[Rule]
    # the whole rulebook's; a definition's excerpt (what a page downloads) holds only the keys above
    organisation: NotRequired[dict]
    departments: NotRequired[list[dict]]
    scales: NotRequired[list[dict]]
    skills: NotRequired[list[dict]]
    roles: NotRequired[list[dict]]
    processes: NotRequired[list[dict]]
    policies: NotRequired[list[dict]]
    sources: NotRequired[dict | None]


class ItemResult(TypedDict):
    id: str
    name: str
    section: str
    answer: Any
    points: str
    max_points: str
    contribution: str | None
    rule: str


class StandardResult(TypedDict):
    """assessment.score; run() adds kind and rulebook {version, hash}."""

    standard: str
    name: str
    total: str
    max_total: str
    items: list[ItemResult]
    sections: list[dict]
    fatal: list[str]
    eligible: bool
    ineligible: list[str]
    graded: bool
    band: dict | None
    grade: dict | None
    capped: list[dict]
    next: dict | None
    test: bool  # a knowledge test: its page shows points and key only after 交卷
    pending: list[dict]  # answers waiting for a reviewer's marks (short answers): {item, name, max_points}
    pending_points: str  # the marks they could still add


class RuleResult(TypedDict, total=False):
    """assessment.evaluate_rule; level and steps only where the rule has levels."""

    rule: str
    name: str
    outcome: Outcome
    outcome_name: str
    decided_by: str | None
    reason: str
    probation_months: int | None
    checks: list[dict]
    values: list[dict]
    steps: int
    missing: list[dict]
    level: dict | None
    pay: str | None
    bonus: str | None


# --- the files a page writes and the CLI and the batch read ------------------------------------------------
# tests/fixtures/files/ holds one of each: the Python tests score them, the browser tests import them, and the
# files the pages export are held to these keys (tests/test_files.py, the browser tests)

class Person(TypedDict, total=False):
    """Who is assessed, as typed on the page (each may be empty)."""

    name: str
    staff_id: str
    department: str


class _Exported(TypedDict):
    definition: str  # the standard's or rule's id
    definition_name: str
    rulebook_version: str
    rulebook_hash: str  # the definition's own hash (assessment/fingerprint.answers_hash): current, or carried
    exported: str  # ISO 8601 time
    fields: list[str]  # the answer fields' ids, as the page had them
    field_names: dict[str, str]  # id → name, for reading a file from an earlier release
    basis: dict  # each field's name, kind, weight and shape when saved (assessment/carry.py)
    person: Person


class AnswersFile(_Exported):
    """导出答案 (assessment/app/app.js exportAnswers)."""

    answers: dict  # a standard's {item id: value}; a rule's {"person": {…}, "periods": [{…}, …]}


class ReviewFile(_Exported):
    """导出审核文件 (assessment/app/review.js exportFile): the person's answers beside the reviewer's, sealed."""

    type: Literal["review"]
    format: int
    self: dict  # the person's side: {answers, person, exported, rulebook_version}
    reviewer: dict  # {name, staff_id, answers, reviewed}
    comments: dict[str, str]  # answer key → the reviewer's comment
    overall: str
    integrity: dict  # {algorithm, digest, note}: assessment/review.py seal, over everything but itself
