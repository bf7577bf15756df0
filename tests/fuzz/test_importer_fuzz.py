"""Hostile uploads (hypothesis): every one refused cleanly, nothing in the store changes.

CI runs FUZZ_CI_CASES generated cases with a fixed seed (derandomize) plus the named kinds
below through the real CLI; `python tests/fuzz/run_fuzz.py --cases 10000` runs the long
campaign with fresh randomness. See fuzz_cases.py for what each case must satisfy.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import duckdb
import pytest
from fuzz_cases import PROGRAM, Case, make_store, seed_files
from fuzz_kinds import CASES, check_case
from hypothesis import HealthCheck, given, settings

from dashboard import db
from dashboard.cli import main
from dashboard.fingerprint import fingerprint

FUZZ_CI_CASES = 200


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    con = make_store(tmp_path_factory.mktemp("fuzz") / "fuzz.duckdb")
    yield con
    con.close()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fuzz_cli") / "template.duckdb"
    make_store(path).close()
    return path


@settings(
    max_examples=FUZZ_CI_CASES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
@given(case=CASES)
def test_hostile_upload_is_refused_cleanly(store: duckdb.DuckDBPyConnection, case: Case) -> None:
    assert check_case(store, case) is None


def _zip(data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("supporters.csv", data)
    return buffer.getvalue()


SUPPORTERS = seed_files()["supporters.csv"]
NAMED = {
    "empty": (b"", 2),
    "only_bom": (b"\xef\xbb\xbf", 2),
    "binary": (bytes(range(256)) * 4, 2),
    "zip_renamed": (_zip(SUPPORTERS), 2),
    "nul_byte": (SUPPORTERS[:40] + b"\x00" + SUPPORTERS[40:], 2),
    "ten_thousand_columns": (
        (",".join(f"c{i}" for i in range(10_000)) + "\n" + ",".join("1" * 10_000) + "\n").encode(),
        2,
    ),
    "ragged_row": (SUPPORTERS.replace(b"\n", b",x,y\n", 2).replace(b",x,y\n", b"\n", 1), 1),
    "huge_field": (SUPPORTERS.replace(b"P0-00001", b"A" * 3_000_000, 1), None),
    "utf16_without_bom": (SUPPORTERS.decode().encode("utf-16-le"), None),
}


@pytest.mark.parametrize("kind", sorted(NAMED))
def test_cli_refuses_hostile_files_with_a_message_and_no_traceback(
    kind: str, tmp_path: Path, template: Path
) -> None:
    data, expected_code = NAMED[kind]
    path = tmp_path / "cli.duckdb"
    shutil.copy(template, path)
    con = db.connect(path)
    before = fingerprint(con)
    con.close()
    upload = tmp_path / "supporters.csv"
    upload.write_bytes(data)
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["import", "--db", str(path), "--program", PROGRAM, str(upload)])
    text = out.getvalue() + err.getvalue()
    assert code in (1, 2) if expected_code is None else code == expected_code, text
    assert "Nothing committed" in text and "Traceback" not in text
    assert len(text) < 5_000, "the summary must not echo the file"
    con = db.connect(path)
    assert fingerprint(con) == before
    con.close()
