"""Builds small .xlsx and .ods fixtures by hand (the XML the tools write), hostile ones too.

Written without a spreadsheet library so a test can produce exactly the damaged or odd
structures a real library would refuse to write (formulas without values, lying zip headers).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from xml.sax.saxutils import escape

from dashboard.xlsx import Cell, sheet_xml, workbook_parts, write_xlsx, zip_parts

__all__ = ["ods", "write_xlsx", "xlsx_with"]

_ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2"'
)
_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def _ods_cell(value: Cell, attrs: str = "") -> str:
    if value is None or value == "":
        return f"<table:table-cell{attrs}/>"
    if isinstance(value, bool):
        kind = f'office:value-type="boolean" office:boolean-value="{str(value).lower()}"'
        shown = "TRUE" if value else "FALSE"
    elif isinstance(value, (date, datetime)):
        kind = f'office:value-type="date" office:date-value="{value.isoformat()}"'
        shown = value.strftime("%d.%m.%Y")
    elif isinstance(value, (int, float)):
        kind, shown = f'office:value-type="float" office:value="{value!r}"', str(value)
    else:
        kind, shown = 'office:value-type="string"', escape(str(value))
    return f"<table:table-cell {kind}{attrs}><text:p>{shown}</text:p></table:table-cell>"


def ods(
    sheets: dict[str, Sequence[Sequence[Cell]]],
    *,
    hidden: Sequence[str] = (),
    cell_attrs: dict[tuple[int, int], str] | None = None,
    covered: Sequence[tuple[int, int]] = (),
) -> bytes:
    """Returns an .ods file; `cell_attrs[(row, col)]` adds raw attributes to one cell, and the
    cells in `covered` are written as covered by a merged cell (as LibreOffice does)."""
    attrs = cell_attrs or {}
    styles = (
        '<office:automatic-styles><style:style style:name="ta1" style:family="table">'
        '<style:table-properties table:display="true"/></style:style>'
        '<style:style style:name="ta2" style:family="table">'
        '<style:table-properties table:display="false"/></style:style></office:automatic-styles>'
    )
    tables = []
    for name, rows in sheets.items():
        style = "ta2" if name in hidden else "ta1"
        body = "".join(
            "<table:table-row>"
            + "".join(
                "<table:covered-table-cell/>"
                if (r, c) in covered
                else _ods_cell(v, attrs.get((r, c), ""))
                for c, v in enumerate(row)
            )
            + "</table:table-row>"
            for r, row in enumerate(rows)
        )
        opening = f'<table:table table:name="{escape(name)}" table:style-name="{style}">'
        tables.append(f"{opening}{body}</table:table>")
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {_ODS_NS}>{styles}'
        f"<office:body><office:spreadsheet>{''.join(tables)}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    return zip_parts(
        {
            "mimetype": "application/vnd.oasis.opendocument.spreadsheet",
            "META-INF/manifest.xml": _MANIFEST,
            "content.xml": content,
        }
    )


def xlsx_with(rows: Sequence[Sequence[Cell]], *, extra: str = "", raw_cells: str = "") -> bytes:
    """Returns a one-sheet ("contacts") .xlsx whose sheet XML gets `extra` after the data
    (e.g. <mergeCells>) and `raw_cells` as a last row written verbatim (e.g. a formula)."""
    xml = sheet_xml(rows, extra)
    if raw_cells:
        xml = xml.replace("</sheetData>", f'<row r="{len(rows) + 1}">{raw_cells}</row></sheetData>')
    return zip_parts(dict(workbook_parts({"contacts": xml})))
