"""The supervision agenda: signal results as display rows, grouped by action, by severity.

Takes the signal engine's results and the user's language; returns plain dicts the page,
the CSV download and the printable agenda share, so all three say the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from dashboard.i18n import N_, has, render, say

ACTIONS: tuple[str, ...] = ("supervision", "training", "networking")
SINCE_FALLBACK_DAYS = 28
_REOPENED = {  # lifecycle.Reason -> label
    "severity": N_("followup.reopened.severity"),
    "value": N_("followup.reopened.value"),
    "review": N_("followup.reopened.review"),
}
SEVERITIES: tuple[str, ...] = ("high", "medium", "low")
# Shapes from fonts every browser has (emoji fonts are missing on many servers and kiosks).
SEVERITY_ICONS: dict[str, str] = {"high": "▲", "medium": "◆", "low": "○"}


def _field(signal: Any, name: str) -> Any:
    if isinstance(signal, dict):
        return signal.get(name)
    return getattr(signal, name, None)


def to_rows(signals: Iterable[Any], lang: str) -> list[dict[str, Any]]:
    """Returns one dict per signal with the sentence and the measure in `lang`, sorted for the
    agenda.

    Order: action (supervision, training, networking), then severity (high first), then
    subject and signal id, so the same data always prints the same agenda.
    """
    rows = []
    for s in signals:
        rows.append(
            {
                "program_id": _field(s, "program_id"),
                "action": _field(s, "action"),
                "severity": _field(s, "severity"),
                "subject_type": _field(s, "subject_type"),
                "subject_id": _field(s, "subject_id"),
                "signal_id": _field(s, "signal_id"),
                # the rule's title ('More contact hours than agreed'); the id is the detail
                "title": signal_title(_field(s, "signal_id"), lang),
                "sentence": say(_field(s, "message"), lang),
                # value against threshold in the sentence's unit ("15.2 h, line 10 h")
                "measure": say(_field(s, "measure"), lang),
                # kept as Msg for downloads, which render them again with small counts hidden
                "message": _field(s, "message"),
                "measure_message": _field(s, "measure"),
                "value": _field(s, "value"),
                "threshold": _field(s, "threshold"),
                "window_days": _field(s, "window_days"),
                "since": _field(s, "since"),
                "evidence": _field(s, "evidence") or {},
                # follow-up fields (dashboard.followups.board.annotate); absent = no follow-ups
                "group": _field(s, "group") or "open",
                "state": _field(s, "state") or "open",
                "reason": _field(s, "reason"),
                "new": _field(s, "new"),
                "followup": _field(s, "followup"),
            }
        )
    return sorted(rows, key=_sort_key)


def signal_title(signal_id: str, lang: str) -> str:
    """Returns the title of rule `signal_id` in `lang` (the id itself for an unknown rule)."""
    message_id = f"signal.{signal_id}.title"
    return render(message_id, None, lang) if has(message_id) else str(signal_id)


def _sort_key(row: dict[str, Any]) -> tuple:
    action = row["action"] if row["action"] in ACTIONS else ACTIONS[-1]
    severity = row["severity"] if row["severity"] in SEVERITIES else SEVERITIES[-1]
    return (
        ACTIONS.index(action),
        SEVERITIES.index(severity),
        str(row["subject_id"]),
        str(row["signal_id"]),
    )


def select(
    rows: Sequence[dict[str, Any]],
    actions: Iterable[str] | None = None,
    severities: Iterable[str] | None = None,
) -> list[dict[str, Any]]:
    """Returns the rows whose action and severity are among the chosen ones (None = all)."""
    acts = set(actions) if actions is not None else None
    sevs = set(severities) if severities is not None else None
    return [
        r
        for r in rows
        if (acts is None or r["action"] in acts) and (sevs is None or r["severity"] in sevs)
    ]


def subjects(rows: Sequence[dict[str, Any]], subject_type: str = "supporter") -> list[str]:
    """Returns the distinct subjects of one type in agenda order."""
    seen: dict[str, None] = {}
    for r in rows:
        if r["subject_type"] == subject_type:
            seen.setdefault(str(r["subject_id"]), None)
    return list(seen)


def count_by(rows: Sequence[dict[str, Any]], key: str) -> dict[str, int]:
    """Returns how many rows carry each value of `key`."""
    counts: dict[str, int] = {}
    for r in rows:
        counts[str(r[key])] = counts.get(str(r[key]), 0) + 1
    return counts


def is_since(value: Any) -> bool:
    """Returns whether a row's `since` holds a date to show."""
    return isinstance(value, date)


def signals_for(
    con: Any,
    program_id: str,
    as_of: date,
    *,
    scope: Any,
    overrides: tuple[tuple[str, float], ...] = (),
) -> list[dict[str, Any]]:
    """Returns the program's signal results on as-of as plain dicts ([] for a program without
    supporters yet); `overrides` (threshold key, value) apply for this call only."""
    from dashboard.signals import UnknownProgram, evaluate

    try:
        results = evaluate(
            con, scope=scope, program_id=program_id, as_of=as_of, settings=dict(overrides) or None
        )
    except UnknownProgram:
        return []
    return [r.as_row() for r in results]


def agenda_for(
    con: Any,
    program_id: str,
    as_of: date,
    since: date | None,
    *,
    scope: Any,
    overrides: tuple[tuple[str, float], ...] = (),
) -> list[dict[str, Any]]:
    """Returns signals_for() with each signal's follow-up state, `new` since `since` and agenda
    group (see dashboard.followups.board); `overrides` as for signals_for."""
    from dashboard.followups.board import annotate

    found = signals_for(con, program_id, as_of, scope=scope, overrides=overrides)
    return annotate(con, program_id, found, as_of, scope=scope, since=since)


def default_since(con: Any, program_id: str, as_of: date, *, scope: Any) -> date:
    """Returns the day "new since" starts from: the last day this user recorded a follow-up that
    happened (the previous meeting), on or before as-of, else 28 days before as-of."""
    from dashboard.followups.store import last_session

    last = last_session(con, program_id, scope=scope, before=as_of)
    return last if last is not None else as_of - timedelta(days=SINCE_FALLBACK_DAYS)


def by_group(rows: Sequence[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Returns the rows per agenda group (new, worse, open, planned, handled; empty ones too),
    each ordered by severity, then action, subject and signal."""
    from dashboard.followups.board import GROUPS

    # most urgent first inside a group; the stable sort keeps the action order among equals
    ranked = sorted(rows, key=lambda r: SEVERITIES.index(r["severity"]))
    return {g: [r for r in ranked if r["group"] == g] for g in GROUPS}


def followup_label(row: dict[str, Any], lang: str) -> str:
    """Returns what the follow-up column says: e.g. 'Reopened (review due) · Done: Load reduced,
    20 Nov 2026', 'Planned: Supervision talk, 25 Nov 2026', or '' without a follow-up."""
    from dashboard.i18n import fmt_date, t, vocab

    fu = row.get("followup")
    if not fu:
        return ""
    text = t(
        "followup.label",
        lang,
        status=vocab("followup_status", fu["status"], lang),
        action=vocab("followup_action", fu["action"], lang),
        on=fmt_date(fu["happened_on"], lang),
    )
    if row.get("state") == "reopened":
        return f"{t(_REOPENED[str(row['reason'])], lang)} · {text}"
    return text
