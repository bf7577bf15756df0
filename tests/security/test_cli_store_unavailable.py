"""Every command that needs the store, while another process holds it (as the running app
does) or with a key that does not fit: one line on stderr naming the cause, exit 2, never a
traceback, and the store unchanged."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard import db

ROOT = Path(__file__).resolve().parents[2]
KEY = "the-right-key-0123456789"
# Every subcommand that opens the store (schemas and generate never do), with what it needs.
COMMANDS = [
    ["import", "--program", "A", "{tmp}/files"],
    ["signals"],
    ["scores"],
    ["settings", "--program", "A"],
    ["settings", "--program", "A", "--set", "S-OVERLOAD.ratio_medium=1.5"],
    ["audit"],
    ["subject-export", "--program", "A", "--id", "S-001", "--out", "{tmp}/s.json"],
    ["erase", "--program", "A", "--id", "S-001", "--apply"],
    ["retention"],
    ["retention", "--apply"],
    ["demo"],
    ["encrypt", "--out", "{tmp}/copy.duckdb"],
    ["users", "list"],
    ["users", "add", "ada", "--role", "admin", "--password-stdin"],
    ["users", "passwd", "ada", "--password-stdin"],
    ["users", "update", "ada", "--disable"],
    ["users", "remove", "ada"],
    ["setup-code"],
    ["followup", "list", "--program", "A"],
    ["followup", "add", "--program", "A", "--signal", "S-OVERLOAD", "--subject", "S-001",
     "--action", "supervision_talk", "--status", "done"],
    ["followup", "remove", "--id", "1"],
    ["digest", "--program", "A"],
]  # fmt: skip
IDS = [" ".join(c[:2]) if c[0] in ("users", "retention", "followup") else c[0] for c in COMMANDS]
KEYED = [c for c in COMMANDS if c[0] != "encrypt"]  # encrypt reads only unencrypted stores
KEYED_IDS = [i for c, i in zip(COMMANDS, IDS, strict=True) if c[0] != "encrypt"]


def _run(argv: list[str], path: Path, tmp: Path, **env: str) -> subprocess.CompletedProcess:
    args = [a.replace("{tmp}", str(tmp)) for a in argv]
    environ = {**os.environ, "PYTHONPATH": str(ROOT), "LANG": "C.UTF-8", **env}
    environ.pop(db.KEY_ENV, None) if db.KEY_ENV not in env else None
    return subprocess.run(
        [sys.executable, "-m", "dashboard", *args, "--db", str(path)],
        cwd=tmp, capture_output=True, text=True, timeout=120, env=environ,
        input="a long enough passphrase\na long enough passphrase\n",
    )  # fmt: skip


def _one_line(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture(scope="module")
def held(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """A store with one program, held open by another process (stands for the running app)."""
    tmp = tmp_path_factory.mktemp("held")
    (tmp / "files").mkdir()
    (tmp / "files" / "supporters.csv").write_text("supporter_id,joined_on\nS-001,2026-01-05\n")
    path = tmp / "store.duckdb"
    con = db.connect(path)
    con.execute("INSERT INTO programs (program_id) VALUES ('A')")
    con.close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from dashboard import db; "
         f"con = db.connect({str(path)!r}); print('ready', flush=True); time.sleep(600)"],
        stdout=subprocess.PIPE, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
    yield path, tmp
    holder.kill()
    holder.wait()


@pytest.mark.parametrize("argv", COMMANDS, ids=IDS)
def test_a_held_store_gets_one_line_naming_the_running_app(
    held: tuple[Path, Path], argv: list[str]
) -> None:
    path, tmp = held
    line = _one_line(_run(argv, path, tmp))
    assert line.startswith("error: another process (PID ")
    assert "running dashboard app" in line and "not even to read it" in line


def test_the_line_is_german_for_a_german_shell_or_lang_de(held: tuple[Path, Path]) -> None:
    path, tmp = held
    by_shell = _one_line(_run(["users", "list"], path, tmp, LANG="de_DE.UTF-8"))
    by_option = _one_line(_run(["signals", "--lang", "de"], path, tmp))
    for line in (by_shell, by_option):
        assert line.startswith("Fehler: Ein anderer Prozess") and "laufende Dashboard-App" in line


@pytest.fixture(scope="module")
def encrypted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("encrypted")
    (tmp / "files").mkdir()
    (tmp / "files" / "supporters.csv").write_text("supporter_id,joined_on\nS-001,2026-01-05\n")
    path = tmp / "secret.duckdb"
    con = db.connect(path, key=KEY)
    con.execute("INSERT INTO programs (program_id) VALUES ('A')")
    con.close()
    return path, tmp


@pytest.mark.parametrize(
    "argv", [c for c in COMMANDS if c[0] != "encrypt"], ids=IDS[:11] + IDS[12:]
)
def test_a_wrong_key_gets_one_line(encrypted: tuple[Path, Path], argv: list[str]) -> None:
    path, tmp = encrypted
    line = _one_line(_run(argv, path, tmp, DASHBOARD_DB_KEY="not-the-key-at-all-000"))
    assert "DASHBOARD_DB_KEY does not open the database" in line and "wrong key" in line


@pytest.mark.parametrize(
    "argv", [c for c in COMMANDS if c[0] != "encrypt"], ids=IDS[:11] + IDS[12:]
)
def test_a_missing_key_gets_one_line(encrypted: tuple[Path, Path], argv: list[str]) -> None:
    path, tmp = encrypted
    line = _one_line(_run(argv, path, tmp))
    assert "is encrypted; set DASHBOARD_DB_KEY" in line


def test_the_stores_are_unchanged_afterwards(
    held: tuple[Path, Path], encrypted: tuple[Path, Path]
) -> None:
    con = db.connect(encrypted[0], key=KEY, read_only=True)
    assert con.execute("SELECT count(*) FROM users").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM audit_log").fetchone() == (0,)
    con.close()
