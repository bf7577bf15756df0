"""The agenda as it leaves the app: the CSV download and the rows the printable agenda shows.

Both follow one rule, as both travel (a file is forwarded, a printout left on a table).

Evidence ids are left out on purpose: the file may travel, the ids stay in the app.
Program-level rows (networking: the subject is a service type and language) are aggregates
over help-seekers' contacts, so their counts 1..7 read "<8" (`dashboard.privacy`), in the
value, in the evidence counts and inside their sentence. No Streamlit here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dashboard.csv_dialect import write_csv
from dashboard.i18n import N_, Clauses, Ids, Msg, say, t, vocab
from dashboard.privacy import SUPPRESSION_THRESHOLD, suppress_small

# row key -> header message id, in file order
COLUMNS: dict[str, str] = {
    "program_id": N_("csv.program"),
    "action": N_("col.action"),
    "severity": N_("col.severity"),
    "subject_id": N_("col.subject"),
    "signal_id": N_("col.signal"),
    "value": N_("csv.value"),
    "threshold": N_("csv.threshold"),
    "window_days": N_("csv.window_days"),
    "since": N_("col.since"),
    "evidence": N_("csv.evidence_counts"),
    "sentence": N_("col.evidence"),
}


def agenda_csv(rows: Sequence[dict[str, Any]], lang: str) -> bytes:
    """Returns the agenda rows (views.attention.to_rows) as a CSV file in `lang`'s dialect."""
    headers = {key: t(message_id, lang) for key, message_id in COLUMNS.items()}
    return write_csv(csv_rows(rows, lang), headers, lang)


def csv_rows(rows: Sequence[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """Returns the rows as the CSV writes them: labels in `lang`, evidence as 'Contacts: 2',
    small counts of program-level rows as '<8'."""
    return [_row(r, lang) for r in rows]


def shareable(r: dict[str, Any], lang: str) -> dict[str, Any]:
    """Returns a copy of an agenda row fit to leave the app: for a program-level row the
    value, the evidence counts (`counts`) and the sentence with counts 1..7 as '<8'."""
    counts: dict[str, Any] = {k: len(v) for k, v in sorted(r["evidence"].items()) if v}
    if r["subject_type"] == "supporter":
        return {**r, "counts": counts}
    value = r.get("value")
    if isinstance(value, int) and not isinstance(value, bool):
        value = _count(value)
    counts = suppress_small([counts], list(counts))[0]
    out = {**r, "value": value, "counts": counts, "sentence": _rerendered(r, "message", lang)}
    if isinstance(r.get("measure_message"), Msg):  # '3 contacts' beside the sentence
        out["measure"] = _rerendered(r, "measure_message", lang)
    return out


def _row(r: dict[str, Any], lang: str) -> dict[str, Any]:
    r = shareable(r, lang)
    counts = r["counts"]
    return {
        "program_id": r.get("program_id"),
        "action": vocab("action", r["action"], lang),
        "severity": vocab("severity", r["severity"], lang),
        "subject_id": r.get("subject_id"),
        "signal_id": r.get("signal_id"),
        "value": r.get("value"),
        "threshold": r.get("threshold"),
        "window_days": r.get("window_days"),
        "since": r.get("since"),
        "evidence": "; ".join(f"{vocab('evidence', k, lang)}: {n}" for k, n in counts.items()),
        "sentence": r.get("sentence"),
    }


def _rerendered(r: dict[str, Any], key: str, lang: str) -> str:
    """A program-level row's message `key` with its counts suppressed and its contact ids
    replaced by their (suppressed) number; empty when the row holds only rendered text, whose
    counts and ids cannot be told apart from the other words."""
    message = r.get(key)
    return say(private(message), lang) if isinstance(message, Msg) else ""


def private(message: Msg) -> Msg:
    """Returns `message` with every count 1..7 as '<8' and every list of ids as its count."""
    return Msg(message.id, {k: _private_param(v) for k, v in message.params.items()})


def _private_param(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return _count(value)
    if isinstance(value, Ids):
        return _count(len(value.values))
    if isinstance(value, Msg):
        return private(value)
    if isinstance(value, Clauses):
        return Clauses([private(p) for p in value.parts])
    return value


def _count(n: int) -> int | str:
    return f"<{SUPPRESSION_THRESHOLD}" if 0 < n < SUPPRESSION_THRESHOLD else n
