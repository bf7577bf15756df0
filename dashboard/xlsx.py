"""A minimal .xlsx writer: named sheets of text, numbers, booleans and dates, nothing else.

Enough for the XLSForms we hand out and for test fixtures; no styling beyond a date format,
no formulas (a form or an export never needs one). Strings are written inline, so there is no
shared-strings table to keep in step.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any
from xml.sax.saxutils import escape

Cell = str | int | float | bool | date | None
_EPOCH = date(1899, 12, 30)
_ZIP_DATE = (2026, 1, 1, 0, 0, 0)  # Excel's day 0 (with the 1900 leap-year bug folded in)

_OFFICE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_OFFICE}.sheet.main+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{_OFFICE}.styles+xml"/>'
    "{sheets}</Types>"
)
_SHEET_TYPE = (
    f'<Override PartName="/xl/worksheets/sheet{{n}}.xml" ContentType="{_OFFICE}.worksheet+xml"/>'
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_REL = (
    '<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/{kind}" Target="{target}"/>'
)
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
# Style 1 is a date (built-in number format 14), so readers see date cells as dates.
_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet {_NS}>'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    "</cellStyles></styleSheet>"
)


def column_letter(index: int) -> str:
    """Returns the spreadsheet column name of a 0-based index (0 -> A, 26 -> AA)."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def cell_xml(ref: str, value: Cell) -> str:
    """Returns the <c> element for one cell (empty string for an empty cell)."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, datetime):
        days = (value - datetime(1899, 12, 30)).total_seconds() / 86400
        return f'<c r="{ref}" s="1"><v>{days!r}</v></c>'
    if isinstance(value, date):
        return f'<c r="{ref}" s="1"><v>{(value - _EPOCH).days}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    text = escape(str(value))
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def sheet_xml(rows: Iterable[Sequence[Cell]], extra: str = "") -> str:
    """Returns a worksheet part holding `rows` from A1 on; `extra` goes after the sheet data."""
    out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {_NS}><sheetData>']
    for r, row in enumerate(rows, start=1):
        cells = "".join(cell_xml(f"{column_letter(c)}{r}", v) for c, v in enumerate(row))
        out.append(f'<row r="{r}">{cells}</row>')
    out.append(f"</sheetData>{extra}</worksheet>")
    return "".join(out)


def workbook_parts(sheets: dict[str, str], hidden: Iterable[str] = ()) -> dict[str, str]:
    """Returns every part of a workbook whose sheets (name -> worksheet XML) are given."""
    names, hidden = list(sheets), set(hidden)
    entries = "".join(
        f'<sheet name="{escape(name, {chr(34): "&quot;"})}" sheetId="{n}" r:id="rId{n}"'
        + (' state="hidden"' if name in hidden else "")
        + "/>"
        for n, name in enumerate(names, start=1)
    )
    rels = [_REL.format(n=n, kind="worksheet", target=f"worksheets/sheet{n}.xml") for n in
            range(1, len(names) + 1)]  # fmt: skip
    rels.append(_REL.format(n=len(names) + 1, kind="styles", target="styles.xml"))
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES.format(
            sheets="".join(_SHEET_TYPE.format(n=n) for n in range(1, len(names) + 1))
        ),
        "_rels/.rels": _ROOT_RELS,
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<workbook {_NS} {_RNS}><sheets>{entries}</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(rels)
        + "</Relationships>",
        "xl/styles.xml": _STYLES,
    }
    for n, name in enumerate(names, start=1):
        parts[f"xl/worksheets/sheet{n}.xml"] = sheets[name]
    return parts


def zip_parts(parts: dict[str, str | bytes]) -> bytes:
    """Returns the parts packed as a deflated zip archive (byte for byte reproducible)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():  # a fixed date: the same content gives the same bytes
            archive.writestr(zipfile.ZipInfo(name, _ZIP_DATE), data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def write_xlsx(sheets: dict[str, Sequence[Sequence[Cell]]], **options: Any) -> bytes:
    """Returns an .xlsx file with one sheet per entry (name -> rows, first row first)."""
    xml = {name: sheet_xml(rows) for name, rows in sheets.items()}
    return zip_parts(dict(workbook_parts(xml, **options)))
