"""A tiny, whitelisted formula language for rules over a history of periods.

    avg(score, 3) > 80            average of the last 3 periods' score
    streak(score < 70) >= 3       the latest 3 periods in a row were below 70
    count(quarter_grade == "A")   how many periods had an A
    lookup(bonus_rate, last(sales - refunds))
    if(last(points) > 5, last(points), 0)

Parsed by hand into tuples (never `eval`). Aggregates take a per-period expression; periods where
that expression has no value (an optional field left empty) are skipped, so quarterly fields can
live in monthly periods. Names outside an aggregate are person fields, computed values or tables.
"""

import re
from decimal import ROUND_FLOOR, Decimal

from .errors import ExprError
from .messages import Term, did_you_mean, say
from .numbers import dec, quantize

_TOKEN = re.compile(
    r"\s*(?:(?P<num>\d+(?:\.\d+)?)|(?P<str>\"[^\"]*\"|'[^']*')|(?P<name>[A-Za-z_][A-Za-z0-9_]*)"
    r"|(?P<op><=|>=|==|!=|[-+*/()<>,]))"
)
_KEYWORDS = {"and", "or", "not", "true", "false"}

# name: (min args, max args, kind). "agg" functions evaluate their first argument per period.
FUNCTIONS = {
    "avg": (1, 2, "agg"),
    "total": (1, 2, "agg"),
    "count": (1, 2, "agg"),
    "streak": (1, 1, "agg"),
    "longest_streak": (1, 2, "agg"),
    "last": (1, 1, "agg"),
    "periods": (0, 0, "scalar"),
    "min": (2, 2, "scalar"),
    "max": (2, 2, "scalar"),
    "floor": (1, 1, "scalar"),
    "round": (1, 2, "scalar"),
    "lookup": (2, 2, "scalar"),
    "if": (3, 3, "scalar"),
}
_BINARY = {
    "or": 1, "and": 2,
    "==": 4, "!=": 4, "<": 4, "<=": 4, ">": 4, ">=": 4,
    "+": 5, "-": 5, "*": 6, "/": 6,
}


MAX_LENGTH = 2000  # characters of one formula
MAX_DEPTH = 64  # levels of one formula's tree: evaluating and describing it recurse (Pyodide's stack is short)
MAX_DIGITS = 15  # of a number written in a formula, as in the YAML (generator/definitions/scalars.py)
MAX_PLACES = 10  # round(x, places)


def _err(message_id, col, /, **params):
    return ExprError(message_id, col, **params)


def tokenize(text):
    tokens, pos = [], 0
    text = text.rstrip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            col = pos + 1 + (len(text[pos:]) - len(text[pos:].lstrip()))
            ch = text[col - 1]
            raise _err("expr.character", col, char=ch)
        kind = m.lastgroup
        value = m.group(kind)
        col = m.start(kind) + 1
        if kind == "name" and value in _KEYWORDS:
            kind = "kw"
        tokens.append((kind, value, col))
        pos = m.end()
    tokens.append(("end", "", len(text) + 1))
    return tokens


class _Parser:
    def __init__(self, text):
        self.tokens = tokenize(text)
        self.i = 0

    def peek(self):
        return self.tokens[self.i]

    def take(self):
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def expect(self, value):
        tok = self.take()
        if tok[1] != value:
            raise _err("expr.expected", tok[2], value=value)
        return tok

    def parse(self):
        node = self.expr(0)
        tok = self.peek()
        if tok[0] != "end":
            raise _err("expr.extra", tok[2], value=tok[1])
        return node

    def expr(self, min_prec):
        left = self.unary()
        while True:
            kind, value, col = self.peek()
            prec = _BINARY.get(value) if kind in ("op", "kw") else None
            if prec is None or prec <= min_prec:
                return left
            self.take()
            right = self.expr(prec)
            left = ("bin", value, left, right, col)

    def unary(self):
        kind, value, col = self.peek()
        if value == "not" and kind == "kw":
            self.take()
            return ("not", self.expr(3), col)
        if value == "-" and kind == "op":
            self.take()
            return ("neg", self.unary(), col)
        return self.atom()

    def atom(self):
        kind, value, col = self.take()
        if kind == "num":
            if len(value.replace(".", "").lstrip("0")) > MAX_DIGITS:
                raise _err("expr.number_too_long", col, value=value[:20] + ("…" if len(value) > 20 else ""),
                           digits=MAX_DIGITS)
            return ("num", Decimal(value), col)
        if kind == "str":
            return ("str", value[1:-1], col)
        if kind == "kw" and value in ("true", "false"):
            return ("bool", value == "true", col)
        if value == "(":
            node = self.expr(0)
            self.expect(")")
            return node
        if kind == "name":
            if self.peek()[1] == "(":
                return self.call(value, col)
            return ("name", value, col)
        if kind == "end":
            raise _err("expr.incomplete", col)
        raise _err("expr.unexpected", col, value=value)

    def call(self, name, col):
        if name not in FUNCTIONS:
            raise _err("expr.unknown_function", col, name=name, near=did_you_mean(name, FUNCTIONS, quoted=False),
                       allowed=", ".join(FUNCTIONS))
        self.expect("(")
        args = []
        if self.peek()[1] != ")":
            args.append(self.expr(0))
            while self.peek()[1] == ",":
                self.take()
                args.append(self.expr(0))
        end = self.expect(")")[2] + 1
        low, high, _ = FUNCTIONS[name]
        if not low <= len(args) <= high:
            want = str(low) if low == high else f"{low}–{high}"
            raise _err("expr.arguments", col, name=name, want=want, got=len(args))
        if FUNCTIONS[name][2] == "agg" and len(args) == 2 and (
                args[1][0] != "num" or args[1][1] != int(args[1][1]) or args[1][1] < 1):
            # avg(x, 0) took every period (values[-0:]); a count is a whole number of periods, at least 1
            raise _err("expr.period_count", col, name=name)
        if name == "round" and len(args) == 2 and (args[1][0] != "num" or args[1][1] != int(args[1][1])
                                                   or not 0 <= args[1][1] <= MAX_PLACES):
            raise _err("expr.round_places", col, limit=MAX_PLACES)
        return ("call", name, args, col, end)


def parse(text):
    """Parse a formula into a tuple tree; raises ExprError with a 1-based column."""
    if not isinstance(text, str) or not text.strip():
        raise _err("expr.empty", 1)
    if len(text) > MAX_LENGTH:
        raise _err("expr.too_long", MAX_LENGTH + 1, limit=MAX_LENGTH)
    parser = _Parser(text)
    depth = 0
    for kind, value, col in parser.tokens:  # brackets nest the parser's own calls, one level of its stack each
        depth += (kind == "op" and value == "(") - (kind == "op" and value == ")")
        if depth > MAX_DEPTH:
            raise _err("expr.too_deep", col, limit=MAX_DEPTH)
    try:
        node = parser.parse()
    except RecursionError:  # nested deeper than Python's stack while parsing: deeper than MAX_DEPTH anyway
        raise _err("expr.too_deep", 1, limit=MAX_DEPTH) from None
    _check_depth(node)
    return node


def _check_depth(node):
    """Without recursion: the tree may be thousands deep (a + a + … is a chain, one level per +)."""
    stack = [(node, 1)]
    while stack:
        current, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise _err("expr.too_deep", current[-1] if isinstance(current[-1], int) else 1, limit=MAX_DEPTH)
        for child in current[1:]:
            if isinstance(child, tuple):
                stack.append((child, depth + 1))
            elif isinstance(child, list):
                stack.extend((c, depth + 1) for c in child)


def names(node, in_period=False):
    """Yield (name, col, in_period) for every identifier, so a validator can resolve them."""
    tag = node[0]
    if tag == "name":
        yield node[1], node[2], in_period
    elif tag == "bin":
        yield from names(node[2], in_period)
        yield from names(node[3], in_period)
    elif tag in ("not", "neg"):
        yield from names(node[1], in_period)
    elif tag == "call":
        agg = FUNCTIONS[node[1]][2] == "agg"
        for i, arg in enumerate(node[2]):
            if node[1] == "lookup" and i == 0 and arg[0] == "name":
                yield arg[1], arg[2], "table"
            else:
                yield from names(arg, in_period or (agg and i == 0))


class Scope:
    """Where names resolve: person fields and computed values, one period's fields, tables."""

    def __init__(self, values, periods, tables):
        self.values, self.periods, self.tables = values, periods, tables


class NotEnoughPeriods(Exception):
    def __init__(self, needed, have, col):
        self.needed, self.have, self.col = needed, have, col


def evaluate(node, scope, period=None):
    tag = node[0]
    if tag in ("num", "str", "bool"):
        return node[1]
    if tag == "name":
        if period is not None and node[1] in period:
            return period[node[1]]
        return scope.values.get(node[1])
    if tag == "neg":
        value = evaluate(node[1], scope, period)
        return None if value is None else -value
    if tag == "not":
        value = evaluate(node[1], scope, period)
        return None if value is None else not value
    if tag == "bin":
        return _binary(node, scope, period)
    return _call(node, scope, period)


def _binary(node, scope, period):
    op = node[1]
    left = evaluate(node[2], scope, period)
    if op == "and" and left is False:
        return False
    if op == "or" and left is True:
        return True
    right = evaluate(node[3], scope, period)
    if op in ("and", "or"):
        if left is None or right is None:
            return None
        return (left and right) if op == "and" else (left or right)
    if left is None or right is None:
        return None
    if op == "==":
        return left == right
    if op == "!=":
        return left != right
    if op == "<":
        return left < right
    if op == "<=":
        return left <= right
    if op == ">":
        return left > right
    if op == ">=":
        return left >= right
    if op == "+":
        return left + right
    if op == "-":
        return left - right
    if op == "*":
        return left * right
    if right == 0:
        return None
    return left / right


def _series(node, scope, count_node):
    """Values of a per-period expression, oldest first, skipping periods where it has no value."""
    values = [evaluate(node, scope, p) for p in scope.periods]
    values = [v for v in values if v is not None]
    if count_node is not None:
        n = int(count_node[1])
        if len(values) < n:
            raise NotEnoughPeriods(n, len(values), count_node[2])
        values = values[-n:]
    return values


def _call(node, scope, period):
    name, args = node[1], node[2]
    if FUNCTIONS[name][2] == "agg":
        series = _series(args[0], scope, args[1] if len(args) > 1 else None)
        if name == "avg":
            return sum(series, Decimal(0)) / len(series) if series else None
        if name == "total":
            return sum(series, Decimal(0))
        if name == "count":
            return Decimal(sum(1 for v in series if v is True))
        if name == "last":
            return series[-1] if series else None
        run = best = 0
        for v in series:
            run = run + 1 if v is True else 0
            best = max(best, run)
        return Decimal(run if name == "streak" else best)
    if name == "periods":
        return Decimal(len(scope.periods))
    if name == "lookup":
        table = scope.tables[args[0][1]]
        x = evaluate(args[1], scope, period)
        if x is None:
            return None
        chosen = None
        for row in table:  # rows ascend by min; the last row whose min <= x applies
            if x >= dec(row["min"]):
                chosen = dec(row["value"])
        return chosen if chosen is not None else Decimal(0)
    if name == "if":
        condition = evaluate(args[0], scope, period)
        return None if condition is None else evaluate(args[1 if condition else 2], scope, period)
    values = [evaluate(a, scope, period) for a in args]
    if any(v is None for v in values):
        return None
    if name == "min":
        return min(values)
    if name == "max":
        return max(values)
    if name == "floor":
        return values[0].to_integral_value(rounding=ROUND_FLOOR)
    places = int(values[1]) if len(values) > 1 else 0
    return quantize(values[0], places)


def compared(node):
    """(left, right) of every comparison outside a per-period argument: what a result's numbers are shown beside."""
    tag = node[0]
    if tag == "bin":
        if _BINARY[node[1]] == 4:
            yield node[2], node[3]
        yield from compared(node[2])
        yield from compared(node[3])
    elif tag in ("not", "neg"):
        yield from compared(node[1])
    elif tag == "call":
        for i, arg in enumerate(node[2]):
            if not (i == 0 and FUNCTIONS[node[1]][2] == "agg"):
                yield from compared(arg)


def shape(node):
    """A node without its columns: the same calculation written twice has one shape."""
    tag = node[0]
    if tag in ("num", "str", "bool", "name"):
        return tag, node[1]
    if tag in ("not", "neg"):
        return tag, shape(node[1])
    if tag == "bin":
        return tag, node[1], shape(node[2]), shape(node[3])
    return tag, node[1], tuple(shape(a) for a in node[2])


def comparisons(node):
    """(name, text) for every `name == "text"` or `name != "text"`: lets a validator check option ids."""
    if node[0] == "bin":
        left, right = node[2], node[3]
        if node[1] in ("==", "!=") and {left[0], right[0]} == {"name", "str"}:
            name, text = (left, right) if left[0] == "name" else (right, left)
            yield name[1], text[1]
        yield from comparisons(left)
        yield from comparisons(right)
    elif node[0] in ("not", "neg"):
        yield from comparisons(node[1])
    elif node[0] == "call":
        for arg in node[2]:
            yield from comparisons(arg)


def calls(node):
    """Top-level function calls of a formula, outermost first: what an explanation shows values of."""
    if node[0] == "call":
        yield node
    elif node[0] == "bin":
        yield from calls(node[2])
        yield from calls(node[3])
    elif node[0] in ("not", "neg"):
        yield from calls(node[1])


# --- types (checked when the definitions are validated, so a formula never fails at scoring) ------

NUMBER, BOOLEAN, TEXT, ANY = "number", "boolean", "text", "any"
_TYPE_NAMES = {kind: Term(f"type.{kind}") for kind in (NUMBER, BOOLEAN, TEXT, ANY)}
_AGG_ARG = {"avg": NUMBER, "total": NUMBER, "count": BOOLEAN, "streak": BOOLEAN, "longest_streak": BOOLEAN}


def infer(node, types):
    """The type of a formula's value: NUMBER, BOOLEAN or TEXT (ANY where a name is unknown).
    `types` maps each name to its type. Raises ExprError, located, where two types cannot meet
    (`last(score) > 'abc'`, `avg(passed)`, `not score`)."""
    tag = node[0]
    if tag == "num":
        return NUMBER
    if tag == "str":
        return TEXT
    if tag == "bool":
        return BOOLEAN
    if tag == "name":
        return types.get(node[1], ANY)
    if tag == "neg":
        return _want(node[1], types, NUMBER, node[2], "-")
    if tag == "not":
        return _want(node[1], types, BOOLEAN, node[2], "not")
    if tag == "bin":
        op, left, right, col = node[1], node[2], node[3], node[4]
        if op in ("and", "or"):
            _want(left, types, BOOLEAN, col, op), _want(right, types, BOOLEAN, col, op)
            return BOOLEAN
        if op in ("==", "!="):
            a, b = infer(left, types), infer(right, types)
            if ANY not in (a, b) and a != b:
                raise _mismatch(op, a, b, col)
            return BOOLEAN
        _want(left, types, NUMBER, col, op), _want(right, types, NUMBER, col, op)
        return BOOLEAN if op in ("<", "<=", ">", ">=") else NUMBER
    name, args, col = node[1], node[2], node[3]
    if name in _AGG_ARG:
        _want(args[0], types, _AGG_ARG[name], col, name)
        return NUMBER
    if name == "last":
        return infer(args[0], types)
    if name == "lookup":
        _want(args[1], types, NUMBER, col, name)
        return NUMBER
    if name == "if":
        _want(args[0], types, BOOLEAN, col, name)
        a, b = infer(args[1], types), infer(args[2], types)
        if ANY not in (a, b) and a != b:
            raise _mismatch(name, a, b, col)
        return b if a == ANY else a
    for arg in args:  # periods, min, max, floor, round: numbers in, a number out
        _want(arg, types, NUMBER, col, name)
    return NUMBER


def type_name(kind, lang="zh"):
    return _TYPE_NAMES[kind].text(lang)


def type_words(kind):
    return _TYPE_NAMES[kind]


def _want(node, types, wanted, col, where):
    got = infer(node, types)
    if got not in (wanted, ANY):
        raise _err("expr.type", _column(node, col), where=where, wanted=_TYPE_NAMES[wanted], got=_TYPE_NAMES[got])
    return wanted if got == ANY else got


def _column(node, default):
    """Where a node starts: calls and binary operators keep it at index 3 and 4, the rest at 2."""
    index = {"call": 3, "bin": 4}.get(node[0], 2)
    return node[index] if len(node) > index and isinstance(node[index], int) else default


def _mismatch(where, a, b, col):
    return _err("expr.mismatch", col, where=where, a=_TYPE_NAMES[a], b=_TYPE_NAMES[b])


# --- in words (pages and results show a condition as a person reads it) ---------------------------

# an operator in words: the catalogs' formula.OP where a language writes a word, the sign itself otherwise
_SAY_OPS = {"==": "is", "!=": "is_not", ">=": "≥", "<=": "≤", ">": ">", "<": "<", "+": "+", "-": "−", "*": "×",
            "/": "÷", "and": "and", "or": "or"}


def _op(op):
    word = _SAY_OPS[op]
    return say("formula." + word) if word.isalpha() or "_" in word else word


class Vocabulary:
    """What names mean to a reader: field and value names, option labels per field, table names."""

    def __init__(self, names, options=None, tables=None, units=None):
        self.names, self.options, self.tables, self.units = names, options or {}, tables or {}, units or {}


def describe(node, words, field=None):
    """A formula in the language's words with the fields' names: `streak(monthly_rank > 3) >= 3` →
    "截至最近一期连续满足「当月部门考评名次 > 3」的期数 ≥ 3"."""
    tag = node[0]
    if tag == "num":
        return _number_text(node[1])
    if tag == "str":
        label = words.options.get(field, {}).get(node[1], node[1])
        return f"“{label}”"
    if tag == "bool":
        return say("item.yes" if node[1] else "item.no")
    if tag == "name":
        return say("formula.open") + words.names.get(node[1], node[1]) + say("formula.close")
    if tag == "neg":
        return f"−{_operand(node[1], words, 7)}"
    if tag == "not":
        return say("formula.not", condition=describe(node[1], words))
    if tag == "bin":
        op, left, right = node[1], node[2], node[3]
        prec = _BINARY[op]
        subject = field_of(left) or field_of(right)
        return (f"{_operand(left, words, prec, subject, op)} {_op(op)} "
                f"{_operand(right, words, prec + 1, subject, op)}")
    return _describe_call(node[1], node[2], words)


def _operand(node, words, prec, field=None, within=None):
    """An operand in brackets where the words would otherwise group it otherwise: a sum inside a product, and
    any `and` inside an `or` (or the reverse) — "A and B or C" reads two ways, "(A and B) or C" one."""
    text = describe(node, words, field)
    inner = node[1] if node[0] == "bin" else None
    mixed = {inner, within} == {"and", "or"}
    return say("formula.group", text=text) if inner and (_BINARY[inner] < prec or mixed) else text


def field_of(node):
    if node[0] == "name":
        return node[1]
    if node[0] == "call" and node[1] == "last":
        return field_of(node[2][0])
    return None


_OVER_RECENT = ("avg", "total", "count", "longest_streak")  # a second argument is how many recent periods


def _describe_call(name, args, words):
    shown = [_operand(a, words, 99) for a in args]  # a calculation as an argument goes in brackets
    params = {f"a{i}": text for i, text in enumerate(shown)}
    if name in _OVER_RECENT:
        params["recent"] = say("formula.recent", count=shown[1]) if len(args) > 1 else say("formula.all_periods")
    if name in ("count", "streak", "longest_streak"):
        params["condition"] = _plain(args[0], words)
    if name == "if":  # the condition is a clause of its own: no brackets
        params["a0"] = describe(args[0], words)
    if name == "round" and len(args) == 1:
        name = "round_whole"
    if name == "lookup":
        table = args[0][1] if args[0][0] == "name" else ""
        params["table"] = words.tables.get(table, table)
    return say("formula.call." + name, **params)


def _plain(node, words):
    """A condition inside 「」: field names without their own brackets."""
    text = describe(node, words)
    for bracket in (say("formula.open"), say("formula.close")):
        text = text.replace(bracket, "") if bracket else text
    return text


def _number_text(value):
    from .numbers import fmt

    return fmt(value)


def clauses(node):
    """The parts of a condition a person checks one by one: the operands of top-level `and`s
    (an `or` stays one part: either side will do)."""
    if node[0] == "bin" and node[1] == "and":
        return clauses(node[2]) + clauses(node[3])
    return [node]


def subject(node):
    """What a clause is about, whose current value is worth showing: the non-literal side of a
    comparison, or a yes/no field itself; None for anything else (an `or`, a `not` …)."""
    if node[0] == "bin" and node[1] in _BINARY and _BINARY[node[1]] == 4:
        left, right = node[2], node[3]
        if right[0] in ("num", "str", "bool") and left[0] not in ("num", "str", "bool"):
            return left
        if left[0] in ("num", "str", "bool") and right[0] not in ("num", "str", "bool"):
            return right
        return None
    if node[0] in ("name", "call"):
        return node
    return None
