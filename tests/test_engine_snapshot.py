"""The memory snapshot the worker restores instead of booting Python (generator/site/snapshot.py): the pages score
the same on the fallback path, a snapshot that does not restore or is of another engine is refused with its
reason in the console, and a build can leave it out."""

import json
import random

import pytest

from generator.site import snapshot
from generator.site.assets import site_assets

from strategies import sample_answers
from test_assessment_browser import expected_hooks, fill, settle

# one of each shape: sections, a rule with periods and a ladder, a rule over the person only
FALLBACK_CASES = [("standard", "cs_grading"), ("rule", "cs_promotion"), ("rule", "sales_qualification_ladder")]


def console_of(page):
    lines = []
    page.on("console", lambda message: lines.append(message.text))
    return lines


@pytest.mark.parametrize("kind, ident", FALLBACK_CASES)
def test_without_the_snapshot_the_page_boots_and_scores_the_same(page, site_url, rulebook, kind, ident):
    definition = next(d for d in rulebook[kind + "s"] if d["id"] == ident)
    console = console_of(page)
    page.route("**/engine.snapshot", lambda route: route.abort())
    page.goto(f"{site_url}/assess/{ident}.html")
    rng = random.Random(ident)
    for answers in [e["answers"] for e in definition["examples"]] + [sample_answers(definition, rng) for _ in range(3)]:
        answers = json.loads(json.dumps(answers))
        fill(page, kind, definition, answers)
        assert settle(page) == expected_hooks(kind, definition, answers), answers
    assert page.evaluate("document.documentElement.dataset.engine") == "boot"
    assert any("内存快照不可用，改为正常启动" in line for line in console)


def test_a_snapshot_that_does_not_restore_is_refused_with_its_reason(page, site_url, rulebook):
    console = console_of(page)
    page.route("**/engine.snapshot", lambda route: route.fulfill(body=b"\0" * 65536))
    page.goto(f"{site_url}/assess/cs_rank_evaluation.html")
    assert settle(page)["state"] in ("ready", "invalid")
    assert page.evaluate("document.documentElement.dataset.engine") == "boot"
    assert any("内存快照不可用" in line and "magic number" in line for line in console), console


def test_a_snapshot_of_a_heap_grown_past_the_runtimes_first_memory_still_restores(page, site_url, rulebook):
    """Pyodide's memory starts at 30 MiB, and a snapshot records the whole heap: a bigger engine or rulebook makes
    a bigger one, which once failed to restore (pyodide#6254). Zeros appended stand for the grown heap."""
    console = console_of(page)
    grown = 2 * 1024 * 1024

    def bigger(route):
        response = route.fetch()
        body = response.body()
        assert len(body) <= 30 * 1024 * 1024 + 4096  # the sample's own snapshot sits at the edge
        route.fulfill(response=response, body=body + b"\0" * grown)

    page.route("**/engine.snapshot", bigger)
    page.goto(f"{site_url}/assess/cs_kpi_monthly.html")
    definition = next(d for d in rulebook["standards"] if d["id"] == "cs_kpi_monthly")
    answers = json.loads(json.dumps(definition["examples"][0]["answers"]))
    fill(page, "standard", definition, answers)
    assert settle(page) == expected_hooks("standard", definition, answers)
    assert page.evaluate("document.documentElement.dataset.engine") == "snapshot", console


def test_a_snapshot_of_another_engine_is_refused(page, site_url):
    console = console_of(page)

    def other_key(route):  # the worker as a stale cache might pair it with another build's snapshot
        response = route.fetch()
        text = response.text().replace('SNAPSHOT_KEY = "', 'SNAPSHOT_KEY = "another-build-', 1)
        route.fulfill(response=response, body=text)

    page.route("**/worker.mjs", other_key)
    page.goto(f"{site_url}/assess/cs_rank_evaluation.html")
    settle(page)
    assert page.evaluate("document.documentElement.dataset.engine") == "boot"
    assert any("快照属于另一版引擎或运行环境" in line for line in console), console


def test_a_build_can_leave_the_snapshot_out(rulebook, monkeypatch):
    from conftest import ROOT

    runtime = {n: f"node_modules/pyodide/{n}" for n in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm",
                                                         "pyodide-lock.json")}
    monkeypatch.setenv(snapshot.SWITCH, "off")
    assets = site_assets(rulebook, ROOT, runtime, "node_modules/pyodide/python_stdlib.zip")
    assert not any(path.endswith(snapshot.NAME) for path in assets.files)
    worker = assets.files[assets.engine.worker].decode()
    assert 'const SNAPSHOT = ""' in worker
