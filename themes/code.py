"""Code colours from a theme's variables: the editor's ``TextAreaTheme`` and a highlighter for other code.

Both read the ``syntax-*`` and ``editor-*`` variables (see ``themes.variables``),
so one set of colours paints the editor, the read-only code views and the
tracebacks. ``text_area_theme`` needs the resolved values (a ``TextAreaTheme``
holds Rich styles, not CSS variables), so it is rebuilt when the app's theme
changes; ``SyntaxHighlightTheme`` refers to the variables by name
(``$syntax-keyword``) and follows a theme switch by itself.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from pygments.token import Token
from rich.style import Style
from textual.content import Content
from textual.highlight import HighlightTheme, TokenType, highlight
from textual.widgets.text_area import TextAreaTheme

#: tree-sitter highlight names (Textual's queries) → (syntax role, Rich style attributes).
TREE_SITTER_ROLES: dict[str, tuple[str, str]] = {
    "keyword": ("keyword", ""),
    "keyword.function": ("keyword", ""),
    "keyword.return": ("keyword", ""),
    "keyword.operator": ("keyword", ""),
    "conditional": ("keyword", ""),
    "repeat": ("keyword", ""),
    "exception": ("keyword", ""),
    "include": ("keyword", ""),
    "string": ("string", ""),
    "string.documentation": ("string", "italic"),
    "string.escape": ("constant", ""),
    "inline_code": ("string", ""),
    "comment": ("comment", "italic"),
    "number": ("number", ""),
    "float": ("number", ""),
    "function": ("function", ""),
    "function.call": ("function", ""),
    "method": ("function", ""),
    "method.call": ("function", ""),
    "function.builtin": ("builtin", ""),
    "class": ("class", ""),
    "type": ("class", ""),
    "type.class": ("class", ""),
    "type.definition": ("class", ""),
    "constructor": ("class", ""),
    "type.builtin": ("builtin", ""),
    "variable.builtin": ("builtin", "italic"),
    "attribute.builtin": ("builtin", ""),
    "constant": ("constant", ""),
    "constant.builtin": ("constant", ""),
    "boolean": ("constant", ""),
    "none": ("constant", ""),
    "json.null": ("constant", ""),
    "attribute": ("decorator", ""),
    "operator": ("operator", ""),
    "regex.operator": ("keyword", ""),
    "punctuation.bracket": ("punctuation", ""),
    "punctuation.delimiter": ("punctuation", ""),
    "punctuation.special": ("punctuation", ""),
    "regex.punctuation.bracket": ("keyword", ""),
    "heading": ("keyword", "bold"),
    "heading.marker": ("comment", ""),
    "list.marker": ("comment", ""),
    "link.label": ("keyword", ""),
    "link.uri": ("function", "underline"),
    "tag": ("keyword", ""),
    "yaml.field": ("keyword", "bold"),
    "json.label": ("keyword", "bold"),
    "toml.type": ("keyword", ""),
    "toml.datetime": ("number", ""),
    "css.property": ("number", ""),
    "error": ("constant", "underline"),
}

_PLAIN = {"bold": Style(bold=True), "italic": Style(italic=True), "strikethrough": Style(strike=True)}


def text_area_theme(name: str, variables: Mapping[str, str]) -> TextAreaTheme:
    """The editor theme for a set of (completed, resolved) theme variables.

    ``variables`` is the app's ``get_css_variables()``: every ``syntax-*`` and
    ``editor-*`` value is an opaque colour by then (``themes.variables`` made sure).
    """
    background = variables["editor-background"]
    foreground = variables["editor-foreground"]
    gutter = variables["editor-gutter"]
    cursor_line = variables["editor-cursor-line"]
    syntax: dict[str, Style] = dict(_PLAIN)
    for highlight_name, (role, attributes) in TREE_SITTER_ROLES.items():
        syntax[highlight_name] = Style.parse(f"{attributes} {variables[f'syntax-{role}']}".strip())
    return TextAreaTheme(
        name=name,
        base_style=Style(color=foreground, bgcolor=background),
        gutter_style=Style(color=gutter, bgcolor=background),
        cursor_style=Style(color=background, bgcolor=foreground),
        cursor_line_style=Style(bgcolor=cursor_line),
        cursor_line_gutter_style=Style(color=foreground, bgcolor=cursor_line),
        bracket_matching_style=Style(bgcolor=variables["editor-bracket-match"], bold=True),
        selection_style=Style(bgcolor=variables["editor-selection"]),
        syntax_styles=syntax,
    )


class SyntaxHighlightTheme(HighlightTheme):
    """Pygments tokens → the theme's ``$syntax-*`` variables (for ``textual.highlight.highlight``)."""

    STYLES: dict[TokenType, str] = {  # noqa: RUF012 - overrides Textual's attribute of that type
        Token.Comment: "italic $syntax-comment",
        Token.Error: "$status-failed",
        Token.Generic.Strong: "bold",
        Token.Generic.Emph: "italic",
        Token.Generic.Error: "bold $status-failed",
        Token.Generic.Traceback: "bold $syntax-comment",
        Token.Generic.Heading: "bold $syntax-keyword",
        Token.Generic.Subheading: "$syntax-keyword",
        Token.Keyword: "$syntax-keyword",
        Token.Keyword.Constant: "$syntax-constant",
        Token.Keyword.Namespace: "$syntax-keyword",
        Token.Keyword.Type: "$syntax-builtin",
        Token.Literal.Number: "$syntax-number",
        Token.Literal.String: "$syntax-string",
        Token.Literal.String.Doc: "italic $syntax-string",
        Token.Name: "$editor-foreground",
        Token.Name.Attribute: "$syntax-function",
        Token.Name.Builtin: "$syntax-builtin",
        Token.Name.Builtin.Pseudo: "italic $syntax-builtin",
        Token.Name.Class: "$syntax-class",
        Token.Name.Constant: "$syntax-constant",
        Token.Name.Decorator: "$syntax-decorator",
        Token.Name.Exception: "$syntax-class",
        Token.Name.Function: "$syntax-function",
        Token.Name.Function.Magic: "$syntax-function",
        Token.Name.Tag: "$syntax-keyword",
        Token.Name.Variable: "$editor-foreground",
        Token.Number: "$syntax-number",
        Token.Operator: "$syntax-operator",
        Token.Operator.Word: "$syntax-keyword",
        Token.Punctuation: "$syntax-punctuation",
        Token.Punctuation.Marker: "bold $status-failed",
        Token.String: "$syntax-string",
        Token.Whitespace: "",
    }


def highlight_code(code: str, language: str = "python") -> Content:
    """``code`` highlighted in the active theme's code colours (follows a theme switch by itself)."""
    return highlight(code, language=language, theme=SyntaxHighlightTheme)


_FRAME = re.compile(r'^(\s*)(File "[^"]*"|\S[^,]*), line (\d+), in (.+)$')
_EXCEPTION = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt|Warning)\b")


def highlight_traceback(traceback: str) -> Content:
    """A traceback, line by line, in the theme's code colours (follows a theme switch by itself).

    Understands Python's format and the checker's short one (``solution.py,
    line 4, in f`` then the line indented): frame lines are muted with the
    line number and function picked out, code lines are highlighted as Python,
    the exception line stands out, notes in brackets stay muted.
    """
    lines: list[Content] = []
    for line in traceback.splitlines():
        frame = _FRAME.match(line)
        stripped = line.strip()
        if frame:
            indent, where, number, function = frame.groups()
            lines.append(
                Content.assemble(
                    indent,
                    (where, "$syntax-comment"),
                    (", line ", "$syntax-comment"),
                    (number, "$syntax-number"),
                    (", in ", "$syntax-comment"),
                    (function, "$syntax-function"),
                )
            )
        elif line.startswith("    ") and stripped and not stripped.startswith("["):
            indent = line[: len(line) - len(line.lstrip())]
            lines.append(Content.assemble(indent, highlight_code(stripped).rstrip()))
        elif _EXCEPTION.match(stripped):
            lines.append(Content.styled(line, "bold $status-failed"))
        else:
            lines.append(Content.styled(line, "italic $syntax-comment"))
    return Content("\n").join(lines)
