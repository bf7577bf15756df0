"""Rows that are records rather than relationships: check-ins, ProQOL, trainings, supervision
sessions, incidents and services. DemoBuilder adds people, matches and contacts on top."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from typing import Any

from schemas import EXPORTS

from .days import HISTORY_END, month_days, nth_weekdays

Row = dict[str, Any]


@dataclass
class Pulse:
    """One monthly self-reflection check-in (1 = not at all ... 5 = very much)."""

    stress: int = 2
    felt_triggered: int = 2
    can_say_no: int = 4
    role_clarity: int = 4
    benefit: int = 4
    seeker_dependency: int = 2
    wants_supervision: bool = False


class RowSink:
    """Holds the rows of every export and a seeded random generator for harmless variety."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.rows: dict[str, list[Row]] = {name: [] for name in EXPORTS}

    def add(self, export: str, **row: Any) -> Row:
        self.rows[export].append(row)
        return row

    # ------------------------------------------------------------------ reflection
    def checkins(
        self,
        supporter_id: str,
        *,
        first: date,
        last: date,
        day: int,
        latest: tuple[Pulse, Pulse, Pulse] | None = None,
    ) -> None:
        """Adds monthly check-ins on `day` of each month from `first` to `last`.

        The newest three get `latest` (default: three calm pulses); older ones are random but calm.
        """
        months = month_days(first, last, day)
        latest = latest or (Pulse(), Pulse(), Pulse())
        for i, when in enumerate(months):
            back = len(months) - i  # 1 = newest
            pulse = latest[3 - back] if back <= 3 else self._calm_pulse()
            self.add("checkins", supporter_id=supporter_id, checkin_date=when, **vars(pulse))

    def _calm_pulse(self) -> Pulse:
        r = self.rng.randint
        return Pulse(r(1, 3), r(1, 3), r(3, 5), r(3, 5), r(3, 5), r(1, 3), False)

    def proqol(self, supporter_id: str, day: date, answers: dict[str, int | None]) -> None:
        self.add("proqol", supporter_id=supporter_id, response_date=day, **answers)

    # ------------------------------------------------------------------ trainings, supervision
    def training(
        self, supporter_id: str, training: str, completed: date, valid_until: date | None = None
    ) -> None:
        self.add(
            "trainings",
            supporter_id=supporter_id,
            training=training,
            completed_on=completed,
            valid_until=valid_until,
        )

    def supervision(
        self, supporter_id: str, day: date, fmt: str = "group", facilitator: str = "professional"
    ) -> None:
        self.add(
            "supervision",
            supporter_id=supporter_id,
            session_date=day,
            format=fmt,
            facilitator=facilitator,
        )

    def group_supervision(self, supporter_id: str, first: date, last: date) -> None:
        """Attends the program's professional group supervision (2nd Wednesday) first..last.

        Before HISTORY_END a session is missed now and then, as people do.
        """
        for day in nth_weekdays(first, last, weekday=2, nth=2):
            if day >= HISTORY_END or self.rng.random() >= 0.2:
                self.supervision(supporter_id, day)

    def intervision(self, supporter_id: str, first: date, last: date) -> None:
        """Attends peer-led intervision (1st Wednesday) first..last."""
        for day in nth_weekdays(first, last, weekday=2, nth=1):
            self.supervision(supporter_id, day, "intervision", "peer_lead")

    # ------------------------------------------------------------------ program level
    def incident(
        self,
        incident_id: str,
        day: date,
        supporter_id: str | None,
        kind: str,
        severity: str,
        resolved: date | None = None,
    ) -> None:
        self.add(
            "incidents",
            incident_id=incident_id,
            incident_date=day,
            supporter_id=supporter_id,
            type=kind,
            severity=severity,
            resolved_on=resolved,
        )

    def service(
        self,
        service_id: str,
        service_type: str,
        languages: str,
        *,
        affirming: bool,
        accepts: bool,
        last_contact: date | None,
    ) -> None:
        self.add(
            "services",
            service_id=service_id,
            service_type=service_type,
            languages=languages.split("|"),
            lgbtiq_affirming=affirming,
            accepts_referrals=accepts,
            last_network_contact=last_contact,
        )
