"""The attention page lists exactly the demo's expected signals (worked out by hand in
sample_data/demo/SCENARIOS.md), grouped and ordered as a supervision agenda."""

from __future__ import annotations

import re
from pathlib import Path

from app_helpers import ROOT, add_account, open_page, signed_in, tables, texts

from dashboard import db, i18n
from dashboard.ui import connection
from dashboard.views import labels

SCENARIOS = ROOT / "sample_data" / "demo" / "SCENARIOS.md"
CLEAN = {"P01", "P02", "P13", "P19", "P22", "P23"}  # SCENARIOS.md: must fire nothing
SEVERITY_WORDS = {"▲ High": "high", "◆ Medium": "medium", "○ Low": "low"}


def _expected() -> set[tuple[str, str, str]]:
    """The 'Expected set' block of SCENARIOS.md as (subject, signal, severity); a service-type
    subject (`legal_asylum/tr`) as the page names it ('Asylum legal advice · tr')."""
    text = SCENARIOS.read_text(encoding="utf-8")
    block = re.search(r"## Expected set.*?```text\n(.*?)```", text, re.S)
    assert block, "SCENARIOS.md has no expected-set block"
    rows = [line.split() for line in block.group(1).strip().splitlines()]
    return {(_named(subject), signal, severity) for subject, signal, severity in rows}


def _named(subject: str) -> str:
    kind = "supporter" if re.fullmatch(r"P\d+", subject) else "service"
    return labels.subject({"subject_type": kind, "subject_id": subject}, "en")


def _shown(at) -> list[tuple[str, str, str]]:  # noqa: ANN001
    rows = []
    for frame in tables(at):
        for _, r in frame.value.iterrows():
            rows.append((r["Who / what"], r["Signal"], SEVERITY_WORDS[r["Severity"]]))
    return rows


def test_attention_lists_the_expected_demo_signals(demo_db: Path) -> None:
    at = open_page("attention")
    assert not at.exception
    assert "Program demo, as of 20 Nov 2026" in texts(at)
    shown = _shown(at)
    assert len(shown) == len(set(shown)) == 35
    assert set(shown) == _expected()
    assert CLEAN.isdisjoint(s for s, _, _ in shown)


def test_supporters_with_signals_and_severity_counts(demo_db: Path) -> None:
    at = open_page("attention")
    metrics = {m.label: int(m.value) for m in at.metric}
    supporters = {s for s, _, _ in _expected() if re.fullmatch(r"P\d\d", s)}
    assert metrics["Supporters with signals"] == len(supporters) == 19
    expected = _expected()
    # each tile counts one kind of thing and says which: people, then signals by severity
    assert metrics["▲ High: signals"] == sum(1 for *_, sev in expected if sev == "high") == 8
    assert metrics["◆ Medium: signals"] + metrics["○ Low: signals"] == len(expected) - 8


def test_groups_follow_the_meeting_and_severity_is_ordered_within(demo_db: Path) -> None:
    """No follow-ups yet: new since 28 days before as-of (23 Oct 2026), worse, open."""
    at = open_page("attention")
    titles = [h.value for h in at.subheader]
    names = [t.rsplit(" (", 1)[0] for t in titles]
    assert names == ["New since 23 Oct 2026", "Worse", "Open"]
    assert sum(int(t.rsplit("(", 1)[1].rstrip(")")) for t in titles) == 35
    order = {"high": 0, "medium": 1, "low": 2}
    for frame in tables(at):
        ranks = [order[SEVERITY_WORDS[s]] for s in frame.value["Severity"]]
        assert ranks == sorted(ranks)


def test_filters_narrow_the_agenda(demo_db: Path) -> None:
    at = open_page("attention")
    at.multiselect(key="att_actions").set_value(["training"]).run()
    at.multiselect(key="att_severities").set_value(["low"]).run()
    assert sorted(_shown(at)) == [("P12", "T-EXPIRED", "low"), ("P25", "T-REFERRAL", "low")]


def test_opening_a_supporter_shows_their_signal_with_its_contacts(demo_db: Path) -> None:
    at = open_page("attention")
    at.selectbox(key="att_open").set_value("P03")
    at.button(key="att_open_btn").click().run()  # the page switches to the supporter
    assert not at.exception, [e.message for e in at.exception]
    assert at.title[0].value == "Supporter"
    assert at.selectbox(key="w_supporter").value == "P03"
    assert "S-OVERLOAD" in " ".join(e.label for e in at.expander)
    contacts = tables(at)[0].value
    assert len(contacts) == 13  # SCENARIOS.md: 13 contacts × 70 min in the 28 days
    assert set(contacts["Minutes"]) == {"70"}  # as the table shows it


def test_downloads_are_offered_and_the_german_agenda_is_german(demo_db: Path) -> None:
    at = open_page("attention", locale="de-DE")
    labels = [b.label for b in at.get("download_button")]
    assert labels == [
        i18n.t("attention.download_csv", "de"),
        i18n.t("attention.download_agenda", "de"),
    ]


def _export_audit(path: Path) -> list[tuple]:
    connection.release_all()
    con = db.connect(path)
    rows = con.execute(
        "SELECT actor, program_id, detail->>'what', detail->>'rows' FROM audit_log"
        " WHERE action = 'export'"
    ).fetchall()
    con.close()
    return rows


def test_a_download_is_written_to_the_audit_log(demo_db: Path) -> None:
    add_account(demo_db, "chef", "admin")
    at = signed_in("chef").run()
    csv_button = next(b for b in at.get("download_button") if b.label == "Download list (CSV)")
    csv_button.click()
    at.run()
    assert not at.exception
    assert _export_audit(demo_db) == [("chef", "demo", "agenda_csv", "35")]


def test_a_demo_visitor_s_download_leaves_no_trace_in_the_store(demo_db: Path) -> None:
    at = open_page("attention")
    next(b for b in at.get("download_button") if b.label == "Download list (CSV)").click()
    at.run()
    assert not at.exception
    assert _export_audit(demo_db) == []
