"""Which sheet of an .xlsx or .ods workbook is read, and what in it refuses the file.

The sheet read is the first visible one named like an export (`contacts`, `Contacts 2025`, or
its German title such as `Kontakte`), else the first visible sheet; hidden sheets are never
read. That sheet must hold plain values: a formula's stored result may be stale or missing,
and a merged cell leaves the rows it spans empty, so either refuses the file with what to fix
rather than importing something other than what the coordinator sees.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape

from schemas import EXPORTS

from .archive import inflate, read_part
from .headers import normalise
from .sniff import UnusableFile

_ATTR = re.compile(rb'([\w:]+)="([^"]*)"')
_XLSX_SHEET = re.compile(rb"<(?:\w+:)?sheet\s[^>]*>")
_XLSX_REL = re.compile(rb"<(?:\w+:)?Relationship\s[^>]*>")
# Markers of a formula and of a merged cell in each format's sheet XML (any namespace prefix).
_XLSX_FORMULA = (b"<f>", b"<f ", b"<f/", b":f>", b":f ", b":f/")
_XLSX_MERGED = (b"<mergeCell ", b":mergeCell ")
_ODS_FORMULA = (b":formula=",)
_ODS_MERGED = (b"covered-table-cell",)
_OVERLAP = 16  # a marker cut by a chunk boundary is found in the next chunk's overlap


@dataclass(frozen=True)
class SheetRef:
    """A sheet as the workbook lists it: its name and, for .xlsx, the part holding it."""

    name: str
    part: str = ""
    hidden: bool = False


def preferred(sheets: list[SheetRef]) -> list[SheetRef]:
    """Returns the sheets in the order they are tried: named like an export first."""
    titles = [*EXPORTS, *(normalise(e.title_de) for e in EXPORTS.values() if e.title_de)]
    named = [s for s in sheets if normalise(s.name).startswith(tuple(titles))]
    return named + [s for s in sheets if s not in named]


def xlsx_sheets(archive: zipfile.ZipFile, data: bytes) -> list[SheetRef]:
    """Returns the sheets listed in xl/workbook.xml with their parts and visibility."""
    targets = {}
    for element in _XLSX_REL.findall(read_part(archive, data, "xl/_rels/workbook.xml.rels")):
        attrs = _attrs(element)
        target = attrs.get("Target", "").lstrip("/")
        targets[attrs.get("Id", "")] = target if target.startswith("xl/") else f"xl/{target}"
    sheets = []
    for element in _XLSX_SHEET.findall(read_part(archive, data, "xl/workbook.xml")):
        attrs = _attrs(element)
        rid = next((v for k, v in attrs.items() if k.endswith(":id")), "")
        hidden = attrs.get("state", "visible") != "visible"
        sheets.append(SheetRef(unescape(attrs.get("name", "")), targets.get(rid, ""), hidden))
    return sheets


def _attrs(element: bytes) -> dict[str, str]:
    return {k.decode(): v.decode("utf-8", "replace") for k, v in _ATTR.findall(element)}


def check_xlsx_sheet(archive: zipfile.ZipFile, data: bytes, sheet: SheetRef) -> None:
    """Raises UnusableFile when the sheet's part holds a formula or a merged cell."""
    try:
        entry = archive.getinfo(sheet.part)
    except KeyError as exc:
        raise UnusableFile("damaged_workbook", detail=f"{sheet.part}: missing") from exc
    _check_markers(inflate(data, entry), sheet.name, _XLSX_FORMULA, _XLSX_MERGED)


def check_ods_sheet(archive: zipfile.ZipFile, data: bytes, sheet: SheetRef) -> None:
    """Raises UnusableFile when the named table of content.xml holds a formula or merged cell."""
    content = read_part(archive, data, "content.xml")
    name = re.escape(sheet.name.replace("&", "&amp;").replace('"', "&quot;").encode())
    opening = re.search(rb'<table:table\s[^>]*table:name="' + name + rb'"', content)
    if opening is None:
        return
    end = content.find(b"</table:table>", opening.end())
    _check_markers(iter([content[opening.end() : end]]), sheet.name, _ODS_FORMULA, _ODS_MERGED)


def _check_markers(
    chunks: Iterator[bytes], sheet: str, formula: tuple[bytes, ...], merged: tuple[bytes, ...]
) -> None:
    tail = b""
    for chunk in chunks:
        window, tail = tail + chunk, chunk[-_OVERLAP:]
        if any(marker in window for marker in formula):
            raise UnusableFile("workbook_formula", detail=sheet)
        if any(marker in window for marker in merged):
            raise UnusableFile("workbook_merged", detail=sheet)
