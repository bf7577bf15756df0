"""Demo supporters who must fire no signal at all — several of them on purpose near a rule.

Hours are for the last 28 days (2026-10-24 .. 2026-11-20); see sample_data/demo/SCENARIOS.md.
"""

from __future__ import annotations

from datetime import date

from .builder import AS_OF, DemoBuilder, ago, referral
from .routine import PROQOL_CALM, PROQOL_MODERATE, regular

CRISIS_CONTACT = {"crisis": True, "topics": ["mental_health"], **referral("crisis_line")}


def p01_steady(b: DemoBuilder) -> None:
    """P01: experienced, two weekly matches (4×60 + 4×45 min = 7.0 h of 10 h); refers."""
    sid = b.supporter(
        "P01",
        joined=date(2024, 3, 15),
        capacity=10,
        stage="experienced",
        languages="fa|de|en",
        triggers="religion",
    )
    regular(b, sid, date(2024, 3, 15), checkin_day=4)
    b.proqol(sid, date(2026, 6, 15), PROQOL_CALM)
    b.match(
        sid, started=date(2024, 4, 20), ended=date(2026, 1, 31), language="fa", goal="coming_out"
    )
    a = b.match(sid, started=date(2026, 1, 20), language="fa", goal="coming_out")
    counselling = referral("counselling", topics="mental_health")
    b.weekly(a, last_ago=2, minutes=60, special={44: counselling, 72: counselling})
    c = b.match(sid, started=date(2026, 5, 5), language="en", goal="community_access")
    clinic = referral("sexual_health_clinic", topics="sexual_health")
    b.weekly(c, last_ago=4, minutes=45, special={60: clinic})


def p02_crisis_handled(b: DemoBuilder) -> None:
    """P02: a crisis on 2026-11-05, supervised on 2026-11-09, trained for it; ar referrals."""
    sid = b.supporter(
        "P02", joined=date(2023, 9, 1), capacity=12, stage="experienced", languages="ar|de|en"
    )
    regular(b, sid, date(2023, 9, 1), checkin_day=6)
    b.training(sid, "asylum_basics", date(2024, 2, 12))
    b.training(sid, "crisis_intervention", date(2025, 3, 10), date(2027, 3, 10))
    b.supervision(sid, date(2026, 11, 9), "individual")
    b.match(
        sid,
        started=date(2023, 10, 2),
        ended=date(2026, 2, 28),
        language="ar",
        goal="family_conflict",
    )
    a = b.match(sid, started=date(2026, 2, 2), language="ar", goal="mental_health")
    b.weekly(a, last_ago=1, minutes=60, special={15: CRISIS_CONTACT})
    c = b.match(sid, started=date(2026, 4, 15), language="ar", goal="asylum_procedure")
    b.weekly(
        c,
        last_ago=5,
        minutes=45,
        special={
            19: referral("legal_asylum", topics="asylum_procedure"),
            33: referral("psychotherapy", topics="mental_health"),
        },
    )


def p13_well_connected(b: DemoBuilder) -> None:
    """P13: professional supervision and intervision, renewed trauma training, breach resolved
    and followed by confidentiality training; violence topics with trauma_informed; housing."""
    sid = b.supporter(
        "P13", joined=date(2023, 5, 1), capacity=12.5, stage="experienced", languages="de|en|fa"
    )
    regular(b, sid, date(2023, 5, 1), checkin_day=3)
    b.intervision(sid, date(2025, 1, 1), AS_OF)
    b.training(sid, "trauma_informed", date(2023, 6, 1), date(2025, 6, 1))
    b.training(sid, "trauma_informed", date(2025, 5, 20), date(2027, 5, 20))
    b.incident("I02", date(2026, 2, 10), sid, "confidentiality_breach", "low", date(2026, 2, 24))
    b.training(sid, "confidentiality", date(2026, 3, 18))
    a = b.match(sid, started=date(2025, 11, 10), language="de", goal="family_conflict")
    b.weekly(
        a,
        last_ago=1,
        minutes=60,
        special={
            22: {"topics": ["violence_discrimination"]},
            36: referral("housing_support", topics="housing"),
        },
    )
    c = b.match(sid, started=date(2026, 3, 2), language="en", goal="community_access")
    b.weekly(c, last_ago=4, minutes=60)


def p19_paused(b: DemoBuilder) -> None:
    """P19: on a break — last contact 2026-09-28, so not active: no supervision/silence signal."""
    sid = b.supporter(
        "P19", joined=date(2024, 9, 1), capacity=4.5, stage="consolidating", languages="fa|de"
    )
    regular(
        b,
        sid,
        date(2024, 9, 1),
        checkin_day=7,
        supervised_until=date(2026, 7, 31),
        checkins_until=date(2026, 9, 30),
    )
    a = b.match(sid, started=date(2026, 2, 1), language="fa", goal="loneliness")
    b.weekly(a, last_ago=53, minutes=60)


def p22_left(b: DemoBuilder) -> None:
    """P22: left the program on 2026-07-31 after both matches ended."""
    sid = b.supporter(
        "P22",
        joined=date(2023, 2, 1),
        capacity=8,
        stage="experienced",
        languages="fa|de",
        left=date(2026, 7, 31),
    )
    regular(
        b,
        sid,
        date(2023, 2, 1),
        checkin_day=4,
        supervised_until=date(2026, 7, 31),
        checkins_until=date(2026, 7, 31),
    )
    b.match(sid, started=date(2025, 3, 1), ended=date(2026, 7, 15), language="fa", goal="identity")
    b.match(
        sid, started=date(2025, 10, 1), ended=date(2026, 7, 31), language="de", goal="loneliness"
    )
    b.incident("I08", date(2026, 6, 20), sid, "other", "low", date(2026, 7, 1))


def p23_new_match(b: DemoBuilder) -> None:
    """P23: a match begun 18 days ago without goal yet; last pulse in September but a ProQOL on
    2026-10-20 (item 2 unanswered); asylum contacts with asylum_basics; legal referrals made."""
    sid = b.supporter(
        "P23", joined=date(2024, 11, 1), capacity=10, stage="consolidating", languages="fa|de|en"
    )
    regular(b, sid, date(2024, 11, 1), checkin_day=6, checkins_until=date(2026, 9, 30))
    b.training(sid, "asylum_basics", date(2025, 1, 20))
    b.proqol(sid, date(2026, 10, 20), {**PROQOL_MODERATE, "q02": None})
    a = b.match(sid, started=date(2025, 12, 1), language="fa", goal="asylum_procedure")
    legal = referral("legal_asylum", topics="asylum_procedure")
    b.weekly(a, last_ago=3, minutes=60, special={10: legal, 38: legal})
    c = b.match(sid, started=ago(18), language="fa", goal=None, scope=False, history=False)
    b.every(c, step=7, first_ago=18, last_ago=4, minutes=45)
