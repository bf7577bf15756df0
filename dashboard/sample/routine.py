"""What every demo supporter does unless their scenario says otherwise: the calm routine.

A supporter with only the routine fires no signal: basics training, the monthly professional
group supervision (last one 2026-11-11, 9 days before as-of), a monthly check-in with calm
answers, and (added by the scenario) weekly contacts well inside their capacity.
"""

from __future__ import annotations

from datetime import date, timedelta

from .builder import AS_OF, DemoBuilder, Pulse

# ProQOL 5 subscales (item numbers); burnout items in BURNOUT_REVERSED are scored 6 - answer.
COMPASSION = (3, 6, 12, 16, 18, 20, 22, 24, 27, 30)
BURNOUT = (1, 4, 8, 10, 15, 17, 19, 21, 26, 29)
BURNOUT_REVERSED = (1, 4, 15, 17, 29)
TRAUMA = (2, 5, 7, 9, 11, 13, 14, 23, 25, 28)


def regular(
    b: DemoBuilder,
    supporter_id: str,
    joined: date,
    *,
    checkin_day: int,
    supervised_until: date = AS_OF,
    checkins_until: date = AS_OF,
    latest: tuple[Pulse, Pulse, Pulse] | None = None,
    basics: bool = True,
    boundaries: bool = True,
) -> None:
    """Adds the calm routine: trainings, group supervision and monthly check-ins.

    `latest` = the newest three check-ins, oldest first (default: three calm pulses).
    """
    if basics:
        b.training(supporter_id, "peer_support_basics", joined + timedelta(days=4))
    if boundaries and joined + timedelta(days=75) <= AS_OF:
        b.training(supporter_id, "boundaries_self_care", joined + timedelta(days=75))
    b.group_supervision(supporter_id, joined, supervised_until)
    b.checkins(
        supporter_id,
        first=joined + timedelta(days=20),
        last=checkins_until,
        day=checkin_day,
        latest=latest,
    )


def proqol_answers(
    *,
    compassion: int,
    burnout_plain: int,
    burnout_reversed: int,
    trauma: int,
    missing: tuple[int, ...] = (),
) -> dict[str, int | None]:
    """Returns q01..q30 with one answer per subscale group, so sums are easy to check by hand.

    Compassion = 10 × compassion; burnout = 5 × burnout_plain + 5 × (6 − burnout_reversed);
    secondary traumatic stress = 10 × trauma. Items in `missing` stay unanswered.
    """
    answers: dict[str, int | None] = {}
    for n in range(1, 31):
        if n in COMPASSION:
            value = compassion
        elif n in BURNOUT_REVERSED:
            value = burnout_reversed
        elif n in BURNOUT:
            value = burnout_plain
        else:
            value = trauma
        answers[f"q{n:02d}"] = None if n in missing else value
    return answers


# The three ProQOL shapes the demo uses (sums worked out in SCENARIOS.md).
PROQOL_CALM = proqol_answers(compassion=4, burnout_plain=2, burnout_reversed=4, trauma=2)
PROQOL_MODERATE = proqol_answers(compassion=3, burnout_plain=3, burnout_reversed=3, trauma=3)
PROQOL_BURNOUT = proqol_answers(compassion=3, burnout_plain=5, burnout_reversed=2, trauma=3)
