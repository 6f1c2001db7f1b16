"""A reviewer's answers beside the person's own: both scored, each field compared, and the review file sealed.

How far apart two answers are is counted in steps (档), the same way for every page, the CLI and the batch:
one option of a choice (options ranked by their points), yes against no, one tick of a checklist, one
counted event, one place of a rank (a field ranked from the cohort), one band of a banded number, and a
tenth of the allowed range for any other number or mean of raters. Answers one step apart differ (`near`); two
or more steps apart are a disagreement to discuss (`far`).

The seal is integrity, not signing: a SHA-256 over the file's content shows that the file was edited after
it was exported, but anyone can compute a new one; it proves nothing about who wrote it.
"""

import hashlib
import json

from . import find, run
from . import items as kinds
from .contract import Rulebook
from .errors import AnswerError, period_path
from .messages import language_of, say




MAX_PAIRINGS = 2_500  # periods × periods tried: 50 months on each side; beyond, the latest periods pair up


def _pairing(mine, theirs, fields):
    """How the reviewer's periods line up with the person's: their period j is the person's j + shift. The
    shift under which the most answers agree wins — a reviewer who adds the missing latest month, or drops
    the oldest, disagrees about nothing else; with no agreement to go by, the latest periods pair up."""
    latest = len(mine) - len(theirs)
    if not mine or not theirs or len(mine) * len(theirs) > MAX_PAIRINGS:  # a file of thousands of periods
        return latest

    def agreeing(shift):
        return sum(1 for j, b in enumerate(theirs) if 0 <= j + shift < len(mine) for f in fields
                   if _given(b, f["id"]) and _mapping(mine[j + shift]).get(f["id"]) == _mapping(b).get(f["id"]))

    return max(range(-len(theirs) + 1, len(mine)), key=lambda s: (agreeing(s), -abs(s - latest)))


def _given(period, key):
    value = _mapping(period).get(key)
    return value not in (None, "", [])


def _typed(value):
    """An invalid answer, shown as it was typed."""
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return say("item.blank_answer") if value in (None, "") else str(value)


def _field(item, path, name, mine, theirs):
    a, problem_a = kinds.check_answer(item, mine, path)
    b, problem_b = kinds.check_answer(item, theirs, path)
    row = {"field": path, "name": name,
           "self": _typed(mine) if problem_a else kinds.label(item, a),
           "reviewer": _typed(theirs) if problem_b else kinds.label(item, b)}
    if (problem_a or problem_b) and row["self"] == row["reviewer"]:
        row["steps"], row["level"] = 0, "same"  # both the same invalid or missing answer: no disagreement
    elif problem_a or problem_b or (a is None) != (b is None):
        row["steps"], row["level"] = None, "open"
    elif kinds.same(item, a, b):
        row["steps"], row["level"] = 0, "same"
    else:
        n = max(1, kinds.steps(item, a, b))  # different answers of equal points are still a step apart
        row["steps"], row["level"] = n, "near" if n == 1 else "far"
    row["text"] = say(f"review.{row['level']}") if row["level"] != "far" else say("review.far", steps=row["steps"])
    return row


def _mapping(value, key=None):
    value = value.get(key) if key is not None and isinstance(value, dict) else value
    return value if isinstance(value, dict) else {}


def _scored(rulebook, ident, answers):
    try:
        return run(rulebook, ident, answers)
    except AnswerError as exc:
        return {"errors": exc.to_json(language_of(rulebook))}


def compare(rulebook: Rulebook, ident: str, self_answers: dict | None, reviewer_answers: dict | None) -> dict:
    """{self, reviewer: each a result (or {errors}), fields: [{field, name, self, reviewer, steps, level,
    text}], near, far, open, step}: `field` is the answer's path on the page (an item id, person.ID,
    periods[i].ID in the reviewer's table; self.periods[i].ID for a period only the person gave)."""
    kind, definition = find(rulebook, ident)
    mine, theirs = kind.single(self_answers), kind.single(reviewer_answers)
    rows = [_field(field, kind.single_path(field["id"]), field["name"], mine.get(field["id"]), theirs.get(field["id"]))
            for field in kind.single_fields(definition)]
    periods_a, periods_b = kind.periods(self_answers), kind.periods(reviewer_answers)  # a standard has none
    fields = kind.period_fields(definition)
    shift = _pairing(periods_a, periods_b, fields)
    for t in range(min(0, shift), max(len(periods_a), len(periods_b) + shift)):  # the person's i is t
        i, j = (t if t < len(periods_a) else -1), (t - shift if 0 <= t - shift < len(periods_b) else -1)
        a = _mapping(periods_a[i]) if i >= 0 else {}
        b = _mapping(periods_b[j]) if j >= 0 else {}
        # named and placed by the reviewer's table (the form on screen), or the person's where it has none
        where = period_path(j) if j >= 0 else "self." + period_path(i)
        label = say("review.period", number=j + 1) if j >= 0 else say("review.their_period", number=i + 1)
        for field in fields:
            rows.append(_field(field, f"{where}.{field['id']}", f"{label} · {field['name']}",
                               a.get(field["id"]), b.get(field["id"])))
    return {"self": _scored(rulebook, ident, self_answers), "reviewer": _scored(rulebook, ident, reviewer_answers),
            "fields": rows, "near": sum(r["level"] == "near" for r in rows),
            "far": sum(r["level"] == "far" for r in rows), "open": sum(r["level"] == "open" for r in rows),
            "step": say("review.step")}


# --- the review file's seal ------------------------------------------------------------------------

ALGORITHM = "SHA-256"


def seal_note() -> str:
    """What the seal is and is not, said in the review file beside it (not part of what it covers)."""
    return say("review.seal_note")


def seal(record: dict) -> str:
    """The SHA-256 of a review file's content (everything but its `integrity`), in canonical JSON."""
    content = {k: v for k, v in record.items() if k != "integrity"}
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # surrogatepass: a lone surrogate (legal in JSON text) is hashed as it came, never a crash
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def sealed(record: dict) -> dict:
    return {**record, "integrity": {"algorithm": ALGORITHM, "digest": seal(record), "note": seal_note()}}


def verify(record: dict) -> str:
    """'intact', 'edited' (content differs from its seal) or 'unsealed' (no seal to check)."""
    integrity = record.get("integrity") if isinstance(record, dict) else None
    if not isinstance(integrity, dict) or not isinstance(integrity.get("digest"), str):
        return "unsealed"
    return "intact" if integrity["digest"] == seal(record) else "edited"
