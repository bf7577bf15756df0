"""One supporter over time: load vs. capacity, check-ins, matches, trainings, supervision.

Seekers stay invisible: matches are shown by match_id with their goal and dimensions,
never with the seeker's code.
"""

from __future__ import annotations

from datetime import date, timedelta

import duckdb
import pandas as pd

from dashboard.access import Scope

WEEKS_SHOWN = 26
WEEKS_PER_MONTH = 52 / 12
CHECKIN_MEASURES = ("stress", "felt_triggered", "can_say_no", "role_clarity", "benefit")


def profile(
    con: duckdb.DuckDBPyConnection, program_id: str, supporter_id: str, *, scope: Scope
) -> dict | None:
    """Returns the supporter's row (dates, capacity, stage, languages), or None if unknown."""
    scope.require(program_id)
    found = con.execute(
        "SELECT supporter_id, joined_on, left_on, capacity_hours_month, own_process_stage,"
        " self_help_group_experience, languages, trigger_topics FROM supporters"
        " WHERE program_id = ? AND supporter_id = ?",
        [program_id, supporter_id],
    )
    row = found.fetchone()
    return None if row is None else dict(zip([d[0] for d in found.description], row, strict=True))


def weekly_load(
    con: duckdb.DuckDBPyConnection,
    program_id: str,
    supporter_id: str,
    as_of: date,
    *,
    scope: Scope,
    weeks: int = WEEKS_SHOWN,
) -> pd.DataFrame:
    """Returns one row per week (Monday) up to as-of: week, hours, contacts, capacity_week.

    capacity_week is the monthly capacity spread over the weeks of a month (× 12 / 52);
    weeks without contacts are 0 so gaps are visible.
    """
    scope.require(program_id)
    start = as_of - timedelta(weeks=weeks - 1)
    return con.execute(
        """
        WITH weeks AS (
          SELECT unnest(range(date_trunc('week', $start::DATE),
                              date_trunc('week', $as_of::DATE) + INTERVAL 1 DAY,
                              INTERVAL 7 DAY))::DATE AS week
        ), load AS (
          SELECT date_trunc('week', c.contact_date)::DATE AS week,
                 sum(c.duration_min) / 60.0 AS hours, count(*) AS contacts
          FROM contacts c JOIN matches m USING (program_id, match_id)
          WHERE c.program_id = $program AND m.supporter_id = $supporter
            AND c.contact_date BETWEEN date_trunc('week', $start::DATE) AND $as_of
          GROUP BY 1
        )
        SELECT w.week, coalesce(l.hours, 0) AS hours, coalesce(l.contacts, 0) AS contacts,
               (SELECT capacity_hours_month FROM supporters
                WHERE program_id = $program AND supporter_id = $supporter) / $wpm
                 AS capacity_week
        FROM weeks w LEFT JOIN load l USING (week) ORDER BY w.week
        """,
        {
            "start": start,
            "as_of": as_of,
            "program": program_id,
            "supporter": supporter_id,
            "wpm": WEEKS_PER_MONTH,
        },
    ).df()


def checkins(
    con: duckdb.DuckDBPyConnection,
    program_id: str,
    supporter_id: str,
    as_of: date,
    *,
    scope: Scope,
) -> pd.DataFrame:
    """Returns the check-ins of the year up to as-of in long form: checkin_date, measure, value."""
    scope.require(program_id)
    frame = con.execute(
        "SELECT checkin_date, stress, felt_triggered, can_say_no, role_clarity, benefit"
        " FROM checkins WHERE program_id = ? AND supporter_id = ?"
        " AND checkin_date BETWEEN ?::DATE - INTERVAL 364 DAY AND ? ORDER BY checkin_date",
        [program_id, supporter_id, as_of, as_of],
    ).df()
    long = frame.melt(
        id_vars="checkin_date",
        value_vars=list(CHECKIN_MEASURES),
        var_name="measure",
        value_name="value",
    )
    return long.dropna(subset=["value"]).reset_index(drop=True)


def matches(
    con: duckdb.DuckDBPyConnection,
    program_id: str,
    supporter_id: str,
    as_of: date,
    *,
    scope: Scope,
) -> pd.DataFrame:
    """Returns the supporter's matches started by as-of, with contacts in the last 28 days.

    The seeker's code is deliberately not selected.
    """
    scope.require(program_id)
    return con.execute(
        """
        WITH recent AS (
          SELECT match_id, count(*) AS contacts_28d FROM contacts
          WHERE program_id = $program
            AND contact_date BETWEEN $as_of::DATE - INTERVAL 27 DAY AND $as_of
          GROUP BY match_id
        )
        SELECT m.match_id, m.started_on, m.ended_on, m.goal, m.scope_agreed,
               m.shared_dimensions, m.differing_dimensions,
               coalesce(r.contacts_28d, 0) AS contacts_28d
        FROM matches m LEFT JOIN recent r USING (match_id)
        WHERE m.program_id = $program AND m.supporter_id = $supporter AND m.started_on <= $as_of
        ORDER BY (m.ended_on IS NULL OR m.ended_on > $as_of) DESC, m.started_on DESC
        """,
        {"as_of": as_of, "program": program_id, "supporter": supporter_id},
    ).df()


def trainings(
    con: duckdb.DuckDBPyConnection,
    program_id: str,
    supporter_id: str,
    as_of: date,
    *,
    scope: Scope,
) -> pd.DataFrame:
    """Returns the trainings completed by as-of with `valid` (valid_until empty or not passed)."""
    scope.require(program_id)
    return con.execute(
        "SELECT training, completed_on, valid_until,"
        " (valid_until IS NULL OR valid_until >= $as_of) AS valid"
        " FROM trainings WHERE program_id = $program AND supporter_id = $supporter"
        " AND completed_on <= $as_of ORDER BY completed_on DESC",
        {"as_of": as_of, "program": program_id, "supporter": supporter_id},
    ).df()


def supervision(
    con: duckdb.DuckDBPyConnection,
    program_id: str,
    supporter_id: str,
    as_of: date,
    *,
    scope: Scope,
) -> pd.DataFrame:
    """Returns the supervision and intervision sessions attended up to as-of, newest first."""
    scope.require(program_id)
    return con.execute(
        "SELECT session_date, format, facilitator FROM supervision"
        " WHERE program_id = ? AND supporter_id = ? AND session_date <= ?"
        " ORDER BY session_date DESC",
        [program_id, supporter_id, as_of],
    ).df()


def contacts_by_id(
    con: duckdb.DuckDBPyConnection, program_id: str, contact_ids: list[str], *, scope: Scope
) -> pd.DataFrame:
    """Returns the contacts with these ids (evidence of a signal), oldest first."""
    scope.require(program_id)
    return con.execute(
        "SELECT contact_id, match_id, contact_date, duration_min, channel,"
        " outside_agreed_hours, private_setting, crisis, topics, referral_needed,"
        " referral_made, language FROM contacts"
        " WHERE program_id = ? AND contact_id IN (SELECT unnest(?::VARCHAR[]))"
        " ORDER BY contact_date, contact_id",
        [program_id, list(contact_ids)],
    ).df()


def proqol(
    con: duckdb.DuckDBPyConnection,
    program_id: str,
    supporter_id: str,
    as_of: date,
    *,
    scope: Scope,
) -> pd.DataFrame:
    """Returns the supporter's scored ProQOL subscales in long form: response_date, subscale,
    score, band (subscales with a missing item are left out: they are not scored)."""
    from dashboard.proqol import SUBSCALES, scores

    rows = [
        {
            "response_date": r["response_date"],
            "subscale": name,
            "score": r[name],
            "band": r[f"{name}_band"],
        }
        for r in scores(con, scope=scope, program_id=program_id, as_of=as_of)
        if r["supporter_id"] == supporter_id
        for name in SUBSCALES
        if r[name] is not None
    ]
    return pd.DataFrame(rows, columns=["response_date", "subscale", "score", "band"])
