"""`followup add|list|remove` and `signals --open/--since` as a coordinator runs them (demo)."""

from __future__ import annotations

import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from dashboard import db
from dashboard.access import Scope
from dashboard.cli import main
from dashboard.signals import evaluate

AS_OF = "2026-11-20"
OVERLOAD_P03 = ["--program", "demo", "--signal", "S-OVERLOAD", "--subject", "P03"]


@pytest.fixture
def store(demo_file: Path, tmp_path: Path) -> str:
    target = tmp_path / "demo.duckdb"
    shutil.copy(demo_file, target)
    return str(target)


def _run(capsys, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _signals(capsys, store: str, *extra: str) -> list[dict]:
    code, out, err = _run(capsys, "signals", "--db", store, "--program", "demo", *extra)
    assert code == 0, err
    return json.loads(out)


def test_done_followup_leaves_the_open_list_and_shows_in_the_json(store, capsys) -> None:
    code, out, _ = _run(
        capsys, "followup", "add", "--db", store, *OVERLOAD_P03, "--action", "load_reduced",
        "--status", "done", "--review", "2026-11-21", "--note", "fewer matches for now",
    )  # fmt: skip
    assert (code, out) == (0, "added follow-up 1\n")
    everything = {(r["signal_id"], r["subject_id"]): r for r in _signals(capsys, store)}
    assert everything[("S-OVERLOAD", "P03")]["followup"] == {
        "id": 1, "status": "done", "action": "load_reduced", "on": AS_OF,
        "review": "2026-11-21", "reopened": False, "by": "local",
    }  # fmt: skip
    assert everything[("S-OVERLOAD", "P04")]["followup"] is None
    open_keys = {(r["signal_id"], r["subject_id"]) for r in _signals(capsys, store, "--open")}
    assert open_keys == set(everything) - {("S-OVERLOAD", "P03")}
    # the review date passed on 2026-11-21: back on the open list, marked reopened
    later = _signals(capsys, store, "--open", "--as-of", "2026-11-21")
    [p03] = [r for r in later if (r["signal_id"], r["subject_id"]) == ("S-OVERLOAD", "P03")]
    assert p03["followup"]["reopened"] is True


def test_list_and_remove(store, capsys) -> None:
    _run(capsys, "followup", "add", "--db", store, *OVERLOAD_P03, "--action", "intervision",
         "--status", "planned", "--on", "2026-11-25")  # fmt: skip
    code, out, _ = _run(capsys, "followup", "list", "--db", store, "--program", "demo",
                        "--format", "json")  # fmt: skip
    [row] = json.loads(out)
    assert (row["followup_id"], row["status"], row["happened_on"]) == (1, "planned", "2026-11-25")
    assert _run(capsys, "followup", "remove", "--db", store, "--id", "1")[0] == 0
    code, out, _ = _run(capsys, "followup", "list", "--db", store, "--program", "demo",
                        "--format", "json")  # fmt: skip
    assert json.loads(out) == []
    code, out, err = _run(capsys, "followup", "remove", "--db", store, "--id", "1", "--lang", "de")
    assert (code, out) == (2, "")
    assert err == "error: Kein Follow-up 1 (oder nicht in Ihren Programmen).\n"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--note", "ring 0170 1234567"], "error: The note looks like it holds an e-mail"),
        (["--on", "20.11.2026"], "error: --on must be a date YYYY-MM-DD"),
    ],
)
def test_refusals_are_one_line_and_store_nothing(store, capsys, extra, message) -> None:
    code, out, err = _run(capsys, "followup", "add", "--db", store, *OVERLOAD_P03,
                          "--action", "other", "--status", "done", *extra)  # fmt: skip
    assert code == 2 and err.startswith(message) and err.count("\n") == 1
    con = db.connect(store, read_only=True)
    assert con.execute("SELECT count(*) FROM followups").fetchone() == (0,)
    con.close()


@pytest.mark.parametrize("day", ["2026-09-15", "2026-10-20", "2026-11-06", "2026-11-20"])
def test_new_since_agrees_with_evaluating_that_day(store, capsys, day: str) -> None:
    """For several demo days, `new` is exactly: no signal with that id and subject a week
    earlier, as evaluate() on the earlier day says."""
    since = date.fromisoformat(day) - timedelta(days=7)
    rows = _signals(capsys, store, "--as-of", day, "--since", since.isoformat())
    con = db.connect(store, read_only=True)
    earlier = evaluate(con, scope=Scope.local_operator(), program_id="demo", as_of=since)
    con.close()
    before = {(s.signal_id, s.subject_id) for s in earlier}
    assert {(r["signal_id"], r["subject_id"]): r["new"] for r in rows} == {
        (r["signal_id"], r["subject_id"]): (r["signal_id"], r["subject_id"]) not in before
        for r in rows
    }


def test_some_demo_days_have_new_and_old_signals(store, capsys) -> None:
    rows = _signals(capsys, store, "--as-of", AS_OF, "--since", "2026-11-13")
    new = sorted((r["signal_id"], r["subject_id"]) for r in rows if r["new"])
    assert ("S-CRISIS", "P17") in new  # the crisis contact of 16 Nov 2026
    assert 0 < len(new) < len(rows)
