"""`setup-code [--db PATH] [--lang de]`: issue a new one-time code for the app's Setup page.

Only while the store has no account (first run); the new code replaces the previous one.
The app prints one itself when it opens such a store; this is for a lost console.
"""

from __future__ import annotations

import argparse
import sys

from dashboard import db, i18n
from dashboard.auth.setup import issue_code, needs_setup
from dashboard.cli import message_lang


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "setup-code", help="a new one-time code to create the first admin on the Setup page"
    )
    parser.add_argument("--db", help="database file (default: $DASHBOARD_DB or data/)")
    parser.add_argument("--lang", choices=i18n.LANGS, help="message language")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Prints the code on stdout and returns 0; 2 once an account exists (setup is done)."""
    lang = message_lang(args)
    con = db.connect(args.db)
    try:
        if not needs_setup(con):
            print(i18n.t("setup.cli_done", lang), file=sys.stderr)
            return 2
        code = issue_code(con)
    finally:
        con.close()
    print(code)
    print(i18n.t("setup.cli_hint", lang), file=sys.stderr)
    return 0
