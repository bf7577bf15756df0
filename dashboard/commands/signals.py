"""`signals --db PATH [--program ID] [--as-of YYYY-MM-DD] [--format json|table] [--lang en|de|fa]
[--open] [--since YYYY-MM-DD] [--user NAME [--password-stdin]]`

Prints the signals of every program (or one) as a JSON list or a table, worst first; with
--user only of the programs that account reaches. Each signal carries its latest follow-up
(`followup`: null or {id, status, action, on, review, reopened, by}) and, with --since,
whether it is new since that day (`new`). --open keeps the signals no follow-up holds (none,
planned, or reopened). `message` is the sentence in --lang (`message_id` and `params` say
the same as data), `measure` the value against its threshold in the sentence's unit.
Exit codes: 0 = evaluated (with or without signals); 2 = bad date, unknown program, no
database, sign-in refused, no access. Errors are one line, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from dashboard import db, store_postgres
from dashboard.access import AccessDenied, Scope
from dashboard.auth.cli_scope import add_account_args, scope_from_args
from dashboard.followups.board import annotate, is_open
from dashboard.followups.record import day_for
from dashboard.i18n import LANGS, say, t
from dashboard.settings import SettingError
from dashboard.signals import SignalResult, UnknownProgram, evaluate

JSON_KEYS = (
    "program_id", "signal_id", "action", "severity", "subject_type", "subject_id", "value",
    "threshold", "window_days", "message", "message_id", "params", "measure", "evidence", "since",
    "new", "followup",
)  # fmt: skip


class CommandError(Exception):
    """A usage problem to print as one line and exit 2."""


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "signals",
        help="list supervision, training and networking signals with their evidence",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--db", help="database file (default: $DASHBOARD_DB or data/)")
    parser.add_argument("--program", help="only this program (default: every program)")
    parser.add_argument(
        "--as-of",
        dest="as_of",
        help="evaluate on this date, YYYY-MM-DD "
        "(default: the program's as_of_default setting, else today)",
    )
    parser.add_argument("--format", choices=("json", "table"), default="json")
    parser.add_argument(
        "--lang", choices=LANGS, default="en", help="language of the sentences (JSON and table)"
    )
    parser.add_argument(
        "--open",
        action="store_true",
        help="only signals no follow-up holds (none, planned, reopened)",
    )
    parser.add_argument("--since", help="mark signals new since this day, YYYY-MM-DD")
    add_account_args(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        as_of = parse_date(args.as_of)
        since = parse_date(args.since, "--since")
        con = open_existing(args.db, read_only=not args.user)  # a sign-in is audited
        try:
            scope = scope_from_args(con, args)
            found = evaluate(con, scope=scope, program_id=args.program, as_of=as_of)
            notes = followup_notes(con, found, as_of, since, scope=scope)
        finally:
            con.close()
    except (CommandError, UnknownProgram, AccessDenied, SettingError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except duckdb.Error as exc:
        print(f"error: cannot read the database ({type(exc).__name__})", file=sys.stderr)
        return 2
    pairs = [(r, n) for r, n in zip(found, notes, strict=True) if not args.open or is_open(n)]
    if args.format == "json":
        rows = [as_json(r, n, args.lang) for r, n in pairs]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        print(table([r for r, _ in pairs], args.lang, [n for _, n in pairs]))
    return 0


def followup_notes(
    con: duckdb.DuckDBPyConnection,
    found: Sequence[SignalResult],
    as_of: date | None,
    since: date | None,
    *,
    scope: Scope,
) -> list[dict[str, object]]:
    """Returns, per signal in order, its annotation (state, followup, new) from the board."""
    by_key: dict[tuple[str, str, str], dict[str, object]] = {}
    for pid in dict.fromkeys(r.program_id for r in found):
        rows = [r.model_dump() for r in found if r.program_id == pid]
        day = day_for(con, pid, as_of)
        for row in annotate(con, pid, rows, day, scope=scope, since=since):
            by_key[(pid, row["signal_id"], row["subject_id"])] = row
    return [by_key[(r.program_id, r.signal_id, r.subject_id)] for r in found]


def parse_date(text: str | None, option: str = "--as-of") -> date | None:
    """Returns the date of a YYYY-MM-DD text (None for None); CommandError otherwise."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CommandError(f"{option} must be a date YYYY-MM-DD, got {text!r}") from None


def open_existing(path: str | None, *, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    """Returns a (read-only) connection to an existing database; CommandError if there is none."""
    target = db.resolve_target(path)
    if not store_postgres.is_url(target) and not Path(target).is_file():
        raise CommandError(f"no database at {target} (import data first, or pass --db)")
    return db.connect(target, read_only=read_only)


def as_json(
    result: SignalResult, note: Mapping[str, Any] | None = None, lang: str = "en"
) -> dict[str, object]:
    """Returns one signal with the CLI's keys, in the documented order: the sentence and the
    measure rendered in `lang`, the sentence's id and parameters as data."""
    note = note or {}
    message = result.message.as_json()
    data = {
        **result.as_json(),
        "message": say(result.message, lang),
        "message_id": message["id"],
        "params": message["params"],
        "measure": say(result.measure, lang) or None,
        "new": note.get("new"),
        "followup": followup_json(note),
    }
    return {key: data[key] for key in JSON_KEYS}


def followup_json(note: Mapping[str, Any]) -> dict[str, object] | None:
    """Returns the latest follow-up of an annotated signal as the CLI's JSON shows it."""
    fu = note.get("followup")
    if not fu:
        return None
    review = fu["review_on"]
    return {
        "id": fu["followup_id"],
        "status": fu["status"],
        "action": fu["action"],
        "on": fu["happened_on"].isoformat(),
        "review": review.isoformat() if review else None,
        "reopened": note.get("state") == "reopened",
        "by": fu["written_by"],
    }


def table(
    results: Sequence[SignalResult],
    lang: str = "en",
    notes: Sequence[Mapping[str, Any]] | None = None,
) -> str:
    """Returns the signals as an aligned text table (severity, signal, subject, state, sentence);
    the state is the follow-up state, with `new` in front when new since the earlier day."""
    if not results:
        return t("cli.signals.none", lang)
    notes = notes or [{} for _ in results]
    rows = [("program", "severity", "signal", "subject", "state", "message")]
    rows += [
        (
            r.program_id,
            r.severity,
            r.signal_id,
            r.subject_id,
            ("new " if n.get("new") else "") + str(n.get("state", "open")),
            say(r.message, lang),
        )
        for r, n in zip(results, notes, strict=True)
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(row[:5], widths, strict=True)) + "  " + row[5]
        for row in rows
    )
