"""The data dictionary, read from the schema registry: column rows and a download bundle.

The contract cannot change while the process runs, so each result is built once (callers
must not change the returned rows).
"""

from __future__ import annotations

import functools
import io
import json
import zipfile
from typing import Any

from dashboard.i18n import render
from dashboard.xlsform import form_xlsx
from schemas import EXPORTS
from schemas.descriptors import datapackage, table_schema, template_header


@functools.cache
def column_rows(export: str, lang: str) -> list[dict[str, Any]]:
    """Returns one row per column of `export`: name, kind, required, allowed values, range,
    German aliases (headers the importer recognises) and the description in `lang`."""
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
                "description": column_description(export, col.name, lang),
            }
        )
    return rows


def column_description(export: str, column: str, lang: str) -> str:
    """Returns what a column of the contract holds, in `lang` (catalog domain `schema`)."""
    item = _proqol_item(export, column)
    if item is not None:  # thirty items read alike: one text with the item's number
        return render("schema.proqol.item", {"n": item}, lang)
    return render(f"schema.{export}.{column}", None, lang)


def export_title(export: str, lang: str) -> str:
    """Returns the name of an export in `lang` ('Kontakte' for contacts)."""
    return render(f"schema.{export}.title", None, lang)


def export_description(export: str, lang: str) -> str:
    """Returns what one row of an export is, in `lang`."""
    return render(f"schema.{export}.description", None, lang)


def schema_ids() -> list[str]:
    """Returns the message ids the data dictionary builds from the schema registry."""
    ids = ["schema.proqol.item"]
    for name, spec in EXPORTS.items():
        ids += [f"schema.{name}.title", f"schema.{name}.description"]
        ids += [
            f"schema.{name}.{c.name}" for c in spec.columns if _proqol_item(name, c.name) is None
        ]
    return ids


def _proqol_item(export: str, column: str) -> int | None:
    if export == "proqol" and column[:1] == "q" and column[1:].isdigit():
        return int(column[1:])
    return None


def xlsform(export: str, langs: list[str]) -> bytes:
    """Returns the ready-made XLSForm of `export` with labels in `langs`, as .xlsx bytes."""
    return form_xlsx(export, langs)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


@functools.cache
def template(export: str) -> str:
    """Returns the empty CSV template (header row) of one export."""
    return template_header(EXPORTS[export])


@functools.cache
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
