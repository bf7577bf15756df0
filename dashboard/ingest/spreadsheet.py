"""An .xlsx or .ods upload read into the same staging pass as a CSV, without a copy on disk.

The workbook is checked (archive.py, workbook.py), then one sheet is read by fastexcel into
Arrow with every cell as text: typed cells come out in one canonical spelling (a date cell as
`2024-02-12 00:00:00`, a boolean as `true`, 45.0 as `45`), which the contract rules read as
typed, whatever the display format in the sheet. The Arrow table is laid out like a rewritten
CSV (`_line` = the sheet's row number, `_extra`, `c0`…), so every rule, error and line number
works unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TypeVar

import duckdb
import fastexcel
import pyarrow as pa

from dashboard.i18n import Msg

from . import messages
from .archive import open_archive, verify_all
from .extent import OdsExtent, XlsxExtent
from .limits import UploadLimits
from .report import FileReport
from .rules import ident
from .sniff import Sniffed, UnusableFile, is_hxl
from .source import EXTRA, LINE, Source
from .stage import StagedFile, stage_source
from .workbook import (
    SheetRef,
    SheetScan,
    check_ods_sheet,
    export_named,
    preferred,
    shown,
    xlsx_sheets,
)

T = TypeVar("T")
_HEADER_SEARCH = 50  # leading blank rows tolerated above the header


@dataclass(frozen=True)
class Sheet:
    """The sheet read from a workbook: its header as sniffed text, its rows as Arrow text."""

    name: str
    sniffed: Sniffed
    rows: pa.Table  # _line, _extra, c0 … c<width-1>, all text

    def file_hint(self, file_name: str) -> str:
        """Returns the name that breaks ties between exports: the sheet's, if named like one."""
        export = export_named(self.name)
        return f"{export}.xlsx" if export else file_name

    @property
    def shown_name(self) -> str:
        """The sheet name as reports may show it."""
        return shown(self.name)


@dataclass(frozen=True)
class SheetSource(Source):
    """A sheet's Arrow rows registered on the cursor, read like a rewritten CSV (with _line)."""

    table: str = ""

    def read_sql(self, *, in_order: bool = False) -> str:
        return ident(self.table)

    def params(self) -> dict[str, object]:
        return {}


def read_sheet(data: bytes, limits: UploadLimits) -> Sheet:
    """Returns the sheet to import; raises UnusableFile for anything unsafe or unreadable."""
    archive = open_archive(data)
    is_xlsx = "xl/workbook.xml" in archive.namelist()
    if is_xlsx:  # the visible sheets are known from workbook.xml: scan the one read
        refs = preferred([r for r in xlsx_sheets(archive, data) if not r.hidden])
        if refs and refs[0].part not in archive.namelist():
            raise UnusableFile("damaged_workbook", detail=Msg("workbook.detail.sheet_missing"))
        extent: XlsxExtent | OdsExtent = XlsxExtent(refs[0].name if refs else "")
        watch = {refs[0].part: partial(_both, SheetScan(refs[0].name), extent)} if refs else {}
    else:  # .ods: every table is in content.xml (the reader loads them all at once)
        refs, extent = [], OdsExtent()
        watch = {"content.xml": extent}
    verify_all(archive, data, watch)  # before the reader, which trusts the declared sizes
    for sheet in extent.extents():  # before the reader lays a sparse sheet out densely
        sheet.check(limits)
    reader = _reading(partial(fastexcel.read_excel, data))
    candidates = refs[:1] if is_xlsx else preferred([SheetRef(n) for n in reader.sheet_names])
    for ref in candidates:
        loaded = _reading(partial(
            reader.load_sheet, ref.name, header_row=None, skip_rows=0, dtypes="string",
            n_rows=limits.upload_max_rows + 1,
        ))  # fmt: skip
        if loaded.visible != "visible":
            continue
        if not is_xlsx:
            check_ods_sheet(archive, data, ref)
        return _sheet(ref.name, pa.table(_reading(loaded.to_arrow)), limits)
    raise UnusableFile("no_visible_sheet")


def _both(scan: SheetScan, extent: XlsxExtent, chunk: bytes) -> None:
    scan(chunk)
    extent(chunk)


def _reading(step: Callable[[], T]) -> T:
    """Returns what a step of the reader returns; its failures become damaged_workbook."""
    try:
        return step()
    except BaseException as exc:  # its own errors, and a Rust panic (a BaseException)
        if not isinstance(exc, Exception) and type(exc).__name__ != "PanicException":
            raise  # KeyboardInterrupt, SystemExit
        raise UnusableFile(
            "damaged_workbook", detail=Msg("workbook.detail.sheet_unreadable")
        ) from exc


def _sheet(name: str, batch: pa.Table, limits: UploadLimits) -> Sheet:
    if batch.num_rows > limits.upload_max_rows:
        more = Msg("workbook.detail.more_than", {"n": limits.upload_max_rows})
        raise UnusableFile("too_many_rows", detail=more, limit=limits.upload_max_rows)
    head = batch.slice(0, _HEADER_SEARCH).to_pylist()
    first = next((i for i, row in enumerate(head) if any(_text(v) for v in row.values())), None)
    if first is None:
        raise UnusableFile("empty_file")
    header = [_text(v) for v in head[first].values()]
    hxl = first + 1 < len(head) and is_hxl([_text(v) for v in head[first + 1].values()])
    start = first + (2 if hxl else 1)
    body = batch.slice(start)
    lines = pa.array(range(start + 1, batch.num_rows + 1), pa.int64())
    columns = [lines, pa.nulls(body.num_rows, pa.string()), *body.columns]
    names = [LINE, EXTRA, *(f"c{i}" for i in range(len(header)))]
    return Sheet(name, Sniffed(b"", "utf-8", ",", header, hxl), pa.table(columns, names=names))


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def stage_sheet(cur: duckdb.DuckDBPyConnection, staged: StagedFile, sheet: Sheet) -> None:
    """Creates the staging table for a sheet: its Arrow rows, read in place, then the usual pass.

    The rows are registered on the import's private cursor (no copy); they go when it closes.
    """
    view = f"{staged.table}_sheet"
    cur.register(view, sheet.rows)
    width = len(sheet.sniffed.header)
    stage_source(cur, staged, SheetSource(Path(), width, 0, ",", normalised=True, table=view))


def sheet_notice(report: FileReport, name: str) -> None:
    """Tells the user which sheet was read (the others, and hidden ones, were not)."""
    report.notices.append(messages.notice_msg("sheet", name))
