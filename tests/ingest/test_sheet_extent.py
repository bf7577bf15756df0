"""A small workbook whose sheet would be laid out as millions of empty cells is refused before
the reader sees it; the empty repeats spreadsheet programs write at the end are not counted."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import duckdb
import pytest
from workbooks import ods, xlsx_with

from dashboard import db
from dashboard.access import Scope
from dashboard.fingerprint import fingerprint
from dashboard.ingest import Upload, import_paths, import_uploads, pipeline
from dashboard.ingest.extent import OdsExtent, XlsxExtent
from dashboard.xlsx import zip_parts

CANONICAL = Path(__file__).parent / "files" / "canonical"
LOCAL = Scope.local_operator()
HEADER = ["contact_id", "match_id", "contact_date", "duration_min", "channel", "crisis"]
ROWS = [["C01", "M01", date(2025, 3, 2), 60, "phone", False]]
FAR_CELL = '<c r="Z1000000" t="inlineStr"><is><t>x</t></is></c>'


@pytest.fixture()
def con(tmp_path: Path):
    connection = db.connect(tmp_path / "store.duckdb")
    import_paths(connection, "p1", [CANONICAL / "supporters.csv", CANONICAL / "matches.csv"],
                 scope=LOCAL)  # fmt: skip
    yield connection
    connection.close()


def _refused(con, name: str, data: bytes) -> list:
    before = fingerprint(con)
    report = import_uploads(con, "p1", [Upload(name, data)], scope=LOCAL)
    assert (report.exit_code, report.committed) == (2, False)
    assert fingerprint(con) == before
    return report.errors


def _with_content(data: bytes, change) -> bytes:
    """Returns the .ods with its content.xml passed through `change`."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    parts = {n: archive.read(n).decode() for n in archive.namelist()}
    return zip_parts({**parts, "content.xml": change(parts["content.xml"])})


def _repeated_rows(content: str) -> str:
    row = '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>'
    extra = f'<table:table-row table:number-rows-repeated="100000">{row}</table:table-row>'
    return content.replace("</table:table>", extra + "</table:table>")


def _libreoffice_tail(content: str) -> str:
    """What LibreOffice writes after the data: empty cells to column AMJ, empty rows to the end."""
    cells = '<table:table-cell table:number-columns-repeated="1018"/>'
    empty = '<table:table-cell table:number-columns-repeated="1024"/>'
    rows = f'<table:table-row table:number-rows-repeated="1048574">{empty}</table:table-row>'
    content = content.replace("</table:table-row>", cells + "</table:table-row>")
    return content.replace("</table:table>", rows + "</table:table>")


def test_one_far_xlsx_cell_is_refused_with_the_sheet_extent(con) -> None:
    errors = _refused(con, "contacts.xlsx", xlsx_with([HEADER, *ROWS], raw_cells=FAR_CELL))
    assert [e.code for e in errors] == ["workbook_sparse"]
    assert "1,000,000 rows" in errors[0].text("en") and "26 columns" in errors[0].text("en")
    assert all(errors[0].text(lang) for lang in ("de", "fa"))


def test_an_xlsx_cell_beyond_column_500_is_refused_as_too_wide(con) -> None:
    cell = '<c r="SG2" t="inlineStr"><is><t>x</t></is></c>'  # SG is column 501
    errors = _refused(con, "contacts.xlsx", xlsx_with([HEADER, *ROWS], raw_cells=cell))
    assert [(e.code, e.detail) for e in errors] == [("too_many_columns", 501)]


def test_an_ods_row_repeated_100000_times_is_refused(con) -> None:
    data = _with_content(ods({"contacts": [HEADER, *ROWS]}), _repeated_rows)
    errors = _refused(con, "contacts.ods", data)
    assert [e.code for e in errors] == ["workbook_sparse"]
    assert "100,002 rows" in errors[0].text("en")


def test_an_ods_with_libreoffice_empty_repeats_at_the_end_still_imports(con) -> None:
    data = _with_content(ods({"contacts": [HEADER, *ROWS]}), _libreoffice_tail)
    report = import_uploads(con, "p1", [Upload("contacts.ods", data)], scope=LOCAL)
    assert (report.exit_code, report.committed) == (0, True)
    assert con.execute("SELECT contact_id, duration_min FROM contacts").fetchall() == [("C01", 60)]


def test_running_out_of_memory_refuses_the_upload_and_leaves_the_store(con, monkeypatch) -> None:
    def exhausted(*_args: object) -> None:
        raise duckdb.OutOfMemoryException("Out of Memory Error: could not allocate block")

    monkeypatch.setattr(pipeline, "stage_sheet", exhausted)
    errors = _refused(con, "contacts.xlsx", xlsx_with([HEADER, *ROWS]))
    assert [e.code for e in errors] == ["out_of_memory"]
    assert "memory" in errors[0].text("en") and errors[0].text("fa")


@pytest.mark.parametrize("size", [1, 2, 7, 64])
def test_the_scan_finds_the_same_extent_however_the_xml_is_cut(size: int) -> None:
    xlsx = (b'<sheetData><row r="3" spans="1:2"><c r="B3" t="s"><v>0</v></c><c r="AB9" s="1"/>'
            b'</row><row r="12"><c r="AA4"><v>1</v></c></row></sheetData>')  # fmt: skip
    ods_xml = (b'<table:table table:name="t"><table:table-row table:number-rows-repeated="2">'
               b'<table:table-cell table:number-columns-repeated="3"/><table:table-cell '
               b'office:value-type="float"><text:p>1</text:p></table:table-cell>'
               b'<table:table-cell table:number-columns-repeated="99"/></table:table-row>'
               b'<table:table-row table:number-rows-repeated="50"><table:table-cell/>'
               b"</table:table-row></table:table>")  # fmt: skip
    scans = XlsxExtent("s"), OdsExtent()
    for scan, xml in zip(scans, (xlsx, ods_xml), strict=True):
        for at in range(0, len(xml), size):
            scan(xml[at : at + size])
    # xlsx: row 12 and column AB (28): the styled empty cell counts too (on the safe side)
    assert [(e.rows, e.columns) for e in scans[0].extents()] == [(12, 28)]
    # ods: two rows of four cells; the trailing 99 empty cells and 50 empty rows do not count
    assert [(e.rows, e.columns, e.name) for e in scans[1].extents()] == [(2, 4, "t")]
