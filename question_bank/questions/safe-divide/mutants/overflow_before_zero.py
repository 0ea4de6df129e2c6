"""Maps every OverflowError to overflow, but 10**400 / 0.0 raises OverflowError (int converted to float) before seeing the zero.

Caught by: test_huge_int_over_a_float_zero

From the held-out corpus (bench/corpus/code/safe-divide/wrong_12_bigint_over_float_zero.py), written from the prompt alone;
it passed every test of the suite before that test was added. maps every OverflowError to overflow, but 10**400 / 0.0 raises OverflowError (int converted to float) before seeing the zero: safe_divide(10**400, 0.0) gives overflow, expected zero_division (row 4 comes before row 5)
"""

import decimal
import math
from decimal import Decimal
from fractions import Fraction


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


_REAL_TYPES = (int, float, Fraction, Decimal)


def _is_real(x) -> bool:
    return isinstance(x, _REAL_TYPES) and not isinstance(x, bool)


def _is_finite(x) -> bool:
    if isinstance(x, float):
        return math.isfinite(x)
    if isinstance(x, Decimal):
        return x.is_finite()
    return True  # int and Fraction are always finite (never call float() on them)


def safe_divide(numerator, denominator):
    for arg in (numerator, denominator):
        if not _is_real(arg):
            raise DivisionError("not_a_number", f"{type(arg).__name__} is not a real number")
    for arg in (numerator, denominator):
        if not _is_finite(arg):
            raise DivisionError("not_finite", f"{arg!r} is not finite")
    try:
        quotient = numerator / denominator
    except TypeError as exc:
        raise DivisionError(
            "incompatible",
            f"cannot divide {type(numerator).__name__} by {type(denominator).__name__}",
        ) from exc
    except ZeroDivisionError as exc:  # int, float, Fraction, decimal.DivisionByZero
        raise DivisionError("zero_division", "division by zero") from exc
    except decimal.InvalidOperation as exc:  # Decimal(0) / Decimal(0)
        raise DivisionError("zero_division", "division by zero") from exc
    except (OverflowError, decimal.Overflow) as exc:
        raise DivisionError("overflow", "quotient too large to represent") from exc
    if isinstance(quotient, float) and math.isinf(quotient):
        raise DivisionError("overflow", "quotient too large for a float")
    return quotient
