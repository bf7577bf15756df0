"""The command line: usage errors exit 2 without a traceback; options are taken only as written."""

from pathlib import Path

from dashboard.cli import main


def test_unknown_command_and_missing_arguments_exit_2(capsys) -> None:
    assert main(["no-such-command"]) == 2
    assert main(["schemas"]) == 2  # --out is required
    assert "Traceback" not in capsys.readouterr().err


def test_an_abbreviated_option_is_not_taken_for_the_full_one(tmp_path: Path, capsys) -> None:
    assert main(["schemas", "--ou", str(tmp_path)]) == 2
    assert not any(tmp_path.iterdir())  # nothing written under a guessed option


def test_password_is_never_an_option_value(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "x.duckdb")
    assert main(["signals", "--db", db, "--user", "kim", "--password", "secret"]) == 2
    assert "unrecognized arguments: --password secret" in capsys.readouterr().err
