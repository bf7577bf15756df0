"""CLI calls made with an account reach what the account reaches, nothing more (issue 5.2).

kim coordinates program A; the store also holds program B (the same demo files, so B has
signals, scores and pseudonyms just like A). Every data command run with `--user kim` is
refused for B (exit 2, one line, no B row printed or written) and works for A.
"""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from dashboard import db
from dashboard.access import Scope
from dashboard.auth import add_user
from dashboard.cli import main
from dashboard.fingerprint import table_fingerprints
from dashboard.ingest import import_paths

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "sample_data" / "demo"
PASSWORD = "kims long passphrase"
ADMIN_PASSWORD = "adas long passphrase"
AS_OF = "2026-11-20"  # the demo's as-of date: its signals occur then
SUPPORTER = "P01"  # a pseudonym held in both programs
KIM = ["--user", "kim", "--password-stdin"]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-scoping") / "template.duckdb"
    con = db.connect(path)
    operator = Scope.local_operator()
    for program in ("A", "B"):
        assert import_paths(con, program, [DEMO], scope=operator).committed
    add_user(con, "kim", "coordinator", scope=operator, password=PASSWORD, programs=["A"])
    add_user(con, "ada", "admin", scope=operator, password=ADMIN_PASSWORD)
    add_user(con, "olga@example.org", "coordinator", scope=operator, programs=["A"])
    con.close()
    return path


@pytest.fixture
def store(template: Path, tmp_path: Path) -> str:
    path = tmp_path / "store.duckdb"
    shutil.copy(template, path)
    return str(path)


@pytest.fixture
def run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[..., tuple[int, str, str]]:
    """Runs `python -m dashboard ARGS` in-process with `stdin` as its standard input."""

    def call(args: list[str], stdin: str = PASSWORD + "\n") -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        capsys.readouterr()
        code = main(args)
        out, err = capsys.readouterr()
        return code, out, err

    return call


def _read(path: str, sql: str, params: list | None = None) -> list[tuple]:
    con = db.connect(path, read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def _stored(path: str) -> dict[str, tuple[int, int]]:
    """Returns the fingerprint of every table but the audit log and its chain (sign-ins)."""
    con = db.connect(path, read_only=True)
    try:
        return {
            t: f
            for t, f in table_fingerprints(con).items()
            if t not in ("audit_log", "audit_chain")
        }
    finally:
        con.close()


def _cases(program: str, tmp: Path) -> dict[str, list[str]]:
    return {
        "signals": ["signals", "--program", program, "--as-of", AS_OF],
        "scores": ["scores", "--program", program],
        "import": ["import", "--program", program, str(DEMO)],
        "subject-export": ["subject-export", "--program", program, "--id", SUPPORTER,
                           "--out", str(tmp / "subject.json")],
        "settings": ["settings", "--program", program, "--set", "S-SILENT.days=63"],
        "erase": ["erase", "--program", program, "--id", SUPPORTER, "--apply"],
        "followup-add": ["followup", "add", "--program", program, "--signal", "S-OVERLOAD",
                         "--subject", "P03", "--action", "load_reduced", "--status", "done",
                         "--as-of", AS_OF],
        "followup-list": ["followup", "list", "--program", program, "--format", "json"],
    }  # fmt: skip


COMMANDS = (
    "signals", "scores", "import", "subject-export", "settings", "erase", "followup-add",
    "followup-list",
)  # fmt: skip


@pytest.mark.parametrize("command", COMMANDS)
def test_a_coordinator_of_a_is_refused_every_command_on_program_b(
    command: str, store: str, run, tmp_path: Path
) -> None:
    before = _stored(store)
    args = _cases("B", tmp_path)[command]

    code, out, err = run([*args, "--db", store, *KIM])

    assert code == 2
    assert err == "error: kim has no access to program B\n", "one clear line, no traceback"
    assert out == "", "nothing about B on stdout"
    assert not (tmp_path / "subject.json").exists()
    assert _stored(store) == before, "the store is unchanged"
    done = _read(store, "SELECT action FROM audit_log WHERE actor = 'kim' AND program_id = 'B'")
    assert done == []


@pytest.mark.parametrize("command", COMMANDS)
def test_the_same_commands_work_on_program_a(command: str, store: str, run, tmp_path: Path) -> None:
    code, out, err = run([*_cases("A", tmp_path)[command], "--db", store, *KIM])

    assert code == 0, err
    assert "Traceback" not in err
    if command in ("signals", "scores"):
        rows = json.loads(out)
        assert rows and {r["program_id"] for r in rows} == {"A"}
    if command == "subject-export":
        document = json.loads((tmp_path / "subject.json").read_text())
        assert document["program_id"] == "A" and document["tables"]["supporters"]
    if command in ("import", "settings", "subject-export", "erase", "followup-add"):
        actors = _read(
            store,
            "SELECT DISTINCT actor FROM audit_log WHERE program_id = 'A' AND action IN "
            "('import', 'threshold_change', 'subject_export', 'erasure', 'followup') "
            "AND audit_id > "
            "(SELECT max(audit_id) FROM audit_log WHERE action = 'sign_in')",
        )
        assert actors == [("kim",)], "the change is audited as kim"


def test_signals_without_program_list_only_the_accounts_programs(store: str, run) -> None:
    code, out, _ = run(["signals", "--as-of", AS_OF, "--db", store, *KIM])
    assert code == 0
    assert {r["program_id"] for r in json.loads(out)} == {"A"}

    code, out, _ = run(["signals", "--as-of", AS_OF, "--db", store], stdin="")
    assert code == 0
    assert {r["program_id"] for r in json.loads(out)} == {"A", "B"}, "B has signals too"


def test_scores_without_program_list_only_the_accounts_programs(store: str, run) -> None:
    code, out, _ = run(["scores", "--db", store, *KIM])
    assert code == 0
    assert {r["program_id"] for r in json.loads(out)} == {"A"}


def test_a_wrong_password_exits_2_and_is_audited(store: str, run) -> None:
    code, out, err = run(["signals", "--db", store, *KIM], stdin="not kims password\n")

    assert (code, out) == (2, "")
    assert err == "error: Wrong username or password.\n"
    failed = _read(
        store,
        "SELECT actor, detail->>'reason', detail->>'via' FROM audit_log "
        "WHERE action = 'sign_in_failed'",
    )
    assert failed == [("kim", "wrong_password", "cli")]


def test_an_unknown_user_gets_the_same_answer(store: str, run) -> None:
    code, out, err = run(["scores", "--db", store, "--user", "mallory", "--password-stdin"])

    assert (code, out, err) == (2, "", "error: Wrong username or password.\n")
    failed = _read(store, "SELECT actor FROM audit_log WHERE action = 'sign_in_failed'")
    assert failed == [("(unknown)",)], "a mistyped name is never logged"


def test_a_successful_sign_in_is_audited_as_coming_from_the_cli(store: str, run) -> None:
    assert run(["scores", "--program", "A", "--db", store, *KIM])[0] == 0

    signed_in = _read(store, "SELECT actor, detail->>'via' FROM audit_log WHERE action = 'sign_in'")
    assert signed_in == [("kim", "cli")]


def test_repeated_failures_lock_the_account_for_the_cli_too(store: str, run) -> None:
    for _ in range(5):
        assert run(["scores", "--db", store, *KIM], stdin="wrong guess\n")[0] == 2

    code, out, err = run(["scores", "--db", store, *KIM])  # the right password, too late

    assert (code, out) == (2, "")
    assert "Wrong username or password" in err  # locked silently: the same answer as a typo


def test_an_oidc_account_is_sent_to_the_app(store: str, run) -> None:
    args = ["signals", "--db", store, "--user", "olga@example.org", "--password-stdin"]
    code, out, err = run(args, stdin="anything at all\n")

    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "sign in through the app" in err


def test_an_empty_password_is_refused_before_any_check(store: str, run) -> None:
    code, out, err = run(["signals", "--db", store, *KIM], stdin="")

    assert (code, out) == (2, "")
    assert "no password given" in err


def test_the_password_prompt_is_used_without_password_stdin(
    store: str, run, monkeypatch: pytest.MonkeyPatch
) -> None:
    prompts: list[str] = []
    monkeypatch.setattr("getpass.getpass", lambda prompt="": prompts.append(prompt) or PASSWORD)

    code, out, _ = run(["scores", "--program", "A", "--db", store, "--user", "kim"], stdin="")

    assert code == 0 and json.loads(out)
    assert prompts == ["Password for kim: "]


@pytest.mark.parametrize(
    "args",
    [
        ["audit"],
        ["users", "list"],
        ["retention", "--program", "B", "--months", "12"],
        ["demo"],
    ],
    ids=["audit", "users", "retention", "demo"],
)
def test_admin_commands_refuse_a_coordinator(args: list[str], store: str, run) -> None:
    before = _stored(store)

    code, out, err = run([*args, "--db", store, *KIM])

    assert (code, out) == (2, "")
    assert err.startswith("error: kim ") and err.count("\n") == 1
    assert _stored(store) == before


def test_users_as_an_admin_account_reads_both_passwords_from_stdin(store: str, run) -> None:
    args = ["users", "passwd", "kim", "--db", store, "--user", "ada", "--password-stdin"]
    assert run(args, stdin=f"{ADMIN_PASSWORD}\nkims new passphrase\n")[0] == 0

    assert run(["scores", "--program", "A", "--db", store, *KIM])[0] == 2, "old password"
    code, _, _ = run(["scores", "--program", "A", "--db", store, *KIM],
                     stdin="kims new passphrase\n")  # fmt: skip
    assert code == 0
    changed = _read(store, "SELECT actor FROM audit_log WHERE action = 'user_change'")
    assert changed[-1] == ("ada",)


def test_encrypt_with_an_account_needs_an_admin(store: str, run, tmp_path: Path) -> None:
    out_file = tmp_path / "copy.duckdb"
    code, _, err = run(["encrypt", "--db", store, "--out", str(out_file), *KIM])

    assert code == 2 and "admins only" in err
    assert not out_file.exists()
