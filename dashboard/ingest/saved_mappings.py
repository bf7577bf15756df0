"""Column mappings a program keeps, one per file header: saved once, applied to later uploads.

Saving and removing are audited (by header fingerprint and counts). A saved mapping applies to
an upload whose header is the same (same cells, any case and spacing), unless the caller gives
mappings of its own that apply.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import duckdb

from .. import audit
from ..access import Scope
from ..transaction import transaction
from .mapping import Mapping, header_key


@dataclass(frozen=True)
class SavedMapping:
    """One program's mapping for one header."""

    program_id: str
    header_key: str
    header: list[str]
    mapping: Mapping
    saved_by: str
    saved_at: datetime


def save_mapping(
    con: duckdb.DuckDBPyConnection,
    program_id: str,
    header: Sequence[str],
    mapping: Mapping,
    *,
    scope: Scope,
) -> str:
    """Saves (or replaces) the program's mapping for `header`; returns its header key."""
    scope.require(program_id, write=True)
    key = header_key(header)
    with transaction(con) as cur:
        cur.execute(
            "INSERT OR REPLACE INTO column_mappings (program_id, header_key, header, mapping, "
            "saved_by, saved_at) VALUES (?, ?, ?, ?, ?, current_timestamp)",
            [program_id, key, json.dumps(list(header)), mapping.to_json(), scope.user],
        )
        detail = {"header_key": key, "columns": len(mapping.columns), "values": len(mapping.values)}
        audit.record(cur, scope.user, "mapping_change", program_id, {"saved": detail})
    return key


def remove_mapping(
    con: duckdb.DuckDBPyConnection, program_id: str, key: str, *, scope: Scope
) -> None:
    """Removes the program's mapping saved under `key` (audited)."""
    scope.require(program_id, write=True)
    with transaction(con) as cur:
        cur.execute(
            "DELETE FROM column_mappings WHERE program_id = ? AND header_key = ?", [program_id, key]
        )
        audit.record(cur, scope.user, "mapping_change", program_id, {"removed": key})


def list_mappings(
    con: duckdb.DuckDBPyConnection, program_id: str, *, scope: Scope
) -> list[SavedMapping]:
    """Returns the program's saved mappings, newest first."""
    scope.require(program_id)
    return saved(con, program_id)


def saved(con: duckdb.DuckDBPyConnection, program_id: str) -> list[SavedMapping]:
    """Returns the program's saved mappings, newest first (the caller checked access)."""
    rows = con.execute(
        "SELECT header_key, header, mapping, saved_by, saved_at FROM column_mappings "
        "WHERE program_id = ? ORDER BY saved_at DESC",
        [program_id],
    ).fetchall()
    return [
        SavedMapping(program_id, key, json.loads(header), Mapping.model_validate_json(m), by, at)
        for key, header, m, by, at in rows
    ]
