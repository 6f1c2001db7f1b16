"""Chinese sentences the handbook writes itself (templates, the page script, reports, the engine's
explanations) use full-width ，；：（）; numbers, code and English stay half-width. (Text HR writes in YAML
is theirs and is shown as written.)"""

import re

import pytest

from conftest import ROOT

SOURCES = sorted((ROOT / "generator" / "pages" / "templates").glob("*.j2")) + sorted(
    (ROOT / "assessment" / "app").glob("*.js")) + [
    ROOT / p for p in ("generator/appraisal/report.py", "generator/pages/forms.py",
                       "generator/pages/render.py", "assessment/items.py", "assessment/history.py",
                       "assessment/standard.py", "assessment/formula.py")]
CJK = "\u4e00-\u9fff"
HALF_WIDTH = re.compile(rf"[{CJK}）][,;:]\s|[{CJK}]\(|[{CJK}]\s[,;]")


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_generated_chinese_uses_full_width_punctuation(path):
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        code = (line.split("#", 1)[0] if path.suffix == ".py"
                else line.split("//", 1)[0] if path.suffix == ".js" else line)
        if HALF_WIDTH.search(code):
            found.append(f"{path.name}:{number}: {line.strip()[:100]}")
    assert found == []


def test_the_chinese_catalogs_messages_use_full_width_punctuation():
    """Every message in the Chinese catalog, the engine's and the validator's (file:line: what is wrong — how to
    fix): YAML shown as typed inside quotes (“键: 值”, "说明: 其他") keeps its ASCII colon."""
    from assessment.messages import catalog

    outside_quotes = re.compile(r'“[^”]*”|"[^"]*"')
    found = [f"{key}: {text}" for key, text in catalog("zh").items()
             if HALF_WIDTH.search(outside_quotes.sub("“”", text))]
    assert found == []


def test_the_sample_handbooks_sentences_use_full_width_punctuation(rulebook):
    """The sample is what every user meets first: its summaries, duties, notes and reasons read as Chinese.
    (Names are kept as the source documents print them, e.g. 新客服(试用), also where a sentence quotes one;
    so are the headings that `source:` and sources.yaml cite.)"""
    skip = {"id", "name", "label", "expr", "when", "pay", "bonus", "steps", "hash", "version", "source", "heading"}
    found = []

    def visit(value, key=""):
        if isinstance(value, dict):
            for k, v in value.items():
                visit(v, k)
        elif isinstance(value, list):
            for v in value:
                visit(v, key)
        elif isinstance(value, str) and key not in skip and HALF_WIDTH.search(re.sub(r"“[^”]*”", "“”", value)):
            found.append(f"{key}: {value[:80]}")

    visit(rulebook)
    assert found == []
