"""What an edit touches. A duty of one role is on that role's page and on the 版本变更 page, nowhere else: every
self-assessment page, its engine files and the answers people saved stay as they were (the answers hash is the
definition's own). This is what lets the preview rebuild only what changed."""

import shutil

import pytest

from generator.site.assets import site_assets
from generator.definitions import releases
from generator.definitions.compile import compile_definitions
from assessment.fingerprint import answers_hash, excerpt
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
    moved = {d["id"] for d in after["standards"] + after["rules"]
             if answers_hash(after, d["id"]) != answers_hash(before, d["id"])}
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


def _mutated(value):
    """The same kind of value, different: text gets a word, a list an entry, a mapping's lists an entry."""
    if isinstance(value, str):
        return value + "（已修改）"
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value + ["新增一条"]
    if isinstance(value, dict) and all(isinstance(v, list) for v in value.values()):
        return {k: v + ["新增"] for k, v in value.items()}
    return None


def test_an_own_field_changes_its_own_pages_only_and_the_preview_renders_exactly_those():
    """Every field in OWN_FIELDS, edited on sample definitions: a full render changes no page outside the
    definition's own and 版本变更, and the preview's render (the last pages, only those rendered again) is
    the full render, page for page."""
    import copy

    from generator.pages.incremental import ALWAYS, OWN_FIELDS, OWN_PAGES, pages_changed

    compiled = compile_definitions(ROOT / "competencies")
    base = compiled.rulebook
    engine = site_assets(base, ROOT, {}).engine
    history = releases.history(base, compiled.releases)

    def render(rulebook, **previous):
        return build_pages(rulebook, True, compiled.example_results, engine, history[:-1] + [rulebook],
                           **previous).files

    before = render(base)
    edits = 0
    for key, fields in OWN_FIELDS.items():
        for field in sorted(fields):
            for index, definition in enumerate(base[key]):
                new = _mutated(definition.get(field))
                if new is None:
                    continue
                after = copy.deepcopy(base)
                after[key][index][field] = new
                full = render(after)
                changed = {path for path in full if full[path] != before[path]}
                assert changed and changed <= OWN_PAGES[key](definition) | ALWAYS, (key, field, changed)
                only = pages_changed(base, after)
                assert only is not None and changed <= only
                assert render(after, reuse=before, only=only) == full
                edits += 1
                break  # one definition of each kind per field: the templates treat them all alike
    assert edits >= 15, edits


def test_a_name_or_a_reference_edit_renders_everything():
    import copy

    from generator.pages.incremental import pages_changed

    base = compile_definitions(ROOT / "competencies").rulebook
    for key, field, value in (("roles", "name", "新名称"), ("roles", "summary", "新的概述"),
                              ("roles", "department", "rnd"), ("standards", "name", "新标准"),
                              ("skills", "name", "新能力")):
        after = copy.deepcopy(base)
        after[key][0][field] = value
        assert pages_changed(base, after) is None, (key, field)
    after = copy.deepcopy(base)
    after["roles"].pop()
    assert pages_changed(base, after) is None
    assert pages_changed(base, copy.deepcopy(base)) == set()


@pytest.mark.parametrize("old, new, rendered", [
    # a duty: its role page and 版本变更 are rendered again, nothing else
    ("及时登记和更新客户信息。", "及时登记和更新客户信息，当天完成。",
     {"roles/call_center/call_center_agent.html", "changes.html", "404.html"}),
    # a name: the pages naming it change, and every page's navigation shows the new title: all are rendered
    ("name: 呼叫中心座席", "name: 呼叫中心坐席员", None),
])
def test_a_preview_rebuild_writes_the_site_a_full_build_writes(tmp_path, old, new, rendered):
    """`make serve` (mkdocs serve --dirty): after an edit, the folder served is the one a full build makes —
    every page, the search index, the sitemap — though only the changed pages were rendered again."""
    import filecmp
    import json
    import os
    import subprocess
    import sys

    from test_site_build import copy_project

    from generator.site.mkdocs_plugin import SERVE_ONLY

    project = copy_project(tmp_path)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT))
    agent = project / "competencies" / "roles" / "call_center_agent.yaml"
    _edit(agent, DUTY, "及时登记和更新客户信息。")  # the first edit after a release moves every "since the release" box
    done = subprocess.run([sys.executable, "-m", "bench.preview", "mkdocs.yml", str(tmp_path / "served"), str(agent),
                           old, new], cwd=project, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    written = set(json.loads(done.stdout.splitlines()[-1])["pages_written"])
    assert written == rendered if rendered else len(written) > 100
    # not -q: MkDocs' --quiet hides the warnings that --strict counts, and the build passes with them
    full = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "full")],
                          cwd=project, env=env, capture_output=True, text=True)
    assert full.returncode == 0, full.stderr[-3000:]

    def differences(comparison, here=""):
        found = [f"{here}{name}" for name in comparison.diff_files + comparison.left_only + comparison.right_only]
        for name, sub in comparison.subdirs.items():
            found += differences(sub, f"{here}{name}/")
        return found

    assert sorted(differences(filecmp.dircmp(tmp_path / "served", tmp_path / "full"))) == sorted(SERVE_ONLY)
