"""The order a Chinese reader expects lists in, written once for the whole handbook.

Roles follow the departments (in the order departments.yaml lists them) and, inside a department, the
reporting lines: a manager first, then the people reporting to them, each line in turn. Where nothing
ranks two entries (siblings, skills, standards, rules), they go by the pinyin of their names
(pypinyin), never by their English ids: admin_manager put 行政部经理 first for no reason a reader sees.
"""

import json
from collections import defaultdict
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from .. import kept

# Each name's pinyin, kept between builds under pypinyin's version and this file: importing pypinyin (its phrase
# dictionary) takes 0.2 s, every build, for names that rarely change. Loaded on first use; written back after a
# sort that met new names.
_known = None
_new = False


def by_name(entry):
    return _syllables(entry["name"]), entry["name"]


def _syllables(name):
    global _known, _new
    if _known is None:
        _known = _load()
    if name not in _known:
        from pypinyin.seg.simpleseg import simple_seg

        _known[name] = [syllable for run in simple_seg(name) for syllable in _pinyin(run)]
        _new = True
    return _known[name]


@lru_cache(maxsize=4096)
def _pinyin(run):
    """One run of Chinese characters (or of other text) in pinyin: phrases never cross a run's edge, so names that
    share a part (客服代表（夜班）, 客服代表（白班）) convert it once; about 0.1 ms a run otherwise."""
    from pypinyin import Style, lazy_pinyin

    return tuple(lazy_pinyin(run, style=Style.TONE3))


@lru_cache(maxsize=1)  # read once a process: the version from pypinyin's metadata, this file from disk
def _kept_as():
    return f"{version('pypinyin')}|{Path(__file__).read_text(encoding='utf-8')}"


def _load():
    data = kept.read("pinyin", _kept_as(), ".json")
    try:
        return json.loads(data) if data else {}
    except ValueError:
        return {}


def _remember():
    global _new
    if _new:
        kept.write("pinyin", _kept_as(), ".json", json.dumps(_known, ensure_ascii=False).encode())
        _new = False


def alphabetical(entries):
    ordered = sorted(entries, key=by_name)
    _remember()
    return ordered


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
    _remember()
    return sorted(ordered, key=lambda r: rank.get(r["department"], len(rank)))  # stable: lines stay in order
