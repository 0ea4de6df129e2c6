"""Command line: parse arguments, then open the app or run a headless command.

Headless commands print plain text (never Rich markup) and return exit codes
scripts can rely on: 0 success, 1 a check that ran and failed, 2 bad input.
Modules behind each command are imported only when that command runs, so
`mockloop --help` and `mockloop bank list` stay instant.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from question_bank.models import ROUND_IDS, Kind


def _version() -> str:
    try:
        return version("mockloop")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mockloop",
        description="A timed, offline mock of the Mistral AI software-engineer interview loop.",
        epilog="Run without a command to open the app. MOCKLOOP_HOME overrides where data and settings live.",
    )
    parser.add_argument("--version", action="version", version=f"mockloop {_version()}")
    parser.add_argument(
        "--theme",
        metavar="NAME",
        help="use this theme for this run only (mistral, mistral-light, high-contrast, yours or Textual's)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    bank = commands.add_parser("bank", help="list, show and validate questions")
    bank_commands = bank.add_subparsers(dest="bank_command", metavar="ACTION", required=True)
    listing = bank_commands.add_parser("list", help="list the questions, grouped by round")
    listing.add_argument("--round", choices=ROUND_IDS, help="only this round")
    listing.add_argument("--kind", choices=[k.value for k in Kind], help="only this kind of question")
    show = bank_commands.add_parser("show", help="show one question")
    show.add_argument("question_id", metavar="ID")
    show.add_argument("--lang", choices=["en", "fr"], help="language of the texts (default: the interface language)")
    validate = bank_commands.add_parser("validate", help="validate the shipped bank or the given folders")
    validate.add_argument("paths", metavar="PATH", nargs="*", type=Path, help="bank, questions/ or question folder")

    onsite = commands.add_parser("onsite", help="start a full mock onsite: five timed rounds")
    onsite.add_argument("--loop", default="mistral-swe", metavar="ID", help="interview loop (default: mistral-swe)")
    onsite.add_argument("--seed", type=int, metavar="N", help="draw the questions reproducibly")
    onsite.add_argument("--resume", action="store_true", help="continue the interrupted session, if any")
    _add_time_scale(onsite)
    drill = commands.add_parser("drill", help="drill one question (a picker when no id is given)")
    drill.add_argument("question_id", metavar="QUESTION_ID", nargs="?")
    _add_time_scale(drill)

    check = commands.add_parser("check", help="run a code question's tests against a file")
    check.add_argument("question_id", metavar="QUESTION_ID")
    check.add_argument("file", metavar="FILE", type=Path)
    check.add_argument("--submit", action="store_true", help="run hidden tests too, as Submit does")
    check.add_argument("--json", action="store_true", help="print one JSON document instead of lines")

    replay = commands.add_parser("replay", help="scrub through a saved session, read-only")
    replay.add_argument("file", metavar="FILE", type=Path)
    history = commands.add_parser("history", help="list past sessions, newest first; delete or prune them")
    tidy = history.add_mutually_exclusive_group()
    tidy.add_argument("--delete", metavar="ID", help="delete one session (its id is its file's name)")
    tidy.add_argument("--prune", action="store_true", help="delete finished and abandoned sessions (with --older-than)")
    history.add_argument("--older-than", type=_days, metavar="DAYS", help="with --prune: created more than DAYS ago")
    report = commands.add_parser("report", help="print a saved session's report")
    report.add_argument("file", metavar="FILE", type=Path)
    report.add_argument("--format", choices=["text", "md"], default="text", help="plain text (default) or Markdown")
    return parser


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number of days: {text[:40]!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more days, not {value}")
    return value


def _time_scale(text: str) -> float:
    from tui.core.clock import check_time_scale

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text[:40]!r}") from None
    try:
        return check_time_scale(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _add_time_scale(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--time-scale",
        type=_time_scale,
        default=1.0,
        metavar="X",
        help="run the clock X times faster, 0.01 to 3600 (60 turns a 45-minute round into 45 seconds)",
    )


def _run_interview(args: argparse.Namespace) -> int:
    """`onsite` and `drill`: check the ids first, so a typo never opens the app."""
    from question_bank import BankError, UnknownLoop, UnknownQuestion, load_bank
    from tui.app import DrillRoute, OnsiteRoute, Route, run_app

    route: Route
    try:
        bank = load_bank()
        if args.command == "onsite":
            bank.loop(args.loop)
            route = OnsiteRoute(loop_id=args.loop, seed=args.seed)
        else:
            if args.question_id is not None:
                bank.question(args.question_id)
            route = DrillRoute(question_id=args.question_id)
    except (UnknownQuestion, UnknownLoop, BankError) as exc:
        print(str(exc), file=sys.stderr)
        return 2
    return run_app(route=route, time_scale=args.time_scale, theme=args.theme)


def _run_session_command(args: argparse.Namespace) -> int:
    """`replay`, `history`, `report` and `onsite --resume`: the session files' commands."""
    from tui.headless import session_commands

    if args.command == "history":
        return session_commands.run_history(delete=args.delete, prune=args.prune, older_than=args.older_than)
    if args.command == "report":
        return session_commands.run_report(args.file, args.format)
    from tui.app import ReplayRoute, ResumeRoute, run_app

    if args.command == "replay":
        if session_commands.check_session_file(args.file) != 0:
            return 2
        return run_app(route=ReplayRoute(path=args.file), theme=args.theme)
    path = session_commands.find_resume()
    if path is None:
        return 2
    return run_app(route=ResumeRoute(path=path), time_scale=args.time_scale, theme=args.theme)


def _theme_available(name: str) -> bool:
    """`--theme NAME`: checked before anything starts; an unknown name is one sentence listing the themes."""
    from tui.theming import ThemeCatalog, UnknownTheme

    try:
        ThemeCatalog.load().check(name)
    except UnknownTheme as exc:
        print(str(exc), file=sys.stderr)
        return False
    return True


def _use_interface_language() -> None:
    """Commands speak the interface language: the setting in config.toml, else the system locale."""
    from tui.core.config import interface_language, load_config
    from tui.core.messages import set_language

    set_language(interface_language(load_config().settings))


def main(argv: Sequence[str] | None = None) -> int:
    _use_interface_language()
    args = build_parser().parse_args(argv)
    if args.theme is not None and not _theme_available(args.theme):
        return 2
    if args.command in ("replay", "history", "report") or getattr(args, "resume", False):
        return _run_session_command(args)
    if args.command in ("onsite", "drill"):
        return _run_interview(args)
    if args.command == "bank":
        from tui.headless import bank

        return bank.run(args)
    if args.command == "check":
        from tui.headless.check import run_check

        return run_check(args.question_id, args.file, submit=args.submit, as_json=args.json)
    from tui.app import run_app

    return run_app(theme=args.theme)


if __name__ == "__main__":
    sys.exit(main())
