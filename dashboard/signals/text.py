"""Pieces the rule modules share when they build their findings: evidence dates, measure phrases.

Sentences themselves are message ids with parameters (`signal.<rule id>.message` …) that the
catalogs turn into German, English or Persian where they are shown; nothing here renders text.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from dashboard.i18n.message import Label, Msg

UNITS: dict[str, str] = {"days": "rule.unit.days", "×": "rule.unit.times"}


def iso(values: Sequence[date | None]) -> list[str]:
    """Returns dates as ISO strings for evidence lists (None dropped)."""
    return [v.isoformat() for v in values if v is not None]


def scale(measure: str, value: Any, threshold: Any, *, at_least: bool = True) -> Msg:
    """Returns a check-in score against its line: 'Stress 4 of 5, at or above 4'."""
    params = {"what": Label("measure", measure), "value": value, "threshold": threshold}
    if at_least:
        return Msg("sentence.measure.scale_min", params)
    return Msg("sentence.measure.scale_max", params)


def days_since(value: int | None, threshold: int) -> Msg:
    """Returns days since something against the line: '120 days ago, line 112 days'."""
    if value is None:
        return Msg("sentence.measure.never", {"threshold": threshold})
    return Msg("sentence.measure.days_since", {"n": value, "threshold": threshold})
