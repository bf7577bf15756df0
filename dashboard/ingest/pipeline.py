"""One upload from bytes to report: sniff → map headers → stage → check → (commit).

Runs on a private cursor; every intermediate table is TEMP (connection-local, never in the
store file) and dropped at the end, and transcoded or rewritten copies of an upload live in
memory (scratch.py), never as plaintext files on disk.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from functools import partial

import duckdb

from schemas import LOAD_ORDER

from . import dates, messages, scratch
from .checks import collect_cell_errors, create_errors_table
from .commit import ConcurrentImport, commit
from .describe import add_notices, concurrent, header_problems, refuse
from .headers import recognise
from .keys import check_keys
from .limits import UploadLimits, check_batch, check_columns, check_upload, upload_limits
from .mapping import Mapping, header_key, merged
from .report import FileReport, ImportReport, RowError
from .rules import ident
from .saved_mappings import SavedMapping, saved
from .scratch import Scratch
from .sniff import UnusableFile, sniff
from .spreadsheet import Sheet, read_sheet, sheet_notice, stage_sheet
from .stage import StagedFile, position, stage
from .uploads import Upload

MAX_LISTED_ERRORS = 100_000  # the report lists this many; counts and quarantine hold all
PROGRAM_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


def run(
    con: duckdb.DuckDBPyConnection,
    program_id: str,
    uploads: Sequence[Upload],
    *,
    write: bool,
    accept_valid: bool = False,
    imported_by: str | None = None,
    is_demo: bool = False,
    mappings: Sequence[Mapping] = (),
) -> ImportReport:
    """Returns the report of checking `uploads`; with `write`, commits per the rules above.

    `mappings` apply to the files whose header holds every header they name; a file none of
    them applies to gets the program's mapping saved for its header, if there is one.

    When another import into the program commits first, everything is checked again against
    what it wrote and committed once more; a second conflict reports `concurrent_import`.
    """
    if not PROGRAM_ID.fullmatch(program_id):
        raise ValueError("program id must be 1-64 letters, digits, '_' or '-'")
    if not uploads:
        raise ValueError("no files to import")
    if write and not imported_by:
        raise ValueError("an import needs the user it is attributed to")
    limits = upload_limits(con)
    check_batch(con, uploads, limits)
    attempt = partial(
        _attempt, con, program_id, uploads, limits, write=write, accept_valid=accept_valid,
        imported_by=imported_by or "", is_demo=is_demo, mappings=mappings,
    )  # fmt: skip
    report, conflicted = attempt()
    if conflicted:
        report, conflicted = attempt()
    if conflicted:
        concurrent(report)
    return report


def _attempt(
    con: duckdb.DuckDBPyConnection,
    program_id: str,
    uploads: Sequence[Upload],
    limits: UploadLimits,
    *,
    write: bool,
    accept_valid: bool,
    imported_by: str,
    is_demo: bool,
    mappings: Sequence[Mapping],
) -> tuple[ImportReport, bool]:
    """Returns the report of one check (and commit) and whether the commit hit a conflict."""
    started = datetime.now()
    conflicted = False
    report = ImportReport(program_id, False, [], [], accept_valid=accept_valid)
    cur = private_cursor(con)
    prefix = f"_ingest_{uuid.uuid4().hex[:10]}"
    try:
        with (
            scratch.space() as folder,
            ThreadPoolExecutor(max_workers=1) as hasher,  # hashing overlaps the DuckDB work
        ):
            digests = [hasher.submit(_digest, u) for u in uploads]
            known = Mappings(mappings, {m.header_key: m for m in saved(cur, program_id)})
            files = _stage_all(cur, uploads, report, prefix, folder, limits, known)
            quarantined = _check_all(cur, files, report, f"{prefix}_errors", program_id)
            for file_report, digest in zip(report.files, digests, strict=True):
                file_report.sha256 = digest.result()
            if write and not report.unusable and (accept_valid or not report.errors):
                report.import_id = commit(
                    cur, files, program_id, quarantined=quarantined, errors=f"{prefix}_errors",
                    imported_by=imported_by, is_demo=is_demo, started_at=started,
                )  # fmt: skip
                report.committed = True
    except ConcurrentImport:
        conflicted = True
    except duckdb.OutOfMemoryException:  # the upload needs more memory than the machine has;
        # the transaction was rolled back: refuse the upload rather than fail the page/command
        name = report.files[-1].file if report.files else ""
        report.errors.clear()
        refuse(report, name, UnusableFile("out_of_memory"))
    finally:
        _drop_temp(cur, prefix)
        cur.close()
    return report, conflicted


def _digest(upload: Upload) -> str:
    return upload.sha256


def private_cursor(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """Returns a new cursor on `con`'s database, using the same default catalog."""
    row = con.execute("SELECT current_database()").fetchone()
    cur = con.cursor()
    if row:
        cur.execute(f"USE {ident(row[0])}")
    return cur


def _stage_all(
    cur: duckdb.DuckDBPyConnection,
    uploads: Sequence[Upload],
    report: ImportReport,
    prefix: str,
    folder: Scratch,
    limits: UploadLimits,
    known: Mappings,
) -> list[StagedFile]:
    files: list[StagedFile] = []
    for index, upload in enumerate(uploads):
        file_report = FileReport(file=upload.name, export=None)
        report.files.append(file_report)
        try:
            check_upload(cur, upload, limits)  # size and line limits before any parsing
            sheet = read_sheet(upload.data, limits) if upload.is_workbook else None
            staged = _prepare(index, upload, file_report, f"{prefix}_{index}", known, sheet)
            if sheet is None:
                stage(cur, staged, folder)
            else:
                stage_sheet(cur, staged, sheet)
        except UnusableFile as problem:
            refuse(report, upload.name, problem)
            continue
        files.append(staged)
    return files


@dataclass(frozen=True)
class Mappings:
    """The mappings an import was given, and the program's saved ones by header key."""

    given: Sequence[Mapping]
    saved: dict[str, SavedMapping]

    def for_header(self, header: list[str]) -> tuple[Mapping | None, SavedMapping | None]:
        """Returns the mapping to apply to `header` and the saved one it came from, if so."""
        mapping = merged(self.given, header)
        if mapping is not None:
            return mapping, None
        kept = self.saved.get(header_key(header))
        return (kept.mapping, kept) if kept else (None, None)


def _prepare(
    index: int,
    upload: Upload,
    file_report: FileReport,
    table: str,
    known: Mappings,
    sheet: Sheet | None,
) -> StagedFile:
    sniffed = sniff(upload.data) if sheet is None else sheet.sniffed
    check_columns(sniffed.header)  # before header matching and staging: both scale with it
    name = upload.name if sheet is None else sheet.file_hint(upload.name)
    mapping, kept = known.for_header(sniffed.header)
    match, rivals = recognise(sniffed.header, name, mapping)
    header_problems(match, rivals)
    file_report.export = match.export
    staged = StagedFile(index, upload, sniffed, match, file_report, table)
    dates.start(staged)
    if kept is not None:
        file_report.notices.append(messages.notice_msg("saved_mapping", kept.saved_at.date()))
    add_notices(staged)
    if sheet is not None:
        sheet_notice(staged.report, sheet.shown_name)
    return staged


def _check_all(
    cur: duckdb.DuckDBPyConnection,
    files: list[StagedFile],
    report: ImportReport,
    errors: str,
    program_id: str,
) -> dict[int, str]:
    """Runs the cross-row checks and the error details; returns file index -> flagged rows.

    A clean upload needs no line numbers, so the first pass runs on the fast, unordered
    staging tables. Only when something is wrong are the files read again in order and
    every check repeated, now able to say where.
    """
    create_errors_table(cur, errors)
    _check_keys_all(cur, files, errors, program_id)
    if _dirty(cur, files, errors):
        cur.execute(f"DELETE FROM {errors}")
        for staged in files:
            position(cur, staged)
        _check_keys_all(cur, files, errors, program_id)
    flagged: dict[int, str] = {}
    for staged in files:
        row = cur.execute(f"SELECT count(*) FILTER (_bad) FROM {staged.table}").fetchone()
        staged.bad_rows = int(row[0]) if row else 0
        staged.report.rows_rejected = staged.bad_rows
        staged.report.rows_valid = staged.report.rows_read - staged.bad_rows
        if staged.bad_rows:
            flagged[staged.index] = collect_cell_errors(cur, staged, errors)
        if not staged.report.rows_read:
            staged.report.notices.append(messages.notice_msg("no_rows"))
    _fetch_errors(cur, files, report, errors)
    return flagged


def _check_keys_all(
    cur: duckdb.DuckDBPyConnection, files: list[StagedFile], errors: str, program_id: str
) -> None:
    for name in LOAD_ORDER:
        mine = [f for f in files if f.export.name == name]
        check_keys(cur, mine, files, errors, program_id)


def _dirty(cur: duckdb.DuckDBPyConnection, files: list[StagedFile], errors: str) -> bool:
    found = cur.execute(f"SELECT count(*) FROM {errors}").fetchone()
    if found and found[0]:
        return True
    return any(f.bad_rows for f in files)


def _fetch_errors(
    cur: duckdb.DuckDBPyConnection, files: list[StagedFile], report: ImportReport, errors: str
) -> None:
    names = {f.index: f.upload.name for f in files}
    rows = cur.execute(
        f'SELECT file_idx, line, "column", value, code, detail, at_line FROM {errors} '
        "ORDER BY file_idx, line, colpos, code, value LIMIT ?",
        [MAX_LISTED_ERRORS + 1],
    ).fetchall()
    total_row = cur.execute(f"SELECT count(*) FROM {errors}").fetchone()
    total = int(total_row[0]) if total_row else 0
    for f, line, column, value, code, detail, at_line in rows[:MAX_LISTED_ERRORS]:
        shown = messages.where(detail or "", at_line)
        report.errors.append(RowError(names[f], int(line), column, value, code, shown))
    if total > MAX_LISTED_ERRORS and report.files:
        omitted = messages.notice_msg("errors_omitted", n=total - MAX_LISTED_ERRORS)
        report.files[0].notices.append(omitted)


def _drop_temp(cur: duckdb.DuckDBPyConnection, prefix: str) -> None:
    tables = cur.execute(
        "SELECT table_name FROM duckdb_tables() WHERE temporary AND starts_with(table_name, ?)",
        [prefix],
    ).fetchall()
    for (name,) in tables:
        cur.execute(f"DROP TABLE IF EXISTS temp.main.{ident(name)}")
