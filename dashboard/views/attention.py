"""The supervision agenda: signal results as display rows, grouped by action, by severity.

Takes the signal engine's results and the user's language; returns plain dicts the page,
the CSV download and the printable agenda share, so all three say the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from dashboard.privacy import suppress_small

ACTIONS: tuple[str, ...] = ("supervision", "training", "networking")
SEVERITIES: tuple[str, ...] = ("high", "medium", "low")
# Shapes from fonts every browser has (emoji fonts are missing on many servers and kiosks).
SEVERITY_ICONS: dict[str, str] = {"high": "▲", "medium": "◆", "low": "○"}
CSV_COLUMNS: tuple[str, ...] = (
    "program_id",
    "action",
    "severity",
    "subject_type",
    "subject_id",
    "signal_id",
    "value",
    "threshold",
    "window_days",
    "since",
    "evidence",
)


def _field(signal: Any, name: str) -> Any:
    if isinstance(signal, dict):
        return signal.get(name)
    return getattr(signal, name, None)


def to_rows(signals: Iterable[Any], lang: str) -> list[dict[str, Any]]:
    """Returns one dict per signal with the sentence in `lang`, sorted for the agenda.

    Order: action (supervision, training, networking), then severity (high first), then
    subject and signal id, so the same data always prints the same agenda.
    """
    rows = []
    for s in signals:
        message_de = _field(s, "message_de")
        rows.append(
            {
                "program_id": _field(s, "program_id"),
                "action": _field(s, "action"),
                "severity": _field(s, "severity"),
                "subject_type": _field(s, "subject_type"),
                "subject_id": _field(s, "subject_id"),
                "signal_id": _field(s, "signal_id"),
                "sentence": message_de if lang == "de" and message_de else _field(s, "message"),
                "value": _field(s, "value"),
                "threshold": _field(s, "threshold"),
                "window_days": _field(s, "window_days"),
                "since": _field(s, "since"),
                "evidence": _field(s, "evidence") or {},
            }
        )
    return sorted(rows, key=_sort_key)


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


def csv_rows(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Returns the rows as the CSV download writes them (evidence as `kind:n` counts).

    Evidence ids are left out on purpose: the file may travel, the ids stay in the app.
    Program-level rows (networking, subject a service type and language) are aggregates over
    seekers' contacts: their counts 1..7 read "<8" and their sentence, which names counts and
    contacts, is left out.
    """
    out = []
    for r in rows:
        aggregate = r["subject_type"] != "supporter"
        counts = {k: len(v) for k, v in sorted(r["evidence"].items()) if v}
        if aggregate:
            counts = suppress_small([counts], list(counts))[0]
        row = {**{c: r.get(c) for c in CSV_COLUMNS}, "sentence": "" if aggregate else r["sentence"]}
        row["evidence"] = "; ".join(f"{k}:{n}" for k, n in counts.items())
        if aggregate and isinstance(row["value"], int) and not isinstance(row["value"], bool):
            row["value"] = suppress_small([{"v": row["value"]}], ["v"])[0]["v"]
        out.append(row)
    return out


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
    return [r.model_dump() for r in results]
