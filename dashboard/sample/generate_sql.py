"""The generator's SQL: every value is a pure function of (seed, row number), never a loop.

`u(a, b)` / `u3(a, b, c)` are uniform numbers in [0, 1) from DuckDB's hash of the arguments and
the seed, so the same seed gives the same program on every run, at any size. Variables
(`SET VARIABLE`) carry the bound parameters: seed, n (supporters), as_of, cps (contacts per
supporter and year).
"""

from __future__ import annotations

TOPICS = [
    "coming_out",
    "identity",
    "family_conflict",
    "relationships",
    "loneliness",
    "community_access",
    "asylum_procedure",
    "housing",
    "work_education",
    "health",
    "sexual_health",
    "mental_health",
    "violence_discrimination",
    "suicidality",
    "religion",
    "bureaucracy",
    "other",
]
# Calm topics weigh more: repeated words are drawn more often.
CONTACT_TOPICS = (
    TOPICS
    + [
        "coming_out",
        "identity",
        "loneliness",
        "relationships",
        "community_access",
        "bureaucracy",
        "work_education",
    ]
    * 2
)
NEEDED_SERVICES = [
    "counselling",
    "counselling",
    "legal_asylum",
    "legal_asylum",
    "social_work",
    "psychotherapy",
    "housing_support",
    "medical",
    "sexual_health_clinic",
    "crisis_line",
    "community_center",
    "psychiatry",
    "self_help_group",
]
DIMENSIONS = [
    "sexual_orientation",
    "gender_identity",
    "migration_experience",
    "language",
    "religion",
    "culture",
    "age_group",
]
FIRST_LANGUAGES = ["fa", "fa", "ar", "ar", "tr", "ru", "uk", "ku", "ps", "fr", "es", "de", "en"]

MACROS = """
CREATE OR REPLACE TEMP MACRO u(a, b) AS
  (hash(a, b, getvariable('seed')) % 1000003) / 1000003.0;
CREATE OR REPLACE TEMP MACRO u3(a, b, c) AS
  (hash(a, b, c, getvariable('seed')) % 1000003) / 1000003.0;
CREATE OR REPLACE TEMP MACRO pick(options, x) AS
  options[1 + CAST(floor(x * len(options)) AS INTEGER)];
-- Codes never hold 6 digits in a row (the identifier guard): P0-00001 ... P12-34567.
CREATE OR REPLACE TEMP MACRO code(prefix, i) AS
  prefix || CAST(i // 100000 AS VARCHAR) || '-' || lpad(CAST(i % 100000 AS VARCHAR), 5, '0');
CREATE OR REPLACE TEMP MACRO joined(xs) AS
  nullif(array_to_string(list_sort(list_distinct(list_filter(xs, x -> x IS NOT NULL))), '|'), '');
"""

SUPPORTERS = """
CREATE OR REPLACE TEMP TABLE g_sup AS
WITH base AS (
  SELECT i,
    getvariable('as_of') - CAST(20 + floor(u(i, 1) * 1500) AS INTEGER) AS joined_on,
    pick(getvariable('first_languages'), u(i, 7)) AS lang1
  FROM range(1, getvariable('n') + 1) t(i)
)
SELECT i, code('P', i) AS supporter_id, joined_on,
  CASE WHEN u(i, 2) < 0.08 AND getvariable('as_of') - joined_on > 120
       THEN getvariable('as_of') - CAST(10 + floor(u(i, 3) * 100) AS INTEGER) END AS left_on,
  CAST(pick([6, 8, 10, 12, 15, 20, 25, 30, 40], u(i, 4)) AS DOUBLE) AS capacity_hours_month,
  pick(['early', 'consolidating', 'consolidating', 'experienced', 'experienced'], u(i, 5))
    AS own_process_stage,
  u(i, 6) < 0.6 AS self_help_group_experience,
  list_sort(list_distinct(list_filter([lang1, 'de', CASE WHEN u(i, 8) < 0.5 THEN 'en' END],
                                      x -> x IS NOT NULL))) AS langs,
  joined([CASE WHEN u(i, 9) < 0.35 THEN pick(getvariable('topics'), u(i, 10)) END,
          CASE WHEN u(i, 9) < 0.10 THEN pick(getvariable('topics'), u(i, 11)) END])
    AS trigger_topics,
  -- the supporter's span of activity in the data: at most 18 months back
  greatest(joined_on, getvariable('as_of') - 540) AS s0
FROM base
"""
# The end of each supporter's span (left_on, else as-of), added in a second step.
SUPPORTER_SPAN = """
CREATE OR REPLACE TEMP TABLE g_sup AS
SELECT *, coalesce(left_on, getvariable('as_of')) AS s1 FROM g_sup
"""

MATCHES = """
CREATE OR REPLACE TEMP TABLE g_match AS
WITH raw AS (
  SELECT s.*, unnest(range(6 + CAST(floor(u(i, 20) * 11) AS INTEGER))) AS j FROM g_sup s
), numbered AS (
  SELECT *, row_number() OVER (ORDER BY i, j) AS mi FROM raw
), dated AS (
  SELECT *, s0 + CAST(floor(u(mi, 21) * greatest(s1 - s0 - 14, 1)) AS INTEGER) AS started_on,
    30 + CAST(floor(u(mi, 22) * 330) AS INTEGER) AS length_days
  FROM numbered
), ended AS (
  SELECT *, CASE WHEN started_on + length_days < s1 THEN started_on + length_days
                 WHEN left_on IS NOT NULL THEN left_on END AS ended_on
  FROM dated
), spans AS (
  SELECT *, greatest(started_on, getvariable('as_of') - 364) AS c0,
    least(coalesce(ended_on, getvariable('as_of')), getvariable('as_of')) AS c1,
    (0.5 + 3.5 * pow(u(mi, 26), 3)) AS per_week
  FROM ended
), weighted AS (
  -- integers (per mille of a contact), so their sum and thus every n_c is exact and repeatable
  SELECT *, greatest(c1 - c0 + 1, 0) AS days,
    CAST(round(per_week * greatest(c1 - c0 + 1, 0) / 7 * 1000) AS BIGINT) AS raw_n
  FROM spans
)
SELECT mi, i, supporter_id, code('M', mi) AS match_id, code('K', mi) AS seeker_id,
  started_on, ended_on, c0, days,
  CASE WHEN u(mi, 23) < 0.08 THEN 'none' WHEN u(mi, 23) < 0.12 THEN NULL
       ELSE pick(getvariable('topics'), u(mi, 24)) END AS goal,
  u(mi, 25) < 0.9 AS scope_agreed,
  joined([pick(getvariable('dimensions'), u(mi, 27)), 'sexual_orientation',
          CASE WHEN u(mi, 28) < 0.5 THEN pick(getvariable('dimensions'), u(mi, 29)) END])
    AS shared_dimensions,
  CASE WHEN u(mi, 30) < 0.6 THEN 'age_group' END AS differing_dimensions,
  pick(langs, u(mi, 31)) AS language,
  CASE WHEN u(mi, 32) < 0.05 THEN 0.5 ELSE 0.05 END AS outside_rate,
  CAST(round(raw_n * getvariable('n') * getvariable('cps') / sum(raw_n) OVER ()) AS BIGINT) AS n_c
FROM weighted
"""
# Where each match's contact numbers start, so contact codes run without gaps.
MATCH_OFFSETS = """
CREATE OR REPLACE TEMP TABLE g_match AS
SELECT *, sum(n_c) OVER (ORDER BY mi ROWS UNBOUNDED PRECEDING) - n_c + 1 AS first_c FROM g_match
"""

CHANNELS = ["messenger", "messenger", "phone", "phone", "in_person", "video", "group"]

# The contacts are never stored in a table: this query streams straight into the CSV file.
# Words come from small lookup tables (v_channel, v_topic, v_service: k -> word) joined on a
# hashed index; that is several times faster than indexing a list value on 5M rows.
CONTACTS = """
WITH c AS (SELECT *, unnest(range(n_c)) AS j FROM g_match WHERE n_c > 0),
v AS (
  SELECT *, first_c + j AS ci,
    CAST(floor(u3(mi, j, 2) * getvariable('n_channel')) AS INTEGER) AS ch_k,
    CAST(floor(u3(mi, j, 5) * getvariable('n_topic')) AS INTEGER) AS t1_k,
    CASE WHEN u3(mi, j, 6) < 0.3
         THEN CAST(floor(u3(mi, j, 7) * getvariable('n_topic')) AS INTEGER) END AS t2_k,
    CASE WHEN u3(mi, j, 8) < 0.06
         THEN CAST(floor(u3(mi, j, 9) * getvariable('n_service')) AS INTEGER) END AS sv_k
  FROM c
)
SELECT code('C', ci) AS contact_id, match_id,
  c0 + CAST(floor(u3(mi, j, 1) * days) AS INTEGER) AS contact_date,
  CAST(CASE ch.v WHEN 'messenger' THEN 5 + floor(u3(mi, j, 3) * 25)
                 WHEN 'phone' THEN 15 + floor(u3(mi, j, 3) * 45)
                 WHEN 'group' THEN 90 + floor(u3(mi, j, 3) * 60)
                 ELSE 30 + floor(u3(mi, j, 3) * 90) END AS INTEGER) AS duration_min,
  ch.v AS channel,
  CASE WHEN u3(mi, j, 4) < 0.5 THEN 'supporter' ELSE 'seeker' END AS initiated_by,
  u3(mi, j, 11) < outside_rate AS outside_agreed_hours,
  u3(mi, j, 12) < 0.03 AS private_setting,
  CASE WHEN t2.v IS NULL OR t2.v = t1.v THEN t1.v
       WHEN t1.v < t2.v THEN t1.v || '|' || t2.v ELSE t2.v || '|' || t1.v END AS topics,
  u3(mi, j, 13) < 0.01 AS crisis,
  sv.v AS referral_needed,
  CASE WHEN u3(mi, j, 10) < 0.7 THEN sv.v END AS referral_made,
  language
FROM v
JOIN v_channel ch ON ch.k = ch_k
JOIN v_topic t1 ON t1.k = t1_k
LEFT JOIN v_topic t2 ON t2.k = t2_k
LEFT JOIN v_service sv ON sv.k = sv_k
ORDER BY ci
"""

CHECKINS = """
WITH s AS (
  SELECT *, 1 + CAST(floor(u(i, 40) * 27) AS INTEGER) AS day,
    CASE WHEN u(i, 41) < 0.1 THEN s1 - CAST(60 + floor(u(i, 42) * 150) AS INTEGER)
         ELSE s1 END AS stop
  FROM g_sup
), m AS (
  SELECT i, supporter_id, stop, joined_on,
    CAST(unnest(range(date_trunc('month', greatest(joined_on, getvariable('as_of') - 730)),
                      stop, INTERVAL 1 MONTH)) AS DATE) + (day - 1) AS checkin_date
  FROM s
), k AS (SELECT *, CAST(checkin_date - DATE '2000-01-01' AS BIGINT) AS dk FROM m
         WHERE checkin_date BETWEEN joined_on AND stop)
SELECT supporter_id, checkin_date,
  1 + CAST(floor(pow(u3(i, dk, 1), 1.6) * 5) AS INTEGER) AS stress,
  1 + CAST(floor(pow(u3(i, dk, 2), 1.8) * 5) AS INTEGER) AS felt_triggered,
  5 - CAST(floor(pow(u3(i, dk, 3), 2.0) * 5) AS INTEGER) AS can_say_no,
  5 - CAST(floor(pow(u3(i, dk, 4), 2.0) * 5) AS INTEGER) AS role_clarity,
  5 - CAST(floor(pow(u3(i, dk, 5), 1.5) * 5) AS INTEGER) AS benefit,
  1 + CAST(floor(pow(u3(i, dk, 6), 2.0) * 5) AS INTEGER) AS seeker_dependency,
  u3(i, dk, 7) < 0.08 AS wants_supervision
FROM k ORDER BY supporter_id, checkin_date
"""

TRAININGS = """
WITH t AS (
  SELECT s.*, k.training, k.share, k.years, k.n
  FROM g_sup s CROSS JOIN g_training_kinds k
), kept AS (
  SELECT *, joined_on + CAST(floor(u3(i, n, 71) * (getvariable('as_of') - joined_on))
                             AS INTEGER) AS completed_on
  FROM t WHERE u3(i, n, 70) < share
)
SELECT supporter_id, training, completed_on,
  CASE WHEN years > 0 THEN completed_on + 365 * years END AS valid_until
FROM kept ORDER BY supporter_id, training
"""

SUPERVISION = """
WITH s AS (SELECT *, 0.4 + 0.55 * u(i, 80) AS keen FROM g_sup)
SELECT supporter_id, session_date, format, facilitator
FROM s JOIN g_sessions ON session_date BETWEEN joined_on AND s1
WHERE u3(i, k, 81) < CASE WHEN format = 'intervision' THEN keen / 2 ELSE keen END
ORDER BY supporter_id, session_date, format
"""

INCIDENTS = """
WITH s AS (
  SELECT *, greatest(joined_on, getvariable('as_of') - CAST(floor(u(i, 91) * 365) AS INTEGER))
    AS incident_date
  FROM g_sup WHERE u(i, 90) < 0.05
)
SELECT code('I', i) AS incident_id, incident_date, supporter_id,
  pick(['confidentiality_breach', 'boundary_crossing', 'dependency', 'crisis_escalation',
        'complaint', 'other'], u(i, 92)) AS type,
  pick(['low', 'low', 'medium', 'medium', 'high'], u(i, 93)) AS severity,
  CASE WHEN u(i, 94) < 0.7 AND incident_date + 30 <= getvariable('as_of')
       THEN incident_date + CAST(5 + floor(u(i, 95) * 25) AS INTEGER) END AS resolved_on
FROM s ORDER BY incident_id
"""
