"""The base relations every rule reads: one program's data as it stood on the as-of date.

Built once per evaluation as temporary tables on the evaluation's own cursor, so the big
contacts table is scanned once (for the widest contact window any rule needs) instead of once
per rule. Data dated after as-of is left out everywhere, so a past state can be replayed.

sig_members     supporters who had joined and not left before as-of, with `active`
                (>= 1 contact in the last ACTIVE_DAYS days) and `open_matches`
sig_contacts    contacts of the last `contact_days` days with the match's supporter_id and
                age_days (0 = on as-of)
sig_matches     matches started on or before as-of; is_open = not ended before as-of
sig_checkins    check-ins of members on or before as-of; rn = 1 is the latest
sig_proqol      scored ProQOL responses of members on or before as-of; rn = 1 is the latest
sig_trainings   trainings completed on or before as-of; is_valid = valid_until not passed
sig_supervision sessions on or before as-of
sig_incidents   incidents on or before as-of; is_open = not resolved on or before as-of
sig_services    the service network; a last_network_contact after as-of counts as unknown
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

import duckdb

from dashboard.proqol import BAND_PARAMS, score_columns

ACTIVE_DAYS = 28  # RULEBOOK: "Active" = not left before as-of and >= 1 contact in 28 days

_TABLES: tuple[tuple[str, str], ...] = (
    (
        "sig_matches",
        """SELECT match_id, supporter_id, started_on, ended_on, goal, scope_agreed,
                  (ended_on IS NULL OR ended_on >= $as_of) AS is_open
           FROM matches WHERE program_id = $program_id AND started_on <= $as_of""",
    ),
    (
        "sig_contacts",
        """SELECT c.contact_id, c.match_id, m.supporter_id, c.contact_date, c.duration_min,
                  c.outside_agreed_hours, c.private_setting, c.topics, c.crisis,
                  c.referral_needed, c.referral_made, c.language,
                  ($as_of - c.contact_date) AS age_days
           FROM contacts c JOIN matches m ON m.program_id = c.program_id
                                         AND m.match_id = c.match_id
           WHERE c.program_id = $program_id
             AND c.contact_date BETWEEN $as_of - ($contact_days - 1) AND $as_of""",
    ),
    (
        "sig_members",
        """SELECT s.supporter_id, s.joined_on, s.left_on, s.capacity_hours_month,
                  s.own_process_stage, s.languages, s.trigger_topics,
                  s.supporter_id IN (SELECT supporter_id FROM sig_contacts
                                     WHERE age_days < $active_days) AS active,
                  (SELECT count(*) FROM sig_matches mt
                   WHERE mt.supporter_id = s.supporter_id AND mt.is_open) AS open_matches
           FROM supporters s
           WHERE s.program_id = $program_id AND s.joined_on <= $as_of
             AND (s.left_on IS NULL OR s.left_on >= $as_of)""",
    ),
    (
        "sig_checkins",
        """SELECT k.*, row_number() OVER (PARTITION BY k.supporter_id
                                          ORDER BY k.checkin_date DESC) AS rn
           FROM (SELECT supporter_id, checkin_date, stress, felt_triggered, can_say_no,
                        role_clarity, benefit, seeker_dependency, wants_supervision
                 FROM checkins WHERE program_id = $program_id AND checkin_date <= $as_of
                   AND supporter_id IN (SELECT supporter_id FROM sig_members)) k""",
    ),
    (
        "sig_proqol",
        f"""SELECT p.supporter_id, p.response_date, {score_columns("p")},
                   row_number() OVER (PARTITION BY p.supporter_id
                                      ORDER BY p.response_date DESC) AS rn
            FROM proqol p WHERE p.program_id = $program_id AND p.response_date <= $as_of
              AND p.supporter_id IN (SELECT supporter_id FROM sig_members)""",
    ),
    (
        "sig_trainings",
        """SELECT supporter_id, training, completed_on, valid_until,
                  (valid_until IS NULL OR valid_until >= $as_of) AS is_valid
           FROM trainings WHERE program_id = $program_id AND completed_on <= $as_of""",
    ),
    (
        "sig_supervision",
        """SELECT supporter_id, session_date, format, facilitator
           FROM supervision WHERE program_id = $program_id AND session_date <= $as_of""",
    ),
    (
        "sig_incidents",
        """SELECT incident_id, incident_date, supporter_id, type, severity, resolved_on,
                  (resolved_on IS NULL OR resolved_on > $as_of) AS is_open
           FROM incidents WHERE program_id = $program_id AND incident_date <= $as_of""",
    ),
    (
        "sig_services",
        """SELECT service_id, service_type, languages, lgbtiq_affirming, accepts_referrals,
                  CASE WHEN last_network_contact <= $as_of THEN last_network_contact END
                    AS last_network_contact
           FROM services WHERE program_id = $program_id""",
    ),
)
TABLE_NAMES: tuple[str, ...] = tuple(name for name, _ in _TABLES)


def build(
    cur: duckdb.DuckDBPyConnection, program_id: str, as_of: date, contact_days: int
) -> None:
    """Creates (or replaces) the sig_* temporary tables for one program on `cur`."""
    params = {
        "program_id": program_id,
        "as_of": as_of,
        "contact_days": max(contact_days, ACTIVE_DAYS),
        "active_days": ACTIVE_DAYS,
        **BAND_PARAMS,
    }
    for name, select in _TABLES:
        # names are the fixed constants above; values are bound
        cur.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS {select}", bind(select, params))


_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def bind(sql: str, params: Mapping[str, object]) -> dict[str, object]:
    """Returns the parameters `sql` names as $name (DuckDB refuses unused named parameters).

    A name the SQL uses but `params` lacks raises KeyError, naming it.
    """
    return {name: params[name] for name in set(_PARAM.findall(sql))}
