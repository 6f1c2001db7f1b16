"""Score a person against a grade standard: total, grade, prerequisites, and the gap to the next grade."""

from collections.abc import Iterator
from decimal import Decimal
from typing import Any, cast

from . import items as kinds
from .contract import Item, Section, Standard, StandardResult
from .errors import AnswerError, Problem
from .messages import say
from .numbers import ZERO, dec, fmt, quantize


def all_items(standard: Standard) -> Iterator[tuple[Section, Item]]:
    for section in standard["sections"]:
        for item in section["items"]:
            yield section, item


def is_test(standard: Standard) -> bool:
    """A knowledge test: its items carry an answer key, so its page shows points and key only after 交卷."""
    return any(kinds.keyed(item) for _, item in all_items(standard))


def factor(standard, section, item, num=dec):
    """How many total points one point of this item is worth (`num`: Decimal, or Fraction for exact checks)."""
    if not item.get("scored", True):
        return num(0)
    result = num(section.get("scale", "1"))
    if standard["method"] == "weighted":
        high = num(kinds.point_range(item)[1])
        result = result * num(item["weight"]) / high if high else num(0)
    return result


def total_range(standard: Standard, num=dec) -> tuple:
    """(lowest, highest) total before rounding: the engine's maximum and the validator's band checks."""
    low = high = num(0)
    for section, item in all_items(standard):
        least, most = kinds.point_range(item)
        low += num(least) * factor(standard, section, item, num)
        high += num(most) * factor(standard, section, item, num)
    return low, high


def subtotal_max(standard: Standard, section: Section, num=dec):
    """A section's highest subtotal before its scale: what a source prints as the section's 分值."""
    return sum((num(kinds.point_range(i)[1]) * factor(standard, section, i, num) / num(section.get("scale", "1"))
                for i in section["items"]), num(0))


def max_total(standard: Standard) -> Decimal:
    return total_range(standard)[1]


def check_answers(standard: Standard, answers: dict) -> dict:
    """Normalised answers, or AnswerError listing every invalid one (unknown ids included)."""
    if not isinstance(answers, dict):
        raise AnswerError([Problem("answers", "not_a_mapping.standard")])
    problems, clean = [], {}
    known = {item["id"]: item for _, item in all_items(standard)}
    for key in answers:
        if key not in known:
            problems.append(Problem(str(key), "unknown_item.standard", sorted(known), key=key))
    for item_id, item in known.items():
        value, problem = kinds.check_answer(item, answers.get(item_id))
        if problem:
            problems.append(problem)
        else:
            clean[item_id] = value
    if problems:
        raise AnswerError(problems)
    return clean


def _total(standard, points_by_item, fatal):
    if fatal:
        return ZERO
    total = ZERO
    for section, item in all_items(standard):
        total += points_by_item[item["id"]] * factor(standard, section, item)
    return quantize(total, standard.get("precision", 2))


def _unmet(conditions, known, answers, places, subtotals):
    """The conditions not met: an item's answer, or a part's subtotal (before its scale) as the result shows it."""
    return [c for c in conditions if not (
        subtotals[c["section"]] >= dec(c["value"]) if c.get("section")
        else kinds.condition_met(c, known[c["item"]], answers.get(c["item"]), places))]


def _band_index(bands, total):
    index = -1
    for i, band in enumerate(bands):
        if total >= dec(band["min"]) and (band.get("max") is None or total <= dec(band["max"])):
            index = i
    if index == -1:  # above every band's max (possible only with explicit maxima) keeps the highest below
        index = max((i for i, b in enumerate(bands) if total >= dec(b["min"])), default=-1)
    return index


def score(standard: Standard, answers: dict) -> StandardResult:
    """Score valid answers; raises AnswerError for invalid ones. Returns a JSON-ready dict."""
    answers = check_answers(standard, answers)
    places = standard.get("precision", 2)
    known = {item["id"]: item for _, item in all_items(standard)}
    rows, points_by_item, fatal = [], {}, []
    for section, item in all_items(standard):
        pts, rule, item_fatal = kinds.points(item, answers[item["id"]], places)
        points_by_item[item["id"]] = pts
        fatal += [{"item": item["id"], "check": c} for c in item_fatal]
        worth = factor(standard, section, item)
        rows.append({
            "id": item["id"], "name": item["name"], "section": section["id"],
            "answer": _jsonable(answers[item["id"]]), "points": fmt(pts),
            "max_points": fmt(kinds.point_range(item)[1]),
            "contribution": fmt(quantize(pts * worth, places + 2)) if item.get("scored", True) else None,
            "rule": rule + _factor_text(standard, section, item),
        })
    total = _total(standard, points_by_item, fatal)
    sections, subtotals = [], {}
    for section in standard["sections"]:
        subtotal = sum((points_by_item[i["id"]] * factor(standard, section, i) / dec(section.get("scale", "1"))
                        for i in section["items"]), ZERO)
        subtotals[section["id"]] = quantize(subtotal, places)
        sections.append({"id": section["id"], "name": section["name"], "subtotal": fmt(subtotals[section["id"]]),
                         "scale": section.get("scale", "1")})

    bands = standard.get("bands", [])

    def unmet(conditions):
        return _unmet(conditions, known, answers, places, subtotals)

    eligibility = unmet(standard.get("requires", []))
    band = _band_index(bands, total)
    grade, capped = band, []
    while grade >= 0 and unmet(bands[grade].get("requires", [])):
        capped.append({"grade": bands[grade]["grade"], "name": bands[grade]["name"],
                       "unmet": [c["text"] for c in unmet(bands[grade]["requires"])]})
        grade -= 1
    if eligibility:
        grade = -1
    result: dict[str, Any] = {
        "standard": standard["id"], "name": standard["name"],
        "total": fmt(total), "max_total": fmt(quantize(max_total(standard), places)),
        "items": rows, "sections": sections, "fatal": fatal,
        "eligible": not eligibility, "ineligible": [c["text"] for c in eligibility],
        "graded": bool(bands),  # a standard without grades only totals: "no grade" would read as "failed"
        "band": bands[band]["grade"] if band >= 0 else None,
        "grade": {"id": bands[grade]["grade"], "name": bands[grade]["name"]} if grade >= 0 else None,
        "capped": capped,
        "next": None,
        "test": is_test(standard),
        "pending": [{"item": item["id"], "name": item["name"], "max_points": fmt(kinds.point_range(item)[1])}
                    for _, item in all_items(standard) if kinds.pending(item, answers[item["id"]])],
    }
    result["pending_points"] = fmt(sum((dec(p["max_points"]) for p in result["pending"]), ZERO))
    if grade + 1 < len(bands):
        result["next"] = _gap(standard, bands[grade + 1], total, answers, points_by_item, known,
                              eligibility + unmet(bands[grade + 1].get("requires", [])))
    return cast(StandardResult, result)  # its keys are held to the contract by tests/test_contract.py


def _factor_text(standard, section, item):
    if not item.get("scored", True):
        return say("standard.unscored")
    parts = []
    if standard["method"] == "weighted":
        parts.append(say("standard.weighted", max=fmt(kinds.point_range(item)[1]), weight=fmt(dec(item["weight"]))))
    if dec(section.get("scale", "1")) != 1:
        parts.append(f"× {fmt(dec(section['scale']))}")
    return say("standard.scaled", how=" ".join(parts)) if parts else ""


def _gap(standard, target, total, answers, points_by_item, known, unmet):
    needed = max(ZERO, dec(target["min"]) - total)
    gap = {
        "grade": target["grade"], "name": target["name"], "min": fmt(dec(target["min"])),
        "points_needed": fmt(needed),
        "unmet": [{"item": c.get("item"), "text": c["text"]} for c in unmet],  # no item: a part's pass mark
        "moves": [],
    }
    if needed > 0:
        gap["moves"] = _moves(standard, dec(target["min"]), answers, points_by_item, known)
    return gap


def _moves(standard, target_total, answers, points_by_item, known):
    """For each item alone: the smallest change of its answer that reaches the target total."""
    places = standard.get("precision", 2)
    moves = []
    for item_id, item in known.items():
        if not item.get("scored", True):
            continue
        options = kinds.candidates(item, answers[item_id])
        if not options:
            continue

        def reaches(value):
            trial = dict(points_by_item)
            trial[item_id] = kinds.points(item, value, places)[0]
            return _total(standard, trial, []) >= target_total

        lo, hi = 0, len(options) - 1  # totals never fall as an answer improves: binary search
        if not reaches(options[hi]):
            continue
        while lo < hi:
            mid = (lo + hi) // 2
            if reaches(options[mid]):
                hi = mid
            else:
                lo = mid + 1
        to = options[lo]
        moves.append({"item": item_id, "name": item["name"], "from": _jsonable(answers[item_id]),
                      "to": _jsonable(to), "to_label": kinds.label(item, to)})
    return moves


def _jsonable(value):
    if isinstance(value, Decimal):
        return fmt(value)
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):  # a marked short answer
        return {k: _jsonable(v) for k, v in value.items()}
    return value


__all__ = ["score", "check_answers", "max_total", "all_items", "factor", "is_test"]
