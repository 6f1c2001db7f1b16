"""Lists go by the pinyin of their names; the key is built run by run (generator/definitions/order.py) and must
be exactly what pypinyin gives for the whole name, polyphones in phrases included."""

from hypothesis import given, settings, strategies as st
from pypinyin import Style, lazy_pinyin

from generator.definitions import order

PARTS = ["行政部经理", "银行", "客服代表", "长沙", "重庆", "（夜班）", "(副本 3)", "A级", "2号线 ", "·", "会计", "乐队"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PARTS), min_size=1, max_size=4))
def test_the_key_is_pinyin_of_the_whole_name(parts):
    name = "".join(parts)
    assert order.by_name({"name": name})[0] == lazy_pinyin(name, style=Style.TONE3)


def test_polyphones_follow_their_phrase():
    assert order.by_name({"name": "银行柜员"})[0][:2] == ["yin2", "hang2"]
    assert order.by_name({"name": "行政部经理"})[0][0] == "xing2"
