"""The base relations every rule reads: one program's data as it stood on the as-of date.

Built once per evaluation in the evaluation's own workspace (see workspace.py: a private
in-memory catalog, or temporary tables), so the big contacts table is scanned once (for the
widest contact window any rule needs) instead of once per rule. Data dated after as-of is left
out everywhere, so a past state can be replayed.

sig_members     supporters who had joined and not left before as-of, with `active`
                (>= 1 contact in the last ACTIVE_DAYS days) and `open_matches`
sig_contacts    contacts of the last days (the widest window of the rules reading it, at
                least ACTIVE_DAYS) with the match's supporter_id, age_days (0 = on as-of) and
                the flags outside / private / crisis (empty = false)
sig_flagged     the few contacts the list-based rules need, from one scan: in crisis or
                touching a specialist topic, or needing a referral; split into
sig_specialist  ... which specialist training each one needs (a view; rules apply their window)
sig_referrals   ... the referral lists and language (a view; rules apply their window)
sig_triggers    contacts touching a trigger topic of their supporter (S-TRIGGER window)
sig_matches     matches started on or before as-of; is_open = not ended before as-of
sig_checkins    the latest check-ins of members on or before as-of (as many as the rules
                read, see Rule.checkins); rn = 1 is the latest
sig_proqol      scored ProQOL responses of members on or before as-of; rn = 1 is the latest
sig_trainings   trainings completed on or before as-of; is_valid = valid_until not passed
sig_sessions    per supporter: the last session on or before as-of, and the last one led by
                a professional (facilitator professional or empty)
sig_incidents   incidents on or before as-of; is_open = not resolved on or before as-of
sig_services    the service network; a last_network_contact after as-of counts as unknown
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

import duckdb

from dashboard.proqol import BAND_PARAMS, score_columns
from dashboard.signals.workspace import Workspace
from dashboard.signals.workspace import build as workspace_build

ACTIVE_DAYS = 28  # RULEBOOK: "Active" = not left before as-of and >= 1 contact in 28 days
# The contact relations; a rule names the one it reads in Rule.contacts, and its window_days
# threshold widens that relation's window.
CONTACT_TABLES: tuple[str, ...] = (
    "sig_contacts", "sig_specialist", "sig_referrals", "sig_triggers",
)  # fmt: skip
CHECKINS = "sig_checkins"  # its "window" is a number of latest check-ins

# In build order, the longest chain of dependent relations first (see workspace.build).
_TABLES: tuple[tuple[str, str], ...] = (
    (
        "sig_contacts",
        """SELECT c.contact_id, c.match_id, m.supporter_id, c.contact_date, c.duration_min,
                  ($as_of - c.contact_date) AS age_days,
                  coalesce(c.outside_agreed_hours, false) AS outside,
                  coalesce(c.private_setting, false) AS private,
                  coalesce(c.crisis, false) AS crisis
           FROM contacts c JOIN matches m ON m.program_id = c.program_id
                                         AND m.match_id = c.match_id
           WHERE c.program_id = $program_id
             AND c.contact_date BETWEEN $as_of - ($contacts_days - 1) AND $as_of""",
    ),
    (
        "sig_matches",
        """SELECT match_id, supporter_id, started_on, ended_on, goal, scope_agreed,
                  (ended_on IS NULL OR ended_on >= $as_of) AS is_open
           FROM matches WHERE program_id = $program_id AND started_on <= $as_of""",
    ),
    (
        "sig_members",
        """WITH act AS (SELECT DISTINCT supporter_id FROM sig_contacts
                      WHERE age_days < $active_days),
                opn AS (SELECT supporter_id, count(*) AS n FROM sig_matches WHERE is_open
                        GROUP BY supporter_id)
           SELECT s.supporter_id, s.joined_on, s.left_on, s.capacity_hours_month,
                  s.own_process_stage, s.languages, s.trigger_topics,
                  act.supporter_id IS NOT NULL AS active, coalesce(opn.n, 0) AS open_matches
           FROM supporters s LEFT JOIN act USING (supporter_id) LEFT JOIN opn USING (supporter_id)
           WHERE s.program_id = $program_id AND s.joined_on <= $as_of
             AND (s.left_on IS NULL OR s.left_on >= $as_of)""",
    ),
    (
        "sig_checkins",
        # members are picked after the latest rows (rn is per supporter either way): DuckDB
        # then turns the window into a cheap per-supporter top-N aggregate
        """SELECT * FROM (
             SELECT supporter_id, checkin_date, stress, felt_triggered, can_say_no, role_clarity,
                    benefit, seeker_dependency, wants_supervision,
                    row_number() OVER (PARTITION BY supporter_id ORDER BY checkin_date DESC) AS rn
             FROM checkins WHERE program_id = $program_id AND checkin_date <= $as_of
             QUALIFY rn <= $checkins_rows)
           WHERE supporter_id IN (SELECT supporter_id FROM sig_members)""",
    ),
    # List columns are the dear part of a scan: topics and referrals are read once, here.
    (
        "sig_flagged",
        """WITH hit AS (
             SELECT contact_id, match_id, contact_date, crisis, topics, referral_needed,
                    referral_made, language
             FROM contacts c WHERE c.program_id = $program_id
               AND c.contact_date BETWEEN $as_of - ($flagged_days - 1) AND $as_of
               AND (c.crisis OR list_contains(c.topics, 'suicidality')
                    OR list_contains(c.topics, 'violence_discrimination')
                    OR list_contains(c.topics, 'asylum_procedure')
                    OR len(c.referral_needed) > 0)
           )
           SELECT h.contact_id, m.supporter_id, h.contact_date,
                  ($as_of - h.contact_date) AS age_days,
                  coalesce(h.crisis, false) OR coalesce(list_contains(h.topics, 'suicidality'),
                                                        false) AS needs_crisis_intervention,
                  coalesce(list_contains(h.topics, 'violence_discrimination'), false)
                    AS needs_trauma_informed,
                  coalesce(list_contains(h.topics, 'asylum_procedure'), false)
                    AS needs_asylum_basics,
                  h.referral_needed, h.referral_made, h.language
           FROM hit h JOIN sig_matches m USING (match_id)""",
    ),
    # views (see VIEWS): every rule reading them filters on its own window, so copying the
    # rows would only cost time
    (
        "sig_specialist",
        """SELECT contact_id, supporter_id, contact_date, age_days, needs_crisis_intervention,
                  needs_trauma_informed, needs_asylum_basics
           FROM sig_flagged
           WHERE needs_crisis_intervention OR needs_trauma_informed OR needs_asylum_basics""",
    ),
    (
        "sig_referrals",
        """SELECT contact_id, supporter_id, contact_date, age_days, referral_needed,
                  referral_made, language
           FROM sig_flagged WHERE len(referral_needed) > 0""",
    ),
    # one row per (match, declared trigger topic): list_contains per pair is far cheaper
    # than list_has_any over two lists
    (
        "sig_triggers",
        """WITH trig AS (SELECT mt.match_id, mt.supporter_id, unnest(mb.trigger_topics) AS topic
                       FROM sig_members mb JOIN sig_matches mt USING (supporter_id)
                       WHERE len(mb.trigger_topics) > 0)
           SELECT c.contact_id, t.supporter_id, c.contact_date,
                  ($as_of - c.contact_date) AS age_days, list_sort(list(t.topic)) AS topics
           FROM contacts c JOIN trig t ON t.match_id = c.match_id
           WHERE c.program_id = $program_id
             AND c.contact_date BETWEEN $as_of - ($triggers_days - 1) AND $as_of
             AND list_contains(c.topics, t.topic)
           GROUP BY c.contact_id, t.supporter_id, c.contact_date""",
    ),
    (
        "sig_proqol",
        # only the scores the rules read (the list of missing items is dear to build)
        f"""SELECT supporter_id, response_date, burnout, burnout_band,
                   secondary_traumatic_stress, secondary_traumatic_stress_band, rn
            FROM (SELECT p.supporter_id, p.response_date, {score_columns("p")},
                         row_number() OVER (PARTITION BY p.supporter_id
                                            ORDER BY p.response_date DESC) AS rn
                  FROM proqol p WHERE p.program_id = $program_id AND p.response_date <= $as_of)
            WHERE supporter_id IN (SELECT supporter_id FROM sig_members)""",
    ),
    (
        "sig_sessions",
        """SELECT supporter_id, max(session_date) AS last_session,
                  max(session_date) FILTER (WHERE facilitator = 'professional'
                                              OR facilitator IS NULL) AS last_professional
           FROM supervision WHERE program_id = $program_id AND session_date <= $as_of
           GROUP BY supporter_id""",
    ),
    (
        "sig_trainings",
        """SELECT supporter_id, training, completed_on, valid_until,
                  (valid_until IS NULL OR valid_until >= $as_of) AS is_valid
           FROM trainings WHERE program_id = $program_id AND completed_on <= $as_of""",
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
VIEWS: frozenset[str] = frozenset({"sig_specialist", "sig_referrals"})  # no parameters inside
_SELECTS: dict[str, str] = dict(_TABLES)
# the base relations each one reads
DEPENDS: dict[str, frozenset[str]] = {
    name: frozenset(re.findall(r"\bsig_[a-z_]+\b", select)) & _SELECTS.keys() - {name}
    for name, select in _TABLES
}


def build(
    workspace: Workspace,
    program_id: str,
    as_of: date,
    windows: Mapping[str, int],
) -> None:
    """Creates (or replaces) the base relations for one program in `workspace`.

    `windows` maps each contact relation (CONTACT_TABLES) to the days it must cover, the widest
    `window_days` of the rules reading it, and CHECKINS to the number of latest check-ins.
    """
    params = parameters(program_id, as_of, windows)
    scope = "TEMP " if workspace.temp else ""

    def create(cur: duckdb.DuckDBPyConnection, name: str) -> None:
        select, kind = _SELECTS[name], "VIEW" if name in VIEWS else "TABLE"
        # names are the fixed constants above; values are bound
        cur.execute(f"CREATE OR REPLACE {scope}{kind} {name} AS {select}", bind(select, params))

    workspace_build(workspace, TABLE_NAMES, DEPENDS, create)


def parameters(program_id: str, as_of: date, windows: Mapping[str, int]) -> dict[str, object]:
    """Returns the values the base relations bind (see build)."""
    days = {name: max(1, int(windows.get(name, 1))) for name in CONTACT_TABLES}
    days["sig_contacts"] = max(days["sig_contacts"], ACTIVE_DAYS)  # `active` is read from it
    return {
        "program_id": program_id,
        "as_of": as_of,
        "active_days": ACTIVE_DAYS,
        "checkins_rows": max(1, int(windows.get(CHECKINS, 1))),
        **BAND_PARAMS,
        **{f"{name.removeprefix('sig_')}_days": d for name, d in days.items()},
        "flagged_days": max(days["sig_specialist"], days["sig_referrals"]),
    }


_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def bind(sql: str, params: Mapping[str, object]) -> dict[str, object]:
    """Returns the parameters `sql` names as $name (DuckDB refuses unused named parameters).

    A name the SQL uses but `params` lacks raises KeyError, naming it.
    """
    return {name: params[name] for name in set(_PARAM.findall(sql))}
