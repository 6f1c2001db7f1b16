"""Every malformed-definition fixture: the real CLI exits 1 and names the file, the line and the defect.

A fixture replaces (or adds) one file of a small valid handbook (fixtures/base). Its header says
which file (`# target:`) and which message (`# expect:`); the defect's line ends with `#!`, unless
`# line: N` says where the report belongs.
"""

import re
import shutil
from pathlib import Path

import pytest

from conftest import run_cli

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted((FIXTURES / "malformed").glob("*.yaml"))


def header(text, key):
    match = re.search(rf"^# {key}: (.*)$", text, re.M)
    return match.group(1).strip() if match else None


def make_handbook(tmp_path):
    root = tmp_path / "defs"
    shutil.copytree(FIXTURES / "base", root)
    return root


def test_the_base_handbook_is_valid(tmp_path):
    result = run_cli("validate", make_handbook(tmp_path))
    assert result.returncode == 0, result.stderr


def test_there_are_at_least_30_fixtures():
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_fixture_is_reported_at_its_line(tmp_path, case):
    text = case.read_text(encoding="utf-8")
    target, expect = header(text, "target"), header(text, "expect")
    line = header(text, "line")
    if line is None:
        line = next(i for i, ln in enumerate(text.splitlines(), 1) if ln.rstrip().endswith("#!"))
    root = make_handbook(tmp_path)
    (root / target).parent.mkdir(parents=True, exist_ok=True)
    (root / target).write_text(text, encoding="utf-8")

    result = run_cli("validate", root)

    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    lines = [ln for ln in result.stderr.splitlines() if expect in ln and f"{target}:" in ln]
    assert lines, f"expected {expect!r} in {target}:\n{result.stderr}"
    location = re.match(r"^(.*?):(\d+):(\d+): ", lines[0])
    assert location, lines[0]
    assert Path(location.group(1)).as_posix().endswith(target)
    assert int(location.group(2)) == int(line), lines[0]
    assert " — " in lines[0]  # every message carries a hint


def write_and_validate(tmp_path, name, data):
    root = make_handbook(tmp_path)
    (root / name).write_bytes(data)
    return run_cli("validate", root)


def test_gbk_file_says_so_and_how_to_resave(tmp_path):
    data = "id: agent\nname: 客服\ndepartment: service\nduties: [接听电话]\n".encode("gbk")
    result = write_and_validate(tmp_path, "roles/agent.yaml", data)
    assert result.returncode == 1
    assert re.search(r"roles/agent\.yaml:\d+:1: 文件是 GBK/GB2312 编码，不是 UTF-8 — .*UTF-8", result.stderr)


def test_binary_garbage_is_not_utf8(tmp_path):
    result = write_and_validate(tmp_path, "roles/agent.yaml", b"id: agent\nname: \xff\xfe\xfa\n")
    assert result.returncode == 1 and "roles/agent.yaml:2:1: 文件不是 UTF-8 编码" in result.stderr


def test_tab_indentation_is_located(tmp_path):
    result = write_and_validate(tmp_path, "roles/agent.yaml",
                                "id: agent\nname: 客服\ndepartment: service\nduties:\n\t- 接听电话\n".encode())
    assert "roles/agent.yaml:5:1: 行首使用了制表符（Tab）" in result.stderr


def test_empty_file(tmp_path):
    result = write_and_validate(tmp_path, "roles/agent.yaml", b"# nothing yet\n\n")
    assert "roles/agent.yaml:1:1: 文件为空" in result.stderr


def test_a_utf8_bom_is_accepted(tmp_path):
    text = (FIXTURES / "base" / "roles" / "agent.yaml").read_text(encoding="utf-8")
    result = write_and_validate(tmp_path, "roles/agent.yaml", b"\xef\xbb\xbf" + text.encode())
    assert result.returncode == 0, result.stderr


def test_all_errors_are_reported_in_one_run(tmp_path):
    root = make_handbook(tmp_path)
    for case in ("unknown_department", "bad_date"):
        text = (FIXTURES / "malformed" / f"{case}.yaml").read_text(encoding="utf-8")
        (root / header(text, "target")).write_text(text, encoding="utf-8")
    result = run_cli("validate", root)
    assert "effective_date" in result.stderr
    assert "共 1 处错误" not in result.stderr


def test_english_messages(tmp_path):
    root = make_handbook(tmp_path)
    text = (FIXTURES / "malformed" / "seed_team_lead_90_percent.yaml").read_text(encoding="utf-8")
    (root / "standards/simple.yaml").write_text(text, encoding="utf-8")
    result = run_cli("--lang", "en", "validate", root)
    assert "weights add up to 90%, not exactly 100% — adjust the weights" in result.stderr


def test_english_output_has_no_chinese_of_its_own(tmp_path):
    """Every fixture's messages in English: Chinese only inside quoted values taken from the YAML."""
    from generator.definitions.compile import build_rulebook
    from generator.definitions.diagnostics import DefinitionError

    for case in CASES:
        text = case.read_text(encoding="utf-8")
        root = make_handbook(tmp_path / case.stem)
        (root / header(text, "target")).parent.mkdir(parents=True, exist_ok=True)
        (root / header(text, "target")).write_text(text, encoding="utf-8")
        with pytest.raises(DefinitionError) as error:
            build_rulebook(root)
        for diagnostic in error.value.diagnostics:
            message = " ".join(diagnostic.message("en"))
            assert not re.search(r"[\u3000-\u9fff\uff00-\uffef]", re.sub(r"'[^']*'", "", message)), (case.name, message)
