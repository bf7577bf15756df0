"""Hostile .xlsx and .ods uploads, each built from a valid small workbook of a seed export.

Three kinds: the zip container damaged (bytes changed, cut off, sizes that lie, a zip bomb,
a workbook named .csv and a CSV named .xlsx), the parts changed (missing, duplicated, extra,
thousands of them, a hostile shared-strings table, only hidden export sheets), and hostile
cells (formulas, merged cells, control characters, a name in a code column). They are judged
like every upload by fuzz_cases.check_upload.
"""

from __future__ import annotations

import io
import struct
import warnings
import zipfile

from fuzz_cases import CONTROLS, FORMULAS, Case, seed_files
from hypothesis import strategies as st
from ingest.workbooks import ods

from dashboard.xlsx import sheet_xml, workbook_parts, zip_parts

Parts = dict[str, str | bytes]
_XLSX_SHEET = "xl/worksheets/sheet1.xml"
_STRINGS = "xl/sharedStrings.xml"


def _rows(data: bytes) -> list[list[str]]:
    return [line.split(",") for line in data.decode().splitlines() if line]


def _parts(fmt: str, rows: list[list[str]], sheet: str, hidden: tuple[str, ...] = ()) -> Parts:
    """Returns the parts of a valid workbook whose sheet `sheet` holds `rows` (as text cells)."""
    if fmt == "xlsx":
        return dict(workbook_parts({sheet: sheet_xml(rows)}, hidden=hidden))
    with zipfile.ZipFile(io.BytesIO(ods({sheet: rows}, hidden=hidden))) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@st.composite
def _workbook(draw: st.DrawFn) -> tuple[str, str, list[list[str]], Parts]:
    """Draws (format, file name, rows, parts) of a valid workbook holding a seed export."""
    name, data = draw(st.sampled_from(sorted(seed_files().items())))
    fmt = draw(st.sampled_from(["xlsx", "ods"]))
    export = name.removesuffix(".csv")
    rows = _rows(data)
    # a sheet name is typed by a person: it may hold a name or a terminal escape
    sheet = draw(st.sampled_from([export, "Sheet1", "Kim Meyer", "\u202egnp", "\x1b]0;x\x07"]))
    return fmt, f"{export}.{fmt}", rows, _parts(fmt, rows, sheet)


def _with_sizes(data: bytes, declared: int, *, local: bool, member: str = "") -> bytes:
    """Returns the zip with the uncompressed size of `member` (of every entry when empty) set
    to `declared` in the central directory and, with `local`, in the local headers too."""
    out = bytearray(data)
    # signature, offset of the size field, of the name length field, of the name
    headers = [(b"PK\x01\x02", 24, 28, 46)] + ([(b"PK\x03\x04", 22, 26, 30)] if local else [])
    for signature, size_at, length_at, name_at in headers:
        at = out.find(signature)
        while at >= 0:
            length = struct.unpack_from("<H", out, at + length_at)[0]
            if not member or out[at + name_at : at + name_at + length] == member.encode():
                struct.pack_into("<I", out, at + size_at, declared)
            at = out.find(signature, at + 4)
    return bytes(out)


def _bomb(parts: Parts) -> bytes:
    """Returns the workbook with an extra part of 32 MB of zeros (32 KB zipped) that
    declares 1 KB: a zip bomb whose directory lies."""
    data = zip_parts({**parts, "xl/media/image1.bin": b"\0" * (32 << 20)})
    return _with_sizes(data, 1024, local=True, member="xl/media/image1.bin")


@st.composite
def workbook_zip(draw: st.DrawFn) -> Case:
    """The container damaged: any of these must be refused (a few byte changes may survive)."""
    fmt, name, rows, parts = draw(_workbook())
    data = zip_parts(parts)
    damage = draw(st.sampled_from(["bytes", "cut", "declared_huge", "declared_small",
                                   "bomb", "named_csv", "csv_named"]))  # fmt: skip
    if damage == "bytes":
        buffer = bytearray(data)
        for _ in range(draw(st.integers(1, 6))):
            buffer[draw(st.integers(0, len(buffer) - 1))] = draw(st.integers(0, 255))
        return Case("workbook_zip", name, bytes(buffer), False)
    if damage == "cut":
        return Case("workbook_zip", name, data[: draw(st.integers(0, len(data) - 1))], True)
    if damage in ("declared_huge", "declared_small"):
        declared = draw(st.sampled_from([2**32 - 1, 600 << 20] if damage == "declared_huge"
                                        else [0, 1, 100]))  # fmt: skip
        lied = _with_sizes(data, declared, local=draw(st.booleans()))
        return Case("workbook_zip", name, lied, True)
    if damage == "bomb":
        return Case("workbook_zip", name, _bomb(parts), True)
    if damage == "named_csv":
        return Case("workbook_zip", name.rsplit(".", 1)[0] + ".csv", data, True)
    csv = "\n".join(",".join(row) for row in rows).encode()
    return Case("workbook_zip", name, csv, True)


def _shared_strings(items: list[str]) -> str:
    body = "".join(f"<si><t>{text}</t></si>" for text in items)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="http://schemas.openxmlformats'
            f'.org/spreadsheetml/2006/main" count="{len(items)}">{body}</sst>')  # fmt: skip


HOSTILE_STRINGS = [
    # an entity expansion ("billion laughs") and an external entity: never expanded or fetched
    '<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
    '<!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
]


@st.composite
def workbook_parts_kind(draw: st.DrawFn) -> Case:
    """The parts changed: missing, duplicated, extra, too many, a hostile shared-strings
    table pointed at from the sheet, or the export sheet hidden behind a visible other one."""
    fmt, name, rows, parts = draw(_workbook())
    change = draw(st.sampled_from(["missing", "duplicated", "extra", "many", "strings",
                                   "hidden"]))  # fmt: skip
    members = sorted(parts)
    if change == "missing":
        del parts[draw(st.sampled_from(members))]
        return Case("workbook_parts", name, zip_parts(parts), False)
    if change == "duplicated":
        return Case("workbook_parts", name, _duplicated(parts, draw(st.sampled_from(members))),
                    False)  # fmt: skip
    if change in ("extra", "many"):
        count = 1 if change == "extra" else 1_100
        parts |= {f"extra/{i}.xml": "<x/>" for i in range(count)}
        return Case("workbook_parts", name, zip_parts(parts), change == "many")
    if change == "strings" and fmt == "xlsx":
        return Case("workbook_parts", name, _shared_table(rows, parts, draw), False)
    sheet = name.rsplit(".", 1)[0]
    other = [["Name", "Notes"], ["Kim Meyer", "kim@example.org"]]
    visible = draw(st.sampled_from(["Notizen", "Sheet9"]))
    if fmt == "xlsx":
        xml = {sheet: sheet_xml(rows), visible: sheet_xml(other)}
        hidden_wb = zip_parts(dict(workbook_parts(xml, hidden=(sheet,))))
    else:
        hidden_wb = ods({sheet: rows, visible: other}, hidden=(sheet,))
    return Case("workbook_parts", name, hidden_wb, True)


def _duplicated(parts: Parts, member: str) -> bytes:
    """Returns the workbook with a second entry of the same name (holding a formula)."""
    buffer = io.BytesIO(zip_parts(parts))
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "a") as archive:
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name: the point here
        archive.writestr(member, '<f>1+1</f><table:table-cell table:formula="of:=1"/>')
    return buffer.getvalue()


def _shared_table(rows: list[list[str]], parts: Parts, draw: st.DrawFn) -> bytes:
    """The sheet's first data row written as shared-string cells, the table hostile."""
    index = draw(st.sampled_from([0, 1, 999_999, -1]))
    prolog = draw(st.sampled_from(["", *HOSTILE_STRINGS]))
    cells = "".join(f'<c r="{chr(65 + i)}2" t="s"><v>{index}</v></c>' for i in range(len(rows[0])))
    table = _shared_strings(["&c;" if prolog else rows[1][0], "x" * 100_000])
    sheet = sheet_xml([rows[0]]).replace("</sheetData>", f'<row r="2">{cells}</row></sheetData>')
    return zip_parts({**parts, _XLSX_SHEET: sheet, _STRINGS: table.replace("\n", "\n" + prolog)})


@st.composite
def workbook_cells(draw: st.DrawFn) -> Case:
    """Hostile cells in the sheet read: a formula, a merged range, a control character or a
    name in a code column: every one must refuse the file."""
    fmt, name, rows, parts = draw(_workbook())
    row = draw(st.integers(1, len(rows) - 1))
    what = draw(st.sampled_from(["formula", "merged", "control", "name"]))
    text = {"control": draw(st.sampled_from(CONTROLS)), "name": "Kim Meyer"}.get(what, "")
    if text:
        rows[row][0] = rows[row][0][:2] + text + rows[row][0][2:]
    sheet = name.rsplit(".", 1)[0]
    if fmt == "ods":
        attrs = {(row, 1): ' table:formula="of:=1+1"'} if what == "formula" else {}
        covered = [(row, 1)] if what == "merged" else []
        return Case("workbook_cells", name, ods({sheet: rows}, cell_attrs=attrs, covered=covered),
                    True)  # fmt: skip
    formula = draw(st.sampled_from(FORMULAS)).lstrip("=+-@\t\r").replace('"', "&quot;")
    extra = '<mergeCells count="1"><mergeCell ref="A2:B2"/></mergeCells>'
    xml = sheet_xml(rows, extra if what == "merged" else "")
    if what == "formula":
        xml = xml.replace(f'<row r="{row + 1}">', f'<row r="{row + 1}"><c r="Z{row + 1}">'
                          f"<f>{formula}</f><v>2</v></c>", 1)  # fmt: skip
    return Case("workbook_cells", name, zip_parts({**parts, _XLSX_SHEET: xml}), True)


@st.composite
def workbook_extent(draw: st.DrawFn) -> Case:
    """A sheet far larger than its data: one cell far down or right, or an .ods row repeated
    (refused before the reader lays it out); or LibreOffice's empty repeats at the end, which
    change nothing (the file is refused only if the plain one is)."""
    fmt, name, rows, parts = draw(_workbook())
    shape = draw(st.sampled_from(["far", "repeated", "trailing"]))
    if fmt == "xlsx":
        if shape == "trailing":  # .xlsx has no repeats; a styled empty cell at the end instead
            cell, must_fail = f'<c r="{draw(st.sampled_from(["Z", "SF"]))}9" s="1"/>', False
        else:
            ref = draw(st.sampled_from(["Z1000000", "SG2", "AB5000", "XFD1048576"]))
            cell, must_fail = f'<c r="{ref}" t="inlineStr"><is><t>x</t></is></c>', True
        row = f'<row r="{len(rows) + 1}">{cell}</row>'
        xml = sheet_xml(rows).replace("</sheetData>", row + "</sheetData>")
        return Case("workbook_extent", name, zip_parts({**parts, _XLSX_SHEET: xml}), must_fail)
    content = parts["content.xml"].decode()
    count = draw(st.sampled_from([100_000, 1_000_000, 2_000_001]))
    value = '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>'
    if shape == "trailing":  # what LibreOffice writes after the data
        empty = '<table:table-cell table:number-columns-repeated="1020"/>'
        content = content.replace("</table:table-row>", empty + "</table:table-row>")
        tail = f'<table:table-row table:number-rows-repeated="{count}">{empty}</table:table-row>'
    elif shape == "repeated":
        tail = f'<table:table-row table:number-rows-repeated="{count}">{value}</table:table-row>'
    else:
        wide = value.replace(">", f' table:number-columns-repeated="{count}">', 1)
        tail = f"<table:table-row>{wide}</table:table-row>"
    content = content.replace("</table:table>", tail + "</table:table>")
    return Case("workbook_extent", name, zip_parts({**parts, "content.xml": content}),
                shape != "trailing")  # fmt: skip


WORKBOOK_KINDS = [workbook_zip(), workbook_parts_kind(), workbook_cells(), workbook_extent()]
