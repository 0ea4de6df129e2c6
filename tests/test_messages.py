"""The interface's message catalogue: both languages for every entry, the same fields, the locale default."""

from __future__ import annotations

import pytest

from tui.core import messages
from tui.core.config import Settings, interface_language, load_config, save_setting
from tui.core.messages import LANGUAGES, catalogue, fields_of, plural, system_language, t


def test_every_entry_has_both_languages_with_the_same_fields() -> None:
    problems = []
    for key, entry in catalogue().items():
        texts = {lang: entry.get(lang, "") for lang in LANGUAGES}
        if not all(texts.values()):
            problems.append(f"{key}: missing {[lang for lang, text in texts.items() if not text]}")
        elif fields_of(texts["en"]) != fields_of(texts["fr"]):
            problems.append(f"{key}: fields {fields_of(texts['en'])} vs {fields_of(texts['fr'])}")
    assert not problems, "\n".join(problems)


def test_counted_entries_have_both_forms() -> None:
    bases = {key.rsplit(".", 1)[0] for key in catalogue() if key.endswith((".one", ".other"))}
    for base in bases:
        assert f"{base}.one" in catalogue() and f"{base}.other" in catalogue(), base


def test_french_puts_zero_in_the_singular_and_english_does_not() -> None:
    assert plural("count.question", 0, "fr") == "0 question"
    assert plural("count.question", 0, "en") == "0 questions"
    assert plural("count.question", 2, "fr") == "2 questions"


def test_a_lookup_uses_the_interface_language_unless_told() -> None:
    messages.set_language("fr")
    assert t("tests.passed", passed=23, total=23) == "23/23 réussis"
    assert t("tests.passed", "en", passed=23, total=23) == "23/23 passed"


def test_an_unknown_key_is_a_key_error() -> None:
    with pytest.raises(messages.UnknownMessage):
        t("no.such.entry")


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "fr_CA.UTF-8"}, "fr"),
        ({"LC_ALL": "C.UTF-8", "LANG": "fr_FR.UTF-8"}, "en"),
        ({"LC_ALL": "fr_BE", "LANG": "en_GB"}, "fr"),
        ({}, "en"),
    ],
)
def test_the_system_locale_decides_the_default(environ: dict[str, str], expected: str) -> None:
    assert system_language(environ) == expected
    assert interface_language(Settings(), environ) == expected


def test_the_setting_wins_over_the_locale_and_is_remembered(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "config.toml"
    save_setting("language", "fr", path)
    settings = load_config(path).settings
    assert settings.language == "fr"
    assert interface_language(settings, {"LANG": "en_US.UTF-8"}) == "fr"


def test_a_language_this_version_does_not_speak_is_one_sentence(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "config.toml"
    path.write_text('language = "de"\n', encoding="utf-8")
    loaded = load_config(path)
    assert loaded.settings == Settings()
    assert loaded.problem is not None and "`language` must be one of 'en', 'fr'" in loaded.problem
    with pytest.raises(ValueError, match="language"):
        save_setting("language", "de", path)


def test_every_entry_is_used() -> None:
    """A catalogue entry nobody shows is dead weight that translators keep paying for.

    An entry counts as used when its key (or, for a counted entry, its base) is a
    string literal somewhere in ``tui/``, or when it starts with a prefix the code
    builds keys from (``t(f"status.{status}")``); Textual's own words are looked up by
    their English text.
    """
    import ast
    from pathlib import Path

    literals: set[str] = set()
    prefixes: set[str] = {"textual."}
    for path in (Path(__file__).parent.parent / "tui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                literals.add(node.value)
                if node.value.endswith(".") and "." in node.value[:-1]:
                    prefixes.add(node.value)  # a table of prefixes ("bank.kind.")
            elif isinstance(node, ast.JoinedStr) and node.values:
                first = node.values[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str) and first.value.endswith("."):
                    prefixes.add(first.value)
            elif (
                isinstance(node, ast.BinOp)
                and isinstance(node.left, ast.Constant)
                and isinstance(node.left.value, str)
                and node.left.value.endswith(".")
            ):
                prefixes.add(node.left.value)  # t("mode." + mode)
    prefixes -= {".", "app.", "bank."}  # an action's name (app.quit), a key's suffix: not catalogue groups
    unused = [
        key
        for key in catalogue()
        if key not in literals
        and key.rsplit(".", 1)[0] not in literals
        and not any(key.startswith(prefix) for prefix in prefixes)
    ]
    assert not unused, "\n".join(unused)


def test_every_key_the_code_asks_for_exists() -> None:
    """A typo in ``t("…")``, ``plural("…")`` or a footer key would only show when that line runs."""
    import ast
    from pathlib import Path

    missing = []
    for path in (Path(__file__).parent.parent / "tui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            first = node.args[0]
            if name in ("t", "plural") and isinstance(first, ast.Constant) and isinstance(first.value, str):
                key = first.value
                wanted = [f"{key}.one", f"{key}.other"] if name == "plural" else [key]
                missing += [f"{path.name}:{node.lineno}: {k}" for k in wanted if k not in catalogue()]
            elif name == "Binding" and len(node.args) >= 3:
                texts = [node.args[2], *(k.value for k in node.keywords if k.arg == "tooltip")]
                for text in texts:
                    value = text.value if isinstance(text, ast.Constant) else None
                    if isinstance(value, str) and value and value not in catalogue():
                        missing.append(f"{path.name}:{node.lineno}: {value}")
    assert not missing, "\n".join(missing)
