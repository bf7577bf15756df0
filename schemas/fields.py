"""Field building blocks shared by the export models: code type, list parsing, field helper."""

from __future__ import annotations

import functools
import re
import typing
from datetime import date
from typing import Annotated, Any, ClassVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

# A person's pseudonym (supporter_id, seeker_id). The lookahead refuses 6+ digits in a row
# (phone numbers, birth dates).
CODE_PATTERN = r"^(?!.*[0-9]{6})[A-Za-z0-9_-]{2,32}$"
# What makes a pseudonym look like a person: an e-mail (@), a name (space), a phone (6+ digits).
IDENTIFIER_GUARD = re.compile(r"@|\s|[0-9]{6}")
# A record's key (contact_id, match_id, incident_id, service_id): records are not people, so
# the tools' own ids pass: UUIDs, ODK's uuid:..., long numbers.
KEY_PATTERN = r"^[A-Za-z0-9_.:-]{1,64}$"
LIST_SEPARATORS = re.compile(r"[|,;\s]+")

Code = Annotated[str, StringConstraints(pattern=CODE_PATTERN)]
RecordKey = Annotated[str, StringConstraints(pattern=KEY_PATTERN)]


def column(
    description: str,
    *,
    de: str,
    aliases_de: tuple[str, ...] = (),
    required: bool = False,
    **constraints: Any,
) -> Any:
    """Returns a pydantic Field carrying English and German help text and German header aliases."""
    extra = {"description_de": de, "aliases_de": list(aliases_de)}
    if required:
        return Field(..., description=description, json_schema_extra=extra, **constraints)
    return Field(None, description=description, json_schema_extra=extra, **constraints)


class ExportRecord(BaseModel):
    """Base of every export row: unknown columns are refused, lists parse from separated text."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, regex_engine="python-re")

    # Which later date must not precede which earlier one, e.g. (("left_on", "joined_on"),).
    date_order: ClassVar[tuple[tuple[str, str], ...]] = ()

    @field_validator("*", mode="before")
    @classmethod
    def _split_lists_and_blank(cls, value: Any, info: Any) -> Any:
        if isinstance(value, str) and value.strip() == "":
            return None
        annotation = cls.model_fields[info.field_name].annotation
        if isinstance(value, str) and "list[" in str(annotation):
            return [part for part in LIST_SEPARATORS.split(value.strip()) if part]
        return value

    @model_validator(mode="after")
    def _check_identifiers_and_dates(self) -> ExportRecord:
        for name, value in self:
            if name in _record_keys(type(self)):
                continue
            if isinstance(value, str) and IDENTIFIER_GUARD.search(value):
                raise ValueError(f"{name} looks like a personal identifier")
        for later, earlier in type(self).date_order:
            a: date | None = getattr(self, later)
            b: date | None = getattr(self, earlier)
            if a is not None and b is not None and a < b:
                raise ValueError(f"{later} is before {earlier}")
        return self


def has_pattern(annotation: Any, metadata: list[Any], pattern: str) -> bool:
    """True when a field (its annotation or pydantic metadata) carries string `pattern`."""
    stack, seen = [annotation], list(metadata)
    while stack:
        item = stack.pop()
        seen.extend(getattr(item, "__metadata__", ()))
        stack.extend(typing.get_args(item))
    return any(getattr(m, "pattern", None) == pattern for m in seen)


@functools.cache
def _record_keys(model: type[BaseModel]) -> frozenset[str]:
    return frozenset(
        name
        for name, info in model.model_fields.items()
        if has_pattern(info.annotation, info.metadata, KEY_PATTERN)
    )
