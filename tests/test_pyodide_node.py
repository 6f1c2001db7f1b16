"""Parity: the engine wheel in real Pyodide (npm package, under Node, offline, with the trimmed standard
library the site ships) gives exactly the results CPython gives, for every worked example and 200
generated answer sets per standard and rule."""

import io
import json
import os
import random
import shutil
import subprocess
import zipfile

import pytest

import assessment
from generator.site import snapshot, stdlib, wheel
from generator.site.assets import digest

from conftest import ROOT
from strategies import sample_answers

PER_DEFINITION = 200
SNAPSHOT_PER_DEFINITION = 30  # the same engine restored from the memory snapshot the site ships


def cpython(rulebook, case):
    try:
        return assessment.run(rulebook, case["id"], case["answers"])
    except assessment.AnswerError as exc:
        return {"error": exc.to_json()}


def test_wheel_is_a_plain_pure_python_wheel(tmp_path):
    built = wheel.build(tmp_path)
    assert built.name.endswith("-py3-none-any.whl")
    names = zipfile.ZipFile(built).namelist()
    assert "assessment/standard.py" in names and any(n.endswith(".dist-info/RECORD") for n in names)
    assert wheel.build(tmp_path / "again").read_bytes() == built.read_bytes()  # reproducible


@pytest.mark.parametrize("start, per_definition", [("boot", PER_DEFINITION), ("snapshot", SNAPSHOT_PER_DEFINITION)])
def test_pyodide_under_node_matches_cpython(rulebook, tmp_path_factory, start, per_definition):
    if not shutil.which("node") or not (ROOT / "node_modules" / "pyodide" / "pyodide.mjs").exists():
        pytest.fail("needs Node and `npm ci` (make test installs both)")
    rng = random.Random(20261125)
    cases = []
    for definition in rulebook["standards"] + rulebook["rules"]:
        cases += [{"id": definition["id"], "answers": ex["answers"]} for ex in definition["examples"]]
        cases += [{"id": definition["id"], "answers": sample_answers(definition, rng)} for _ in range(per_definition)]
        cases.append({"id": definition["id"], "answers": {}})  # invalid: the same errors, never a score
    work = tmp_path_factory.mktemp("pyodide")
    built = wheel.build(work)
    (work / "rulebook.json").write_text(json.dumps(rulebook, ensure_ascii=False), encoding="utf-8")
    (work / "cases.json").write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")

    trimmed = work / "python_stdlib.zip"  # as the site ships it
    trimmed.write_bytes(stdlib.trim(ROOT / "node_modules" / "pyodide" / "python_stdlib.zip"))
    env = dict(os.environ)
    library = trimmed
    if start == "snapshot":  # made as the site build makes it, from the same wheel and trimmed library
        runtime = {n: ROOT / "node_modules" / "pyodide" / n
                   for n in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide-lock.json")}
        inputs = trimmed.read_bytes() + built.read_bytes() + b"".join(p.read_bytes() for p in runtime.values())
        made = snapshot.make(runtime, trimmed.read_bytes(), built.read_bytes(), "parity-" + digest(inputs))
        assert made, "the snapshot could not be made (see stderr)"
        (work / "engine.snapshot").write_bytes(made.heap)
        env["SNAPSHOT"] = str(work / "engine.snapshot")
        library = work / "snapshot_stdlib.zip"  # and the library it restores with, as the worker does
        library.write_bytes(made.stdlib)
    done = subprocess.run(["node", str(ROOT / "tests" / "node" / "pyodide_run.mjs"), str(built),
                           str(work / "rulebook.json"), str(work / "cases.json"), str(library)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout)
    assert report["python"][0] == 3 and report["python"][1] >= 13  # Pyodide's own CPython
    expected = [json.loads(json.dumps(cpython(rulebook, case))) for case in cases]
    assert len(report["results"]) == len(expected) >= 15 * per_definition
    for case, got, want in zip(cases, report["results"], expected):
        assert got == want, case


def test_trimmed_standard_library_keeps_what_the_engine_imports(tmp_path):
    full = ROOT / "node_modules" / "pyodide" / "python_stdlib.zip"
    trimmed = zipfile.ZipFile(io.BytesIO(stdlib.trim(full)))
    names = set(trimmed.namelist())
    assert {"decimal.py", "numbers.py", "difflib.py", "json/__init__.py", "encodings/utf_8.py"} <= names
    assert not any(n.startswith(("email/", "xml/", "unittest/", "sqlite3/")) for n in names)
    assert len(names) < len(zipfile.ZipFile(full).namelist())
    assert stdlib._trim(full) == stdlib._trim(full) == stdlib.trim(full)  # reproducible; the cache is faithful


def test_a_restored_snapshot_reads_its_smaller_library_afresh(tmp_path):
    """The snapshot restores with the trimmed library less what it already imported: a module it did not
    import still imports (the importer read the new library's table, not the one the snapshot was made with),
    and one it did import is not in that library at all."""
    pyodide = ROOT / "node_modules" / "pyodide"
    runtime = {n: pyodide / n for n in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide-lock.json")}
    trimmed = stdlib.trim(pyodide / "python_stdlib.zip")
    built = wheel.build(tmp_path).read_bytes()
    made = snapshot.make(runtime, trimmed, built, "library-" + digest(trimmed + built))
    assert made, "the snapshot could not be made (see stderr)"
    rest = set(zipfile.ZipFile(io.BytesIO(made.stdlib)).namelist())
    assert "sysconfig/__init__.py" in rest and "json/decoder.py" not in rest and "decimal.py" not in rest
    assert len(made.stdlib) < len(trimmed) / 2
    (tmp_path / "heap").write_bytes(made.heap)
    (tmp_path / "library.zip").write_bytes(made.stdlib)
    library, heap = json.dumps(str(tmp_path / "library.zip")), json.dumps(str(tmp_path / "heap"))
    check = "import sysconfig, json, assessment.page; json.dumps([sysconfig.__name__, json.loads('[1]')])"
    script = f"""
const {{ loadPyodide }} = await import({json.dumps(str(pyodide / "pyodide.mjs"))});
const py = await loadPyodide({{ indexURL: {json.dumps(str(pyodide) + "/")}, stdLibURL: {library},
                               _loadSnapshot: new Uint8Array((await import("node:fs")).readFileSync({heap})) }});
console.log(py.runPython({json.dumps(check)}));
"""
    done = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == '["sysconfig", [1]]'
