"""The append-only audit log: who did what, when, to which program — never row contents.

Each entry is chained to the one before it (dashboard.audit_chain), so a changed, deleted or
inserted entry shows in `python -m dashboard audit --verify`."""

from __future__ import annotations

import json
from typing import Any

import duckdb

from dashboard import audit_chain, store_version

ACTIONS = (
    "sign_in",
    "sign_in_failed",
    "sign_out",
    "import",
    "removal",
    "export",
    "threshold_change",
    "setting_change",
    "mapping_change",
    "user_change",
    "retention",
    "erasure",
    "subject_export",
    "setup",
    "program_change",
    "followup",
    "digest",
)
# Entries that record a read or a visit, not a change: they leave page caches valid.
READ_ACTIONS = frozenset({"sign_in", "sign_in_failed", "sign_out", "export", "subject_export"})


def record(
    con: duckdb.DuckDBPyConnection,
    actor: str,
    action: str,
    program_id: str | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Appends one audit entry; `detail` holds counts, ids and setting names, never row contents."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    audit_chain.append(con, actor, action, program_id, json.dumps(detail or {}, default=str))
    if action not in READ_ACTIONS:
        store_version.bump()  # inside a transaction, transaction() bumps again on COMMIT
