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
from dataclasses import dataclass
from html import unescape

from schemas import EXPORTS

from .archive import read_part
from .headers import normalise
from .messages import REDACTED
from .rules import GUARD_ANY
from .sniff import UnusableFile

_ATTR = re.compile(rb'([\w:]+)="([^"]*)"')
_XLSX_SHEET = re.compile(rb"<(?:\w+:)?sheet\s[^>]*>")
_XLSX_REL = re.compile(rb"<(?:\w+:)?Relationship\s[^>]*>")
_OVERLAP = 16  # a marker cut by a chunk boundary is found in the next chunk's overlap
_ENDS = (b">", b" ", b"/")  # what follows an element name (<f> <f t="shared"/>, not <filter)


@dataclass(frozen=True)
class SheetRef:
    """A sheet as the workbook lists it: its name and, for .xlsx, the part holding it."""

    name: str
    part: str = ""
    hidden: bool = False


def shown(sheet: str) -> str:
    """Returns a sheet name as reports may show it: typed by a person, so guarded like a value."""
    return REDACTED if re.search(GUARD_ANY, sheet) else sheet[:40]


def export_named(sheet: str) -> str | None:
    """Returns the export a sheet is named after (`Contacts 2025`, `Kontakte`), if any."""
    text = normalise(sheet)
    for name, spec in EXPORTS.items():
        if text.startswith(name) or (spec.title_de and text.startswith(normalise(spec.title_de))):
            return name
    return None


def preferred(sheets: list[SheetRef]) -> list[SheetRef]:
    """Returns the sheets in the order they are tried: named like an export first."""
    named = [s for s in sheets if export_named(s.name)]
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


class SheetScan:
    """Looks for formulas and merged cells in a worksheet part, fed chunk by chunk.

    Searching is the cost here (the sheet XML is the bulk of a workbook), so each chunk gets
    two byte searches, `<f` and `<mergeCell`; prefixed XML (`<x:f>`, Open XML SDK) adds two.
    """

    def __init__(self, sheet: str) -> None:
        self.sheet = sheet
        self.markers: tuple[tuple[bytes, str], ...] | None = None
        self.tail = b""

    def __call__(self, chunk: bytes) -> None:
        window = self.tail + chunk
        if self.markers is None:
            prefixed = re.search(rb"<\w+:worksheet[\s>]", window[:4096]) is not None
            heads = (b"<", b":") if prefixed else (b"<",)
            self.markers = tuple((head + name, code) for head in heads for name, code in (
                (b"f", "workbook_formula"), (b"mergeCell", "workbook_merged")))  # fmt: skip
        for marker, code in self.markers:
            if _element(window, marker):
                raise UnusableFile(code, detail=shown(self.sheet))
        self.tail = chunk[-_OVERLAP:]


def _element(window: bytes, marker: bytes) -> bool:
    """True when `marker` occurs in `window` as an element name (followed by > space or /)."""
    at = window.find(marker)
    while at >= 0:
        end = at + len(marker)
        if window[end : end + 1] in _ENDS:
            return True
        at = window.find(marker, end)
    return False


def check_ods_sheet(archive: zipfile.ZipFile, data: bytes, sheet: SheetRef) -> None:
    """Raises UnusableFile when the named table of content.xml holds a formula or merged cell."""
    content = read_part(archive, data, "content.xml")
    name = re.escape(sheet.name.replace("&", "&amp;").replace('"', "&quot;").encode())
    opening = re.search(rb'<table:table\s[^>]*table:name="' + name + rb'"', content)
    if opening is None:
        return
    table = content[opening.end() : content.find(b"</table:table>", opening.end())]
    if b":formula=" in table:
        raise UnusableFile("workbook_formula", detail=shown(sheet.name))
    if b"covered-table-cell" in table:  # the cells a merged cell spans over
        raise UnusableFile("workbook_merged", detail=shown(sheet.name))
