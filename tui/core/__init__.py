"""The interview engine: clock, timers, attempts, the loop state machine, checker protocol.

Everything that decides something (time's up, which round is next, what is
recorded) lives here so it can be unit-tested with a fake clock and no
terminal. This package NEVER imports textual; ``tests/test_core_isolation.py``
proves it in a fresh interpreter.
"""
