"""Everything the server does once so that each forked run does not.

A cold ``python -m pytest`` spends most of its time importing pytest and its
plugins and rewriting the test file's asserts. The server imports all of it
once (``warm_up``) and keeps each suite's assert-rewritten code in memory
(``precompile``): a forked test process inherits both for free. The cache
is keyed by the suite's bytes, so an edited suite is simply rewritten again.
"""

from __future__ import annotations

import _imp
import ast
import contextlib
import functools
import gc
import hashlib
import importlib
import importlib.util
import marshal
import sys
from pathlib import Path
from types import CodeType
from typing import Any

__all__ = ["precompile", "warm_up"]

_REWRITTEN: dict[bytes, CodeType] = {}

#: Modules a run would otherwise import lazily (measured with ``sys.modules``).
_EXTRA_MODULES = (
    "pytest_timeout",
    "_pytest._argcomplete",
    "_pytest._io.saferepr",
    "_pytest.assertion.rewrite",
    "_pytest.assertion.util",
    "_pytest.assertion.truncate",
    "faulthandler",
    "pdb",
    "difflib",
    "pprint",
    "decimal",
    "fractions",
    "ctypes",
    "json",
    "checkers.plugin",
    "checkers.worker",
    "checkers.perf",
    "checkers.expect",
    "hypothesis",  # the suites' differential tests generate inputs with it
    "hypothesis.strategies",
)


@functools.cache
def warm_up() -> None:
    """Import pytest, its built-in plugins and our own modules; install the rewrite cache (once)."""
    import _pytest.config

    for name in _pytest.config.default_plugins:
        importlib.import_module(f"_pytest.{name}")
    for name in _EXTRA_MODULES:
        with contextlib.suppress(ImportError):  # optional (e.g. readline for pdb)
            importlib.import_module(name)
    import _pytest.assertion.rewrite as rewrite

    original = rewrite._rewrite_test

    def cached_rewrite_test(fn: Path, config: Any) -> tuple[bytes, CodeType]:
        source = fn.read_bytes()
        code = _REWRITTEN.get(hashlib.sha256(source).digest())
        if code is None:
            return original(fn, config)
        _imp._fix_co_filename(code, str(fn))  # type: ignore[attr-defined]  # CPython's own helper, not in typeshed
        return importlib.util.source_hash(source), code

    rewrite._rewrite_test = cached_rewrite_test

    from checkers.bounded import guard_pytest_comparisons

    guard_pytest_comparisons()
    ignore_loaded_modules_constants()


def ignore_loaded_modules_constants() -> bool:
    """Keep the checker's own code out of the inputs Hypothesis generates; True when that took effect.

    Hypothesis mixes into its inputs the constants of every "local" module in
    ``sys.modules`` (files outside site-packages and the standard library).
    Run from a checkout, that includes ``checkers/`` itself: adding a number
    to the run budget changed the 300 inputs of safe-divide's differential
    test, which then stopped catching a mutant; installed as a package, the
    same suite would see other inputs again. Marking every module loaded now
    (pytest, Hypothesis, the checker) as already seen leaves only the files
    of a run, the suite, the answer and the model answer, whose constants are
    the same wherever mockloop is installed. Hypothesis keeps this in private
    module state; if it moves, the suites still run (with the old behaviour)
    and ``tests/test_checker_protocol.py`` says so.
    """
    try:
        from hypothesis.internal.conjecture import providers
    except ImportError:
        return False
    seen = getattr(providers, "_seen_modules", None)
    if not isinstance(seen, set) or not hasattr(providers, "_sys_modules_len"):
        return False
    seen.update(id(module) for module in list(sys.modules.values()))
    return True


def precompile(source: bytes) -> bytes | None:
    """Rewrite and compile a suite (once per content); return it for a test process.

    The result is the suite's SHA-256 followed by the marshalled code: the
    server writes it beside the test process's folder and the process
    ``install``s it, because a process forked before the suite was first
    seen cannot inherit it. None when the suite does not compile (pytest
    then reports the error in the run).
    """
    key = hashlib.sha256(source).digest()
    code = _REWRITTEN.get(key)
    if code is None:
        from _pytest.assertion.rewrite import rewrite_asserts

        try:
            tree = ast.parse(source, filename="tests.py")
            rewrite_asserts(tree, source, "tests.py", None)
            code = compile(tree, "tests.py", "exec", dont_inherit=True)
        except (SyntaxError, ValueError):
            return None
        _REWRITTEN[key] = code
    return key + marshal.dumps(code)


def install(key: bytes, code: CodeType) -> None:
    """In a test process: use ``code`` when pytest imports a suite whose SHA-256 is ``key``."""
    _REWRITTEN[key] = code


def freeze() -> None:
    """Move the server's objects out of the GC's sight before forking.

    A forked child that collects garbage would otherwise walk (and so
    copy-on-write) every object inherited from the server.
    """
    gc.freeze()
