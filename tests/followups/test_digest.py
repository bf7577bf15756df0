"""The weekly digest (demo, as of 20 Nov 2026, since 13 Nov), sent to a real SMTP server
running in-process (aiosmtpd) and read back.

Worked out by hand: new since 13 Nov = S-CRISIS P17, S-DEPENDENCY P09, S-BOUNDARY P10,
S-DEPENDENCY P10 (4); nothing rose in severity (0 worse); P06's S-STRESS was done on 15 Nov
with review on 19 Nov, so it reopened (1); P04's planned talk on 25 Nov and P05's review on
24 Nov fall within the coming week (2 due).
"""

from __future__ import annotations

import email
import email.policy
import json
import re
import socket
from collections.abc import Iterator
from datetime import date
from email.message import Message

import duckdb
import pytest
from aiosmtpd.controller import Controller

from dashboard import db, settings
from dashboard.access import AccessDenied, Scope
from dashboard.auth import add_user
from dashboard.cli import main
from dashboard.followups import digest
from dashboard.followups.mail import recipients as mail_recipients
from dashboard.followups.record import record

from .conftest import OPERATOR

PSEUDONYM = re.compile(r"\bP\d\d\b")


class _Inbox:
    def __init__(self) -> None:
        self.received: list[tuple[list[str], Message]] = []

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: ANN001
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.received.append((list(envelope.rcpt_tos), parsed))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def inbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Inbox]:
    box, port = _Inbox(), _free_port()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    for key, value in {"HOST": "127.0.0.1", "PORT": str(port), "STARTTLS": "false",
                       "SENDER": "digest@example.org"}.items():  # fmt: skip
        monkeypatch.setenv(f"DASHBOARD_SMTP_{key}", value)
    yield box
    controller.stop()


def _follow(con: duckdb.DuckDBPyConnection, signal: str, subject: str, status: str, on: str,
            review: str | None = None) -> None:  # fmt: skip
    record(
        con, scope=OPERATOR, program_id="demo", signal_id=signal, subject_id=subject,
        action="supervision_talk", status=status, on=date.fromisoformat(on),
        review=date.fromisoformat(review) if review else None, as_of=date(2026, 11, 20),
    )  # fmt: skip


@pytest.fixture
def store(demo_con: duckdb.DuckDBPyConnection, tmp_path) -> str:  # noqa: ANN001
    _follow(demo_con, "S-STRESS", "P06", "done", "2026-11-15", review="2026-11-19")
    _follow(demo_con, "S-OVERLOAD", "P04", "planned", "2026-11-25")
    _follow(demo_con, "S-ASKED", "P05", "done", "2026-11-17", review="2026-11-24")
    add_user(demo_con, "cora", "coordinator", scope=OPERATOR, programs=["demo"],
             email="cora@example.org")  # fmt: skip
    add_user(demo_con, "kim", "coordinator", scope=OPERATOR, programs=["B"],
             email="kim@example.org")  # fmt: skip
    add_user(demo_con, "vic", "viewer", scope=OPERATOR, programs=["demo"],
             email="vic@example.org")  # fmt: skip
    demo_con.execute("CHECKPOINT")
    return str(tmp_path / "demo.duckdb")


def _digest(store: str, *extra: str) -> int:
    return main(["digest", "--db", store, "--program", "demo", "--since", "2026-11-13", *extra])


def _counts(text: str) -> list[str]:
    return re.findall(r"^- .*: (\d+)\s*$", text, re.M)  # lines end in CRLF in a mail


def test_the_digest_reaches_only_the_programs_coordinators_with_counts_and_no_pseudonym(
    store: str, inbox: _Inbox, demo_con, capsys
) -> None:
    demo_con.close()
    assert _digest(store, "--send") == 0
    [(to, message)] = inbox.received
    assert to == ["cora@example.org"]
    assert message["Subject"] == "Supervision digest: program demo, 20 Nov 2026"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert _counts(text) == ["4", "0", "1", "2"], text  # new, worse, reopened, due
    assert not PSEUDONYM.search(text) and not PSEUDONYM.search(html)
    assert "S-CRISIS" not in text
    assert "sent to 1 coordinator(s)" in capsys.readouterr().err


def test_pseudonyms_only_when_the_program_enables_it_and_audited(store: str, inbox: _Inbox,
                                                                 demo_con) -> None:  # fmt: skip
    settings.set_program_setting(demo_con, "demo", "digest_pseudonyms", True, scope=OPERATOR)
    demo_con.close()
    assert _digest(store, "--send", "--lang", "de") == 0
    [(_, message)] = inbox.received
    text = message.get_body(("plain",)).get_content()
    assert "▲ S-CRISIS P17" in text and "S-STRESS P06" in text
    assert message["Subject"] == "Supervisions-Überblick: Programm demo, 20.11.2026"
    con = duckdb.connect(store, read_only=True)
    rows = con.execute(
        "SELECT action, detail::VARCHAR FROM audit_log WHERE action IN ('digest', "
        "'setting_change') ORDER BY audit_id"
    ).fetchall()
    con.close()
    assert [a for a, _ in rows][-2:] == ["setting_change", "digest"]
    assert json.loads(rows[-2][1])["key"] == "digest_pseudonyms"
    detail = json.loads(rows[-1][1])
    assert (detail["pseudonyms"], detail["sent_to"]) == (True, 1)
    assert "P17" not in rows[-1][1]


def test_without_a_server_or_for_another_program_nothing_is_sent(
    store: str, demo_con, monkeypatch, capsys
) -> None:
    demo_con.close()
    monkeypatch.delenv("DASHBOARD_SMTP_HOST", raising=False)
    assert _digest(store, "--send") == 2
    assert capsys.readouterr().err.startswith("error: no SMTP server or sender")
    kim = Scope("kim", "coordinator", frozenset({"B"}))
    con = db.connect(store)
    with pytest.raises(AccessDenied):
        digest.build(con, scope=kim, program_id="demo")
    con.close()


def test_users_take_an_email_address_and_refuse_a_bad_one(store: str, demo_con, capsys) -> None:
    demo_con.close()
    base = ["users", "add", "olga", "--db", store, "--role", "coordinator", "--program", "demo",
            "--oidc"]  # fmt: skip
    assert main([*base, "--email", "not an address"]) == 2
    assert main([*base, "--email", "olga@example.org"]) == 0
    assert main(["users", "update", "cora", "--db", store, "--email", ""]) == 0
    con = db.connect(store)
    assert mail_recipients(con, "demo") == ["olga@example.org"]
    logged = con.execute("SELECT detail::VARCHAR FROM audit_log WHERE action = 'user_change'")
    assert all("@example.org" not in d for (d,) in logged.fetchall()), "the log says 'set' only"
    con.close()
