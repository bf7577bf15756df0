"""How the supervision loop is doing: program-health figures about follow-ups.

- `median_days_to_first`: over every signal (signal id + subject) followed up on or before
  as-of, the median of days from the signal's first day (its `since` when first followed up,
  else the follow-up day) to its first follow-up; None when nothing was followed up.
- `high_within_14`: of the high-severity signals on as-of that are old enough to judge (first
  day at least 14 days before as-of) or already followed up, the share with a follow-up within
  14 days of their first day; `high_judged` is that denominator.
- `reopened`: signals on as-of whose done/dismissed follow-up no longer holds.
"""

from __future__ import annotations

from datetime import date, timedelta
from statistics import median
from typing import Any

import duckdb

from dashboard.access import Scope
from dashboard.followups import board, store
from dashboard.health import month_ends

WITHIN_DAYS = 14


def followup_figures(
    con: duckdb.DuckDBPyConnection, *, scope: Scope, program_id: str, as_of: date
) -> dict[str, Any]:
    """Returns {as_of, median_days_to_first, high_within_14, high_judged, high_followed,
    reopened} for the program on as-of (AccessDenied out of scope)."""
    from dashboard.views.attention import signals_for

    firsts = _first_followups(con, program_id, as_of, scope=scope)
    signals = board.annotate(
        con, program_id, signals_for(con, program_id, as_of, scope=scope), as_of, scope=scope
    )
    judged = followed = 0
    for s in signals:
        if s["severity"] != "high":
            continue
        start = s["since"] or as_of
        first = firsts.get((s["signal_id"], s["subject_id"]))
        in_time = first is not None and first[1] <= start + timedelta(days=WITHIN_DAYS)
        if in_time or start <= as_of - timedelta(days=WITHIN_DAYS):
            judged += 1
            followed += in_time
    delays = [max(0, (on - (start or on)).days) for start, on in firsts.values()]
    return {
        "as_of": as_of,
        "median_days_to_first": median(delays) if delays else None,
        "high_judged": judged,
        "high_followed": followed,
        "high_within_14": round(followed / judged, 4) if judged else None,
        "reopened": sum(1 for s in signals if s["state"] == "reopened"),
    }


def followup_trend(
    con: duckdb.DuckDBPyConnection,
    *,
    scope: Scope,
    program_id: str,
    as_of: date,
    months: int = 6,
) -> list[dict[str, Any]]:
    """Returns followup_figures at each month's end (the current month at as-of), oldest first."""
    return [
        {"month": day.strftime("%Y-%m"), **followup_figures(
            con, scope=scope, program_id=program_id, as_of=day)}
        for day in month_ends(as_of, months)
    ]  # fmt: skip


def _first_followups(
    con: duckdb.DuckDBPyConnection, program_id: str, as_of: date, *, scope: Scope
) -> dict[tuple[str, str], tuple[date | None, date]]:
    """Returns (signal, subject) -> (the signal's first day as recorded, first follow-up day)."""
    out: dict[tuple[str, str], tuple[date | None, date]] = {}
    for row in store.list_for(con, program_id, scope=scope):  # oldest first
        key = (row["signal_id"], row["subject_id"])
        if row["happened_on"] <= as_of and key not in out:
            out[key] = (row["signal_since"], row["happened_on"])
    return out
