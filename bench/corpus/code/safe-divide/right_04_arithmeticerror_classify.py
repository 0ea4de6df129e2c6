# expect: pass
# kind: right
# mistake: none
"""safe_divide: divide two real numbers, or raise a DivisionError saying why not."""


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


import math
from decimal import Decimal
from fractions import Fraction


def _reject_non_real(x):
    if isinstance(x, bool) or not isinstance(x, (int, float, Fraction, Decimal)):
        raise DivisionError("not_a_number", f"expected a real number, got {type(x).__name__}")


def _finite(x) -> bool:
    if isinstance(x, Decimal):
        return x.is_finite()
    if isinstance(x, float):
        return not (math.isnan(x) or math.isinf(x))
    return True


def safe_divide(numerator, denominator):
    _reject_non_real(numerator)
    _reject_non_real(denominator)
    if not (_finite(numerator) and _finite(denominator)):
        raise DivisionError("not_finite", "arguments must be finite")
    try:
        result = numerator / denominator
    except TypeError as exc:
        raise DivisionError("incompatible", str(exc)) from exc
    except ArithmeticError as exc:
        # After the checks above, an arithmetic error from `/` is either a
        # zero denominator (ZeroDivisionError, decimal.DivisionByZero,
        # decimal.InvalidOperation for 0/0) or an overflow (OverflowError,
        # decimal.Overflow).
        reason = "zero_division" if denominator == 0 else "overflow"
        raise DivisionError(reason, str(exc) or reason) from exc
    if isinstance(result, float) and math.isinf(result):
        raise DivisionError("overflow", "result is too large for a float")
    return result
