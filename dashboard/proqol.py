"""ProQOL 5 scores: compassion satisfaction, burnout and secondary traumatic stress, in SQL.

Scoring follows the instrument's published rules (RULEBOOK, "ProQOL 5 scoring"): each subscale
is the sum of its ten items (burnout items 1 4 15 17 29 reversed as 6 - answer), 10-50, banded
low <= 22, moderate 23-41, high >= 42. A subscale with a missing item is not scored: its score
is NULL, its band 'not_scored' and the missing items are listed.

ProQOL by The Center for Victims of Torture, ProQOL.org.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb

from dashboard.access import Scope
from schemas.proqol import ITEMS

CREDIT = "ProQOL by The Center for Victims of Torture, ProQOL.org"
CREDIT_DE = "ProQOL von The Center for Victims of Torture, ProQOL.org"
LOW_MAX = 22
HIGH_MIN = 42
NOT_SCORED = "not_scored"
BANDS = ("low", "moderate", "high", NOT_SCORED)

# subscale -> (item numbers, reversed item numbers)
SUBSCALES: dict[str, tuple[tuple[int, ...], tuple[int, ...]]] = {
    "compassion_satisfaction": ((3, 6, 12, 16, 18, 20, 22, 24, 27, 30), ()),
    "burnout": ((1, 4, 8, 10, 15, 17, 19, 21, 26, 29), (1, 4, 15, 17, 29)),
    "secondary_traumatic_stress": ((2, 5, 7, 9, 11, 13, 14, 23, 25, 28), ()),
}
# Parameters every query using score_columns() must bind.
BAND_PARAMS: dict[str, int] = {"pq_low_max": LOW_MAX, "pq_high_min": HIGH_MIN}


def _item(n: int) -> str:
    return ITEMS[n - 1]  # identifiers come from the contract (q01..q30), never from input


def score_columns(alias: str = "") -> str:
    """Returns the SELECT-list SQL scoring a relation with columns q01..q30.

    Gives, per subscale, `<name>` (INTEGER or NULL) and `<name>_band`, plus `missing_items`
    (VARCHAR[] of unanswered items, in item order). Binds $pq_low_max and $pq_high_min.
    """
    prefix = f"{alias}." if alias else ""
    parts = []
    for name, (items, reverse) in SUBSCALES.items():
        terms = [
            f"(6 - {prefix}{_item(n)})" if n in reverse else f"{prefix}{_item(n)}" for n in items
        ]
        total = " + ".join(terms)  # NULL as soon as one item is NULL: not scored
        parts.append(f"({total}) AS {name}")
        parts.append(
            f"CASE WHEN ({total}) IS NULL THEN '{NOT_SCORED}' "
            f"WHEN ({total}) <= $pq_low_max THEN 'low' "
            f"WHEN ({total}) >= $pq_high_min THEN 'high' ELSE 'moderate' END AS {name}_band"
        )
    missing = ", ".join(f"CASE WHEN {prefix}{item} IS NULL THEN '{item}' END" for item in ITEMS)
    parts.append(f"list_filter([{missing}], x -> x IS NOT NULL) AS missing_items")
    return ",\n  ".join(parts)


def band(score: int | None) -> str:
    """Returns the band of one subscale score: low, moderate, high, or not_scored for None."""
    if score is None:
        return NOT_SCORED
    if score <= LOW_MAX:
        return "low"
    return "high" if score >= HIGH_MIN else "moderate"


def scores(
    con: duckdb.DuckDBPyConnection,
    *,
    scope: Scope,
    program_id: str | None = None,
    as_of: date | None = None,
) -> list[dict[str, Any]]:
    """Returns one dict per ProQOL response in scope (oldest first per supporter).

    Keys: program_id, supporter_id, response_date, compassion_satisfaction, burnout,
    secondary_traumatic_stress (int or None), their `_band`s, and missing_items.
    With `as_of`, responses after that date are left out.
    """
    if program_id is not None:
        scope.require(program_id)
    sql = f"""
        SELECT program_id, supporter_id, response_date,
          {score_columns()}
        FROM proqol
        WHERE ($programs IS NULL OR program_id IN (SELECT unnest($programs::VARCHAR[])))
          AND ($program_id IS NULL OR program_id = $program_id)
          AND ($as_of IS NULL OR response_date <= $as_of)
        ORDER BY program_id, supporter_id, response_date
    """
    params = {
        **BAND_PARAMS,
        "programs": scope.sql_programs(),
        "program_id": program_id,
        "as_of": as_of,
    }
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
