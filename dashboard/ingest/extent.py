"""How many cells the spreadsheet reader would lay out for a sheet, measured before it reads it.

The reader (calamine, via fastexcel) builds a dense grid from the first to the farthest cell
with a value: one cell at Z1000000 in a 2 KB .xlsx, or one .ods row marked
`table:number-rows-repeated="1000000"`, becomes millions of cells and gigabytes of memory. The
zip checks cannot see it (the amplification is inside the XML), so the sheet XML is scanned
here, chunk by chunk as the archive is verified (one regex pass, no DOM), for the extent the
reader would lay out. Empty cells and rows at the end, which spreadsheet programs write
routinely (LibreOffice repeats an empty cell 1,000-odd times and an empty row to the sheet's
end), are not laid out by the reader and are not counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from html import unescape

from dashboard.i18n import Msg

from .limits import MAX_COLUMNS, UploadLimits
from .sniff import UnusableFile
from .workbook import shown

MIN_CELLS = 100_000  # any sheet this small is cheap to read, however sparse
CELLS_PER_BYTE = 1  # beyond MIN_CELLS: a real export spends well over one byte of XML per cell
_MAX_TAG = 1 << 20  # an unfinished tag longer than this is no spreadsheet's
_REF = re.compile(rb'\sr="([A-Z]{0,3})(\d+)"')
_ODS_TAG = re.compile(rb"<(/?)table:(table|table-row|table-cell|covered-table-cell)((?:\s[^>]*)?)>")
_ROWS_REPEATED = re.compile(rb'table:number-rows-repeated="(\d+)"')
_TABLE_NAME = re.compile(rb'table:name="([^"]*)"')
_COLUMNS_REPEATED = re.compile(rb'table:number-columns-repeated="(\d+)"')


@dataclass
class Extent:
    """Rows and columns the reader would lay out for one sheet, and the XML bytes behind them."""

    rows: int = 0
    columns: int = 0
    size: int = 0
    name: str = ""

    def check(self, limits: UploadLimits) -> None:
        """Raises UnusableFile when the sheet is longer, wider or emptier than an export."""
        if self.rows > limits.upload_max_rows:
            more = Msg("workbook.detail.more_than", {"n": limits.upload_max_rows})
            raise UnusableFile("too_many_rows", detail=more, limit=limits.upload_max_rows)
        if self.columns > MAX_COLUMNS:
            raise UnusableFile("too_many_columns", detail=self.columns, limit=MAX_COLUMNS)
        if self.rows * self.columns > max(MIN_CELLS, CELLS_PER_BYTE * self.size):
            raise UnusableFile(
                "workbook_sparse", detail=shown(self.name), rows=self.rows, columns=self.columns
            )


class _Chunks:
    """Hands a part's chunks on as windows that never cut a tag (an unfinished one waits)."""

    def __init__(self) -> None:
        self.tail = b""
        self.size = 0

    def window(self, chunk: bytes) -> bytes:
        self.size += len(chunk)
        window = self.tail + chunk
        start = window.rfind(b"<")
        cut = start >= 0 and window.find(b">", start) < 0
        self.tail = window[start:] if cut else b""
        if len(self.tail) > _MAX_TAG:
            raise UnusableFile("damaged_workbook", detail=Msg("workbook.detail.sheet_unreadable"))
        return window[:start] if cut else window


class XlsxExtent(_Chunks):
    """The farthest row and column named by a cell or row of an .xlsx worksheet part, in chunks.

    Looking at every cell reference would cost more than the reader itself, so each chunk is
    searched only for references beyond the farthest seen so far; the last reference of the
    chunk is taken first, as rows come in order in every real sheet. (A styled empty cell
    counts too: rare beyond the data, and counting it errs on the safe side.)
    """

    def __init__(self, sheet: str) -> None:
        super().__init__()
        self.sheet = sheet
        self.rows = 0
        self.letters = b""

    def __call__(self, chunk: bytes) -> None:
        window = self.window(chunk)
        last = _REF.search(window, max(0, window.rfind(b'r="') - 1))
        if last:
            self._take([last.groups()])
        found = _beyond(self.rows, self.letters).findall(window)  # (letters, row) either way
        self._take([(a or c, b or d) for a, b, c, d in found])

    def _take(self, refs: list[tuple[bytes, bytes]]) -> None:
        if refs:
            self.rows = max(self.rows, *(int(row) for _, row in refs))
            self.letters = max(self.letters, *(c for c, _ in refs), key=_column)

    def extents(self) -> list[Extent]:
        """Returns what the scan found: the one sheet's extent."""
        return [Extent(self.rows, _column(self.letters), self.size, self.sheet)]


def _column(letters: bytes) -> int:
    """Returns the number of a column's letters (bijective base 26: A = 1, Z = 26, AA = 27)."""
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


@lru_cache(maxsize=64)
def _beyond(rows: int, letters: bytes) -> re.Pattern[bytes]:
    """Returns a pattern for the references (r="B7", or r="7" of a row) whose row is above
    `rows` or whose column is right of `letters`: one scan of a chunk finds them all."""
    higher = _greater(str(rows).encode(), rb"\d", b"0123456789")
    wider = _greater(letters, b"[A-Z]", b"ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return re.compile(
        rb'r="(?<=\sr=")(?:([A-Z]{0,3}+)0*+(' + higher + rb')"|(' + wider + rb')0*+(\d++)")'
    )


def _greater(text: bytes, any_one: bytes, alphabet: bytes) -> bytes:
    """Returns a regex for the strings over `alphabet` greater than `text` (longer, or the same
    length and greater at the first place they differ)."""
    parts = [any_one + b"{%d,}" % (len(text) + 1)]
    for at, char in enumerate(text):
        rest = alphabet[alphabet.index(char) + 1 :]
        if rest:
            higher = b"[" + rest[:1] + b"-" + rest[-1:] + b"]"
            parts.append(re.escape(text[:at]) + higher + any_one + b"{%d}" % (len(text) - at - 1))
    return b"|".join(parts)


class OdsExtent(_Chunks):
    """The extent of every table of an .ods content.xml, fed in chunks.

    The reader loads every table when it opens the file, so every table counts. A repeated
    row or cell counts as many times as it is repeated, but only once something after it (or
    it) holds a value: empty repeats at the end of a row or table are not laid out.
    """

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[Extent] = []
        self.name = ""
        self.rows = self.waiting_rows = self.columns = 0
        self.cells = self.waiting_cells = self.row_repeat = 0

    def __call__(self, chunk: bytes) -> None:
        for closing, name, attrs in _ODS_TAG.findall(self.window(chunk)):
            if name == b"table":
                if closing:
                    self.tables.append(Extent(self.rows, self.columns, name=self.name))
                found = _TABLE_NAME.search(attrs)
                self.name = unescape(found[1].decode("utf-8", "replace")) if found else ""
                self.rows = self.waiting_rows = self.columns = 0
            elif name == b"table-row":
                self._row(closing, attrs)
            elif not closing:
                self._cell(attrs)

    def _row(self, closing: bytes, attrs: bytes) -> None:
        if not closing:
            found = _ROWS_REPEATED.search(attrs)
            self.row_repeat = int(found[1]) if found else 1
            self.cells = self.waiting_cells = 0
            if not attrs.endswith(b"/"):
                return
        if self.cells:  # the row holds a value: the empty rows before it are laid out too
            self.rows += self.waiting_rows + self.row_repeat
            self.waiting_rows = 0
            self.columns = max(self.columns, self.cells)
        else:
            self.waiting_rows += self.row_repeat

    def _cell(self, attrs: bytes) -> None:
        found = _COLUMNS_REPEATED.search(attrs)
        repeat = int(found[1]) if found else 1
        if b"office:value-type=" in attrs or not attrs.endswith(b"/"):  # holds something
            self.cells += self.waiting_cells + repeat
            self.waiting_cells = 0
        else:
            self.waiting_cells += repeat

    def extents(self) -> list[Extent]:
        """Returns each table's extent; the XML size is the whole part's, shared by all."""
        return [Extent(t.rows, t.columns, self.size, t.name) for t in self.tables]
