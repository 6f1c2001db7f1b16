"""The 格式参考 page, read in the built site: every field of every kind of file, every item kind and every
formula function is on it, because it is written from the model the validator uses."""

import re

from assessment import formula
from generator.definitions import kinds, model
from generator.definitions.schema_types import ListOf, Obj, Tagged


def every_field(spec, seen=None):
    seen = set() if seen is None else seen
    if isinstance(spec, Tagged):
        for variant in spec.variants.values():
            yield from every_field(variant, seen)
        return
    if not isinstance(spec, Obj) or id(spec) in seen:
        return
    seen.add(id(spec))
    for field in spec.fields.values():
        yield spec.title, field.name
        yield from every_field(field.type.of if isinstance(field.type, ListOf) else field.type, seen)


def test_the_page_covers_the_model(built_site):
    html = (built_site / "guide" / "reference.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", " ", html)
    cells = set(re.findall(r"<code>([a-z_]+)</code>", html))
    for _, (kind, spec) in kinds.FILE_KINDS.items():
        for title, name in every_field(spec):
            assert name in cells, (kind, title, name)
    for kind in model.ITEM.variants:
        assert f"kind: {kind}" in text
    for name in formula.FUNCTIONS:
        assert f"<code>{name}</code>" in html


def test_function_results_are_the_engines():
    from generator.pages.reference import reference_markdown

    rows = dict(re.findall(r"^\| `(\w+)` \| .*? \| `.*?` \| (.*?) \|$", reference_markdown(), re.M))
    # the history on the page: score 88, 92, 95; rank 2, 5, 1 (by hand)
    assert rows["avg"] == "93.5" and rows["total"] == "275" and rows["count"] == "2"
    assert rows["streak"] == "1" and rows["last"] == "95" and rows["round"] == "91.7" and rows["lookup"] == "0.02"
