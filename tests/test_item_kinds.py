"""The item-kind registry (assessment/items.py): every kind the format allows has one class, and every class
answers everything a kind is asked — a new kind missing a method fails here, not on a person's page."""

import inspect
import re
from decimal import Decimal
from pathlib import Path

import pytest

from assessment import items
from assessment.contract import Item
from generator.definitions import normalise
from generator.definitions.model import ITEM
from generator.definitions.schema_types import Obj

ROOT = Path(__file__).resolve().parents[1]
COMPILED_AWAY = {"rating"}  # a rating scale is compiled to a choice


def test_every_kind_in_the_format_has_a_class_and_no_other():
    assert set(ITEM.variants) - COMPILED_AWAY == set(items.KINDS)


REQUIRED = [name for name, member in vars(items.Kind).items()
            if inspect.isfunction(member) and "raise NotImplementedError" in inspect.getsource(member)]


@pytest.mark.parametrize("name", sorted(items.KINDS))
def test_each_kind_implements_what_the_base_leaves_open(name):
    kind = items.KINDS[name]
    assert REQUIRED, "the base class lost its required methods"
    missing = [method for method in REQUIRED if getattr(type(kind), method) is getattr(items.Kind, method)]
    assert not missing, f"{name} does not implement {missing}"
    assert kind.name == name
    assert (kind.control in ("select", "ticks", "text", "textarea")
            and kind.reads in ("text", "yes-no", "list", "ticks", "marked"))
    if kind.control in ("select", "ticks"):
        assert type(kind).choices is not items.Kind.choices, f"{name}'s {kind.control} needs choices()"


def test_an_unknown_kind_is_named():
    with pytest.raises(ValueError, match="unknown item kind 'slider'"):
        items.point_range({"id": "x", "name": "x", "kind": "slider"})


KIND_NAMES = "|".join(sorted(ITEM.variants))  # every kind the format knows, a new one included


def _branches(text):
    return re.findall(rf"""kind"?\]?\s*(?:==|!=|===|in \(|in \{{)\s*\(?["'](?:{KIND_NAMES})\b""", text)


def test_no_item_kind_branch_outside_the_registry_and_the_format_layer():
    """Pages, forms, the batch, the review, the page script: they ask the kind, they do not test its name.
    (The format layer, generator/definitions/, reads and normalises the YAML by kind.)"""
    outside = [p for p in [*ROOT.glob("assessment/**/*.py"), *ROOT.glob("assessment/app/*.js"),
                           *ROOT.glob("generator/**/*.py"), *ROOT.glob("generator/pages/templates/*.j2")]
               if p.name != "items.py" and "definitions" not in p.parts]
    found = {str(p.relative_to(ROOT)): hits for p in outside if (hits := _branches(p.read_text()))}
    assert found == {}


def test_the_page_reads_lists_with_the_engines_separators():
    """One pattern says where one rater's score or one tick ends: the batch reads cells with it and the page
    receives it in its definition (form.js builds its RegExp from it)."""
    assert items.kind_of({"kind": "average"}).from_text({}, "80，90、 85;70") == ["80", "90", "85", "70"]
    assert "new RegExp(meta.separators)" in (ROOT / "assessment/app/form.js").read_text()


def test_the_contracts_item_names_every_field_the_model_gives_an_item():
    """The item's shape is written in the model; assessment/contract.py's Item must know every field of it."""
    declared = set(Item.__annotations__)
    for name, variant in ITEM.variants.items():
        assert set(variant.fields) - declared == set(), name


def test_a_field_has_one_label_in_every_kind():
    labels = {}
    for variant in ITEM.variants.values():
        for name, field in variant.fields.items():
            if field.label:
                assert labels.setdefault(name, field.label) == field.label, name


def test_a_new_kind_is_normalised_by_its_model_alone(monkeypatch):
    """A kind needs no branch in normalise.py: its fields are written as the model says (this once failed
    with KeyError: 'min' for a kind the normaliser did not know)."""
    slider = Obj("slider", [*ITEM.variants["number"].fields.values()])
    monkeypatch.setitem(ITEM.variants, "slider", slider)
    data = {"id": "s", "name": "滑块", "kind": "slider", "min": Decimal(0), "max": Decimal(10), "step": Decimal("0.5"),
            "unit": "", "optional": False, "scored": True}
    assert normalise.item(data) == {"id": "s", "name": "滑块", "kind": "slider", "min": "0", "max": "10",
                                    "step": "0.5", "unit": ""}
