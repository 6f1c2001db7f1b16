"""S10 销售中心 S3–S13 (001): quarterly for S3–S9, two consecutive quarters for S10–S12."""

from assessment import evaluate_rule


def run(rule, level, quarters, exam=False, interview=False, vacancy=False):
    return evaluate_rule(rule("sales_levels"), {
        "person": {"level": level, "passed_exam": exam, "passed_interview": interview, "vacancy": vacancy},
        "periods": [{"score": s, "attainment": a} for s, a in quarters]})


def test_lower_levels_drop_after_one_bad_quarter(rule):
    assert run(rule, "s5", [(79.99, 120)])["level"]["to"] == "s4"
    assert run(rule, "s5", [(95, 79.99)])["level"]["to"] == "s4"
    assert run(rule, "s5", [(80, 80)])["outcome"] == "stay"          # exactly 80 and 80 %: not below
    assert run(rule, "s3", [(50, 50)])["level"]["to"] == "s3"          # the lowest level cannot go lower


def test_lower_levels_promote_after_exam_and_interview(rule):
    assert run(rule, "s9", [(85, 90)], exam=True, interview=True)["level"]["to"] == "s10"
    assert run(rule, "s9", [(85, 90)], exam=True)["outcome"] == "stay"


def test_upper_levels_need_two_consecutive_bad_quarters(rule):
    assert run(rule, "s11", [(75, 90), (85, 95)])["outcome"] == "stay"
    assert run(rule, "s11", [(85, 70), (90, 79)])["level"]["to"] == "s10"
    assert run(rule, "s12", [(79, 90), (85, 79)])["level"]["to"] == "s11"   # either condition, each quarter


def test_upper_levels_promote_half_yearly_into_a_vacancy(rule):
    two = [(85, 90), (88, 95)]
    assert run(rule, "s10", two, exam=True, interview=True, vacancy=True)["level"]["to"] == "s11"
    assert run(rule, "s10", two, exam=True, interview=True, vacancy=False)["outcome"] == "stay"
    assert run(rule, "s10", two[:1], exam=True, interview=True, vacancy=True)["outcome"] == "stay"  # one quarter
