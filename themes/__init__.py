"""mockloop's themes: theme files (TOML), their strict loader, and the colours derived from them.

This package knows Textual (it makes ``textual.theme.Theme`` and
``TextAreaTheme`` objects) but never imports ``tui``. The file format is
documented in ``themes/README.md``; the shipped files are in ``themes/files``.

- ``spec``: read and validate theme files (``load_theme_file``, ``load_theme_folder``, ``shipped_themes``)
- ``variables``: the app's own theme variables (``$status-passed``, ``$timer-low``, ``$syntax-keyword``…)
  and how a theme that leaves them out gets them (``complete_variables``)
- ``code``: the editor's ``TextAreaTheme`` and the highlighter for other code, from those variables
- ``contrast``: WCAG contrast ratios
"""

from themes.spec import (
    DEFAULT_THEME,
    SHIPPED_DIR,
    ThemeFileError,
    ThemeFolder,
    ThemeSpec,
    load_theme_file,
    load_theme_folder,
    parse_theme,
    shipped_themes,
)
from themes.variables import APP_VARIABLES, complete_variables

__all__ = [
    "APP_VARIABLES",
    "DEFAULT_THEME",
    "SHIPPED_DIR",
    "ThemeFileError",
    "ThemeFolder",
    "ThemeSpec",
    "complete_variables",
    "load_theme_file",
    "load_theme_folder",
    "parse_theme",
    "shipped_themes",
]
