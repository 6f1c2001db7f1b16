"""Engine results in words: for the terminal, and a batch row's 问题 and review columns (the workbook and the
calibration page both write them)."""

from assessment import items as kinds
from assessment.answered import STANDARD
from assessment.messages import amount, enumerated, listed, say


def text_report(result):
    if result.get("kind") == "rule":
        return _rule_report(result)
    lines = [f"{result['name']}({result['standard']})", say("report.total", total=result["total"],
                                                             max=result["max_total"])]
    for row in result["items"]:
        lines.append(say("report.item", name=row["name"], points=row["points"], rule=row["rule"]))
    if result.get("pending"):
        lines.append(pending_sentence(result))
    if result["fatal"]:
        lines.append(say("report.fatal"))
    if not result["eligible"]:
        lines.append(say("report.ineligible", why=listed(result["ineligible"])))
    grade = result["grade"]
    if result["graded"]:
        lines.append(say("report.grade", name=grade["name"], id=grade["id"]) if grade else say("report.ungraded"))
    for capped in result["capped"]:
        lines.append(say("report.capped", name=capped["name"], unmet=listed(capped["unmet"])))
    nxt = result["next"]
    if nxt:
        reached = nxt["points_needed"] == "0"  # only a condition is missing: "0 points to go" would puzzle
        lines.append(say("report.next.points_reached" if reached else "report.next", name=nxt["name"], min=nxt["min"],
                         points=nxt["points_needed"]))
        for unmet in nxt["unmet"]:
            lines.append(say("report.unmet", text=unmet["text"]))
        for move in nxt["moves"]:
            lines.append(say("report.move", name=move["name"], to=move["to_label"]))
    elif grade:
        lines.append(say("report.top"))
    return "\n".join(lines)


def pending_sentence(result):
    """The short answers still waiting for a reviewer's marks, left out of the total."""
    return say("report.pending", count=len(result["pending"]), points=result["pending_points"],
               names=listed(p["name"] for p in result["pending"]))


def _rule_report(result):
    lines = [f"{result['name']}({result['rule']})",
             say("report.outcome", name=result["outcome_name"], id=result["outcome"]),
             say("report.reason", reason=result["reason"])]
    if result.get("level"):
        level = result["level"]
        lines.append(say("report.level", from_=level["from_name"], to=level["to_name"]))
    if result["probation_months"]:
        lines.append(say("report.probation", months=result["probation_months"]))
    for key in ("pay", "bonus"):
        if result.get(key) is not None:
            lines.append(say(f"report.{key}", amount=amount(result[key])))
    for value in result["values"]:
        lines.append(f"  {value['name']}: {value['value']}{value['unit']}")
    for check in result["checks"]:
        lines.append(f"  {'✔' if check['matched'] else '✘'} {check['reason']}")
        for clause in check["clauses"]:
            lines.append(f"      {_clause(clause, clause['met'])}")
    if result["missing"]:
        lines.append(say("report.short"))
        lines += [f"  {_clause(clause, False)}" for clause in result["missing"]]
    return "\n".join(lines)


def _clause(clause, met):
    now = say("report.now", value=clause["now"]) if clause["now"] is not None else ""
    return f"{'✔' if met else '✘'} {clause['text']}{now}"


def answers_template(kind, definition, version):
    """A YAML answers file to fill in (`handbook template ID`): each item or field with its name, what it
    accepts and its description as comments; values left empty. `kind`: assessment.answered's."""
    lines = [say("template.title", name=definition["name"], version=version),
             say("template.run", ident=definition["id"]), say("template.how")]
    if not kind.periodic:
        lines += [_template_line(item, "") for item in kind.single_fields(definition)]
    else:
        lines.append("person:")
        lines += [_template_line(field, "  ") for field in kind.single_fields(definition)] or ["  {}"]
        if not definition["periods"]:
            return "\n".join(lines + ["periods: []" + say("template.no_periods")]) + "\n"
        lines.append("periods:" + say("template.periods" if definition["min_periods"] else "template.periods.any",
                                      count=definition["min_periods"]))
        for n in range(max(1, int(definition["min_periods"]))):
            for i, field in enumerate(definition["periods"]):
                lines.append(_template_line(field, "  - " if i == 0 else "    ", with_hint=n == 0))
    return "\n".join(lines) + "\n"


def _template_line(field, indent, with_hint=True):
    from ..pages.forms import field_hint

    kind = kinds.kind_of(field)
    empty = " []" if kind.reads in ("list", "ticks") else ""
    if kind.reads == "yes-no":
        accepts = say("template.yes_no")
    elif kind.choices(field):
        choices = enumerated(say("template.choice", value=value, text=text) for value, text in kind.choices(field))
        accepts = say("template.ticks" if kind.reads == "ticks" else "template.choices", choices=choices)
    else:
        accepts = field_hint(dict(field, description=""))
    comment = say("template.join").join(p for p in (field["name"], accepts, field.get("description") or "") if p)
    return f"{indent}{field['id']}:{empty}" + (f"   # {comment}" if with_hint else "")


# --- a batch row (generator/appraisal/batch.py Row), in the language being spoken ---------------------------------

def own_result(row):
    """The person's own result in words, for a row read from a review file ("" otherwise)."""
    mine = (row.compared or {}).get("self")
    if not mine:
        return ""
    if "errors" in mine:
        return say("batch.self.failed", count=len(mine["errors"]))
    if row.kind is STANDARD:
        if not mine["graded"]:
            return f"{mine['total']}"
        return say("batch.self.graded", total=mine["total"],
                   grade=(mine["grade"] or {}).get("name", say("batch.ungraded")))
    return mine["outcome_name"]


def said(row):
    """The 问题 column: what failed, then what was computed for the person (说明), and what waits for marks."""
    waiting = [pending_sentence(row.result)] if (row.result or {}).get("pending") else []
    parts = row.errors + [say("batch.note", note=note) for note in row.entry.notes + waiting]
    return listed(parts) if parts else ""


def reviewed(row):
    if row.compared is None:
        return ["", "", "", ""]
    far = [r["name"] for r in row.compared["fields"] if r["level"] == "far"]
    apart = say("batch.far.named", count=len(far), names=enumerated(far)) if far else say("batch.far", count=0)
    return [own_result(row), row.entry.reviewer, apart, row.entry.comments]
