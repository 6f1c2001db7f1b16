"""A jieba user dictionary derived from the rulebook, so Chinese search finds words inside longer words.

Material's search segments page text with jieba's precise mode, and in the browser splits a query
into tokens the index knows. Precise mode keeps 人力资源部 or 晋升制度 whole, so 资源 or 制度 would
find nothing. For every longer word in the rulebook that jieba's search-engine mode can split
(人力资源部 → 人力 / 资源), the dictionary gives the whole word frequency 0: precise mode then
emits the parts, and both 资源 and 人力资源部 match.
"""

import logging
import re

HAN = re.compile(r"[\u4e00-\u9fff]+")


def _texts(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _texts(v)
    elif isinstance(value, list):
        for v in value:
            yield from _texts(v)


def split_words(rulebook):
    """{long word: its shorter parts} for every splittable word of three or more characters."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    found = {}
    runs = sorted({run for text in _texts(rulebook) for run in HAN.findall(text)})
    pending = runs
    while pending:  # removing 人力资源部 can expose 人力资源: repeat until nothing long is splittable
        removed = []
        for run in pending:
            for word in jieba.cut(run):
                if len(word) < 3 or word in found:
                    continue
                parts = [p for p in jieba.cut_for_search(word) if p != word and len(p) < len(word)]
                if parts:
                    found[word] = parts
                    jieba.del_word(word)  # the same effect the dictionary will have in the build
                    removed.append(word)
        # only a run containing a removed word can be cut differently now
        pending = [run for run in runs if any(word in run for word in removed)] if removed else []
    return found


def user_dictionary(rulebook):
    lines = [f"{word} 0" for word in split_words(rulebook)]
    return "\n".join(lines) + "\n"
