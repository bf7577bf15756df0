"""Downloads open right: CSV in the reader's dialect (de: `;`, decimal comma, BOM), headers in
that language, small counts of program-level rows suppressed in the CSV and the printable
agenda alike. Expected cells worked out by hand from the rows below."""

from __future__ import annotations

import io
from datetime import date

import pandas as pd
from test_agenda import _signal

from dashboard import agenda
from dashboard.csv_dialect import cell, write_csv
from dashboard.i18n import Ids, Msg
from dashboard.views import attention
from dashboard.views.agenda_export import agenda_csv, csv_rows, private, shareable

ROWS = [
    {"name": "Überlastung ≥ 14 h", "hours": 15.17, "n": 3, "day": date(2026, 11, 2)},
    {"name": "=cmd()", "hours": -0.5, "n": 12, "day": None},
]
COLUMNS = {"name": "Name", "hours": "Stunden", "n": "Anzahl", "day": "Datum"}


def _read(data: bytes, sep: str, decimal: str = ".") -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(data), sep=sep, decimal=decimal, encoding="utf-8-sig")


def test_german_csv_reads_back_with_semicolon_and_decimal_comma() -> None:
    data = write_csv(ROWS, COLUMNS, "de")
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    frame = _read(data, ";", ",")
    assert list(frame.columns) == ["Name", "Stunden", "Anzahl", "Datum"]
    assert frame["Name"].tolist() == ["Überlastung ≥ 14 h", "'=cmd()"]  # formula neutralised
    assert frame["Stunden"].tolist() == [15.17, -0.5]
    assert frame["Anzahl"].tolist() == [3, 12]
    assert frame["Datum"].iloc[0] == "02.11.2026"
    assert data.decode("utf-8-sig").splitlines()[1] == "Überlastung ≥ 14 h;15,17;3;02.11.2026"


def test_english_and_persian_csv_use_comma_bom_and_latin_digits() -> None:
    for lang in ("en", "fa"):
        data = write_csv(ROWS, COLUMNS, lang)
        assert data.startswith(b"\xef\xbb\xbf")
        frame = _read(data, ",")
        assert frame["Stunden"].tolist() == [15.17, -0.5]
        assert frame["Datum"].iloc[0] == "2026-11-02"
    assert cell(1234.5, "fa") == "1234.5" and cell(True, "de") == "ja"


def _networking() -> list[dict]:
    gap = _signal("legal_asylum/tr", "N-GAP", "networking", "high", value=3, threshold=1)
    gap["subject_type"] = "service"
    gap["evidence"] = {"contact_ids": ["C1", "C2", "C3"]}
    gap["message"] = Msg("test.gap", {"n": 3, "days": 90, "contacts": Ids(["C1", "C2", "C3"])})
    gap["measure"] = Msg("signal.N-GAP.measure", {"n": 3})
    busy = _signal("counselling", "N-UNMET", "networking", "high", value=0.4, threshold=0.5)
    busy["subject_type"] = "service"
    busy["evidence"] = {"contact_ids": [f"C{i}" for i in range(9)]}
    return [gap, busy]


def test_agenda_csv_in_german_with_labels_counts_and_suppression() -> None:
    signals = [_signal("S07", "S-OVERLOAD", "supervision", "high", value=15.17, threshold=14.0)]
    data = agenda_csv(attention.to_rows(signals + _networking(), "de"), "de")
    frame = _read(data, ";", ",").set_index("Wer / was")
    assert frame.loc["S07", "Maßnahme"] == "Supervision"
    assert frame.loc["S07", "Dringlichkeit"] == "Hoch"
    # a column holding "<8" is text to pandas; a spreadsheet reads each cell, 15,17 as a number
    assert frame.loc["S07", "Wert"] == "15,17" and frame.loc["S07", "Schwelle"] == 14.0
    assert frame.loc["S07", "Zugrunde liegende Einträge"] == "Kontakte: 2"  # ids stay in the app
    # the supporter's sentence as the rule says it (S-SILENT, 56 days, none recorded)
    assert frame.loc["S07", "Beleg"] == (
        "Aktiv, aber keine Selbstreflexion in den letzten 56 Tagen (keine verzeichnet)"
    )
    assert frame.loc["legal_asylum/tr", "Wert"] == "<8"
    assert frame.loc["legal_asylum/tr", "Zugrunde liegende Einträge"] == "Kontakte: <8"
    assert frame.loc["counselling", "Zugrunde liegende Einträge"] == "Kontakte: 9"
    assert "C1" not in data.decode("utf-8-sig")


def test_networking_sentence_is_kept_with_its_counts_suppressed() -> None:
    message = _networking()[0]["message"]
    assert private(message).params == {"n": "<8", "days": 90, "contacts": "<8"}
    big = Msg("test.gap", {"n": 9, "contacts": Ids([f"C{i}" for i in range(9)])})
    assert private(big).params == {"n": 9, "contacts": 9}
    rows = {r["subject_id"]: r for r in csv_rows(attention.to_rows(_networking(), "en"), "en")}
    assert rows["legal_asylum/tr"]["sentence"] == "test.gap"  # no catalog text: shown as id
    done = Msg("import.done", {"id": "4", "valid": 3, "rejected": 12})
    signal = _networking()[0] | {"message": done}
    text = csv_rows(attention.to_rows([signal], "en"), "en")[0]["sentence"]
    assert text == "Import 4 committed: <8 rows stored, 12 rejected."
    plain = _networking()[0] | {"message": "3 contacts (C1, C2, C3)"}
    assert csv_rows(attention.to_rows([plain], "en"), "en")[0]["sentence"] == ""


def test_printable_agenda_suppresses_small_counts_like_the_csv_and_says_so() -> None:
    html = agenda.render(
        attention.to_rows(_networking(), "en"), program_id="p1", as_of=date(2026, 11, 20), lang="en"
    )
    # N-GAP's measure, "3 contacts without a partner", with its count hidden as in the CSV
    assert "&lt;8 contacts" in html
    assert "3 contacts" not in html and "C1" not in html
    assert "read &quot;&lt;8&quot;, as in the CSV download" in html


def test_the_measure_phrase_of_a_program_level_row_is_suppressed_too() -> None:
    done = Msg("import.done", {"id": "4", "valid": 3, "rejected": 12})
    signal = _networking()[0] | {"measure": done}
    (row,) = attention.to_rows([signal], "en")
    assert shareable(row, "en")["measure"] == "Import 4 committed: <8 rows stored, 12 rejected."
