"""The benchmark's own parts (`make bench` itself is not part of `make test`): the synthetic handbooks
it measures are valid, and the handbook's 性能 page is exactly the report of the committed figures."""

import json

from bench import report, synthetic
from generator.definitions.compile import build_rulebook

from conftest import ROOT


def test_synthetic_handbook_is_valid_with_the_stated_proportions(tmp_path):
    rulebook = build_rulebook(synthetic.write(250, tmp_path / "defs"))
    # per 100 roles (250 // 100 = 2 copies): the sample's skills, standards and rules;
    # 20 roles per department: 13 departments, under 2 divisions of up to 10
    sample = build_rulebook(ROOT / "competencies")
    assert len(rulebook["roles"]) == 250
    assert (len(rulebook["skills"]), len(rulebook["standards"]), len(rulebook["rules"])) == (
        2 * len(sample["skills"]), 2 * len(sample["standards"]), 2 * len(sample["rules"]))
    assert len(rulebook["departments"]) == 13 + 2
    assert sum(len(d["examples"]) for d in rulebook["standards"] + rulebook["rules"]) > 0


def test_performance_page_is_the_report_of_the_committed_figures():
    results = json.loads((ROOT / "bench" / "results.json").read_text(encoding="utf-8"))
    page = (ROOT / "content" / "performance.md").read_text(encoding="utf-8")
    assert page == report.markdown(results)
    for heading in ("## 构建与校验", "## 自评页面", "## 搜索", "### 2000 个岗位"):
        assert heading in page


def test_the_batch_bench_scores_every_row_of_the_worked_examples():
    from bench import batch

    run = batch.run_one(170)  # 10 of each standard and rule with examples; rules 12 rows each
    assert run["failed"] == 0 and run["entries"] == 170 and run["rows"] > 170
    assert "## 批量计分" in "\n".join(report._batch([run, {**run, "people": 10_000, "peak_mb": run["peak_mb"] + 50}]))


def test_a_ratio_is_decided_only_when_all_its_pairs_agree():
    """Per-pair ratios against a target of 1.10: below in every pair is met, above in every pair is missed,
    a range that straddles it is noisy (the report then says to rerun rather than give a verdict)."""
    from bench import pairs

    assert pairs.ratios([3, 4], [2, 4]) == [1.5, 1.0]
    assert pairs.summary([1.02, 1.05, 1.09], 1.10) == {"ratio": 1.05, "ratio_min": 1.02, "ratio_max": 1.09,
                                                       "pairs": 3, "verdict": pairs.MET}
    assert pairs.verdict([1.12, 1.30, 1.11], 1.10) == pairs.MISSED
    assert pairs.verdict([1.05, 1.30, 1.08], 1.10) == pairs.NOISY  # the median (1.08) alone would have passed
    assert pairs.verdict([1.10], 1.10) == pairs.MET  # at the target is within it
    assert pairs.another(2, 3, [1.0, 1.0], 1.10)  # the asked-for pairs first
    assert not pairs.another(3, 3, [1.0, 1.05, 1.08], 1.10)  # decided: no more
    assert pairs.another(3, 3, [1.0, 1.2, 1.0], 1.10)  # straddling: more …
    assert not pairs.another(6, 3, [1.0, 1.2] * 3, 1.10)  # … up to twice as many
    rows = report._ratio_row("我们 ÷ 基线", 1.08, 1.05, 1.30, 3, 1.10, pairs.NOISY)
    assert rows == "| 我们 ÷ 基线 | 1.08(1.05–1.30, 3 对) | ≤ 1.10 | ⚠️ 波动大, 无法判定, 请重跑 |"


def test_the_build_bench_reads_the_product_configuration_and_writes_every_page(tmp_path):
    """mkdocs.yml's `!ENV` once stopped `make bench` before it measured anything; the baseline left out the
    organisation's own pages (145 pages where the site has 146)."""
    from bench import build

    build._configs(ROOT / "competencies", tmp_path)
    assert (tmp_path / "ours.yml").is_file() and (tmp_path / "baseline.yml").is_file()
    assert (tmp_path / "docs" / "qualifications.md").is_file() and (tmp_path / "docs" / "index.md").is_file()
