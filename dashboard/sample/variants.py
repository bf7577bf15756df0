"""The demo saved the way real tools save it: German Excel and a KoboToolbox export.

Same rows as the canonical files, spelled differently; importing any of the three must give
the same database content (tests/sample/test_variants.py). What differs:

- excel_de: `;` delimiter, CRLF, Windows-1252 for some files and UTF-8 with BOM for the others,
  DD.MM.YYYY dates, ja/nein, decimal comma, lists separated by `,`, German alias headers for some
  columns, an empty trailing column and the empty trailing rows Excel leaves behind.
- kobo: KoboToolbox metadata columns (`_id`, `_uuid`, `_submission_time`, ...), `group/question`
  headers for some columns, a HXL hashtag row under the header, yes/no, lists separated by
  spaces (select_multiple), and date-times where the form asked for one.
"""

from __future__ import annotations

import csv
import io
import uuid
from datetime import date
from pathlib import Path
from typing import Any

from schemas import EXPORTS, ColumnSpec

from .csvout import Row, canonical_cell, format_number

EXCEL_CP1252 = ("supporters", "contacts", "trainings", "incidents")  # the rest: UTF-8 with BOM
# Columns that get a German header; "*" = every column that has an alias.
EXCEL_ALIASED: dict[str, tuple[str, ...]] = {
    "supporters": ("*",), "matches": ("*",), "checkins": ("*",), "trainings": ("*",),
    "incidents": ("*",), "contacts": ("contact_date", "duration_min", "channel"),
}  # fmt: skip
EXCEL_TRAILING_ROWS = 3

KOBO_META = ("_id", "_uuid", "_submission_time", "_validation_status", "_submitted_by", "_index")
# Form groups: these columns are exported as `<group>/<column>`.
KOBO_GROUPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "checkins": ("group_pulse", ("stress", "felt_triggered", "can_say_no", "role_clarity",
                                 "benefit", "seeker_dependency", "wants_supervision")),
    "proqol": ("group_proqol", tuple(f"q{n:02d}" for n in range(1, 31))),
    "contacts": ("group_contact", ("channel", "initiated_by", "topics", "crisis",
                                   "referral_needed", "referral_made")),
    "matches": ("group_match", ("goal", "scope_agreed", "shared_dimensions",
                                "differing_dimensions")),
}  # fmt: skip
# Date questions the forms ask as date-time; the importer cuts them to the date.
KOBO_DATETIME = {"checkins": "checkin_date", "proqol": "response_date"}
_KOBO_NAMESPACE = uuid.UUID("8a3c6c1e-1d2b-4f5e-9a7b-5d0c2e4f6a8b")


# ------------------------------------------------------------------------------ excel_de
def excel_cell(value: Any, column: ColumnSpec) -> str:
    """Returns a value as German Excel writes it (DD.MM.YYYY, ja/nein, 7,5, lists with `,`)."""
    if value is None:
        return ""
    if column.kind == "bool":
        return "ja" if value else "nein"
    if column.kind == "date":
        return f"{value:%d.%m.%Y}"
    if column.kind == "number":
        return format_number(float(value)).replace(".", ",")
    if column.kind == "enum_list":
        return ",".join(value)
    return canonical_cell(value, column)


def excel_header(export: str) -> list[str]:
    """Returns the header row with German aliases where EXCEL_ALIASED asks for them."""
    wanted = EXCEL_ALIASED.get(export, ())
    return [
        _german(c) if c.aliases_de and ("*" in wanted or c.name in wanted) else c.name
        for c in EXPORTS[export].columns
    ]


def _german(column: ColumnSpec) -> str:
    """Prefers an alias with an umlaut (so the encodings are put to the test)."""
    fancy = [a for a in column.aliases_de if not a.isascii()]
    return (fancy or list(column.aliases_de))[0]


def excel_text(export: str, rows: list[Row]) -> str:
    """Returns the export as German Excel's "CSV (Trennzeichen-getrennt)" would save it."""
    columns = EXPORTS[export].columns
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([*excel_header(export), ""])  # Excel keeps an empty column at the end
    for row in rows:
        writer.writerow([*(excel_cell(row.get(c.name), c) for c in columns), ""])
    for _ in range(EXCEL_TRAILING_ROWS):  # formatted but empty rows below the data
        writer.writerow([""] * (len(columns) + 1))
    return out.getvalue()


def write_excel_de(tables: dict[str, list[Row]], out_dir: str | Path) -> list[Path]:
    """Writes every export as German Excel CSV into out_dir; returns the paths."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for export in EXPORTS:
        text = excel_text(export, tables.get(export, []))
        data = text.encode("cp1252") if export in EXCEL_CP1252 else text.encode("utf-8-sig")
        path = folder / f"{export}.csv"
        path.write_bytes(data)
        written.append(path)
    return written


# ------------------------------------------------------------------------------ kobo
def kobo_cell(value: Any, column: ColumnSpec, *, datetime_column: bool = False) -> str:
    """Returns a value as a KoboToolbox CSV export writes it."""
    if value is None:
        return ""
    if column.kind == "bool":
        return "yes" if value else "no"
    if column.kind == "enum_list":
        return " ".join(value)
    if datetime_column:
        return f"{value.isoformat()}T18:30:00.000+01:00"
    return canonical_cell(value, column)


def kobo_header(export: str) -> list[str]:
    """Returns the contract columns (some as group/question) followed by Kobo's metadata."""
    group, grouped = KOBO_GROUPS.get(export, ("", ()))
    names = [f"{group}/{c.name}" if c.name in grouped else c.name for c in EXPORTS[export].columns]
    return [*names, *KOBO_META]


def kobo_hxl_row(export: str) -> list[str]:
    """Returns the HXL hashtag row Kobo writes under the header when the form defines tags."""
    names = [f"#indicator +{c.name.replace('_', '')}" for c in EXPORTS[export].columns]
    return [*names, "#meta +id", "#meta +uuid", "#date +submitted", "", "", ""]


def kobo_text(export: str, rows: list[Row]) -> str:
    """Returns the export as a KoboToolbox "CSV (XML values and headers)" download."""
    columns = EXPORTS[export].columns
    stamp = KOBO_DATETIME.get(export)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=",", lineterminator="\n")
    writer.writerow(kobo_header(export))
    writer.writerow(kobo_hxl_row(export))
    for index, row in enumerate(rows, start=1):
        cells = [kobo_cell(row.get(c.name), c, datetime_column=c.name == stamp) for c in columns]
        writer.writerow([*cells, *_kobo_meta(export, index, row)])
    return out.getvalue()


def _kobo_meta(export: str, index: int, row: Row) -> list[str]:
    """Submission metadata: a number, a uuid, when it came in, its review status, the account."""
    submitted = next((v for v in row.values() if isinstance(v, date)), date(2026, 11, 20))
    status = "validation_status_approved" if index % 3 else ""
    return [
        str(40_000_000 + 1_000 * list(EXPORTS).index(export) + index),
        str(uuid.uuid5(_KOBO_NAMESPACE, f"{export}/{index}")),
        f"{submitted.isoformat()}T20:15:{index % 60:02d}",
        status,
        "program_office",
        str(index),
    ]


def write_kobo(tables: dict[str, list[Row]], out_dir: str | Path) -> list[Path]:
    """Writes every export as a KoboToolbox CSV (UTF-8) into out_dir; returns the paths."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for export in EXPORTS:
        path = folder / f"{export}.csv"
        path.write_text(kobo_text(export, tables.get(export, [])), encoding="utf-8", newline="")
        written.append(path)
    return written


def write_variants(tables: dict[str, list[Row]], out_root: str | Path) -> dict[str, list[Path]]:
    """Writes both variants under out_root/excel_de and out_root/kobo; returns their paths."""
    root = Path(out_root)
    return {
        "excel_de": write_excel_de(tables, root / "excel_de"),
        "kobo": write_kobo(tables, root / "kobo"),
    }
