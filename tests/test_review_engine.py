"""A reviewer's answers beside the person's: steps between answers, both results, and the review file's seal.
Expected values are counted by hand from the rules in assessment/review.py's docstring."""

import json

import assessment
from assessment.page import answer
from assessment.review import compare, seal, sealed, verify

ITEMS = [
    {"id": "attitude", "name": "服务态度", "kind": "choice", "options": [
        {"id": "poor", "label": "差", "points": "0"}, {"id": "fair", "label": "一般", "points": "5"},
        {"id": "good", "label": "良好", "points": "8"}, {"id": "great", "label": "优秀", "points": "10"}]},
    {"id": "certified", "name": "持证上岗", "kind": "boolean", "yes_points": "5", "no_points": "0"},
    {"id": "csat", "name": "客户满意度", "kind": "number", "min": "0", "max": "100", "step": "1"},
    {"id": "awards", "name": "表扬次数", "kind": "count", "each": "2", "cap": "10", "max_count": "20"},
    {"id": "habits", "name": "服务规范", "kind": "checklist", "base": "0", "checks": [
        {"id": "greet", "label": "问候", "points": "2"}, {"id": "confirm", "label": "复述确认", "points": "2"},
        {"id": "close", "label": "结束语", "points": "2"}]},
]
RULEBOOK = {"version": "T.1", "hash": "h", "rules": [], "standards": [{
    "id": "desk", "name": "前台服务", "method": "sum", "precision": 2, "requires": [],
    "sections": [{"id": "all", "name": "全部", "scale": "1", "items": ITEMS}],
    "bands": [{"grade": "b", "name": "合格", "min": "0", "requires": []},
              {"grade": "a", "name": "优秀", "min": "100", "requires": []}]}]}

SELF = {"attitude": "great", "certified": True, "csat": "90", "awards": "3", "habits": ["greet", "confirm"]}


def by_field(result):
    return {row["field"]: row for row in result["fields"]}


def test_steps_counted_by_hand():
    reviewer = {"attitude": "fair",  # 优秀 → 一般: ranks 3 → 1 by points, two steps
                "certified": False,  # yes against no: one step
                "csat": "75",        # 15 of a range of 100, a tenth is 10: ceil(1.5) = two steps
                "awards": "3",       # the same
                "habits": ["greet", "close"]}  # confirm untaken, close ticked: two ticks differ
    rows = by_field(compare(RULEBOOK, "desk", SELF, reviewer))
    assert [(f, rows[f]["steps"], rows[f]["level"]) for f in rows] == [
        ("attitude", 2, "far"), ("certified", 1, "near"), ("csat", 2, "far"), ("awards", 0, "same"),
        ("habits", 2, "far")]
    assert (rows["attitude"]["self"], rows["attitude"]["reviewer"]) == ("优秀", "一般")
    assert rows["habits"]["reviewer"] == "2 项：问候；结束语"
    assert rows["attitude"]["text"] == "相差 2 档，需要讨论"


def test_both_totals_by_hand():
    reviewer = dict(SELF, attitude="good", csat="85")
    out = compare(RULEBOOK, "desk", SELF, reviewer)
    # self: 10 + 5 + 90 + 3×2 + 2+2 = 115; reviewer: 8 + 5 + 85 + 6 + 4 = 108
    assert (out["self"]["total"], out["reviewer"]["total"]) == ("115", "108")
    assert (out["near"], out["far"]) == (2, 0)  # 优秀 → 良好 one rank; 90 → 85 is half a tenth, one step


def test_an_invalid_or_missing_answer_is_open_and_the_other_side_still_scores():
    reviewer = dict(SELF, csat="150")
    del reviewer["awards"]
    out = compare(RULEBOOK, "desk", SELF, reviewer)
    rows = by_field(out)
    assert rows["csat"]["level"] == "open" and rows["csat"]["reviewer"] == "150"
    assert rows["awards"]["level"] == "open" and rows["awards"]["reviewer"] == "未填"
    assert out["self"]["total"] == "115" and {e["field"] for e in out["reviewer"]["errors"]} == {"csat", "awards"}


def test_a_rule_compares_person_fields_and_each_period(rule, rulebook):
    ident = rulebook["rules"][0]["id"]
    definition = rule(ident)
    out = compare(rulebook, ident, {"person": {}, "periods": [{}]}, {"person": {}, "periods": [{}, {}]})
    periods = [r["field"] for r in out["fields"] if r["field"].startswith("periods")]
    assert len(periods) == 2 * len(definition["periods"])  # the longer history is compared, period by period
    assert all(r["name"].startswith(("第 1 期", "第 2 期")) for r in out["fields"] if r["field"].startswith("periods"))


def test_the_seal_finds_an_edit_and_says_what_it_is():
    record = sealed({"type": "review", "definition": "desk", "self": {"answers": SELF}, "comments": {"csat": "好"}})
    assert verify(record) == "intact"
    assert record["integrity"]["algorithm"] == "SHA-256" and "不是签名" in record["integrity"]["note"]
    edited = json.loads(json.dumps(record, ensure_ascii=False))
    edited["self"]["answers"]["csat"] = "99"
    assert verify(edited) == "edited"
    assert verify({"type": "review"}) == "unsealed"
    # the digest is over canonical JSON: key order and spacing in the file do not matter
    reordered = json.loads(json.dumps(dict(reversed(list(record.items()))), indent=4, ensure_ascii=False))
    assert verify(reordered) == "intact" and seal(reordered) == record["integrity"]["digest"]


def test_the_page_asks_through_one_json_door():
    out = json.loads(answer(RULEBOOK, "desk", json.dumps({"seq": 1, "id": "desk", "answers": SELF})))
    assert out["total"] == "115"
    out = json.loads(answer(RULEBOOK, "desk", json.dumps({"review": {"self": SELF, "reviewer": SELF}})))
    assert out["far"] == 0 and out["reviewer"]["total"] == "115"
    out = json.loads(answer(RULEBOOK, "desk", json.dumps({"seal": {"a": 1}})))
    assert out["digest"] == seal({"a": 1}) and out["algorithm"] == "SHA-256" and "不是签名" in out["note"]
    record = sealed({"a": 1})
    assert json.loads(answer(RULEBOOK, "desk", json.dumps({"verify": record})))["state"] == "intact"
    assert json.loads(answer(RULEBOOK, "desk", json.dumps({"verify": {**record, "a": 2}})))["state"] == "edited"
    assert json.loads(answer(RULEBOOK, "desk", json.dumps({"answers": {"csat": "x"}})))["errors"]
    assert "failure" in json.loads(answer(RULEBOOK, "nope", json.dumps({"answers": {}})))
    assert "failure" in json.loads(answer(RULEBOOK, "desk", "not json"))
    assert assessment.run(RULEBOOK, "desk", SELF)["total"] == "115"


def test_periods_pair_from_the_latest_and_agreeing_blanks_are_not_disputes():
    rule = {"id": "r", "name": "月度", "min_periods": 1, "person": [], "values": [], "tables": [],
            "outcomes": [{"id": "ok", "when": "true", "outcome": "stay", "reason": "不变"}],
            "periods": [{"id": "score", "name": "得分", "kind": "number", "min": "0", "max": "100", "step": "1"},
                        {"id": "note", "name": "备注分", "kind": "number", "min": "0", "max": "10", "step": "1",
                         "optional": True}]}
    book = {"version": "T", "hash": "h", "standards": [], "rules": [rule]}
    mine = {"person": {}, "periods": [{"score": "80"}, {"score": "85"}, {"score": "90"}, {"score": "95"}]}
    theirs = {"person": {}, "periods": [{"score": "85"}, {"score": "90"}, {"score": "95"}]}  # the oldest dropped
    out = compare(book, "r", mine, theirs)
    rows = {r["field"]: r for r in out["fields"]}
    assert [rows[f"periods[{j}].score"]["level"] for j in range(3)] == ["same", "same", "same"]
    assert rows["self.periods[0].score"]["name"] == "员工的第 1 期 · 得分"
    assert rows["self.periods[0].score"]["level"] == "open" and out["open"] == 1  # 80 against nothing; notes both blank
    assert rows["periods[0].note"]["level"] == "same"  # both left an optional field empty
    assert (out["far"], out["near"]) == (0, 0) and "十分之一" in out["step"]


def test_a_month_the_reviewer_adds_is_the_only_new_one():
    """From a fresh-eyes trial: a reviewer who clicks 增加一期 adds the newest month at the end of the table.
    Paired from the latest, every month was compared with the one before it (90 against 85 …); the periods
    line up where the answers agree, so only the added month is one-sided, and a changed value is one
    disagreement."""
    rule = {"id": "r", "name": "月度", "min_periods": 1, "person": [], "values": [], "tables": [],
            "outcomes": [{"id": "ok", "when": "true", "outcome": "stay", "reason": "不变"}],
            "periods": [{"id": "score", "name": "得分", "kind": "number", "min": "0", "max": "100", "step": "1"}]}
    book = {"version": "T", "hash": "h", "standards": [], "rules": [rule]}
    mine = {"person": {}, "periods": [{"score": "80"}, {"score": "85"}, {"score": "90"}]}
    theirs = {"person": {}, "periods": [{"score": "80"}, {"score": "75"}, {"score": "90"}, {"score": "70"}]}
    rows = {r["field"]: r for r in compare(book, "r", mine, theirs)["fields"]}
    assert set(rows) == {f"periods[{j}].score" for j in range(4)}  # no period only the person gave
    assert [rows[f"periods[{j}].score"]["level"] for j in range(4)] == ["same", "near", "same", "open"]
    # 85 → 75 is 10 of a 0–100 range: one tenth, one step (相差一档)
    assert rows["periods[1].score"]["self"] == "85" and rows["periods[1].score"]["steps"] == 1
    assert rows["periods[3].score"]["self"] == "未填" and rows["periods[3].score"]["reviewer"] == "70"
    # nothing to line up by (a file of the wrong shape against a table): the latest periods pair up
    rows = {r["field"]: r for r in compare(book, "r", mine, {"person": {}, "periods": [{"score": "1"}]})["fields"]}
    assert rows["periods[0].score"]["self"] == "90" and rows["self.periods[0].score"]["self"] == "80"


def test_a_lone_surrogate_is_sealed_not_a_crash():
    record = sealed({"type": "review", "comments": {"x": "\ud800"}})
    assert verify(record) == "intact"
    assert verify({**record, "comments": {"x": "\udfff"}}) == "edited"
