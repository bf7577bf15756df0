"""`xlsform --export NAME --lang de,en,fa,ar,tr --out FILE.xlsx`: a ready-made KoboToolbox /
ODK form whose export imports with no mapping (field names, choices and constraints from the
contract in schemas/). Labels missing in a language fall back to English and are listed."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.xlsform import FORMS, LANGUAGES, build_form
from dashboard.xlsx import write_xlsx


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "xlsform", help="write an XLSForm (KoboToolbox / ODK) for one export", description=__doc__
    )
    parser.add_argument("--export", required=True, choices=FORMS, help="which export")
    parser.add_argument(
        "--lang", default="en,de", help=f"label languages, comma-separated ({','.join(LANGUAGES)})"
    )
    parser.add_argument("--out", required=True, type=Path, help="the .xlsx file to write")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Writes the form; returns 2 for an unknown language or a missing folder."""
    langs = [lang.strip() for lang in args.lang.split(",") if lang.strip()]
    if not args.out.parent.is_dir():
        print(f"error: folder for --out does not exist: {args.out.parent}", file=sys.stderr)
        return 2
    try:
        form = build_form(args.export, langs)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    args.out.write_bytes(write_xlsx(dict(form.sheets)))
    for fallback in form.fallbacks:
        print(f"note: label in English or as the code: {fallback}", file=sys.stderr)
    print(f"wrote {args.out} ({args.export}, labels: {', '.join(langs)})")
    return 0
