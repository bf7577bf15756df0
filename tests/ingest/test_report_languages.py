"""Row errors carry a code and parameters; the text is rendered where shown, in en, de or fa."""

from __future__ import annotations

import csv
import io

import pytest

from dashboard import db
from dashboard.access import Scope
from dashboard.commands.import_cmd import print_summary
from dashboard.i18n import say
from dashboard.ingest import Upload, errors_csv, import_uploads, quarantine_csv, validate_uploads

LOCAL = Scope.local_operator()
HEADER = "supporter_id,joined_on,capacity_hours_month,own_process_stage"
PERSIAN_LETTERS = set("ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی")


@pytest.fixture()
def con():
    connection = db.connect(":memory:")
    yield connection
    connection.close()


def _upload(body: str, name: str = "supporters.csv") -> list[Upload]:
    return [Upload(name, f"{HEADER}\n{body}".encode())]


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_a_row_error_holds_code_and_parameters_not_text(con) -> None:
    report = validate_uploads(con, "p", _upload("S1,2025-01-01,5,expert\n"), scope=LOCAL)
    (error,) = report.errors
    assert (error.line, error.column, error.value, error.code) == (
        2, "own_process_stage", "expert", "not_in_vocabulary",
    )  # fmt: skip
    assert error.detail == "early, consolidating, experienced"
    assert not hasattr(error, "message_de")


def test_rejected_rows_in_persian_keep_the_value_and_use_persian_digits(con) -> None:
    body = "S1,2025-01-01,5,expert\nS2,2025-01-01,5,early\nS3,2025-01-01,5,expert2\n"
    report = validate_uploads(con, "p", _upload(body), scope=LOCAL)
    rows = _csv(errors_csv(report, "fa"))
    assert [(r["line"], r["value"]) for r in rows] == [("2", "expert"), ("4", "expert2")]
    message = rows[0]["message"]
    # own_process_stage: «expert» کد مجازی نیست (مجاز: early, consolidating, experienced).
    assert message.startswith("own_process_stage: «expert» کد مجازی نیست")
    out = io.StringIO()
    print_summary(report, out, "fa")
    text = out.getvalue()
    assert "supporters.csv: supporters، ۳ ردیف خوانده شد، ۱ معتبر، ۲ ردشده" in text
    assert "supporters.csv سطر ۴: own_process_stage: «expert2»" in text


def test_the_same_error_reads_in_each_language(con) -> None:
    report = validate_uploads(con, "p", _upload("S1,2025-01-01,5,expert\n"), scope=LOCAL)
    (error,) = report.errors
    texts = {lang: error.text(lang) for lang in ("en", "de", "fa")}
    assert texts["en"] == (
        "own_process_stage: 'expert' is not an allowed code "
        "(allowed: early, consolidating, experienced)."
    )
    assert texts["de"] == (
        "own_process_stage: 'expert' ist kein erlaubter Code "
        "(erlaubt: early, consolidating, experienced)."
    )
    assert PERSIAN_LETTERS & set(texts["fa"])


def test_a_redacted_value_reads_in_the_reader_language(con) -> None:
    report = validate_uploads(con, "p", _upload("S1,2025-01-01,5,kim@example.org\n"), scope=LOCAL)
    (error,) = report.errors
    assert (error.code, error.value) == ("not_in_vocabulary", "REDACTED")
    values = {lang: _csv(errors_csv(report, lang))[0]["value"] for lang in ("en", "de", "fa")}
    assert values == {
        "en": "[hidden: looks like a name or contact]",
        "de": "[ausgeblendet: sieht wie ein Name oder Kontakt aus]",
        "fa": "[پنهان: شبیه نام یا راه تماس است]",
    }
    assert "REDACTED" not in errors_csv(report, "de") + errors_csv(report, "fa")


def test_a_duplicate_key_names_the_first_line_in_the_language(con) -> None:
    body = "S1,2025-01-01,5,early\nS1,2025-02-01,5,early\n"
    report = validate_uploads(con, "p", _upload(body), scope=LOCAL)
    (error,) = report.errors
    assert error.code == "duplicate_key"
    assert "(first at line 2)" in error.text("en")
    assert "(zuerst in Zeile 2)" in error.text("de")
    assert "(بار اول در سطر ۲)" in error.text("fa")


def test_the_quarantine_csv_gives_problems_in_the_language(con) -> None:
    body = "S1,2025-01-01,5,early\nS2,2025-01-01,5,expert\nS3,2025-01-01,5,kim@example.org\n"
    report = import_uploads(con, "p", _upload(body), accept_valid=True, scope=LOCAL)
    assert report.import_id is not None
    rows = {
        lang: _csv(quarantine_csv(con, report.import_id, scope=LOCAL, lang=lang))
        for lang in ("en", "de", "fa")
    }
    assert rows["en"][0]["problems"].startswith("own_process_stage: 'expert' is not an allowed")
    assert rows["de"][0]["problems"].startswith("own_process_stage: 'expert' ist kein erlaubter")
    assert rows["fa"][0]["problems"].startswith("own_process_stage: «expert» کد مجازی نیست")
    assert rows["fa"][0]["own_process_stage"] == "expert"
    hidden = [r["own_process_stage"] for r in rows["de"]][1]
    assert hidden == "[ausgeblendet: sieht wie ein Name oder Kontakt aus]"


@pytest.mark.parametrize(
    ("data", "reason_de"),
    [
        (f"{HEADER}\nS1,2025-01-01,5,".encode() + b"e" * 3_000_000, "Zelle ist viel zu lang"),
        (f"{HEADER}\rS1,2025-01-01,5,early\rS2,2025-01-02,5,early\r".encode(), None),
    ],
)
def test_unreadable_csv_never_shows_python_wording(con, data: bytes, reason_de) -> None:
    report = validate_uploads(con, "p", [Upload("supporters.csv", data)], scope=LOCAL)
    texts = " ".join(e.text(lang) for e in report.errors for lang in ("en", "de", "fa"))
    for python_words in ("newline=''", "unexpected end of data", "field limit", "Error"):
        assert python_words not in texts
    if reason_de is not None:
        assert report.errors[0].code == "malformed_csv"
        assert reason_de in report.errors[0].text("de")


def test_notices_are_messages_rendered_per_language(con) -> None:
    data = b"supporter_id;joined_on;capacity_hours_month\nS1;2025-01-01;5\n"
    report = validate_uploads(con, "p", [Upload("supporters.csv", data)], scope=LOCAL)
    notices = report.files[0].notices
    assert [say(n, "en") for n in notices] == ["Delimiter ';'."]
    assert [say(n, "de") for n in notices] == ["Trennzeichen ';'."]
    assert [say(n, "fa") for n in notices] == ["جداکننده: «;»."]
