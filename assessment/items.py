"""Item kinds: each checks one answer and turns it into points with a sentence saying why.

Every kind is data-driven; no standard has code of its own. An item in the rulebook is a dict
with at least `id`, `name` and `kind`; numbers are decimal strings.
"""

import math
import unicodedata
from decimal import Decimal

from .errors import Problem
from .numbers import ZERO, OutOfRange, dec, fmt, is_multiple, parse_answer, quantize


def _choice_points(item):
    return [dec(o["points"]) for o in item["options"]]


def point_range(item):
    """(lowest, highest) points an item can give. Used for weighting, validation and display."""
    kind = item["kind"]
    if kind == "choice":
        pts = _choice_points(item)
        return min(pts), max(pts)
    if kind == "boolean":
        pts = [dec(item["yes_points"]), dec(item["no_points"])]
        return min(pts), max(pts)
    if kind == "number":
        if item.get("bands"):
            pts = [dec(b["points"]) for b in item["bands"]]
            return min(pts), max(pts)
        return dec(item["min"]), dec(item["max"])
    if kind == "count":
        return ZERO, dec(item["cap"])
    if kind == "average":
        return dec(item["min"]), dec(item["max"])
    if kind == "checklist":
        base = dec(item["base"])
        neg = sum((dec(c["points"]) for c in item["checks"] if dec(c["points"]) < 0), ZERO)
        pos = sum((dec(c["points"]) for c in item["checks"] if dec(c["points"]) > 0), ZERO)
        low, high = base + neg, base + pos
        if item.get("floor") is not None:
            low = max(low, dec(item["floor"]))
        if item.get("cap") is not None:
            high = min(high, dec(item["cap"]))
        return low, high
    raise ValueError(f"unknown item kind {kind!r}")


def granularity(item):
    """The step between the item's possible points, as a Decimal; 0 means any value is possible."""
    kind = item["kind"]
    if kind == "number" and not item.get("bands"):
        return dec(item["step"])
    if kind == "average":
        return ZERO
    if kind == "count":
        return _gcd([dec(item["each"]), dec(item["cap"])])
    if kind == "checklist":
        values = [dec(item["base"])] + [dec(c["points"]) for c in item["checks"]]
        values += [dec(item[k]) for k in ("floor", "cap") if item.get(k) is not None]
        return _gcd(values)
    if kind == "boolean":
        return _gcd([dec(item["yes_points"]), dec(item["no_points"])])
    if kind == "number":
        return _gcd([dec(b["points"]) for b in item["bands"]])
    return _gcd(_choice_points(item))


def _gcd(values):
    from fractions import Fraction

    result = Fraction(0)
    for v in values:
        f = Fraction(v)
        if f == 0:
            continue
        a, b = result, abs(f)
        # gcd of two fractions p/q, r/s is gcd(p*s, r*q) / (q*s)
        result = Fraction(math.gcd(a.numerator * b.denominator, b.numerator * a.denominator),
                          a.denominator * b.denominator) if a else b
    return Decimal(result.numerator) / Decimal(result.denominator)


# --- checking one answer ------------------------------------------------------------------

def _number(value, field):
    if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
        return None, Problem(field, "not_a_number", "请填写数字", "enter a number")
    try:
        return (parse_answer(value) if isinstance(value, str) else dec(value)), None
    except OutOfRange:
        return None, Problem(field, "out_of_range", f"“{value}”超出可填写的范围", f"{value!r} is out of range")
    except (ValueError, TypeError):
        return None, Problem(field, "not_a_number", f"“{value}”不是数字（可写 85、85.5、60,000 或 6万）",
                             f"{value!r} is not a number (write 85, 85.5, 60,000 or 6万)")


def _range_problem(field, number, low, high, step):
    allowed = {"min": fmt(low), "max": fmt(high), "step": fmt(step)}
    if number < low or number > high:
        return Problem(field, "out_of_range", f"应在 {fmt(low)} 到 {fmt(high)} 之间，实际为 {fmt(number)}",
                       f"must be between {fmt(low)} and {fmt(high)}, got {fmt(number)}", allowed)
    if step and not is_multiple(number - low, step):
        unit = "须为整数" if step == 1 and low == low.to_integral_value() else f"须以 {fmt(step)} 为单位填写"
        return Problem(field, "bad_step", f"{unit}，实际为 {fmt(number)}",
                       f"must be in steps of {fmt(step)}, got {fmt(number)}", allowed)
    return None


def _quoted(value):
    """An answer quoted in a message; a list or mapping where one value belongs is named, not dumped."""
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return f"“{value}”"
    return "（这里是一组值，应为一项）"


def check_answer(item, value, field=None):
    """Return (normalised answer, None) or (None, Problem). `value` None means not answered."""
    field = field or item["id"]
    kind = item["kind"]
    if value is None or value == "" or value == []:
        if item.get("optional") and kind not in ("checklist", "count"):
            return None, None
        if kind == "checklist":
            return [], None
        if kind == "count" and item.get("optional"):
            return Decimal(0), None  # a count left empty is none (an int here crashed the points' sentence)
        return None, Problem(field, "missing", f"“{item['name']}”未填写", f"{item['name']!r} is not answered")
    if kind in ("choice",):
        ids = [o["id"] for o in item["options"]]
        typed = unicodedata.normalize("NFKC", value).strip() if isinstance(value, str) else value
        by_label = [o["id"] for o in item["options"] if unicodedata.normalize("NFKC", o["label"]) == typed]
        if value not in ids and len(by_label) == 1:  # a file typed by a person may name the option (（）or ())
            return by_label[0], None
        if value not in ids:
            labels = "、".join(f"{o['id']}({o['label']})" for o in item["options"])
            return None, Problem(field, "unknown_option", f"没有选项{_quoted(value)}；可选：{labels}",
                                 f"no option {value!r}; allowed: {', '.join(ids)}", ids)
        return value, None
    if kind == "boolean":
        value = {"是": True, "否": False}.get(value.strip(), value) if isinstance(value, str) else value  # as people write it
        if not isinstance(value, bool):
            return None, Problem(field, "not_a_boolean", "请选择“是”或“否”", "answer true or false", [True, False])
        return value, None
    if kind in ("number", "count"):
        number, problem = _number(value, field)
        if problem:
            return None, problem
        if kind == "count":
            high = dec(item["max_count"])
            return (number, None) if not (p := _range_problem(field, number, ZERO, high, Decimal(1))) else (None, p)
        p = _range_problem(field, number, dec(item["min"]), dec(item["max"]), dec(item["step"]))
        return (number, None) if not p else (None, p)
    if kind == "average":
        if not isinstance(value, list):
            return None, Problem(field, "not_a_list", "请填写每位评分人的分数", "enter one score per rater")
        low_n, high_n = int(item["min_raters"]), int(item["max_raters"])
        if not low_n <= len(value) <= high_n:
            return None, Problem(field, "rater_count", f"评分人数应为 {low_n}–{high_n} 人，实际 {len(value)} 人",
                                 f"needs {low_n}–{high_n} raters, got {len(value)}", {"min": low_n, "max": high_n})
        numbers = []
        for i, v in enumerate(value):
            number, problem = _number(v, f"{field}[{i}]")
            problem = problem or _range_problem(f"{field}[{i}]", number, dec(item["min"]), dec(item["max"]),
                                                dec(item["step"]))
            if problem:
                return None, problem
            numbers.append(number)
        return numbers, None
    if kind == "checklist":
        if not isinstance(value, list):
            return None, Problem(field, "not_a_list", "请勾选适用的项目（列表）", "give a list of check ids")
        ids = [c["id"] for c in item["checks"]]
        labels = {unicodedata.normalize("NFKC", c["label"]): c["id"] for c in item["checks"]}
        value = [v if v in ids or not isinstance(v, str) else labels.get(unicodedata.normalize("NFKC", v).strip(), v)
                 for v in value]  # a check named by its label, as a person types it in a file
        unknown = [v for v in value if v not in ids]
        if unknown:
            named = "、".join(f"{c['id']}({c['label']})" for c in item["checks"])  # as choices say theirs
            return None, Problem(field, "unknown_option", f"没有勾选项{_quoted(unknown[0])}；可选：{named}",
                                 f"no check {unknown[0]!r}; allowed: {', '.join(ids)}", ids)
        if len(set(value)) != len(value):
            return None, Problem(field, "duplicate", "同一勾选项只能出现一次", "a check is listed twice", ids)
        return [c for c in ids if c in value], None  # canonical order
    raise ValueError(f"unknown item kind {kind!r}")


def label(item, answer):
    """A valid answer as a person reads it (None: not answered). Used by gap advice and the review."""
    if answer is None:
        return "未填"
    kind = item["kind"]
    if kind == "choice":
        return next(o["label"] for o in item["options"] if o["id"] == answer)
    if kind == "boolean":
        return "是" if answer else "否"
    if kind == "checklist":
        names = {c["id"]: c["label"] for c in item["checks"]}
        return f"{len(answer)} 项：" + "；".join(names[c] for c in answer) if answer else "未勾选"
    if kind == "average":
        return "、".join(fmt(v) for v in answer) + f"（平均 {fmt(value(item, answer))}）"
    return fmt(answer) + item.get("unit", "")


# --- points -------------------------------------------------------------------------------

def value(item, answer, places=2):
    """The one value an answer stands for, used by points, prerequisites, conditions and gap advice alike:
    raters' scores stand for their mean, rounded as the standard rounds (79.67, never 79.666…)."""
    if item["kind"] == "average" and answer:
        return quantize(sum(answer, ZERO) / len(answer), places)
    return answer


def points(item, answer, places=2):
    """(points, rule sentence, fatal check ids) for a valid answer."""
    kind = item["kind"]
    if answer is None:  # an optional item left empty
        return ZERO, "未填写，计 0 分", []
    if kind == "choice":
        option = next(o for o in item["options"] if o["id"] == answer)
        return dec(option["points"]), f"选择“{option['label']}” → {fmt(dec(option['points']))} 分", []
    if kind == "boolean":
        pts = dec(item["yes_points"] if answer else item["no_points"])
        return pts, f"{'是' if answer else '否'} → {fmt(pts)} 分", []
    if kind == "number":
        unit = item.get("unit", "")
        if not item.get("bands"):
            return answer, f"{fmt(answer)}{unit} → {fmt(answer)} 分", []
        band = [b for b in item["bands"] if answer >= dec(b["min"])][-1]
        return dec(band["points"]), f"{fmt(answer)}{unit} 达到 ≥ {fmt(dec(band['min']))}{unit} 一档 → {fmt(dec(band['points']))} 分", []
    if kind == "count":
        raw = answer * dec(item["each"])
        pts = min(raw, dec(item["cap"]))
        capped = f", 封顶 {fmt(dec(item['cap']))} 分" if raw > pts else ""
        return pts, f"{fmt(answer)} {item.get('unit', '项')} × {fmt(dec(item['each']))} 分{capped} → {fmt(pts)} 分", []
    if kind == "average":
        mean = value(item, answer, places)
        shown = " + ".join(fmt(v) for v in answer)
        return mean, f"({shown}) ÷ {len(answer)} 人 = {fmt(mean)} 分", []
    # checklist
    checks = {c["id"]: c for c in item["checks"]}
    fatal = [c for c in answer if checks[c].get("fatal")]
    base = dec(item["base"])
    raw = base + sum((dec(checks[c]["points"]) for c in answer), ZERO)
    pts = raw
    if item.get("floor") is not None:
        pts = max(pts, dec(item["floor"]))
    if item.get("cap") is not None:
        pts = min(pts, dec(item["cap"]))
    parts = [f"基础 {fmt(base)} 分"] + [
        f"“{checks[c]['label']}” {'+' if dec(checks[c]['points']) >= 0 else ''}{fmt(dec(checks[c]['points']))}"
        for c in answer if not checks[c].get("fatal")
    ]
    limit = ""
    if pts != raw:
        limit = f"(不低于 {fmt(dec(item['floor']))} 分)" if pts > raw else f"(封顶 {fmt(dec(item['cap']))} 分)"
    rule = "; ".join(parts) + f" → {fmt(pts)} 分{limit}"
    if fatal:
        rule += "；致命错误：" + "、".join(checks[c]["label"] for c in fatal) + " → 整张表计 0 分"
    return pts, rule, fatal


def candidates(item, answer):
    """Better answers for this item alone, best-effort ascending, for gap advice (None: not applicable)."""
    kind = item["kind"]
    if kind == "choice":
        current = dec(next(o for o in item["options"] if o["id"] == answer)["points"]) if answer else None
        better = [o for o in item["options"] if current is None or dec(o["points"]) > current]
        return [o["id"] for o in sorted(better, key=lambda o: dec(o["points"]))]
    if kind == "boolean":
        return [v for v in (True, False) if v != answer and (answer is None or dec(item["yes_points" if v else "no_points"]) >
                                                              dec(item["yes_points" if answer else "no_points"]))]
    if kind == "number" and item.get("bands"):
        return [dec(b["min"]) for b in item["bands"] if answer is None or dec(b["min"]) > answer]
    if kind in ("number", "count"):
        low = ZERO if kind == "count" else dec(item["min"])
        high = dec(item["max_count"] if kind == "count" else item["max"])
        step = Decimal(1) if kind == "count" else dec(item["step"])
        start = answer if answer is not None else low
        steps = int((high - start) / step) if step else 0
        return _Ladder(start, step, steps)
    return None


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
