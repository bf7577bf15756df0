"""`digest --program P [--since DATE] [--as-of DATE] --format text|html [--lang en|de] [--send]
[--user NAME]`: the weekly supervision digest.

Prints what changed since --since (default: a week before as-of): new and worse signals,
reopened ones and follow-ups due, as counts with a link to the app; pseudonyms only when the
program's digest_pseudonyms setting is on. --send delivers it by SMTP to the program's
coordinators (see dashboard/followups/mail.py). Exit 0 = done; 2 = refused, one line on stderr.
"""

from __future__ import annotations

import argparse
import sys

import duckdb

from dashboard.access import AccessDenied
from dashboard.auth.cli_scope import add_account_args, scope_from_args
from dashboard.commands.signals import CommandError, open_existing, parse_date
from dashboard.followups import digest as digests
from dashboard.followups.mail import DigestError, send
from dashboard.i18n import LANGS
from dashboard.settings import SettingError
from dashboard.signals import UnknownProgram
from dashboard.signals.engine import require_program


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "digest",
        help="the weekly supervision digest (counts, link to the app), printed or e-mailed",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--db", help="database file (default: $DASHBOARD_DB or data/)")
    parser.add_argument("--program", required=True)
    parser.add_argument("--since", help="what changed since this day (default: a week before)")
    parser.add_argument("--as-of", dest="as_of", help="the day of the digest (default: as-of)")
    parser.add_argument("--format", choices=("text", "html"), default="text")
    parser.add_argument("--lang", choices=LANGS, default="en")
    parser.add_argument("--send", action="store_true", help="e-mail it to the coordinators")
    add_account_args(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Returns 0 when printed (and sent), 2 with one line on stderr when refused."""
    try:
        since, as_of = parse_date(args.since, "--since"), parse_date(args.as_of)
        con = open_existing(args.db, read_only=False)  # a named or sent digest is audited
        try:
            scope = scope_from_args(con, args)
            require_program(con, args.program, scope=scope)
            digest = digests.build(
                con, scope=scope, program_id=args.program, as_of=as_of, since=since
            )
            sent = send(con, digest, scope=scope, lang=args.lang) if args.send else 0
            if not args.send:
                digests.audit_if_named(con, digest, scope.user, 0)
        finally:
            con.close()
    except (CommandError, AccessDenied, UnknownProgram, DigestError, SettingError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except duckdb.Error as exc:
        print(f"error: cannot use the database ({type(exc).__name__})", file=sys.stderr)
        return 2
    render = digests.render_html if args.format == "html" else digests.render_text
    print(render(digest, args.lang), end="")
    if args.send:
        print(f"sent to {sent} coordinator(s)", file=sys.stderr)
    return 0
