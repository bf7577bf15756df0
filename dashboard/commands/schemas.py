"""`schemas --out DIR`: write JSON Schema, Table Schema, datapackage.json and CSV templates."""

from __future__ import annotations

import argparse
from pathlib import Path

from schemas.descriptors import write_all


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "schemas", help="write the contract as JSON Schema, Frictionless descriptors and templates"
    )
    parser.add_argument("--out", required=True, type=Path, help="folder to write into")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    written = write_all(args.out)
    print(f"wrote {len(written)} files to {args.out}")
    return 0
