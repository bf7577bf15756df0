"""The registry: every export with its model, keys and references, declared once.

Everything else (DuckDB tables, import checks, Frictionless descriptors, the data
dictionary page) reads exports and columns from here, never from its own list.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from functools import cache
from typing import Literal

import annotated_types
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .checkins import Checkin
from .contacts import Contact
from .fields import CODE_PATTERN, KEY_PATTERN, has_pattern
from .incidents import Incident
from .matches import Match
from .proqol import ProqolResponse
from .services import Service
from .supervision import SupervisionSession
from .supporters import Supporter
from .trainings import TrainingRecord

Kind = Literal["code", "key", "date", "bool", "integer", "number", "enum", "enum_list"]

DUCKDB_TYPES: dict[str, str] = {
    "code": "VARCHAR",
    "key": "VARCHAR",
    "date": "DATE",
    "bool": "BOOLEAN",
    "integer": "INTEGER",
    "number": "DOUBLE",
    "enum": "VARCHAR",
    "enum_list": "VARCHAR[]",
}


@dataclass(frozen=True)
class ColumnSpec:
    """One column of an export, flattened from its pydantic field for SQL and the docs."""

    name: str
    kind: Kind
    required: bool
    description: str
    description_de: str
    aliases_de: tuple[str, ...] = ()
    values: tuple[str, ...] = ()  # allowed codes for enum / enum_list
    vocabulary: str | None = None  # name of the enum the values come from
    minimum: float | None = None
    maximum: float | None = None
    pattern: str | None = None

    @property
    def duckdb_type(self) -> str:
        return DUCKDB_TYPES[self.kind]


@dataclass(frozen=True)
class ForeignKey:
    """`columns` of this export must exist as `ref_columns` of export `ref_export`."""

    columns: tuple[str, ...]
    ref_export: str
    ref_columns: tuple[str, ...]


@dataclass(frozen=True)
class ExportSpec:
    """One CSV export of the contract."""

    name: str  # also the DuckDB table name and the file stem (supporters.csv)
    model: type[BaseModel]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    title_de: str = ""
    optional: bool = False  # the whole file is optional for a program (e.g. proqol)
    tags: tuple[str, ...] = field(default=())

    @property
    def file_name(self) -> str:
        return f"{self.name}.csv"

    @property
    def description(self) -> str:
        return (self.model.__doc__ or "").strip()

    @property
    def date_order(self) -> tuple[tuple[str, str], ...]:
        return getattr(self.model, "date_order", ())

    @property
    def columns(self) -> tuple[ColumnSpec, ...]:
        return _columns(self.model)

    def column(self, name: str) -> ColumnSpec:
        return next(c for c in self.columns if c.name == name)


def _to_supporters(*cols: str) -> ForeignKey:
    return ForeignKey(cols, "supporters", ("supporter_id",))


EXPORTS: dict[str, ExportSpec] = {
    spec.name: spec
    for spec in (
        ExportSpec("supporters", Supporter, ("supporter_id",), title_de="Unterstützende"),
        ExportSpec(
            "matches",
            Match,
            ("match_id",),
            (_to_supporters("supporter_id"),),
            title_de="Begleitungen",
        ),
        ExportSpec(
            "contacts",
            Contact,
            ("contact_id",),
            (ForeignKey(("match_id",), "matches", ("match_id",)),),
            title_de="Kontakte",
        ),
        ExportSpec(
            "checkins",
            Checkin,
            ("supporter_id", "checkin_date"),
            (_to_supporters("supporter_id"),),
            title_de="Selbstreflexionen",
        ),
        ExportSpec(
            "proqol",
            ProqolResponse,
            ("supporter_id", "response_date"),
            (_to_supporters("supporter_id"),),
            title_de="ProQOL-Antworten",
            optional=True,
        ),
        ExportSpec(
            "trainings",
            TrainingRecord,
            ("supporter_id", "training", "completed_on"),
            (_to_supporters("supporter_id"),),
            title_de="Schulungen",
        ),
        ExportSpec(
            "supervision",
            SupervisionSession,
            ("supporter_id", "session_date", "format"),
            (_to_supporters("supporter_id"),),
            title_de="Supervision",
        ),
        ExportSpec("services", Service, ("service_id",), title_de="Fachdienste"),
        ExportSpec(
            "incidents",
            Incident,
            ("incident_id",),
            (_to_supporters("supporter_id"),),
            title_de="Vorfälle",
        ),
    )
}

# Order in which exports must be written so references resolve (parents first).
LOAD_ORDER: tuple[str, ...] = tuple(EXPORTS)


def export(name: str) -> ExportSpec:
    """Returns the spec of export `name`; KeyError for a name the contract does not know."""
    return EXPORTS[name]


@cache
def _columns(model: type[BaseModel]) -> tuple[ColumnSpec, ...]:
    return tuple(_column(name, info) for name, info in model.model_fields.items())


def _column(name: str, info: FieldInfo) -> ColumnSpec:
    annotation, required = _unwrap_optional(info.annotation)
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    kind, enum = _kind(annotation)
    if kind == "code" and has_pattern(info.annotation, info.metadata, KEY_PATTERN):
        kind = "key"
    minimum = next((m.ge for m in info.metadata if isinstance(m, annotated_types.Ge)), None)
    maximum = next((m.le for m in info.metadata if isinstance(m, annotated_types.Le)), None)
    return ColumnSpec(
        name=name,
        kind=kind,
        required=required and info.is_required(),
        description=info.description or "",
        description_de=str(extra.get("description_de", "")),
        aliases_de=tuple(extra.get("aliases_de", ()) or ()),  # type: ignore[arg-type]
        values=tuple(member.value for member in enum) if enum else (),
        vocabulary=enum.__name__ if enum else None,
        minimum=minimum,  # type: ignore[arg-type]
        maximum=maximum,  # type: ignore[arg-type]
        pattern={"code": CODE_PATTERN, "key": KEY_PATTERN}.get(kind),
    )


def _unwrap_optional(annotation: typing.Any) -> tuple[typing.Any, bool]:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return args[0], False
    return annotation, True


def _kind(annotation: typing.Any) -> tuple[Kind, type[Enum] | None]:
    if typing.get_origin(annotation) is list:
        (item,) = typing.get_args(annotation)
        return "enum_list", item
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return "enum", annotation
    if annotation is date:
        return "date", None
    if annotation is bool:
        return "bool", None
    if annotation is int:
        return "integer", None
    if annotation is float:
        return "number", None
    return "code", None
