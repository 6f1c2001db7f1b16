"""`handbook import`: HR's own workbook, as LibreOffice writes it, becomes a handbook folder that validates and
builds; every problem is named at its cell and nothing is written; existing files change only with --force."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
import yaml
from openpyxl import Workbook, load_workbook

from generator.importing.convert import pinyin_id

ROOT = Path(__file__).resolve().parent.parent
HANDBOOK = [sys.executable, "-m", "generator.cli"]


def handbook(*args, cwd):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([*HANDBOOK, *map(str, args)], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


# --- a workbook written by LibreOffice (flat ODS → .xlsx with headless soffice) ---------------------------------

def _cell(value, rows=1):
    if value is None:
        return "<table:table-cell/>"
    span = f' table:number-rows-spanned="{rows}" table:number-columns-spanned="1"' if rows > 1 else ""
    if isinstance(value, int):
        return (f'<table:table-cell office:value-type="float" office:value="{value}"{span}>'
                f'<text:p>{value}</text:p></table:table-cell>')
    paragraphs = "".join(f"<text:p>{escape(line)}</text:p>" for line in value.split("\n"))
    return f'<table:table-cell office:value-type="string"{span}>{paragraphs}</table:table-cell>'


def _fods(sheets):
    """A flat OpenDocument spreadsheet: {sheet: [[value | None | ("merged", value, rows)] …]}; a cell covered by a
    merge above is written as "covered"."""
    tables = []
    for title, lines in sheets.items():
        rows = []
        for line in lines:
            cells = []
            for value in line:
                if value == "covered":
                    cells.append("<table:covered-table-cell/>")
                elif isinstance(value, tuple):
                    cells.append(_cell(value[1], value[2]))
                else:
                    cells.append(_cell(value))
            rows.append(f"<table:table-row>{''.join(cells)}</table:table-row>")
        tables.append(f'<table:table table:name="{escape(title)}">{"".join(rows)}</table:table>')
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3" '
            'office:mimetype="application/vnd.oasis.opendocument.spreadsheet">'
            f'<office:body><office:spreadsheet>{"".join(tables)}</office:spreadsheet></office:body></office:document>')


def libreoffice_xlsx(tmp_path, name, sheets):
    soffice = shutil.which("soffice")
    if not soffice:
        pytest.skip("LibreOffice (soffice) is not installed: .ci/run installs libreoffice-calc-nogui")
    source = tmp_path / f"{name}.fods"
    source.write_text(_fods(sheets), encoding="utf-8")
    profile = tmp_path / "lo-profile"  # its own profile: never locked by another soffice
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "xlsx",
                    "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=240)
    book = tmp_path / f"{name}.xlsx"
    assert book.is_file()
    return book


DEPARTMENTS = [["部门", "上级部门", "简介"],
               ["运营中心", None, "负责全部线上店铺的运营"],
               ["售后服务部", "运营中心", "处理退换货与投诉"]]
ROLES = [["岗位", "部门", "直接上级", "职级", "职责", "所需能力及等级"],
         ["售后主管", ("merged", "售后服务部", 2), None, "M1", "排班与质检\n处理升级投诉", None],
         ["售后客服专员", "covered", "售后主管", 2, "回复买家咨询\n办理退换货", "倾听：B"],
         [None, None, None, None, None, None],
         [None, None, None, None, None, None],
         ["夜班客服", "售后服务部", "售后主管", None, "夜间在线接待", None]]  # after empty rows: still read
SKILLS = [["能力", "类别", "等级体系", "各级描述"],
          ["倾听", "沟通", "ABC", "C：能复述买家的问题\nB：能听出买家真正要什么\nA：能带新人练习倾听"]]
SCALES = [["等级体系", "各等级"], ["ABC", "C\nB\nA"]]


@pytest.fixture(scope="module")
def lo_book(tmp_path_factory):
    where = tmp_path_factory.mktemp("lo")
    return libreoffice_xlsx(where, "我们的岗位", {"部门": DEPARTMENTS, "岗位": ROLES, "等级": SCALES, "能力": SKILLS})


def test_a_libreoffice_workbook_becomes_a_folder_that_validates_and_builds(lo_book, tmp_path):
    folder = tmp_path / "网店客服手册"
    done = handbook("import", lo_book, "--dir", folder, "--name", "星河网店", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    # ids from pinyin, by hand: 售后主管 → shou hou zhu guan
    role = yaml.safe_load((folder / "roles/shou_hou_ke_fu_zhuan_yuan.yaml").read_text(encoding="utf-8"))
    assert role["department"] == "shou_hou_fu_wu_bu"  # the merged cell counts for the row it covers
    assert role["reports_to"] == "shou_hou_zhu_guan"
    assert role["pay_grade"] == "2"
    assert role["duties"] == ["回复买家咨询", "办理退换货"]
    assert role["competencies"] == [{"skill": "qing_ting", "level": "b"}]
    assert (folder / "roles/ye_ban_ke_fu.yaml").is_file()  # below two empty rows
    departments = yaml.safe_load((folder / "departments.yaml").read_text(encoding="utf-8"))["departments"]
    assert [d["name"] for d in departments] == ["运营中心", "售后服务部"]
    assert departments[1]["parent"] == "yun_ying_zhong_xin"
    assert (folder / "_schema/role.schema.json").is_file() and (folder / "README.md").is_file()
    assert "星河网店" in (folder / "organisation.yaml").read_text(encoding="utf-8")

    checked = handbook("validate", folder, cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    built = handbook("build", "--dir", folder, "--site-dir", tmp_path / "网站", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    [page] = [p.read_text(encoding="utf-8") for p in (tmp_path / "网站/roles").rglob("shou_hou_ke_fu_zhuan_yuan.html")]
    assert "办理退换货" in page and "售后服务部" in page and "星河网店" in page


def test_every_problem_is_named_at_its_cell_and_nothing_is_written(tmp_path):
    book = libreoffice_xlsx(tmp_path, "岗位", {
        "部门": [["部门"], ["售后客服部"]],
        "岗位": [["岗位", "部门", "直接上级", "职责", "工龄"],
                 ["组长", "售后客服部", "主管", "排班", None]],
        "杂项": [["随手记"]]})
    problems = handbook("import", book, "--dir", tmp_path / "新手册", cwd=tmp_path)
    assert problems.returncode == 1
    assert "岗位.xlsx:岗位!E1: “岗位”表没有“工龄”这一列" in problems.stderr
    assert "岗位.xlsx:杂项: 不认识工作表“杂项”" in problems.stderr
    assert "未写入任何文件" in problems.stderr and "Traceback" not in problems.stderr
    assert not (tmp_path / "新手册").exists()

    book = libreoffice_xlsx(tmp_path, "岗位2", {
        "部门": [["部门"], ["售后客服部"]],
        "岗位": [["岗位", "部门", "直接上级", "职责", "所需能力及等级"],
                 ["组长", "售后客服部", "主管", "排班", None],
                 ["主管", "售后客服部", "组长", "管理", None],
                 ["专员", "售后部", None, "接听", None],
                 ["专员", "售后客服部", None, "接听", None],
                 ["质检员", "售后客服部", None, None, "倾听：B"]]})
    problems = handbook("import", book, "--dir", tmp_path / "新手册", cwd=tmp_path)
    said = problems.stderr
    assert problems.returncode == 1
    assert "岗位2.xlsx:岗位!B4: 部门“售后部”不存在（是否想写“售后客服部”？）" in said
    assert "岗位2.xlsx:岗位!A5: 岗位“专员”已在第 4 行写过" in said
    assert "直接上级绕成了一个圈：组长 → 主管 → 组长" in said
    assert "岗位2.xlsx:岗位!行6: “职责”没有填写" in said
    assert "岗位2.xlsx:岗位!E6: 能力“倾听”不存在" in said
    assert not (tmp_path / "新手册").exists()


def _openpyxl_book(path, sheets):
    book = Workbook()
    book.remove(book.active)
    for title, lines in sheets.items():
        sheet = book.create_sheet(title)
        for line in lines:
            sheet.append(line)
    book.save(path)
    return path


def test_names_resolve_to_what_the_folder_has_and_files_change_only_with_force(tmp_path):
    folder = tmp_path / "handbook"
    shutil.copytree(ROOT / "competencies", folder)
    sample_role = folder / "roles/cs_representative.yaml"
    before = yaml.safe_load(sample_role.read_text(encoding="utf-8"))
    original = sample_role.read_bytes()
    book = _openpyxl_book(tmp_path / "roles.xlsx", {"岗位": [
        ["岗位", "部门", "直接上级", "职责", "所需能力及等级"],
        ["晚班客服代表", "客户服务部", before["name"], "晚间接听来电", "倾听：B"],
        [before["name"], None, None, "接听客户来电\n记录工单", None]]})
    once = handbook("import", book, "--dir", folder, cwd=tmp_path)
    assert once.returncode == 5, once.stderr
    assert "改写  roles/cs_representative.yaml  （需要 --force）：duties" in once.stdout
    assert "新建  roles/wan_ban_ke_fu_dai_biao.yaml" in once.stdout
    assert sample_role.read_bytes() == original and not (folder / "roles/wan_ban_ke_fu_dai_biao.yaml").exists()

    forced = handbook("import", book, "--dir", folder, "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    new = yaml.safe_load((folder / "roles/wan_ban_ke_fu_dai_biao.yaml").read_text(encoding="utf-8"))
    assert new["department"] == "customer_service" and new["reports_to"] == "cs_representative"
    assert new["competencies"] == [{"skill": "listening", "level": "b"}]
    after = yaml.safe_load(sample_role.read_text(encoding="utf-8"))
    assert after["duties"] == ["接听客户来电", "记录工单"]
    # cells left empty keep
    assert after["aliases"] == before["aliases"] and after["department"] == before["department"]
    assert handbook("validate", folder, cwd=tmp_path).returncode == 0


def test_a_folder_that_is_not_a_handbook_and_an_empty_workbook_are_refused(tmp_path):
    template = tmp_path / "岗位.xlsx"
    assert handbook("import", "--template", "roles", "-o", template, cwd=tmp_path).returncode == 0
    sheets = load_workbook(template).sheetnames
    assert sheets == ["填写说明", "部门", "岗位"]
    assert load_workbook(template)["岗位"]["H1"].value == "职责*"
    empty = handbook("import", template, "--dir", tmp_path / "x", cwd=tmp_path)
    assert empty.returncode == 1 and "表格中没有任何数据行" in empty.stderr
    again = handbook("import", "--template", "roles", "-o", template, cwd=tmp_path)
    assert again.returncode == 5 and "已存在" in again.stderr

    (tmp_path / "文档").mkdir()
    (tmp_path / "文档/随笔.txt").write_text("x", encoding="utf-8")
    book = _openpyxl_book(tmp_path / "b.xlsx", {"部门": [["部门"], ["综合部"]]})
    refused = handbook("import", book, "--dir", tmp_path / "文档", cwd=tmp_path)
    assert refused.returncode == 1 and "不是手册文件夹（没有 organisation.yaml）" in refused.stderr
    assert sorted(p.name for p in (tmp_path / "文档").iterdir()) == ["随笔.txt"]


def test_csv_is_read_by_its_name_and_a_gbk_csv_is_told_how_to_resave(tmp_path):
    (tmp_path / "部门.csv").write_text("部门,简介\n客服部,接待客户\n", encoding="utf-8-sig")
    done = handbook("import", tmp_path / "部门.csv", "--dir", tmp_path / "h", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "ke_fu_bu" in (tmp_path / "h/departments.yaml").read_text(encoding="utf-8")
    (tmp_path / "岗位.csv").write_bytes("岗位,部门,职责\n专员,客服部,接待\n".encode("gbk"))
    gbk = handbook("import", tmp_path / "岗位.csv", "--dir", tmp_path / "h", cwd=tmp_path)
    assert gbk.returncode == 1 and "岗位.csv: 不是 UTF-8 编码" in gbk.stderr and "CSV UTF-8" in gbk.stderr


def test_ids_are_the_pinyin_of_names():
    assert pinyin_id("客服专员", "role") == "ke_fu_zhuan_yuan"
    assert pinyin_id("客服 P1 组", "role") == "ke_fu_p1_zu"
    assert pinyin_id("3号线", "role") == "role_3_hao_xian"
    assert pinyin_id("★", "role") == "role"


ITEMS = [["标准", "部分", "项目", "类型", "满分", "权重", "选项与分值"],
         [("merged", "夜班月度考核", 3), "业绩", "接通量", None, 200, "50%", None],
         ["covered", None, "满意度", "选项", None, "30%", "不满意：0\n一般：60\n满意：100"],
         ["covered", "行为", "按时交班", "是否", 10, "20%", None]]
BANDS = [["标准", "等级", "最低分"], ["夜班月度考核", "合格", 60], [None, "优秀", 85]]


def test_a_standard_from_libreoffice_scores_as_computed_by_hand(tmp_path):
    book = libreoffice_xlsx(tmp_path, "标准", {"项目": ITEMS, "分数段": BANDS, "部门": [["部门"], ["夜班组"]], "岗位": [
        ["岗位", "部门", "职责", "考核标准"], ["夜班客服", "夜班组", "夜间接待", "夜班月度考核"]]})
    folder = tmp_path / "h"
    done = handbook("import", book, "--dir", folder, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    standard = yaml.safe_load((folder / "standards/ye_ban_yue_du_kao_he.yaml").read_text(encoding="utf-8"))
    assert [s["name"] for s in standard["sections"]] == ["业绩", "行为"]  # 部分 left empty counts as the row above
    assert [i["name"] for i in standard["sections"][0]["items"]] == ["接通量", "满意度"]
    role = yaml.safe_load((folder / "roles/ye_ban_ke_fu.yaml").read_text(encoding="utf-8"))
    assert role["standards"] == ["ye_ban_yue_du_kao_he"]
    answers = tmp_path / "a.yaml"
    answers.write_text("jie_tong_liang: 150\nman_yi_du: yi_ban\nan_shi_jiao_ban: true\n", encoding="utf-8")
    scored = handbook("score", "ye_ban_yue_du_kao_he", "--answers", answers, "--dir", folder, "--json", cwd=tmp_path)
    assert scored.returncode == 0, scored.stderr
    result = json.loads(scored.stdout)
    # by hand: 150/200 × 50 + 60/100 × 30 + 10/10 × 20 = 37.5 + 18 + 20 = 75.5 → 合格 (60 ≤ 75.5 < 85)
    assert result["total"] == "75.5" and result["grade"]["id"] == "he_ge"


def test_weights_that_do_not_add_up_are_said_at_the_standards_row(tmp_path):
    book = _openpyxl_book(tmp_path / "s.xlsx", {"项目": [
        ["标准", "项目", "满分", "权重"], ["季度考核", "质量", 100, 60],
        [None, "效率", 100, "三十"], [None, "考勤", 100, 30]]})
    said = handbook("import", book, "--dir", tmp_path / "h", cwd=tmp_path)
    assert said.returncode == 1 and "s.xlsx:项目!D3: “权重”“三十”不是数字" in said.stderr
    book = _openpyxl_book(tmp_path / "t.xlsx", {"项目": [
        ["标准", "项目", "满分", "权重"], ["季度考核", "质量", 100, 60], [None, "考勤", 100, 30]]})
    said = handbook("import", book, "--dir", tmp_path / "h", cwd=tmp_path)
    assert said.returncode == 1 and "t.xlsx:项目!行2: 权重合计为 90%，应恰好为 100%" in said.stderr
    assert not (tmp_path / "h").exists()
