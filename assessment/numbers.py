"""Exact decimal arithmetic shared by every rule: no float ever touches a score."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
import math
import re
import unicodedata
from functools import lru_cache

ZERO = Decimal(0)
HUNDRED = Decimal(100)
LIMIT = Decimal(10) ** 15  # no answer or rule number comes near; beyond it decimal's context overflows


class OutOfRange(ValueError):
    """Infinite, not a number, or too large to be an answer (1e999, NaN, 1e30)."""


SIGNIFICANT = 20  # digits a typed answer may carry: beyond decimal's 28, 80.000…0001 would be read as 80
TYPED_LENGTH = 64  # characters of a typed number: a 20-million-digit answer is refused before any arithmetic


def _bounded(value: Decimal) -> Decimal:
    if not value.is_finite() or abs(value) >= LIMIT or (value and value.adjusted() < -15):
        raise OutOfRange(f"out of range: {value}")
    return value


def dec(value) -> Decimal:
    """A Decimal from an int, a numeric string, a Decimal or a float (by its shortest repr, as typed)."""
    if isinstance(value, str):
        return _parse(value)
    if isinstance(value, bool):
        raise TypeError("a boolean is not a number")
    if isinstance(value, Decimal):
        return _bounded(value)
    if isinstance(value, int):
        return _bounded(Decimal(value))
    if isinstance(value, float):
        # JSON answers arrive as floats; their shortest repr is what the person typed.
        return _bounded(Decimal(repr(value)))
    raise TypeError(f"not a number: {value!r}")


_THOUSANDS = re.compile(r"^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_PLAIN = re.compile(r"^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$")


def parse_answer(text):
    """A number as people type it: 85, ８５, 85.5, 60,000, 6万, 1.5万. Not 1e2 (nobody types an exponent;
    it is a slip) and nothing else: ValueError."""
    # invisible format characters (a zero-width space pasted with the number) are not part of what was typed
    text = "".join(c for c in unicodedata.normalize("NFKC", text) if unicodedata.category(c) != "Cf")
    text = text.strip().replace(" ", "")
    if len(text) > TYPED_LENGTH:
        raise OutOfRange(f"too long to be a number: {len(text)} characters")
    scale = 1
    if text.endswith("万"):
        text, scale = text[:-1], 10_000
    if _THOUSANDS.match(text):
        text = text.replace(",", "")
    if not _PLAIN.match(text):
        raise ValueError(f"not a number: {text!r}")
    typed = Decimal(text)
    if len("".join(map(str, typed.as_tuple().digits)).strip("0")) > SIGNIFICANT:
        raise OutOfRange(f"too many digits: {text}")
    return _bounded(typed * scale)


@lru_cache(maxsize=4096)  # the rulebook's numbers are strings, read again at every scoring
def _parse(text):
    try:
        result = Decimal(text.strip())
    except InvalidOperation:
        raise ValueError(f"not a number: {text!r}") from None
    return _bounded(result)


def fmt(value: Decimal) -> str:
    """Canonical text of a decimal: no exponent, no trailing zeros ("83.25", "60", "-0.5"), no "-0"."""
    if value == 0:
        return "0"  # 0 × −1 is Decimal("-0")
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    text = format(value.normalize(), "f")
    return text


def quantize(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def is_multiple(value: Decimal, step: Decimal) -> bool:
    return step == ZERO or (value / step) == (value / step).to_integral_value()


def gcd(values):
    """The largest step (a Fraction) every value is a whole multiple of, exactly; zeros skipped, 0 when all are.
    For the validator and the build: `fractions` is left out of the browser's trimmed stdlib."""
    from fractions import Fraction

    result = Fraction(0)
    for value in values:
        f = abs(Fraction(value))
        if f:  # gcd of p/q and r/s is gcd(p·s, r·q) / (q·s)
            result = Fraction(math.gcd(result.numerator * f.denominator, f.numerator * result.denominator),
                              result.denominator * f.denominator) if result else f
    return result
