"""The demo's building blocks: rows for every export, added by small, readable calls.

Scenario code (dashboard/sample/cast_*.py) says *what* a supporter's year looked like; this
module turns that into rows. Everything older than HISTORY_END is filled in by `random`
(seeded) with harmless variety, because no rule looks further back than 90 days; everything
newer is explicit, so SCENARIOS.md can work out each signal by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from .days import AS_OF, HISTORY_END, YEAR_START, ago
from .records import Pulse, Row, RowSink

# Topics recent contacts draw from: none is a specialist topic (T-SPECIALIST); a supporter's
# own trigger topics are removed per match.
CALM_TOPICS = tuple(
    "coming_out identity relationships loneliness community_access work_education health "
    "sexual_health bureaucracy family_conflict religion mental_health".split()
)
HISTORY_TOPICS = CALM_TOPICS + ("asylum_procedure", "housing", "violence_discrimination")
CHANNELS = ("in_person", "phone", "video", "messenger")


def referral(service_type: str, *, made: bool = True, topics: str = "") -> dict[str, Any]:
    """Returns the fields of a contact that called for `service_type` (and made the referral)."""
    fields: dict[str, Any] = {
        "referral_needed": [service_type],
        "referral_made": [service_type] if made else [],
    }
    if topics:
        fields["topics"] = topics.split("|")
    return fields


@dataclass
class Match:
    """A support relationship in the making; contacts are added through DemoBuilder."""

    match_id: str
    supporter_id: str
    language: str
    started: date
    ended: date | None
    topics: tuple[str, ...]  # calm topics minus the supporter's triggers

    @property
    def last_day(self) -> date:
        return self.ended or AS_OF


class DemoBuilder(RowSink):
    """Collects the rows of one demo program: people, matches and their contacts on top of the
    records a RowSink adds (check-ins, trainings, supervision, incidents, services)."""

    def __init__(self, seed: int) -> None:
        super().__init__(seed)
        self._triggers: dict[str, tuple[str, ...]] = {}
        self._count: dict[str, int] = {}

    def _next(self, prefix: str, width: int) -> str:
        self._count[prefix] = self._count.get(prefix, 0) + 1
        return f"{prefix}{self._count[prefix]:0{width}d}"

    # ------------------------------------------------------------------ people and matches
    def supporter(
        self,
        supporter_id: str,
        *,
        joined: date,
        capacity: float,
        stage: str,
        languages: str,
        triggers: str = "",
        self_help: bool = True,
        left: date | None = None,
    ) -> str:
        """Adds a supporter; `languages` and `triggers` are `|`-separated codes."""
        self._triggers[supporter_id] = tuple(t for t in triggers.split("|") if t)
        self.add(
            "supporters",
            supporter_id=supporter_id,
            joined_on=joined,
            left_on=left,
            capacity_hours_month=capacity,
            own_process_stage=stage,
            self_help_group_experience=self_help,
            languages=languages.split("|"),
            trigger_topics=list(self._triggers[supporter_id]),
        )
        return supporter_id

    def match(
        self,
        supporter_id: str,
        *,
        started: date,
        language: str,
        goal: str | None,
        scope: bool = True,
        ended: date | None = None,
        shared: str = "",
        differing: str = "",
        history: bool = True,
    ) -> Match:
        """Adds a match and, with `history`, its random contacts up to HISTORY_END."""
        m = Match(
            self._next("M", 3),
            supporter_id,
            language,
            started,
            ended,
            tuple(t for t in CALM_TOPICS if t not in self._triggers[supporter_id]),
        )
        same = (shared or self.rng.choice(_SHARED)).split("|")
        differing = differing or self.rng.choice(_DIFFERING)
        self.add(
            "matches",
            match_id=m.match_id,
            supporter_id=supporter_id,
            seeker_id=self._next("S", 3),
            started_on=started,
            ended_on=ended,
            goal=goal,
            scope_agreed=scope,
            shared_dimensions=same,
            differing_dimensions=[d for d in differing.split("|") if d and d not in same],
        )
        if history:
            self._history(m)
        return m

    # ------------------------------------------------------------------ contacts
    def contact(self, m: Match, day: date, minutes: int, **attrs: Any) -> Row:
        """Adds one explicit contact; unnamed fields are calm (no crisis, no referral, ...)."""
        if not m.started <= day <= m.last_day:
            raise ValueError(f"{m.match_id}: contact {day} outside the match")
        row: Row = dict(
            contact_id=self._next("C", 5),
            match_id=m.match_id,
            contact_date=day,
            duration_min=minutes,
            channel=self.rng.choice(CHANNELS),
            initiated_by=self.rng.choice(("supporter", "seeker")),
            outside_agreed_hours=False,
            private_setting=False,
            topics=[self.rng.choice(m.topics)],
            crisis=False,
            referral_needed=[],
            referral_made=[],
            language=m.language,
        )
        row.update(attrs)
        return self.add("contacts", **row)

    def every(
        self,
        m: Match,
        *,
        step: int,
        first_ago: int,
        last_ago: int,
        minutes: int,
        special: dict[int, dict[str, Any]] | None = None,
    ) -> list[Row]:
        """Adds contacts every `step` days from ago(first_ago) to ago(last_ago).

        `special` maps a days-ago of the schedule to the fields that contact has instead of the
        calm defaults (a trigger topic, a referral, a crisis ...).
        """
        special = dict(special or {})
        days = range(first_ago, last_ago - 1, -step)
        added = [self.contact(m, ago(d), minutes, **special.pop(d, {})) for d in days]
        if special:
            raise ValueError(f"{m.match_id}: special days {sorted(special)} not on the schedule")
        return added

    def weekly(
        self,
        m: Match,
        *,
        last_ago: int,
        minutes: int,
        special: dict[int, dict[str, Any]] | None = None,
    ) -> list[Row]:
        """Adds weekly contacts from the match's recent start (≤ 99 days ago) to ago(last_ago).

        With last_ago ≤ 6 exactly 4 of them fall into the last 28 days.
        """
        start = max((AS_OF - m.started).days, 0)
        first = last_ago + 7 * ((min(start, 99) - last_ago) // 7)
        return self.every(
            m, step=7, first_ago=first, last_ago=last_ago, minutes=minutes, special=special
        )

    def _history(self, m: Match) -> None:
        """Random, harmless contacts every 5-12 days from the match's start to HISTORY_END."""
        day = max(m.started, YEAR_START) + timedelta(days=self.rng.randint(0, 6))
        end = min(m.last_day, HISTORY_END)
        while day <= end:
            topics = self.rng.sample(HISTORY_TOPICS, self.rng.choice((1, 1, 2)))
            needs = self.rng.choice(_HISTORY_REFERRALS)
            self.contact(
                m,
                day,
                self.rng.choice((30, 45, 45, 60, 60, 75, 90, 120)),
                topics=topics,
                referral_needed=list(needs),
                referral_made=list(needs),
                outside_agreed_hours=self.rng.random() < 0.1,
                private_setting=self.rng.random() < 0.05,
            )
            day += timedelta(days=self.rng.randint(5, 12))


_SHARED = (
    "sexual_orientation|language", "sexual_orientation|migration_experience|language",
    "gender_identity|culture", "sexual_orientation|religion|culture", "gender_identity",
)  # fmt: skip
_DIFFERING = (
    "age_group", "religion|age_group", "migration_experience", "gender_identity",
    "language|culture", "",
)  # fmt: skip
# Most history contacts need no referral; when one does, it was made (history is calm).
_HISTORY_REFERRALS: tuple[tuple[str, ...], ...] = ((),) * 8 + tuple(
    (kind,)
    for kind in ("counselling", "legal_asylum", "social_work", "community_center", "medical")
)


__all__ = ["AS_OF", "DemoBuilder", "Match", "Pulse", "Row", "ago", "referral"]
