"""Every standard and rule of the sample and of the second handbook (examples/library), through a person's whole
use of its page, in headless Chromium:
fill the form, reload, clear, export, import the export, open the review. Each step must end in a score or a
message — never in a page stuck on "计分引擎加载中…" or an old result left on screen. The cases are generated
from the rulebook, so a new definition is covered without anyone writing a test for it.

Expected results are the worked examples' own `expect` (written by HR from the rules, and checked by the
validator); the knowledge test, which has none, is answered by its key, so its total is the sum of the points of
the questions the engine marks (short answers wait for a reviewer)."""

import json
import typing

import pytest

from assessment.contract import AnswersFile
from assessment.standard import all_items, is_test

from test_assessment_browser import fill

# what the page says, in the handbook's language (examples/library is English, the sample Chinese)
SAID = {
    "zh": {"invitations": ("填写表格后", "答完后按“交卷”"), "total": "总分 ", "outcome": "结果：",
           "ready": "计分引擎已就绪", "hand in": "交卷", "export": "导出答案", "clear": "清除答案",
           "review": "审核他人的自评",
           "import first": "请先导入员工导出的答案文件", "sheet": "审核单：{name}",
           "distances": "相差两档及以上（需要讨论）0 项，相差一档 0 项。"},
    "en": {"invitations": ("Fill in the form", "When you have answered, press “Hand in”"), "total": "Total ",
           "outcome": "Result: ", "ready": "The scoring engine is ready", "hand in": "Hand in",
           "export": "Export answers", "clear": "Clear answers", "review": "Review someone's self-assessment",
           "import first": "First import the answers file the person exported", "sheet": "Review sheet: {name}",
           "distances": "0 two or more steps apart (to discuss), 0 one step apart."},
}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _key_answer(item):
    if item["kind"] == "blank":
        return item["accepted"][0]
    return None if item["kind"] == "essay" else item["key"]


def case_for(kind, definition):
    """(answers, expected data-* hooks of the result panel) for one definition."""
    if definition["examples"]:
        example = definition["examples"][0]
        expect = example["expect"]
        if kind == "standard":
            hooks = {"total": expect["total"]} | ({"grade": expect["grade"]} if "grade" in expect else {})
        else:
            hooks = {"outcome": expect["outcome"]} | ({"grade": expect["level"]} if "level" in expect else {})
        return json.loads(json.dumps(example["answers"])), hooks
    assert kind == "standard" and is_test(definition), f"{definition['id']} has no worked example to assess with"
    questions = [item for _, item in all_items(definition)]
    answers = {q["id"]: _key_answer(q) for q in questions if _key_answer(q) is not None}
    marked = sum(float(q["points"]) for q in questions if q["kind"] != "essay")
    return answers, {"total": f"{marked:g}"}


def pytest_generate_tests(metafunc):
    if "lifecycle_case" in metafunc.fixturenames:
        from generator.definitions.compile import build_rulebook
        from conftest import LIBRARY, SAMPLE

        cases = []
        for served, folder in (("site_url", SAMPLE), ("library_url", LIBRARY)):  # and the second handbook's
            book = build_rulebook(folder)
            said = SAID[book["organisation"].get("language", "zh")]
            cases += [(served, said, "standard", d) for d in book["standards"]] + [
                (served, said, "rule", d) for d in book["rules"]]
        # every other definition at a phone's width: both layouts are used through all of the steps
        metafunc.parametrize("lifecycle_case", [(*case, PHONE if i % 2 else DESKTOP) for i, case in enumerate(cases)],
                             ids=[f"{'library-' if served == 'library_url' else ''}{d['id']}"
                                  for served, _, _, d in cases])


HOOKS = "() => ({...document.getElementById('hb-result').dataset})"


def until(page, step, state, **hooks):
    """Waits until the result panel is in `state` (one, or any of a tuple) with these data-* values; says
    where it stuck if not."""
    wanted = {"state": list(state) if isinstance(state, tuple) else [state], **{k: [v] for k, v in hooks.items()}}
    try:
        page.wait_for_function(f"""(wanted) => {{ const d = ({HOOKS})();
            return Object.entries(wanted).every(([k, v]) => v.includes(String(d[k] ?? ''))); }}""", arg=wanted,
            timeout=60000)
    except Exception:  # noqa: BLE001 — the timeout becomes a readable failure
        pytest.fail(f"{step}: wanted {wanted}, the panel shows {page.evaluate(HOOKS)}; "
                    f"status “{page.inner_text('[data-status]')}”; panel “{page.inner_text('#hb-result')[:200]}”")


def hand_in(page, said, kind, definition):
    if kind == "standard" and is_test(definition):
        page.get_by_role("button", name=said["hand in"]).click()


def scored_text(said, kind):
    return said["total"] if kind == "standard" else said["outcome"]


def test_a_persons_whole_use_of_every_assessment_page(browser, request, lifecycle_case, tmp_path):
    served, said, kind, definition, viewport = lifecycle_case
    site_url = request.getfixturevalue(served)
    answers, expected = case_for(kind, definition)
    context = browser.new_context(viewport=viewport, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    page.on("dialog", lambda dialog: dialog.accept())  # 清除答案 asks first; the person means it
    faults = []
    page.on("pageerror", lambda error: faults.append(str(error)))
    url = f"{site_url}/assess/{definition['id']}.html"

    page.goto(url)
    # nothing typed yet: an invitation to fill in (or to hand in a test), or a score where nothing ticked in a
    # checklist is an answer
    until(page, "first visit", ("invalid", "ready"))
    untouched = page.evaluate(HOOKS), page.inner_text("#hb-result")
    assert any(text in untouched[1] for text in (*said["invitations"], scored_text(said, kind))), untouched[1]

    hand_in(page, said, kind, definition)
    fill(page, kind, definition, answers)
    until(page, "filled in", "ready", **expected)
    assert scored_text(said, kind) in page.inner_text("#hb-result")

    page.reload()
    hand_in(page, said, kind, definition)
    until(page, "after a reload", "ready", **expected)
    assert said["ready"] in page.inner_text("[data-status]")

    with page.expect_download() as download:
        page.get_by_role("button", name=said["export"]).click()
    exported = tmp_path / download.value.suggested_filename
    download.value.save_as(exported)
    written = json.loads(exported.read_text(encoding="utf-8"))
    assert written["definition"] == definition["id"]
    assert set(written) == set(typing.get_type_hints(AnswersFile))  # the declared shape (assessment/contract.py)

    page.get_by_role("button", name=said["clear"]).click()  # the page is as on the first visit, no old result left
    until(page, "cleared", untouched[0]["state"], **{k: v for k, v in untouched[0].items() if k != "state"})
    assert page.inner_text("#hb-result") == untouched[1]
    page.reload()  # and nothing of the cleared answers comes back
    until(page, "reloaded after clearing", untouched[0]["state"],
          **{k: v for k, v in untouched[0].items() if k != "state"})
    assert page.inner_text("#hb-result") == untouched[1]

    page.set_input_files('input[data-action="import"]', str(exported))
    hand_in(page, said, kind, definition)
    until(page, "imported the export", "ready", **expected)

    page.get_by_role("button", name=said["review"]).click()
    until(page, "review opened", "invalid")
    assert said["import first"] in page.inner_text("#hb-result")
    page.set_input_files('[data-action="review-import"]', str(exported))
    until(page, "review of the export", "review")
    sheet = page.inner_text("#hb-result")
    assert said["sheet"].format(name=definition["name"]) in sheet and said["distances"] in sheet

    assert faults == [], faults
    context.close()
