"""S5 质检评分标准 (000): deductions of 5 down to 0 per item, capped strengths, fatal errors zero the form."""

from assessment import score

CLEAN = {"guidance": [], "expression": [], "listening": [], "product_knowledge": [], "process": [],
         "strengths": [], "fatal": []}


def total(standard, **changes):
    return score(standard("call_qa"), {**CLEAN, **changes})["total"]


def test_clean_call_is_100(standard):
    assert total(standard) == "100"


def test_each_fault_deducts_5_until_the_item_is_0(standard):
    assert total(standard, guidance=["no_control"]) == "95"                          # 10 − 5
    assert total(standard, guidance=["no_control", "weak_questioning"]) == "90"      # 10 − 10
    assert total(standard, guidance=["no_control", "weak_questioning", "no_direct_guidance"]) == "90"  # floor 0
    assert total(standard, process=["skipped_step", "wrong_record", "no_confirmation"]) == "85"  # 35 − 15


def test_zero_the_item_faults(standard):
    assert total(standard, product_knowledge=["wrong_info"]) == "65"                 # 35 → 0
    assert total(standard, guidance=["rigid_process"]) == "90"                       # 10 → 0


def test_strengths_add_at_most_5(standard):
    assert total(standard, guidance=["no_control"], strengths=["quick_targeted"]) == "100"  # 95 + 5
    assert total(standard, strengths=["quick_targeted", "open_questions"]) == "105"          # 100 + min(10, 5)


def test_fatal_error_zeroes_everything(standard):
    result = score(standard("call_qa"), {**CLEAN, "strengths": ["quick_targeted"], "fatal": ["off_topic"]})
    assert result["total"] == "0"
    assert result["fatal"] == [{"item": "fatal", "check": "off_topic"}]
