"""S7 研发工程师初始定级 (002 第5篇): 学历 + 工作经验 + 技能水平 = level; level ranges with fixed overlaps."""

import pytest

from assessment import score


def grade(standard, degree, years, skill):
    result = score(standard("rnd_initial_grading"), {"degree": degree, "experience_years": years, "skill_level": skill})
    return result["total"], (result["grade"] or {}).get("id")


@pytest.mark.parametrize("years, points", [(0, 0), (1, 0), (2, 1), (3, 1), (4, 2), (8, 2), (9, 3), (30, 3)])
def test_experience_bands(standard, years, points):
    # 大专 0 + experience + skill 0 = experience points
    assert grade(standard, "college", years, 0)[0] == str(points)


def test_level_ranges(standard):
    assert grade(standard, "bachelor", 5, 3) == ("6", "engineer")              # 1 + 2 + 3
    assert grade(standard, "bachelor", 2, 1) == ("3", "assistant_engineer")    # 1 + 1 + 1: 3 stays 助理
    assert grade(standard, "master", 2, 1) == ("4", "engineer")                # 2 + 1 + 1
    assert grade(standard, "doctor", 10, 19) == ("25", "senior_engineer")      # 3 + 3 + 19: 25 stays 高级
    assert grade(standard, "doctor", 10, 20) == ("26", "expert")               # 3 + 3 + 20
    assert grade(standard, "college", 1, 0) == ("0", None)
