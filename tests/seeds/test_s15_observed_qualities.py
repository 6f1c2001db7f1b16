"""S15 observation checklists from the seeds: 呼叫中心素质标准 (003, ten standards) and
课程顾问 同理心与自驱力 (000)."""

from assessment import score


def test_call_centre_standards_count_what_is_done(standard):
    # seven of the ten ticked, one point each → 7; none ticked → 0; all ten → 10
    done = ["positive", "warm", "confident", "pace", "concise", "pauses", "smile"]
    assert score(standard("call_center_qualities"), {"qualities": done})["total"] == "7"
    assert score(standard("call_center_qualities"), {"qualities": []})["total"] == "0"
    every = [c["id"] for c in standard("call_center_qualities")["sections"][0]["items"][0]["checks"]]
    assert len(every) == 10 and score(standard("call_center_qualities"), {"qualities": every})["total"] == "10"


def test_empathy_and_drive_are_counted_apart(standard):
    # 同理心 2 of 4 + 自驱力 1 of 2 = 3
    result = score(standard("course_adviser_qualities"), {"empathy_signs": ["lets_them_talk", "no_petty"],
                                                          "drive_signs": ["timely_follow_up"]})
    points = {r["id"]: r["points"] for r in result["items"]}
    assert points == {"empathy_signs": "2", "drive_signs": "1"} and result["total"] == "3"
