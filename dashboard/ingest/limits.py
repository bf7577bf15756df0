"""Upload limits: a file too big or too long is refused before any parsing (exit 2).

Owned by the security side and kept apart from the importer's pipeline, which calls
`check_upload(con, upload)` once per file before sniffing and `check_batch` once per upload.
Limits are global settings (program '*'); admins change them with `set_limit` (audited).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import duckdb
from pydantic import BaseModel, Field, ValidationError

from dashboard import audit
from dashboard.access import AccessDenied, Scope
from dashboard.i18n import N_, Num
from dashboard.transaction import transaction

from .sniff import UnusableFile
from .uploads import Upload


class UploadLimits(BaseModel):
    """How much one upload may hold; the field descriptions are the settings' help texts."""

    upload_max_file_mb: int = Field(
        200, ge=1, le=2048,
        description="Largest file accepted, in MB (the same as Streamlit's maxUploadSize). "
        "A program's full export is a few MB; a million contacts are about 90 MB; anything "
        "far larger is a wrong file or an attack on memory.",
    )  # fmt: skip
    upload_max_rows: int = Field(
        2_000_000, ge=1, le=100_000_000,
        description="Most lines one file may have (counted before parsing).",
    )  # fmt: skip
    upload_max_files: int = Field(
        30, ge=1, le=500, description="Most files in one upload."
    )  # fmt: skip


MAX_COLUMNS = 500
"""Most named columns a file may have: the widest export has a few dozen; more is a wrong file,
and each column costs the check work. Empty columns at the end are dropped before counting."""

MESSAGES: dict[str, str] = {  # size refusals; their texts name the settings above
    "too_many_columns": N_("ingest.error.too_many_columns"),
    "too_large": N_("ingest.error.too_large"),
    "too_many_rows": N_("ingest.error.too_many_rows"),
}


def upload_limits(con: duckdb.DuckDBPyConnection) -> UploadLimits:
    """Returns the limits in force: stored global settings over the defaults above."""
    rows = con.execute(
        "SELECT key, value FROM settings WHERE program_id = '*' AND key IN (SELECT unnest(?))",
        [list(UploadLimits.model_fields)],
    ).fetchall()
    try:
        return UploadLimits(**{key: json.loads(value) for key, value in rows})
    except ValidationError:  # a hand-edited bad value: fall back to the safe defaults
        return UploadLimits.model_validate({})


def check_upload(
    con: duckdb.DuckDBPyConnection, upload: Upload, limits: UploadLimits | None = None
) -> None:
    """Raises UnusableFile("too_large" | "too_many_rows") when the file exceeds the limits."""
    limits = limits or upload_limits(con)
    size_mb = len(upload.data) / 1_048_576
    if size_mb > limits.upload_max_file_mb:
        raise UnusableFile("too_large", detail=Num(size_mb, 1), limit=limits.upload_max_file_mb)
    if upload.is_workbook:  # its rows are counted when the sheet is read
        return
    # Newlines are counted on the raw bytes (fast, no parsing); quoted line breaks inside a
    # cell count too, which errs on the safe side.
    lines = upload.data.count(b"\n")
    if lines > limits.upload_max_rows:
        raise UnusableFile("too_many_rows", detail=lines, limit=limits.upload_max_rows)


def check_columns(header: Sequence[str]) -> None:
    """Raises UnusableFile("too_many_columns") for a header wider than MAX_COLUMNS."""
    if len(header) > MAX_COLUMNS:
        raise UnusableFile("too_many_columns", detail=len(header), limit=MAX_COLUMNS)


def check_batch(
    con: duckdb.DuckDBPyConnection, uploads: Sequence[Upload], limits: UploadLimits | None = None
) -> None:
    """Raises ValueError when one upload holds more files than allowed."""
    limits = limits or upload_limits(con)
    if len(uploads) > limits.upload_max_files:
        raise ValueError(
            f"{len(uploads)} files in one upload; at most {limits.upload_max_files} are accepted "
            "(setting upload_max_files)"
        )


def set_limit(con: duckdb.DuckDBPyConnection, key: str, value: int, *, scope: Scope) -> int:
    """Stores one limit (admins only), validated; audited as `setting_change`. Returns it."""
    if scope.role != "admin" or scope.programs is not None:
        raise AccessDenied(f"{scope.user} may not change upload limits")
    if key not in UploadLimits.model_fields:
        raise KeyError(key)
    current = upload_limits(con)
    checked = getattr(UploadLimits(**{**current.model_dump(), key: value}), key)
    with transaction(con):
        con.execute(
            "INSERT OR REPLACE INTO settings (program_id, key, value, updated_at, updated_by) "
            "VALUES ('*', ?, ?, current_timestamp, ?)",
            [key, json.dumps(checked), scope.user],
        )
        detail = {"key": key, "old": getattr(current, key), "new": checked}
        audit.record(con, scope.user, "setting_change", "*", detail)
    return int(checked)
