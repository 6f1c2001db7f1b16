"""The JSON Schema is generated from the model, committed up to date, referenced by every sample file,
and accepts every sample file."""

import json
import re

import jsonschema
import pytest
import yaml

from generator.definitions import jsonschema as ours
from generator.definitions.load import definition_files

from conftest import SAMPLE, run_cli

SCHEMA_DIR = SAMPLE / "_schema"
FILES = definition_files(SAMPLE)


def test_committed_schema_is_what_the_model_generates(tmp_path):
    assert run_cli("schema", "-o", tmp_path).returncode == 0
    for generated in tmp_path.iterdir():
        committed = SCHEMA_DIR / generated.name
        assert committed.exists(), f"run `make schema`: {generated.name} is missing"
        assert json.loads(committed.read_text(encoding="utf-8")) == json.loads(generated.read_text(encoding="utf-8")), \
            f"run `make schema`: {generated.name} is out of date"


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(SAMPLE)) for p in FILES])
def test_sample_file_references_and_satisfies_its_schema(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = re.match(r"# yaml-language-server: \$schema=(\S+)$", first)
    assert match, f"{path.name}: first line must reference the schema"
    schema_path = (path.parent / match.group(1)).resolve()
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data = json.loads(json.dumps(data, default=str))  # dates as text, as an editor sees them
    jsonschema.validate(data, schema)


def test_schema_rejects_an_unknown_key():
    schema = ours.schemas()["role.schema.json"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"id": "a", "name": "甲", "department": "x", "duties": ["d"], "dutys": []}, schema)
