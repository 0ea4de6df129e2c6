"""No interface text bypasses the catalogue: an AST scan of what the screens, widgets and commands show.

Every string literal (and every literal part of an f-string) passed where a
person reads it — a ``Static``/``Label``/``Button``/``Content``, a
notification, a footer key, an option, a tab, a placeholder, a printed line —
must hold no words: words come from ``tui.core.messages``. Binding
descriptions and tooltips must be catalogue keys. ``ALLOWED`` lists the few
literals that are words but not language (a product name, a file format).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tui.core.messages import has

ROOT = Path(__file__).parent.parent / "tui"
SCANNED = sorted(
    [
        *ROOT.joinpath("screens").glob("*.py"),
        *ROOT.joinpath("widgets").glob("*.py"),
        *ROOT.joinpath("headless").glob("*.py"),
        ROOT / "app.py",
        ROOT / "cli.py",
        ROOT / "session_host.py",
        ROOT / "theming.py",
    ]
)

#: Callables whose positional arguments a person reads.
TEXT_CALLS = {
    "Static",
    "Label",
    "Button",
    "Content",
    "assemble",
    "styled",
    "from_text",
    "notify",
    "Option",
    "TabPane",
    "Markdown",
    "Text",
    "print",
    "write",
    "SystemCommand",
    "ConfirmScreen",
    "update",
    "add_column",
    "add_row",
    "Tab",
    "append",
    "error",
    "ArgumentTypeError",
}
#: Keyword arguments a person reads, whatever the call.
TEXT_KEYWORDS = {
    "title",
    "placeholder",
    "label",
    "message",
    "help",
    "description",
    "epilog",
    "prompt",
    "text",
    "confirm",
    "cancel",
    "subtitle",
}

#: Literals that are words but not language.
ALLOWED = {"mockloop", "Mistral AI", "TOML", "UTC", "English", "Français", "$EDITOR", "JSON", "min", "FR/EN", "pid"}

WORDS = re.compile(r"[A-Za-zÀ-ÿ]{2,}")


def _wordy(text: str) -> bool:
    rest = text
    for allowed in sorted(ALLOWED, key=len, reverse=True):
        rest = rest.replace(allowed, " ")
    return bool(WORDS.search(rest))


def _literals(node: ast.AST) -> list[tuple[int, str]]:
    """String literals ``node`` shows directly (not through a call: a call's result is checked where it is made)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [(node.lineno, node.value)]
    if isinstance(node, ast.JoinedStr):
        return [(v.lineno, v.value) for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
    if isinstance(node, (ast.Tuple, ast.List)):  # Content.assemble(("text", "style"), ...): the text is first
        return _literals(node.elts[0]) if node.elts else []
    if isinstance(node, ast.BinOp):
        return _literals(node.left) + _literals(node.right)
    if isinstance(node, ast.IfExp):
        return _literals(node.body) + _literals(node.orelse)
    if isinstance(node, ast.Starred):
        return _literals(node.value)
    return []


def _name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def bypasses(path: Path, root: Path = ROOT.parent) -> list[str]:
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
        name = _name(call)
        where = f"{path.relative_to(root)}"
        if name == "Binding":
            texts = call.args[2:3] + [k.value for k in call.keywords if k.arg in ("description", "tooltip")]
            for node in texts:
                for line, text in _literals(node):
                    if text and not has(text):
                        found.append(f"{where}:{line}: Binding text {text!r} is not a catalogue key")
            continue
        if name in ("t", "plural", "has", "translated"):
            continue
        nodes = list(call.args) if name in TEXT_CALLS else []
        nodes += [k.value for k in call.keywords if k.arg in TEXT_KEYWORDS]
        for node in nodes:
            for line, text in _literals(node):
                if _wordy(text) and not has(text):
                    found.append(f"{where}:{line}: {name}() shows {text!r}")
    return found


def test_no_interface_text_bypasses_the_catalogue() -> None:
    problems = [problem for path in SCANNED for problem in bypasses(path)]
    assert not problems, f"{len(problems)} literal texts:\n" + "\n".join(problems)


def test_the_scan_finds_a_literal_label(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        'Static(Content("Hello there"))\nBinding("x", "y", "Run")\nself.notify(f"Saved {n} files")\n'
        'Static(Content(t("home.tagline")), id="home-tagline", classes="a b")\nBinding("x", "y", "key.run")\n',
        encoding="utf-8",
    )
    found = sorted(line.split(": ", 1)[1] for line in bypasses(sample, tmp_path))
    assert found == [
        "Binding text 'Run' is not a catalogue key",
        "Content() shows 'Hello there'",
        "notify() shows ' files'",
        "notify() shows 'Saved '",
    ]
