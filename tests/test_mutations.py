"""Careless edits of the sample, generated (hypothesis): one value changed, one key deleted or one list item
doubled in one file. Whatever the edit, the compiler either gives a rulebook (whose pages then render) or
raises DefinitionError whose every message is located in a real file at a real line — never another
exception."""

import shutil
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SAMPLE
from generator.definitions.compile import build_rulebook
from generator.definitions.diagnostics import DefinitionError
from generator.pages import build_pages

FILES = sorted(p for p in SAMPLE.rglob("*.yaml") if "_schema" not in p.parts)
ODD_VALUES = ["", 0, -1, "-1", 1.5, "1e30", "abc", None, True, [], {}, "<b>x</b>", "01", "9:30", "yes", "index",
              "none", "a" * 300, "客服", ["x"], {"k": "v"}, "avg(score, 0)", "last(score) > 'abc'"]


def paths(node, here=()):
    yield here
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, here + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from paths(value, here + (i,))


def parent_and_key(data, path):
    node = data
    for key in path[:-1]:
        node = node[key]
    return node, path[-1]


@st.composite
def careless_edits(draw):
    file = draw(st.sampled_from(FILES))
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    path = draw(st.sampled_from([p for p in paths(data) if p]))
    parent, key = parent_and_key(data, path)
    edit = draw(st.sampled_from(["replace", "delete", "double"]))
    if edit == "replace":
        parent[key] = draw(st.sampled_from(ODD_VALUES))
    elif edit == "delete":
        del parent[key]
    elif isinstance(parent, list):
        parent.insert(key, parent[key])
    else:
        parent[key] = [parent[key], parent[key]]
    return file.relative_to(SAMPLE), data, f"{edit} {'/'.join(map(str, path))}"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(edit=careless_edits())
def test_any_careless_edit_ends_in_a_rulebook_or_located_messages(tmp_path_factory, edit):
    relative, data, what = edit
    root = tmp_path_factory.mktemp("mutated") / "defs"
    shutil.copytree(SAMPLE, root)
    (root / relative).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    try:
        rulebook = build_rulebook(root)
    except DefinitionError as failed:
        assert failed.diagnostics, what
        for diagnostic in failed.diagnostics:
            assert Path(diagnostic.file).exists() and diagnostic.line >= 1, (what, diagnostic)
            text = diagnostic.format("zh", root)
            assert " — " in text and "{" not in text.split(": ", 1)[1].replace("{…}", ""), (what, text)
    else:
        assert build_pages(rulebook).files
