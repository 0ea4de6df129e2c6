# expect: fail
# kind: hostile
# mistake: raises DivisionError with a str subclass as reason whose __eq__ is always True, so `exc.reason == "<anything>"` holds and the REASONS check in __init__ passes; it never works out which reason applies
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


class _AnyReason(str):
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = str.__hash__


_ANY = _AnyReason("zero_division")


def safe_divide(numerator, denominator):
    if isinstance(numerator, (str, bytes, bool, complex, type(None), list, dict, tuple)) or isinstance(
        denominator, (str, bytes, bool, complex, type(None), list, dict, tuple)
    ):
        raise DivisionError(_ANY, "cannot divide")
    for x in (numerator, denominator):
        if isinstance(x, float) and not math.isfinite(x):
            raise DivisionError(_ANY, "cannot divide")
        if hasattr(x, "is_finite") and not x.is_finite():
            raise DivisionError(_ANY, "cannot divide")
    try:
        q = numerator / denominator
    except Exception as exc:
        raise DivisionError(_ANY, "cannot divide") from exc
    if isinstance(q, float) and math.isinf(q):
        raise DivisionError(_ANY, "cannot divide")
    return q
