""".xlsx and .ods uploads: typed cells read as typed, sheet rows as lines, and every damaged or
hostile workbook refused with one clear error while the store stays as it was."""

from __future__ import annotations

import struct
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from workbooks import ods, write_xlsx, xlsx_with

from dashboard import db
from dashboard.access import Scope
from dashboard.fingerprint import fingerprint
from dashboard.i18n import say
from dashboard.ingest import Upload, import_paths, import_uploads
from dashboard.ingest.limits import set_limit
from dashboard.xlsx import sheet_xml, workbook_parts, zip_parts

CANONICAL = Path(__file__).parent / "files" / "canonical"
LOCAL = Scope.local_operator()
HEADER = ["contact_id", "match_id", "contact_date", "duration_min", "channel", "crisis"]
# Typed cells as Excel stores them: a date serial, a whole number stored as 45.0, booleans.
ROWS = [
    ["C01", "M01", date(2025, 3, 2), 60, "phone", False],
    ["C02", "M02", datetime(2025, 3, 6, 14, 30), 30.0, "Video", True],
    ["C03", "M02", "07.03.2025", "45", "phone", "ja"],  # text cells, as typed by hand
]
STORED = [
    ("C01", date(2025, 3, 2), 60, "phone", False),
    ("C02", date(2025, 3, 6), 30, "video", True),
    ("C03", date(2025, 3, 7), 45, "phone", True),
]


@pytest.fixture()
def con(tmp_path: Path):
    connection = db.connect(tmp_path / "store.duckdb")
    import_paths(connection, "p1", [CANONICAL / "supporters.csv", CANONICAL / "matches.csv"],
                 scope=LOCAL)  # fmt: skip
    yield connection
    connection.close()


def _import(con, name: str, data: bytes):
    return import_uploads(con, "p1", [Upload(name, data)], scope=LOCAL)


def _contacts(con) -> list[tuple]:
    return con.execute(
        "SELECT contact_id, contact_date, duration_min, channel, crisis FROM contacts ORDER BY 1"
    ).fetchall()


def test_xlsx_typed_cells_are_stored_as_typed(con) -> None:
    report = _import(con, "export.xlsx", write_xlsx({"Sheet1": [HEADER, *ROWS]}))

    assert (report.exit_code, report.errors) == (0, [])
    assert report.files[0].export == "contacts"
    notice = "Read sheet 'Sheet1' (other and hidden sheets are not read)."
    # Row 4 holds the date as text, 07.03.2025: a dotted date is day first, and says so.
    dates = "Dates in contact_date read as day/month/year."
    assert [say(m, "en") for m in report.files[0].notices] == [notice, dates]
    assert _contacts(con) == STORED


def test_ods_typed_cells_are_stored_as_typed(con) -> None:
    report = _import(con, "export.ods", ods({"Tabelle1": [HEADER, *ROWS]}))

    assert (report.exit_code, report.errors) == (0, [])
    assert _contacts(con) == STORED


def test_errors_name_the_sheet_row_as_line(con) -> None:
    rows = [[], HEADER, ROWS[0], [], ["C04", "M01", "soon", 20, "phone", False]]
    report = _import(con, "contacts.xlsx", write_xlsx({"contacts": rows}))

    assert report.exit_code == 1
    assert [(e.line, e.column, e.value, e.code) for e in report.errors] == [
        (5, "contact_date", "soon", "not_a_date")
    ]
    assert report.files[0].rows_read == 2  # the blank sheet rows are not rows
    assert _contacts(con) == []


def test_the_sheet_named_like_an_export_wins_and_hidden_sheets_are_never_read(con) -> None:
    hidden_bad = [HEADER, ["C09", "M01", "never", 1, "phone", False]]
    notes = [["anything at all"]]
    workbook = write_xlsx(
        {"Notes": notes, "contacts (old)": hidden_bad, "Contacts": [HEADER, *ROWS]},
        hidden=["contacts (old)"],
    )
    report = _import(con, "book.xlsx", workbook)

    assert (report.exit_code, report.files[0].rows_read) == (0, 3)
    assert "'Contacts'" in say(report.files[0].notices[0], "en")


def test_a_sheet_named_like_an_export_settles_an_ambiguous_header(con) -> None:
    # supporter_id + "datum" fits checkins, proqol and supervision alike; a CSV needs its
    # file name to decide, a workbook's sheet name decides just as well (German title too).
    rows = [["supporter_id", "datum"], ["S01", date(2025, 4, 1)]]
    report = _import(con, "Export April.xlsx", write_xlsx({"Selbstreflexionen": rows}))
    assert (report.exit_code, report.files[0].export) == (0, "checkins")
    assert con.execute("SELECT supporter_id, checkin_date FROM checkins").fetchall() == [
        ("S01", date(2025, 4, 1))
    ]


def test_a_sheet_name_that_looks_like_a_phone_number_is_not_echoed(con) -> None:
    report = _import(con, "c.xlsx", write_xlsx({"Kim 01761234567": [HEADER, *ROWS]}))
    notices = {lang: [say(m, lang) for m in report.files[0].notices] for lang in ("en", "de")}
    assert notices["en"][0] == (
        "Read sheet '[hidden: looks like a name or contact]' "
        "(other and hidden sheets are not read)."
    )
    assert notices["de"][0].startswith("Blatt '[ausgeblendet: sieht wie ein Name")
    assert not any("01761234567" in notice for notice in notices["en"] + notices["de"])


def test_hidden_ods_sheet_is_skipped(con) -> None:
    workbook = ods({"contacts": [HEADER, ["C09", "M01", "never", 1, "x", 1]],
                    "Daten": [HEADER, *ROWS]}, hidden=["contacts"])  # fmt: skip
    report = _import(con, "book.ods", workbook)

    assert (report.exit_code, report.files[0].rows_read) == (0, 3)


def _refused(con, name: str, data: bytes) -> list[tuple[str, int]]:
    before = fingerprint(con)
    report = _import(con, name, data)
    assert (report.exit_code, report.committed) == (2, False)
    assert fingerprint(con) == before
    return [(e.code, e.line) for e in report.errors]


def _patch_declared_size(data: bytes, part: str, size: int) -> bytes:
    """Returns the zip with `part`'s uncompressed size in the central directory set to `size`."""
    record = data.index(b"PK\x01\x02")
    while data[record + 46 : record + 46 + len(part)] != part.encode():
        record = data.index(b"PK\x01\x02", record + 4)
    return data[: record + 24] + struct.pack("<I", size) + data[record + 28 :]


GOOD = write_xlsx({"contacts": [HEADER, *ROWS]})


def test_not_a_zip_with_an_xlsx_name_is_refused(con) -> None:
    text = ",".join(HEADER).encode() + b"\nC01,M01,2025-03-02,60,phone,false\n"
    assert _refused(con, "contacts.xlsx", text) == [("not_a_workbook", 0)]


def test_truncated_workbook_is_refused(con) -> None:
    assert _refused(con, "contacts.xlsx", GOOD[: len(GOOD) // 2]) == [("damaged_workbook", 0)]
    assert _refused(con, "contacts.ods", ods({"a": [HEADER]})[:-30]) == [("damaged_workbook", 0)]


def test_declared_expansion_beyond_the_limit_is_refused_before_inflating(con) -> None:
    bomb = _patch_declared_size(GOOD, "xl/worksheets/sheet1.xml", 600 * 1_048_576)
    assert _refused(con, "contacts.xlsx", bomb) == [("workbook_too_large", 0)]


def test_huge_shared_strings_table_is_refused(con) -> None:
    parts = {"[Content_Types].xml": "<Types/>", "xl/sharedStrings.xml": "<sst/>"}
    bomb = _patch_declared_size(zip_parts(parts), "xl/sharedStrings.xml", 101 * 1_048_576)
    assert _refused(con, "contacts.xlsx", bomb) == [("workbook_too_large", 0)]


def test_a_part_larger_than_declared_is_refused_while_inflating(con) -> None:
    rows = [HEADER] + [ROWS[0]] * 5_000
    liar = _patch_declared_size(write_xlsx({"contacts": rows}), "xl/worksheets/sheet1.xml", 2_000)
    assert _refused(con, "contacts.xlsx", liar) == [("damaged_workbook", 0)]


def test_too_many_parts_are_refused(con) -> None:
    parts = {f"x/{i}.xml": "" for i in range(1_001)}
    assert _refused(con, "contacts.xlsx", zip_parts(parts)) == [("workbook_too_large", 0)]


def test_formulas_are_refused(con) -> None:
    formula = '<c r="A5"><f>CONCAT("C0","4")</f><v>C04</v></c>'
    assert _refused(con, "c.xlsx", xlsx_with([HEADER, *ROWS], raw_cells=formula)) == [
        ("workbook_formula", 0)
    ]
    attrs = {(1, 3): ' table:formula="of:=[.D3]*2"'}
    assert _refused(con, "c.ods", ods({"contacts": [HEADER, *ROWS]}, cell_attrs=attrs)) == [
        ("workbook_formula", 0)
    ]


def test_merged_cells_are_refused(con) -> None:
    merged = '<mergeCells count="1"><mergeCell ref="B2:B3"/></mergeCells>'
    assert _refused(con, "c.xlsx", xlsx_with([HEADER, *ROWS], extra=merged)) == [
        ("workbook_merged", 0)
    ]
    spanned = {(1, 1): ' table:number-rows-spanned="2"'}
    book = ods({"contacts": [HEADER, *ROWS]}, cell_attrs=spanned, covered=[(2, 1)])
    assert _refused(con, "c.ods", book) == [("workbook_merged", 0)]


def test_a_workbook_with_only_hidden_sheets_is_refused(con) -> None:
    book = write_xlsx({"contacts": [HEADER, *ROWS]}, hidden=["contacts"])
    assert _refused(con, "c.xlsx", book) == [("no_visible_sheet", 0)]


def test_sheet_rows_count_against_the_line_limit(con) -> None:
    set_limit(con, "upload_max_rows", 2, scope=LOCAL)
    assert _refused(con, "c.xlsx", GOOD) == [("too_many_rows", 0)]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.integers(0, len(GOOD) - 1), st.integers(0, 255))
@example(position=GOOD.rindex(b"PK\x01\x02") + 6, byte=64)  # "needs zip version 6.4"
def test_a_damaged_byte_never_raises(con, position: int, byte: int) -> None:
    damaged = GOOD[:position] + bytes([byte]) + GOOD[position + 1 :]
    report = _import(con, "contacts.xlsx", damaged)
    assert report.exit_code in (0, 1, 2)
    if report.exit_code == 2:
        assert report.errors and all(
            e.text("en") and e.text("de") and e.text("fa") for e in report.errors
        )


SHEET_XML = sheet_xml([HEADER, *ROWS])


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.integers(0, len(SHEET_XML) - 1),
    st.integers(0, 40),
    st.sampled_from(["", "<", '"', "\x00", "<f>"]),
)
def test_malformed_sheet_xml_in_a_sound_zip_never_raises(con, at: int, cut: int, put: str) -> None:
    # The zip is intact (sizes and checksums right), so the XML reaches the reader damaged.
    damaged = SHEET_XML[:at] + put + SHEET_XML[at + cut :]
    book = zip_parts(dict(workbook_parts({"contacts": damaged})))
    report = _import(con, "contacts.xlsx", book)
    assert report.exit_code in (0, 1, 2)
    if report.exit_code == 2:
        assert report.errors and all(
            e.text("en") and e.text("de") and e.text("fa") for e in report.errors
        )


def test_folder_import_picks_up_workbooks_and_text_exports(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "supporters.tsv").write_text(
        (CANONICAL / "supporters.csv").read_text().replace(",", "\t")
    )
    (folder / "matches.txt").write_bytes((CANONICAL / "matches.csv").read_bytes())
    (folder / "contacts.xlsx").write_bytes(GOOD)
    (folder / "~$contacts.xlsx").write_bytes(b"lock file of an open workbook")
    (folder / "notes.docx").write_bytes(b"not an export")
    store = tmp_path / "store.duckdb"
    done = subprocess.run(
        [sys.executable, "-m", "dashboard", "import", "--db", str(store), "--program", "p1",
         str(folder)], capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert (done.returncode, done.stderr.count("Traceback")) == (0, 0)
    with db.connect(store) as connection:
        assert len(_contacts(connection)) == 3
