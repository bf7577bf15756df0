"""The signals, scores and settings commands as a coordinator runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dashboard import db
from dashboard.cli import main

from .conftest import FIXTURES, load

OVERLOAD = FIXTURES / "s_overload"
KEYS = [
    "program_id",
    "signal_id",
    "action",
    "severity",
    "subject_type",
    "subject_id",
    "value",
    "threshold",
    "window_days",
    "message",
    "message_id",
    "params",
    "measure",
    "evidence",
    "since",
    "new",
    "followup",
]


@pytest.fixture
def store(tmp_path: Path) -> str:
    path = tmp_path / "store.duckdb"
    con = db.connect(path)
    load(con, OVERLOAD, "fx")
    load(con, FIXTURES / "proqol_scoring", "pq")
    con.close()
    return str(path)


def test_signals_json_lists_every_documented_key(store, capsys) -> None:
    code = main(["signals", "--db", store, "--program", "fx", "--as-of", "2026-06-30"])
    rows = json.loads(capsys.readouterr().out)
    assert code == 0
    assert all(list(r) == KEYS for r in rows)
    overload = {r["subject_id"]: r for r in rows if r["signal_id"] == "S-OVERLOAD"}
    assert sorted(overload) == ["OV2", "OV3", "OV4", "OV5"]
    assert overload["OV5"]["value"] == 14.5 and overload["OV5"]["since"] == "2026-06-05"
    # 870 minutes against 8 h agreed: 14.5 h is 181 % of 8 h, past the high line 1.75 × 8 h = 14 h
    assert overload["OV5"]["message"] == (
        "14.5 h of contacts in the last 28 days against 8 h agreed (181%)"
    )
    assert overload["OV5"]["message_id"] == "signal.S-OVERLOAD.message"
    assert overload["OV5"]["params"]["hours"] == 14.5 and overload["OV5"]["params"]["days"] == 28
    assert overload["OV5"]["measure"] == "14.5 h, line 14 h"


def test_signals_json_speaks_persian(store, capsys) -> None:
    main(["signals", "--db", store, "--program", "fx", "--as-of", "2026-06-30", "--lang", "fa"])
    rows = json.loads(capsys.readouterr().out)
    ov5 = next(r for r in rows if r["signal_id"] == "S-OVERLOAD" and r["subject_id"] == "OV5")
    assert ov5["message"].startswith("۱۴٫۵ ساعت تماس در ۲۸ روز گذشته")
    assert ov5["measure"] == "۱۴٫۵ ساعت، مرز ۱۴ ساعت"


def test_signals_table_shows_the_german_sentence(store, capsys) -> None:
    main(
        [
            "signals",
            "--db",
            store,
            "--program",
            "fx",
            "--as-of",
            "2026-06-30",
            "--format",
            "table",
            "--lang",
            "de",
        ]
    )
    assert "14,5 Std. Kontakte in den letzten 28 Tagen" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--as-of", "2026-02-30"], "--as-of must be a date YYYY-MM-DD"),
        (["--as-of", "30.06.2026"], "--as-of must be a date YYYY-MM-DD"),
        (["--program", "nope"], "unknown program 'nope'"),
    ],
)
def test_signals_bad_input_exits_2_with_one_line(store, capsys, args, says) -> None:
    code = main(["signals", "--db", store, *args])
    err = capsys.readouterr().err
    assert code == 2
    assert says in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_signals_without_a_database_exits_2(tmp_path, capsys) -> None:
    assert main(["signals", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "no database" in capsys.readouterr().err


def test_scores_json_has_one_object_per_response(store, capsys) -> None:
    assert main(["scores", "--db", store, "--program", "pq", "--format", "json"]) == 0
    out = capsys.readouterr()
    rows = json.loads(out.out)
    assert len(rows) == 7
    first = rows[0]
    assert (first["supporter_id"], first["response_date"]) == ("P1", "2026-01-01")
    assert (first["compassion_satisfaction"], first["burnout_band"]) == (30, "moderate")
    assert "The Center for Victims of Torture" in out.err


def test_settings_set_changes_the_signals_and_reset_restores_them(store, capsys) -> None:
    assert (
        main(["settings", "--db", store, "--program", "fx", "--set", "S-OVERLOAD.ratio_medium=1,0"])
        == 0
    )
    assert "S-OVERLOAD.ratio_medium = 1.0 × capacity (default 1.25)" in capsys.readouterr().out
    main(["signals", "--db", store, "--program", "fx", "--as-of", "2026-06-30"])
    fired = {
        r["subject_id"]
        for r in json.loads(capsys.readouterr().out)
        if r["signal_id"] == "S-OVERLOAD"
    }
    assert {"OV1", "OV6"} <= fired
    assert (
        main(["settings", "--db", store, "--program", "fx", "--reset", "S-OVERLOAD.ratio_medium"])
        == 0
    )
    line = next(x for x in capsys.readouterr().out.splitlines() if "ratio_medium" in x)
    assert line == "S-OVERLOAD.ratio_medium = 1.25 × capacity  [0.1 – 10]"


def test_settings_refuses_a_value_out_of_range_in_german(store, capsys) -> None:
    code = main(
        ["settings", "--db", store, "--program", "fx", "--lang", "de", "--set", "S-SILENT.days=1"]
    )
    assert code == 2
    assert "S-SILENT.days muss zwischen 7 und 730 liegen" in capsys.readouterr().err
