"""The model carries what it declares: every reference field (`Ident(ref=kind)`) is resolved by walking the
model, not by a loop written for it; the rules across fields (exactly one of items / sections, of at_least /
one_of / equals) are in the model and so in the JSON Schema; the item schema is written once; the outcomes
are the engine's list."""

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from assessment.history import OUTCOMES
from generator.definitions import checks, kinds, model
from generator.definitions import jsonschema as ours
from generator.definitions.compile import build_rulebook
from generator.definitions.diagnostics import DefinitionError
from generator.definitions.load import KINDS
from generator.definitions.schema_types import (Any, Boolean, Date, Enum, Field, Formula, Ident, ListOf, Name, Number,
                                                Obj, Tagged, Text)

from conftest import SAMPLE

BASE = Path(__file__).parent / "fixtures" / "base"


def declared_refs(spec, path=()):
    """(path, kind) of every reference field the model declares; a list at index 0, items by their first kind."""
    if isinstance(spec, Ident) and spec.ref:
        yield path, spec.ref
    elif isinstance(spec, ListOf):
        yield from declared_refs(spec.of, path + (0,))
    elif isinstance(spec, Tagged):
        yield from declared_refs(next(iter(spec.variants.values())), path)
    elif isinstance(spec, Obj):
        for name, field in spec.fields.items():
            yield from declared_refs(field.type, path + (name,))


def filled(spec):
    """Data with every field of the model given (lists with one element): every reference field is present."""
    if isinstance(spec, Tagged):
        return filled(next(iter(spec.variants.values())))
    if isinstance(spec, Obj):
        return {name: filled(field.type) for name, field in spec.fields.items()}
    if isinstance(spec, ListOf):
        return [filled(spec.of) for _ in range(max(1, spec.min_items))]
    if isinstance(spec, Enum):
        return spec.values[0]
    if isinstance(spec, Number):
        return spec.minimum if spec.minimum is not None else 1
    if isinstance(spec, Formula):
        return "1"
    return {Ident: "probe", Text: "x", Name: "x", Boolean: False, Date: "2026-01-01", Any: "x"}[type(spec)]


def put(data, path, value):
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


# every file kind whose model refers to another definition: (where it is written, model, [(path, kind)])
PROBES = [(place, spec, refs) for place, (_, spec) in kinds.FILE_KINDS.items()
          if (refs := [(p, k) for p, k in declared_refs(spec) if k in KINDS])]


def test_the_model_declares_the_references_the_handbook_makes():
    found = {(place, path, kind) for place, _, refs in PROBES for path, kind in refs}
    assert ("roles", ("reports_to",), "role") in found
    assert ("roles", ("competencies", 0, "skill"), "skill") in found
    assert ("departments.yaml", ("departments", 0, "parent"), "department") in found
    assert ("sources.yaml", ("documents", 0, "sections", 0, "policies", 0), "policy") in found
    assert len(found) >= 18


def test_an_unknown_id_in_every_reference_field_of_the_model_is_located(tmp_path):
    root = tmp_path / "defs"
    shutil.copytree(BASE, root)
    expected = {}  # value → (file, path, kind)
    for place, spec, refs in PROBES:
        data = filled(spec)
        for path, kind in refs:
            value = f"unknown_{len(expected)}"
            put(data, path, value)
            expected[value] = (place, path, kind)
        target = root / place if place.endswith(".yaml") else root / place / "probe.yaml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    with pytest.raises(DefinitionError) as error:
        build_rulebook(root)

    reported = {d.params["value"]: d for d in error.value.diagnostics if d.code == "unknown_ref"}
    for value, (place, path, kind) in expected.items():
        assert value in reported, f"{place} {path}: the unknown {kind} '{value}' is not reported"
        diagnostic = reported[value]
        lines = diagnostic.file.read_text(encoding="utf-8").splitlines()
        assert value in lines[diagnostic.line - 1], (place, path, diagnostic.line)
        assert diagnostic.params["kind"] == checks.KIND_NAMES[kind]


class _Entry:
    def __init__(self, data):
        self.data, self.paths = data, []

    def at(self, path, code, **params):
        self.paths.append((path, code, params.get("value")))
        return (path, code)


def test_a_reference_field_added_to_the_model_is_checked_without_a_loop_of_its_own(monkeypatch):
    policy = Obj("policy", [*model.POLICY.fields.values(),
                            Field("owners", ListOf(Ident(ref="role")), default=[])])
    monkeypatch.setitem(kinds.DEFINITIONS, "policy", policy)
    entry = _Entry({"id": "p", "name": "制度", "roles": [], "rules": [], "clauses": [{"text": "t"}],
                    "owners": ["boss", "bos"]})
    index = {kind: {} for kind in KINDS}
    index["role"]["boss"] = _Entry({"id": "boss", "competencies": []})
    index["policy"]["p"] = entry
    checks.check_references(index, checks.Checker([]))
    assert entry.paths == [(("owners", 1), "unknown_ref", "bos")]


# --- rules across fields -------------------------------------------------------------------

STANDARD = "id: simple\nname: 简单标准\n"
ITEMS = "items:\n  - {id: score, name: 考核分, kind: number, max: 90}\n"
SECTIONS = "sections:\n  - id: s\n    name: 部分\n    items:\n      - {id: other, name: 分, kind: number, max: 10}\n"


def _diagnostics(tmp_path, text):
    root = tmp_path / "defs"
    shutil.copytree(BASE, root)
    (root / "standards" / "simple.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(DefinitionError) as error:
        build_rulebook(root)
    return [(d.file.name, d.line, d.code, d.params) for d in error.value.diagnostics]


@pytest.mark.parametrize("text", [STANDARD, STANDARD + ITEMS + SECTIONS, STANDARD + "items: []\n"],
                         ids=["neither", "both", "empty items"])
def test_a_standard_needs_exactly_one_of_items_and_sections(tmp_path, text):
    assert _diagnostics(tmp_path, text) == [("simple.yaml", 1, "missing_key", {"key": "items / sections"})]


def test_a_condition_needs_exactly_one_operator(tmp_path):
    text = STANDARD + ITEMS + "requires:\n  - {item: score, at_least: 1, equals: 2}\n"
    assert _diagnostics(tmp_path, text) == [("simple.yaml", 6, "condition_operator",
                                             {"item": "score", "kind": "number"})]


def _standard_schema():
    return ours.schemas()["standard.schema.json"]


def test_the_schema_carries_the_rules_across_fields():
    schema = _standard_schema()
    assert [branch["required"] for branch in schema["oneOf"]] == [["items"], ["sections"]]
    condition = schema["$defs"]["condition"]
    subject, operator = condition["allOf"]  # an item or a part; one operator
    assert [branch["required"] for branch in subject["oneOf"]] == [["item"], ["section"]]
    assert [branch["required"] for branch in operator["oneOf"]] == [["at_least"], ["one_of"], ["equals"]]

    base = {"id": "s", "name": "标准"}
    items = [{"id": "a", "name": "甲", "kind": "number", "max": 10}]
    sections = [{"id": "p", "name": "部分", "items": items}]
    jsonschema.validate({**base, "items": items}, schema)
    jsonschema.validate({**base, "items": [], "sections": sections}, schema)  # an empty list is not given
    for wrong in ({**base}, {**base, "items": items, "sections": sections}, {**base, "items": []},
                  {**base, "items": items, "requires": [{"item": "a", "at_least": 1, "equals": 1}]},
                  {**base, "items": items, "requires": [{"item": "a"}]}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(wrong, schema)


@pytest.mark.parametrize("name, shape", [("standard.schema.json", model.ITEM), ("rule.schema.json", model.RULE_FIELD)])
def test_the_item_schema_is_written_once(name, shape):
    schema = ours.schemas()[name]
    text = json.dumps(schema, ensure_ascii=False)
    for kind in shape.variants:
        assert text.count(f'"title": "{kind}"') == 1, kind
    assert shape.define in schema["$defs"] and f'"$ref": "#/$defs/{shape.define}"' in text
    if shape is model.RULE_FIELD:  # a rule's fields are never test questions
        assert not set(model.QUESTION_KINDS) & set(shape.variants)
    committed = json.loads((SAMPLE / "_schema" / name).read_text(encoding="utf-8"))
    assert committed == schema


def test_every_ref_in_the_schemas_resolves():
    for name, schema in ours.schemas().items():
        text = json.dumps(schema)
        for target in set(re.findall(r'"\$ref": "#/\$defs/([^"]+)"', text)):
            assert target in schema.get("$defs", {}), (name, target)


def test_one_outcome_list():
    outcome_fields = [model.RULE.fields["outcomes"].type.of.fields["outcome"].type,
                      model.EXAMPLE.fields["expect"].type.fields["outcome"].type]
    assert all(field.values == list(OUTCOMES) for field in outcome_fields)
