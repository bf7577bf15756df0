"""The ready-made XLSForms: pyxform converts each one, and a KoboToolbox-shaped export of it
imports with no mapping, every value stored as answered."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import fastexcel
import pytest
from pyxform.xls2xform import convert

from dashboard import db
from dashboard.access import Scope
from dashboard.ingest import Upload, import_paths, import_uploads
from dashboard.xlsform import FORMS, build_form, form_xlsx
from dashboard.xlsx import write_xlsx
from schemas import EXPORTS

CANONICAL = Path(__file__).parents[1] / "ingest" / "files" / "canonical"
LANGS = ["de", "en", "fa", "ar", "tr"]
# What KoboToolbox adds to every CSV export ("XML values and headers", ';' as its default).
KOBO_META = ["_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status",
             "__version__", "_tags", "_index"]  # fmt: skip


@pytest.mark.parametrize("export", FORMS)
def test_pyxform_converts_the_form_with_every_contract_column(export: str, tmp_path: Path) -> None:
    path = tmp_path / f"{export}.xlsx"
    path.write_bytes(form_xlsx(export, LANGS))
    xform = convert(xlsform=str(path), validate=False, pretty_print=False).xform

    assert f'id="peer_dashboard_{export}"' in xform
    for column in EXPORTS[export].columns:
        assert f'<bind nodeset="/data/{column.name}"' in xform
    for lang in ("English (en)", "German (de)", "Persian (fa)", "Arabic (ar)", "Turkish (tr)"):
        assert f'<translation lang="{lang}"' in xform


def test_contacts_form_carries_the_contracts_constraints_and_labels() -> None:
    form = build_form("contacts", LANGS)
    survey = {row[1]: dict(zip(form.sheets["survey"][0], row, strict=True))
              for row in form.sheets["survey"][1:]}  # fmt: skip
    assert survey["duration_min"]["type"] == "integer"
    assert survey["duration_min"]["constraint"] == ". >= 1 and . <= 1440"
    assert survey["duration_min"]["required"] == "yes"
    assert survey["duration_min"]["label::German (de)"] == "Dauer in Minuten (1-1440)."
    assert survey["duration_min"]["label::Turkish (tr)"] == "Süre, dakika olarak (1-1440)"
    assert survey["topics"]["type"] == "select_multiple topic"
    assert survey["match_id"]["label::English (en)"] == "Match this contact belongs to."
    assert survey["contact_id"]["type"] == "calculate"  # generated, never typed in
    choices = {(r[0], r[1]): r[2:] for r in form.sheets["choices"][1:]}
    assert choices[("channel", "video")] == ["Videoanruf", "Video call", "تماس تصویری",
                                             "مكالمة فيديو", "Görüntülü görüşme"]  # fmt: skip
    assert choices[("yes_no", "true")][1] == "Yes"
    assert form.fallbacks == ["Language: 159 codes labelled by the code itself"]


def _answer(row: dict[str, str], choices: dict[str, list[str]], n: int) -> str:
    """Returns what a submission holds for one question, the way Kobo writes it to CSV."""
    kind = row["type"]
    if kind == "calculate":
        return f"{row['name'][0].upper()}-abcdefghij{'kl'[n]}"
    if kind == "date":
        return f"2025-03-{10 + n}"
    if kind in ("integer", "decimal"):
        return row["constraint"].split(">= ")[1].split(" ")[0] if row["constraint"] else "2"
    if kind == "text":
        return {"supporter_id": "S01", "match_id": "M01"}[row["name"]]
    if kind.startswith("select_one"):
        return choices[kind.split()[1]][n]
    return " ".join(choices[kind.split()[1]][:2])  # select_multiple: space-separated


def kobo_export(export: str) -> bytes:
    """Returns a CSV shaped like KoboToolbox's export of the generated form, two submissions."""
    form = build_form(export, ["en"])
    survey = [dict(zip(form.sheets["survey"][0], row, strict=True))
              for row in form.sheets["survey"][1:]]  # fmt: skip
    choices: dict[str, list[str]] = {}
    for list_name, name, *_ in form.sheets["choices"][1:]:
        choices.setdefault(list_name, []).append(name)
    lines = [";".join([r["name"] for r in survey] + KOBO_META)]
    for n in range(2):
        meta = [str(n + 1), f"uuid-{n}", "2025-03-12T10:00:00", "", "", "submitted_via_web",
                "vpeer1", "", str(n + 1)]  # fmt: skip
        lines.append(";".join([_answer(r, choices, n) for r in survey] + meta))
    return ("\n".join(lines) + "\n").encode()


@pytest.mark.parametrize("export", FORMS)
def test_a_kobo_export_of_the_form_imports_with_no_mapping(export: str, tmp_path: Path) -> None:
    con = db.connect(tmp_path / "store.duckdb")
    scope = Scope.local_operator()
    import_paths(con, "p1", [CANONICAL / "supporters.csv", CANONICAL / "matches.csv"], scope=scope)
    name = f"peer_dashboard_{export}_-_all_versions_-_2025-03-12.csv"
    report = import_uploads(con, "p1", [Upload(name, kobo_export(export))], scope=scope)

    assert [e.text("en") for e in report.errors] == []
    assert (report.exit_code, report.files[0].export, report.files[0].rows_valid) == (
        0, export, 2
    )  # fmt: skip
    key = EXPORTS[export].primary_key[-1]
    stored = con.execute(f"SELECT * FROM {export} ORDER BY {key}").fetchall()
    assert len(stored) == 2
    con.close()


def test_contacts_values_are_stored_as_answered(tmp_path: Path) -> None:
    con = db.connect(tmp_path / "store.duckdb")
    scope = Scope.local_operator()
    import_paths(con, "p1", [CANONICAL / "supporters.csv", CANONICAL / "matches.csv"], scope=scope)
    import_uploads(con, "p1", [Upload("contacts.csv", kobo_export("contacts"))], scope=scope)
    assert con.execute(
        "SELECT contact_id, match_id, contact_date, duration_min, channel, initiated_by, "
        "outside_agreed_hours, topics, referral_needed, language FROM contacts ORDER BY 1"
    ).fetchall() == [
        ("C-abcdefghijk", "M01", date(2025, 3, 10), 1, "in_person", "supporter", True,
         ["coming_out", "identity"], ["social_work", "counselling"], "de"),
        ("C-abcdefghijl", "M01", date(2025, 3, 11), 1, "phone", "seeker", False,
         ["coming_out", "identity"], ["social_work", "counselling"], "en"),
    ]  # fmt: skip
    con.close()


def test_cli_writes_a_workbook_with_the_three_sheets(tmp_path: Path) -> None:
    out = tmp_path / "checkins.xlsx"
    done = subprocess.run(
        [sys.executable, "-m", "dashboard", "xlsform", "--export", "checkins",
         "--lang", "de,en,fa,ar,tr", "--out", str(out)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert fastexcel.read_excel(out.read_bytes()).sheet_names == ["survey", "choices", "settings"]


def test_cli_refuses_an_unknown_language_without_writing(tmp_path: Path) -> None:
    out = tmp_path / "checkins.xlsx"
    done = subprocess.run(
        [sys.executable, "-m", "dashboard", "xlsform", "--export", "checkins", "--lang", "en,xx",
         "--out", str(out)], capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert (done.returncode, out.exists(), "Traceback" in done.stderr) == (2, False, False)
    assert "languages must be among en, de, fa, ar, tr" in done.stderr


def test_the_kobo_xlsx_export_of_the_form_imports_too(tmp_path: Path) -> None:
    # Kobo's "XLS" download: the same table as a workbook, sheet named after the form.
    rows = [line.split(";") for line in kobo_export("checkins").decode().splitlines()]
    book = write_xlsx({"peer_dashboard_checkins": rows})
    con = db.connect(tmp_path / "store.duckdb")
    scope = Scope.local_operator()
    import_paths(con, "p1", [CANONICAL / "supporters.csv"], scope=scope)
    report = import_uploads(con, "p1", [Upload("checkins.xlsx", book)], scope=scope)
    assert (report.exit_code, report.files[0].rows_valid) == (0, 2)
    con.close()
