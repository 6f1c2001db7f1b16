"""`handbook import` speaks the handbook's language: the blank templates' sheet names, headings and
explanations (in the language asked for with --lang, there being no folder), every problem it finds, and the
comment at the head of each file it writes. What HR fills in is read in either language: a workbook headed in
Chinese imports into an English handbook, and one headed in English into a Chinese handbook.

The English handbook is the second example, examples/library (`language: en`); its Chinese counterpart is a
copy without that line."""

import os
import re
import shutil

import pytest
import yaml
from openpyxl import load_workbook

from conftest import LIBRARY
from test_import import HANDBOOK, ROOT, _openpyxl_book, libreoffice_xlsx

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
REFERENCE = "Reference search and enquiries"  # the library's skill, on its scale Basic / Capable / Expert


def handbook(*args, cwd, lang=None):
    """The command as HR runs it, in the folder's language unless --lang is given (HANDBOOK_LANG left unset)."""
    import subprocess

    env = {k: v for k, v in os.environ.items() if k != "HANDBOOK_LANG"} | {"PYTHONPATH": str(ROOT)}
    head = ["--lang", lang] if lang else []
    return subprocess.run([*HANDBOOK, *head, *map(str, args)], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300)


@pytest.fixture
def english(tmp_path):
    folder = tmp_path / "library"
    shutil.copytree(LIBRARY, folder, ignore=shutil.ignore_patterns("_releases"))
    return folder


@pytest.fixture
def chinese(tmp_path):
    """The library without its `language: en`: a Chinese handbook whose own words stay English."""
    folder = tmp_path / "图书馆"
    shutil.copytree(LIBRARY, folder, ignore=shutil.ignore_patterns("_releases"))
    organisation = folder / "organisation.yaml"
    text = organisation.read_text(encoding="utf-8")
    assert "\nlanguage: en\n" in text
    organisation.write_text(text.replace("\nlanguage: en\n", "\n"), encoding="utf-8")
    return folder


def english_template(kind, path):
    done = handbook("import", "--template", kind, "-o", path, cwd=path.parent, lang="en")
    assert done.returncode == 0, done.stderr
    assert not CJK.search(done.stdout), done.stdout
    return path


def words_of(path):
    """Each sheet's name, and the texts of its first two rows (the headings and the explanations)."""
    book = load_workbook(path)
    return {sheet.title: [str(v) for row in sheet.iter_rows(max_row=2, values_only=True) for v in row if v]
            for sheet in book.worksheets}


def test_the_english_templates_have_no_chinese_in_names_headings_or_explanations(tmp_path):
    for kind, sheets in (("roles", ["How to fill in", "Departments", "Roles"]),
                         ("skills", ["How to fill in", "Scales", "Skills"]),
                         ("standard", ["How to fill in", "Standards", "Items", "Bands"])):
        words = words_of(english_template(kind, tmp_path / f"{kind}.xlsx"))
        assert list(words) == sheets
        said = [text for title, texts in words.items() for text in [title, *texts] if CJK.search(text)]
        assert said == []
    roles = load_workbook(tmp_path / "roles.xlsx")["Roles"]
    assert roles["A1"].value == "Role*" and roles["H1"].value == "Duties*"
    assert roles["A2"].value.startswith("Note: ")
    guide = load_workbook(tmp_path / "roles.xlsx")["How to fill in"]
    assert all(not CJK.search(str(row[0])) for row in guide.iter_rows(values_only=True))


def test_the_english_template_filled_in_imports_into_the_english_handbook(english, tmp_path):
    book = english_template("roles", tmp_path / "roles.xlsx")
    filled = load_workbook(book)
    filled["Departments"].append(["Branch Libraries", None, "Director's Office", "The two branch libraries"])
    filled["Roles"].append(["Branch Librarian", None, "Branch Libraries", "Director", None, "L2", None,
                            "Runs a branch\nOrganises reading events", "A library degree",
                            f"{REFERENCE}: Capable", "Annual librarian review", None])
    filled.save(book)
    once = handbook("import", book, "--dir", english, cwd=tmp_path)
    assert once.returncode == 5 and "departments.yaml" in once.stdout  # a department more: only with --force
    assert "Branch Libraries (new)" in once.stdout and not CJK.search(once.stdout), once.stdout
    done = handbook("import", book, "--dir", english, "--force", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert not CJK.search(done.stdout + done.stderr), done.stdout + done.stderr
    role = yaml.safe_load((english / "roles/branch_librarian.yaml").read_text(encoding="utf-8"))
    assert role["department"] == "branch_libraries" and role["reports_to"] == "director"
    assert role["duties"] == ["Runs a branch", "Organises reading events"]
    assert role["competencies"] == [{"skill": "reference_search", "level": "capable"}]
    assert role["standards"] == ["annual_review"]
    head = (english / "roles/branch_librarian.yaml").read_text(encoding="utf-8").splitlines()[1]
    assert head.startswith("# Imported from roles.xlsx:Roles!row 3.") and not CJK.search(head)
    departments = yaml.safe_load((english / "departments.yaml").read_text(encoding="utf-8"))["departments"]
    assert {"id": "branch_libraries", "name": "Branch Libraries", "parent": "directors_office",
            "summary": "The two branch libraries"} in departments
    checked = handbook("validate", english, cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr


def test_a_workbook_headed_in_english_by_libreoffice_imports_into_the_english_handbook(english, tmp_path):
    """Headings as HR types them: with the template's *, another case, full-width brackets; the Note row and a
    merged Department cell as LibreOffice writes them; a standard's items typed number, choice and yes/no."""
    book = libreoffice_xlsx(tmp_path, "library", {
        "Roles": [["ROLE*", "department", "Reports To", "Duties（one per line）"],
                  ["Note: one role per row", None, None, None],
                  ["Night Librarian", ("merged", "Lending Services", 2), "Lending Librarian", "Closes the library"],
                  ["Weekend Librarian", "covered", "Lending Librarian", "Weekend loans\nStory time"]],
        "Items": [["Standard", "Item", "Type", "Max points", "Options and points"],
                  ["Night shift review", "Loans handled", "number", 100, None],
                  [None, "Readers' feedback", "Choice", None, "Poor: 0\nGood: 50"],
                  [None, "Locked up on time", "yes/no", 10, None]],
        "Bands": [["Standard", "Grade", "Minimum score"], ["Night shift review", "Pass", 60]]})
    done = handbook("import", book, "--dir", english, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    weekend = yaml.safe_load((english / "roles/weekend_librarian.yaml").read_text(encoding="utf-8"))
    assert weekend["department"] == "lending" and weekend["reports_to"] == "lending_librarian"
    assert weekend["duties"] == ["Weekend loans", "Story time"]
    standard = yaml.safe_load((english / "standards/night_shift_review.yaml").read_text(encoding="utf-8"))
    assert [item["kind"] for item in standard["items"]] == ["number", "choice", "boolean"]
    assert handbook("validate", english, cwd=tmp_path).returncode == 0


def test_a_workbook_headed_in_chinese_imports_into_the_english_handbook(english, tmp_path):
    book = _openpyxl_book(tmp_path / "岗位.xlsx", {
        "填写说明": [["这个工作簿由 handbook import --template 生成。"]],
        "部门": [["部门*", "上级部门"], ["说明：部门名称", None], ["Mobile Library", "Lending Services"]],
        "岗位": [["岗位*", "部门*", "直接上级", "职责*", "所需能力及等级"],
                 ["Mobile Librarian", "Mobile Library", "Lending Librarian", "Drives the book bus",
                  f"{REFERENCE}：Basic"]]})
    done = handbook("import", book, "--dir", english, "--force", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert not CJK.search(done.stdout), done.stdout  # it speaks the handbook's English
    role = yaml.safe_load((english / "roles/mobile_librarian.yaml").read_text(encoding="utf-8"))
    assert role["department"] == "mobile_library" and role["reports_to"] == "lending_librarian"
    assert role["competencies"] == [{"skill": "reference_search", "level": "basic"}]
    assert handbook("validate", english, cwd=tmp_path).returncode == 0


def test_a_workbook_headed_in_english_imports_into_the_chinese_handbook(chinese, tmp_path):
    book = english_template("roles", tmp_path / "roles.xlsx")
    filled = load_workbook(book)
    filled["Roles"].append(["Evening Librarian", None, "Lending Services", "Lending Librarian", None, None, None,
                            "Evening loans", None, f"{REFERENCE}: Expert", None, None])
    filled.save(book)
    done = handbook("import", book, "--dir", chinese, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "新建  roles/evening_librarian.yaml" in done.stdout  # the handbook's words: Chinese
    text = (chinese / "roles/evening_librarian.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[1].startswith("# 由 roles.xlsx:Roles!行3 导入。")
    assert yaml.safe_load(text)["competencies"] == [{"skill": "reference_search", "level": "expert"}]
    assert handbook("validate", chinese, cwd=tmp_path).returncode == 0


def test_the_english_handbooks_problems_are_english_and_say_where(english, tmp_path):
    book = _openpyxl_book(tmp_path / "roles.xlsx", {
        "Roles": [["Role", "Department", "Duties", "Years"], ["Porter", "Lending", "Carries the books", 3]],
        "Misc": [["jottings"]]})
    said = handbook("import", book, "--dir", english, cwd=tmp_path)
    assert said.returncode == 1
    assert "roles.xlsx:Roles!D1: the Roles sheet has no column 'Years' — a column's name must be one of " in said.stderr
    assert "roles.xlsx:Misc: unknown sheet 'Misc' — a sheet's name must be one of Departments, Roles," in said.stderr
    book = _openpyxl_book(tmp_path / "roles2.xlsx", {
        "Roles": [["Role", "Department", "Duties", "Required skills"], ["Porter", "Lending", "Carries", None],
                  ["Clerk", "Lending Services", None, None]]})
    said = handbook("import", book, "--dir", english, cwd=tmp_path)
    assert said.returncode == 1
    assert "roles2.xlsx:Roles!D1: the Roles sheet has no column 'Required skills'" in said.stderr
    book = _openpyxl_book(tmp_path / "roles3.xlsx", {
        "Roles": [["Role", "Department", "Duties"], ["Porter", "Lending", "Carries"],
                  ["Clerk", "Lending Services", None]]})
    said = handbook("import", book, "--dir", english, cwd=tmp_path)
    assert said.returncode == 1
    assert ("roles3.xlsx:Roles!B2: there is no department 'Lending' (did you mean 'Lending Services'?) — write the "
            "name of a department") in said.stderr
    assert "roles3.xlsx:Roles!row 3: 'Duties' is not filled in — write one duty per line" in said.stderr
    assert not CJK.search(said.stderr), said.stderr
    assert not (english / "roles/porter.yaml").exists()


def test_the_chinese_template_is_still_chinese_and_reads_back_in_an_english_session(tmp_path):
    """--lang zh writes the template as before; read while English is spoken, it has no rows (it is only read)."""
    book = tmp_path / "模板.xlsx"
    assert handbook("import", "--template", "skills", "-o", book, cwd=tmp_path, lang="zh").returncode == 0
    assert list(words_of(book)) == ["填写说明", "等级", "能力"]
    empty = handbook("import", book, "--dir", tmp_path / "new", cwd=tmp_path, lang="en")
    assert empty.returncode == 1 and "the workbook has no rows of data" in empty.stderr
