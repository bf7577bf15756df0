"""Demo supporters who need supervision (S-… signals), one situation of the rulebook each.

Everything not named in a docstring follows the calm routine (dashboard/sample/routine.py).
Hours are for the last 28 days (2026-10-24 .. 2026-11-20); see sample_data/demo/SCENARIOS.md.
"""

from __future__ import annotations

from datetime import date

from .builder import AS_OF, DemoBuilder, Pulse, referral
from .routine import PROQOL_BURNOUT, PROQOL_MODERATE, regular

OUTSIDE = {"outside_agreed_hours": True, "initiated_by": "seeker"}
PRIVATE = {"private_setting": True, "channel": "in_person"}


def p03_overloaded(b: DemoBuilder) -> None:
    """P03 S-OVERLOAD high: 5 + 4 + 4 = 13 contacts × 70 min = 15.2 h against 8 h."""
    sid = b.supporter(
        "P03", joined=date(2024, 6, 1), capacity=8, stage="experienced", languages="fa|de"
    )
    regular(b, sid, date(2024, 6, 1), checkin_day=5)
    b.incident("I07", date(2025, 12, 1), sid, "boundary_crossing", "low", date(2025, 12, 15))
    b.match(sid, started=date(2024, 7, 1), ended=date(2026, 2, 15), language="fa", goal="identity")
    a = b.match(sid, started=date(2026, 3, 1), language="fa", goal="family_conflict")
    b.every(a, step=6, first_ago=97, last_ago=1, minutes=70)
    c = b.match(sid, started=date(2026, 6, 10), language="fa", goal="identity")
    b.weekly(c, last_ago=2, minutes=70)
    d = b.match(sid, started=date(2026, 9, 1), language="de", goal="loneliness")
    b.weekly(d, last_ago=3, minutes=70)


def p04_stretched(b: DemoBuilder) -> None:
    """P04 S-OVERLOAD medium: 4×75 + 4×60 min = 9.0 h against 6 h."""
    sid = b.supporter(
        "P04", joined=date(2025, 2, 1), capacity=6, stage="consolidating", languages="de|en|ru"
    )
    regular(b, sid, date(2025, 2, 1), checkin_day=3)
    a = b.match(sid, started=date(2025, 12, 15), language="ru", goal="bureaucracy")
    b.weekly(a, last_ago=1, minutes=75)
    c = b.match(sid, started=date(2026, 7, 1), language="de", goal="work_education")
    b.weekly(c, last_ago=3, minutes=60)


def p05_at_the_edge(b: DemoBuilder) -> None:
    """P05 S-STRESS (stress 4), S-IMBALANCE (benefit 2 with stress 4), S-ASKED."""
    sid = b.supporter(
        "P05", joined=date(2024, 10, 1), capacity=10, stage="consolidating", languages="tr|de"
    )
    latest = (
        Pulse(stress=3, benefit=3),
        Pulse(stress=3, benefit=3),
        Pulse(stress=4, benefit=2, can_say_no=3, role_clarity=3, wants_supervision=True),
    )
    regular(b, sid, date(2024, 10, 1), checkin_day=4, latest=latest)
    a = b.match(sid, started=date(2026, 1, 5), language="tr", goal="family_conflict")
    b.weekly(a, last_ago=2, minutes=60)
    c = b.match(sid, started=date(2026, 6, 22), language="de", goal="relationships")
    b.weekly(c, last_ago=5, minutes=45)


def p06_burning_out(b: DemoBuilder) -> None:
    """P06 S-STRESS: ProQOL of 2026-11-02 has burnout 45 (high); pulse stress 2."""
    sid = b.supporter(
        "P06", joined=date(2024, 2, 1), capacity=8, stage="experienced", languages="fa|de"
    )
    regular(b, sid, date(2024, 2, 1), checkin_day=8)
    b.proqol(sid, date(2026, 5, 10), PROQOL_MODERATE)
    b.proqol(sid, date(2026, 11, 2), PROQOL_BURNOUT)
    a = b.match(sid, started=date(2025, 11, 3), language="fa", goal="asylum_procedure")
    b.weekly(a, last_ago=3, minutes=60)
    c = b.match(sid, started=date(2026, 5, 18), language="de", goal="coming_out")
    b.weekly(c, last_ago=6, minutes=45)


def p07_trigger_topic(b: DemoBuilder) -> None:
    """P07 S-TRIGGER: declared trigger family_conflict came up on 2026-11-11."""
    sid = b.supporter(
        "P07",
        joined=date(2024, 1, 10),
        capacity=10,
        stage="experienced",
        languages="tr|de|en",
        triggers="family_conflict",
    )
    regular(b, sid, date(2024, 1, 10), checkin_day=5)
    b.training(sid, "asylum_basics", date(2024, 5, 6))
    a = b.match(sid, started=date(2026, 3, 16), language="tr", goal="asylum_procedure")
    b.weekly(
        a,
        last_ago=2,
        minutes=60,
        special={
            9: {"topics": ["family_conflict", "coming_out"]},
            30: referral("legal_asylum", topics="asylum_procedure"),
        },
    )
    c = b.match(sid, started=date(2026, 6, 1), language="de", goal="relationships")
    b.weekly(c, last_ago=4, minutes=45)


def p08_felt_triggered(b: DemoBuilder) -> None:
    """P08 S-TRIGGER (felt_triggered 4), T-SPECIALIST (violence topics, no trauma_informed)."""
    sid = b.supporter(
        "P08",
        joined=date(2025, 4, 1),
        capacity=8,
        stage="consolidating",
        languages="ru|uk|de",
        triggers="suicidality",
    )
    regular(
        b,
        sid,
        date(2025, 4, 1),
        checkin_day=6,
        latest=(Pulse(), Pulse(felt_triggered=3), Pulse(felt_triggered=4)),
    )
    a = b.match(sid, started=date(2026, 4, 20), language="uk", goal="violence_discrimination")
    b.weekly(
        a,
        last_ago=3,
        minutes=60,
        special={
            24: {"topics": ["violence_discrimination"]},
            45: {"topics": ["violence_discrimination", "housing"]},
        },
    )
    c = b.match(sid, started=date(2026, 8, 3), language="ru", goal="loneliness")
    b.weekly(c, last_ago=6, minutes=45)


def p09_daily_contact(b: DemoBuilder) -> None:
    """P09 S-DEPENDENCY: 13 contacts in 28 days in one match (3.25 a week), 3 outside hours."""
    sid = b.supporter(
        "P09", joined=date(2024, 12, 1), capacity=10, stage="consolidating", languages="ar|de"
    )
    regular(
        b,
        sid,
        date(2024, 12, 1),
        checkin_day=3,
        latest=(Pulse(), Pulse(), Pulse(seeker_dependency=3)),
    )
    a = b.match(sid, started=date(2026, 5, 4), language="ar", goal="family_conflict")
    b.every(a, step=7, first_ago=95, last_ago=32, minutes=45)
    b.every(
        a,
        step=2,
        first_ago=25,
        last_ago=1,
        minutes=30,
        special={1: OUTSIDE, 5: OUTSIDE, 9: OUTSIDE},
    )


def p10_friendship(b: DemoBuilder) -> None:
    """P10 S-DEPENDENCY (4 of 6 contacts outside agreed hours), S-BOUNDARY (2 private)."""
    sid = b.supporter("P10", joined=date(2025, 8, 1), capacity=8, stage="early", languages="fa|de")
    regular(
        b,
        sid,
        date(2025, 8, 1),
        checkin_day=7,
        latest=(Pulse(), Pulse(role_clarity=3), Pulse(can_say_no=3, role_clarity=3)),
    )
    a = b.match(sid, started=date(2026, 6, 15), language="fa", goal="community_access")
    b.every(a, step=7, first_ago=96, last_ago=33, minutes=45)
    b.every(
        a,
        step=5,
        first_ago=26,
        last_ago=1,
        minutes=45,
        special={
            1: OUTSIDE,
            6: {**OUTSIDE, **PRIVATE},
            16: {**OUTSIDE, **PRIVATE},
            21: OUTSIDE,
        },
    )


def p11_depended_on(b: DemoBuilder) -> None:
    """P11 S-DEPENDENCY: seeker_dependency 4 and an open `dependency` incident (I01)."""
    sid = b.supporter(
        "P11", joined=date(2023, 11, 1), capacity=10, stage="experienced", languages="ar|fr|de"
    )
    regular(
        b,
        sid,
        date(2023, 11, 1),
        checkin_day=5,
        latest=(Pulse(), Pulse(seeker_dependency=3), Pulse(seeker_dependency=4)),
    )
    b.incident("I01", date(2026, 10, 30), sid, "dependency", "medium")
    a = b.match(sid, started=date(2026, 1, 12), language="ar", goal="housing")
    b.weekly(a, last_ago=2, minutes=60)
    c = b.match(sid, started=date(2026, 7, 20), language="de", goal="identity")
    b.weekly(c, last_ago=5, minutes=60)


def p12_cannot_say_no(b: DemoBuilder) -> None:
    """P12 S-BOUNDARY (can_say_no 2), T-EXPIRED (boundaries_self_care ran out 2026-03-31)."""
    sid = b.supporter(
        "P12", joined=date(2024, 3, 1), capacity=8, stage="consolidating", languages="de|en"
    )
    regular(
        b,
        sid,
        date(2024, 3, 1),
        checkin_day=4,
        boundaries=False,
        latest=(Pulse(), Pulse(can_say_no=3), Pulse(can_say_no=2)),
    )
    b.training(sid, "boundaries_self_care", date(2024, 3, 15), date(2026, 3, 31))
    a = b.match(sid, started=date(2026, 2, 9), language="de", goal="coming_out")
    b.weekly(a, last_ago=3, minutes=60)
    c = b.match(sid, started=date(2026, 6, 29), language="en", goal="work_education")
    b.weekly(c, last_ago=6, minutes=45)


def p14_fading_benefit(b: DemoBuilder) -> None:
    """P14 S-IMBALANCE: benefit 5 → 4 → 3 over the last three check-ins (2 points down)."""
    sid = b.supporter(
        "P14", joined=date(2024, 5, 1), capacity=8, stage="experienced", languages="uk|ru|de"
    )
    regular(
        b,
        sid,
        date(2024, 5, 1),
        checkin_day=6,
        latest=(Pulse(benefit=5), Pulse(benefit=4), Pulse(benefit=3)),
    )
    a = b.match(sid, started=date(2026, 3, 23), language="uk", goal="community_access")
    b.weekly(a, last_ago=2, minutes=60)
    c = b.match(sid, started=date(2026, 8, 10), language="ru", goal="bureaucracy")
    b.weekly(c, last_ago=5, minutes=45)


def p15_intervision_only(b: DemoBuilder) -> None:
    """P15 S-NO-SUPERVISION low: last professional session 2026-09-09; intervision since."""
    sid = b.supporter(
        "P15", joined=date(2024, 8, 1), capacity=10, stage="consolidating", languages="fa|en"
    )
    regular(b, sid, date(2024, 8, 1), checkin_day=3, supervised_until=date(2026, 9, 30))
    b.intervision(sid, date(2026, 1, 1), AS_OF)
    a = b.match(sid, started=date(2026, 4, 6), language="fa", goal="identity")
    b.weekly(a, last_ago=1, minutes=60)
    c = b.match(sid, started=date(2026, 7, 13), language="en", goal="loneliness")
    b.weekly(c, last_ago=4, minutes=45)


def p16_drifting(b: DemoBuilder) -> None:
    """P16 S-NO-SUPERVISION medium (last session 2026-07-08), S-SILENT (last check-in 08-04)."""
    sid = b.supporter(
        "P16", joined=date(2024, 4, 1), capacity=8, stage="experienced", languages="ar|de"
    )
    regular(
        b,
        sid,
        date(2024, 4, 1),
        checkin_day=4,
        supervised_until=date(2026, 7, 31),
        checkins_until=date(2026, 8, 31),
    )
    a = b.match(sid, started=date(2026, 2, 23), language="ar", goal="relationships")
    b.weekly(a, last_ago=3, minutes=60)


def p17_crisis_alone(b: DemoBuilder) -> None:
    """P17 S-CRISIS: crisis contact on 2026-11-16, no supervision since (last 2026-11-11)."""
    sid = b.supporter(
        "P17", joined=date(2024, 9, 15), capacity=10, stage="experienced", languages="fa|de|en"
    )
    regular(b, sid, date(2024, 9, 15), checkin_day=7)
    b.training(sid, "crisis_intervention", date(2025, 9, 1), date(2027, 9, 1))
    b.incident("I09", date(2026, 11, 16), sid, "crisis_escalation", "high")
    a = b.match(sid, started=date(2026, 2, 16), language="fa", goal="mental_health")
    crisis = {"crisis": True, "topics": ["suicidality"], **referral("crisis_line")}
    b.weekly(a, last_ago=4, minutes=60, special={4: crisis})
    c = b.match(sid, started=date(2026, 6, 8), language="de", goal="community_access")
    b.weekly(c, last_ago=6, minutes=45)
