"""Ratios measured so that noise cannot pass for a verdict.

A ratio (ours ÷ baseline, first score ÷ bare boot) is taken within each pair of runs made side by side, so a
machine whose speed drifts during the bench moves both halves of a pair together. The report gives the median
of the per-pair ratios with their range; while the range straddles the target, more pairs are run (up to a
limit); and a verdict is printed only when the whole range is on one side of the target — otherwise the figure
is "noisy — rerun". The machine's load average is recorded at the start and the end of the run.
"""

import os
import statistics

MET, MISSED, NOISY = "met", "missed", "noisy"
TARGETS = {"build": 1.10, "first_score": 0.70}  # ours ÷ baseline; first score ÷ bare boot
MORE = 2  # while undecided, up to this many times the asked-for pairs are run


def load_average():
    """1, 5 and 15 minute load averages, or None where the system does not say."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def ratios(numerators, denominators):
    return [a / b for a, b in zip(numerators, denominators) if b]


def summary(values, target):
    """{ratio (median of the pairs), ratio_min, ratio_max, pairs, verdict} for per-pair ratios against `target`
    (a figure at or below the target meets it)."""
    return {"ratio": statistics.median(values), "ratio_min": min(values), "ratio_max": max(values),
            "pairs": len(values), "verdict": verdict(values, target)}


def verdict(values, target):
    if max(values) <= target:
        return MET
    if min(values) > target:
        return MISSED
    return NOISY


def undecided(values, target):
    return verdict(values, target) == NOISY


def another(done, asked, values, target):
    """Whether to run one more pair: the asked-for pairs first, then more (up to MORE times as many) while the
    per-pair ratios so far straddle the target."""
    return done < asked or (done < asked * MORE and undecided(values, target))
