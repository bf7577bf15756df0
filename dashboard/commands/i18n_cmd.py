"""`i18n extract|update|compile|check`: maintain the gettext catalogs (see docs/translating.md)."""

from __future__ import annotations

import argparse

from dashboard.i18n import tooling


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "i18n",
        help="extract message ids, update and compile the catalogs, check them for gaps",
        description="extract: write dashboard/i18n/pot/*.pot from the code; update: align "
        "every language's .po with the templates; compile: write the .mo files; check: list "
        "missing, unused, fuzzy or untranslated entries (exit 1 if any); all: the first "
        "three, then check.",
    )
    parser.add_argument("step", choices=("extract", "update", "compile", "check", "all"))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.step in ("extract", "all"):
        print(f"extract: {len(tooling.extract())} templates")
    if args.step in ("update", "all"):
        print(f"update: {len(tooling.update())} catalogs")
    if args.step in ("compile", "all"):
        print(f"compile: {len(tooling.compile_all())} .mo files")
    if args.step in ("check", "all"):
        problems = tooling.check()
        for line in problems:
            print(line)
        print(f"check: {len(problems)} problem(s)")
        return 1 if problems else 0
    return 0
