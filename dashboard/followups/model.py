"""What a follow-up is: the vocabularies, one validated record, and why a note is refused.

A follow-up records what the professionals did about one signal (program, signal id, subject):
the action, its status, the day it happened or is planned, an optional review day and an
optional short note, together with the signal as it stood then (severity, value, threshold,
since), so the lifecycle can tell later whether the signal got worse.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from dashboard.i18n import N_
from dashboard.privacy import looks_like_identifier

Action = Literal[
    "supervision_talk",
    "intervision",
    "training_booked",
    "referral_partner_contacted",
    "load_reduced",
    "match_reviewed",
    "no_action_needed",
    "other",
]
Status = Literal["planned", "done", "dismissed"]
ACTIONS: tuple[str, ...] = get_args(Action)
STATUSES: tuple[str, ...] = get_args(Status)
NOTE_MAX = 280
# What meeting mode prefills for a signal of each action (supervision, training, networking).
DEFAULT_ACTION: dict[str, str] = {
    "supervision": "supervision_talk",
    "training": "training_booked",
    "networking": "referral_partner_contacted",
}
# Digits split by blanks ("0170 123 45 67") are read together, so a phone number cannot pass
# the guard's six-digit rule by spacing; dashes and dots stay (dates are fine in a note).
_SPACED_DIGITS = re.compile(r"(?<=\d)\s+(?=\d)")


class FollowupError(ValueError):
    """A follow-up was refused; carries a message key of the catalogs and its parameters."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(f"{key} {params}" if params else key)
        self.key = key
        self.params = params


def note_refused(note: str) -> bool:
    """Returns True when a note holds what the identifier guard refuses in a code.

    The guard refuses any blank in a code (a name has one); a note has blanks, so the guard
    runs word by word: an e-mail address or six digits in a row (a phone number, also one
    written in groups) refuse the note. Names cannot be told from words: the form says so.
    """
    words = _SPACED_DIGITS.sub("", note).split()
    return any(looks_like_identifier(word) for word in words)


class Followup(BaseModel):
    """One follow-up as written: validated before it is stored."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    program_id: str
    signal_id: str
    subject_type: Literal["supporter", "service"]
    subject_id: str
    action: Action
    status: Status
    happened_on: date = Field(description="the day it happened or is planned")
    review_on: date | None = None
    note: str | None = Field(None, max_length=NOTE_MAX)
    severity: Literal["high", "medium", "low"]
    value: Any = None
    threshold: Any = None
    signal_since: date | None = None

    @field_validator("note")
    @classmethod
    def _note(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        if note_refused(value):
            raise ValueError("note_identifier")
        return value.strip()

    @field_validator("review_on")
    @classmethod
    def _review(cls, value: date | None, info: Any) -> date | None:
        on = info.data.get("happened_on")
        if value is not None and on is not None and value < on:
            raise ValueError("review_before")
        return value


def build(**fields: Any) -> Followup:
    """Returns the validated follow-up, or FollowupError naming the first refused field."""
    try:
        return Followup(**fields)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = str(err["loc"][0]) if err["loc"] else ""
        return _raise(field, err)


def _raise(field: str, err: Any) -> Followup:
    message = str(err.get("msg", ""))
    if "note_identifier" in message:
        raise FollowupError(N_("followup.err.note_identifier")) from None
    if "review_before" in message:
        raise FollowupError(N_("followup.err.review_before")) from None
    if field == "note":
        raise FollowupError(N_("followup.err.note_long"), max=NOTE_MAX) from None
    if field in ("action", "status"):
        allowed = ", ".join(ACTIONS if field == "action" else STATUSES)
        message = N_("followup.err.action") if field == "action" else N_("followup.err.status")
        raise FollowupError(message, allowed=allowed) from None
    raise FollowupError(N_("followup.err.field"), field=field) from None
