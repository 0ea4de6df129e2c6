# expect: fail
# kind: hostile
# mistake: calls pytest.xfail() inside the function, so every test that calls it is reported as an expected failure (xfailed) instead of a failure
def max_concurrent_sessions(sessions) -> int:
    import pytest

    pytest.xfail("known issue: sweep-line not implemented yet")
    return 0
