"""What a rule is (id, action, thresholds, SQL, explanation) and what it returns (SignalResult).

A rule module declares one `RULE = Rule(...)`. The engine runs `Rule.sql` over the evaluation's
base relations (see base.py) with the as-of date and the rule's thresholds bound as named
parameters, then turns every returned row into a Finding with `Rule.explain`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, PlainSerializer, SerializationInfo, SkipValidation

from dashboard.i18n.message import Msg

Action = Literal["supervision", "training", "networking"]
Severity = Literal["high", "medium", "low"]
SubjectType = Literal["supporter", "service"]
SEVERITY_ORDER: dict[str, int] = {"high": 0, "medium": 1, "low": 2}
Number = int | float


@dataclass(frozen=True)
class Threshold:
    """One tunable number of a rule: its default and bounds. Its label and help text are the
    catalog entries `rule.<rule id>.<name>.title` and `.help` (see Rule.label_id)."""

    name: str  # bound in the rule's SQL as $name; the setting key is "<rule id>.<name>"
    default: Number
    minimum: Number
    maximum: Number
    unit: str = ""  # shown next to the value (see signals.units): "days", "×", "" (points, counts)

    @property
    def kind(self) -> type:
        return int if isinstance(self.default, int) else float


@dataclass  # not frozen: built ten thousand times per evaluation, frozen init is slow
class Finding:
    """What a rule says about one subject, before the engine adds program and rule fields."""

    severity: Severity
    value: Any
    threshold: Any
    message: Msg  # the sentence: id `signal.<rule id>.message` (or clauses), rendered by say()
    evidence: dict[str, list[str]]
    since: date | None = None
    window_days: int | None = None
    # value against threshold as a phrase in the sentence's unit ("15.2 h, line 10 h")
    measure: Msg | None = None


Explain = Callable[[Mapping[str, Any], Mapping[str, Number], date], Finding]


@dataclass(frozen=True)
class Rule:
    """One signal of the RULEBOOK: identity, thresholds, SQL and how to explain a row.

    Its title and reason are the catalog entries `signal.<id>.title` and `signal.<id>.reason`.
    """

    id: str
    action: Action
    subject_type: SubjectType
    sql: str  # returns one row per subject, with a column `subject_id`
    explain: Explain
    thresholds: tuple[Threshold, ...] = ()
    # pairs (lower, higher): the first threshold must not exceed the second
    ordered: tuple[tuple[str, str], ...] = field(default=())
    # the contact relation of base.py this rule reads (its window_days widens that relation)
    contacts: str | None = None
    # the threshold naming how many latest check-ins the rule reads (default: the latest only)
    checkins: str | None = None

    def key(self, name: str) -> str:
        """Returns the setting key of threshold `name`, e.g. 'S-OVERLOAD.ratio_medium'."""
        return f"{self.id}.{name}"

    @property
    def title_id(self) -> str:
        """Returns the message id of the rule's title ('More contact hours than agreed')."""
        return f"signal.{self.id}.title"

    @property
    def reason_id(self) -> str:
        """Returns the message id of why the rule matters (from the RULEBOOK)."""
        return f"signal.{self.id}.reason"

    def label_id(self, name: str) -> str:
        """Returns the message id of threshold `name`'s short label for the settings form."""
        return f"rule.{self.id}.{name}.title"

    def help_id(self, name: str) -> str:
        """Returns the message id of threshold `name`'s help text."""
        return f"rule.{self.id}.{name}.help"

    def defaults(self) -> dict[str, Number]:
        return {t.name: t.default for t in self.thresholds}


def _msg_json(message: Msg | None, info: SerializationInfo) -> Any:
    return message.as_json() if message is not None and info.mode_is_json() else message


# a Msg kept as it is (its parameters are typed wrappers), written as {id, params} in JSON
MsgField = Annotated[Msg, SkipValidation, PlainSerializer(_msg_json)]
OptionalMsgField = Annotated[Msg | None, SkipValidation, PlainSerializer(_msg_json)]


class SignalResult(BaseModel):
    """One signal: who or what needs supervision, training or networking, and the evidence."""

    model_config = ConfigDict(frozen=True)

    program_id: str
    signal_id: str
    action: Action
    severity: Severity
    subject_type: SubjectType
    subject_id: str
    value: Any
    threshold: Any
    window_days: int | None
    message: MsgField
    evidence: dict[str, list[str]]
    since: date | None = None
    measure: OptionalMsgField = None

    def sort_key(self) -> tuple[int, str, str, str]:
        return (SEVERITY_ORDER[self.severity], self.subject_id, self.signal_id, self.program_id)

    def as_row(self) -> dict[str, Any]:
        """Returns the fields as a dict with the messages kept as Msg (model_dump flattens them)."""
        return dict(self)

    def as_json(self) -> dict[str, Any]:
        """Returns the result as plain JSON types (dates as ISO text)."""
        return self.model_dump(mode="json")
