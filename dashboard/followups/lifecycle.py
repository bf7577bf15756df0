"""Whether a follow-up still holds: a signal is handled until it reopens.

A signal whose latest follow-up is `done` or `dismissed` is *handled* and leaves the open
agenda until it **reopens**, for the first of three reasons:

- `severity`: its severity now ranks above the one recorded with the follow-up;
- `value`: its value moved further past its threshold than recorded, by more than the
  program's `followup_reopen_margin` (default 0.2) times the recorded value;
- `review`: the follow-up's review date is on or before the as-of date.

A `planned` follow-up keeps the signal on the agenda, marked *planned*. Follow-ups count on
an as-of date when they are planned, or happened on or before it (a past day replays as it was).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

import duckdb

from dashboard.followups.store import select_rows
from dashboard.signals.model import SEVERITY_ORDER

State = Literal["open", "planned", "handled", "reopened"]
Reason = Literal["severity", "value", "review"]
# Rules that fire when the value falls below the threshold: "further past" means lower.
# Every other rule fires above it (a value equal to its threshold tells no direction).
FIRES_BELOW = frozenset({"S-BOUNDARY", "S-IMBALANCE", "N-UNMET", "N-SELFHELP"})


@dataclass(frozen=True)
class Standing:
    """Where one signal stands against its latest follow-up."""

    state: State
    followup: Mapping[str, Any] | None = None
    reason: Reason | None = None

    @property
    def holds(self) -> bool:
        """True when the follow-up takes the signal off the open agenda (handled)."""
        return self.state == "handled"


def standing(
    signal: Mapping[str, Any], followup: Mapping[str, Any] | None, as_of: date, margin: float
) -> Standing:
    """Returns the signal's state on `as_of` given its latest follow-up in force (or None)."""
    if followup is None:
        return Standing("open")
    if followup["status"] == "planned":
        return Standing("planned", followup)
    reason = reopen_reason(signal, followup, as_of, margin)
    return Standing("reopened" if reason else "handled", followup, reason)


def reopen_reason(
    signal: Mapping[str, Any], followup: Mapping[str, Any], as_of: date, margin: float
) -> Reason | None:
    """Returns why a done/dismissed follow-up no longer holds, None while it holds."""
    if SEVERITY_ORDER[signal["severity"]] < SEVERITY_ORDER[followup["severity"]]:
        return "severity"
    if moved_past(signal["signal_id"], followup["value"], signal["value"], margin):
        return "value"
    review = followup.get("review_on")
    if review is not None and review <= as_of:
        return "review"
    return None


def moved_past(signal_id: str, recorded: Any, now: Any, margin: float) -> bool:
    """Returns True when `now` lies further past the threshold than `recorded` by more than
    margin × |recorded| (non-numbers, e.g. a yes/no value, never move)."""
    if not (_number(recorded) and _number(now)):
        return False
    direction = -1 if signal_id in FIRES_BELOW else 1
    # rounded: 12.0 - 10.0 is exactly the 20 % margin, not a hair above it
    return round((now - recorded) * direction - margin * abs(recorded), 9) > 0


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def latest_in_force(
    con: duckdb.DuckDBPyConnection, program_id: str, as_of: date
) -> dict[tuple[str, str], dict[str, Any]]:
    """Returns (signal id, subject id) -> its latest follow-up in force on as_of (caller scoped)."""
    try:
        rows = select_rows(
            con,
            "WHERE program_id = ? AND (status = 'planned' OR happened_on <= ?) "
            "QUALIFY row_number() OVER (PARTITION BY signal_id, subject_id "
            "ORDER BY followup_id DESC) = 1",
            [program_id, as_of],
        )
    except duckdb.CatalogException:
        return {}  # a store opened read-only before migration 7: no follow-ups yet
    return {(r["signal_id"], r["subject_id"]): r for r in rows}


def standings(
    signals: Iterable[Mapping[str, Any]],
    latest: Mapping[tuple[str, str], Mapping[str, Any]],
    as_of: date,
    margin: float,
) -> list[Standing]:
    """Returns each signal's standing, in the order given."""
    return [
        standing(s, latest.get((s["signal_id"], s["subject_id"])), as_of, margin) for s in signals
    ]
