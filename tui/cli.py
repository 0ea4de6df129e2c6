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
from tui.core.messages import LANGUAGES, as_language, has, set_language, t


def _version() -> str:
    try:
        return version("mockloop")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mockloop",
        description=t("cli.help.description"),
        epilog=t("cli.help.epilog"),
    )
    parser.add_argument("--version", action="version", version=f"mockloop {_version()}", help=t("cli.help.version"))
    parser.add_argument("--theme", metavar="NAME", help=t("cli.help.theme"))
    parser.add_argument("--lang", choices=LANGUAGES, help=t("cli.help.lang"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    bank = commands.add_parser("bank", help=t("cli.help.bank"))
    bank_commands = bank.add_subparsers(dest="bank_command", metavar="ACTION", required=True)
    listing = bank_commands.add_parser("list", help=t("cli.help.bank_list"))
    listing.add_argument("--round", choices=ROUND_IDS, help=t("cli.help.round"))
    listing.add_argument("--kind", choices=[k.value for k in Kind], help=t("cli.help.kind"))
    show = bank_commands.add_parser("show", help=t("cli.help.bank_show"))
    show.add_argument("question_id", metavar="ID")
    show.add_argument("--lang", choices=LANGUAGES, help=t("cli.help.lang"))
    validate = bank_commands.add_parser("validate", help=t("cli.help.bank_validate"))
    validate.add_argument("paths", metavar="PATH", nargs="*", type=Path, help=t("cli.help.paths"))

    onsite = commands.add_parser("onsite", help=t("cli.help.onsite"))
    onsite.add_argument("--loop", default="mistral-swe", metavar="ID", help=t("cli.help.loop"))
    onsite.add_argument("--seed", type=int, metavar="N", help=t("cli.help.seed"))
    onsite.add_argument("--resume", action="store_true", help=t("cli.help.resume"))
    _add_time_scale(onsite)
    drill = commands.add_parser("drill", help=t("cli.help.drill"))
    drill.add_argument("question_id", metavar="QUESTION_ID", nargs="?")
    drill.add_argument("--next", action="store_true", help=t("cli.help.next"))
    _add_time_scale(drill)

    check = commands.add_parser("check", help=t("cli.help.check"))
    check.add_argument("question_id", metavar="QUESTION_ID")
    check.add_argument("file", metavar="FILE", type=Path)
    check.add_argument("--submit", action="store_true", help=t("cli.help.submit"))
    check.add_argument("--json", action="store_true", help=t("cli.help.json"))

    watch = commands.add_parser("watch", help=t("cli.help.watch"))
    watch.add_argument("question_id", metavar="QUESTION_ID")
    watch.add_argument("file", metavar="FILE", type=Path)
    watch.add_argument("--submit", action="store_true", help=t("cli.help.submit"))

    stats = commands.add_parser("stats", help=t("cli.help.stats"))
    stats.add_argument("--json", action="store_true", help=t("cli.help.stats_json"))

    replay = commands.add_parser("replay", help=t("cli.help.replay"))
    replay.add_argument("file", metavar="FILE", type=Path)
    history = commands.add_parser("history", help=t("cli.help.history"))
    tidy = history.add_mutually_exclusive_group()
    tidy.add_argument("--delete", metavar="ID", help=t("cli.help.delete"))
    tidy.add_argument("--prune", action="store_true", help=t("cli.help.prune"))
    history.add_argument("--older-than", type=_days, metavar="DAYS", help=t("cli.help.older_than"))
    report = commands.add_parser("report", help=t("cli.help.report"))
    report.add_argument("file", metavar="FILE", type=Path)
    report.add_argument("--format", choices=["text", "md"], default="text", help=t("cli.help.format"))
    return parser


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.error.days", text=text[:40])) from None
    if value < 0:
        raise argparse.ArgumentTypeError(t("cli.error.negative_days", value=value))
    return value


def _time_scale(text: str) -> float:
    from tui.core.clock import check_time_scale

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.error.number", text=text[:40])) from None
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
        help=t("cli.help.time_scale"),
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
            question_id = args.question_id
            if args.next:
                if question_id is not None:
                    print(t("cli.error.next_and_id"), file=sys.stderr)
                    return 2
                from tui.headless.progress_commands import next_question_id

                question_id = next_question_id(bank)
                if question_id is None:
                    return 2
            if question_id is not None:
                bank.question(question_id)
            route = DrillRoute(question_id=question_id)
    except (UnknownQuestion, UnknownLoop) as exc:
        from tui.core.bank_words import unknown_text

        print(unknown_text(exc), file=sys.stderr)
        return 2
    except BankError as exc:
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


def _use_interface_language(argv: Sequence[str]) -> None:
    """Commands speak ``--lang`` when given (before parsing: the help itself is in it), else the setting
    in config.toml, else the system locale."""
    from tui.core.config import interface_language, load_config

    asked = None
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            asked = as_language(argv[index + 1])
        elif arg.startswith("--lang="):
            asked = as_language(arg.removeprefix("--lang="))
    set_language(asked or interface_language(load_config().settings))
    setattr(argparse, "_", _argparse_words)  # noqa: B010 - argparse looks its words up through this alias at run time


def _argparse_words(text: str) -> str:
    """argparse's own words ("usage: ", "options", its error sentences) from the catalogue's ``argparse.`` entries."""
    return t(f"argparse.{text}") if has(f"argparse.{text}") else text


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _use_interface_language(argv)
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
    if args.command == "watch":
        from tui.headless.watch import run_watch

        return run_watch(args.question_id, args.file, submit=args.submit)
    if args.command == "stats":
        from tui.headless.progress_commands import run_stats

        return run_stats(as_json=args.json)
    from tui.app import run_app

    return run_app(theme=args.theme)


if __name__ == "__main__":
    sys.exit(main())
