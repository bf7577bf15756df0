"""Demo supporters who need training (T-… signals), some together with a supervision signal.

Everything not named in a docstring follows the calm routine (dashboard/sample/routine.py).
Hours are for the last 28 days (2026-10-24 .. 2026-11-20); see sample_data/demo/SCENARIOS.md.
"""

from __future__ import annotations

from datetime import date

from .builder import DemoBuilder, referral
from .routine import regular


def p18_no_plan(b: DemoBuilder) -> None:
    """P18 T-BASICS (no peer_support_basics), S-NO-GOAL (match since 2026-06-01, goal none)."""
    sid = b.supporter(
        "P18", joined=date(2025, 10, 1), capacity=8, stage="consolidating", languages="de|en"
    )
    regular(b, sid, date(2025, 10, 1), checkin_day=5, basics=False)
    a = b.match(sid, started=date(2026, 6, 1), language="de", goal="none")
    b.weekly(a, last_ago=2, minutes=60)
    c = b.match(sid, started=date(2026, 8, 1), language="en", goal="relationships")
    b.weekly(c, last_ago=5, minutes=45)


def p20_open_breach(b: DemoBuilder) -> None:
    """P20 S-INCIDENT high (open confidentiality breach I03 of 2026-10-28), T-CONFIDENTIALITY
    (the confidentiality training of 2025-06-10 predates it)."""
    sid = b.supporter(
        "P20", joined=date(2024, 2, 15), capacity=8, stage="experienced", languages="ru|uk|de"
    )
    regular(b, sid, date(2024, 2, 15), checkin_day=4)
    b.training(sid, "confidentiality", date(2025, 6, 10))
    b.incident("I03", date(2026, 10, 28), sid, "confidentiality_breach", "high")
    a = b.match(sid, started=date(2026, 1, 26), language="ru", goal="identity")
    b.weekly(a, last_ago=1, minutes=60)
    c = b.match(sid, started=date(2026, 5, 11), language="uk", goal="loneliness")
    b.weekly(c, last_ago=4, minutes=45)


def p21_complaint(b: DemoBuilder) -> None:
    """P21 S-INCIDENT medium (open complaint I05, severity low), T-CONFIDENTIALITY (breach I04
    resolved 2026-05-05, no confidentiality training at all)."""
    sid = b.supporter(
        "P21", joined=date(2025, 1, 15), capacity=10, stage="consolidating", languages="de|en"
    )
    regular(b, sid, date(2025, 1, 15), checkin_day=7)
    b.incident("I04", date(2026, 4, 14), sid, "confidentiality_breach", "medium", date(2026, 5, 5))
    b.incident("I05", date(2026, 11, 10), sid, "complaint", "low")
    a = b.match(sid, started=date(2026, 3, 9), language="de", goal="coming_out")
    b.weekly(a, last_ago=2, minutes=60)
    c = b.match(sid, started=date(2026, 7, 6), language="en", goal="community_access")
    b.weekly(c, last_ago=6, minutes=45)


def p24_newcomer(b: DemoBuilder) -> None:
    """P24 T-NEWCOMER (early stage, joined 2026-09-10, 3 open matches), S-NO-GOAL (match of
    2026-09-15 without agreed scope)."""
    sid = b.supporter(
        "P24", joined=date(2026, 9, 10), capacity=10, stage="early", languages="fa|de"
    )
    regular(b, sid, date(2026, 9, 10), checkin_day=5)
    a = b.match(sid, started=date(2026, 9, 15), language="fa", goal="coming_out", scope=False)
    b.weekly(a, last_ago=2, minutes=45)
    c = b.match(sid, started=date(2026, 10, 1), language="fa", goal="identity")
    b.weekly(c, last_ago=4, minutes=45)
    d = b.match(sid, started=date(2026, 10, 20), language="de", goal="loneliness")
    b.weekly(d, last_ago=6, minutes=30)


def p25_unreferred(b: DemoBuilder) -> None:
    """P25 T-REFERRAL (3 contacts needed counselling, none referred, no referral_knowledge),
    T-SPECIALIST (asylum_procedure without asylum_basics)."""
    sid = b.supporter(
        "P25", joined=date(2025, 6, 1), capacity=8, stage="consolidating", languages="fa|de"
    )
    regular(b, sid, date(2025, 6, 1), checkin_day=3)
    a = b.match(sid, started=date(2026, 4, 1), language="fa", goal="mental_health")
    unreferred = referral("counselling", made=False, topics="asylum_procedure|mental_health")
    b.weekly(a, last_ago=1, minutes=60, special={8: unreferred, 22: unreferred, 50: unreferred})
    c = b.match(sid, started=date(2026, 7, 27), language="de", goal="work_education")
    b.weekly(c, last_ago=5, minutes=45)
