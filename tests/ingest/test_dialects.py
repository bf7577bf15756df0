"""Real exports: German Excel, KoboToolbox, odd encodings and layouts end up as the same data."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard import db
from dashboard.access import Scope
from dashboard.i18n import say
from dashboard.ingest import Upload, import_paths, import_uploads, validate_uploads
from dashboard.ingest.sniff import UnusableFile, decode, sniff

FILES = Path(__file__).parent / "files"
LOCAL = Scope.local_operator()
SUPPORTERS_HEADER = "supporter_id,joined_on,capacity_hours_month"


@pytest.fixture()
def con(tmp_path: Path):
    connection = db.connect(tmp_path / "store.duckdb")
    yield connection
    connection.close()


def _content(con, program: str) -> dict[str, list[tuple]]:
    return {
        table: con.execute(
            f"SELECT * EXCLUDE (program_id, import_id) FROM {table} "  # table: fixed list
            "WHERE program_id = ? ORDER BY ALL",
            [program],
        ).fetchall()
        for table in ("supporters", "matches", "contacts")
    }


@pytest.mark.parametrize("variant", ["german_excel", "kobo"])
def test_variant_gives_the_same_database_content_as_canonical(con, variant: str) -> None:
    assert import_paths(con, "canonical", [FILES / "canonical"], scope=LOCAL).exit_code == 0
    report = import_paths(con, variant, [FILES / variant], scope=LOCAL)
    assert (report.exit_code, report.errors) == (0, [])
    assert _content(con, variant) == _content(con, "canonical")
    assert sum(len(rows) for rows in _content(con, variant).values()) == 6


def test_german_excel_notices_name_encoding_delimiter_and_aliases(con) -> None:
    report = import_paths(con, "p", [FILES / "german_excel" / "supporters.csv"], scope=LOCAL)
    notices = [say(m, "en") for m in report.files[0].notices]
    assert "Read as windows-1252 and converted to UTF-8." in notices
    assert "Delimiter ';'." in notices
    assert any("Unterstützer_ID -> supporter_id" in n for n in notices)
    assert "Dropped 2 empty columns without a header." in notices
    assert report.files[0].rows_read == 2  # the two ';;;;' rows Excel left are not rows


def test_kobo_metadata_is_dropped_with_a_notice_and_never_stored(con) -> None:
    report = import_paths(con, "p", [FILES / "kobo" / "supporters.csv"], scope=LOCAL)
    notices = " ".join(say(m, "en") for m in report.files[0].notices)
    assert "_submission_time" in notices and "HXL" in notices
    assert "_submitted_by" not in notices  # identifying: a warning, dropped unread
    assert "_submitted_by" in " ".join(say(m, "en") for m in report.files[0].warnings)
    stored = con.execute("SELECT * FROM supporters").fetchall()
    assert not any("coordinator_a" in str(row) for row in stored)


def test_windows_1252_is_transcoded_including_characters_latin1_lacks() -> None:
    data, encoding = decode("Geb\u00fchr \u20ac \u201cquoted\u201d".encode("cp1252"))
    assert encoding == "windows-1252"
    assert data.decode("utf-8") == "Geb\u00fchr \u20ac \u201cquoted\u201d"


def test_utf16_with_bom_is_read() -> None:
    sniffed = sniff(f"{SUPPORTERS_HEADER}\nS1,2025-01-01,5\n".encode("utf-16"))
    assert (sniffed.encoding, sniffed.header[0]) == ("utf-16", "supporter_id")


@pytest.mark.parametrize(
    ("raw", "code"),
    [(b"", "empty_file"), (b" \r\n\r\n", "empty_file"), (b"PK\x03\x04\x00\x00", "binary"),
     (b"\x81\x8d\x8f\x90\x9d", "encoding")],
)  # fmt: skip
def test_unreadable_bytes_are_refused(raw: bytes, code: str) -> None:
    with pytest.raises(UnusableFile) as refused:
        sniff(raw)
    assert refused.value.code == code


def test_tab_delimiter_and_case_and_spaces_in_header(con) -> None:
    data = b" Supporter ID \tJOINED_ON\tCapacity Hours Month\nS1\t2025-01-01\t5,5\n"
    report = import_uploads(con, "p", [Upload("export.txt", data)], scope=LOCAL)
    assert report.exit_code == 0
    assert con.execute("SELECT capacity_hours_month FROM supporters").fetchall() == [(5.5,)]


def test_decimal_comma_only_when_the_delimiter_is_not_a_comma(con) -> None:
    data = f'{SUPPORTERS_HEADER}\nS1,2025-01-01,"5,5"\n'.encode()
    report = validate_uploads(con, "p", [Upload("supporters.csv", data)], scope=LOCAL)
    assert [(e.line, e.column, e.code) for e in report.errors] == [
        (2, "capacity_hours_month", "not_a_number")
    ]


def test_x_column_empty_means_false_but_only_in_x_columns(con) -> None:
    data = (
        "supporter_id;joined_on;capacity_hours_month;self_help_group_experience\n"
        "S1;2025-01-01;5;x\nS2;2025-01-01;5;\n"
    )
    import_uploads(con, "x", [Upload("supporters.csv", data.encode())], scope=LOCAL)
    mixed = data.replace(";x\n", ";ja\n", 1)
    import_uploads(con, "mixed", [Upload("supporters.csv", mixed.encode())], scope=LOCAL)
    rows = con.execute(
        "SELECT program_id, supporter_id, self_help_group_experience FROM supporters ORDER BY 1, 2"
    ).fetchall()
    assert rows == [("mixed", "S1", True), ("mixed", "S2", None), ("x", "S1", True),
                    ("x", "S2", False)]  # fmt: skip


def test_dates_in_every_accepted_form(con) -> None:
    dates = ["2025-03-01", "01.03.2025", "1.3.2025", "01/03/2025", "2025-03-01T09:30:00+01:00",
             "01.03.2025 09:30"]  # fmt: skip
    body = "".join(f"S{i},{d},5\n" for i, d in enumerate(dates))
    report = import_uploads(
        con, "p", [Upload("supporters.csv", f"{SUPPORTERS_HEADER}\n{body}".encode())], scope=LOCAL
    )
    assert report.exit_code == 0
    stored = con.execute("SELECT DISTINCT joined_on::VARCHAR FROM supporters").fetchall()
    assert stored == [("2025-03-01",)]


def test_lists_split_on_every_separator(con) -> None:
    header = "supporter_id;joined_on;capacity_hours_month;languages"
    body = "S1;2025-01-01;5;de|en\nS2;2025-01-01;5;de, en\nS3;2025-01-01;5;DE EN\n"
    report = import_uploads(
        con, "p", [Upload("supporters.csv", f"{header}\n{body}".encode())], scope=LOCAL
    )
    assert report.exit_code == 0
    langs = con.execute("SELECT DISTINCT languages FROM supporters").fetchall()
    assert langs == [(["de", "en"],)]


def test_line_numbers_survive_quoted_line_breaks_blank_lines_and_short_rows(con) -> None:
    """Lines as an editor shows them: the quoted break makes row 1 span lines 2-3."""
    data = (
        "supporter_id,joined_on,capacity_hours_month,languages\n"  # line 1
        'S1,2025-01-01,5,"de\nen"\n'  # lines 2-3: a list cell with a line break
        "\n"  # line 4: blank
        "S2,2025-01-01,500\n"  # line 5: short row, capacity out of range
        "S3,2025-01-01,5,de,extra\n"  # line 6: one cell too many
        "S4,2025-02-30,5,de\n"  # line 7: no such day
    )
    report = validate_uploads(con, "p", [Upload("supporters.csv", data.encode())], scope=LOCAL)
    assert [(e.line, e.column, e.code) for e in report.errors] == [
        (5, "capacity_hours_month", "out_of_range"),
        (6, "", "extra_cells"),
        (7, "joined_on", "not_a_date"),
    ]
    assert (report.files[0].rows_read, report.files[0].rows_valid) == (4, 1)


def test_hxl_row_is_skipped_and_counted_in_line_numbers(con) -> None:
    data = f"{SUPPORTERS_HEADER}\n#meta+id,#date,#indicator\nS1,2025-13-01,5\n"
    report = validate_uploads(con, "p", [Upload("supporters.csv", data.encode())], scope=LOCAL)
    assert [(e.line, e.column, e.code) for e in report.errors] == [(3, "joined_on", "not_a_date")]


def test_unknown_column_refuses_the_file_and_names_the_column(con) -> None:
    data = f"{SUPPORTERS_HEADER},Spitzname\nS1,2025-01-01,5,Kim\n".encode()
    report = import_uploads(con, "p", [Upload("supporters.csv", data)], scope=LOCAL)
    assert report.exit_code == 2 and not report.committed
    errors = [(e.line, e.column, e.code) for e in report.errors]
    assert errors == [(1, "Spitzname", "unknown_column")]
    assert "Kim" not in str(report.as_json())


def test_line_numbers_are_exact_beyond_the_first_row_groups(con, tmp_path: Path) -> None:
    """DuckDB reads big files in parallel and may store row groups out of order; the lines
    reported must still be the file's (regression: errors once pointed at wrong rows)."""
    assert import_paths(con, "p", [FILES / "canonical"], scope=LOCAL).exit_code == 0
    bad_rows = {5, 130_000, 240_000, 249_999}  # 0-based data rows; line = row + 2
    path = tmp_path / "contacts.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write("contact_id,match_id,contact_date,duration_min,channel,topics,language\n")
        for i in range(250_000):
            day = "2025-02-30" if i in bad_rows else "2025-02-03"
            out.write(f"K{i // 1000}-{i % 1000},M01,{day},30,phone,housing|health,de\n")
    report = validate_uploads(con, "p", [Upload.from_path(path)], scope=LOCAL)
    assert [(e.line, e.value) for e in report.errors] == [
        (row + 2, "2025-02-30") for row in sorted(bad_rows)
    ]


def test_german_numbers_group_thousands_with_dots(con) -> None:
    header = "supporter_id;joined_on;capacity_hours_month"
    body = "S1;2025-01-01;1.5\nS2;2025-01-01;12,5\nS3;2025-01-01;1.000,5\n"
    report = validate_uploads(
        con, "p", [Upload("supporters.csv", f"{header}\n{body}".encode())], scope=LOCAL
    )
    assert [(e.line, e.value, e.code) for e in report.errors] == [(4, "1.000,5", "out_of_range")]
