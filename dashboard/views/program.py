"""Program health for the page: figures as rows, trends in long form (from dashboard.health)."""

from __future__ import annotations

from typing import Any

import pandas as pd

# (figure key, count key, whole key) in the overview of dashboard.health
COVERAGE = (
    ("basics_share", "with_basics", "active"),
    ("supervision_share", "supervised", "active"),
    ("checkin_share", "checked_in", "active"),
)
TREND_FIGURES = (
    "basics_share",
    "supervision_share",
    "checkin_share",
    "goal_share",
    "referral_share",
)
FIGURE_COLUMNS = ("figure", "count", "of", "share")
# every figure the page labels (vocab.figure.<key>)
FIGURES = (*TREND_FIGURES, "scope_share", "over_capacity")


def figure_rows(overview: dict[str, Any]) -> list[dict[str, Any]]:
    """Returns one row per share figure: figure key, count, of (the whole) and share."""
    rows = [
        {"figure": f, "count": overview[c], "of": overview[w], "share": overview[f]}
        for f, c, w in COVERAGE
    ]
    goals = overview["goals"]
    rows.append(
        {
            "figure": "goal_share",
            "count": goals["with_goal"],
            "of": goals["open_matches"],
            "share": goals["goal_share"],
        }
    )
    rows.append(
        {
            "figure": "scope_share",
            "count": goals["scope_agreed"],
            "of": goals["open_matches"],
            "share": goals["scope_share"],
        }
    )
    load = overview["load"]
    rows.append(
        {
            "figure": "over_capacity",
            "count": load["over_capacity"],
            "of": len(load["supporters"]),
            "share": load["over_capacity"] / len(load["supporters"])
            if load["supporters"]
            else None,
        }
    )
    return rows


def trend_long(trend: list[dict[str, Any]]) -> pd.DataFrame:
    """Returns the monthly trend as rows (as_of, figure, share), months without a value left out."""
    rows = [
        {"as_of": m["as_of"], "figure": f, "share": m[f]}
        for m in trend
        for f in TREND_FIGURES
        if m.get(f) is not None
    ]
    return pd.DataFrame(rows, columns=["as_of", "figure", "share"])


def previous(trend: list[dict[str, Any]], key: str) -> Any:
    """Returns the figure of the month before the last one in the trend (None if unknown)."""
    return trend[-2].get(key) if len(trend) >= 2 else None


def downloadable(rows: list[dict[str, Any]], threshold: int | None = None) -> list[dict[str, Any]]:
    """Returns the figure rows for a download: small counts as "<8", and the share blanked
    wherever a count was hidden (a share and its whole would give the count away)."""
    from dashboard.privacy import SUPPRESSION_THRESHOLD, suppress_small

    limit = threshold or SUPPRESSION_THRESHOLD
    out = suppress_small(rows, ["count", "of"], threshold=limit)
    for row in out:
        if isinstance(row["count"], str) or isinstance(row["of"], str):
            row["share"] = None
    return out


def change(now: dict[str, Any], before: dict[str, Any], key: str, t: Any, text: str) -> str | None:
    """Returns the signed change of a count or day figure since `before` as text (`text` with
    {days}/{n}), None when either is missing or nothing changed."""
    a, b = now.get(key), before.get(key)
    if a is None or b is None or a == b:
        return None
    diff = a - b
    sign = "+" if diff > 0 else ""
    number = f"{sign}{diff:g}"
    return t(text, days=number, n=number)
