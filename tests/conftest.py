import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "competencies"


@pytest.fixture(scope="session")
def rulebook():
    from generator.definitions.compile import build_rulebook

    return build_rulebook(SAMPLE)


@pytest.fixture(scope="session")
def standard(rulebook):
    index = {s["id"]: s for s in rulebook["standards"]}
    return index.__getitem__


@pytest.fixture(scope="session")
def rule(rulebook):
    index = {r["id"]: r for r in rulebook["rules"]}
    return index.__getitem__


def run_cli(*args, cwd=ROOT):
    """Run the real `handbook` console script; returns CompletedProcess with text output."""
    exe = Path(sys.executable).with_name("handbook")
    return subprocess.run([str(exe), *map(str, args)], cwd=cwd, capture_output=True, text=True)


def as_json(result):
    return json.loads(json.dumps(result))
