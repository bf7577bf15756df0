"""`followup add|list|remove`: what was done about a signal, from the shell.

    followup add --program P --signal ID --subject ID --action A --status S
                 [--on DATE] [--review DATE] [--note TEXT] [--as-of DATE] [--user NAME]
    followup list --program P [--format json|table] [--user NAME]
    followup remove --id N [--user NAME]

`add` stores the signal as it stands on --as-of (default: the program's as-of, else today);
--on defaults to that day. Exit codes: 0 = done; 2 = refused (no such signal, a refused
field or note, no access, unknown id or program) with one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys

import duckdb

from dashboard.access import AccessDenied, Scope
from dashboard.auth.cli_scope import add_account_args, scope_from_args
from dashboard.commands.signals import CommandError, open_existing, parse_date
from dashboard.followups import ACTIONS, STATUSES, FollowupError, store
from dashboard.followups.record import record
from dashboard.i18n import LANGS, t
from dashboard.signals import UnknownProgram
from dashboard.signals.engine import require_program

LIST_KEYS = (
    "followup_id", "program_id", "signal_id", "subject_id", "action", "status", "happened_on",
    "review_on", "severity", "value", "threshold", "written_by",
)  # fmt: skip


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("followup", help="record, list or remove follow-ups on signals")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", help="database file (default: $DASHBOARD_DB or data/)")
    common.add_argument("--lang", choices=LANGS, default="en", help="language of errors")
    add_account_args(common)
    actions = parser.add_subparsers(dest="action_name", required=True, metavar="ACTION")
    add = actions.add_parser("add", parents=[common], help="record a follow-up on a signal")
    add.add_argument("--program", required=True)
    add.add_argument("--signal", required=True, help="signal id, e.g. S-OVERLOAD")
    add.add_argument("--subject", required=True, help="supporter id or service subject")
    add.add_argument("--action", required=True, choices=ACTIONS)
    add.add_argument("--status", required=True, choices=STATUSES)
    add.add_argument("--on", help="day it happened or is planned, YYYY-MM-DD")
    add.add_argument("--review", help="review date, YYYY-MM-DD")
    add.add_argument("--note", help="at most 280 characters; no names, no contact details")
    add.add_argument("--as-of", dest="as_of", help="the signal as it stands on this day")
    listing = actions.add_parser("list", parents=[common], help="list a program's follow-ups")
    listing.add_argument("--program", required=True)
    listing.add_argument("--format", choices=("json", "table"), default="table")
    remove = actions.add_parser("remove", parents=[common], help="delete one follow-up")
    remove.add_argument("--id", required=True, type=int)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Returns 0 when done, 2 with one line on stderr when refused."""
    try:
        con = open_existing(args.db, read_only=args.action_name == "list" and not args.user)
        try:
            return _HANDLERS[args.action_name](con, args, scope_from_args(con, args))
        finally:
            con.close()
    except FollowupError as exc:
        print(f"error: {t(exc.key, args.lang, **exc.params)}", file=sys.stderr)
    except (CommandError, AccessDenied, UnknownProgram) as exc:
        print(f"error: {exc}", file=sys.stderr)
    except duckdb.Error as exc:
        print(f"error: cannot use the database ({type(exc).__name__})", file=sys.stderr)
    return 2


def _add(con: duckdb.DuckDBPyConnection, args: argparse.Namespace, scope: Scope) -> int:
    new_id = record(
        con,
        scope=scope,
        program_id=args.program,
        signal_id=args.signal,
        subject_id=args.subject,
        action=args.action,
        status=args.status,
        on=parse_date(args.on, "--on"),
        review=parse_date(args.review, "--review"),
        note=args.note,
        as_of=parse_date(args.as_of),
    )
    print(f"added follow-up {new_id}")
    return 0


def _list(con: duckdb.DuckDBPyConnection, args: argparse.Namespace, scope: Scope) -> int:
    require_program(con, args.program, scope=scope)
    rows = [{k: r[k] for k in LIST_KEYS} for r in store.list_for(con, args.program, scope=scope)]
    if args.format == "json":
        print(json.dumps(rows, indent=2, ensure_ascii=False, default=str))
        return 0
    head = ("id", "signal", "subject", "status", "action", "on", "review", "by")
    lines = [head] + [
        tuple(
            str(r[k] if r[k] is not None else "-")
            for k in (
                "followup_id",
                "signal_id",
                "subject_id",
                "status",
                "action",
                "happened_on",
                "review_on",
                "written_by",
            )
        )  # fmt: skip
        for r in rows
    ]
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    print("\n".join("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip()
                    for line in lines))  # fmt: skip
    return 0


def _remove(con: duckdb.DuckDBPyConnection, args: argparse.Namespace, scope: Scope) -> int:
    gone = store.remove(con, args.id, scope=scope)
    print(f"removed follow-up {args.id} ({gone['signal_id']} {gone['subject_id']})")
    return 0


_HANDLERS = {"add": _add, "list": _list, "remove": _remove}
