"""The zip container of an .xlsx or .ods workbook, checked before anything is expanded.

A workbook is a zip of XML parts. A few KB of zip can expand to gigabytes (a zip bomb), and
the sizes a zip declares can lie. So the central directory is read first (entry count, declared
sizes, the shared-strings table), and every part is then inflated here, in bounded chunks, with
its real size and checksum compared to the declared ones, before the spreadsheet reader (which
trusts the declarations) ever sees the file.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator

from dashboard.i18n import Msg

from .sniff import UnusableFile

# A workbook holds tens of parts; Excel's own limit of 1,048,576 rows of a dozen columns is
# about 400 MB of sheet XML. Anything beyond these is not an export.
MAX_ENTRIES = 1_000
MAX_EXPANDED_MB = 512
MAX_SHARED_STRINGS_MB = 100
SHARED_STRINGS = "xl/sharedStrings.xml"
_CHUNK = 1 << 20
_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature ... file name length, extra length


def open_archive(data: bytes) -> zipfile.ZipFile:
    """Returns the workbook's zip after the size checks; raises UnusableFile if it is none."""
    if not data.startswith(b"PK\x03\x04"):
        raise UnusableFile("not_a_workbook")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except Exception as exc:  # noqa: BLE001 - whatever zipfile raises on bytes it cannot parse
        # (BadZipFile, NotImplementedError for a garbled version field, UnicodeDecodeError, …)
        raise UnusableFile("damaged_workbook", detail=Msg("workbook.detail.not_a_zip")) from exc
    check_sizes(entries)
    return archive


def check_sizes(entries: list[zipfile.ZipInfo]) -> None:
    """Raises UnusableFile("workbook_too_large") when the declared expansion is too big."""
    if len(entries) > MAX_ENTRIES:
        raise UnusableFile(
            "workbook_too_large", detail=Msg("workbook.detail.parts", {"n": len(entries)})
        )
    expanded = sum(e.file_size for e in entries) / 1_048_576
    if expanded > MAX_EXPANDED_MB:
        raise UnusableFile(
            "workbook_too_large", detail=Msg("workbook.detail.xml_mb", {"n": round(expanded)})
        )
    strings = sum(e.file_size for e in entries if e.filename == SHARED_STRINGS) / 1_048_576
    if strings > MAX_SHARED_STRINGS_MB:
        raise UnusableFile(
            "workbook_too_large", detail=Msg("workbook.detail.strings_mb", {"n": round(strings)})
        )


def verify_all(
    archive: zipfile.ZipFile, data: bytes, watch: dict[str, Callable[[bytes], None]] | None = None
) -> None:
    """Inflates every part once (bounded) so a lying size or a broken part is refused here;
    the chunks of a part named in `watch` are handed to its function on the way."""
    for entry in archive.infolist():
        look = (watch or {}).get(entry.filename)
        for chunk in inflate(data, entry):
            if look is not None:
                look(chunk)


def read_part(archive: zipfile.ZipFile, data: bytes, name: str) -> bytes:
    """Returns one part's bytes (already size-checked); empty when the part does not exist."""
    try:
        entry = archive.getinfo(name)
    except KeyError:
        return b""
    return b"".join(inflate(data, entry))


def inflate(data: bytes, entry: zipfile.ZipInfo) -> Iterator[bytes]:
    """Yields the part's bytes in chunks; raises UnusableFile when they are not what the
    central directory declares (more bytes, fewer bytes, other checksum, other method).
    Details never quote a part's name: it is text from the file."""
    if entry.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise UnusableFile("damaged_workbook", detail=Msg("workbook.detail.compression"))
    start = _data_offset(data, entry)
    raw = memoryview(data)[start : start + entry.compress_size]
    inflater = zlib.decompressobj(-15) if entry.compress_type == zipfile.ZIP_DEFLATED else None
    size, crc = 0, 0
    try:
        for chunk in _expand(raw, inflater, entry.file_size):
            size, crc = size + len(chunk), zlib.crc32(chunk, crc)
            if size > entry.file_size:
                break
            yield chunk
    except zlib.error as exc:
        raise UnusableFile("damaged_workbook", detail=Msg("workbook.detail.unpack")) from exc
    complete = inflater is None or (inflater.eof and not inflater.unconsumed_tail)
    if size != entry.file_size or crc != entry.CRC or not complete:
        raise UnusableFile("damaged_workbook", detail=Msg("workbook.detail.checksum"))


def _expand(raw: memoryview, inflater: zlib._Decompress | None, limit: int) -> Iterator[bytes]:
    if inflater is None:
        yield from (bytes(raw[i : i + _CHUNK]) for i in range(0, len(raw), _CHUNK))
        return
    for i in range(0, len(raw), _CHUNK):
        chunk = inflater.decompress(raw[i : i + _CHUNK], _CHUNK)
        yield chunk
        while inflater.unconsumed_tail:  # output capped per call: never more than _CHUNK
            yield (chunk := inflater.decompress(inflater.unconsumed_tail, _CHUNK))
            if not chunk:
                break
    yield inflater.flush(_CHUNK)


def _data_offset(data: bytes, entry: zipfile.ZipInfo) -> int:
    header = data[entry.header_offset : entry.header_offset + _LOCAL_HEADER.size]
    if len(header) < _LOCAL_HEADER.size:
        raise UnusableFile("damaged_workbook", detail=Msg("workbook.detail.cut_off"))
    signature, name_length, extra_length = _LOCAL_HEADER.unpack(header)
    if signature != b"PK\x03\x04":
        raise UnusableFile("damaged_workbook", detail=Msg("workbook.detail.header"))
    return entry.header_offset + _LOCAL_HEADER.size + name_length + extra_length
