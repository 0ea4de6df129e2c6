"""safe_divide: divide two real numbers, or raise a DivisionError saying why not."""

import math
import numbers
from decimal import Decimal, InvalidOperation
from decimal import Overflow as DecimalOverflow


class DivisionError(Exception):
    """Raised by safe_divide when it cannot divide; ``reason`` says why.

    The reasons, in the order safe_divide checks them:

    - "not_a_number": an argument is not a real number (str, None, bool, complex…)
    - "not_finite": an argument is NaN or infinite
    - "incompatible": Python cannot divide these two kinds of number together
    - "zero_division": the denominator is zero
    - "overflow": the quotient is too large to represent
    """

    REASONS = ("not_a_number", "not_finite", "incompatible", "zero_division", "overflow")

    def __init__(self, reason: str, message: str | None = None) -> None:
        if reason not in self.REASONS:
            # A typo such as "zero-division" fails loudly instead of slipping through.
            raise ValueError(f"unknown reason {reason!r}; expected one of {', '.join(self.REASONS)}")
        super().__init__(message if message is not None else reason)
        self.reason = reason


def _is_real_number(value: object) -> bool:
    # bool is a subclass of int, so True / 2 == 0.5; a bool reaching a division
    # is almost always a bug upstream, so refuse it first.
    if isinstance(value, bool):
        return False
    # numbers.Real covers int, float and Fraction (and float-like types from
    # other libraries). Decimal is deliberately not registered as Real, so it
    # is named on its own. str, None, complex and containers are all refused.
    return isinstance(value, (numbers.Real, Decimal))


def _is_finite(value: object) -> bool:
    if isinstance(value, Decimal):
        return value.is_finite()
    # int and Fraction are always finite. Never call math.isfinite on them:
    # it converts to float, and math.isfinite(10**400) raises OverflowError.
    if isinstance(value, numbers.Rational):
        return True
    return math.isfinite(value)


def safe_divide(numerator, denominator):
    """Return numerator / denominator, or raise DivisionError.

    Real numbers are int, float, fractions.Fraction and decimal.Decimal; the
    result is whatever Python's `/` gives for them (7 / 2 -> 3.5,
    Fraction(1, 3) / 2 -> Fraction(1, 6), Decimal(1) / 8 -> Decimal('0.125')).

    Otherwise raise DivisionError with the first reason that applies, in the
    order of DivisionError.REASONS. When the DivisionError replaces an
    exception Python raised, chain it: `raise DivisionError(...) from exc`.
    Never return an error value.
    """
    # 1. The arguments, before any arithmetic.
    for value in (numerator, denominator):
        if not _is_real_number(value):
            raise DivisionError("not_a_number", f"{type(value).__name__} is not a real number")
    for value in (numerator, denominator):
        if not _is_finite(value):
            raise DivisionError("not_finite", f"{value!r} is not a finite number")

    # 2. The division: let Python do it and translate what it raises. `from exc`
    #    keeps the original exception as __cause__, so the traceback shows it.
    try:
        quotient = numerator / denominator
    except TypeError as exc:
        # Both are real numbers, yet Python will not mix them: Decimal with
        # float or with Fraction.
        raise DivisionError(
            "incompatible",
            f"cannot divide {type(numerator).__name__} by {type(denominator).__name__}",
        ) from exc
    except (ZeroDivisionError, InvalidOperation) as exc:
        # ZeroDivisionError covers int, float, Fraction and decimal's
        # DivisionByZero. Decimal(0) / Decimal(0) is undefined rather than
        # infinite and raises InvalidOperation, which is not a ZeroDivisionError;
        # with finite arguments it is the only InvalidOperation `/` can raise.
        raise DivisionError("zero_division", "division by zero") from exc
    except (OverflowError, DecimalOverflow) as exc:
        # int / int is a float: 10**400 / 3 cannot be one. decimal.Overflow is
        # decimal's own signal, not a subclass of OverflowError. 10**400 / 0.0
        # raises OverflowError too (the int does not fit a float) before the
        # zero is seen, but a zero denominator comes first in the table.
        if denominator == 0:
            raise DivisionError("zero_division", "division by zero") from exc
        raise DivisionError("overflow", "the quotient is too large to represent") from exc

    # 3. The result: float division never raises on overflow, it returns inf
    #    (1e308 / 1e-308). A quotient too small to represent just becomes 0.0.
    if not _is_finite(quotient):
        raise DivisionError("overflow", "the quotient is too large to represent")
    return quotient
