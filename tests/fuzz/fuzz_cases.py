"""Hostile uploads for the importer, and the checks every one of them must pass.

Shared by the CI test (tests/fuzz/test_importer_fuzz.py, a few hundred cases) and the long
run (`python tests/fuzz/run_fuzz.py --cases 10000`). A case is malformed by construction
(`must_fail`: exit 1 or 2 is required) or a random mutation of a valid file (then exit 0 is
allowed, but only together with a commit). For every case: no exception escapes, each error
has an English and a German message of sane length that never echoes a whole row, and a
refused upload leaves the database identical (fingerprint of every table).
"""

from __future__ import annotations

import csv
import io
import tempfile
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import duckdb
from hypothesis import strategies as st

from dashboard import db
from dashboard.access import Scope
from dashboard.fingerprint import fingerprint
from dashboard.ingest import ImportReport, Upload, errors_csv, import_paths, import_uploads
from dashboard.privacy import FORMULA_TRIGGERS
from dashboard.sample import generate

PROGRAM = "fuzz"
OPERATOR = Scope.local_operator()
MAX_MESSAGE = 2_000  # characters; a message longer than this is echoing data
MAX_VALUE = 200  # characters of a cell value an error may show


@dataclass(frozen=True)
class Case:
    """One upload: what kind of damage, the file name, its bytes, whether it must be refused."""

    kind: str
    name: str
    data: bytes
    must_fail: bool

    def __repr__(self) -> str:  # hypothesis prints this for a failing example
        return f"Case({self.kind!r}, {self.name!r}, {self.data[:300]!r}..., {self.must_fail})"


@cache
def valid_files() -> dict[str, bytes]:
    """Returns small valid exports (header + a few rows) of a generated program, by file name."""
    folder = Path(tempfile.mkdtemp(prefix="fuzz-seed-"))
    generate(folder, 4, 3)
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.csv"))}


def make_store(path: Path) -> duckdb.DuckDBPyConnection:
    """Returns a store holding one valid import of the seed program (so there is data to lose)."""
    con = db.connect(path)
    folder = Path(tempfile.mkdtemp(prefix="fuzz-base-"))
    for name, data in valid_files().items():
        (folder / name).write_bytes(data)
    report = import_paths(con, PROGRAM, [folder], scope=OPERATOR, imported_by="fuzz")
    assert report.committed, report.as_json()["errors"][:3]
    return con


def temp_tables(con: duckdb.DuckDBPyConnection) -> int:
    row = con.execute("SELECT count(*) FROM duckdb_tables() WHERE temporary").fetchone()
    return int(row[0]) if row else 0


def check_case(con: duckdb.DuckDBPyConnection, case: Case) -> str | None:
    """Returns None when the importer handled `case` properly, else what went wrong."""
    before, temps = fingerprint(con), temp_tables(con)
    try:
        report = import_uploads(
            con, PROGRAM, [Upload(case.name, case.data)], scope=OPERATOR, imported_by="fuzz"
        )
    except Exception as exc:  # noqa: BLE001 - any escaping exception is the finding
        return f"{type(exc).__name__} escaped: {str(exc)[:300]}"
    if temp_tables(con) != temps:
        return "temporary tables left behind"
    code = report.exit_code
    if code == 0:
        if case.must_fail:
            return "exit 0 for a malformed file"
        return None if report.committed else "exit 0 without a commit"
    if report.committed:
        return f"exit {code} but committed"
    if fingerprint(con) != before:
        return f"exit {code} but the database changed"
    return _check_messages(report.errors) or _check_errors_csv(report)


def _check_messages(errors: list) -> str | None:
    if not errors:
        return "refused without any message"
    for e in errors:
        texts = {lang: e.text(lang) for lang in ("en", "de", "fa")}
        if not all(text.strip() for text in texts.values()):
            return f"empty message for {e.code}"
        if "Traceback" in texts["en"] or len(texts["en"]) > MAX_MESSAGE:
            return f"unclear message for {e.code}: {texts['en'][:200]!r}"
        if len(e.value) > MAX_VALUE:
            return f"error {e.code} echoes a {len(e.value)}-character value"
    return None


def _check_errors_csv(report: ImportReport) -> str | None:
    """The error CSV a coordinator downloads must not carry a live formula (CSV injection)."""
    for lang in ("en", "de"):
        for row in csv.reader(io.StringIO(errors_csv(report, lang))):
            for cell in row:
                if cell.lstrip(" \n\u00a0").startswith(FORMULA_TRIGGERS):
                    return f"errors_csv holds a formula-looking cell: {cell[:40]!r}"
    return None


# ------------------------------------------------------------------------------ strategies

_NAMES = st.sampled_from(["supporters.csv", "matches.csv", "contacts.csv", "checkins.csv",
                          "export.csv", "data.CSV", "Unterstützende.csv"])  # fmt: skip


@cache
def seed_files() -> dict[str, bytes]:
    """Returns header + up to 6 rows of each valid export that has at least 2 rows."""
    seeds = {}
    for name, data in valid_files().items():
        lines = [line for line in data.split(b"\n") if line.strip()]
        if len(lines) >= 3:
            seeds[name] = b"\n".join(lines[:7]) + b"\n"
    return seeds


def _seed() -> st.SearchStrategy[tuple[str, bytes]]:
    return st.sampled_from(sorted(seed_files().items()))


@st.composite
def empty_like(draw: st.DrawFn) -> Case:
    data = draw(st.sampled_from([b"", b"\xef\xbb\xbf", b"\n", b"\r\n\r\n", b" ", b"\x00",
                                 b",,,\n,,,\n", b"\xff\xfe", b";;\n"]))  # fmt: skip
    return Case("empty", draw(_NAMES), data, True)


@st.composite
def binary(draw: st.DrawFn) -> Case:
    data = draw(st.binary(min_size=1, max_size=4096))
    return Case("binary", draw(_NAMES), b"\x00" + data, True)


@st.composite
def zip_renamed(draw: st.DrawFn) -> Case:
    name, data = draw(_seed())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, data)
    return Case("zip", name, buffer.getvalue(), True)


@st.composite
def nul_bytes(draw: st.DrawFn) -> Case:
    name, data = draw(_seed())
    at = draw(st.integers(0, len(data)))
    return Case("nul", name, data[:at] + b"\x00" * draw(st.integers(1, 4)) + data[at:], True)


@st.composite
def wrong_encoding(draw: st.DrawFn) -> Case:
    name, data = draw(_seed())
    text = data.decode("utf-8")
    codec = draw(st.sampled_from(["utf-16-le", "utf-16-be", "utf-32", "cp500", "utf-7"]))
    return Case("encoding", name, text.encode(codec), False)


@st.composite
def ragged(draw: st.DrawFn) -> Case:
    name, data = draw(_seed())
    lines = data.decode().splitlines()
    row = draw(st.integers(1, len(lines) - 1))
    extra = draw(st.integers(1, 50))
    lines[row] = lines[row] + ",x" * extra
    return Case("ragged", name, "\n".join(lines).encode(), True)


@st.composite
def huge_field(draw: st.DrawFn) -> Case:
    name, data = draw(_seed())
    lines = data.decode().splitlines()
    size = draw(st.sampled_from([10_000, 100_000, 1_000_000, 3_000_000]))
    cells = lines[1].split(",")
    cells[0] = draw(st.sampled_from(["A", "=", '"', "é", "\x00"])) * size
    lines[1] = ",".join(cells)
    return Case("huge_field", name, "\n".join(lines).encode(), True)


@st.composite
def stray_quotes(draw: st.DrawFn) -> Case:
    name, data = draw(_seed())
    lines = data.decode().splitlines()
    row = draw(st.integers(1, len(lines) - 1))
    cells = lines[row].split(",")
    first = cells[0]  # an id column: a code of 2..32 characters in every seed file
    cut = draw(st.integers(1, max(len(first) - 1, 1)))
    cells[0] = first[:cut] + draw(st.sampled_from(['"', '""', "'\"", '"\n"'])) + first[cut:]
    lines[row] = ",".join(cells)
    return Case("quotes", name, "\n".join(lines).encode(), True)


@st.composite
def wide(draw: st.DrawFn) -> Case:
    name, data = draw(_seed())
    columns = draw(st.sampled_from([300, 2_000, 10_000]))
    header = ",".join(f"c{i}" for i in range(columns))
    row = ",".join("1" for _ in range(columns))
    return Case("wide", name, f"{header}\n{row}\n{row}\n".encode(), True)


@st.composite
def mutated(draw: st.DrawFn) -> Case:
    name, data = draw(_seed())
    buffer = bytearray(data)
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, max(len(buffer) - 1, 0)))
        byte = draw(st.integers(0, 255))
        action = draw(st.sampled_from(["flip", "insert", "delete"]))
        if action == "flip" and buffer:
            buffer[at] = byte
        elif action == "insert":
            buffer.insert(at, byte)
        elif buffer:
            del buffer[at]
    return Case("mutated", name, bytes(buffer), False)


FORMULAS = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", '=HYPERLINK("http://x")', "\t=1", "\r=1"]


@st.composite
def formula_cells(draw: st.DrawFn) -> Case:
    name, data = draw(_seed())
    lines = data.decode().splitlines()
    row = draw(st.integers(1, len(lines) - 1))
    cells = lines[row].split(",")
    cells[0] = draw(st.sampled_from(FORMULAS)).replace("\r", "")  # the key column: must fail
    other = draw(st.integers(0, len(cells) - 1))
    cells[other] = cells[other] or draw(st.sampled_from(FORMULAS)).strip()
    lines[row] = ",".join(f'"{c}"' if "," in c or '"' in c else c for c in cells)
    return Case("formula", name, "\n".join(lines).encode(), True)


@st.composite
def hostile_header(draw: st.DrawFn) -> Case:
    name, data = draw(_seed())
    lines = data.decode().splitlines()
    cells = lines[0].split(",")
    at = draw(st.integers(0, len(cells) - 1))
    cells[at] = draw(st.sampled_from([*FORMULAS, "x" * 1_000_000, "Kim Meyer", "kim@example.org",
                                      "name", "email", "notes", "\u202egnp.exe"]))  # fmt: skip
    lines[0] = ",".join(f'"{c}"' if "," in c or '"' in c else c for c in cells)
    # "name" and "email" are form tools' identifying columns, now dropped unread: the rest
    # of the file may then be valid (an optional column was replaced), so it may commit.
    dropped_unread = cells[at] in ("name", "email")
    return Case("header", name, "\n".join(lines).encode(), not dropped_unread)


@st.composite
def odd_text(draw: st.DrawFn) -> Case:
    """Line endings, BOMs mid-file and RTL/emoji noise: may still be valid, must not break."""
    name, data = draw(_seed())
    text = data.decode()
    ending = draw(st.sampled_from(["\r", "\r\n", "\n\n", "\u2028"]))
    text = text.replace("\n", ending)
    noise = draw(st.sampled_from(["\ufeff", "\u200f", "\U0001f600", "\u0641\u0627", "\xa0"]))
    at = draw(st.integers(0, len(text)))
    return Case("odd_text", name, (text[:at] + noise + text[at:]).encode(), False)


@st.composite
def trailing_columns(draw: st.DrawFn) -> Case:
    """Excel's used range: empty columns after the last header, thousands of them; a value
    under one of them (or under an empty header inside) must refuse the file."""
    name, data = draw(_seed())
    lines = data.decode().splitlines()
    tail = "," * draw(st.sampled_from([1, 40, 4_000, 20_000]))
    filled = draw(st.booleans())
    lines = [line + tail for line in lines]
    if filled:
        row = draw(st.integers(1, len(lines) - 1))
        lines[row] += draw(st.sampled_from(["x", "Kim Meyer", "=1+1"]))
    inner = draw(st.sampled_from([0, 0, 3, 450]))
    if inner:
        lines = [line.replace(",", "," * (inner + 1), 1) for line in lines]
    return Case("trailing_cols", name, ("\n".join(lines) + "\n").encode(), filled)


CONTROLS = ["\x1b[2J", "\x1b]0;owned\x07", "\x1b]8;;http://x\x1b\\", "\x9b31m", "\u202e", "\x08"]


@st.composite
def control_chars(draw: st.DrawFn) -> Case:
    """Terminal escape sequences in a header cell, a value or the file name: the CLI output
    must show them escaped (run_fuzz checks the CLI text), the import must refuse them."""
    name, data = draw(_seed())
    lines = data.decode().splitlines()
    escape = draw(st.sampled_from(CONTROLS))
    row = draw(st.integers(0, len(lines) - 1))
    cells = lines[row].split(",")
    cells[0] = cells[0][:2] + escape + cells[0][2:]
    lines[row] = ",".join(cells)
    in_name = escape.replace("/", "")  # a file name cannot hold a slash
    named = draw(st.sampled_from([name, name.replace(".csv", in_name + ".csv")]))
    return Case("controls", named, ("\n".join(lines) + "\n").encode(), True)


KINDS = [empty_like(), binary(), zip_renamed(), nul_bytes(), wrong_encoding(), ragged(),
         huge_field(), stray_quotes(), wide(), mutated(), formula_cells(), hostile_header(),
         odd_text(), trailing_columns(), control_chars()]  # fmt: skip
# Choosing the kind first gives every kind the same share of the cases.
CASES = st.sampled_from(KINDS).flatmap(lambda kind: kind)
