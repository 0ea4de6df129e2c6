"""Theme files: the shipped ones load, and a broken one is one sentence naming the file and the key."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from themes import (
    APP_VARIABLES,
    DEFAULT_THEME,
    ThemeFileError,
    load_theme_file,
    load_theme_folder,
    parse_theme,
    shipped_themes,
)
from themes.code import TREE_SITTER_ROLES, highlight_traceback, text_area_theme
from themes.variables import resolve_colour, variables_for

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "themes" / "README.md"

GOOD = """\
name = "mine"
dark = true
[colors]
primary = "#FA500F"
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def error_for(tmp_path: Path, text: str) -> ThemeFileError:
    path = write(tmp_path, "broken.toml", text)
    with pytest.raises(ThemeFileError) as info:
        load_theme_file(path)
    return info.value


# -- shipped themes -----------------------------------------------------------------


def test_the_shipped_themes_load_and_mistral_comes_first() -> None:
    names = [spec.name for spec in shipped_themes()]
    assert names[0] == DEFAULT_THEME == "mistral"
    assert {"mistral", "mistral-light", "high-contrast"} <= set(names)
    dark = {spec.name: spec.dark for spec in shipped_themes()}
    assert dark["mistral"] and dark["high-contrast"] and not dark["mistral-light"]


def test_mistral_is_built_on_the_mistral_palette() -> None:
    mistral = next(s for s in shipped_themes() if s.name == "mistral")
    palette = {c.upper() for c in (*mistral.colors.values(), *mistral.variables.values())}
    assert {"#FA500F", "#FF8205", "#FFAF00", "#FFD800"} <= palette
    background = Color.parse(mistral.colors["background"])
    assert background.brightness < 0.1 and background.r > background.b  # near-black, warm


@pytest.mark.parametrize("spec", shipped_themes(), ids=lambda s: s.name)
def test_every_shipped_theme_sets_every_app_variable(spec: object) -> None:
    """A shipped theme chooses its own status, timer, code and editor colours; none is left to derivation."""
    from themes import ThemeSpec

    assert isinstance(spec, ThemeSpec)
    assert set(APP_VARIABLES) <= set(spec.variables), set(APP_VARIABLES) - set(spec.variables)
    assert spec.description
    for key in ("foreground", "background", "surface", "panel", "success", "warning", "error", "accent"):
        assert key in spec.colors


def test_a_shipped_theme_makes_a_textual_theme_and_an_editor_theme() -> None:
    for spec in shipped_themes():
        theme = spec.to_theme()
        variables = variables_for(theme)
        assert variables["status-passed"] == spec.variables["status-passed"]
        editor = text_area_theme(f"mockloop-{spec.name}", variables)
        assert editor.base_style is not None and editor.base_style.bgcolor is not None
        assert editor.base_style.bgcolor.triplet is not None
        assert editor.base_style.bgcolor.triplet.hex.upper() == spec.variables["editor-background"].upper()
        assert set(TREE_SITTER_ROLES) <= set(editor.syntax_styles)


@pytest.mark.parametrize("name", sorted(BUILTIN_THEMES))
def test_textual_builtin_themes_get_every_app_variable(name: str) -> None:
    variables = variables_for(BUILTIN_THEMES[name])
    for key in APP_VARIABLES:
        Color.parse(variables[key])  # an opaque colour, usable by Rich too
    text_area_theme("x", variables)


def test_resolve_colour_understands_textual_values() -> None:
    assert resolve_colour("#FF0000", "#000000").hex6 == "#FF0000"
    assert resolve_colour("#FF0000 50%", "#000000").hex6 == "#7F0000"
    assert resolve_colour("auto 100%", "#000000").hex6 in ("#FFFFFF", "#FEFEFE")
    assert resolve_colour("#FFFFFF80", "#000000").hex6 in ("#7F7F7F", "#808080")


# -- validation ---------------------------------------------------------------------


def test_a_minimal_theme_is_valid(tmp_path: Path) -> None:
    spec = load_theme_file(write(tmp_path, "mine.toml", GOOD))
    assert spec.name == "mine" and spec.dark and spec.colors == {"primary": "#FA500F"}
    assert spec.source == tmp_path / "mine.toml"


@pytest.mark.parametrize(
    ("text", "key", "words"),
    [
        (GOOD + 'primay = "#000000"\n', "colors.primay", ["unknown key", "primary"]),
        (GOOD + 'surface = "ornage"\n', "colors.surface", ["not a colour", "ornage"]),
        (GOOD + "surface = 12\n", "colors.surface", ["colour in quotes"]),
        (GOOD.replace('name = "mine"\n', ""), "name", ["missing"]),
        (GOOD.replace('"mine"', '"My Theme"'), "name", ["lowercase"]),
        (GOOD.replace("dark = true\n", ""), "dark", ["missing"]),
        (GOOD.replace("dark = true", 'dark = "yes"'), "dark", ["true or false"]),
        (GOOD.replace('primary = "#FA500F"\n', 'accent = "#FFAF00"\n'), "colors.primary", ["missing"]),
        (GOOD + '[variables]\nstatus-pased = "#00FF00"\n', "variables.status-pased", ["unknown key"]),
        (GOOD + '[variables]\nstatus-passed = "green-ish"\n', "variables.status-passed", ["not a colour"]),
        (GOOD + '[variables]\nsyntax-keyword = "#FF0000"\n', "variables.syntax-keyword", ["[syntax]"]),
        (GOOD + '[variables]\nfooter-key-foreground = "nope"\n', "variables.footer-key-foreground", ["not a colour"]),
        (GOOD + '[variables]\nlink-style = "shiny"\n', "variables.link-style", ["text style"]),
        (GOOD + '[syntax]\nkeywrd = "#FF0000"\n', "syntax.keywrd", ["unknown key", "keyword"]),
        (GOOD + '[syntax]\nkeyword = "#GG0000"\n', "syntax.keyword", ["not a colour"]),
        (GOOD + '[editor]\nbackgroud = "#000000"\n', "editor.backgroud", ["unknown key", "background"]),
        ('colour = "red"\n' + GOOD, "colour", ["unknown key"]),
        ('name = "mine"\ndark = true\ncolors = 3\n', "colors", ["table"]),
    ],
)
def test_a_bad_theme_file_is_one_sentence_naming_file_and_key(
    tmp_path: Path, text: str, key: str, words: list[str]
) -> None:
    error = error_for(tmp_path, text)
    message = str(error)
    assert message.startswith(f"{tmp_path / 'broken.toml'}: ")
    assert error.key == key and f"`{key}`" in message
    for word in words:
        assert word in message
    assert message.endswith(".") and "\n" not in message
    assert error.short().startswith("broken.toml: ")


def test_not_toml_and_not_utf8_are_one_sentence_too(tmp_path: Path) -> None:
    assert "not valid TOML" in str(error_for(tmp_path, "name = \n"))
    path = tmp_path / "latin.toml"
    path.write_bytes(b'name = "caf\xe9"\n')
    with pytest.raises(ThemeFileError, match="UTF-8"):
        load_theme_file(path)


def test_textual_variables_may_be_overridden_with_textual_values(tmp_path: Path) -> None:
    text = GOOD + '[variables]\ninput-selection-background = "#81a1c1 35%"\nblock-cursor-text-style = "none"\n'
    spec = load_theme_file(write(tmp_path, "mine.toml", text))
    assert spec.to_theme().variables["input-selection-background"] == "#81a1c1 35%"


def test_parse_theme_accepts_parsed_data() -> None:
    spec = parse_theme({"name": "x", "dark": False, "colors": {"primary": "#123456"}})
    assert not spec.dark and spec.to_theme().primary == "#123456"


# -- folders ------------------------------------------------------------------------


def test_a_folder_loads_the_good_files_and_reports_the_bad(tmp_path: Path) -> None:
    write(tmp_path, "a-good.toml", GOOD)
    write(tmp_path, "b-broken.toml", GOOD + 'nope = "#000000"\n')
    write(tmp_path, "c-same-name.toml", GOOD)
    write(tmp_path, "notes.txt", "not a theme")
    folder = load_theme_folder(tmp_path)
    assert [s.name for s in folder.themes] == ["mine"]
    assert [e.path.name for e in folder.errors] == ["b-broken.toml", "c-same-name.toml"]
    assert "a-good.toml" in str(folder.errors[1])


def test_a_missing_folder_holds_no_themes(tmp_path: Path) -> None:
    folder = load_theme_folder(tmp_path / "absent")
    assert folder.themes == [] and folder.errors == []


# -- code colours elsewhere ---------------------------------------------------------


def test_tracebacks_are_highlighted_with_theme_variables() -> None:
    content = highlight_traceback(
        "solution.py, line 4, in safe_divide\n    return a / b\n  [3 frames not shown]\n"
        "ZeroDivisionError: division by zero"
    )
    assert content.plain.splitlines()[1] == "    return a / b"
    styles = {str(span.style) for span in content.spans}
    assert {"$syntax-number", "$syntax-function", "$syntax-keyword", "bold $status-failed"} <= styles


# -- the package's boundaries and documentation -----------------------------------------


def test_themes_never_imports_tui() -> None:
    code = (
        "import sys, themes, themes.code, themes.contrast, themes.spec, themes.variables\n"
        "themes.shipped_themes()\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'tui')\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr


def test_the_readme_example_is_a_valid_theme(tmp_path: Path) -> None:
    """The complete example in themes/README.md is loaded, so the documentation cannot drift."""
    text = README.read_text(encoding="utf-8")
    start = text.index("```toml\n") + len("```toml\n")
    example = text[start : text.index("```", start)]
    spec = load_theme_file(write(tmp_path, "example.toml", example))
    assert set(APP_VARIABLES) <= set(spec.variables)
