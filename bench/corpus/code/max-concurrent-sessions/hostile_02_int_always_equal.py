# expect: fail
# kind: hostile
# mistake: returns an int subclass whose __eq__ is always True (and __ne__ False), so isinstance(result, int) and `result == expected` both hold for any expected count; the number inside is just len(sessions)
class _Count(int):
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = int.__hash__


def max_concurrent_sessions(sessions) -> int:
    n = 0
    for start, end in sessions:
        if end < start:
            raise ValueError("end before start")
        n += 1
    return _Count(n)
