"""The 格式参考 page, read in the built site: every field of every kind of file, every item kind and every
formula function is on it, because it is written from the model the validator uses."""

import json
import re
import shutil

import pytest

from assessment import formula
from generator.definitions import kinds, model
from generator.definitions.schema_types import ListOf, Obj, Tagged

from conftest import LIBRARY, run_cli


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


# --- the page and the schema in the handbook's language ------------------------------------------------------

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _said(prefix):
    from assessment.messages import catalog

    return {key for key in catalog("en") if key.startswith(prefix)}


def test_everything_the_model_describes_is_said_in_every_language_and_nothing_else():
    """A field, a mapping or a kind of item with a doc has its words in every catalog: the Chinese passes the
    model's own text through, the others say it (so a new field cannot come without its English); a key no
    longer in the model is left over."""
    from assessment.messages import LANGUAGES, catalog
    from generator.definitions import docs

    wanted = set(docs.keys().values())
    assert sorted(wanted ^ (_said("field.") | _said("object."))) == []
    for key in wanted:
        assert catalog("zh")[key] == "{doc}", key
        for lang in LANGUAGES:
            if lang != "zh":
                # the page shows a doc up to " / " (the Chinese docs add English there for the schema)
                assert catalog(lang)[key] != "{doc}" and " / " not in catalog(lang)[key], (lang, key)


def test_the_pages_own_words_are_in_the_catalogs_for_every_title_file_and_function():
    from generator.pages.reference import _nested

    titles = set()
    for _, spec in kinds.FILE_KINDS.values():
        titles |= {title for title, _ in _nested(spec, {"项目"})}
    for variant in model.ITEM.variants.values():
        titles |= {title for title, _ in _nested(variant, set())}
    assert sorted({f"reference.title.{t.replace(' ', '_')}" for t in titles} ^ _said("reference.title.")) == []
    assert sorted({f"reference.file.{schema}" for schema, _ in kinds.FILE_KINDS.values()}
                  ^ _said("reference.file.")) == []
    assert sorted({f"reference.function.{name}" for name in formula.FUNCTIONS} ^ _said("reference.function.")) == []


def test_a_chinese_handbooks_page_reads_as_before():
    from generator.pages.reference import reference_markdown

    page = reference_markdown("zh")
    assert page == reference_markdown() and page.startswith("# 格式参考\n\n每个 YAML 文件写什么")
    assert "| `duties` | 列表，每项为文字 | 是 |  | 工作职责\\(按顺序编号\\) |" in page
    assert "| `version` | 文字 | 是 |  | 规则版本, 如 2026.1 |" in page  # the schema's English gloss left off
    assert "### `kind: boolean`：是/否" in page and "#### 分数段（职级）" in page
    assert "| `if` | 条件成立取第二个值, 否则取第三个 | `if(last(score) >= 90, 1, 0)` | 1 |" in page


@pytest.fixture(scope="module")
def english(tmp_path_factory):
    """The second example handbook, declared English (if it does not say so already)."""
    folder = tmp_path_factory.mktemp("english") / "library"
    shutil.copytree(LIBRARY, folder)
    organisation = folder / "organisation.yaml"
    text = organisation.read_text(encoding="utf-8")
    if "\nlanguage: en\n" not in text:
        organisation.write_text(text.replace('version: "2026.1"\n', 'version: "2026.1"\nlanguage: en\n'),
                                encoding="utf-8")
    assert "\nlanguage: en\n" in organisation.read_text(encoding="utf-8")
    return folder


def test_an_english_handbooks_page_is_english(english):
    from generator.definitions.compile import build_rulebook
    from generator.pages import build_pages

    page = build_pages(build_rulebook(english)).files["guide/reference.md"]
    # the one Chinese left is data, not words: the model's default unit of a count item, as the rulebook holds it
    assert CJK.findall(page.replace("| `unit` | text |  | `项` |", "")) == []
    assert page.startswith("# Format reference\n\n")
    assert "## roles/*.yaml: Job descriptions, one file for each role" in page
    assert "| `duties` | list of text | yes |  | Duties \\(numbered in this order\\) |" in page
    assert "| `reports_to` | role id |  |  | id of the role this one reports to" in page
    assert "| `weights_total` | mapping (see “Declared total of the weights”) |" in page
    assert "### `kind: checklist`: Checks: points added to or taken from a base" in page
    assert "| `items` | list of item (see “Kinds of item” below) |" in page
    assert "period 1: score = 88, rank = 2; period 2: score = 92, rank = 5" in page
    assert "| `lookup` | Looks a number up in a lookup table: the last row whose minimum is not above it " \
           "| `lookup(bonus_rate, total(score))` | 0.02 |" in page


def test_an_english_handbooks_schema_is_described_in_english(english, tmp_path):
    assert run_cli("schema", "--dir", english, "-o", tmp_path).returncode == 0
    role = json.loads((tmp_path / "role.schema.json").read_text(encoding="utf-8"))
    assert role["description"] == "A job description"
    assert role["properties"]["duties"]["description"] == "Duties (numbered in this order)"
    standard = (tmp_path / "standard.schema.json").read_text(encoding="utf-8")
    assert json.loads(standard)["$defs"]["item"]["description"] == "An assessed item"
    assert all(CJK.findall(path.read_text(encoding="utf-8")) == [] for path in tmp_path.iterdir())
