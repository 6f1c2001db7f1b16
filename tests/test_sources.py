"""The 资料来源 page: every section of the five source documents, where it lives in the handbook or why it
was left out — kept as data (competencies/sources.yaml), checked by the validator both ways."""

import re
import shutil

import yaml

from conftest import SAMPLE, run_cli

SEEDS = yaml.safe_load((SAMPLE / "sources.yaml").read_text(encoding="utf-8"))


def visible(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", re.sub(r"<br\s*/?>|</li>", " ", html)))


def copy_of_sample(tmp_path):
    root = tmp_path / "competencies"
    shutil.copytree(SAMPLE, root)
    return root


def test_every_section_of_every_document_is_on_the_page(built_site):
    text = visible((built_site / "sources.html").read_text(encoding="utf-8"))
    sections = [s for doc in SEEDS["documents"] for s in doc["sections"]]
    assert len(sections) == 74  # the five documents, section by section (shared/seed-coverage.md)
    for doc in SEEDS["documents"]:
        assert f"{doc['id']} {doc['title']}" in text
    for section in sections:
        assert section["heading"] in text
        if section.get("note"):
            assert section["note"] in text
    assert "合计 74" in text


def test_the_left_out_say_why(built_site):
    text = visible((built_site / "sources.html").read_text(encoding="utf-8"))
    assert "第4篇 航空工程指挥类军官晋升前培训（第 95–119 行） · 不收录 离题文章：军官晋升前的培训。" in text
    assert "信息安全标准 Common Criteria" in text


def test_a_definition_page_links_to_its_sections(built_site):
    page = (built_site / "standards" / "team_lead_selection.html").read_text(encoding="utf-8")
    link = re.search(r'对照资料来源：<a href="\.\./sources\.html#(src-3-1)">002 第1篇 招聘组长晋升流程</a>', page)
    assert link
    sources = (built_site / "sources.html").read_text(encoding="utf-8")
    anchor = sources.index(f'id="{link.group(1)}"')
    assert "第1篇 招聘组长晋升流程" in visible(sources[anchor:anchor + 600])
    assert "sources.html" in (built_site / "index.html").read_text(encoding="utf-8")  # in the navigation


def test_a_copied_definition_not_in_sources_yaml_gets_a_located_note(tmp_path):
    root = copy_of_sample(tmp_path)
    original = (root / "roles" / "idcc_specialist.yaml").read_text(encoding="utf-8")
    (root / "roles" / "idcc_copy.yaml").write_text(
        original.replace("id: idcc_specialist", "id: idcc_copy").replace("name: IDCC专员", "name: IDCC专员（新）"),
        encoding="utf-8")
    done = run_cli("validate", "--dir", root)
    assert done.returncode == 0, done.stderr  # HR's build goes on
    line = next(n for n, text in enumerate(original.splitlines(), 1) if text.startswith("source:"))
    assert (f"roles/idcc_copy.yaml:{line}:1: “idcc_copy”写了来源，但 sources.yaml 中没有哪一节指向它 — "
            "在 sources.yaml 中对应的那一节加上“idcc_copy”") in done.stderr
    assert done.stderr.startswith("注意：")


def test_a_section_that_says_nowhere_where_is_located(tmp_path):
    root = copy_of_sample(tmp_path)
    path = root / "sources.yaml"
    text = path.read_text(encoding="utf-8").replace("        roles: [idcc_specialist]\n", "")
    path.write_text(text, encoding="utf-8")
    done = run_cli("validate", "--dir", root)
    lines = text.splitlines()
    heading = next(n for n, t in enumerate(lines, 1) if "国企直营店IDCC专员岗位职责" in t)
    assert done.returncode == 1
    assert f"sources.yaml:{heading + 2}:9: 这一节标为已收录或部分收录，却没有写收录在哪里" in done.stderr


def test_an_unknown_definition_and_a_missing_reason_are_located(tmp_path):
    root = copy_of_sample(tmp_path)
    path = root / "sources.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("roles: [cc_supervisor]", "roles: [cc_supervisr]")
    text = text.replace("        note: 离题文章：军官晋升前的培训。\n", "")
    path.write_text(text, encoding="utf-8")
    done = run_cli("validate", "--dir", root)
    lines = text.splitlines()
    typo = next(n for n, t in enumerate(lines, 1) if "cc_supervisr" in t)
    assert (f"sources.yaml:{typo}:" in done.stderr
            and "引用了不存在的岗位“cc_supervisr”（是否想写“cc_supervisor”？）" in done.stderr)
    military = next(n for n, t in enumerate(lines, 1) if "军官晋升前培训" in t)
    assert f"sources.yaml:{military + 2}:" in done.stderr
    assert "这一节没有完全收录，却没有写 note — 用 note 写明缺了什么，或为什么不收录" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_sample_lists_every_definitions_source(tmp_path):
    done = run_cli("validate", "--dir", SAMPLE)
    assert done.returncode == 0 and done.stderr == ""  # not even a note


def test_a_handbook_without_sources_yaml_has_no_sources_page(tmp_path):
    root = copy_of_sample(tmp_path)
    (root / "sources.yaml").unlink()
    done = run_cli("validate", "--dir", root)
    assert done.returncode == 0, done.stderr


def test_no_section_is_left_undecided():
    undecided = [s["heading"] for doc in SEEDS["documents"] for s in doc["sections"] if s["status"] == "not_yet"]
    assert undecided == []


def test_a_department_page_shows_its_work_relations_and_where_they_come_from(built_site):
    page = (built_site / "roles" / "customer_service" / "index.html").read_text(encoding="utf-8")
    text = visible(page)
    assert "工作关系" in text
    assert "直接影响对象 NDOS 项目客户；PS 零散客户；PS 中小企业会员客户；外包客户；培训咨询客户" in text
    assert "工作产出 客户满意度；客户忠诚度；收入利润；客户数量、质量" in text
    assert "主要协同部门 市场营销处；项目管理处；HR；技术中心" in text
    assert re.search(r'对照资料来源：<a href="\.\./\.\./sources\.html#src-\d+-\d+">000 CC部门职责说明</a>', page)
    sources = visible((built_site / "sources.html").read_text(encoding="utf-8"))
    assert "CC部门职责说明（第 306–307 行） · 已收录：客户服务部" in sources


def test_a_department_without_roles_is_named_on_the_sources_page_without_a_link(tmp_path):
    from generator.definitions.compile import compile_definitions
    from generator.pages.render import Renderer

    root = copy_of_sample(tmp_path)
    departments = root / "departments.yaml"
    departments.write_text(departments.read_text(encoding="utf-8") + "  - id: archive\n    name: 档案室\n"
                           "    source: 000 CC部门职责说明\n", encoding="utf-8")
    sources = root / "sources.yaml"
    sources.write_text(sources.read_text(encoding="utf-8").replace(
        "departments: [customer_service]", "departments: [customer_service, archive]"), encoding="utf-8")
    rulebook = compile_definitions(root).rulebook
    renderer = Renderer(rulebook)
    section = next(s for doc in rulebook["sources"]["documents"] for s in doc["sections"]
                   if s["heading"] == "CC部门职责说明")
    places = [str(p) for p in renderer.source_places("sources.md", section)]
    assert places == ["[客户服务部](roles/customer_service/index.md)", "档案室"]
