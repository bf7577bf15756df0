"""Published forms of the contract, built from the registry: JSON Schema, Frictionless Table
Schema, datapackage.json and empty CSV templates."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .registry import EXPORTS, ColumnSpec, ExportSpec

# Words the importer reads as booleans; the Frictionless descriptor lists the usual spellings.
TRUE_WORDS = ("true", "yes", "ja", "1", "x", "wahr", "y", "j")
FALSE_WORDS = ("false", "no", "nein", "0", "falsch", "n")


def _spellings(words: tuple[str, ...]) -> list[str]:
    return sorted({form for w in words for form in (w, w.upper(), w.capitalize())})


def _list_pattern(values: tuple[str, ...]) -> str:
    one = "(" + "|".join(values) + ")"
    return f"^{one}(\\|{one})*$"


def frictionless_field(col: ColumnSpec) -> dict[str, Any]:
    """Returns the Table Schema field for one column, constraints included."""
    field: dict[str, Any] = {"name": col.name, "description": col.description}
    constraints: dict[str, Any] = {"required": True} if col.required else {}
    if col.kind in ("code", "key"):
        field["type"] = "string"
        constraints["pattern"] = col.pattern
    elif col.kind == "date":
        field["type"] = "date"
    elif col.kind == "bool":
        field.update(type="boolean", trueValues=_spellings(TRUE_WORDS))
        field["falseValues"] = _spellings(FALSE_WORDS)
    elif col.kind in ("integer", "number"):
        field["type"] = col.kind
    elif col.kind == "enum":
        field["type"] = "string"
        constraints["enum"] = list(col.values)
    else:  # enum_list: codes joined by the canonical separator |
        field["type"] = "string"
        constraints["pattern"] = _list_pattern(col.values)
    if col.minimum is not None:
        constraints["minimum"] = col.minimum
    if col.maximum is not None:
        constraints["maximum"] = col.maximum
    if constraints:
        field["constraints"] = constraints
    return field


def table_schema(spec: ExportSpec) -> dict[str, Any]:
    """Returns the Frictionless Table Schema of an export, with primary and foreign keys."""
    return {
        "fields": [frictionless_field(c) for c in spec.columns],
        "missingValues": [""],
        "primaryKey": list(spec.primary_key),
        "foreignKeys": [
            {
                "fields": list(fk.columns),
                "reference": {"resource": fk.ref_export, "fields": list(fk.ref_columns)},
            }
            for fk in spec.foreign_keys
        ],
    }


def datapackage() -> dict[str, Any]:
    """Returns a datapackage.json describing one program's exports as CSV resources."""
    return {
        "name": "peer-support-program",
        "title": "Peer-support program exports (data contract v1)",
        "resources": [
            {
                "name": spec.name,
                "path": spec.file_name,
                "profile": "tabular-data-resource",
                "format": "csv",
                "encoding": "utf-8",
                "description": spec.description,
                "schema": table_schema(spec),
            }
            for spec in EXPORTS.values()
        ],
    }


def template_header(spec: ExportSpec) -> str:
    """Returns the header row of an empty CSV template for the export."""
    return ",".join(c.name for c in spec.columns) + "\n"


def write_all(out: Path) -> list[Path]:
    """Writes every descriptor and template into `out`; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def dump(path: Path, data: Any) -> None:
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)

    for spec in EXPORTS.values():
        dump(out / f"{spec.name}.schema.json", spec.model.model_json_schema())
        dump(out / f"{spec.name}.tableschema.json", table_schema(spec))
        template = out / f"{spec.name}.template.csv"
        template.write_text(template_header(spec), encoding="utf-8")
        written.append(template)
    dump(out / "datapackage.json", datapackage())
    return written
