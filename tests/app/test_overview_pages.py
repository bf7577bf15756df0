"""Program, network, supporter and settings pages on the demo show the figures a coordinator
would check by hand (sample_data/demo/SCENARIOS.md, as of 2026-11-20)."""

from __future__ import annotations

from pathlib import Path

from app_helpers import add_account, app, open_page, signed_in, tables, texts
from streamlit.testing.v1 import AppTest

from dashboard import db
from dashboard.ui import connection


def test_program_health_figures(demo_db: Path) -> None:
    at = open_page("program")
    assert not at.exception, [e.message for e in at.exception]
    metrics = {m.label: m.value for m in at.metric}
    # 25 supporters; P19 has had no contact for 53 days and P22 left: 23 active.
    assert metrics["Active supporters"] == "23"
    assert metrics["Active supporters with basics training"] == "96%"  # 22 of 23: not P18
    assert metrics["Supervised by a professional (56 days)"] == "91%"  # 21 of 23: not P15, P16
    assert metrics["Checked in (56 days)"] == "96%"  # 22 of 23: not P16
    assert metrics["Active supporters over capacity"] == "9%"  # 2 of 23: P03, P04
    assert metrics["Open incidents"] == "4"  # I01, I03, I05, I09


def test_network_page_names_the_gaps_and_the_stale_partner(demo_db: Path) -> None:
    at = open_page("network")
    assert not at.exception, [e.message for e in at.exception]
    signals = tables(at)[0].value
    # service types by their label, a gap with its language ('… · tr' or '… · Turkish (tr)')
    named = sorted(signals["Who / what"])
    assert [n.split(" · ")[0] for n in named] == [
        "Asylum legal advice",
        "Counselling",
        "Housing support",
        "Psychotherapy",
        "Self-help group",
    ]
    assert named[0].endswith("tr") or named[0].endswith("(tr)")
    assert named[3].endswith("ar") or named[3].endswith("(ar)")
    gaps = tables(at)[1].value
    assert gaps[["Service type", "Contact language"]].values.tolist() == [
        ["Asylum legal advice", "tr"],
        ["Psychotherapy", "ar"],
    ]
    partners = tables(at)[2].value
    assert partners.iloc[0]["Service"] == "SV08"


def test_supporter_page_shows_the_matches_without_seekers(demo_db: Path) -> None:
    at = open_page("supporter")
    at.selectbox(key="w_supporter").set_value("P10").run()
    assert not at.exception, [e.message for e in at.exception]
    labels = " ".join(e.label for e in at.expander)
    assert "S-DEPENDENCY" in labels and "S-BOUNDARY" in labels
    frames = [f.value for f in tables(at)]
    matches = next(f for f in frames if "Match" in f.columns and "Goal" in f.columns)
    assert "M022" in set(matches["Match"])
    assert not any(col.lower().startswith("seeker") for f in frames for col in f.columns)
    assert not any(str(v).startswith("S0") for f in frames for v in f.get("Match", []))


def _raise_overload_threshold(at: AppTest) -> set[tuple[str, str]]:
    """Sets S-OVERLOAD's medium ratio to 160 % on the Settings page; returns the agenda after."""
    at.switch_page("app_pages/settings.py").run()
    at.number_input(key="num_S-OVERLOAD.ratio_medium").set_value(1.6)
    next(b for b in at.button if b.label == "Save" and "S-OVERLOAD" in str(b.form_id)).click()
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    at.switch_page("app_pages/attention.py").run()
    return {(r["Who / what"], r["Signal"]) for f in tables(at) for _, r in f.value.iterrows()}


def _threshold_changes(path: Path) -> tuple:
    connection.release_all()
    con = db.connect(path)
    try:
        return con.execute(
            "SELECT (SELECT count(*) FROM audit_log WHERE action = 'threshold_change'),"
            " (SELECT count(*) FROM settings WHERE key LIKE 'S-OVERLOAD.%')"
        ).fetchone()
    finally:
        con.close()


def test_changing_a_threshold_changes_the_attention_list(demo_db: Path) -> None:
    add_account(demo_db, "chef", "admin")
    shown = _raise_overload_threshold(signed_in("chef").run())
    # P04 works 150 % of capacity: above the default 125 %, below the new 160 %.
    assert ("P04", "S-OVERLOAD") not in shown
    assert ("P03", "S-OVERLOAD") in shown  # 190 % stays
    assert _threshold_changes(demo_db) == (1, 1)


def test_a_demo_visitor_s_threshold_lasts_for_the_session_only(demo_db: Path) -> None:
    shown = _raise_overload_threshold(app().run())
    assert ("P04", "S-OVERLOAD") not in shown  # applies in this session ...
    assert ("P03", "S-OVERLOAD") in shown
    assert _threshold_changes(demo_db) == (0, 0)  # ... and is stored nowhere
    fresh = open_page("attention")  # another browser session: the default again
    again = {(r["Who / what"], r["Signal"]) for f in tables(fresh) for _, r in f.value.iterrows()}
    assert ("P04", "S-OVERLOAD") in again


def test_data_dictionary_lists_every_export(demo_db: Path) -> None:
    at = open_page("data_dictionary")
    labels = [e.label for e in at.expander]
    assert [label.split(" ")[0] for label in labels] == [
        "supporters.csv",
        "matches.csv",
        "contacts.csv",
        "checkins.csv",
        "proqol.csv",
        "trainings.csv",
        "supervision.csv",
        "services.csv",
        "incidents.csv",
    ]
    supporters = tables(at)[0].value
    assert "unterstuetzer_id" in supporters.loc[0, "German aliases"]
    assert "Key: supporter_id" in texts(at)


def test_supporter_dates_read_the_german_way_and_an_open_end_as_a_dash(demo_db: Path) -> None:
    at = open_page("supporter", locale="de-DE")
    matches = next(f.value for f in tables(at) if "Ziel" in f.value.columns)
    m010 = matches[matches["Begleitung"] == "M010"].iloc[0]
    assert (m010["Beginn"], m010["Ende"]) == ("01.09.2026", "—")  # still open: no end yet
