"""Program health (RULEBOOK, "Program health"): plain figures and monthly trends for the overview.

Each figure is computed by one SQL query over a list of as-of dates, so the figure on one day
and its monthly trend are the same query. Windows follow the program's thresholds
(supervision: S-NO-SUPERVISION.days_low, check-ins: S-SILENT.days, load: S-OVERLOAD.window_days,
referrals: N-UNMET.window_days); "active" is the RULEBOOK's definition. Data after an as-of
date is ignored for that date. No Streamlit here.
"""

from __future__ import annotations

from datetime import date, timedelta
from statistics import median
from typing import Any

import duckdb

from dashboard import settings
from dashboard.access import Scope
from dashboard.signals.base import ACTIVE_DAYS

_BASE = """
WITH d AS (SELECT unnest($dates::DATE[]) AS as_of),
members AS (
  SELECT d.as_of, s.supporter_id, s.capacity_hours_month
  FROM d JOIN supporters s ON s.program_id = $program_id AND s.joined_on <= d.as_of
                          AND (s.left_on IS NULL OR s.left_on >= d.as_of)
),
pc AS (
  SELECT c.contact_id, c.contact_date, c.duration_min, c.referral_needed, c.referral_made,
         m.supporter_id
  FROM contacts c JOIN matches m ON m.program_id = c.program_id AND m.match_id = c.match_id
  WHERE c.program_id = $program_id AND c.contact_date BETWEEN $start AND $end
),
active AS (
  SELECT DISTINCT mb.as_of, mb.supporter_id FROM members mb
  JOIN pc ON pc.supporter_id = mb.supporter_id
         AND pc.contact_date BETWEEN mb.as_of - ($active_days - 1) AND mb.as_of
)
"""

_COVERAGE = (
    _BASE
    + """
SELECT a.as_of, count(*) AS active,
  count(*) FILTER (WHERE EXISTS (
    SELECT 1 FROM trainings t WHERE t.program_id = $program_id
      AND t.supporter_id = a.supporter_id AND t.training = 'peer_support_basics'
      AND t.completed_on <= a.as_of AND (t.valid_until IS NULL OR t.valid_until >= a.as_of)
  )) AS with_basics,
  count(*) FILTER (WHERE EXISTS (
    SELECT 1 FROM supervision s WHERE s.program_id = $program_id
      AND s.supporter_id = a.supporter_id
      AND (s.facilitator = 'professional' OR s.facilitator IS NULL)
      AND s.session_date BETWEEN a.as_of - ($supervision_days - 1) AND a.as_of
  )) AS supervised,
  count(*) FILTER (WHERE EXISTS (
    SELECT 1 FROM checkins k WHERE k.program_id = $program_id
      AND k.supporter_id = a.supporter_id
      AND k.checkin_date BETWEEN a.as_of - ($checkin_days - 1) AND a.as_of
  ) OR EXISTS (
    SELECT 1 FROM proqol p WHERE p.program_id = $program_id
      AND p.supporter_id = a.supporter_id
      AND p.response_date BETWEEN a.as_of - ($checkin_days - 1) AND a.as_of
  )) AS checked_in
FROM d JOIN active a USING (as_of)
GROUP BY a.as_of
"""
)

_LOAD = (
    _BASE
    + """
SELECT mb.as_of, mb.supporter_id, mb.capacity_hours_month AS capacity,
       coalesce(sum(pc.duration_min), 0) / 60.0 AS hours
FROM members mb LEFT JOIN pc ON pc.supporter_id = mb.supporter_id
     AND pc.contact_date BETWEEN mb.as_of - ($load_days - 1) AND mb.as_of
WHERE (mb.as_of, mb.supporter_id) IN (SELECT (as_of, supporter_id) FROM active)
GROUP BY ALL ORDER BY mb.as_of, mb.supporter_id
"""
)

_GOALS = """
WITH d AS (SELECT unnest($dates::DATE[]) AS as_of)
SELECT d.as_of, count(m.match_id) AS open_matches,
       count(m.match_id) FILTER (WHERE m.goal IS NOT NULL AND m.goal <> 'none') AS with_goal,
       count(m.match_id) FILTER (WHERE m.scope_agreed) AS scope_agreed
FROM d LEFT JOIN matches m ON m.program_id = $program_id AND m.started_on <= d.as_of
                          AND (m.ended_on IS NULL OR m.ended_on >= d.as_of)
GROUP BY d.as_of
"""

_REFERRALS = (
    _BASE
    + """, needed AS (
  SELECT d.as_of, pc.contact_id, pc.referral_made,
         unnest(list_distinct(pc.referral_needed)) AS service_type
  FROM d JOIN pc ON pc.contact_date BETWEEN d.as_of - ($referral_days - 1) AND d.as_of
)
SELECT as_of, service_type, count(*) AS needed,
       count(*) FILTER (WHERE list_contains(referral_made, service_type)) AS referred
FROM needed GROUP BY ALL ORDER BY as_of, service_type
"""
)

_INCIDENTS = """
WITH d AS (SELECT unnest($dates::DATE[]) AS as_of)
SELECT d.as_of, i.incident_id, i.type, i.severity, i.supporter_id, i.incident_date
FROM d JOIN incidents i ON i.program_id = $program_id AND i.incident_date <= d.as_of
                       AND (i.resolved_on IS NULL OR i.resolved_on > d.as_of)
ORDER BY d.as_of, i.incident_date, i.incident_id
"""


def _params(con: duckdb.DuckDBPyConnection, program_id: str, dates: list[date]) -> dict[str, Any]:
    t = settings.threshold_values(con, program_id)
    p: dict[str, Any] = {
        "program_id": program_id, "dates": dates, "active_days": ACTIVE_DAYS,
        "supervision_days": t["S-NO-SUPERVISION"]["days_low"],
        "checkin_days": t["S-SILENT"]["days"], "load_days": t["S-OVERLOAD"]["window_days"],
        "referral_days": t["N-UNMET"]["window_days"], "end": max(dates),
    }  # fmt: skip
    widest = max(p["active_days"], p["load_days"], p["referral_days"])
    p["start"] = min(dates) - timedelta(days=widest - 1)
    return p


def _query(con: duckdb.DuckDBPyConnection, sql: str, params: dict) -> list[dict[str, Any]]:
    from dashboard.signals.base import bind

    cur = con.execute(sql, bind(sql, params))
    names = [c[0] for c in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _coverage(con, program_id: str, dates: list[date]) -> dict[date, dict[str, Any]]:
    rows = {r["as_of"]: r for r in _query(con, _COVERAGE, _params(con, program_id, dates))}
    out = {}
    for day in dates:
        r = rows.get(day, {"active": 0, "with_basics": 0, "supervised": 0, "checked_in": 0})
        out[day] = {
            "active": r["active"],
            "with_basics": r["with_basics"], "basics_share": _share(r["with_basics"], r["active"]),
            "supervised": r["supervised"],
            "supervision_share": _share(r["supervised"], r["active"]),
            "checked_in": r["checked_in"], "checkin_share": _share(r["checked_in"], r["active"]),
        }  # fmt: skip
    return out


def coverage(
    con: duckdb.DuckDBPyConnection, *, scope: Scope, program_id: str, as_of: date
) -> dict[str, Any]:
    """Returns active supporters and how many have basics training, professional supervision
    (last S-NO-SUPERVISION.days_low days) and a check-in (last S-SILENT.days days), with shares
    (None when nobody is active)."""
    scope.require(program_id)
    return _coverage(con, program_id, [as_of])[as_of]


def load_distribution(
    con: duckdb.DuckDBPyConnection, *, scope: Scope, program_id: str, as_of: date
) -> dict[str, Any]:
    """Returns contact hours per active supporter in the load window, against capacity:
    {window_days, supporters: [{supporter_id, hours, capacity, ratio}], median_hours,
    total_hours, over_capacity (count above capacity)}."""
    scope.require(program_id)
    params = _params(con, program_id, [as_of])
    rows = _query(con, _LOAD, params)
    return _load_summary(rows, params["load_days"])


def _load_summary(rows: list[dict[str, Any]], window: int) -> dict[str, Any]:
    people = [
        {"supporter_id": r["supporter_id"], "hours": round(r["hours"], 2),
         "capacity": r["capacity"],
         "ratio": round(r["hours"] / r["capacity"], 2) if r["capacity"] else None}
        for r in rows
    ]  # fmt: skip
    hours = [p["hours"] for p in people]
    return {
        "window_days": window,
        "supporters": people,
        "median_hours": round(median(hours), 2) if hours else None,
        "total_hours": round(sum(hours), 2),
        "over_capacity": sum(1 for p in people if p["hours"] > (p["capacity"] or 0)),
    }


def goals(
    con: duckdb.DuckDBPyConnection, *, scope: Scope, program_id: str, as_of: date
) -> dict[str, Any]:
    """Returns open matches and how many have an agreed goal and an agreed scope, with shares."""
    scope.require(program_id)
    (r,) = _query(con, _GOALS, {"program_id": program_id, "dates": [as_of]})
    return {
        **{k: r[k] for k in ("open_matches", "with_goal", "scope_agreed")},
        "goal_share": _share(r["with_goal"], r["open_matches"]),
        "scope_share": _share(r["scope_agreed"], r["open_matches"]),
    }


def referral_completion(
    con: duckdb.DuckDBPyConnection, *, scope: Scope, program_id: str, as_of: date
) -> list[dict[str, Any]]:
    """Returns per service type needed in the referral window: needed, referred, share."""
    scope.require(program_id)
    rows = _query(con, _REFERRALS, _params(con, program_id, [as_of]))
    return [
        {
            "service_type": r["service_type"],
            "needed": r["needed"],
            "referred": r["referred"],
            "share": _share(r["referred"], r["needed"]),
        }
        for r in rows
    ]


def open_incidents(
    con: duckdb.DuckDBPyConnection, *, scope: Scope, program_id: str, as_of: date
) -> dict[str, Any]:
    """Returns incidents unresolved on as-of: total, counts by type and severity, and ids."""
    scope.require(program_id)
    rows = _query(con, _INCIDENTS, {"program_id": program_id, "dates": [as_of]})
    counts: dict[tuple[str, str], int] = {}
    for r in rows:
        key = (r["type"], r["severity"] or "")
        counts[key] = counts.get(key, 0) + 1
    return {
        "total": len(rows),
        "by_type": [
            {"type": t, "severity": s or None, "count": n} for (t, s), n in sorted(counts.items())
        ],
        "incident_ids": [r["incident_id"] for r in rows],
        "without_supporter": sum(1 for r in rows if r["supporter_id"] is None),
    }


def overview(
    con: duckdb.DuckDBPyConnection, *, scope: Scope, program_id: str, as_of: date
) -> dict[str, Any]:
    """Returns every health figure of the program on as-of in one dict."""
    p, day = program_id, as_of
    return {
        "as_of": as_of,
        **coverage(con, scope=scope, program_id=p, as_of=day),
        "load": load_distribution(con, scope=scope, program_id=p, as_of=day),
        "goals": goals(con, scope=scope, program_id=p, as_of=day),
        "referrals": referral_completion(con, scope=scope, program_id=p, as_of=day),
        "incidents": open_incidents(con, scope=scope, program_id=p, as_of=day),
    }


def month_ends(as_of: date, months: int = 12) -> list[date]:
    """Returns the last day of each of the `months - 1` months before as-of, then as-of."""
    ends: list[date] = []
    day = as_of.replace(day=1) - timedelta(days=1)
    while len(ends) < months - 1:
        ends.append(day)
        day = day.replace(day=1) - timedelta(days=1)
    return [*reversed(ends), as_of]


def monthly_trend(
    con: duckdb.DuckDBPyConnection, *, scope: Scope, program_id: str, as_of: date, months: int = 12
) -> list[dict[str, Any]]:
    """Returns one dict per month (its last day; the current month at as-of), oldest first:
    month 'YYYY-MM', as_of, the coverage figures, total/median hours, open matches and goal
    share, referral share (all service types), open incidents."""
    scope.require(program_id)
    dates = month_ends(as_of, months)
    params = _params(con, program_id, dates)
    cover = _coverage(con, program_id, dates)
    load = _group(_query(con, _LOAD, params))
    goal = {r["as_of"]: r for r in _query(con, _GOALS, params)}
    refs = _group(_query(con, _REFERRALS, params))
    incidents = _group(_query(con, _INCIDENTS, params))
    out = []
    for day in dates:
        summary = _load_summary(load.get(day, []), params["load_days"])
        needed = sum(r["needed"] for r in refs.get(day, []))
        out.append({
            "month": day.strftime("%Y-%m"), "as_of": day, **cover[day],
            "total_hours": summary["total_hours"], "median_hours": summary["median_hours"],
            "over_capacity": summary["over_capacity"],
            "open_matches": goal[day]["open_matches"],
            "goal_share": _share(goal[day]["with_goal"], goal[day]["open_matches"]),
            "referral_share": _share(sum(r["referred"] for r in refs.get(day, [])), needed),
            "open_incidents": len(incidents.get(day, [])),
        })  # fmt: skip
    return out


def _group(rows: list[dict[str, Any]]) -> dict[date, list[dict[str, Any]]]:
    grouped: dict[date, list[dict[str, Any]]] = {}
    for r in rows:
        grouped.setdefault(r["as_of"], []).append(r)
    return grouped


def followup_figures(
    con: duckdb.DuckDBPyConnection, *, scope: Scope, program_id: str, as_of: date
) -> dict[str, Any]:
    """Returns the follow-up figures (median days to a first follow-up, share of high-severity
    signals followed up within 14 days, reopened signals); see dashboard.followups.figures."""
    from dashboard.followups import figures  # late: figures reads month_ends from here

    return figures.followup_figures(con, scope=scope, program_id=program_id, as_of=as_of)


def followup_trend(
    con: duckdb.DuckDBPyConnection, *, scope: Scope, program_id: str, as_of: date, months: int = 6
) -> list[dict[str, Any]]:
    """Returns followup_figures at each month's end (the current month at as-of), oldest first."""
    from dashboard.followups import figures

    return figures.followup_trend(
        con, scope=scope, program_id=program_id, as_of=as_of, months=months
    )
