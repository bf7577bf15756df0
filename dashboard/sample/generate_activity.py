"""Generator SQL, part 2: contacts, check-ins, trainings, supervision and incidents.

Each query reads the tables of generate_people.py, draws from `u`/`u3` (hashes of row numbers
and the seed) and returns the export's columns in contract order, ready for `write_csv`.
A supporter's profile raises exactly the rates that belong to it; everyone else stays calm.
"""

from __future__ import annotations

# The contacts are never stored in a table: this query streams straight into the CSV file.
# Words come from small lookup tables (v_channel, v_topic, v_service: k -> word) joined on a
# hashed index; that is several times faster than indexing a list value on 5M rows.
CONTACTS = """
WITH c AS (SELECT *, unnest(range(n_c)) AS j2 FROM g_match WHERE n_c > 0),
v AS (
  SELECT *, first_c + j2 AS ci,
    CAST(floor(u3(mi, j2, 2) * getvariable('n_channel')) AS INTEGER) AS ch_k,
    CASE WHEN profile = 'specialist' THEN getvariable('n_topic')
         ELSE getvariable('n_calm_topic') END AS topic_n,
    CASE WHEN u3(mi, j2, 8) < 0.06
         THEN CAST(floor(u3(mi, j2, 9) * getvariable('n_service')) AS INTEGER) END AS sv_k
  FROM c
), w AS (
  SELECT *, CAST(floor(u3(mi, j2, 5) * topic_n) AS INTEGER) AS t1_k,
    CASE WHEN u3(mi, j2, 6) < 0.3 THEN CAST(floor(u3(mi, j2, 7) * topic_n) AS INTEGER) END AS t2_k
  FROM v
)
SELECT code('C', ci) AS contact_id, match_id,
  c0 + CAST(floor(u3(mi, j2, 1) * days) AS INTEGER) AS contact_date,
  CAST(CASE ch.v WHEN 'messenger' THEN 5 + floor(u3(mi, j2, 3) * 25)
                 WHEN 'phone' THEN 15 + floor(u3(mi, j2, 3) * 45)
                 WHEN 'group' THEN 90 + floor(u3(mi, j2, 3) * 60)
                 ELSE 30 + floor(u3(mi, j2, 3) * 90) END AS INTEGER) AS duration_min,
  ch.v AS channel,
  CASE WHEN u3(mi, j2, 4) < 0.5 THEN 'supporter' ELSE 'seeker' END AS initiated_by,
  u3(mi, j2, 11) < outside_rate AS outside_agreed_hours,
  u3(mi, j2, 12) < (CASE WHEN profile = 'boundary' THEN 0.08 ELSE 0.002 END) AS private_setting,
  CASE WHEN t2.v IS NULL OR t2.v = t1.v THEN t1.v
       WHEN t1.v < t2.v THEN t1.v || '|' || t2.v ELSE t2.v || '|' || t1.v END AS topics,
  u3(mi, j2, 13) < (CASE WHEN profile = 'crisis' THEN 0.03 ELSE 0.0002 END) AS crisis,
  sv.v AS referral_needed,
  CASE WHEN u3(mi, j2, 10) < 0.7 THEN sv.v END AS referral_made,
  language
FROM w
JOIN v_channel ch ON ch.k = ch_k
JOIN v_topic t1 ON t1.k = t1_k
LEFT JOIN v_topic t2 ON t2.k = t2_k
LEFT JOIN v_service sv ON sv.k = sv_k
ORDER BY ci
"""

# Monthly check-ins; some supporters stop answering (S-SILENT), most answer calmly.
CHECKINS = """
WITH s AS (
  SELECT *, 1 + CAST(floor(u(i, 40) * 27) AS INTEGER) AS day,
    CASE WHEN u(i, 41) < (CASE WHEN profile = 'unsupervised' THEN 0.5 ELSE 0.02 END)
         THEN s1 - CAST(60 + floor(u(i, 42) * 150) AS INTEGER) ELSE s1 END AS stop
  FROM g_sup
), m AS (
  SELECT i, profile, supporter_id, stop, joined_on,
    CAST(unnest(range(date_trunc('month', greatest(joined_on, getvariable('as_of') - 730)),
                      stop, INTERVAL 1 MONTH)) AS DATE) + (day - 1) AS checkin_date
  FROM s
), k AS (SELECT *, CAST(checkin_date - DATE '2000-01-01' AS BIGINT) AS dk FROM m
         WHERE checkin_date BETWEEN joined_on AND stop)
SELECT supporter_id, checkin_date,
  CAST(CASE WHEN profile = 'stressed' THEN 3 ELSE 1 END + floor(u3(i, dk, 1) * 3) AS INTEGER)
    AS stress,
  CAST(CASE WHEN profile = 'triggered' THEN 3 ELSE 1 END + floor(u3(i, dk, 2) * 3) AS INTEGER)
    AS felt_triggered,
  CAST(CASE WHEN profile = 'boundary' THEN 1 ELSE 3 END + floor(u3(i, dk, 3) * 3) AS INTEGER)
    AS can_say_no,
  CAST(3 + floor(u3(i, dk, 4) * 3) AS INTEGER) AS role_clarity,
  CAST(CASE WHEN profile = 'stressed' THEN 1 + floor(u3(i, dk, 5) * 4)
            ELSE 4 + floor(u3(i, dk, 5) * 2) END AS INTEGER) AS benefit,
  CAST(CASE WHEN profile = 'dependent' THEN 3 ELSE 1 END + floor(u3(i, dk, 6) * 3) AS INTEGER)
    AS seeker_dependency,
  u3(i, dk, 7) < (CASE WHEN profile = 'stressed' THEN 0.3 ELSE 0.02 END) AS wants_supervision
FROM k ORDER BY supporter_id, checkin_date
"""

TRAININGS = """
WITH t AS (
  SELECT s.*, k.training, k.years, k.n,
    k.share * CASE WHEN s.profile = 'no_plan' AND k.training = 'peer_support_basics' THEN 0.5
                   ELSE 1 END AS share
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

# The program's session calendar (g_sessions) attended by each supporter with their keenness.
SUPERVISION = """
WITH s AS (
  SELECT *, CASE WHEN profile = 'unsupervised' THEN 0.05 + 0.2 * u(i, 80)
                 ELSE 0.6 + 0.35 * u(i, 80) END AS keen
  FROM g_sup
)
SELECT supporter_id, session_date, format, facilitator
FROM s JOIN g_sessions ON session_date BETWEEN joined_on AND s1
WHERE u3(i, k, 81) < CASE format WHEN 'group' THEN keen WHEN 'intervision' THEN keen / 2
                              ELSE keen / 6 END
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
