"""The engine's words: every message about an answer or a formula, in Chinese and English, keyed by id.

A message id is its problem code, or `code.variant` where one code has several wordings (the code is what
the page and the batch act on, the wording is what a person reads). Parameters fill {placeholders};
a parameter that itself differs by language is a `Words` pair (a type's name, a "did you mean" hint).
The generator's own catalog (generator/definitions/diagnostics.py) renders `Words` the same way.
"""

import difflib

MESSAGES = {
    # the shape of the answers
    "not_a_mapping.standard": ("答案须是“项目 id → 答案”的映射", "answers must be a mapping of item id to answer"),
    "not_a_mapping.rule": ("答案须含 person(个人信息)与 periods(各期数据列表)",
                           "answers need 'person' (a mapping) and 'periods' (a list)"),
    "not_a_mapping.period": ("每一期须是“字段 → 数值”的映射", "each period must be a mapping"),
    "unknown_item.standard": ("本标准没有项目“{key}”", "this standard has no item {key!r}"),
    "unknown_item.rule": ("没有字段“{key}”", "no field {key!r}"),
    "too_few_periods": ("至少需要 {need} 期数据，现有 {have} 期", "needs at least {need} periods, got {have}"),
    "too_few_periods.valued": ("计算需要至少 {need} 期有效数据，现有 {have} 期",
                               "needs {need} periods with a value, got {have}"),
    # one answer
    "missing": ("“{name}”未填写", "{name!r} is not answered"),
    "not_a_number": ("请填写数字", "enter a number"),
    "not_a_number.typed": ("“{value}”不是数字（可写 85、85.5、60,000 或 6万）",
                           "{value!r} is not a number (write 85, 85.5, 60,000 or 6万)"),
    "out_of_range.huge": ("“{value}”超出可填写的范围", "{value!r} is out of range"),
    "out_of_range": ("应在 {low} 到 {high} 之间，实际为 {got}", "must be between {low} and {high}, got {got}"),
    "bad_step.whole": ("须为整数，实际为 {got}", "must be in steps of {step}, got {got}"),
    "bad_step": ("须以 {step} 为单位填写，实际为 {got}", "must be in steps of {step}, got {got}"),
    "unknown_option": ("没有选项{quoted}；可选：{named}", "no option {value!r}; allowed: {ids}"),
    "unknown_option.check": ("没有勾选项{quoted}；可选：{named}", "no check {value!r}; allowed: {ids}"),
    "not_a_boolean": ("请选择“是”或“否”", "answer true or false"),
    "not_a_boolean.question": ("请选择“对”或“错”", "answer true or false"),
    "not_a_text": ("请填写文字答案", "write the answer as text"),
    "not_a_list.raters": ("请填写每位评分人的分数", "enter one score per rater"),
    "not_a_list.checks": ("请勾选适用的项目（列表）", "give a list of check ids"),
    "rater_count": ("评分人数应为 {low}–{high} 人，实际 {got} 人", "needs {low}–{high} raters, got {got}"),
    "duplicate": ("同一勾选项只能出现一次", "a check is listed twice"),
    # formulas (their column is carried by ExprError)
    "expr.character": ("无法识别的字符 {char!r}", "unexpected character {char!r}"),
    "expr.expected": ("此处应为 {value!r}", "expected {value!r}"),
    "expr.extra": ("多余的内容 {value!r}", "unexpected {value!r}"),
    "expr.incomplete": ("公式不完整", "the formula ends too early"),
    "expr.unexpected": ("此处不能出现 {value!r}", "unexpected {value!r}"),
    "expr.unknown_function": ("未知函数 {name}{near}；可用：{allowed}", "unknown function {name}{near}; allowed: {allowed}"),
    "expr.arguments": ("{name} 需要 {want} 个参数，实际 {got} 个", "{name} takes {want} arguments, got {got}"),
    "expr.period_count": ("{name} 的第二个参数须是期数（不小于 1 的整数）",
                          "the second argument of {name} must be a whole number of periods, at least 1"),
    "expr.empty": ("公式为空", "the formula is empty"),
    "expr.too_long": ("公式太长（超过 {limit} 个字符）：拆成几个 values 分步计算", "the formula is over {limit} characters: "
                      "compute it in steps under values"),
    "expr.too_deep": ("公式嵌套太深（超过 {limit} 层）：拆成几个 values 分步计算", "the formula nests over {limit} levels: "
                      "compute it in steps under values"),
    "expr.number_too_long": ("数字 {value} 超过 {digits} 位", "the number {value} has over {digits} digits"),
    "expr.round_places": ("round 的第二个参数须是 0 到 {limit} 的整数（保留几位小数）",
                          "the second argument of round must be a whole number from 0 to {limit} (decimal places)"),
    "expr.type": ("{where} 需要{wanted}, 这里是{got}", "{where} needs {wanted}, got {got}"),
    "expr.mismatch": ("{where} 两边的类型不同：{a}与{b}", "{where} compares {a} with {b}"),
    # results (shown in Chinese: the handbook's pages are Chinese; the English is for an English handbook)
    "reason.none": ("没有任何升降条件成立，保持现状", "no condition to move up or down holds: the level stays"),
}


class Words:
    """A text in both languages, used as a message parameter and rendered in the message's language."""

    __slots__ = ("zh", "en")

    def __init__(self, zh, en):
        self.zh, self.en = zh, en

    def text(self, lang="zh"):
        return self.zh if lang == "zh" else self.en

    def __eq__(self, other):
        return isinstance(other, Words) and (self.zh, self.en) == (other.zh, other.en)

    def __hash__(self):
        return hash((self.zh, self.en))

    def __repr__(self):
        return f"Words({self.zh!r}, {self.en!r})"


NOTHING = Words("", "")


class _InLanguage(dict):
    """Message parameters as one language reads them; an absent one is empty."""

    def __init__(self, params, lang):
        super().__init__({k: v.text(lang) if isinstance(v, Words) else v for k, v in params.items()})

    def __missing__(self, key):
        return ""


def render(template, lang, params):
    """A {placeholder} template filled from params, Words in the template's language."""
    return template.format_map(_InLanguage(params, lang))


def say(message_id, lang="zh", /, **params):
    """The message `message_id` in `lang` ("zh" or "en")."""
    zh, en = MESSAGES[message_id]
    return render(zh if lang == "zh" else en, lang, params)


def did_you_mean(word, choices, cutoff=0.6, quoted=True):
    """The "did you mean" hint after an unknown name: the closest of `choices`, or NOTHING. Names in a
    formula are code and go unquoted; ids and keys are quoted."""
    near = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=cutoff)
    if not near:
        return NOTHING
    if quoted:
        return Words(f"（是否想写“{near[0]}”？）", f" (did you mean '{near[0]}'?)")
    return Words(f"（是否想写 {near[0]}？）", f" (did you mean {near[0]}?)")
