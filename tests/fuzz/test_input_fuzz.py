"""Hostile workbooks, mapping documents and setup codes (hypothesis), plus the findings the
campaign made, pinned: every one refused cleanly or applied completely, never an exception.

The CI importer fuzz (test_importer_fuzz.py) draws these kinds too, a few cases each; here
they get enough cases of their own. See fuzz_workbooks.py and fuzz_inputs.py.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import duckdb
import pytest
from fuzz_cases import Case, check_line, check_upload, make_store, seed_files
from fuzz_inputs import ATTEMPTS, JSON, STRONG, Attempt, check_setup_code, mapping_files
from fuzz_workbooks import WORKBOOK_KINDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard import db
from dashboard.auth import setup
from dashboard.auth.setup import SetupRefused, issue_code, redeem
from dashboard.cli import main
from dashboard.commands.import_cmd import parse_mapping

FEW = settings(max_examples=25, derandomize=True, deadline=None, database=None,
               suppress_health_check=list(HealthCheck))  # fmt: skip
MANY = settings(FEW, max_examples=150)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    con = make_store(tmp_path_factory.mktemp("fuzz_inputs") / "fuzz.duckdb")
    yield con
    con.close()


@FEW
@given(case=st.sampled_from([*WORKBOOK_KINDS, mapping_files()]).flatmap(lambda kind: kind))
def test_hostile_workbook_or_mapping_is_refused_cleanly(
    store: duckdb.DuckDBPyConnection, case: Case
) -> None:
    assert check_upload(store, case) is None


@MANY
@given(attempt=ATTEMPTS)
def test_a_setup_code_attempt_never_passes_and_never_raises(
    store: duckdb.DuckDBPyConnection, attempt: Attempt
) -> None:
    assert check_setup_code(store, attempt) is None


def test_a_look_alike_letter_is_not_the_setup_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # These ten bytes are "IIII-IIII-IIII-IIII" in base32; the dotless "ı" upper-cases to "I".
    monkeypatch.setattr(setup.secrets, "token_bytes", lambda n: bytes.fromhex("4210842108" * 2))
    con = db.connect(tmp_path / "store.duckdb")
    code = issue_code(con)
    assert code == "IIII-IIII-IIII-IIII"
    for attempt in (code.replace("I", "\u0131"), code[:-1] + "\u0131", code + "\ud800"):
        with pytest.raises(SetupRefused) as refused:
            redeem(con, attempt, "first-admin", password=STRONG)
        assert refused.value.reason == "wrong_code"
    # spaces, dashes and case are still forgiven, as the Setup page promises
    assert redeem(con, " iiii iiii-IIII iiii ", "first-admin", password=STRONG).username
    con.close()


@MANY
@given(document=JSON.map(lambda value: json.dumps(value).encode()) | st.binary(max_size=64))
def test_any_json_is_a_mapping_or_one_escaped_line(document: bytes) -> None:
    try:
        parse_mapping(document, "m.json")
    except ValueError as exc:
        assert check_line(str(exc)) is None


def test_a_mapping_with_many_problems_is_named_in_one_escaped_line() -> None:
    document = {"columns": {"a\n\x1b[2J": 1, **{f"h{i}": i for i in range(10_000)}}}
    with pytest.raises(ValueError) as refused:
        parse_mapping(json.dumps(document).encode(), "m.json")
    assert str(refused.value) == (
        "--mapping m.json: columns.a\\n\\x1b[2J: Input should be a valid string; "
        "columns.h0: Input should be a valid string; columns.h1: Input should be a valid "
        "string; and 9998 more"
    )


@pytest.mark.parametrize("kind", ["device", "folder", "too_large", "nested"])
def test_cli_refuses_a_hostile_mapping_file_in_one_line(kind: str, tmp_path: Path) -> None:
    upload = tmp_path / "supporters.csv"
    upload.write_bytes(seed_files()["supporters.csv"])
    mapping = {"device": Path("/dev/zero"), "folder": tmp_path}.get(kind, tmp_path / "m.json")
    if kind == "too_large":
        mapping.write_text(json.dumps({"columns": {f"h{i}": None for i in range(100_000)}}))
    elif kind == "nested":
        mapping.write_text('{"columns": ' + "[" * 100_000 + "]" * 100_000 + "}")
    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(out):
        code = main(["import", "--db", str(tmp_path / "s.duckdb"), "--program", "p1",
                     "--mapping", str(mapping), str(upload)])  # fmt: skip
    text = out.getvalue()
    assert code == 2 and text.count("\n") == 1 and check_line(text) is None, text
    assert str(mapping) in text
