"""The engine imports nothing outside the standard library, on every CPython found here (3.11+)."""

import ast
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

ENGINE = ROOT / "assessment"

PROBE = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
before = set(sys.modules)
import assessment
rulebook = json.load(open(sys.argv[2], encoding="utf-8"))
checked = 0
for definition in rulebook["standards"] + rulebook["rules"]:
    for example in definition["examples"]:
        assessment.run(rulebook, definition["id"], example["answers"])
        checked += 1
loaded = {name.split(".")[0] for name in set(sys.modules) - before}
foreign = sorted(n for n in loaded if n not in sys.stdlib_module_names and n != "assessment")
print(json.dumps({"foreign": foreign, "checked": checked, "version": sys.version_info[:2]}))
"""


def test_source_imports_only_stdlib_or_itself():
    for path in ENGINE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:  # relative: inside the engine
                    continue
                names = [node.module]
            else:
                continue
            for name in names:
                assert name.split(".")[0] in sys.stdlib_module_names, f"{path.name} imports {name}"


def _interpreters():
    """This Python plus every other CPython 3.11–3.14 on the machine that actually starts."""
    found = {sys.version_info[:2]: sys.executable}
    candidates = [shutil.which(f"python3.{m}") for m in range(11, 15)]
    candidates += [str(p) for p in Path.home().glob(".pyenv/versions/3.1[1-4]*/bin/python3")]
    for candidate in filter(None, candidates):
        done = subprocess.run([candidate, "-c", "import sys; print(*sys.version_info[:2])"],
                              capture_output=True, text=True)
        version = tuple(map(int, done.stdout.split())) if done.returncode == 0 else ()
        if version >= (3, 11):
            found.setdefault(version, candidate)
    return [found[v] for v in sorted(found)]


INTERPRETERS = _interpreters()


@pytest.mark.parametrize("python", INTERPRETERS)
def test_engine_runs_without_site_packages(tmp_path, rulebook, python):
    rulebook_file = tmp_path / "rulebook.json"
    rulebook_file.write_text(json.dumps(rulebook, ensure_ascii=False), encoding="utf-8")
    # -S: no site-packages at all, -E: no PYTHON* variables: only the stdlib and the engine's folder
    done = subprocess.run([python, "-S", "-E", "-c", PROBE, str(ROOT), str(rulebook_file)],
                          capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["foreign"] == []
    assert report["checked"] == sum(len(d["examples"]) for d in rulebook["standards"] + rulebook["rules"])
