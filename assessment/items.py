"""Item kinds: one class per kind, registered in KINDS, each the one home of what an answer of its kind means.

A kind checks an answer and turns it into the value it stands for, its points with a sentence saying why,
better answers (gap advice), its label, the steps between two answers (review) and whether it meets a
condition; it also says how it scores and what a person may write (pages and forms), which options it offers
and how a typed cell becomes an answer (batch). No standard has code of its own: an item in the rulebook is
a dict with at least `id`, `name` and `kind`; numbers are decimal strings. A definition's `rating` is compiled
to `choice`. Adding a kind: a class here, its fields in the model (generator/definitions/model.py), its
normalising there if any, and its answers in tests/strategies.py.

The module's functions (point_range, check_answer, points…) are what callers use; they dispatch by kind.
"""

import math
import re
import unicodedata
from decimal import Decimal
from typing import Any

from .contract import Condition, Item
from .errors import Problem, entry_path
from .messages import LANGUAGES, catalog, enumerated, listed, say
from .numbers import TYPED_LENGTH, ZERO, OutOfRange, dec, fmt, gcd, is_multiple, parse_answer, quantize

SEPARATORS = "[,，、;；\\s]+"  # between raters' scores or ticks, as people type them (regex; the page reads it too)
# yes and no as people type them, in any of the catalogs' languages (compared case-folded)
YES = frozenset({"是", "true", "1", "y", "yes", *(catalog(lang)["item.yes"].casefold() for lang in LANGUAGES)})
NO = frozenset({"否", "false", "0", "n", "no", *(catalog(lang)["item.no"].casefold() for lang in LANGUAGES)})


def _as_typed(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().casefold()


def yes_no(value) -> str:
    """A yes-no answer in words: 是 or 否."""
    return say("item.yes" if value else "item.no")


# --- shared checks --------------------------------------------------------------------------

def unit_of(item) -> str:
    """An item's unit as it follows a number: 88分 and 120%, but 88 points (the language's separator before a
    unit that is a word)."""
    unit = _counted_unit(item) if item.get("kind") == "count" else item.get("unit", "")
    return say("unit_separator") + unit if unit[:1].isalpha() else unit


COUNT_UNIT = "项"  # what a count item counts unless it says (generator/definitions/model.py): item.unit's Chinese


def _counted_unit(item) -> str:
    """What a count item counts, in words: its own unit, or the language's word for "items" where it gives none
    (the format's default is the Chinese word, which an English handbook shows as its own)."""
    unit = item.get("unit")
    return say("item.unit") if not unit or unit == COUNT_UNIT else unit


def _number(value, field, unit=""):
    """A number as typed; followed by the field's unit (120%, 88分 or 3次) it is still that number."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
        return None, Problem(field, "not_a_number")
    text = value
    if isinstance(value, str) and unit:
        typed, unit = unicodedata.normalize("NFKC", value).strip(), unicodedata.normalize("NFKC", unit)
        text = typed[:-len(unit)] if typed.endswith(unit) else value
    try:
        return (parse_answer(text) if isinstance(text, str) else dec(text)), None
    except OutOfRange:
        return None, Problem(field, "out_of_range.huge", value=_shown(value))
    except (ValueError, TypeError):
        return None, Problem(field, "not_a_number.typed", value=_shown(value))


def _shown(value, at_most=TYPED_LENGTH):
    """A typed value as a message quotes it: a 20-million-digit answer is not said back in full."""
    text = str(value)
    return text if len(text) <= at_most else text[:at_most] + "…"


def _range_problem(field, number, low, high, step):
    allowed = {"min": fmt(low), "max": fmt(high), "step": fmt(step)}
    if number < low or number > high:
        return Problem(field, "out_of_range", allowed, low=fmt(low), high=fmt(high), got=fmt(number))
    if step and not is_multiple(number - low, step):
        whole = step == 1 and low == low.to_integral_value()
        return Problem(field, "bad_step.whole" if whole else "bad_step", allowed, step=fmt(step), got=fmt(number))
    return None


def _quoted(value):
    """An answer quoted in a message; a list or mapping where one value belongs is named, not dumped."""
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return f"“{value}”"
    return say("item.a_list")


def _missing(item, field):
    return Problem(field, "missing", name=item["name"])


def _decimal_step(values):
    step = gcd(values)
    return Decimal(step.numerator) / Decimal(step.denominator)


def _split(text):
    return [part for part in re.split(SEPARATORS, text) if part]


def _one_option(options, value, field):
    """(option id, None) or (None, Problem): an option named by its id, or — as a person types it in a file —
    by its label when exactly one option has it ((（）or ()). A choice and a single-choice question alike."""
    ids = [o["id"] for o in options]
    typed = unicodedata.normalize("NFKC", value).strip() if isinstance(value, str) else value
    by_label = [o["id"] for o in options if unicodedata.normalize("NFKC", o["label"]) == typed]
    if value not in ids and len(by_label) == 1:
        return by_label[0], None
    if value not in ids:
        labels = "、".join(f"{o['id']}({o['label']})" for o in options)
        return None, Problem(field, "unknown_option", ids, quoted=_quoted(value), named=labels, value=value,
                             ids=", ".join(ids))
    return value, None


def _ticked(choices, value, field):
    """(ids in the choices' order, None) or (None, Problem) for a list of ticks, each named by its id or its label.
    A checklist's checks and a multiple-choice question's options alike."""
    if not isinstance(value, list):
        return None, Problem(field, "not_a_list.checks")
    ids = [c["id"] for c in choices]
    labels = {unicodedata.normalize("NFKC", c["label"]): c["id"] for c in choices}
    value = [v if v in ids or not isinstance(v, str) else labels.get(unicodedata.normalize("NFKC", v).strip(), v)
             for v in value]  # a tick named by its label, as a person types it in a file
    unknown = [v for v in value if v not in ids]
    if unknown:
        named = "、".join(f"{c['id']}({c['label']})" for c in choices)  # as choices say theirs
        return None, Problem(field, "unknown_option.check", ids, quoted=_quoted(unknown[0]), named=named,
                             value=unknown[0], ids=", ".join(ids))
    if len(set(value)) != len(value):
        return None, Problem(field, "duplicate", ids)
    return [c for c in ids if c in value], None  # canonical order


def _ticks_from_text(choices, text):
    """A spreadsheet cell of ticks: a label may itself hold a comma, so labels are found first, the rest is split."""
    found = []
    for label in sorted((c["label"] for c in choices), key=len, reverse=True):
        if label in text:
            found.append(label)
            text = text.replace(label, "、")
    return found + _split(text)


def _text(value, field):
    """(stripped text or None when empty, None) or (None, Problem): a fill-in or a short answer as written."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float, Decimal)):
        return None, Problem(field, "not_a_text")
    text = str(value).strip()
    return (text, None) if text else (None, None)


class Kind:
    """What every kind answers. A method left to this base raises, and tests/test_item_kinds.py fails."""

    name = ""
    control = "text"  # the form's control: "select" (from choices()), "ticks" (checkboxes) or "text"
    reads = "text"  # how the page reads the control: "text", "yes-no" (a boolean), "list" (split), "ticks"
    # or "marked" (a text and, in a review, the reviewer's marks beside it)
    inputmode = "decimal"
    chosen = False  # answered by picking a listed option: spoken of as "你的选择" when a release changes it
    keyed = False  # a test question with an answer key: its page shows points and key only after 交卷

    def point_range(self, item):
        """(lowest, highest) points the item can give: weighting, validation and display."""
        raise NotImplementedError

    def granularity(self, item):
        """The step between the item's possible points, as a Decimal; 0 means any value is possible."""
        raise NotImplementedError

    def empty(self, item, field):
        """(answer, problem) for an item left empty: optional items count as unanswered."""
        return (None, None) if item.get("optional") else (None, _missing(item, field))

    def check(self, item, value, field):
        """(normalised answer, None) or (None, Problem) for a given (non-empty) answer."""
        raise NotImplementedError

    def unanswered(self, item):
        """(points, sentence, fatal) for an optional item left empty."""
        return ZERO, say("item.unanswered"), []

    def pending(self, item, answer):
        """Whether the answer waits for a reviewer's marks (not counted in the total until then)."""
        return False

    def value(self, item, answer, places):
        """The one value an answer stands for: points, conditions and gap advice all read it."""
        return answer

    def points(self, item, answer, places):
        """(points, sentence, fatal check ids) for a valid answer."""
        raise NotImplementedError

    def in_formula(self, item, answer):
        """What a rule field's valid answer stands for in a formula (an average: its raters' mean)."""
        return self.value(item, answer, 2)

    def candidates(self, item, answer):
        """Better answers for this item alone, ascending, for gap advice (None: not applicable)."""
        return None

    def label(self, item, answer):
        """A valid answer as a person reads it in a result (gap advice, review)."""
        return fmt(answer) + unit_of(item)

    def steps(self, item, a, b):
        """Steps between two valid answers (the catalogs' review.step says what a step is, kind by kind)."""
        raise NotImplementedError

    def same(self, item, a, b):
        """Whether two valid answers agree (a review's 一致)."""
        return a == b

    def meets(self, condition, item, value):
        """Whether a valid answer's value meets a prerequisite or band condition (at_least by default)."""
        return dec(value) >= dec(condition["value"])

    def describe(self, item):
        """How the item turns an answer into points, for its page."""
        raise NotImplementedError

    def hint(self, item):
        """What may be written at the item's field, for the form ("" when the control says it all)."""
        return ""

    def placeholder(self, item):
        return ""

    def accepts(self, item):
        """What a rule's field accepts, in a few words for its page ("" when nothing short says it)."""
        return ""

    def choices(self, item):
        """[(value, label)] a select or the ticks offer, or None."""
        return None

    def written(self, item, answer):
        """A worked example's answer (as written in the definition) on a page."""
        if isinstance(answer, list):
            return enumerated(map(str, answer))
        return f"{answer}{unit_of(item)}"

    def from_text(self, item, text):
        """A spreadsheet cell's text as the engine reads answers (numbers stay text: check() reads them)."""
        return text

    def columns(self, item):
        """Spreadsheet columns the item has besides its own (the batch): [(key, header)]."""
        return []

    def from_cells(self, item, text, extra):
        """The answer from the item's own cell and its extra columns ({key: text}, only those filled in)."""
        return self.from_text(item, text)


class Choice(Kind):
    name, control, chosen = "choice", "select", True

    def _points(self, item):
        return [dec(o["points"]) for o in item["options"]]

    def point_range(self, item):
        return min(self._points(item)), max(self._points(item))

    def granularity(self, item):
        return _decimal_step(self._points(item))

    def check(self, item, value, field):
        return _one_option(item["options"], value, field)

    def _option(self, item, answer):
        return next(o for o in item["options"] if o["id"] == answer)

    def points(self, item, answer, places):
        option = self._option(item, answer)
        return dec(option["points"]), say("item.chose", label=option["label"], points=fmt(dec(option["points"]))), []

    def candidates(self, item, answer):
        current = dec(self._option(item, answer)["points"]) if answer else None
        better = [o for o in item["options"] if current is None or dec(o["points"]) > current]
        return [o["id"] for o in sorted(better, key=lambda o: dec(o["points"]))]

    def label(self, item, answer):
        return self._option(item, answer)["label"]

    def steps(self, item, a, b):
        ranks = sorted({dec(o["points"]) for o in item["options"]})
        places = {o["id"]: ranks.index(dec(o["points"])) for o in item["options"]}
        return abs(places[a] - places[b])

    def meets(self, condition, item, value):
        op, wanted = condition["op"], condition["value"]
        order = [o["id"] for o in item["options"]]
        if op == "at_least":
            return order.index(value) >= order.index(wanted)
        if op == "one_of":
            return value in wanted
        return value == wanted

    def describe(self, item):
        options = (say("item.option_points", label=o["label"], points=fmt(Decimal(o["points"])))
                   for o in item["options"])
        return say("item.choice", options=listed(options))

    def choices(self, item):
        return [(o["id"], o["label"]) for o in item["options"]]

    def accepts(self, item):
        return " / ".join(o["label"] for o in item["options"])

    def written(self, item, answer):
        return self.label(item, answer)


class Boolean(Kind):
    name, control, reads = "boolean", "select", "yes-no"

    def _points(self, item, answer):
        return dec(item["yes_points"] if answer else item["no_points"])

    def point_range(self, item):
        pts = [self._points(item, True), self._points(item, False)]
        return min(pts), max(pts)

    def granularity(self, item):
        return _decimal_step([self._points(item, True), self._points(item, False)])

    def check(self, item, value, field):
        # as people write it
        if isinstance(value, str):  # as people write it: 是, Yes, true …
            typed = _as_typed(value)
            value = True if typed in YES else False if typed in NO else value
        if not isinstance(value, bool):
            return None, Problem(field, "not_a_boolean", [True, False])
        return value, None

    def points(self, item, answer, places):
        pts = self._points(item, answer)
        return pts, say("item.answer_points", answer=self.label(item, answer), points=fmt(pts)), []

    def candidates(self, item, answer):
        return [v for v in (True, False)
                if v != answer and (answer is None or self._points(item, v) > self._points(item, answer))]

    def label(self, item, answer):
        return yes_no(answer)

    def steps(self, item, a, b):
        return int(a != b)

    def meets(self, condition, item, value):
        return value is condition["value"]

    def describe(self, item):
        return listed([say("item.option_points", label=yes_no(True), points=fmt(Decimal(item["yes_points"]))),
                        say("item.option_points", label=yes_no(False), points=fmt(Decimal(item["no_points"])))])

    def choices(self, item):
        return [("true", yes_no(True)), ("false", yes_no(False))]

    def written(self, item, answer):
        return self.label(item, answer)

    def from_text(self, item, text):
        typed = _as_typed(text)
        return True if typed in YES else False if typed in NO else text


class _Ranged(Kind):
    """A number typed within [min, max] in steps (a number, or each rater's score of an average)."""

    def _range(self, item):
        return dec(item["min"]), dec(item["max"]), dec(item["step"])

    def _tenths(self, item, a, b):
        """One step is a tenth of the range a person may write."""
        low, high, _ = self._range(item)
        tenth = (high - low) / 10
        return math.ceil(abs(a - b) / tenth) if tenth else int(a != b)

    def hint(self, item):
        return say("item.range", low=item["min"], high=item["max"], unit=unit_of(item)) + (
            say("item.in_steps", step=item["step"]) if Decimal(item.get("step", 1)) != 1 else "")

    def placeholder(self, item):
        return f"{item['min']}–{item['max']}{unit_of(item)}"

    accepts = placeholder


class Number(_Ranged):
    name = "number"

    def _band(self, item, answer):
        return [b for b in item["bands"] if answer >= dec(b["min"])][-1]

    def point_range(self, item):
        if item.get("bands"):
            pts = [dec(b["points"]) for b in item["bands"]]
            return min(pts), max(pts)
        return dec(item["min"]), dec(item["max"])

    def granularity(self, item):
        if item.get("bands"):
            return _decimal_step([dec(b["points"]) for b in item["bands"]])
        return dec(item["step"])

    def check(self, item, value, field):
        number, problem = _number(value, field, item.get("unit", ""))
        return (None, problem) if problem else (
            (number, None) if not (p := _range_problem(field, number, *self._range(item))) else (None, p))

    def points(self, item, answer, places):
        unit = unit_of(item)
        if not item.get("bands"):
            return answer, say("item.answer_points", answer=f"{fmt(answer)}{unit}", points=fmt(answer)), []
        band = self._band(item, answer)
        return (dec(band["points"]),
                say("item.band_reached", answer=f"{fmt(answer)}{unit}", min=f"{fmt(dec(band['min']))}{unit}",
                    points=fmt(dec(band["points"]))), [])

    def candidates(self, item, answer):
        if item.get("bands"):
            return [dec(b["min"]) for b in item["bands"] if answer is None or dec(b["min"]) > answer]
        low, high, step = self._range(item)
        start = answer if answer is not None else low
        return _Ladder(start, step, int((high - start) / step) if step else 0)

    def steps(self, item, a, b):
        if item.get("cohort"):  # a rank: each place is a step
            return int(abs(a - b))
        if item.get("bands"):
            def band(v):
                return sum(1 for x in item["bands"] if v >= dec(x["min"]))
            return abs(band(a) - band(b))
        return self._tenths(item, a, b)

    def describe(self, item):
        unit = unit_of(item)
        rng = say("item.stepped_range", low=item["min"], high=item["max"], unit=unit, step=item["step"])
        if item.get("bands"):
            bands = listed(say("item.band", min=f"{b['min']}{unit}", points=b["points"]) for b in item["bands"])
            return say("item.banded", range=rng, bands=bands)
        return say("item.direct", range=rng)


class Count(Kind):
    name, inputmode = "count", "numeric"

    def point_range(self, item):
        return ZERO, dec(item["cap"])

    def granularity(self, item):
        return _decimal_step([dec(item["each"]), dec(item["cap"])])

    def empty(self, item, field):
        # a count left empty is none (an int here crashed the points' sentence)
        return (Decimal(0), None) if item.get("optional") else (None, _missing(item, field))

    def check(self, item, value, field):
        number, problem = _number(value, field, item.get("unit", ""))
        if problem:
            return None, problem
        p = _range_problem(field, number, ZERO, dec(item["max_count"]), Decimal(1))
        return (number, None) if not p else (None, p)

    def points(self, item, answer, places):
        raw = answer * dec(item["each"])
        pts = min(raw, dec(item["cap"]))
        capped = say("item.capped", cap=fmt(dec(item["cap"]))) if raw > pts else ""
        return pts, say("item.counted", count=fmt(answer), unit=_counted_unit(item),
                        each=fmt(dec(item["each"])), capped=capped, points=fmt(pts)), []

    def candidates(self, item, answer):
        start = answer if answer is not None else ZERO
        return _Ladder(start, Decimal(1), int(dec(item["max_count"]) - start))

    def steps(self, item, a, b):  # each event is a step
        return int(abs(a - b))

    def describe(self, item):
        if Decimal(item["each"]) < 0:  # a deduction per event: 批评 −0.5
            return say("item.deduction", unit=_counted_unit(item), each=fmt(-Decimal(item["each"])))
        return say("item.per_unit", unit=_counted_unit(item), each=item["each"], cap=item["cap"])

    def hint(self, item):
        return say("item.count_range", high=item["max_count"], unit=_counted_unit(item))

    def placeholder(self, item):
        return say("item.count")


class Average(_Ranged):
    name, reads = "average", "list"

    def point_range(self, item):
        return dec(item["min"]), dec(item["max"])

    def granularity(self, item):
        return ZERO

    def check(self, item, value, field):
        if not isinstance(value, list):
            return None, Problem(field, "not_a_list.raters")
        low_n, high_n = int(item["min_raters"]), int(item["max_raters"])
        if not low_n <= len(value) <= high_n:
            return None, Problem(field, "rater_count", {"min": low_n, "max": high_n}, low=low_n, high=high_n,
                                 got=len(value))
        numbers = []
        for i, v in enumerate(value):
            number, problem = _number(v, entry_path(field, i))
            problem = problem or _range_problem(entry_path(field, i), number, *self._range(item))
            if problem:
                return None, problem
            numbers.append(number)
        return numbers, None

    def value(self, item, answer, places):
        # raters' scores stand for their mean, rounded as the standard rounds (79.67, never 79.666…)
        return quantize(sum(answer, ZERO) / len(answer), places) if answer else answer

    def points(self, item, answer, places):
        mean = self.value(item, answer, places)
        shown = " + ".join(fmt(v) for v in answer)
        return mean, say("item.mean", scores=shown, raters=len(answer), points=fmt(mean)), []

    def label(self, item, answer):
        return say("item.scores", scores=enumerated(fmt(v) for v in answer),
                   mean=fmt(self.value(item, answer, 2)))

    def steps(self, item, a, b):
        return self._tenths(item, self.value(item, a, 2), self.value(item, b, 2))

    def describe(self, item):
        return say("item.average", fewest=item["min_raters"], most=item["max_raters"], low=item["min"],
                   high=item["max"])

    def hint(self, item):
        return say("item.average_hint", fewest=item["min_raters"], most=item["max_raters"], low=item["min"],
                   high=item["max"])

    def placeholder(self, item):
        return say("item.average_placeholder") + super().placeholder(item)

    def from_text(self, item, text):
        return _split(text)


class Checklist(Kind):
    name, control, reads = "checklist", "ticks", "ticks"

    def _clamp(self, item, points):
        """Points kept within the item's floor and cap (the one place a checklist is clamped)."""
        if item.get("floor") is not None:
            points = max(points, dec(item["floor"]))
        if item.get("cap") is not None:
            points = min(points, dec(item["cap"]))
        return points

    def point_range(self, item):
        base = dec(item["base"])
        neg = sum((dec(c["points"]) for c in item["checks"] if dec(c["points"]) < 0), ZERO)
        pos = sum((dec(c["points"]) for c in item["checks"] if dec(c["points"]) > 0), ZERO)
        return self._clamp(item, base + neg), self._clamp(item, base + pos)

    def granularity(self, item):
        values = [dec(item["base"])] + [dec(c["points"]) for c in item["checks"]]
        return _decimal_step(values + [dec(item[k]) for k in ("floor", "cap") if item.get(k) is not None])

    def empty(self, item, field):
        return [], None  # nothing ticked

    def check(self, item, value, field):
        return _ticked(item["checks"], value, field)

    def points(self, item, answer, places):
        checks = {c["id"]: c for c in item["checks"]}
        fatal = [c for c in answer if checks[c].get("fatal")]
        base = dec(item["base"])
        raw = base + sum((dec(checks[c]["points"]) for c in answer), ZERO)
        pts = self._clamp(item, raw)
        parts = [say("item.base", points=fmt(base))] + [
            f"“{checks[c]['label']}” {'+' if dec(checks[c]['points']) >= 0 else ''}{fmt(dec(checks[c]['points']))}"
            for c in answer if not checks[c].get("fatal")
        ]
        limit = ""
        if pts != raw:
            limit = (say("item.at_least", floor=fmt(dec(item["floor"]))) if pts > raw
                     else say("item.at_most", cap=fmt(dec(item["cap"]))))
        rule = "; ".join(parts) + say("item.points", points=fmt(pts)) + limit
        if fatal:
            rule += say("item.fatal", checks=enumerated(checks[c]["label"] for c in fatal))
        return pts, rule, fatal

    def in_formula(self, item, answer):
        return self.points(item, answer, 2)[0]  # ticks stand for their points

    def label(self, item, answer):
        names = {c["id"]: c["label"] for c in item["checks"]}
        return (say("item.ticked", count=len(answer), names=listed(names[c] for c in answer)) if answer
                else say("item.none_ticked"))

    def steps(self, item, a, b):  # each tick is a step
        return len(set(a) ^ set(b))

    def describe(self, item):
        parts = [say("item.base", points=item["base"])]
        if item.get("floor") is not None:
            parts.append(say("item.lowest", points=item["floor"]))
        if item.get("cap") is not None:
            parts.append(say("item.highest", points=item["cap"]))
        return listed(parts)

    def choices(self, item):
        return [(c["id"], c["label"]) for c in item["checks"]]

    def written(self, item, answer):
        labels = {c["id"]: c["label"] for c in item["checks"]}
        return enumerated(labels[a] for a in answer) or say("item.nothing")

    def from_text(self, item, text):
        return _ticks_from_text(item["checks"], text)


# --- test questions (知识测试) ----------------------------------------------------------------

TRUE_WORDS = YES | {"对", "√", "✓", "正确"}
FALSE_WORDS = NO | {"错", "×", "✗", "x", "X", "错误"}


def _fold(text):
    """An answer as compared with the key: full-/half-width, case, spaces and punctuation do not count."""
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    return "".join(ch for ch in text if not (ch.isspace() or unicodedata.category(ch).startswith("P")))


class _Question(Kind):
    """A test question with an answer key: right or wrong, or (a short answer) marked by a reviewer. Left
    unanswered it scores 0 — a test may be handed in unfinished."""

    keyed, inputmode, what = True, "text", ""

    def point_range(self, item):
        return ZERO, dec(item["points"])

    def granularity(self, item):
        return dec(item["points"])

    def empty(self, item, field):
        return None, None

    def correct(self, item, answer):
        raise NotImplementedError

    def key(self, item):
        """The correct answer as a person reads it."""
        raise NotImplementedError

    def _explained(self, item, sentence):
        return sentence + (say("item.explanation", text=item["explanation"]) if item.get("explanation") else "")

    def unanswered(self, item):
        return ZERO, self._explained(item, say("item.unanswered_key", key=self.key(item))), []

    def points(self, item, answer, places):
        if self.correct(item, answer):
            return dec(item["points"]), self._explained(item, say("item.right", points=fmt(dec(item["points"])))), []
        return ZERO, self._explained(item, say("item.wrong", key=self.key(item))), []

    def steps(self, item, a, b):  # a question is right or wrong: any other answer is a step
        return int(a != b)

    def meets(self, condition, item, value):  # the validator lets no condition name a question
        return value == condition["value"]

    def describe(self, item):
        return say("item.question", what=say(self.what), points=fmt(dec(item["points"])))


class Single(_Question):
    name, control, chosen, what = "single", "select", True, "item.what.single"

    def check(self, item, value, field):
        return _one_option(item["options"], value, field)

    def correct(self, item, answer):
        return answer == item["key"]

    def label(self, item, answer):
        return next(o["label"] for o in item["options"] if o["id"] == answer)

    def key(self, item):
        return self.label(item, item["key"])

    def choices(self, item):
        return [(o["id"], o["label"]) for o in item["options"]]

    def written(self, item, answer):
        return self.label(item, answer)

    def describe(self, item):
        return say("item.single", options=listed(o["label"] for o in item["options"]), points=fmt(dec(item["points"])))


class Multiple(_Question):
    name, control, reads, chosen = "multiple", "ticks", "ticks", True

    def granularity(self, item):
        return ZERO if item.get("partial") else dec(item["points"])

    def empty(self, item, field):
        return None, None  # nothing ticked: unanswered

    def check(self, item, value, field):
        return _ticked(item["options"], value, field)

    def correct(self, item, answer):
        return answer == item["key"]

    def points(self, item, answer, places):
        full = dec(item["points"])
        if self.correct(item, answer) or not item.get("partial"):
            return super().points(item, answer, places)
        right = [a for a in answer if a in item["key"]]
        if len(right) < len(answer):  # a wrong option ticked: nothing, even with partial marks
            return ZERO, self._explained(item, say("item.wrong_option", key=self.key(item))), []
        pts = quantize(full * len(right) / len(item["key"]), places)
        return pts, self._explained(
            item, say("item.partly", right=len(right), of=len(item["key"]), key=self.key(item), full=fmt(full),
                      points=fmt(pts))), []

    def label(self, item, answer):
        names = {o["id"]: o["label"] for o in item["options"]}
        return "、".join(names[a] for a in answer)

    def key(self, item):
        return self.label(item, item["key"])

    def steps(self, item, a, b):  # each option ticked by one side only is a step
        return len(set(a) ^ set(b))

    def describe(self, item):
        how = say("item.partial" if item.get("partial") else "item.all_or_nothing")
        return say("item.multiple", options=listed(o["label"] for o in item["options"]), how=how,
                   points=fmt(dec(item["points"])))

    def choices(self, item):
        return [(o["id"], o["label"]) for o in item["options"]]

    def written(self, item, answer):
        return self.label(item, answer)

    def from_text(self, item, text):
        return _ticks_from_text(item["options"], text)


class TrueFalse(_Question):
    name, control, reads, chosen, what = "true_false", "select", "yes-no", True, "item.what.true_false"

    def check(self, item, value, field):
        if isinstance(value, str):
            typed = _as_typed(value)
            value = True if typed in TRUE_WORDS else False if typed in FALSE_WORDS else value
        if not isinstance(value, bool):
            return None, Problem(field, "not_a_boolean.question", [True, False])
        return value, None

    def correct(self, item, answer):
        return answer is item["key"]

    def label(self, item, answer):
        return say("item.true" if answer else "item.false")

    def key(self, item):
        return self.label(item, item["key"])

    def choices(self, item):
        return [("true", say("item.true")), ("false", say("item.false"))]

    def written(self, item, answer):
        return self.label(item, answer)

    def from_text(self, item, text):
        typed = _as_typed(text)
        return True if typed in TRUE_WORDS else False if typed in FALSE_WORDS else text


class Blank(_Question):
    name, what = "blank", "item.what.blank"

    def check(self, item, value, field):
        return _text(value, field)

    def correct(self, item, answer):
        return _fold(answer) in {_fold(a) for a in item["accepted"]}

    def key(self, item):
        return say("item.or").join(item["accepted"])

    def label(self, item, answer):
        return answer

    def placeholder(self, item):
        return say("item.write_answer")

    def describe(self, item):
        return say("item.blank", points=fmt(dec(item["points"])))


class Essay(_Question):
    """A short answer: text, marked by a reviewer. Marked, its answer is {"text": …, "marks": …} — the
    reviewer's copy in the review (审核) carries the marks; until then it waits, out of the total."""

    name, control, reads, what = "essay", "textarea", "marked", "item.what.essay"

    def granularity(self, item):
        return dec(item["step"])

    def check(self, item, value, field):
        if not isinstance(value, dict):
            return _text(value, field)
        text, problem = _text(value.get("text") or "", field)
        if problem:
            return None, problem
        if value.get("marks") in (None, ""):
            return text, None
        marks, problem = _number(value["marks"], field, "分")
        problem = problem or _range_problem(field, marks, ZERO, dec(item["points"]), dec(item["step"]))
        return (None, problem) if problem else ({"text": text or "", "marks": marks}, None)

    def pending(self, item, answer):
        return not isinstance(answer, dict)

    def correct(self, item, answer):
        return False  # never decided here: a reviewer marks it

    def key(self, item):
        return say("item.reference", text=item["reference"]) if item.get("reference") else say("item.no_reference")

    def unanswered(self, item):
        return ZERO, say("item.essay_unanswered", key=self.key(item)), []

    def points(self, item, answer, places):
        full = fmt(dec(item["points"]))
        if isinstance(answer, dict):
            return answer["marks"], say("item.marked", marks=fmt(answer["marks"]), full=full, key=self.key(item)), []
        return ZERO, say("item.to_mark", full=full, key=self.key(item)), []

    def label(self, item, answer):
        if isinstance(answer, dict):
            return say("item.marked_answer", text=answer["text"] or say("item.no_answer"), marks=fmt(answer["marks"]))
        return answer

    def same(self, item, a, b):
        """Marks given to the same answer are no disagreement about the answer; two marks that differ are."""
        texts = [x["text"] if isinstance(x, dict) else x for x in (a, b)]
        marks = [x["marks"] for x in (a, b) if isinstance(x, dict)]
        return texts[0] == texts[1] and (len(marks) < 2 or marks[0] == marks[1])

    def steps(self, item, a, b):
        if isinstance(a, dict) and isinstance(b, dict):  # two markings: a tenth of the full marks is a step
            return math.ceil(abs(a["marks"] - b["marks"]) / (dec(item["points"]) / 10))
        return int(a != b)

    def describe(self, item):
        return say("item.essay", points=fmt(dec(item["points"])))

    def placeholder(self, item):
        return say("item.write_yours")

    def columns(self, item):
        return [("marks", say("item.marks_column", name=item["name"]))]  # a reviewer's marks typed beside the answer

    def from_cells(self, item, text, extra):
        return {"text": text, "marks": extra["marks"]} if extra.get("marks") else text


KINDS = {kind.name: kind for kind in (Choice(), Boolean(), Number(), Count(), Average(), Checklist(),
                                      Single(), Multiple(), TrueFalse(), Blank(), Essay())}


def kind_of(item: Item) -> Kind:
    try:
        return KINDS[item["kind"]]
    except KeyError:
        raise ValueError(f"unknown item kind {item['kind']!r}") from None


# --- what callers use ----------------------------------------------------------------------

def point_range(item: Item) -> tuple[Decimal, Decimal]:
    """(lowest, highest) points an item can give. Used for weighting, validation and display."""
    return kind_of(item).point_range(item)


def granularity(item: Item) -> Decimal:
    """The step between the item's possible points, as a Decimal; 0 means any value is possible."""
    return kind_of(item).granularity(item)


def check_answer(item: Item, value, field: str | None = None) -> tuple[Any, Problem | None]:
    """Return (normalised answer, None) or (None, Problem). `value` None means not answered."""
    field = field or item["id"]
    if value is None or value == "" or value == []:
        return kind_of(item).empty(item, field)
    return kind_of(item).check(item, value, field)


def value(item: Item, answer, places: int = 2):
    """The one value an answer stands for, used by points, prerequisites, conditions and gap advice alike."""
    return kind_of(item).value(item, answer, places)


def in_formula(item: Item, answer):
    """What a rule field's answer stands for in a formula (None: not answered)."""
    return None if answer is None else kind_of(item).in_formula(item, answer)


def points(item: Item, answer, places: int = 2) -> tuple[Decimal, str, list[str]]:
    """(points, rule sentence, fatal check ids) for a valid answer."""
    if answer is None:  # an optional item (or a test question) left empty
        return kind_of(item).unanswered(item)
    return kind_of(item).points(item, answer, places)


def pending(item: Item, answer) -> bool:
    """Whether an answer waits for a reviewer's marks (a short answer), so is not in the total yet."""
    return answer is not None and kind_of(item).pending(item, answer)


def keyed(item: Item) -> bool:
    """Whether the item is a test question with an answer key (its page hides points and key until 交卷)."""
    return kind_of(item).keyed


def candidates(item: Item, answer):
    """Better answers for this item alone, best-effort ascending, for gap advice (None: not applicable)."""
    return kind_of(item).candidates(item, answer)


def label(item: Item, answer) -> str:
    """A valid answer as a person reads it (None: not answered). Used by gap advice and the review."""
    return say("item.blank_answer") if answer is None else kind_of(item).label(item, answer)


def same(item: Item, a, b) -> bool:
    """Whether two valid, given answers to one item agree (a review's 一致)."""
    return kind_of(item).same(item, a, b)


def steps(item: Item, a, b) -> int:
    """Steps between two valid, given answers to one item."""
    return kind_of(item).steps(item, a, b)


def condition_met(condition: Condition, item: Item, answer, places: int = 2) -> bool:
    """Whether an answer meets a prerequisite or band condition, read from the value its points come from."""
    return answer is not None and kind_of(item).meets(condition, item, value(item, answer, places))


def describe(item: Item) -> str:
    """A sentence saying how an item turns an answer into points (pages)."""
    return say("item.unscored") if item.get("scored") is False else kind_of(item).describe(item)


def written(item: Item, answer) -> str:
    """A worked example's answer on a page (None: not answered)."""
    return say("item.not_given") if answer is None else kind_of(item).written(item, answer)


class _Ladder:
    """start + k*step for k = 1..n, as a lazy sequence (binary search needs no list of 10⁴ values)."""

    def __init__(self, start, step, n):
        self.start, self.step, self.n = start, step, max(n, 0)

    def __len__(self):
        return self.n

    def __getitem__(self, k):
        if not 0 <= k < self.n:
            raise IndexError(k)
        return self.start + (k + 1) * self.step
