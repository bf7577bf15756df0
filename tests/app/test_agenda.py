"""The printable agenda: grouped by action, most urgent first, every data value escaped."""

from __future__ import annotations

from datetime import date

from dashboard import agenda
from dashboard.i18n import Msg, Num
from dashboard.views import attention


def _signal(subject: str, signal_id: str, action: str, severity: str, **extra: object) -> dict:
    return {
        "program_id": "p1",
        "signal_id": signal_id,
        "action": action,
        "severity": severity,
        "subject_type": "supporter",
        "subject_id": subject,
        "value": extra.get("value", 14.5),
        "threshold": extra.get("threshold", 10.0),
        "window_days": 28,
        "message": Msg(
            "signal.S-SILENT.message", {"days": 56, "detail": Msg("signal.S-SILENT.never")}
        ),
        "measure": Msg(
            "signal.S-OVERLOAD.measure", {"value": Num(14.5, 1), "threshold": Num(10, 1)}
        ),
        "evidence": {"contact_ids": ["c1", "c2"]},
        "since": extra.get("since"),
    }


SIGNALS = [
    _signal("S-low", "S-SILENT", "supervision", "low"),
    _signal("S-net", "N-GAP", "networking", "high"),
    _signal("S-high", "S-STRESS", "supervision", "high", since=date(2026, 11, 2)),
    _signal("S-train", "T-BASICS", "training", "medium"),
]


def test_rows_are_ordered_by_action_then_severity() -> None:
    rows = attention.to_rows(SIGNALS, "en")
    assert [(r["action"], r["severity"]) for r in rows] == [
        ("supervision", "high"),
        ("supervision", "low"),
        ("training", "medium"),
        ("networking", "high"),
    ]


def test_the_sentence_follows_the_language() -> None:
    de, en = attention.to_rows(SIGNALS[:1], "de")[0], attention.to_rows(SIGNALS[:1], "en")[0]
    assert (
        de["sentence"]
        == "Aktiv, aber keine Selbstreflexion in den letzten 56 Tagen (keine verzeichnet)"
    )
    assert en["sentence"] == "Active, but no check-in in the last 56 days (none on record)"
    assert (de["measure"], en["measure"]) == ("14,5 Std., Grenze 10 Std.", "14.5 h, line 10 h")
    assert (de["title"], en["title"]) == ("Keine aktuelle Selbstreflexion", "No recent check-in")


def test_filters_keep_only_the_chosen_actions_and_severities() -> None:
    rows = attention.to_rows(SIGNALS, "en")
    chosen = attention.select(rows, ["supervision"], ["high"])
    assert [r["subject_id"] for r in chosen] == ["S-high"]


def test_agenda_has_one_section_per_action_in_order_with_german_labels() -> None:
    html = agenda.render(
        attention.to_rows(SIGNALS, "de"),
        program_id="p1",
        as_of=date(2026, 11, 20),
        lang="de",
        generated_on=date(2026, 11, 21),
    )
    assert html.index("Supervision (2)") < html.index("Schulung (1)") < html.index("Vernetzung (1)")
    assert "Stichtag 20.11.2026" in html
    assert "▲ Hoch" in html  # severity as icon and word
    assert "02.11.2026" in html  # since
    assert "14,5 Std., Grenze 10 Std." in html  # value and line in the sentence's unit


def test_agenda_escapes_every_value_from_the_data() -> None:
    evil = _signal("<script>alert(1)</script>", "S-STRESS", "supervision", "high")
    evil["message"] = '<img src=x onerror="alert(2)">'
    html = agenda.render(
        attention.to_rows([evil], "en"), program_id="<b>p</b>", as_of=date(2026, 11, 20), lang="en"
    )
    assert "<script>" not in html and "<img" not in html and "<b>p</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;p&lt;/b&gt;" in html
