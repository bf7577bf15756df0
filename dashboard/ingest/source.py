"""Where DuckDB reads one uploaded file from, and the rewrite for files it cannot number.

The fast path hands DuckDB the file (or its UTF-8 transcoding) and numbers rows by position:
line = position + header lines + 1. That only holds when every record is one line. A file with
quoted line breaks, blank lines or ragged rows is rewritten once in Python into a regular CSV
whose first two columns carry each record's line number and whether it had extra cells.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .scratch import Scratch
from .sniff import Sniffed, UnusableFile, csv_problem
from .uploads import Upload

LINE, EXTRA = "_line", "_extra"


@dataclass(frozen=True)
class Source:
    """A CSV file DuckDB can read with fixed options, and how its rows map to user lines."""

    path: Path
    width: int  # cells per record in the uploaded file (header length)
    skip: int  # lines before the first data row
    delimiter: str
    normalised: bool = False  # rewritten: carries _line and _extra columns

    @property
    def columns(self) -> list[str]:
        cells = [f"c{i}" for i in range(self.width)]
        return [LINE, EXTRA, *cells] if self.normalised else cells

    def read_sql(self, *, in_order: bool = False) -> str:
        """Returns the read_csv call; bind `params()` with it.

        `in_order` reads with one thread, so a table created from it has rowid = position.
        (A parallel read into a table does not keep file order once expressions are
        involved; positions are only needed when there are errors to point at.)
        """
        spec = ", ".join(f"'{name}': 'VARCHAR'" for name in self.columns)
        serial = ", parallel = false" if in_order else ""
        return (
            "read_csv($path, auto_detect = false, header = false, skip = $skip, "
            f"delim = $delim, quote = '\"', escape = '\"', columns = {{{spec}}}{serial})"
        )

    def params(self) -> dict[str, Any]:
        return {"path": str(self.path), "skip": self.skip, "delim": self.delimiter}

    def line_of(self, row: str) -> str:
        """Returns SQL for the user's line number of the row whose id (_row) is `row`.

        Rewritten files number rows by their first line; others by position from 0.
        """
        return row if self.normalised else f"{row} + {self.skip + 1}"


def fast_source(upload: Upload, sniffed: Sniffed, folder: Scratch, name: str) -> Source:
    """Returns the file as DuckDB can read it directly (a UTF-8 copy only when transcoded)."""
    path = upload.path
    if path is None or sniffed.transcoded or not path.is_file():
        path = folder / f"{name}.csv"
        path.write_bytes(sniffed.data)
    return Source(path, len(sniffed.header), sniffed.header_lines, sniffed.delimiter)


def one_line_per_record(sniffed: Sniffed, rows: int) -> bool:
    """True when `rows` records read from the body are exactly its physical lines."""
    data, end = sniffed.data, len(sniffed.data)
    while end and data[end - 1] in b"\r\n":  # trailing line breaks only
        end -= 1
    carriage = data.find(b"\r", 0, end) >= 0  # Windows or old-Mac line ends
    lone_cr = carriage and data.count(b"\r", 0, end) != data.count(b"\r\n", 0, end)
    return not lone_cr and data.count(b"\n", 0, end) + 1 - sniffed.header_lines == rows


# No contract cell comes near this (csv's own default limit). Checked here rather than left to
# csv.field_size_limit, which is process-wide and which other libraries raise.
MAX_FIELD_CHARS = 131_072


def _refuse_unnamed(record: list[str], width: int, header_width: int) -> None:
    """Raises unnamed_column when a cell under a dropped empty header holds a value."""
    filled = [str(p + 1) for p in range(width, min(len(record), header_width)) if record[p].strip()]
    if filled:
        raise UnusableFile("unnamed_column", detail=", ".join(filled))


def normalised_source(
    sniffed: Sniffed, folder: Scratch, name: str, keep: frozenset[int] | None = None
) -> Source:
    """Returns a rewritten copy: one line per record, blank records dropped, line numbers kept.

    Cells of columns not in `keep` (identifying tool metadata, dropped columns) are written
    empty, so they never reach a table.
    """
    width = len(sniffed.header)
    target = folder / f"{name}.normalised.csv"
    text = io.TextIOWrapper(io.BytesIO(sniffed.data), encoding="utf-8", newline="")
    reader = csv.reader(text, delimiter=sniffed.delimiter)
    with target.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        last_line = 0
        try:
            for number, record in enumerate(reader):
                start, last_line = last_line + 1, reader.line_num
                if number < sniffed.header_lines or not any(c.strip() for c in record):
                    continue
                if max(map(len, record), default=0) > MAX_FIELD_CHARS:
                    raise csv.Error(f"field larger than field limit ({MAX_FIELD_CHARS})")
                _refuse_unnamed(record, width, width + sniffed.dropped)
                extra = len(record) > width and any(c.strip() for c in record[width:])
                cells = (record + [""] * width)[:width]
                if keep is not None:
                    cells = [c if i in keep else "" for i, c in enumerate(cells)]
                writer.writerow([start, "1" if extra else "", *cells])
        except csv.Error as exc:
            problem = csv_problem(exc, last_line + 1)
            raise UnusableFile("malformed_csv", detail=problem) from exc
    return Source(target, width, 0, ",", normalised=True)
