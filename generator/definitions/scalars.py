"""What a YAML scalar means: the YAML 1.2 core schema, plus dates, with bounded numbers.

PyYAML resolves plain scalars by YAML 1.1, which silently changes what HR typed: `010` became 8
(octal), `9:30` became 570 (base 60), `yes`/`no`/`on`/`off` became true/false. Here only
`true`/`false` are booleans, numbers are decimal (or 0x/0o), and a number that is used as text keeps
its digits as typed (`pay_grade: 010` stays "010"). Quoted scalars are always text.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_INT_BASE = re.compile(r"^0(?:o[0-7]+|x[0-9a-fA-F]+)$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_SPECIAL = re.compile(r"^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")

# A definition never needs more: money up to a trillion, scores with a few decimals.
MAX_DIGITS = 15
MAX_MAGNITUDE = Decimal(10) ** 12

_STR, _INT_TAG, _FLOAT_TAG = "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
_BOOL_TAG, _NULL_TAG = "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null"


class BadScalar(Exception):
    def __init__(self, mark, code, **params):
        super().__init__(code)
        self.mark, self.code, self.params = mark, code, params


class YamlInt(int):
    """An integer that remembers how it was written, for fields that take text."""

    text: str

    def __new__(cls, value, text):
        obj = super().__new__(cls, value)
        obj.text = text
        return obj

    def __reduce__(self):  # copy.deepcopy and pickle keep the text too
        return YamlInt, (int(self), self.text)


def as_text(value):
    """A scalar used where text is expected: as the person typed it."""
    return getattr(value, "text", None) or str(value)


def resolve(event):
    value, tag, mark = event.value, event.tag, event.start_mark
    plain = event.implicit[0] and event.style in (None, "")
    if tag in (None, "!") and not plain:
        return value
    if tag in (None, "!"):
        return _plain(value, mark)
    if tag == _STR:
        return value
    if tag in (_INT_TAG, _FLOAT_TAG, _BOOL_TAG, _NULL_TAG):
        resolved = _plain(value, mark)
        wanted = {_INT_TAG: int, _FLOAT_TAG: (int, Decimal), _BOOL_TAG: bool, _NULL_TAG: type(None)}[tag]
        if isinstance(resolved, wanted) and (tag != _INT_TAG or not isinstance(resolved, bool)):
            return resolved
    raise BadScalar(mark, "yaml_bad_tag", tag=tag)


_MAY_BE_TYPED = frozenset("0123456789+-.~nNtTfF")  # the first characters of anything but text


def _plain(value, mark):
    if value and value[0] not in _MAY_BE_TYPED:
        return value
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        _check_digits(value.lstrip("+-"), value, mark)
        return YamlInt(int(value, 10), value)
    if _INT_BASE.match(value):
        number = int(value[2:], 8 if value[1] == "o" else 16)
        _check_magnitude(Decimal(number), value, mark)
        return YamlInt(number, value)
    if _FLOAT.match(value):
        try:
            number = Decimal(value)
        except InvalidOperation:
            return value
        _check_digits(value.lstrip("+-").split("e")[0].split("E")[0].replace(".", ""), value, mark)
        _check_magnitude(number, value, mark)
        return number
    if _SPECIAL.match(value):
        raise BadScalar(mark, "number_out_of_range", value=value, digits=MAX_DIGITS)
    if _DATE.match(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return value  # an impossible date stays text: the Date type says what is wrong with it
    return value


def _check_digits(digits, value, mark):
    if len(digits.lstrip("0")) > MAX_DIGITS:
        raise BadScalar(mark, "number_out_of_range", value=value, digits=MAX_DIGITS)


def within_limits(number):
    """Finite, below 10^12 and with at most 15 decimal places: every number a definition needs."""
    number = Decimal(number)
    return number.is_finite() and abs(number) < MAX_MAGNITUDE and number.as_tuple().exponent >= -MAX_DIGITS


def _check_magnitude(number, value, mark):
    if not within_limits(number):
        raise BadScalar(mark, "number_out_of_range", value=value, digits=MAX_DIGITS)
