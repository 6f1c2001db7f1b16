"""The order a Chinese reader expects lists in, written once for the whole handbook.

Roles follow the departments (in the order departments.yaml lists them) and, inside a department, the
reporting lines: a manager first, then the people reporting to them, each line in turn. Where nothing
ranks two entries (siblings, skills, standards, rules), they go by the pinyin of their names
(pypinyin), never by their English ids: admin_manager put 行政部经理 first for no reason a reader sees.
"""

from collections import defaultdict

from pypinyin import Style, lazy_pinyin


def by_name(entry):
    return lazy_pinyin(entry["name"], style=Style.TONE3), entry["name"]


def alphabetical(entries):
    return sorted(entries, key=by_name)


def roles(roles, departments):
    known = {r["id"] for r in roles}
    reports = defaultdict(list)
    for role in roles:
        reports[role.get("reports_to") if role.get("reports_to") in known else None].append(role)
    ordered = []

    def visit(role):
        ordered.append(role)
        for report in alphabetical(reports[role["id"]]):
            visit(report)

    for top in alphabetical(reports[None]):
        visit(top)
    rank = {d["id"]: i for i, d in enumerate(departments)}
    return sorted(ordered, key=lambda r: rank.get(r["department"], len(rank)))  # stable: lines stay in order
