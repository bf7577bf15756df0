"""Sending the weekly digest by SMTP to the program's coordinators.

Server, port, STARTTLS and sender come from the program's settings (`smtp_host`, `smtp_port`,
`smtp_starttls`, `smtp_sender`) when stored, else from $DASHBOARD_SMTP_HOST, _PORT, _STARTTLS,
_SENDER; user name and password only from $DASHBOARD_SMTP_USER / $DASHBOARD_SMTP_PASSWORD, so
no secret is ever stored in the database. One message per coordinator: nobody sees the others'
addresses.
"""

from __future__ import annotations

import os
import smtplib
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import EmailMessage

import duckdb

from dashboard import settings
from dashboard.access import Scope
from dashboard.followups import digest as digests

ENV = "DASHBOARD_SMTP_"


class DigestError(RuntimeError):
    """The digest cannot be sent (no server, no sender, no recipient, SMTP failure)."""


@dataclass(frozen=True)
class SmtpConfig:
    """Where and how to deliver: the server and sender; credentials only from the environment."""

    host: str
    port: int
    starttls: bool
    sender: str
    user: str | None = None
    password: str | None = None


def smtp_config(
    con: duckdb.DuckDBPyConnection, program_id: str, env: Mapping[str, str] | None = None
) -> SmtpConfig:
    """Returns the SMTP settings in force for the program; DigestError without host or sender."""
    env = os.environ if env is None else env

    def pick(key: str, default: object) -> object:
        stored = settings.stored_program_setting(con, program_id, key)
        if stored is not None:
            return stored
        raw = env.get(ENV + key.removeprefix("smtp_").upper())
        if raw is None or raw == "":
            return default
        return settings.ProgramSettings(**{key: raw}).model_dump()[key]

    host, sender = pick("smtp_host", None), pick("smtp_sender", None)
    if not host or not sender:
        raise DigestError("no SMTP server or sender: set smtp_host and smtp_sender")
    return SmtpConfig(
        host=str(host),
        port=int(pick("smtp_port", 587)),  # type: ignore[call-overload]
        starttls=bool(pick("smtp_starttls", True)),
        sender=str(sender),
        user=env.get(ENV + "USER") or None,
        password=env.get(ENV + "PASSWORD") or None,
    )


def recipients(con: duckdb.DuckDBPyConnection, program_id: str) -> list[str]:
    """Returns the e-mail addresses of the program's enabled coordinators, sorted."""
    rows = con.execute(
        "SELECT DISTINCT u.email FROM users u JOIN user_programs p USING (username) "
        "WHERE p.program_id = ? AND u.role = 'coordinator' AND NOT u.disabled "
        "AND u.email IS NOT NULL ORDER BY 1",
        [program_id],
    ).fetchall()
    return [r[0] for r in rows]


def send(
    con: duckdb.DuckDBPyConnection,
    digest: digests.Digest,
    *,
    scope: Scope,
    lang: str,
    env: Mapping[str, str] | None = None,
) -> int:
    """Sends the digest (text and HTML) to each coordinator; returns how many; audits it."""
    scope.require(digest.program_id, write=True)
    config = smtp_config(con, digest.program_id, env)
    to = recipients(con, digest.program_id)
    if not to:
        raise DigestError("no coordinator of the program has an e-mail address (users --email)")
    try:
        with smtplib.SMTP(config.host, config.port, timeout=30) as server:
            if config.starttls:
                server.starttls(context=ssl.create_default_context())
            if config.user and config.password:
                server.login(config.user, config.password)
            for address in to:
                server.send_message(_message(digest, config.sender, address, lang))
    except (OSError, smtplib.SMTPException) as exc:
        raise DigestError(f"sending failed ({type(exc).__name__})") from None
    digests.audit_if_named(con, digest, scope.user, len(to))
    return len(to)


def _message(digest: digests.Digest, sender: str, to: str, lang: str) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = digests.subject(digest, lang)
    message["From"] = sender
    message["To"] = to
    message.set_content(digests.render_text(digest, lang))
    message.add_alternative(digests.render_html(digest, lang), subtype="html")
    return message
