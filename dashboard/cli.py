"""`python -m dashboard …`: the command line. Each subcommand lives in dashboard/commands/<name>.py
and exposes `register(subparsers)`; its handler returns the process exit code.

Exit codes: 0 = done; 1 = rows rejected / findings; 2 = unusable input or usage.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence
from typing import Any

import duckdb

from dashboard import commands, db, i18n
from dashboard.terminal import EscapingStream


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that takes options only as written: `--password x` must not pass for
    `--password-stdin`. Subcommand parsers (and theirs) inherit the class."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["allow_abbrev"] = False
        super().__init__(*args, **kwargs)


def build_parser() -> argparse.ArgumentParser:
    """Returns the parser with every subcommand found in dashboard.commands."""
    parser = _Parser(
        prog="python -m dashboard",
        description="Supervision dashboard for peer-support programs.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"dashboard.commands.{info.name}")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Runs one subcommand and returns its exit code; usage errors exit 2 without a traceback."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: 0 for --help, 2 for usage errors
        return int(exc.code or 0)
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = EscapingStream(sys.stdout), EscapingStream(sys.stderr)  # type: ignore[assignment]
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        print("interrupted; nothing was committed by the interrupted step", file=sys.stderr)
        return 2
    except db.StoreUnavailable as exc:  # held by the app, a key that does not fit, no server
        print(exc.message(message_lang(args)), file=sys.stderr)
        return 2
    except duckdb.Error as exc:  # its text may quote a row: name the kind only
        print(f"error: the database refused the command ({type(exc).__name__})", file=sys.stderr)
        return 2
    except OSError as exc:  # a file or folder the command was pointed at
        print(f"error: {exc.strerror or type(exc).__name__}: {exc.filename}", file=sys.stderr)
        return 2
    finally:
        sys.stdout, sys.stderr = streams


def message_lang(args: argparse.Namespace) -> str:
    """Returns the language of one-line errors: --lang where a command has it, else the
    locale of the shell ($LC_ALL, $LANG), else English."""
    chosen = getattr(args, "lang", None) or os.environ.get("LC_ALL") or os.environ.get("LANG")
    return i18n.normalize(chosen)


if __name__ == "__main__":
    raise SystemExit(main())
