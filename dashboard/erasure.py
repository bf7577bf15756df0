"""One person's data on request (GDPR Art. 15, 17): everything held for a pseudonym, or erase it.

A pseudonym is unique only within a program, so every call names the program. It may be a
supporter (supporter_id) or a seeker (seeker_id in matches); rows referencing those rows go
with them (see dashboard.cascade), and so do quarantined raw rows that mention the pseudonym.
The audit entry names the person only by `subject_ref`, an HMAC of program and pseudonym under
the installation's secret (dashboard.installation_secret, kept outside the database): whoever
holds the pseudonym and runs this installation can confirm the request was handled; the log,
or a backup of the store, alone names nobody — not even by trying every possible code.
"""

from __future__ import annotations

import hashlib
import hmac
from collections import Counter
from datetime import datetime
from typing import Any

import duckdb

from dashboard import audit, db
from dashboard.access import Scope
from dashboard.cascade import delete_where, select_where
from dashboard.followups import store as followups
from dashboard.installation_secret import installation_secret
from dashboard.transaction import transaction

# Where a pseudonym may stand: (export, column) pairs; dependents follow the registry's keys.
SUBJECT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("supporters", "supporter_id"),
    ("matches", "seeker_id"),
)
_QUARANTINE_MATCH = (
    "program_id = ? AND list_contains("
    "list_transform(json_extract_string(record, '$.*'), v -> trim(v)), ?)"
)


def subject_ref(con: duckdb.DuckDBPyConnection, program_id: str, pseudonym: str) -> str:
    """Returns the keyed reference (HMAC-SHA256, 128 bits in hex) the audit log uses instead of
    the pseudonym; without the installation's secret it cannot be recomputed from a guess."""
    message = f"{program_id}\x1f{pseudonym.strip()}".encode()
    return hmac.new(installation_secret(con), message, hashlib.sha256).hexdigest()[:32]


def export_subject(
    con: duckdb.DuckDBPyConnection, program_id: str, pseudonym: str, *, scope: Scope
) -> dict[str, Any]:
    """Returns every row held about `pseudonym` in the program as JSON-ready data; audits it.

    Tables map to lists of rows (contract columns); `quarantine` holds raw rejected rows.
    Needs write access: answering a data-subject request is a coordinator's or admin's task.
    """
    scope.require(program_id, write=True)
    pseudonym = pseudonym.strip()
    tables: dict[str, list[dict[str, Any]]] = {}
    for export, column in SUBJECT_COLUMNS:
        for table, rows in select_where(con, program_id, export, column, [pseudonym]).items():
            held = tables.setdefault(table, [])
            held.extend(r for r in rows if r not in held)  # a seeker who is also a supporter
    tables["quarantine"] = _quarantine_rows(con, program_id, pseudonym)
    tables["followups"] = followups.subject_rows(con, program_id, pseudonym)
    tables = {t: rows for t, rows in tables.items() if rows}
    counts = {t: len(rows) for t, rows in tables.items()}
    detail = {"subject_ref": subject_ref(con, program_id, pseudonym), "rows": counts}
    audit.record(con, scope.user, "subject_export", program_id, detail)
    return {
        "program_id": program_id,
        "pseudonym": pseudonym,
        "exported_at": datetime.now().isoformat(timespec="seconds"),
        "tables": tables,
    }


def erase_subject(
    con: duckdb.DuckDBPyConnection,
    program_id: str,
    pseudonym: str,
    *,
    scope: Scope,
    apply: bool = True,
) -> dict[str, int]:
    """Deletes every row about `pseudonym` in one transaction; returns rows per table.

    With apply=False nothing changes and the counts say what would go. Needs write access.
    """
    scope.require(program_id, write=True)
    pseudonym = pseudonym.strip()
    counts: Counter[str] = Counter()
    try:
        with transaction(con):
            for export, column in SUBJECT_COLUMNS:
                counts += delete_where(con, program_id, export, column, [pseudonym])
            row = con.execute(
                f"DELETE FROM quarantine WHERE {_QUARANTINE_MATCH}", [program_id, pseudonym]
            ).fetchone()
            counts["quarantine"] += int(row[0]) if row else 0
            if erased := followups.delete_subjects(con, program_id, [pseudonym]):
                counts["followups"] += erased
            if not apply:
                raise _DryRun  # same deletes, rolled back: the counts are exact
            detail = {
                "subject_ref": subject_ref(con, program_id, pseudonym),
                "deleted": dict(counts),
            }
            audit.record(con, scope.user, "erasure", program_id, detail)
        db.purge(con)  # the deleted rows must not stay readable in the store's files
    except _DryRun:
        pass
    return dict(sorted(counts.items()))


class _DryRun(Exception):
    """Rolls back a dry run after counting."""


def _quarantine_rows(
    con: duckdb.DuckDBPyConnection, program_id: str, pseudonym: str
) -> list[dict[str, Any]]:
    rows = con.execute(
        f"SELECT import_id, export, file, line, record::VARCHAR FROM quarantine "
        f"WHERE {_QUARANTINE_MATCH} ORDER BY import_id, file, line",
        [program_id, pseudonym],
    ).fetchall()
    keys = ("import_id", "export", "file", "line", "record")
    return [dict(zip(keys, r, strict=True)) for r in rows]
