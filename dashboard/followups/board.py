"""The agenda with its follow-ups: each signal's state, whether it is new since an earlier day,
and the group the Attention page, the CLI and the digest put it in.

Groups, in agenda order: `new` (did not exist on the earlier day), `worse` (reopened, or its
severity rose since the earlier day), `open`, `planned`, `handled`. "New since" evaluates the
program on the earlier day and compares (signal id, subject id), so the flags of a day agree
with evaluating that day.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import duckdb

from dashboard import settings
from dashboard.access import Scope
from dashboard.followups import lifecycle
from dashboard.signals.model import SEVERITY_ORDER

GROUPS: tuple[str, ...] = ("new", "worse", "open", "planned", "handled")
Key = tuple[str, str]


def severities_on(
    con: duckdb.DuckDBPyConnection, program_id: str, day: date, *, scope: Scope
) -> dict[Key, str]:
    """Returns (signal id, subject id) -> severity of the program's signals on `day`."""
    from dashboard.signals import UnknownProgram, evaluate

    try:
        found = evaluate(con, scope=scope, program_id=program_id, as_of=day)
    except UnknownProgram:
        return {}
    return {(s.signal_id, s.subject_id): s.severity for s in found}


def annotate(
    con: duckdb.DuckDBPyConnection,
    program_id: str,
    signals: Sequence[Mapping[str, Any]],
    as_of: date,
    *,
    scope: Scope,
    since: date | None = None,
) -> list[dict[str, Any]]:
    """Returns the signals (dicts) with `followup`, `state`, `reason`, `new` and `group` added.

    `new` is None without `since`; `followup` is the latest follow-up in force or None.
    """
    scope.require(program_id)
    margin = float(settings.get_program_setting(con, program_id, "followup_reopen_margin"))
    latest = lifecycle.latest_in_force(con, program_id, as_of)
    earlier = severities_on(con, program_id, since, scope=scope) if since else None
    out = []
    for signal in signals:
        key = (signal["signal_id"], signal["subject_id"])
        stand = lifecycle.standing(signal, latest.get(key), as_of, margin)
        row = {**signal, "followup": stand.followup, "state": stand.state, "reason": stand.reason}
        row["new"] = None if earlier is None else key not in earlier
        row["group"] = group_of(row, None if earlier is None else earlier.get(key))
        out.append(row)
    return out


def group_of(row: Mapping[str, Any], severity_before: str | None) -> str:
    """Returns the agenda group of an annotated row (see the module docstring)."""
    if row["state"] in ("planned", "handled"):
        return str(row["state"])
    if row["new"]:
        return "new"
    rose = severity_before is not None and (
        SEVERITY_ORDER[row["severity"]] < SEVERITY_ORDER[severity_before]
    )
    return "worse" if row["state"] == "reopened" or rose else "open"


def is_open(row: Mapping[str, Any]) -> bool:
    """True when no follow-up holds: none, planned, or reopened (`signals --open`)."""
    return row["state"] != "handled"
