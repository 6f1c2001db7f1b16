"""Exact decimal arithmetic shared by every rule: no float ever touches a score."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

ZERO = Decimal(0)
HUNDRED = Decimal(100)


def dec(value) -> Decimal:
    """A Decimal from an int, a numeric string or a Decimal (floats are refused: they are inexact)."""
    if isinstance(value, bool):
        raise TypeError("a boolean is not a number")
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        # JSON answers arrive as floats; their shortest repr is what the person typed.
        return Decimal(repr(value))
    if isinstance(value, str):
        try:
            result = Decimal(value.strip())
        except InvalidOperation:
            raise ValueError(f"not a number: {value!r}") from None
        if not result.is_finite():
            raise ValueError(f"not a finite number: {value!r}")
        return result
    raise TypeError(f"not a number: {value!r}")


def fmt(value: Decimal) -> str:
    """Canonical text of a decimal: no exponent, no trailing zeros ("83.25", "60", "-0.5")."""
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    text = format(value.normalize(), "f")
    return text


def quantize(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def is_multiple(value: Decimal, step: Decimal) -> bool:
    return step == ZERO or (value / step) == (value / step).to_integral_value()
