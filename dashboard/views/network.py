"""The program's network of professional services: needs vs. referrals, language gaps, staleness.

Windows follow the RULEBOOK's networking rules: needs of the last 90 days (inclusive of
as-of), partnerships stale after 180 days without contact.
"""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from dashboard.access import Scope

NEED_WINDOW_DAYS = 90
STALE_DAYS = 180

_NEEDS = """
    SELECT c.contact_id, c.language, unnest(c.referral_needed) AS service_type,
           c.referral_made
    FROM contacts c
    WHERE c.program_id = $program
      AND c.contact_date BETWEEN $as_of::DATE - INTERVAL ($days - 1) DAY AND $as_of
"""


def referrals_by_type(
    con: duckdb.DuckDBPyConnection, program_id: str, as_of: date, *, scope: Scope
) -> pd.DataFrame:
    """Returns per service type: needed (contacts that needed it) and referred (of those,
    contacts where a referral of that type was made), last 90 days."""
    scope.require(program_id)
    return con.execute(
        f"""
        WITH needs AS ({_NEEDS})
        SELECT service_type, count(*) AS needed,
               count(*) FILTER (WHERE list_contains(referral_made, service_type)) AS referred
        FROM needs GROUP BY service_type ORDER BY needed DESC, service_type
        """,
        {"program": program_id, "as_of": as_of, "days": NEED_WINDOW_DAYS},
    ).df()


def need_matrix(
    con: duckdb.DuckDBPyConnection, program_id: str, as_of: date, *, scope: Scope
) -> pd.DataFrame:
    """Returns service_type × language: needs (contacts, last 90 days), affirming services
    (lgbtiq_affirming, accepts_referrals, speaks the language) and gap (needs, no service)."""
    scope.require(program_id)
    return con.execute(
        f"""
        WITH needs AS ({_NEEDS}),
        need_counts AS (
          SELECT service_type, language, count(*) AS needs FROM needs
          WHERE language IS NOT NULL GROUP BY ALL
        ),
        offered AS (
          SELECT service_type, unnest(languages) AS language FROM services
          WHERE program_id = $program AND lgbtiq_affirming AND accepts_referrals
        ),
        offer AS (SELECT service_type, language, count(*) AS services FROM offered GROUP BY ALL)
        SELECT n.service_type, n.language, n.needs, coalesce(o.services, 0) AS services,
               coalesce(o.services, 0) = 0 AS gap
        FROM need_counts n LEFT JOIN offer o USING (service_type, language)
        ORDER BY gap DESC, n.needs DESC, n.service_type, n.language
        """,
        {"program": program_id, "as_of": as_of, "days": NEED_WINDOW_DAYS},
    ).df()


def partnerships(
    con: duckdb.DuckDBPyConnection, program_id: str, as_of: date, *, scope: Scope
) -> pd.DataFrame:
    """Returns every service with days since last network contact, `stale` (over 180 days or
    never) and `needed` (its type was needed in the last 90 days); stale needed ones first."""
    scope.require(program_id)
    return con.execute(
        f"""
        WITH needed AS (SELECT DISTINCT service_type FROM ({_NEEDS})),
        listed AS (
          SELECT s.service_id, s.service_type, s.languages, s.lgbtiq_affirming,
                 s.accepts_referrals, s.last_network_contact,
                 date_diff('day', s.last_network_contact, $as_of::DATE) AS days_since,
                 (s.last_network_contact IS NULL
                  OR s.last_network_contact < $as_of::DATE - INTERVAL ($stale) DAY) AS stale,
                 s.service_type IN (SELECT service_type FROM needed) AS needed
          FROM services s WHERE s.program_id = $program
        )
        SELECT * FROM listed
        ORDER BY (stale AND needed) DESC, stale DESC, days_since DESC NULLS FIRST, service_id
        """,
        {"program": program_id, "as_of": as_of, "days": NEED_WINDOW_DAYS, "stale": STALE_DAYS},
    ).df()
