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
    """Every string inside `value`, in no particular order (a stack, not nested generators: the rulebook of a
    large handbook holds a million values)."""
    pending = [value]
    while pending:
        value = pending.pop()
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)


# Each word this process has given frequency 0 (here, or the search plugin loading a dictionary made here), with
# jieba's own frequency (None: not in its dictionary). jieba's dictionary is one per process: under `serve` the
# last build's words stay removed, and the next dictionary would miss them unless they are put back first.
_JIEBA_OWN: dict[str, int | None] = {}
_LAST = {"runs": None, "words": None}  # the last result and the text it came from


def split_words(rulebook):
    """{long word: its shorter parts} for every splittable word of three or more characters; the same whatever
    this process computed or loaded before."""
    import jieba

    runs = sorted({run for text in _texts(rulebook) for run in HAN.findall(text)})
    if runs == _LAST["runs"]:  # a preview's rebuild after an edit that brought no new Chinese text
        return dict(_LAST["words"])
    jieba.setLogLevel(logging.WARNING)
    jieba.dt.check_initialized()
    _restore(jieba)
    found = {}
    pending = runs
    try:
        while pending:  # removing 人力资源部 can expose 人力资源: repeat until nothing long is splittable
            removed = []
            for run in pending:
                for word in jieba.cut(run):
                    if len(word) < 3 or word in found:
                        continue
                    parts = [p for p in jieba.cut_for_search(word) if p != word and len(p) < len(word)]
                    if parts:
                        found[word] = parts
                        _JIEBA_OWN.setdefault(word, jieba.dt.FREQ.get(word))
                        jieba.del_word(word)  # the same effect the dictionary will have in the build
                        removed.append(word)
            # only a run containing a removed word can be cut differently now
            pending = [run for run in runs if any(word in run for word in removed)] if removed else []
    finally:
        _restore(jieba)
    _LAST.update(runs=runs, words=dict(found))
    return found


def _restore(jieba):
    """jieba's own dictionary back for every word removed in this process (prefixes del_word added stay: they
    only let jieba look further, never make a word)."""
    from jieba import finalseg

    for word, freq in _JIEBA_OWN.items():
        if freq is None:
            jieba.dt.FREQ.pop(word, None)
        else:
            jieba.dt.FREQ[word] = freq
        finalseg.Force_Split_Words.discard(word)


def user_dictionary(rulebook):
    lines = [f"{word} 0" for word in split_words(rulebook)]
    return "\n".join(lines) + "\n"
