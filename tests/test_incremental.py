"""What an edit touches. A duty of one role is on that role's page and on the 版本变更 page, nowhere else: every
self-assessment page, its engine files and the answers people saved stay as they were (the answers hash is the
definition's own). This is what lets the preview rebuild only what changed."""

import shutil

from generator.assets import site_assets
from generator.definitions import releases
from generator.definitions.compile import answers_hash, compile_definitions, excerpt
from generator.pages import build_pages

from conftest import ROOT

DUTY = "及时进行客户信息登记和更新。"


def _pages(definitions):
    compiled = compile_definitions(definitions)
    rulebook = compiled.rulebook
    return rulebook, build_pages(rulebook, True, compiled.example_results, site_assets(rulebook, ROOT, {}).engine,
                                 releases.history(rulebook, compiled.releases)).files


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_duty_edit_changes_its_role_page_and_the_changes_page_only(tmp_path):
    definitions = tmp_path / "competencies"
    shutil.copytree(ROOT / "competencies", definitions)
    agent = definitions / "roles" / "call_center_agent.yaml"
    # the first edit after a release also moves each page's "changed since the last release" box off that
    # release's own changes; the edits after it are the everyday case
    _edit(agent, DUTY, "及时登记和更新客户信息。")
    before, pages_before = _pages(definitions)
    _edit(agent, "及时登记和更新客户信息。", "及时登记和更新客户信息，当天完成。")
    after, pages_after = _pages(definitions)

    assert before["hash"] != after["hash"]
    changed = {path for path in pages_after if pages_after[path] != pages_before.get(path)}
    assert changed == {"roles/call_center/call_center_agent.md", "changes.md"}
    for definition in after["standards"] + after["rules"]:
        assert excerpt(after, definition["id"]) == excerpt(before, definition["id"])


def test_a_standard_edit_changes_that_standards_answers_hash_only(tmp_path):
    definitions = tmp_path / "competencies"
    shutil.copytree(ROOT / "competencies", definitions)
    before = compile_definitions(definitions).rulebook
    _edit(definitions / "standards" / "cs_kpi_monthly.yaml", "name: 客户满意度,", "name: 客户满意程度,")
    after = compile_definitions(definitions).rulebook
    moved = {d["id"] for d in after["standards"] + after["rules"] if answers_hash(after, d["id"]) != answers_hash(before, d["id"])}
    assert moved == {"cs_kpi_monthly"}


def test_the_search_dictionary_is_the_same_on_every_build_of_a_process(tmp_path):
    """jieba's dictionary is one per process: under `serve` the search plugin had loaded the last build's words
    (frequency 0), and the next dictionary came out nearly empty — every edit then looked like a new dictionary."""
    import jieba

    from generator.pages import search_terms

    rulebook = compile_definitions(ROOT / "competencies").rulebook
    first = search_terms.user_dictionary(rulebook)
    assert first.count("\n") > 100
    (tmp_path / "dict.txt").write_text(first, encoding="utf-8")
    jieba.load_userdict(str(tmp_path / "dict.txt"))  # as Material's search plugin does in each build
    assert search_terms.user_dictionary(rulebook) == first
