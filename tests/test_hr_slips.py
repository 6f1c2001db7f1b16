"""The slips an HR editor makes in a sample file — a colon typed with a Chinese input method, a deleted
quote or bracket, a line indented by one space — never give a traceback or PyYAML's English: the first
message is located in the file that was changed, in plain Chinese."""

import random
import re
import shutil

import pytest

from conftest import ROOT, run_cli
from generator.definitions.compile import build_rulebook
from generator.definitions.diagnostics import DefinitionError

FILES = sorted(p.relative_to(ROOT / "competencies") for p in (ROOT / "competencies").rglob("*.yaml")
               if not p.parts[-2].startswith("_"))
ENGLISH = re.compile(r"\b(expected|found|while|scanning|parsing|could not|mapping|token|stream)\b")


def full_width_colon(text, rng):
    keys = [m.start(1) for m in re.finditer(r"^\s*(?:-\s+)?[a-z_]+(:) ", text, re.M)]
    at = rng.choice(keys)
    return text[:at] + "：" + text[at + 1:]


def drop_one(characters):
    def mutate(text, rng):
        places = [i for i, c in enumerate(text) if c in characters and not _in_comment(text, i)]
        at = rng.choice(places)
        return text[:at] + text[at + 1:]
    mutate.__name__ = f"drop {characters!r}"
    return mutate


def indent_a_line(text, rng):
    lines = text.splitlines(keepends=True)
    candidates = [i for i, ln in enumerate(lines) if i > 2 and ln.strip() and not ln.lstrip().startswith("#")]
    i = rng.choice(candidates)
    lines[i] = " " + lines[i]
    return "".join(lines)


def _in_comment(text, i):
    line_start = text.rfind("\n", 0, i) + 1
    return "#" in text[line_start:i]


SLIPS = [full_width_colon, drop_one('"'), drop_one("{}[]"), drop_one(":"), indent_a_line]
CASES = [(path, slip, seed) for seed, (path, slip) in
         enumerate((p, s) for p in FILES for s in SLIPS)][::3]  # a third of the pairs: each slip, most files


@pytest.mark.parametrize("path, slip, seed", CASES, ids=[f"{c[0]}-{c[1].__name__}" for c in CASES])
def test_a_slip_is_told_in_chinese_at_the_changed_file(tmp_path, path, slip, seed):
    root = tmp_path / "competencies"
    shutil.copytree(ROOT / "competencies", root)
    target = root / path
    text = target.read_text(encoding="utf-8")
    try:
        changed = slip(text, random.Random(seed))
    except IndexError:
        pytest.skip("nothing of that kind in this file")
    target.write_text(changed, encoding="utf-8")
    try:
        build_rulebook(root)
    except DefinitionError as error:
        first = error.diagnostics[0]
        assert first.file == target, error.format("zh", root)
        assert first.line >= 1 and first.col >= 1
        for diagnostic in error.diagnostics:
            text, hint = diagnostic.message("zh")
            assert not ENGLISH.search(text + hint), diagnostic.format("zh", root)


def test_the_issue_cases_through_the_command(tmp_path):
    root = tmp_path / "competencies"
    shutil.copytree(ROOT / "competencies", root)
    role = root / "roles" / "cs_lead.yaml"
    role.write_text(role.read_text(encoding="utf-8").replace("pay_grade: ", "pay_grade： "), encoding="utf-8")
    standard = root / "standards" / "cs_rank_evaluation.yaml"
    lines = standard.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[12] = lines[12].replace('纠纷"}', "纠纷}")  # line 13 loses its closing quote
    standard.write_text("".join(lines), encoding="utf-8")
    done = run_cli("validate", root)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    messages = done.stderr.splitlines()
    pay_line = next(n for n, ln in enumerate(role.read_text(encoding="utf-8").splitlines(), 1) if "pay_grade" in ln)
    assert f"roles/cs_lead.yaml:{pay_line}:10: 这里用了全角冒号“：”" in messages[0]
    assert "standards/cs_rank_evaluation.yaml:13:" in messages[1] and "引号没有闭合" in messages[1]
    assert messages[2] == "共 2 处错误。"  # no "引用了不存在的标准" cascading into other files
    english = run_cli("validate", root, "--lang", "en").stderr
    assert "full-width" in english and not re.search(r"[\u4e00-\u9fff]", english.replace("：", ""))


def test_a_copy_that_kept_its_name_is_noted_at_both(tmp_path):
    root = tmp_path / "competencies"
    shutil.copytree(ROOT / "competencies", root)
    original = (root / "roles" / "cs_lead.yaml").read_text(encoding="utf-8")
    (root / "roles" / "cs_lead_copy.yaml").write_text(original.replace("id: cs_lead", "id: cs_lead_copy"),
                                                      encoding="utf-8")
    done = run_cli("validate", root)
    assert done.returncode == 0  # a note, not an error: two roles may really share a name
    notes = [ln for ln in done.stderr.splitlines() if "另一个岗位也叫“客户服务主管”" in ln]
    assert any("cs_lead_copy.yaml:3:" in n and "(cs_lead.yaml:3)" in n for n in notes)
    assert any("/cs_lead.yaml:3:" in n and "(cs_lead_copy.yaml:3)" in n for n in notes)
