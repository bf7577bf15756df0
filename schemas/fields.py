"""Field building blocks shared by the export models: code type, list parsing, field helper."""

from __future__ import annotations

import re
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

# A pseudonymous code. The lookahead refuses 6+ digits in a row (phone numbers, birth dates).
CODE_PATTERN = r"^(?!.*[0-9]{6})[A-Za-z0-9_-]{2,32}$"
# What makes an ID look like a person: an e-mail (@), a personal name (space), a phone (6+ digits).
IDENTIFIER_GUARD = re.compile(r"@|\s|[0-9]{6}")
LIST_SEPARATORS = re.compile(r"[|,;\s]+")

Code = Annotated[str, StringConstraints(pattern=CODE_PATTERN)]


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
            if isinstance(value, str) and IDENTIFIER_GUARD.search(value):
                raise ValueError(f"{name} looks like a personal identifier")
        for later, earlier in type(self).date_order:
            a: date | None = getattr(self, later)
            b: date | None = getattr(self, earlier)
            if a is not None and b is not None and a < b:
                raise ValueError(f"{later} is before {earlier}")
        return self
