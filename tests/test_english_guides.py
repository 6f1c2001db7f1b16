"""The English administrator's guide prints the same server configuration as the Chinese one, which
tests/test_hosting_servers.py starts real nginx and Apache with: only the comments are translated. An English
admin who copies the blocks gets what the tests ran, and no Chinese is left in them."""

import html
import re

import markdown
import pytest

from bench.servers import documented
from conftest import ROOT

CHINESE = ROOT / "content" / "guide" / "hosting.md"
ENGLISH = ROOT / "translations" / "en" / "guide" / "hosting.md"
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


def code_blocks(page):
    """Every code block of a guide page, fenced or indented, as Python-Markdown reads it: (language, text)."""
    rendered = markdown.markdown(page.read_text(encoding="utf-8"), extensions=["fenced_code"])
    return [(language or "", html.unescape(text))
            for language, text in re.findall(r'<pre><code(?: class="language-([\w-]+)")?>(.*?)</code></pre>',
                                             rendered, re.S)]


def _without_hash_comments(line):
    """The line up to a `#` that is not inside quotes (nginx, Apache, a shell)."""
    quote = None
    for at, char in enumerate(line):
        if quote:
            quote = None if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#":
            return line[:at]
    return line


def configuration(language, text):
    """What a server reads from a block: its comments, trailing spaces and blank lines taken out."""
    if language == "xml":
        lines = re.sub(r"<!--.*?-->", "", text, flags=re.S).splitlines()
    else:
        lines = [_without_hash_comments(line) for line in text.splitlines()]
    return [line.rstrip() for line in lines if line.strip()]


def test_both_pages_have_the_same_code_blocks_in_the_same_order():
    chinese, english = code_blocks(CHINESE), code_blocks(ENGLISH)
    assert [language for language, _ in english] == [language for language, _ in chinese]
    assert len(chinese) >= 4  # nginx, Apache, IIS's web.config, the appcmd commands


def test_the_blocks_are_the_ones_the_server_tests_run():
    blocks = dict(code_blocks(CHINESE))
    for language in ("nginx", "apache", "xml"):
        assert blocks[language] == documented(language)


@pytest.mark.parametrize("at", range(len(code_blocks(CHINESE))))
def test_an_english_block_is_the_chinese_one_with_its_comments_translated(at):
    (language, chinese), (_, english) = code_blocks(CHINESE)[at], code_blocks(ENGLISH)[at]
    assert configuration(language, english) == configuration(language, chinese)
    assert not CJK.findall(english), english


def test_the_comments_are_all_that_is_taken_out():
    """The comparison is not emptied by its own comment rule: directives with quotes and # survive it."""
    assert configuration("nginx", 'add_header X "a # b";  # note\n\n  # only a note\n') == ['add_header X "a # b";']
    assert configuration("xml", "<a />  <!-- one\ntwo -->\n<b />\n") == ["<a />", "<b />"]
