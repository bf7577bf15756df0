"""A column and value mapping: how a file's own headers and words become the contract's.

    {"export": "contacts",                          # optional: which export the file is
     "columns": {"Kontakt-Nr": "contact_id", "Notes": null},   # null = drop unread
     "values": {"channel": {"Video call": "video"}},           # optional
     "date_order": "mdy"}                                      # optional: dmy | mdy | ymd

A mapping applies to a file when every header it names occurs in the file's header; one
with empty `columns` applies to every file. The CLI reads it from `--mapping FILE.json`, the
Import page builds it in its mapping step, and programs keep theirs (store.py).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from schemas import EXPORTS

DateOrder = Literal["dmy", "mdy", "ymd"]
VALUE_KINDS = ("enum", "enum_list", "bool")
BOOL_CODES = ("true", "false")


class Mapping(BaseModel):
    """One mapping object, validated against the contract (unknown targets are refused)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    export: str | None = Field(None, description="The export the files are (optional).")
    columns: dict[str, str | None] = Field(
        default_factory=dict, description="File header -> contract column, or null to drop."
    )
    values: dict[str, dict[str, str]] = Field(
        default_factory=dict, description="Contract column -> {file value: code}."
    )
    date_order: DateOrder | None = Field(None, description="Day/month order of the dates.")

    @model_validator(mode="after")
    def _known_targets(self) -> Mapping:
        if self.export is not None and self.export not in EXPORTS:
            raise ValueError(f"unknown export {self.export!r}")
        known = _columns(self.export)
        for header, target in self.columns.items():
            if target is not None and target not in known:
                raise ValueError(f"{header!r}: {target!r} is not a contract column")
        for column, words in self.values.items():
            codes = known.get(column)
            if codes is None:
                raise ValueError(f"values: {column!r} is not a vocabulary or yes/no column")
            bad = sorted(code for code in words.values() if code.casefold() not in codes)
            if bad:
                raise ValueError(f"values of {column!r}: {', '.join(bad)} are not codes")
        return self

    def applies_to(self, header: Sequence[str]) -> bool:
        """True when every header this mapping names occurs in `header` (trimmed, any case)."""
        cells = {_cell(c) for c in header}
        return all(_cell(name) in cells for name in self.columns)

    def target(self, cell: str) -> tuple[bool, str | None]:
        """Returns (whether the mapping names `cell`, its contract column or None to drop)."""
        wanted = _cell(cell)
        for header, column in self.columns.items():
            if _cell(header) == wanted:
                return True, column
        return False, None

    def to_json(self) -> str:
        """Returns the mapping as the JSON document the CLI reads and the page downloads."""
        return json.dumps(self.model_dump(exclude_none=True), indent=2, ensure_ascii=False)


def _cell(text: str) -> str:
    return " ".join(text.strip().casefold().split())


def _columns(export: str | None) -> dict[str, set[str] | None]:
    """Returns contract column -> allowed value codes (None for columns without a vocabulary)."""
    found: dict[str, set[str] | None] = {}
    for name, spec in EXPORTS.items():
        if export not in (None, name):
            continue
        for column in spec.columns:
            if column.kind in VALUE_KINDS:
                codes = set(column.values) if column.values else set(BOOL_CODES)
                found[column.name] = (found.get(column.name) or set()) | codes
            else:
                found.setdefault(column.name, None)
    return found


def merged(mappings: Sequence[Mapping], header: Sequence[str]) -> Mapping | None:
    """Returns the union of the mappings that apply to `header` (earlier ones win), or None."""
    chosen = [m for m in mappings if m.applies_to(header)]
    if not chosen:
        return None
    columns: dict[str, str | None] = {}
    values: dict[str, dict[str, str]] = {}
    for m in reversed(chosen):
        columns.update(m.columns)
        for column, words in m.values.items():
            values[column] = values.get(column, {}) | words
    export = next((m.export for m in chosen if m.export), None)
    order = next((m.date_order for m in chosen if m.date_order), None)
    return Mapping(export=export, columns=columns, values=values, date_order=order)


def header_key(header: Sequence[str]) -> str:
    """Returns the fingerprint under which a program keeps the mapping of this header."""
    text = "\x1f".join(_cell(c) for c in header if c.strip())
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
