"""`settings --db PATH --program ID [--set KEY=VALUE ...] [--reset KEY ...] [--lang de]
[--user NAME [--password-stdin]]`

Lists the program's thresholds and program settings with value, default, allowed range and
help; --set and --reset change them (validated, audited as the --user account, else as the
local operator). --program '*' addresses the default for every program (admins). `settings
--doc FILE` rewrites the settings and rule tables in a Markdown file (docs/signals.md).
Exit codes: 0 = done; 2 = unknown key, value out of range, unknown program, no database,
sign-in refused, no access.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

from dashboard import db, settings
from dashboard.access import AccessDenied, Scope
from dashboard.auth.cli_scope import add_account_args, scope_from_args
from dashboard.commands.signals import CommandError
from dashboard.i18n import LANGS, Num, t
from dashboard.signals import UnknownProgram, require_program
from dashboard.signals.docs import render
from dashboard.signals.text import UNITS


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "settings",
        help="list or change signal thresholds and program settings",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--db", help="database file (default: $DASHBOARD_DB or data/)")
    parser.add_argument("--program", help="program id, or '*' for every program's default")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    parser.add_argument("--reset", action="append", default=[], metavar="KEY")
    parser.add_argument("--lang", choices=LANGS, default="en")
    parser.add_argument(
        "--doc",
        type=Path,
        metavar="FILE",
        help="rewrite the generated tables in this Markdown file and exit",
    )
    add_account_args(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.doc:
        args.doc.write_text(render(args.doc.read_text(encoding="utf-8")), encoding="utf-8")
        print(f"updated {args.doc}")
        return 0
    try:
        if not args.program:
            raise CommandError("--program is required (use '*' for every program's default)")
        con = db.connect(args.db)
        try:
            scope = scope_from_args(con, args)
            _check_program(con, args.program, scope, write=bool(args.set or args.reset))
            _apply(con, args, scope)
            print(listing(con, args.program, args.lang))
        finally:
            con.close()
    except settings.SettingError as exc:
        print(f"error: {exc.text(args.lang)}", file=sys.stderr)
        return 2
    except (CommandError, UnknownProgram, AccessDenied) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except duckdb.Error as exc:
        print(f"error: cannot use the database ({type(exc).__name__})", file=sys.stderr)
        return 2
    return 0


def _check_program(
    con: duckdb.DuckDBPyConnection, program_id: str, scope: Scope, *, write: bool
) -> None:
    if program_id == settings.ALL_PROGRAMS:
        scope.require(program_id, write=write)
    else:
        require_program(con, program_id, scope=scope, write=write)


def _apply(con: duckdb.DuckDBPyConnection, args: argparse.Namespace, scope: Scope) -> None:
    for item in args.set:
        key, sep, value = item.partition("=")
        if not sep:
            raise CommandError(f"--set expects KEY=VALUE, got {item!r}")
        key = key.strip()
        if key in settings.PROGRAM_SETTINGS:
            settings.set_program_setting(con, args.program, key, value, scope=scope)
        else:
            settings.set_threshold(con, args.program, key, value, scope=scope)
    for key in args.reset:
        if key in settings.PROGRAM_SETTINGS:
            settings.set_program_setting(con, args.program, key, None, scope=scope)
        else:
            settings.reset_threshold(con, args.program, key, scope=scope)


def listing(con: duckdb.DuckDBPyConnection, program_id: str, lang: str = "en") -> str:
    """Returns every setting of the program as text: key, value (default), range, help."""
    lines = []
    for key in settings.PROGRAM_SETTINGS:
        value = settings.get_program_setting(con, program_id, key)
        shown = value if value is not None else "-"
        lines.append(f"{key} = {shown}\n    {settings.program_setting_help(key, lang)}")
    for v in settings.thresholds(con, program_id):
        mark = "" if v.is_default else " " + t("cli.settings.default", lang, value=Num(v.default))
        unit = f" {t(UNITS[v.unit], lang)}" if v.unit else ""
        lines.append(
            f"{v.key} = {v.value}{unit}{mark}  [{v.minimum} – {v.maximum}]\n    "
            f"{t(v.title_id, lang)}: {t(v.help_id, lang)}"
        )
    return "\n".join(lines)
