"""What HR needs besides an editor: new files that validate as written, the whole workflow without make,
and VS Code's completion for every kind of file."""

import json
import re
import shutil

import pytest

from conftest import ROOT, run_cli
from generator.definitions.kinds import FILE_KINDS


@pytest.fixture
def defs(tmp_path):
    root = tmp_path / "competencies"
    shutil.copytree(ROOT / "competencies", root)
    return root


@pytest.mark.parametrize("kind, folder", [("role", "roles"), ("skill", "skills"), ("standard", "standards"),
                                          ("rule", "rules"), ("process", "processes"), ("policy", "policies")])
def test_a_new_file_validates_as_written(defs, kind, folder):
    done = run_cli("new", kind, f"night_{kind}", "--name", "夜班新定义", "--dir", defs)
    assert done.returncode == 0, done.stderr
    written = defs / folder / f"night_{kind}.yaml"
    assert written.read_text(encoding="utf-8").startswith(
        f"# yaml-language-server: $schema=../_schema/{kind}.schema.json")
    checked = run_cli("validate", defs)
    assert checked.returncode == 0, checked.stderr
    assert "Traceback" not in checked.stderr


def test_new_refuses_a_bad_id_and_an_existing_file(defs):
    bad = run_cli("new", "role", "Night-Agent", "--dir", defs)
    assert bad.returncode == 2 and "不能作标识" in bad.stderr
    taken = run_cli("new", "role", "cs_lead", "--dir", defs)
    assert taken.returncode == 1 and "已存在，未改动" in taken.stderr


def test_build_and_serve_are_commands_too():
    text = run_cli("--help").stdout
    assert re.search(r"\bbuild\b", text) and re.search(r"\bserve\b", text) and re.search(r"\bnew\b", text)


def test_vscode_maps_every_kind_of_file_to_its_schema():
    text = (ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8")
    settings = json.loads(re.sub(r"^\s*//.*$", "", text, flags=re.M))
    schemas = settings["yaml.schemas"]
    for place, (kind, _) in FILE_KINDS.items():
        schema = f"./competencies/_schema/{kind if place.endswith('.yaml') else kind}.schema.json"
        assert schema in schemas, schema
        assert (ROOT / schema).is_file()
        pattern = schemas[schema]
        assert pattern == (f"competencies/{place}" if place.endswith(".yaml") else f"competencies/{place}/*.yaml")
