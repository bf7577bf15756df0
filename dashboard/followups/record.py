"""Recording a follow-up on a signal as it stands: the snapshot comes from the engine."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import duckdb

from dashboard import settings
from dashboard.access import Scope
from dashboard.followups import store
from dashboard.followups.model import FollowupError, build
from dashboard.i18n import N_


def day_for(con: duckdb.DuckDBPyConnection, program_id: str, as_of: date | None) -> date:
    """Returns the as-of day the engine uses for the program: the given one, else the
    program's as_of_default, else today."""
    return as_of or settings.as_of_default(con, program_id) or date.today()


def find_signal(
    con: duckdb.DuckDBPyConnection,
    program_id: str,
    signal_id: str,
    subject_id: str,
    as_of: date,
    *,
    scope: Scope,
) -> dict[str, Any]:
    """Returns the signal (as a dict) on as_of; FollowupError('no_signal') when it does not fire."""
    from dashboard.signals import evaluate

    for s in evaluate(con, scope=scope, program_id=program_id, as_of=as_of):
        if s.signal_id == signal_id and s.subject_id == subject_id:
            return s.model_dump()
    raise FollowupError(
        N_("followup.err.no_signal"), signal=signal_id, subject=subject_id, as_of=as_of.isoformat()
    )


def record(
    con: duckdb.DuckDBPyConnection,
    *,
    scope: Scope,
    program_id: str,
    signal_id: str,
    subject_id: str,
    action: str,
    status: str,
    on: date | None = None,
    review: date | None = None,
    note: str | None = None,
    as_of: date | None = None,
    signal: Mapping[str, Any] | None = None,
) -> int:
    """Stores a follow-up on the signal as it stands on as_of (default: the program's as-of,
    else today) and returns its id; `on` defaults to that day. `signal` skips the evaluation
    when the caller already holds it. AccessDenied without write access; FollowupError when
    the signal does not fire or a field is refused."""
    from dashboard.signals.engine import require_program

    require_program(con, program_id, scope=scope, write=True)
    day = day_for(con, program_id, as_of)
    if signal is None:
        signal = find_signal(con, program_id, signal_id, subject_id, day, scope=scope)
    followup = build(
        program_id=program_id,
        signal_id=signal_id,
        subject_type=signal["subject_type"],
        subject_id=subject_id,
        action=action,
        status=status,
        happened_on=on or day,
        review_on=review,
        note=note,
        severity=signal["severity"],
        value=signal.get("value"),
        threshold=signal.get("threshold"),
        signal_since=signal.get("since"),
    )
    return store.add(con, followup, scope=scope)
