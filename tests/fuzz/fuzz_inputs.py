"""Hostile inputs besides the files: `--mapping` documents and first-run setup codes.

A mapping case is a valid seed upload given together with a mapping document (invalid JSON,
huge, deeply nested, wrong types, unknown keys, hostile headers mapped onto contract columns,
odd value codes and date orders): the mapping is refused with one escaped line, or applied and
the upload judged as usual (fuzz_cases.check_upload). A setup-code case is an attempt made from
the store's real code (a near miss) or from nothing (random, very long, control characters):
it must be refused as a wrong code, never pass and never raise (check_setup_code).
"""

from __future__ import annotations

import hmac
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import count
from types import SimpleNamespace
from unittest import mock

import duckdb
from fuzz_cases import CONTROLS, Case, seed_files
from hypothesis import strategies as st

from dashboard.auth import setup
from dashboard.auth.setup import SetupRefused, issue_code, needs_setup, redeem

# ------------------------------------------------------------------------------ mappings

HOSTILE_HEADERS = ["Name", "E-Mail", "Notes", "Kim Meyer", "=1+1", "\u202egnp.exe", *CONTROLS]
ODD_CODES = ["PHONE", "", "phone\x00", "ja", "tru\u0435", "x" * 5_000, "\x1b[2J", "null"]
DATE_ORDERS = ["dmy", "mdy", "ymd", "DMY", "", "d/m/y", None, 1, ["dmy"]]
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),  # fmt: skip
    max_leaves=12,
)


def _seed_upload(draw: st.DrawFn) -> tuple[str, list[str]]:
    name, data = draw(st.sampled_from(sorted(seed_files().items())))
    return name, data.decode().splitlines()


def _document(draw: st.DrawFn, header: list[str]) -> tuple[bytes, list[str]]:
    """Draws a mapping document (and the header the file then has)."""
    shape = draw(st.sampled_from(["broken", "huge", "nested", "types", "unknown", "identifying",
                                  "values", "date_order"]))  # fmt: skip
    if shape == "broken":
        valid = json.dumps({"columns": {header[0]: header[0]}}).encode()
        return draw(st.binary(max_size=200) | st.just(valid[: len(valid) // 2])), header
    if shape == "huge":
        return json.dumps({"columns": {f"h{i}": None for i in range(60_000)}}).encode(), header
    if shape == "nested":
        depth = draw(st.sampled_from([200, 10_000, 200_000]))
        return b'{"columns":' + b"[" * depth + b"]" * depth + b"}", header
    field = draw(st.sampled_from(["export", "columns", "values", "date_order", "colums", "x"]))
    if shape in ("types", "unknown"):
        return json.dumps({field: draw(JSON)}).encode(), header
    if shape == "identifying":  # a hostile header cell mapped onto the contract column it held
        at = draw(st.integers(0, len(header) - 1))
        cell = draw(st.sampled_from(HOSTILE_HEADERS))
        target = draw(st.sampled_from([header[at], None, header[0], "name", "email"]))
        renamed = [*header[:at], cell, *header[at + 1 :]]
        return json.dumps({"columns": {cell: target}}).encode(), renamed
    if shape == "values":
        column = draw(st.sampled_from(["channel", "crisis", "format", header[0], "languages"]))
        word = draw(st.sampled_from(["phone", "false", "x", ""]))
        words = {word: draw(st.sampled_from(ODD_CODES))}
        return json.dumps({"values": {column: words}}).encode(), header
    return json.dumps({"date_order": draw(st.sampled_from(DATE_ORDERS))}).encode(), header


@st.composite
def mapping_files(draw: st.DrawFn) -> Case:
    """A seed upload (possibly with one header cell renamed) and a hostile mapping document."""
    name, lines = _seed_upload(draw)
    document, header = _document(draw, lines[0].split(","))
    body = "\n".join([",".join(f'"{c}"' if "," in c else c for c in header), *lines[1:]])
    return Case("mapping", name, (body + "\n").encode(), False, mapping=document)


# ------------------------------------------------------------------------------ setup codes

_BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
# Never whitespace (trimmed by design): look-alikes, controls, invisible and non-code characters.
_ODD = ["\u0131", "\u017f", "\u041a", "\uff21", "\x00", "\x1b[2J", "\u200b", "\u202e", "\ufeff",
        "\ud800", "0", "1", "8", "9", "'", "%", "\U0001f600", "=="]  # fmt: skip


@dataclass(frozen=True)
class Attempt:
    """A setup-code attempt made from the real code: `op` at code position `at` with `text`."""

    op: str  # sub | delete | insert | cut | append | wrap | random
    at: int
    text: str

    def __call__(self, code: str) -> str:
        chars = list(code)
        positions = [i for i, c in enumerate(chars) if c != "-"]
        i = positions[self.at % len(positions)]
        if self.op == "sub":  # an ASCII letter equal to the original would be the same code
            same = self.text.isascii() and self.text.upper() == chars[i]
            chars[i] = "9" if same else self.text
        elif self.op == "delete":
            del chars[i]
        elif self.op == "insert":
            chars.insert(i, self.text)
        elif self.op == "cut":
            return code[:i]
        elif self.op == "append":
            return code + self.text
        elif self.op == "wrap":
            return self.text + code + self.text
        else:
            return self.text
        return "".join(chars)


_ATTEMPT_TEXT = st.sampled_from(_ODD) | st.sampled_from(_BASE32)
ATTEMPTS = st.one_of(
    st.builds(
        Attempt, st.sampled_from(["sub", "delete", "cut"]), st.integers(0, 15), _ATTEMPT_TEXT
    ),  # fmt: skip
    st.builds(
        Attempt, st.sampled_from(["insert", "append", "wrap"]), st.integers(0, 15), _ATTEMPT_TEXT
    ),  # fmt: skip
    st.builds(
        Attempt,
        st.just("random"),
        st.just(0),
        st.text(max_size=64) | st.sampled_from(["A" * 1_000_000, "AAAA-" * 10_000]),
    ),
)


@st.composite
def setup_codes(draw: st.DrawFn) -> Case:
    return Case("setup_code", "", b"", True, attempt=draw(ATTEMPTS))


_CODES: dict[str, str] = {}  # stored hash -> the code issued for it in this run
_CLOCK = count()
STRONG = "correct horse battery staple 42"


def check_setup_code(con: duckdb.DuckDBPyConnection, attempt: Attempt) -> str | None:
    """Returns None when `attempt` (made from this store's code) was refused as a wrong code
    after one constant-time comparison of two digests, and the code is still the valid one."""
    if not needs_setup(con):
        return "setup already done: an earlier attempt passed"
    stored = _code_hash(con)
    code = _CODES.get(stored or "")
    if code is None:  # a store this run has not issued a code for yet
        code = issue_code(con)
        stored = _code_hash(con)
        _CODES[stored or ""] = code
    compared: list[tuple[object, object]] = []

    def spy(a: str, b: str) -> bool:
        compared.append((a, b))
        return hmac.compare_digest(a, b)

    # a fresh quarter hour for every attempt: the lockout counts, but never locks the run
    now = datetime(2026, 1, 1) + timedelta(minutes=16 * next(_CLOCK))
    try:
        with mock.patch.object(setup, "hmac", SimpleNamespace(compare_digest=spy)):
            redeem(con, attempt(code), "fuzz-admin", password=STRONG, now=now)
    except SetupRefused as exc:
        if exc.reason != "wrong_code":
            return f"refused as {exc.reason}, not as a wrong code"
    except Exception as exc:  # noqa: BLE001 - any escaping exception is the finding
        return f"{type(exc).__name__} escaped"
    else:
        return "a wrong setup code passed"
    if [tuple(map(len, pair)) for pair in compared] != [(64, 64)]:
        return "the code was not compared once as two digests"
    return None if _code_hash(con) == stored else "the valid code changed"


def _code_hash(con: duckdb.DuckDBPyConnection) -> str | None:
    row = con.execute("SELECT code_hash FROM setup_code").fetchone()
    return row[0] if row else None


INPUT_KINDS = [mapping_files(), setup_codes()]
