"""The importer: CSV exports in, contract checked in DuckDB, written atomically or not at all.

    report = import_paths(con, "my-program", ["exports/"], scope=Scope.local_operator())
    report.exit_code   # 0 committed, 1 rows rejected, 2 unusable input

Stages (pipeline.py runs them): uploads.py (bytes in) → limits.py (size, lines) →
sniff.py (encoding, delimiter, HXL row) → headers.py (which export, which column) →
source.py (what DuckDB reads) → stage.py + flags.py (one typed pass, a `_bad` flag per
row) → keys.py (duplicate keys, references) → checks.py + rules.py (error details, only
for flagged rows) → commit.py (one transaction) ; describe.py records refusals and notices,
messages.py maps their codes to catalog ids (texts in dashboard/i18n/locale, rendered where
shown), manage.py lists/removes imports.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence

import duckdb

from dashboard.programs import require_active

from ..access import Scope
from . import pipeline
from .limits import upload_limits
from .manage import errors_csv, list_imports, quarantine_csv, remove_import
from .mapping import Mapping
from .report import FileReport, ImportReport, RowError
from .saved_mappings import SavedMapping, list_mappings, remove_mapping, save_mapping
from .uploads import InputError, Upload, expand_paths

__all__ = [
    "FileReport",
    "ImportReport",
    "InputError",
    "Mapping",
    "RowError",
    "SavedMapping",
    "Upload",
    "errors_csv",
    "expand_paths",
    "import_paths",
    "import_uploads",
    "list_imports",
    "list_mappings",
    "quarantine_csv",
    "remove_import",
    "remove_mapping",
    "save_mapping",
    "validate_uploads",
]


def validate_uploads(
    con: duckdb.DuckDBPyConnection,
    program_id: str,
    uploads: Sequence[Upload],
    *,
    scope: Scope,
    mappings: Sequence[Mapping] = (),
) -> ImportReport:
    """Returns what importing `uploads` would do, without writing anything (a dry run)."""
    scope.require(program_id)
    return pipeline.run(con, program_id, uploads, write=False, mappings=mappings)


def import_uploads(
    con: duckdb.DuckDBPyConnection,
    program_id: str,
    uploads: Sequence[Upload],
    *,
    accept_valid: bool = False,
    imported_by: str | None = None,
    is_demo: bool = False,
    scope: Scope,
    mappings: Sequence[Mapping] = (),
) -> ImportReport:
    """Returns the report of importing `uploads` into `program_id` in one transaction.

    With any error nothing is written, unless `accept_valid`: then the valid rows commit and
    the rejected ones go to the quarantine table. Unusable files never commit anything.
    The import is recorded and audited as `imported_by`, by default the scope's user.
    """
    scope.require(program_id, write=True)
    require_active(con, program_id)
    return pipeline.run(
        con, program_id, uploads, write=True, accept_valid=accept_valid,
        imported_by=imported_by or scope.user, is_demo=is_demo, mappings=mappings,
    )  # fmt: skip


def import_paths(
    con: duckdb.DuckDBPyConnection,
    program_id: str,
    paths: Iterable[str | os.PathLike[str]],
    *,
    accept_valid: bool = False,
    imported_by: str | None = None,
    is_demo: bool = False,
    scope: Scope,
    mappings: Sequence[Mapping] = (),
) -> ImportReport:
    """Returns the report of importing files (a folder stands for its *.csv files)."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    most = upload_limits(con).upload_max_file_mb * 1_048_576  # checked before reading
    uploads = [Upload.from_path(p, max_bytes=most) for p in expand_paths(paths)]
    return import_uploads(
        con, program_id, uploads, accept_valid=accept_valid, imported_by=imported_by,
        is_demo=is_demo, scope=scope, mappings=mappings,
    )  # fmt: skip
