"""The format guide's complete example (docs/format.md) is a valid standard whose worked example holds."""

import re
import shutil

from conftest import ROOT, run_cli


def test_readme_standard_example_validates(tmp_path):
    text = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(# yaml-language-server.*?)```", text, re.S).group(1)
    root = tmp_path / "defs"
    shutil.copytree(ROOT / "tests" / "fixtures" / "base", root)
    (root / "standards" / "cs_rank_evaluation.yaml").write_text(block, encoding="utf-8")
    result = run_cli("validate", root)
    assert result.returncode == 0, result.stderr
