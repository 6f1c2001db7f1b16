"""Ranks from the cohort (assessment/cohort.py): computed from everyone's rows in HR's batch run, typed by the
person in a self-assessment. Every expected rank is counted by hand: highest first, ties share the best rank,
histories aligned from their latest period."""

from openpyxl import Workbook, load_workbook

from assessment.cohort import derive

from conftest import SAMPLE, run_cli


def rule(min_group=1, within="department", as_="rank"):
    spec = {"rank": "score", "within": within, "min_group": min_group, "as": as_}
    return {"id": "r", "name": "排名规则", "person": [
                {"id": "avg_rank", "name": "平均分名次", "kind": "number", "min": "1", "max": "999", "step": "1",
                 "cohort": spec}],
            "periods": [{"id": "score", "name": "得分", "kind": "number", "min": "0", "max": "100", "step": "1",
                         "optional": True},
                        {"id": "rank", "name": "名次", "kind": "number", "min": "1", "max": "999", "step": "1",
                         "cohort": spec}]}


def people():
    scores = {"A": ("一组", [90, 80]), "B": ("一组", [85, 80]), "C": ("一组", [70, 95]), "E": ("一组", [100]),
              "F": ("一组", ["", 60]), "D": ("", [99, 99])}
    return [{"group": group, "answers": {"person": {"avg_rank": "9"} if name == "D" else {},
                                         "periods": [{"score": s} for s in values]}}
            for name, (group, values) in scores.items()]


def ranks(person):
    return [p.get("rank") for p in person["answers"]["periods"]], person["answers"]["person"].get("avg_rank")


def test_ranks_by_hand():
    group = people()
    notes = [d["notes"] for d in derive(rule(), group)]
    # latest month: E 100, C 95, A 80, B 80, F 60 → 1, 2, 3, 3, 5; the month before: A 90, B 85, C 70 → 1, 2, 3
    # means: E 100, A 85, B 82.5, C 82.5, F 60 → 1, 2, 3, 3, 5 (F's empty month is not counted)
    assert [ranks(p) for p in group[:5]] == [(["1", "3"], "2"), (["2", "3"], "3"), (["3", "2"], "3"), (["1"], "1"),
                                             ([None, "5"], "5")]
    assert notes[4][0] == "第 1 期的“名次”“得分”缺少或无效，无法计算名次，按填写的值计算（未填写的须补上）"
    # no department: not ranked against anyone; the typed rank stands and the note says why
    assert ranks(group[5]) == ([None, None], "9")
    assert "“平均分名次”未填部门，无法计算部门内名次，按填写的值计算（未填写的须补上）" in notes[5]
    assert "第 1、2 期的“名次”未填部门，无法计算部门内名次，按填写的值计算（未填写的须补上）" in notes[5]  # said once
    assert notes[0][-1].startswith("各人的期数不同，名次按各人最后一行为同一期对齐")


def test_a_group_too_small_is_not_ranked_and_all_ranks_everyone():
    group = people()
    notes = derive(rule(min_group=6), group)[0]["notes"]
    assert ranks(group[0]) == ([None, None], None) and "部门人数 5 人，少于 6 人，不计算名次" in notes[0]
    group = people()
    derive(rule(within="all"), group)
    # everyone together, latest month: E 100, D 99, C 95, A 80, B 80, F 60
    assert [ranks(p)[0][-1] for p in group] == ["4", "4", "3", "1", "6", "2"]


def test_a_rank_as_a_share_of_the_group():
    group = people()
    derive(rule(as_="percent"), group)
    # latest month in 一组 (5 people): ranks 3, 3, 2, 1, 5 → 100 × rank ÷ 5 = 60, 60, 40, 20, 100
    assert [ranks(p)[0][-1] for p in group[:5]] == ["60", "60", "40", "20", "100"]
    # the month before, 3 people ranked (E has no such month, F no score): 1, 2, 3 → 34, 67, 100 (rounded up)
    assert [ranks(p)[0][0] for p in group[:3]] == ["34", "67", "100"]


def test_months_line_up_by_their_label_when_the_sheet_has_them():
    group = people()[:3]  # A, B, C in 一组, two months each; C's rows name other months
    for person, months in zip(group, (["1月", "2月"], ["1月", "2月"], ["2月", "3月"])):
        person["periods"] = months
    derive(rule(), group)
    # 1月: A 90, B 85 → 1, 2; 2月: A 80, B 80, C 70 → 1, 1, 3; 3月: C 95 alone → 1
    assert [ranks(p)[0] for p in group] == [["1", "1"], ["2", "1"], ["3", "1"]]


def test_the_sample_declares_its_ranks_and_the_validator_checks_them(tmp_path):
    import shutil

    copy = tmp_path / "competencies"
    shutil.copytree(SAMPLE, copy)
    path = copy / "rules" / "cs_promotion.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("cohort: {rank: monthly_score, within: department}\n  - id: quarter_grade",
                                 "cohort: {rank: monthly_scor, within: department}\n  - id: quarter_grade"),
                    encoding="utf-8")
    done = run_cli("validate", copy)
    assert done.returncode != 0
    assert "名次字段“monthly_rank”的 cohort.rank 写的是“monthly_scor”，它不是本规则的每期数值字段" in done.stderr
    assert "cs_promotion.yaml:" in done.stderr


def test_hr_batch_computes_the_ranks_of_a_department(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "客服岗位晋升制度"
    sheet.append(["工号", "姓名", "部门", "当前级别", "入职月数", "考核期月均考评的部门排名", "当月部门考评得分",
                  "季度考核等级(季度末填写)"])
    people = {"P1": ("初级客服", [95, 92, 96]), "P2": ("初级客服", [90, 91, 90]), "P3": ("初级客服", [85, 93, 88]),
              "P4": ("初级客服", [70, 75, 72]), "P5": ("中级客服", [60, 61, 62])}
    for month in range(3):  # sorted by month, as HR's sheets often are
        for staff, (level, scores) in people.items():
            typed = 5 if staff == "P1" else None  # P1 typed a wrong rank: the computed one wins, and it is said
            sheet.append([staff, staff, "客服一组", level, 12, typed, scores[month],
                          "A" if month == 2 and level == "初级客服" else None])
    path = tmp_path / "promotion.xlsx"
    book.save(path)
    out = tmp_path / "out.xlsx"
    done = run_cli("batch", path, "-o", out)
    assert done.returncode == 0, done.stderr
    # monthly ranks: m1 P1..P5 = 1..5; m2 P3 93, P1 92, P2 91, P4, P5 → 1, 2, 3, 4, 5; m3 1..5
    # means 94.33, 90.33, 88.67, 72.33, 61 → 1..5: P1–P3 are 月均前三名 with a quarter A → 晋升;
    # P4 (rank 4) is not; P5 (中级) is outside the top three three months running → 降级
    rows = {r[1]: r for r in load_workbook(out)["客服岗位晋升制度"].iter_rows(min_row=2, values_only=True)}
    assert [rows[p][4] for p in ("P1", "P2", "P3", "P5")] == ["晋升", "晋升", "晋升", "降级"]
    assert rows["P4"][4] != "晋升"
    assert "说明：“考核期月均考评的部门排名”按全体数据计算为 1（填写的是 5）" in rows["P1"][10]
    assert rows["P3"][-1] == "考核期月均考评的部门排名 3；当月部门考评名次 3、1、3"  # the ranks HR can check
    assert "说明：" in done.stderr


def test_the_form_and_the_rule_page_say_hr_computes_the_rank(rulebook):
    from generator.pages.forms import field_hint

    promotion = next(r for r in rulebook["rules"] if r["id"] == "cs_promotion")
    rank = next(f for f in promotion["periods"] if f["id"] == "monthly_rank")
    said = ("正式考核时由 HR 批量计算：按当期“当月部门考评得分”在部门内排名（最高为第 1 名，并列同名次）；"
            "自评时请填写你所知道的名次")
    assert said in field_hint(rank, promotion)


def test_a_month_column_lines_up_a_person_who_left_early(tmp_path):
    """The trial's case: C005 left at the end of February; by 月份, C001's March rank is 3 of 4, not 4."""
    book = Workbook()
    sheet = book.active
    sheet.title = "客服岗位晋升制度"
    sheet.append(["工号", "姓名", "部门", "月份", "当前级别", "入职月数", "当月部门考评得分"])
    scores = {"C001": [80, 80, 87], "C002": [90, 90, 90], "C003": [85, 85, 88], "C004": [70, 70, 86], "C005": [99, 95]}
    for month in range(3):
        for staff, values in scores.items():
            if month < len(values):
                sheet.append([staff, staff, "客服三部", f"{month + 1}月", "中级客服", 12, values[month]])
    sheet.append([None, "无工号的人", "客服三部", "3月", "中级客服", 12, 60])
    path = tmp_path / "c.xlsx"
    book.save(path)
    out = tmp_path / "c.xlsx.out.xlsx"
    done = run_cli("batch", path, "-o", out)
    assert done.returncode == 3 and "没有工号 — 规则按工号把同一人各期的行合并，请填写工号" in done.stderr
    rows = {r[1]: r for r in load_workbook(out)["客服岗位晋升制度"].iter_rows(min_row=2, values_only=True)}
    # 1月: C005 99, C002 90, C003 85, C001 80, C004 70 → C001 4; 2月: 95, 90, 85, 80, 70 → 4;
    # 3月 (no C005): C002 90, C003 88, C001 87, C004 86 → C001 3: not three months outside the top three → no 降级
    assert rows["C001"][-1].endswith("当月部门考评名次 4、4、3") and rows["C001"][4] != "降级"
