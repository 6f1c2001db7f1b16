"""What published frameworks say that a company handbook need not (issue 31): a role's own text per competency,
the source's silence said as such, and crosswalks to other frameworks — each validated, on its page, in the
rulebook and in the changelog, in both languages. Expected texts are written out by hand."""

import copy
import re
import shutil

import pytest

from generator.definitions.compile import build_rulebook, compile_definitions
from generator.definitions.diagnostics import DefinitionError
from generator.pages import build_pages, paths
from generator.pages.changes import compare
from test_visible_text import read

from conftest import LIBRARY


def find(rulebook, key, ident):
    return next(d for d in rulebook[key] if d["id"] == ident)


def plain(markdown):
    return re.sub(r"\\(.)", r"\1", markdown)  # undo Markdown escaping


@pytest.fixture(scope="module")
def sample_pages(rulebook):
    return build_pages(rulebook).files


@pytest.fixture(scope="module")
def library():
    return build_rulebook(LIBRARY)


@pytest.fixture(scope="module")
def library_pages(library):
    return build_pages(library).files


def problems(root, lang="zh"):
    with pytest.raises(DefinitionError) as raised:
        compile_definitions(root)
    return raised.value.format(lang, root)


@pytest.fixture
def folder(tmp_path):
    """A copy of the English example, to edit."""
    root = tmp_path / "library"
    shutil.copytree(LIBRARY, root)
    return root


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --- §2 a behaviour per role × competency ---------------------------------------------------------------------

OWN_AGENT = "在电话里解答咨询和疑难问题时，话说得简短清楚，语气、语调、音量和停顿合乎呼叫中心素质标准。"
OWN_DESK = "当面接待住户和客人时主动问候、面带微笑，用礼貌、清楚的话说明要办的事。"
GENERAL_B = "表达清晰、有条理，能根据对象调整表达方式。"


def test_a_role_page_shows_its_own_text_and_not_the_other_roles(sample_pages):
    agent = plain(sample_pages["roles/call_center/call_center_agent.md"])
    desk = plain(sample_pages["roles/front_desk/front_desk_assistant.md"])
    assert f"| [口头沟通](../../skills/oral_communication.md) | B | {OWN_AGENT} |" in agent
    assert f"| [口头沟通](../../skills/oral_communication.md) | B | {OWN_DESK} |" in desk
    assert OWN_DESK not in agent and OWN_AGENT not in desk and GENERAL_B not in agent + desk


def test_without_its_own_text_a_role_page_shows_the_levels(rulebook, sample_pages):
    adviser = plain(sample_pages[paths.role(find(rulebook, "roles", "course_adviser"))])
    assert f"| B | {GENERAL_B} |" in adviser and OWN_AGENT not in adviser


def test_the_skill_page_lists_the_roles_own_texts_below_the_levels(sample_pages):
    text = plain(sample_pages["skills/oral_communication.md"])
    assert ("## 各岗位的具体要求\n\n这些岗位写明了本岗位在所要求的等级上具体做什么；上表是各等级的通用描述。\n\n"
            "| 等级 | 岗位 | 本岗位的描述 |\n|---|---|---|\n"
            f"| B | [呼叫中心座席](../roles/call_center/call_center_agent.md) | {OWN_AGENT} |\n"
            f"| B | [前台客服助理](../roles/front_desk/front_desk_assistant.md) | {OWN_DESK} |\n") in text
    assert text.index("## 等级描述") < text.index("## 各岗位的具体要求")
    assert "各岗位的具体要求" not in sample_pages["skills/listening.md"]  # no role of it says its own


def test_the_english_example_says_it_in_english(library_pages):
    director = plain(library_pages["roles/directors_office/director.md"])
    assert ("| Capable | Reads the enquiry records each year to see what readers could not find, and plans the "
            "collection and the budget around it. |") in director
    assert "shows them how to search it on their own" not in director
    skill = plain(library_pages["skills/reference_search.md"])
    assert "## What each role does at its level\n\nThese roles say what they do at the level they require" in skill
    assert "| Level | Role | What the role does |" in skill
    assert "| Capable | [Digital Resources Librarian](../roles/digital/systems_librarian.md) | Works out why" in skill


def test_the_rulebook_carries_the_text_only_where_it_is_written(rulebook):
    agent = find(rulebook, "roles", "call_center_agent")
    said = next(c for c in agent["competencies"] if c["skill"] == "oral_communication")
    assert said == {"skill": "oral_communication", "level": "b", "description": OWN_AGENT}
    assert next(c for c in agent["competencies"] if c["skill"] == "listening") == {"skill": "listening", "level": "b"}


def test_the_changelog_words_the_roles_own_text(rulebook):
    new = copy.deepcopy(rulebook)
    find(new, "roles", "cs_representative")["competencies"][0]["description"] = "能向客户讲清楚公司的业务范围。"
    find(new, "roles", "call_center_agent")["competencies"][2].pop("description")
    said = [(c.subject, c.text) for c in compare(rulebook, new)]
    assert said == [("客服代表", "本岗位对“公司知识”的描述改为：能向客户讲清楚公司的业务范围。"),
                    ("呼叫中心座席", "本岗位对“口头沟通”的描述已删去，改为显示能力等级的通用描述")]
    english = [c.text for c in compare(rulebook, new, "en")]
    assert "The role's own text for 口头沟通 was removed; the level's general description is shown instead" in english


def test_an_entry_without_the_text_reads_the_same_absent_or_empty(rulebook):
    """An archive made before roles could say their own text has no such key; a rulebook of other tools may hold
    it empty: neither is a change."""
    old = copy.deepcopy(rulebook)
    for role in old["roles"]:
        for req in role["competencies"]:
            req.pop("description", None)
    new = copy.deepcopy(old)
    for role in new["roles"]:
        for req in role["competencies"]:
            req["description"] = None
    assert compare(old, new) == []


def test_the_roles_text_must_be_text(folder):
    edit(folder / "roles" / "director.yaml", "    description: Reads the enquiry records",
         "    description: [Reads the enquiry records]\n    x: 1\n    y: Reads")
    said = problems(folder, "en")
    assert re.search(r"roles/director.yaml:\d+:\d+: .*description.*", said), said


def test_the_built_pages_show_the_roles_own_text(library_site):
    """The real `handbook build` (mkdocs build --strict) of the English example."""
    director = read(library_site / "roles" / "directors_office" / "director.html").text
    assert "Reads the enquiry records each year to see what readers could not find" in director
    assert "Works out why a reader cannot reach an e-book" not in director
    skill = read(library_site / "skills" / "reference_search.html").text
    assert "What each role does at its level" in skill and "Works out why a reader cannot reach an e-book" in skill
