"""One catalog per language (assessment/catalogs/LANG.json): a language is one file, complete and consistent."""

import json
import re
import string

import pytest

from assessment.messages import DEFAULT, LANGUAGES, catalog, say
from conftest import ROOT

CATALOGS = ROOT / "assessment" / "catalogs"


def placeholders(text):
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def test_the_languages_are_the_catalog_files():
    assert set(LANGUAGES) == {p.stem for p in CATALOGS.glob("*.json")} and {"zh", "en"} <= set(LANGUAGES)
    assert DEFAULT == "zh"


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != DEFAULT])
def test_every_catalog_says_every_message(lang):
    """A message missing in one language would be a KeyError in front of a person."""
    default, other = catalog(DEFAULT), catalog(lang)
    assert sorted(set(default) - set(other)) == [] and sorted(set(other) - set(default)) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_message_uses_only_the_parameters_the_code_gives(lang):
    """The code gives each message the parameters that the Chinese or the English wording reads (a language
    may need fewer: 没有选项“x” quotes the option where English writes it as code); a new language's wording
    can use those and no other, or a name or a number would be blank in front of a person."""
    given = {key: placeholders(catalog("zh")[key]) | placeholders(catalog("en")[key]) for key in catalog(DEFAULT)}
    unknown = [key for key, text in catalog(lang).items() if not placeholders(text) <= given[key]]
    assert unknown == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_catalog_is_plain_json_with_a_text_for_each_id(lang):
    data = json.loads((CATALOGS / f"{lang}.json").read_text(encoding="utf-8"))
    assert all(isinstance(text, str) for text in data.values())
    # a separator or a bracket may be nothing: Chinese writes quoted names one after another (“甲”“乙”), English
    # writes a field's name in a formula bare where Chinese sets it in 「」
    may_be_empty = ("separator", ".open", ".close")
    empty = [key for key, text in data.items() if not text.strip() and not key.endswith(may_be_empty)]
    assert empty == []


def test_a_parameter_that_is_words_follows_the_message_language():
    from assessment.messages import Listed, Term

    assert say("missing", "zh", name="姓名") == "“姓名”未填写"
    assert say("expr.type", "en", where="avg", wanted=Term("type.number"), got=Term("type.boolean")) == (
        "avg needs a number, got a true/false condition")
    both = Listed([Term("kind.role"), "x"])
    assert both.text("zh") == "岗位；x" and both.text("en") == "role; x"


PAGE_SCRIPTS = sorted((ROOT / "assessment" / "app").glob("*.js"))
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


@pytest.mark.parametrize("path", PAGE_SCRIPTS, ids=lambda p: p.name)
def test_the_page_scripts_hold_no_words_of_their_own(path):
    """Everything the self-assessment's scripts say comes from the catalog (words.js, dom.js `t`), so an English
    handbook's page speaks English; Chinese in a script is a comment or a mistake."""
    lines = enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
    said = [f"{path.name}:{n}: {line.strip()}" for n, line in lines
            if not line.lstrip().startswith("//") and CJK.search(line.split(" // ")[0])]
    assert said == []


def test_every_page_word_the_scripts_ask_for_is_in_the_catalog_and_no_other():
    asked = {key for path in PAGE_SCRIPTS
             for key in re.findall(r'"(page\.[a-z_.]+)"', path.read_text(encoding="utf-8"))}
    offered = {key for key in catalog(DEFAULT) if key.startswith("page.")}
    assert sorted(asked - offered) == [] and sorted(offered - asked) == []
