"""A handbook names its language in organisation.yaml (`language: zh` by default, `en`): the validator's and
the engine's messages follow it, on the command line and in the browser's engine, and so do Material's own
words and its search, the navigation, and the self-assessment page: its form, scripts and the engine's result
texts. (Other pages' generated words, the guides and the batch outputs are the next steps: the languages
issue.)"""

import json
import re
import shutil

import pytest

from assessment.fingerprint import answers_hash, excerpt
from assessment.page import answer
from conftest import LIBRARY, run_cli
from generator.definitions.compile import build_rulebook
from generator.site.builder import serve_static


english = LIBRARY  # the second example handbook is written in English and says so (`language: en`)


@pytest.fixture(scope="module")
def chinese(tmp_path_factory):
    """The second example handbook without its `language: en`: Chinese, the default (its own words stay as its
    HR wrote them)."""
    folder = tmp_path_factory.mktemp("chinese") / "library"
    shutil.copytree(LIBRARY, folder)
    organisation = folder / "organisation.yaml"
    text = organisation.read_text(encoding="utf-8")
    assert "\nlanguage: en\n" in text
    organisation.write_text(text.replace("\nlanguage: en\n", "\n"), encoding="utf-8")
    return folder


def test_the_rulebook_says_its_language_and_the_answers_do_not_depend_on_it(chinese):
    in_chinese, in_english = build_rulebook(chinese), build_rulebook(english)
    # the default is not written: a Chinese handbook's rulebook is as it was before languages (and as released)
    assert "language" not in in_chinese["organisation"] and in_english["organisation"]["language"] == "en"
    assert excerpt(in_english, "annual_review")["organisation"] == {"language": "en"}  # what the page downloads
    # saved and exported answers stay current when a handbook changes its language
    assert answers_hash(in_english, "annual_review") == answers_hash(in_chinese, "annual_review")


def test_the_engine_answers_a_page_in_the_handbooks_language(chinese):
    """What the browser's worker calls (assessment/page.py), with the excerpt the page downloads."""
    request = json.dumps({"answers": {"service": "x"}})
    english_errors = json.loads(answer(excerpt(build_rulebook(english), "annual_review"), "annual_review", request))
    chinese_errors = json.loads(answer(excerpt(build_rulebook(chinese), "annual_review"), "annual_review", request))
    said = {e["field"]: e["message"] for e in english_errors["errors"]}
    assert said["service"].startswith("'x' is not a number")
    assert said["teamwork"] == "'Teamwork and sharing' is not answered"
    assert {e["field"]: e["message"] for e in chinese_errors["errors"]}["teamwork"] == "“Teamwork and sharing”未填写"


def test_the_command_line_speaks_the_handbooks_language_unless_told(tmp_path):
    broken = tmp_path / "library"
    shutil.copytree(english, broken)
    (broken / "departments.yaml").write_text("departments:\n  - {id: a, name: A}\n  bogus: 1\n", encoding="utf-8")
    said = run_cli("validate", broken)
    assert said.returncode != 0 and "1 error(s)." in said.stderr and not re.search(r"[\u4e00-\u9fff]", said.stderr)
    told = run_cli("validate", broken, "--lang", "zh")
    assert "共 1 处错误。" in told.stderr
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"service": "x"}), encoding="utf-8")
    scored = run_cli("score", "annual_review", "--answers", answers, "--dir", english)
    assert "'x' is not a number" in scored.stderr
    given = {"service": 80, "collection": 70, "programmes": 90, "teamwork": 100}
    answers.write_text(json.dumps(given), encoding="utf-8")
    report = run_cli("score", "annual_review", "--answers", answers, "--dir", english).stdout
    # weights 40/30/20/10 of 100 each, by hand: 32 + 21 + 18 + 10
    assert "Total: 81 / 100" in report and "80 → 80 points; scaled: ÷ 100 × weight 40%" in report
    assert not re.search(r"[\u4e00-\u9fff]", report), report  # its own words are English too: nothing is Chinese
    assert run_cli("validate", english).stdout.startswith(f"Definitions valid ({english}): 3 role(s), 1 standard(s)")



@pytest.fixture(scope="module")
def english_site(library_site):
    return library_site  # conftest.py: built by `handbook build --dir examples/library`


def test_the_site_is_declared_in_its_language_and_searched_by_it(english_site):
    assert '<html lang="en"' in (english_site / "index.html").read_text(encoding="utf-8")
    index = json.loads((english_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["en"]


def test_the_sites_title_navigation_and_footer_are_in_its_language(english_site):
    home = (english_site / "index.html").read_text(encoding="utf-8")
    assert "Greenfield Community Library · competency handbook" in home
    assert "rules version 2026.1 · in force from 2026-09-01" in home
    navigation = re.findall(r'<span class="md-ellipsis">\s*(.*?)\s*</span>', home, re.S)
    assert {"Home", "Roles", "Competencies", "Self-assessment", "Changes", "Guide"} <= set(navigation)
    assert not {"首页", "岗位", "能力", "自评", "版本变更", "使用说明"} & set(navigation)
    assert 'aria-label="Search"' in home and "Changes</a>" in home.split('<div class="md-copyright__highlight">')[1]


@pytest.mark.parametrize("width", [1280, 390])
def test_the_self_assessment_speaks_the_handbooks_language(browser, english_site, width):
    """What the page's scripts and the engine say, read on screen: the status, a field's error, the result."""
    server, url = serve_static(english_site)
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        page.set_default_timeout(30000)
        page.goto(f"{url}/assess/annual_review.html")
        page.wait_for_selector("[data-status] >> text=The scoring engine is ready")
        assert "Fill in the form" in page.inner_text("#hb-result")
        page.fill('[name="service"]', "x")
        page.locator('[name="collection"]').focus()
        page.wait_for_selector("#hb-result >> text=1 answer(s) to correct")
        assert "'x' is not a number" in page.inner_text('[data-field="service"]')
        assert "Enter 0–100" in page.inner_text('[data-field="collection"]')  # the item kind's own words
        for name, value in {"service": "80", "collection": "70", "programmes": "90", "teamwork": "100"}.items():
            page.fill(f'[name="{name}"]', value)
        # weights 40/30/20/10 of 100 each, by hand: 32 + 21 + 18 + 10
        page.wait_for_selector("#hb-result >> text=Total 81 / 100")
        result = page.inner_text("#hb-result")
        assert "Self-assessment result" in result and "Points per item" in result
        assert "80 → 80 points; scaled: ÷ 100 × weight 40%" in result
    finally:
        context.close()
        server.shutdown()
