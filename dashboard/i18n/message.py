"""A message as data: an id and its parameters, rendered only where it is shown.

Findings, row errors, notices and page texts carry a `Msg`; `dashboard.i18n.say(msg, lang)`
turns it into text in the reader's language. Parameters are plain values (str, int, float,
date, None) or one of the small wrappers below, which say how a value reads in a sentence:
a percentage, a vocabulary label, a list of labels, a shortened list of ids, a nested
message, a list of values or several clauses. Plain strings are shown as they are
(pseudonyms, column names).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True)
class Msg:
    """A message id (a key in the gettext catalogs) and the values its text refers to."""

    id: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        """Returns the id and the parameters as plain JSON types (for exports and logs)."""
        return {"id": self.id, "params": {k: to_json(v) for k, v in self.params.items()}}


@dataclass(frozen=True, slots=True)
class Num:
    """A number with at most `digits` decimals (needless zeros dropped)."""

    value: float | int | None
    digits: int = 2


@dataclass(frozen=True, slots=True)
class Pct:
    """A share (1.8125) shown as a percentage ('181 %'); with `above`, decimals are kept
    when the whole number would not show that the share exceeds it (175.02 % above 175 %)."""

    share: float | None
    above: float | None = None


@dataclass(frozen=True, slots=True)
class Label:
    """A vocabulary code shown by its label; `kind` names the vocabulary (topic, service …)."""

    kind: str
    code: str | None


@dataclass(frozen=True, slots=True)
class Labels:
    """Several vocabulary codes shown as prose: 'housing, health and religion'."""

    kind: str
    codes: tuple[str, ...]

    def __init__(self, kind: str, codes: Sequence[str]) -> None:
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "codes", tuple(codes))


@dataclass(frozen=True, slots=True)
class Ids:
    """Record ids shown as prose, shortened after `limit`: 'C1, C2, C3 and 4 more'."""

    values: tuple[str, ...]
    limit: int = 5

    def __init__(self, values: Sequence[Any], limit: int = 5) -> None:
        object.__setattr__(self, "values", tuple(str(v) for v in values))
        object.__setattr__(self, "limit", limit)


@dataclass(frozen=True, slots=True)
class Language:
    """A language code (ISO 639-1) shown by its name: 'Persian (fa)'."""

    code: str


@dataclass(frozen=True, slots=True)
class Items:
    """Several values (messages, dates, numbers …) read as prose: 'a, b and c'."""

    parts: tuple[Any, ...]

    def __init__(self, parts: Sequence[Any]) -> None:
        object.__setattr__(self, "parts", tuple(p for p in parts if p is not None))


@dataclass(frozen=True, slots=True)
class Clauses:
    """Several messages read as one sentence: joined with '; ', first letter capitalised."""

    parts: tuple[Msg, ...]

    def __init__(self, parts: Sequence[Msg]) -> None:
        object.__setattr__(self, "parts", tuple(p for p in parts if p is not None))


def to_json(value: Any) -> Any:
    """Returns a parameter as plain JSON types (dates as ISO text, wrappers as tagged dicts)."""
    if isinstance(value, Msg):
        return value.as_json()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Num):
        return value.value
    if isinstance(value, Pct):
        return value.share
    if isinstance(value, Label | Language):
        return value.code
    if isinstance(value, Labels):
        return list(value.codes)
    if isinstance(value, Ids):
        return list(value.values)
    if isinstance(value, Items):
        return [to_json(p) for p in value.parts]
    if isinstance(value, Clauses):
        return [p.as_json() for p in value.parts]
    return value
