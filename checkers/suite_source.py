"""What the suite's own source says at a line: the statement there, and the exception it expects.

When a test fails, the report quotes the suite's statement that failed (the
whole statement, even over several lines), and when the answer raised inside
``with pytest.raises(X):`` the verdict is a wrong answer, not a crash: the
test expected an exception and got another one. Both come from the suite's
syntax tree, parsed once per file.
"""

from __future__ import annotations

import ast
from functools import lru_cache

__all__ = ["dedent", "expected_exception_at", "statement_at"]


@lru_cache(maxsize=8)
def _statements(path: str) -> tuple[tuple[int, int, str], ...]:
    """(first line, last line, source) of every statement in a file."""
    try:
        with open(path, encoding="utf-8") as f:
            source = f.read()
        tree = ast.parse(source)
    except (OSError, SyntaxError, ValueError):
        return ()
    lines = source.splitlines()
    spans: list[tuple[int, int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.stmt) and not isinstance(
            node,
            (
                ast.FunctionDef,
                ast.AsyncFunctionDef,
                ast.ClassDef,
                ast.For,
                ast.While,
                ast.If,
                ast.With,
                ast.Try,
                ast.AsyncFor,
                ast.AsyncWith,
            ),
        ):
            end = node.end_lineno or node.lineno
            text = "\n".join(lines[node.lineno - 1 : end])
            spans.append((node.lineno, end, dedent(text)))
    return tuple(spans)


def dedent(text: str) -> str:
    rows = text.splitlines()
    indent = min((len(r) - len(r.lstrip()) for r in rows if r.strip()), default=0)
    return "\n".join(r[indent:] for r in rows)


def statement_at(path: str, lineno: int) -> str:
    """The innermost simple statement of ``path`` that spans ``lineno`` ("" if none)."""
    best: tuple[int, str] | None = None
    for first, last, text in _statements(path):
        if first <= lineno <= last and (best is None or last - first < best[0]):
            best = (last - first, text)
    if best is None:
        return ""
    text = best[1]
    rows = text.splitlines()
    if len(rows) > 6:
        text = "\n".join([*rows[:6], "…"])
    return text


@lru_cache(maxsize=8)
def _raises_blocks(path: str) -> tuple[tuple[int, int, str], ...]:
    """(first line, last line, what it expects) of every ``with pytest.raises(X…):`` block in a file."""
    try:
        with open(path, encoding="utf-8") as f:
            source = f.read()
        tree = ast.parse(source)
    except (OSError, SyntaxError, ValueError):
        return ()
    blocks: list[tuple[int, int, str]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.With):
            continue
        for item in node.items:
            call = item.context_expr
            if not isinstance(call, ast.Call) or not call.args:
                continue
            func = call.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if name == "raises":
                expected = ast.get_source_segment(source, call.args[0]) or "an exception"
                blocks.append((node.lineno, node.end_lineno or node.lineno, expected))
    return tuple(blocks)


def expected_exception_at(path: str, lineno: int) -> str | None:
    """The exception the innermost ``pytest.raises`` block around ``lineno`` expects (its source), if any."""
    best: tuple[int, str] | None = None
    for first, last, expected in _raises_blocks(path):
        if first <= lineno <= last and (best is None or last - first < best[0]):
            best = (last - first, expected)
    return best[1] if best else None
