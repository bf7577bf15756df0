"""Every path the CLI is given ends in one line and exit 2 when it cannot be used — never a
traceback — and nothing from a file reaches the terminal as a control character."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dashboard import db
from dashboard.access import Scope
from dashboard.cli import main
from dashboard.ingest.limits import set_limit
from dashboard.terminal import escape

HEADER = b"supporter_id,joined_on,capacity_hours_month"


def _import(tmp_path: Path, capsys: pytest.CaptureFixture[str], *paths: str) -> tuple[int, str]:
    code = main(["import", "--db", str(tmp_path / "s.duckdb"), "--program", "A", *paths])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _one_error_line(out: str) -> str:
    lines = out.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), out
    assert "Traceback" not in out
    return lines[0]


def test_a_folder_named_like_a_csv_is_skipped_inside_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "exports"
    (folder / "x.csv").mkdir(parents=True)
    (folder / "supporters.csv").write_bytes(HEADER + b"\nS1,2024-01-01,5\n")
    code, out = _import(tmp_path, capsys, str(folder))
    assert code == 0 and "supporters.csv: supporters, 1 rows read" in out


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/null"])
def test_a_device_is_refused_before_anything_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str
) -> None:
    code, out = _import(tmp_path, capsys, target)
    assert code == 2
    assert _one_error_line(out) == (
        f"error: {target} is not a regular file (a folder, device or pipe); "
        "name CSV files or folders"
    )


def test_a_pipe_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "supporters.csv"
    os.mkfifo(fifo)  # opening it for reading would block forever
    code, out = _import(tmp_path, capsys, str(fifo))
    assert code == 2 and "is not a regular file" in _one_error_line(out)


def test_an_unreadable_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "supporters.csv"
    target.write_bytes(HEADER + b"\n")

    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        if self == target:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", refuse)  # chmod 000 does not stop root, who runs CI
    code, out = _import(tmp_path, capsys, str(target))
    assert code == 2
    assert _one_error_line(out) == f"error: cannot read {target}: Permission denied"


def test_the_size_limit_is_checked_before_the_file_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    con = db.connect(tmp_path / "s.duckdb")
    set_limit(con, "upload_max_file_mb", 1, scope=Scope.local_operator())
    con.close()
    huge = tmp_path / "contacts.csv"
    with huge.open("wb") as out:
        out.truncate(64 * 1024**3)  # 64 GB, sparse: reading it whole would never end
    code, out = _import(tmp_path, capsys, str(huge))
    assert code == 2
    assert _one_error_line(out) == (
        f"error: {huge} is larger than 1 MB (setting upload_max_file_mb); nothing was read"
    )


def test_cr_only_line_endings_are_read_as_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "supporters.csv"
    target.write_bytes(HEADER + b"\rS1,2024-01-01,5\rS2,2024-01-01,x\r")
    code, out = _import(tmp_path, capsys, str(target))
    assert code == 1
    assert "supporters.csv line 3: capacity_hours_month: 'x' is not a number." in out


def test_escape_sequences_in_a_header_and_a_file_name_are_shown_not_obeyed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "supporters\x1b[2J.csv"
    target.write_bytes(
        "supporter_id,joined\x1b]0;pwned\x07_on\u202e,capacity_hours_month\n".encode()
    )
    code, out = _import(tmp_path, capsys, str(target))
    assert code == 2
    assert "joined\\x1b]0;pwned\\x07_on\\u202e" in out
    assert "supporters\\x1b[2J.csv" in out
    assert not any(ord(c) < 32 and c != "\n" or 0x7F <= ord(c) <= 0x9F for c in out)
    assert "\u202e" not in out


def test_escape_keeps_line_ends_and_tabs_only() -> None:
    assert escape("a\tb\r\nc\rd\x1b[31me\x9bf\u2066") == "a\tb\nc\\x0dd\\x1b[31me\\x9bf\\u2066"
    assert escape("one\ntwo", keep_newlines=False) == "one\\ntwo"
