"""Generator SQL, part 1: supporters with a profile, their matches, and their capacity.

Every value is a pure function of (seed, row number): `u(a, b)` / `u3(a, b, c)` are uniform
numbers in [0, 1) from DuckDB's hash of the arguments and the seed, so the same seed gives the
same program at any size, with no loop per row. Bound parameters travel as variables
(`SET VARIABLE`): seed, n (supporters), as_of, cps (contacts per supporter and year), and the
vocabularies below.

Like the demo, most supporters are calm and a minority shows one situation of the rulebook;
`PROFILES` says how many of each.
"""

from __future__ import annotations

# (profile, share of supporters): what makes a generated supporter stand out, if anything.
PROFILES = (
    ("calm", 0.55), ("overloaded", 0.07), ("dependent", 0.05), ("boundary", 0.04),
    ("crisis", 0.03), ("specialist", 0.06), ("stressed", 0.06), ("triggered", 0.03),
    ("no_plan", 0.03), ("newcomer", 0.03), ("unsupervised", 0.05),
)  # fmt: skip
# Contact topics: calm ones first (repeats weigh more), the specialist ones last; only
# supporters with the `specialist` profile draw from the whole list.
CALM_TOPICS = (
    "coming_out identity family_conflict relationships loneliness community_access housing "
    "work_education health sexual_health mental_health religion bureaucracy other "
    "coming_out identity loneliness relationships community_access"
).split()
SPECIALIST_TOPICS = ["asylum_procedure", "violence_discrimination", "suicidality"]
CONTACT_TOPICS = CALM_TOPICS + SPECIALIST_TOPICS
TOPICS = sorted(set(CONTACT_TOPICS))
NEEDED_SERVICES = (
    "counselling counselling legal_asylum legal_asylum social_work psychotherapy housing_support "
    "medical sexual_health_clinic crisis_line community_center psychiatry self_help_group"
).split()
DIMENSIONS = (
    "sexual_orientation gender_identity migration_experience language religion culture age_group"
).split()
FIRST_LANGUAGES = "fa fa ar ar tr ru uk ku ps fr es de en".split()
CHANNELS = "messenger messenger phone phone in_person video group".split()
MEAN_MINUTES = 54  # mean duration over CHANNELS, see the CASE in CONTACTS

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
  SELECT i, v.profile FROM range(1, getvariable('n') + 1) t(i)
  JOIN v_profile v ON u(i, 60) >= v.lo AND u(i, 60) < v.hi
), dated AS (
  SELECT i, profile, pick(getvariable('first_languages'), u(i, 7)) AS lang1,
    getvariable('as_of') - CAST(CASE WHEN profile = 'newcomer' THEN 30 + floor(u(i, 1) * 55)
                                     ELSE 100 + floor(u(i, 1) * 1400) END AS INTEGER) AS joined_on
  FROM base
)
SELECT i, profile, code('P', i) AS supporter_id, joined_on,
  CASE WHEN profile = 'calm' AND u(i, 2) < 0.08
       THEN getvariable('as_of') - CAST(10 + floor(u(i, 3) * 80) AS INTEGER) END AS left_on,
  CASE WHEN profile = 'newcomer' THEN 'early'
       ELSE pick(['early', 'consolidating', 'consolidating', 'consolidating', 'consolidating',
                  'experienced', 'experienced', 'experienced', 'experienced', 'experienced'],
                 u(i, 5)) END AS own_process_stage,
  u(i, 6) < 0.6 AS self_help_group_experience,
  list_sort(list_distinct(list_filter([lang1, 'de', CASE WHEN u(i, 8) < 0.5 THEN 'en' END],
                                      x -> x IS NOT NULL))) AS langs,
  -- many declare a trigger; only `triggered` supporters meet theirs in everyday contacts
  CASE WHEN profile = 'triggered' THEN pick(getvariable('calm_topics'), u(i, 10))
       WHEN u(i, 9) < 0.35 THEN pick(['suicidality', 'violence_discrimination'], u(i, 11))
       END AS trigger_topics,
  CASE WHEN profile = 'overloaded' THEN 0.55 + 0.2 * u(i, 12)
       ELSE 1.15 + 0.4 * u(i, 12) END AS capacity_factor,
  greatest(joined_on, getvariable('as_of') - 540) AS s0
FROM dated
"""
# The end of each supporter's span (left_on, else as-of), added in a second step.
SUPPORTER_SPAN = """
CREATE OR REPLACE TEMP TABLE g_sup AS
SELECT *, coalesce(left_on, getvariable('as_of')) AS s1 FROM g_sup
"""

MATCHES = """
CREATE OR REPLACE TEMP TABLE g_match AS
WITH raw AS (
  -- about one new match every 20 days of the supporter's span, so load stays comparable
  SELECT s.*, unnest(range(greatest(CASE WHEN profile = 'newcomer' THEN 3 ELSE 2 END,
    CAST(round((s1 - s0) / 20 * (0.7 + 0.6 * u(i, 20))) AS INTEGER)))) AS j FROM g_sup s
), numbered AS (
  SELECT *, row_number() OVER (ORDER BY i, j) AS mi,
    profile = 'dependent' AND j = 0 AS clingy,  -- the one match that grows too close
    own_process_stage = 'early' AND profile <> 'newcomer' AND j >= 2 AS must_end
  FROM raw
), dated AS (
  SELECT *,
    CASE WHEN clingy THEN greatest(s0, s1 - 30 - CAST(floor(u(mi, 21) * 150) AS INTEGER))
         ELSE s0 + CAST(floor(u(mi, 21) * greatest(s1 - s0 - 14, 1)) AS INTEGER)
         END AS started_on,
    60 + CAST(floor(u(mi, 22) * 300) AS INTEGER) AS length_days
  FROM numbered
), ended AS (
  SELECT *,
    CASE WHEN clingy THEN NULL
         -- early-stage supporters keep at most two matches open (T-NEWCOMER is the exception)
         WHEN must_end THEN least(started_on + length_days, s1 - 1)
         WHEN started_on + length_days < s1 THEN started_on + length_days
         WHEN left_on IS NOT NULL THEN left_on END AS ended_on
  FROM dated
), spans AS (
  SELECT *, greatest(started_on, getvariable('as_of') - 364) AS c0,
    least(coalesce(ended_on, getvariable('as_of')), getvariable('as_of')) AS c1,
    CASE WHEN clingy THEN 6 ELSE 1 + 0.5 * u(mi, 26) END AS per_week
  FROM ended
), weighted AS (
  -- integers (per mille of a contact), so their sum and thus every n_c is exact and repeatable
  SELECT *, greatest(c1 - c0 + 1, 0) AS days,
    CAST(round(per_week * greatest(c1 - c0 + 1, 0) / 7 * 1000) AS BIGINT) AS raw_n
  FROM spans
)
SELECT mi, i, j, profile, supporter_id, code('M', mi) AS match_id, code('K', mi) AS seeker_id,
  started_on, ended_on, c0, c1, days,
  CASE WHEN u(mi, 23) < (CASE WHEN profile = 'no_plan' THEN 0.4 ELSE 0.001 END) THEN 'none'
       WHEN u(mi, 23) > 0.999 THEN NULL
       ELSE pick(getvariable('topics'), u(mi, 24)) END AS goal,
  u(mi, 25) < (CASE WHEN profile = 'no_plan' THEN 0.7 ELSE 0.999 END) AS scope_agreed,
  joined([pick(getvariable('dimensions'), u(mi, 27)), 'sexual_orientation',
          CASE WHEN u(mi, 28) < 0.5 THEN pick(getvariable('dimensions'), u(mi, 29)) END])
    AS shared_dimensions,
  CASE WHEN u(mi, 30) < 0.6 THEN 'age_group' END AS differing_dimensions,
  pick(langs, u(mi, 31)) AS language,
  CASE WHEN clingy THEN 0.5 ELSE 0.03 END AS outside_rate,
  CAST(round(raw_n * getvariable('n') * getvariable('cps') / sum(raw_n) OVER ()) AS BIGINT) AS n_c
FROM weighted
"""
# Where each match's contact numbers start, so contact codes run without gaps.
MATCH_OFFSETS = """
CREATE OR REPLACE TEMP TABLE g_match AS
SELECT *, sum(n_c) OVER (ORDER BY mi ROWS UNBOUNDED PRECEDING) - n_c + 1 AS first_c FROM g_match
"""

# Capacity follows the expected contact hours of the last 28 days: calm supporters agreed to
# 15-55 % more than that, `overloaded` ones to 55-75 % of it.
SUPPORTERS_OUT = """
WITH recent AS (
  SELECT i, sum(n_c * greatest(least(c1, getvariable('as_of'))
                               - greatest(c0, getvariable('as_of') - 27) + 1, 0)
                / greatest(days, 1)) * getvariable('mean_minutes') / 60 AS hours28
  FROM g_match GROUP BY i
)
SELECT supporter_id, joined_on, left_on,
  least(200, greatest(4, round(coalesce(hours28, 0) * capacity_factor * 2) / 2))
    AS capacity_hours_month,
  own_process_stage, self_help_group_experience,
  array_to_string(langs, '|') AS languages, trigger_topics
FROM g_sup LEFT JOIN recent USING (i) ORDER BY i
"""

MATCHES_OUT = """
SELECT match_id, supporter_id, seeker_id, started_on, ended_on, goal, scope_agreed,
  shared_dimensions, differing_dimensions
FROM g_match ORDER BY mi
"""
