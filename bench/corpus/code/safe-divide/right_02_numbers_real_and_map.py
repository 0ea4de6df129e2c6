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


import decimal
import math
import numbers

# exception raised by `/`  ->  reason
_TRANSLATE = (
    (TypeError, "incompatible"),
    (ZeroDivisionError, "zero_division"),
    (decimal.DivisionByZero, "zero_division"),
    (decimal.InvalidOperation, "zero_division"),
    (OverflowError, "overflow"),
    (decimal.Overflow, "overflow"),
)


def _check_kind(x):
    # bool is an int (and a numbers.Real) but is refused; Decimal is not a
    # numbers.Real but is accepted.
    if isinstance(x, bool) or not isinstance(x, (numbers.Real, decimal.Decimal)):
        raise DivisionError("not_a_number", f"{type(x).__name__} is not a real number")


def _not_finite(x) -> bool:
    if isinstance(x, decimal.Decimal):
        return x.is_nan() or x.is_infinite()
    if isinstance(x, float):
        return x != x or x in (math.inf, -math.inf)
    return False


def safe_divide(numerator, denominator):
    _check_kind(numerator)
    _check_kind(denominator)
    if _not_finite(numerator) or _not_finite(denominator):
        raise DivisionError("not_finite", "NaN or infinite argument")
    try:
        result = numerator / denominator
    except Exception as exc:
        if denominator == 0 and not isinstance(exc, TypeError):
            # e.g. 10**400 / 0.0 raises OverflowError before noticing the zero
            raise DivisionError("zero_division", "division by zero") from exc
        for exc_type, reason in _TRANSLATE:
            if isinstance(exc, exc_type):
                raise DivisionError(reason, str(exc) or reason) from exc
        raise
    if isinstance(result, float) and not math.isfinite(result):
        raise DivisionError("overflow", "float quotient overflowed to infinity")
    return result
