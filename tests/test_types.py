"""The seams' types hold under the pinned mypy (pyproject.toml [tool.mypy]): the rulebook and results
(assessment/contract.py), the kinds of definition and of answers, the files and the command."""

import subprocess
import sys

from conftest import ROOT


def test_mypy_finds_nothing():
    done = subprocess.run([sys.executable, "-m", "mypy", "--no-incremental"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
