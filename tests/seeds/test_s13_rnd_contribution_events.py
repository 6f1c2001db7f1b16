"""S13 研发工程师贡献点明细 (002 第5篇 七): points per event, fixed ones by count (some negative), ranged ones as
approved; whatever is left empty counts 0."""

from assessment import score


def test_fixed_and_approved_points_add_up(standard):
    # project 20 + bonus 3 + first trial pass 1 × 1 + design patent 1 × 1 + criticism 1 × −0.5 = 24.5
    result = score(standard("rnd_contribution_events"), {"project_points": 20, "project_bonus": 3,
                                                         "trial_first_pass": 1, "design_patents": 1, "criticism": 1})
    assert result["total"] == "24.5"


def test_deductions_lower_the_total(standard):
    # 10 − 2 (delay) + 2 × 1 (monthly excellent) + 2 × −1 (warnings) + 1 × −1 (third trial) + 1 × 3 (yearly) = 10
    result = score(standard("rnd_contribution_events"), {"project_points": 10, "project_deduction": -2,
                                                         "monthly_excellent": 2, "warning": 2, "trial_third_pass": 1,
                                                         "yearly_excellent": 1})
    assert result["total"] == "10"


def test_an_empty_form_is_zero_not_an_error(standard):
    # every item optional: counts left empty are 0, numbers left empty are 0
    assert score(standard("rnd_contribution_events"), {})["total"] == "0"
