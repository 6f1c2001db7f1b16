"""A handbook names its language in organisation.yaml (`language: zh` by default, `en`), and everything the
project writes follows it: the validator's and the engine's messages (on the command line and in the browser's
engine), every command's output, Material's own words and its search, the navigation, every generated page
(the self-assessment's form, scripts and results included), the guides and the format reference. The second
example handbook is English; the sample is Chinese: each is checked for the other language's words. (The
batch outputs: tests/test_batch_languages.py; the changelog: tests/test_changes_in_english.py.)"""

import json
import re
import shutil

import pytest

from assessment.fingerprint import answers_hash, excerpt
from assessment.page import answer
from conftest import LIBRARY, run_cli
from test_visible_text import Page
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


def test_every_command_speaks_english_in_an_english_handbook(tmp_path):
    """What each command prints, successes and refusals alike (batch, new and init have their own tests)."""
    folder = tmp_path / "library"
    shutil.copytree(english, folder)
    exported = tmp_path / "export.json"
    exported.write_text(json.dumps({"format": "handbook-answers", "definition": "career_ladder",
                                    "rulebook_version": "2025.1", "rulebook_hash": "sha256:old",
                                    "answers": {"person": {}, "periods": []}}), encoding="utf-8")
    unreadable = tmp_path / "broken.yaml"
    unreadable.write_text("service： 80\n", encoding="utf-8")
    runs = [("validate", folder), ("list", "--dir", folder), ("template", "annual_review", "--dir", folder),
            ("template", "career_ladder", "--dir", folder), ("template", "nothing", "--dir", folder),
            ("score", "annual_review", "--answers", unreadable, "--dir", folder),
            ("score", "annual_review", "--answers", exported, "--dir", folder),
            ("score", "career_ladder", "--answers", tmp_path / "absent.json", "--dir", folder),
            ("release", "--dir", folder), ("release", "--dir", folder),
            ("rulebook", "--dir", folder, "-o", "/dev/null/x")]
    said = {" ".join(map(str, run)): run_cli(*run) for run in runs}
    quoted = "“：”"  # the full-width colon the YAML message names
    chinese = {run: done.stdout + done.stderr for run, done in said.items()
               if CJK.search((done.stdout + done.stderr).replace(quoted, ""))}
    assert chinese == {}
    assert "line 1, column 8: this is a full-width colon" in said[f"score annual_review --answers {unreadable} "
                                                                   f"--dir {folder}"].stderr
    assert "no standard or rule 'nothing'. Available: annual_review, career_ladder" in said[
        f"template nothing --dir {folder}"].stderr



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


CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


class _Shown(Page):
    """A page's visible text, its title and its images' and controls' labels; on a guide page without what
    inline code shows (what a reader types: a guide may show that `6万` is read too)."""

    def __init__(self, guide):
        super().__init__()
        self.guide, self._inline = guide, 0

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        said = dict(attrs)
        self.parts += [said[key] for key in ("aria-label", "alt", "title", "placeholder") if said.get(key)]
        if tag == "code" and not self._pre:
            self._inline += 1
        if tag == "title":
            self._title = True

    def handle_endtag(self, tag):
        super().handle_endtag(tag)
        if tag == "code" and self._inline:
            self._inline -= 1

    def handle_data(self, data):
        if getattr(self, "_title", False):
            self.parts.append(data)
            self._title = False
        if not (self.guide and self._inline):
            super().handle_data(data)


def test_an_english_handbook_shows_no_chinese(english_site):
    """Every page of the English handbook (whose own words are English): headings, tables, forms, diagrams'
    labels, the changelog, the guides and the format reference — and the search index."""
    found = {}
    for path in sorted(english_site.rglob("*.html")):
        name = path.relative_to(english_site).as_posix()
        if name == "performance.html":  # make bench's measurements, for maintainers: not in nav or search
            continue
        page = _Shown(guide=name.startswith("guide/"))
        page.feed(path.read_text(encoding="utf-8"))
        shown = page.text + "\n" + "".join(page.code)
        if CJK.search(shown):
            found[name] = sorted({line.strip() for line in shown.splitlines() if CJK.search(line)})[:5]
    index = json.loads((english_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    in_index = [doc["location"] for doc in index["docs"]
                if CJK.search(doc["title"] + doc["text"]) and not doc["location"].startswith("guide/")]
    assert found == {} and in_index == []


class _Prose(Page):
    """A page's visible text without what code shows (formulas, file names, commands)."""

    def __init__(self):
        super().__init__()
        self._code = 0

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        self._code += tag == "code"

    def handle_endtag(self, tag):
        super().handle_endtag(tag)
        self._code -= tag == "code" and self._code > 0

    def handle_data(self, data):
        if not self._code:
            super().handle_data(data)


def _texts(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict | list):
        for inner in value.values() if isinstance(value, dict) else value:
            yield from _texts(inner)


def test_a_chinese_handbook_shows_no_untranslated_english(built_site, rulebook):
    """The reverse: on the sample's generated pages (the guides are written by hand), every Latin word is the
    handbook's own (a name, an id, a note) or one of the technical names the Chinese text uses."""
    own = set(re.findall(r"[A-Za-z]{2,}", " ".join(_texts(rulebook))))
    technical = {"HTTP", "HTML", "Web", "WebAssembly"}  # assess/index.md's note for intranet administrators
    found = {}
    for path in sorted(built_site.rglob("*.html")):
        name = path.relative_to(built_site).as_posix()
        if name.startswith("guide/") or name == "performance.html":
            continue
        page = _Prose()
        page.feed(path.read_text(encoding="utf-8"))
        english = set(re.findall(r"[A-Za-z]{2,}", page.text)) - own - technical
        if english:
            found[name] = sorted(english)
    assert found == {}


@pytest.mark.parametrize("folder", ["english", "chinese"])
def test_answers_are_read_in_either_languages_words(folder, chinese):
    """是/否 and Yes/No (any case, full-width too) are the yes-or-no they say, in a handbook of either language;
    so are full-width digits."""
    import assessment

    rulebook = build_rulebook(english if folder == "english" else chinese)

    def outcome(vacancy, review="95"):
        answers = {"person": {"level": "team_lead", "vacancy": vacancy},
                   "periods": [{"review": 95}, {"review": review}]}
        return assessment.run(rulebook, "career_ladder", answers)["outcome"]

    assert outcome(True) != outcome(False)  # a team lead moves up the management track only with a vacancy
    for typed, meant in (("Yes", True), ("是", True), ("ｙｅｓ", True), ("No", False), ("否", False), ("NO", False)):
        assert outcome(typed) == outcome(meant), typed
    assert outcome(True, review="９５") == outcome(True)


def test_a_condition_without_a_text_is_worded_in_the_handbooks_language(tmp_path):
    from generator.definitions.compile import build_rulebook

    folder = tmp_path / "library"
    shutil.copytree(LIBRARY, folder)
    standard = folder / "standards" / "annual_review.yaml"
    standard.write_text(standard.read_text(encoding="utf-8").replace(", text: Service to readers 80 or more", ""),
                        encoding="utf-8")
    review = build_rulebook(folder)["standards"][0]
    excellent = next(b for b in review["bands"] if b["grade"] == "excellent")
    assert [c["text"] for c in excellent["requires"]] == ["Service to readers at least 80"]


def test_sums_of_money_are_written_as_the_language_writes_them():
    from assessment.messages import amount

    assert [amount(v, "en") for v in ("60000", "6500", "1234567.5", "-20000")] == [
        "60,000", "6500", "1,234,567.5", "-20,000"]
    assert [amount(v, "zh") for v in ("60000", "1234567.5")] == ["60000", "1234567.5"]  # 元 follows, ungrouped


def test_an_english_handbooks_chinese_names_are_searched_as_a_chinese_ones_are(tmp_path):
    """Material segments any Chinese a page holds; the handbook's own dictionary (its names, split so that a
    word inside one finds it: 资源 → 人力资源部) is loaded whatever the handbook's language."""
    folder = tmp_path / "library"
    shutil.copytree(english, folder)
    departments = folder / "departments.yaml"
    departments.write_text(departments.read_text(encoding="utf-8").replace(
        "name: Director's Office", "name: 人力资源部"), encoding="utf-8")
    done = run_cli("build", "--dir", folder, "--site-dir", tmp_path / "site")
    assert done.returncode == 0, done.stderr
    index = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    tokens = {token for doc in index["docs"] for token in re.split(r"[\s\u200b]+", doc["title"] + " " + doc["text"])}
    assert "资源" in tokens and "人力" in tokens
