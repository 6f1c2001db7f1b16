"""The generator core: rulebook → Markdown pages (no MkDocs involved)."""

import json
import posixpath
import re
import subprocess
import sys

import pytest

import assessment
from generator.pages import build_pages, paths

from conftest import ROOT


@pytest.fixture(scope="module")
def pages(rulebook):
    return build_pages(rulebook).files


def test_core_does_not_import_mkdocs():
    code = ("import sys, generator.pages, generator.pages.search_terms; "
            "print(any(m.startswith('mkdocs') for m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr


def test_every_role_has_a_page_with_its_numbered_duties(rulebook, pages):
    for role in rulebook["roles"]:
        text = pages[paths.role(role)]
        assert f"\n# {role['name']}\n" in text
        for number, duty in enumerate(role["duties"], 1):
            plain = re.sub(r"\\(.)", r"\1", text)  # undo Markdown escaping
            assert f"{number}. {duty}" in plain


def test_role_page_links_manager_and_direct_reports(rulebook, pages):
    text = pages["roles/call_center/call_center_supervisor.md"]
    assert "[客户服务部经理](../customer_service/cs_manager.md)" in text
    assert "[呼叫中心座席](call_center_agent.md)" in text and "[班长坐席](shift_lead_agent.md)" in text


def test_every_markdown_link_resolves(pages):
    content = {p.relative_to(ROOT / "content").as_posix() for p in (ROOT / "content").rglob("*.md")}
    known = set(pages) | content
    for here, text in pages.items():
        for target in re.findall(r"\]\(([^)#]+\.md)(?:#[^)]*)?\)", text):
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(here), target))
            assert resolved in known, f"{here} links to missing {target}"


def test_standard_pages_show_engine_results_for_every_example(rulebook, pages):
    for std in rulebook["standards"]:
        text = pages[paths.standard(std)]
        for example in std["examples"]:
            result = assessment.score(std, example["answers"])
            assert f"**总分 {result['total']}**" in text
            if result["grade"]:
                assert f"职级：**{result['grade']['name']}**" in text


def test_rule_pages_show_engine_outcomes_and_the_ladder(rulebook, pages):
    for rule in rulebook["rules"]:
        text = pages[paths.rule(rule)]
        for example in rule["examples"]:
            result = assessment.evaluate_rule(rule, example["answers"])
            assert f"结果：**{result['outcome_name']}**" in text
        if rule["levels"]:
            assert '<svg class="hb-ladder"' in text
            for level in rule["levels"]:
                assert level["name"] in text


def test_standard_page_shows_bands_prerequisites_and_notes(pages):
    text = pages["standards/cs_grading.md"]
    assert "| 助理三级 | 81 至 86 之前 | 需要本科及以上学历" in text
    assert "小计 × 0.75" in text
    assert "不采用任何身高、长相、性别或年龄标准" in text


def test_competency_page_matrix_names_the_roles_requiring_each_level(pages):
    text = pages["skills/coordination.md"]
    assert "| A |" in text and "[客户服务中心主管" in text


def test_org_chart_is_inline_svg_with_a_box_per_role(rulebook, pages):
    text = pages["org.md"]
    assert text.count('class="hb-box"') == len(rulebook["roles"])
    assert "<script" not in text


def test_hostile_yaml_text_is_escaped(rulebook):
    hostile = json.loads(json.dumps(rulebook))
    role = hostile["roles"][0]
    role["duties"] = ["<script>alert(1)</script>", '<img src=x onerror="alert(2)">', "[点我](javascript:alert(3))"]
    role["name"] = "<b>经理</b>"
    text = build_pages(hostile).files[paths.role(role)]
    assert "<script>" not in text and "<img" not in text and "<b>" not in text
    assert "&lt;script&gt;alert\\(1\\)&lt;/script&gt;" in text
    assert "\\[点我\\]\\(javascript:alert\\(3\\)\\)" in text


def _nav_pages(entries):
    for entry in entries:
        if isinstance(entry, dict):
            for value in entry.values():
                yield from _nav_pages(value if isinstance(value, list) else [value])
        else:
            yield entry


def test_navigation_follows_the_department_tree(rulebook):
    roles_nav = build_pages(rulebook).nav[0]["岗位"]
    office = next(e["总经办"] for e in roles_nav if isinstance(e, dict))
    service = next(e["客户服务部"] for e in office if isinstance(e, dict) and "客户服务部" in e)
    assert service[0] == "roles/customer_service/index.md"
    # by reporting line, not by id: 呼叫中心主管 → 班长坐席 → 呼叫中心座席
    assert {"呼叫中心": ["roles/call_center/index.md", "roles/call_center/call_center_supervisor.md",
                     "roles/call_center/shift_lead_agent.md", "roles/call_center/call_center_agent.md"]} in service
    assert sorted(_nav_pages(roles_nav)) == sorted(
        ["roles/index.md"] + [paths.role(r) for r in rulebook["roles"]]
        + [paths.department(d) for d in rulebook["departments"]
           if any(r["department"] == d["id"] for r in rulebook["roles"])])


def test_department_page_lists_its_sub_departments(pages):
    text = pages["roles/general_office/index.md"]
    assert "## 下级部门" in text and "[客户服务部](../customer_service/index.md)" in text


def test_skills_are_grouped_and_long_lists_come_in_runs_of_25(rulebook):
    skills_nav = build_pages(rulebook).nav[1]["能力"]
    # by pinyin of the names: 电话服务素质 dian, 口头沟通 kou, 倾听 qing, 书面沟通 shu, 组织协调能力 zu
    assert {"沟通能力": ["skills/phone_manner.md", "skills/oral_communication.md", "skills/listening.md",
                     "skills/written_communication.md", "skills/coordination.md"]} in skills_nav
    copies = [dict(rulebook["standards"][0], id=f"s{i}") for i in range(60 - len(rulebook["standards"]))]
    standards_nav = build_pages(dict(rulebook, standards=rulebook["standards"] + copies)).nav[2]["定级与考核标准"]
    assert standards_nav[0] == "standards/index.md"
    assert [list(run) for run in standards_nav[1:]] == [["第 1–25 项"], ["第 26–50 项"], ["第 51–60 项"]]
    assert standards_nav[3]["第 51–60 项"] == [f"standards/{c['id']}.md" for c in copies[-10:]]


def test_text_from_yaml_is_escaped_for_html_and_markdown():
    from generator.pages.escape import Raw, text

    # an apostrophe stays itself: its entity with an escaped "#" showed as "&#x27;" on the page
    assert text('<a href="x">_*[1](y)#\'&\nz') == "&lt;a href=&quot;x&quot;&gt;\\_\\*\\[1\\]\\(y\\)\\#'&amp; z"
    assert text(Raw("<svg>")) == "<svg>" and text(None) == ""
