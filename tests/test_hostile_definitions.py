"""Hostile or careless definition files: the real CLI ends in a located message, within bounded time and
memory, never a traceback or a signal — and numbers or words are never silently changed.

Each case adds one file to the small valid handbook (fixtures/base). The CLI runs with an address-space
limit and a timeout, so a case that used to take minutes and gigabytes fails here instead of hanging.
"""

import json
import re
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
MEMORY_LIMIT = 1 << 30  # 1 GiB of address space for one `handbook validate`
TIME_LIMIT = 20  # seconds

ROLE = "id: hostile\nname: 测试岗位\ndepartment: service\nduties: [接听电话]\n"


def _laughs(levels=8):
    text = 'x0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i in range(1, levels + 1):
        text += f"x{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]\n"
    return text


# name → (file text, expected message fragment, expected line)
CASES = {
    "billion_laughs": (ROLE + "notes:\n" + "".join("  " + ln + "\n" for ln in _laughs().splitlines()),
                       "展开后超过", 11),
    "recursive_alias": (ROLE + "notes: &a [*a]\n", "引用了它自己", 5),
    "unknown_alias": (ROLE + "notes: *nowhere\n", "没有对应的锚点", 5),
    "deep_flow_100000": (ROLE + "notes: " + "[" * 100_000 + "\n", "嵌套超过", 5),
    "deep_flow_1000_closed": (ROLE + "notes: " + "[" * 1000 + "x" + "]" * 1000 + "\n", "嵌套超过", 5),
    "deep_block_mappings": (ROLE + "notes:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 200)),
                            "嵌套超过", 69),
    "python_tag": (ROLE + "notes: !!python/object/apply:os.system ['true']\n", "不支持的标签", 5),
    "two_documents": (ROLE + "---\n" + ROLE, "多个文档", 5),
    "number_1e30": (ROLE + "pay_grade: 1e30\n", "超出允许范围", 5),
    "number_30_digits": (ROLE + "pay_grade: 123456789012345678901234567890\n", "超出允许范围", 5),
    "number_inf": (ROLE + "pay_grade: .inf\n", "超出允许范围", 5),
    "number_nan": (ROLE + "pay_grade: .nan\n", "超出允许范围", 5),
}


def _limit():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_bounded(*args):
    exe = Path(sys.executable).with_name("handbook")
    return subprocess.run([str(exe), *map(str, args)], capture_output=True, text=True, timeout=TIME_LIMIT,
                          preexec_fn=_limit)


def handbook_with(tmp_path, relative, text):
    root = tmp_path / "defs"
    shutil.copytree(FIXTURES / "base", root)
    (root / relative).write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize("name", CASES)
def test_hostile_file_ends_in_a_located_message(tmp_path, name):
    text, expect, line = CASES[name]
    root = handbook_with(tmp_path, "roles/hostile.yaml", text)

    result = run_bounded("validate", root)

    assert result.returncode == 1, (result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stderr
    located = [ln for ln in result.stderr.splitlines() if "roles/hostile.yaml:" in ln and expect in ln]
    assert located, result.stderr
    assert re.search(rf"roles/hostile\.yaml:{line}:\d+: ", located[0]), located[0]
    assert " — " in located[0]  # and says how to fix it


def _rulebook(root):
    result = run_bounded("rulebook", "--dir", root)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_yaml_1_1_implicit_types_do_not_change_what_hr_typed(tmp_path):
    root = handbook_with(tmp_path, "roles/hostile.yaml",
                         ROLE.replace("duties: [接听电话]", "duties: [9:30 到岗, 9:30, 'yes', yes, on, 2026-02-30]")
                         + "pay_grade: 010\nsummary: 0110\n")
    role = next(r for r in _rulebook(root)["roles"] if r["id"] == "hostile")
    assert role["pay_grade"] == "010"  # YAML 1.1 read it as octal 8
    assert role["summary"] == "0110"  # and this as 72
    assert role["duties"] == ["9:30 到岗", "9:30", "yes", "yes", "on", "2026-02-30"]  # 9:30 was 570, yes was True


def test_a_leading_zero_number_is_decimal_where_a_number_is_expected(tmp_path):
    root = handbook_with(tmp_path, "roles/hostile.yaml", ROLE)
    standard = (root / "standards/simple.yaml").read_text(encoding="utf-8")
    assert "max: 90}" in standard
    (root / "standards/simple.yaml").write_text(standard.replace("max: 90}", "max: 090}"), encoding="utf-8")
    simple = next(s for s in _rulebook(root)["standards"] if s["id"] == "simple")
    maxima = [it.get("max") for sec in simple["sections"] for it in sec["items"] if "max" in it]
    assert "90" in map(str, maxima)  # not a YAML 1.1 error (9 is no octal digit) nor text


def test_the_sample_still_validates_within_limits():
    result = run_bounded("validate", Path(__file__).parent.parent / "competencies")
    assert result.returncode == 0, result.stderr


NEGATIVE_STEPS_RULE = """id: ladder
name: 阶梯
period: month
levels:
  - {id: l1, name: 一级}
  - {id: l2, name: 二级}
  - {id: l3, name: 三级}
periods:
  - {id: score, name: 月度分, kind: number, max: 100}
outcomes:
  - {id: up, when: "last(score) >= 60", outcome: promote, steps: "floor((last(score) - 70) / 10)", reason: 升}
  - {id: down, when: "true", outcome: demote, steps: "floor((last(score) - 70) / 10)", reason: 降}
"""


@pytest.mark.parametrize("score, level, expected_level", [
    (65, "l1", "l1"),  # floor((65 - 70) / 10) = floor(-0.5) = -1 → no move (the ladder's end was reached before)
    (95, "l1", "l3"),  # floor(25 / 10) = 2 → two levels up
    (50, "l2", "l2"),  # demote by floor(-20 / 10) = -2 → no move (it moved *up* before)
])
def test_a_negative_number_of_steps_moves_nobody(tmp_path, score, level, expected_level):
    root = handbook_with(tmp_path, "rules/ladder.yaml", NEGATIVE_STEPS_RULE)
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"person": {"level": level}, "periods": [{"score": score}]}), encoding="utf-8")
    result = run_bounded("score", "ladder", "--answers", answers, "--dir", root, "--json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["level"]["to"] == expected_level
    assert out["steps"] >= 0 if out["outcome"] == "promote" else out["steps"] <= 0


def test_files_and_folders_that_cannot_be_read_are_reported_not_skipped(tmp_path):
    root = handbook_with(tmp_path, "roles/upper.YAML", ROLE.replace("hostile", "upper"))
    (root / "roles" / "dangling.yaml").symlink_to(tmp_path / "nowhere.yaml")
    (root / "skills" / "loop").symlink_to(root / "skills")
    (root / "roles" / "agent2.yaml.bak").write_text(ROLE, encoding="utf-8")
    (root / "roles" / "Thumbs.db").write_bytes(b"\0")
    result = run_bounded("validate", root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert re.search(r"roles/dangling\.yaml:1:1: 不是普通文件", result.stderr), result.stderr
    assert re.search(r"skills/loop:1:1: 这是指向别处的文件夹链接", result.stderr)
    assert re.search(r"roles/agent2\.yaml\.bak:1:1: 这不是 \.yaml 文件", result.stderr)
    assert "Thumbs.db" not in result.stderr
    (root / "roles" / "dangling.yaml").unlink()
    (root / "skills" / "loop").unlink()
    (root / "roles" / "agent2.yaml.bak").unlink()
    roles = {r["id"] for r in _rulebook(root)["roles"]}
    assert "upper" in roles  # an upper-case .YAML file is read like any other


def test_an_unreadable_file_or_folder_is_a_located_error(tmp_path, monkeypatch):
    """(As root, permissions do not stop reading: the refusal is simulated where the loader reads.)"""
    from generator.definitions import load as loading
    from generator.definitions.compile import build_rulebook
    from generator.definitions.diagnostics import DefinitionError

    root = handbook_with(tmp_path, "roles/hostile.yaml", ROLE)
    real_read, real_walk = Path.read_bytes, loading.os.walk

    def refuse(path):
        if path.name == "hostile.yaml":
            raise PermissionError(13, "Permission denied", str(path))
        return real_read(path)

    def walk(top, onerror=None, **kw):
        for folder, subs, names in real_walk(top, onerror=onerror, **kw):
            if Path(folder).name == "skills":
                onerror(PermissionError(13, "Permission denied", folder))
                continue
            yield folder, subs, names

    monkeypatch.setattr(Path, "read_bytes", refuse)
    monkeypatch.setattr(loading.os, "walk", walk)
    with pytest.raises(DefinitionError) as failed:
        build_rulebook(root)
    report = failed.value.format("zh", tmp_path)
    assert re.search(r"roles/hostile\.yaml:1:1: 无法读取：Permission denied", report), report
    assert re.search(r"skills:1:1: 无法读取", report), report
