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
        *ROOT.glob("*.py"),  # the app, the command line, the session host, themes, the external editor
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
ALLOWED = {
    "mockloop",
    "Mistral AI",
    "TOML",
    "UTC",
    "English",
    "Français",
    "$EDITOR",
    "JSON",
    "min",
    "FR/EN",
    "pid",
    "alt",
    "ctrl",
    "shift",
}
#: Callables whose first positional argument only is text (the second is a style).
FIRST_ONLY = {"Text", "styled", "Option"}

WORDS = re.compile(r"[A-Za-zÀ-ÿ]{2,}")
#: A Rich/Textual style (``bold $text-muted``) or a key name (``shift+tab``) is not language.
NOT_WORDS = re.compile(r"\$[\w-]+|\b(?:bold|dim|italic|underline|reverse|tab|escape|enter|pgup|pgdn|home|end)\b")


#: A command line to type (``mockloop onsite --resume``) reads the same in every language.
COMMAND = re.compile(r"^mockloop(?: [\w-]+)+$")


def _wordy(text: str) -> bool:
    if COMMAND.match(text.strip()):
        return False
    rest = NOT_WORDS.sub(" ", text)
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
        nodes = list(call.args[:1] if name in FIRST_ONLY else call.args) if name in TEXT_CALLS else []
        nodes += [k.value for k in call.keywords if k.arg in TEXT_KEYWORDS]
        for node in nodes:
            for line, text in _literals(node):
                if _wordy(text) and not has(text):
                    found.append(f"{where}:{line}: {name}() shows {text!r}")
    return found


#: Module-level tables that hold no interface text (styles, code, ids).
NOT_TEXT_TABLES = {"STATUS_LOOK", "ICONS", "SEVERITY_ICONS", "GLYPHS", "SAMPLE_CODE", "DEFAULT_CSS", "CSS", "__all__"}


def table_texts(path: Path, root: Path = ROOT.parent) -> list[str]:
    """Wordy literals in module-level tables (tuples, lists, dicts): words waiting to be shown."""
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        names = {t.id for t in targets if isinstance(t, ast.Name)}
        if names & NOT_TEXT_TABLES or not isinstance(value, (ast.Tuple, ast.List, ast.Dict, ast.Set)):
            continue
        for leaf in ast.walk(value):
            if isinstance(leaf, ast.Constant) and isinstance(leaf.value, str):
                text = leaf.value
                if " " in text.strip() and _wordy(text) and not has(text):
                    found.append(f"{path.relative_to(root)}:{leaf.lineno}: table {sorted(names)} holds {text!r}")
    return found


#: Calls whose string arguments are for the program, not a person (errors that signal a bug, selectors, names).
PROGRAM_CALLS = {
    "LookupError",
    "ValueError",
    "TypeError",
    "KeyError",
    "AssertionError",
    "RuntimeError",
    "run_worker",
    "query",
    "query_one",
    "set_class",
    "add_class",
    "remove_class",
    "has_class",
    "getattr",
    "startswith",
    "endswith",
    "set_interval",
}
CATALOGUE_CALLS = {"t", "plural", "has", "translated", "say", "label"}
PROGRAM_KEYWORDS = {"id", "classes", "name", "group", "variant", "language", "key", "cursor_type", "tab_behavior"}
SENTENCE = re.compile(r"[A-Za-zÀ-ÿ]{2,}[^\n]*\s[A-Za-zÀ-ÿ]{2,}|[A-Za-z]{2,}: $")


def sentences(path: Path, root: Path = ROOT.parent) -> list[str]:
    """Any literal of two words or more anywhere else (a label built in a list, a returned string).

    Docstrings, CSS, module tables of styles and program-facing strings (see above) are skipped.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()

    def skip(node: ast.AST) -> None:
        skipped.update(id(n) for n in ast.walk(node))

    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            skip(body[0])  # a docstring
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id in NOT_TEXT_TABLES for target in node.targets
        ):
            skip(node.value)
        if isinstance(node, ast.Call):
            if _name(node) in PROGRAM_CALLS | CATALOGUE_CALLS | {"Binding"}:
                skip(node)
            for keyword in node.keywords:
                if keyword.arg in PROGRAM_KEYWORDS:
                    skip(keyword.value)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped:
            text = node.value
            if SENTENCE.search(text) and _wordy(text) and not has(text):
                found.append(f"{path.relative_to(root)}:{node.lineno}: literal {text[:80]!r}")
    return found


def test_no_interface_text_bypasses_the_catalogue() -> None:
    problems = [problem for path in SCANNED for problem in (*bypasses(path), *table_texts(path), *sentences(path))]
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


def test_the_scan_finds_a_returned_sentence_and_skips_docstrings_and_selectors(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        'def f():\n    """A docstring of words."""\n    self.query_one("#a .b c")\n    return "No more hints"\n',
        encoding="utf-8",
    )
    assert [line.split(": ", 1)[1] for line in sentences(sample, tmp_path)] == ["literal 'No more hints'"]
