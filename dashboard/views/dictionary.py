"""The data dictionary, read from the schema registry: column rows and a download bundle."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

from dashboard.xlsform import form_xlsx
from schemas import EXPORTS
from schemas.descriptors import datapackage, table_schema, template_header


def column_rows(export: str, lang: str) -> list[dict[str, Any]]:
    """Returns one row per column of `export`: name, kind, required, allowed values, range,
    German aliases and the description in `lang`."""
    rows = []
    for col in EXPORTS[export].columns:
        bounds = [
            f"≥ {_num(col.minimum)}" if col.minimum is not None else "",
            f"≤ {_num(col.maximum)}" if col.maximum is not None else "",
        ]
        rows.append(
            {
                "column": col.name,
                "kind": col.kind,
                "required": col.required,
                "values": " | ".join(col.values)
                if len(col.values) <= 40
                else f"{col.vocabulary} ({len(col.values)})",
                "range": " ".join(b for b in bounds if b),
                "aliases_de": ", ".join(col.aliases_de),
                "description": col.description_de if lang == "de" else col.description,
            }
        )
    return rows


def xlsform(export: str, langs: list[str]) -> bytes:
    """Returns the ready-made XLSForm of `export` with labels in `langs`, as .xlsx bytes."""
    return form_xlsx(export, langs)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def template(export: str) -> str:
    """Returns the empty CSV template (header row) of one export."""
    return template_header(EXPORTS[export])


def bundle() -> bytes:
    """Returns a ZIP with every CSV template, Frictionless Table Schema and datapackage.json."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, spec in EXPORTS.items():
            zf.writestr(f"templates/{spec.file_name}", template_header(spec))
            zf.writestr(
                f"schemas/{name}.tableschema.json",
                json.dumps(table_schema(spec), indent=2, ensure_ascii=False),
            )
        zf.writestr("datapackage.json", json.dumps(datapackage(), indent=2, ensure_ascii=False))
    return buffer.getvalue()
