"""What kind of text a file is: encoding, delimiter, header cells and a HXL hashtag row.

DuckDB's own `latin-1` decoder refuses real Windows-1252 files (curly quotes, €), so anything
that is not UTF-8 is transcoded here, in Python, before DuckDB reads it.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass, field
from typing import Any

from dashboard.i18n import N_, Msg

DELIMITERS = (",", ";", "\t")
_HEAD_BYTES = 65536


class UnusableFile(Exception):  # noqa: N818 - reads as a sentence: raise UnusableFile(...)
    """The file cannot be imported at all (exit 2); `code` keys messages.ERRORS.

    `detail` is a string, number or Msg; `more` holds named extras of the message (limit …).
    """

    def __init__(
        self, code: str, *, column: str = "", value: str = "", detail: Any = "", **more: Any
    ) -> None:
        super().__init__(code)
        self.code = code
        self.column = column
        self.value = value
        self.detail = detail
        self.more = more


class SeveralProblems(UnusableFile):
    """Several problems of one file, reported together; `export` is what it was taken for."""

    def __init__(self, problems: list[UnusableFile], export: str | None) -> None:
        super().__init__(problems[0].code)
        self.problems = problems
        self.export = export


@dataclass(frozen=True)
class Sniffed:
    """A file decoded to UTF-8 with its dialect and header, ready for DuckDB."""

    data: bytes = field(repr=False)  # UTF-8 without BOM
    encoding: str  # utf-8 | utf-8-sig | windows-1252 | utf-16
    delimiter: str
    header: list[str]
    hxl: bool  # line 2 is a HXL hashtag row (dropped)
    dropped: int = 0  # empty header cells cut from the end (Excel's used range)

    @property
    def transcoded(self) -> bool:
        """True when the bytes on disk differ from `data` (DuckDB must read a copy)."""
        return self.encoding not in ("utf-8", "utf-8-sig")

    @property
    def header_lines(self) -> int:
        return 2 if self.hxl else 1


def sniff(raw: bytes) -> Sniffed:
    """Returns the decoded file and its dialect; raises UnusableFile for binary or empty input."""
    data, encoding = decode(raw)
    if not data.strip():
        raise UnusableFile("empty_file")
    head = data[:_HEAD_BYTES].decode("utf-8", errors="replace")
    delimiter = _delimiter(head)
    records = list(_first_records(head, delimiter, 2))
    header = [cell.strip() for cell in records[0]] if records else []
    if not any(header):
        raise UnusableFile("no_header")
    named = len(header)
    while not header[named - 1]:
        named -= 1
    hxl = len(records) > 1 and is_hxl(records[1])
    # Trailing headerless columns are not staged: thousands of them made the check quadratic.
    # Values in them are still found (source.normalised_source) and refuse the file.
    return Sniffed(data, encoding, delimiter, header[:named], hxl, len(header) - named)


def decode(raw: bytes) -> tuple[bytes, str]:
    """Returns (UTF-8 bytes without BOM, the encoding the file was in)."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16").encode("utf-8"), "utf-16"
        except UnicodeDecodeError as exc:
            raise UnusableFile("encoding") from exc
    if b"\x00" in raw:
        raise UnusableFile("binary")
    encoding = "utf-8"
    if raw.startswith(codecs.BOM_UTF8):
        raw, encoding = raw[len(codecs.BOM_UTF8) :], "utf-8-sig"
    if raw.isascii():
        return raw, encoding
    try:
        raw.decode("utf-8")
        return raw, encoding
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252").encode("utf-8"), "windows-1252"
    except UnicodeDecodeError as exc:  # bytes cp1252 leaves undefined: not text we know
        raise UnusableFile("encoding") from exc


def _delimiter(head: str) -> str:
    first_line = head.splitlines()[0] if head else ""
    counts = {d: first_line.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _first_records(head: str, delimiter: str, n: int) -> list[list[str]]:
    # newline="": a lone \r (old Mac files) ends a record too, as in the full read.
    reader = csv.reader(io.StringIO(head, newline=""), delimiter=delimiter)
    records: list[list[str]] = []
    try:
        for record in reader:
            records.append(record)
            if len(records) == n:
                break
    except csv.Error as exc:
        raise UnusableFile("malformed_csv", detail=csv_problem(exc)) from exc
    return records


def is_hxl(record: list[str]) -> bool:
    """True when the record is a HXL hashtag row (every non-empty cell starts with '#')."""
    cells = [c.strip() for c in record if c.strip()]
    return bool(cells) and all(c.startswith("#") for c in cells)


# Python's csv wording -> our reason; the user never sees the csv module's text
_CSV_PROBLEMS = (
    ("field larger than field limit", N_("ingest.malformed.field_too_long")),
    ("new-line character seen in unquoted field", N_("ingest.malformed.newline")),
    ("unexpected end of data", N_("ingest.malformed.open_quote")),
    ("expected after", N_("ingest.malformed.quote")),
    ("line contains nul", N_("ingest.malformed.nul")),
)


def csv_problem(exc: Exception | None, line: int | None = None) -> Msg:
    """Returns why a file is not readable CSV, in our words (and where, when known)."""
    text = str(exc or "").lower()
    reason = next((r for key, r in _CSV_PROBLEMS if key in text), N_("ingest.malformed.other"))
    if line is None:
        return Msg(reason)
    return Msg("ingest.malformed.at_line", {"line": line, "reason": Msg(reason)})
