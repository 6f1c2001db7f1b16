"""The order a Chinese reader expects lists in, written once for the whole handbook.

Roles follow the departments (in the order departments.yaml lists them) and, inside a department, the
reporting lines: a manager first, then the people reporting to them, each line in turn. Where nothing
ranks two entries (siblings, skills, standards, rules), they go by the pinyin of their names
(pypinyin), never by their English ids: admin_manager put 行政部经理 first for no reason a reader sees.
"""

from collections import defaultdict
from functools import lru_cache

from pypinyin import Style, lazy_pinyin
from pypinyin.seg.simpleseg import simple_seg


def by_name(entry):
    return [syllable for run in simple_seg(entry["name"]) for syllable in _pinyin(run)], entry["name"]


@lru_cache(maxsize=4096)
def _pinyin(run):
    """One run of Chinese characters (or of other text) in pinyin: phrases never cross a run's edge, so names that
    share a part (客服代表（夜班）, 客服代表（白班）) convert it once; about 0.1 ms a run otherwise."""
    return tuple(lazy_pinyin(run, style=Style.TONE3))


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
