"""The weekly digest: what changed in a program since a day, as text or HTML, for e-mail.

Counts only by default — new and worse signals, reopened ones, follow-ups due in the coming
week — and a link to the app. Pseudonyms appear only when the program's `digest_pseudonyms`
setting is on (changing it is audited); every digest that names them is audited too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from html import escape
from typing import Any

import duckdb

from dashboard import audit, settings
from dashboard.access import Scope
from dashboard.followups import board, store
from dashboard.followups.record import day_for
from dashboard.i18n import N_, fmt_date, t
from dashboard.views.attention import SEVERITY_ICONS, signals_for

DUE_DAYS = 7
COUNTED = ("new", "worse", "reopened", "due")
_TITLES = {
    "new": N_("digest.new"),
    "worse": N_("digest.worse"),
    "reopened": N_("digest.reopened"),
    "due": N_("digest.due"),
}


@dataclass(frozen=True)
class Digest:
    """What the digest says: counts per kind, and (only with pseudonyms on) the items."""

    program_id: str
    as_of: date
    since: date
    counts: dict[str, int]
    items: dict[str, list[str]] = field(default_factory=dict)  # kind -> "▲ S-OVERLOAD P03"
    app_url: str | None = None


def build(
    con: duckdb.DuckDBPyConnection,
    *,
    scope: Scope,
    program_id: str,
    as_of: date | None = None,
    since: date | None = None,
) -> Digest:
    """Returns the program's digest on as-of (default: the program's as-of, else today) for the
    days since `since` (default: a week before). AccessDenied out of scope."""
    scope.require(program_id)
    day = day_for(con, program_id, as_of)
    start = since or day - timedelta(days=DUE_DAYS)
    found = signals_for(con, program_id, day, scope=scope)
    rows = board.annotate(con, program_id, found, day, scope=scope, since=start)
    kinds = {
        "new": [r for r in rows if r["group"] == "new"],
        "worse": [r for r in rows if r["group"] == "worse" and r["state"] != "reopened"],
        "reopened": [r for r in rows if r["state"] == "reopened"],
        "due": _due(con, program_id, day, scope=scope),
    }
    named = bool(settings.get_program_setting(con, program_id, "digest_pseudonyms"))
    return Digest(
        program_id=program_id,
        as_of=day,
        since=start,
        counts={k: len(v) for k, v in kinds.items()},
        items={k: [_line(r) for r in v] for k, v in kinds.items()} if named else {},
        app_url=settings.get_program_setting(con, program_id, "app_url"),
    )


def _due(
    con: duckdb.DuckDBPyConnection, program_id: str, day: date, *, scope: Scope
) -> list[dict[str, Any]]:
    """Planned follow-ups whose day, and reviews whose date, fall before a week after as-of."""
    end = day + timedelta(days=DUE_DAYS)
    latest = store.list_for(con, program_id, scope=scope)
    return [
        r
        for r in latest
        if (r["status"] == "planned" and r["happened_on"] <= end)
        or (r["review_on"] is not None and day < r["review_on"] <= end)
    ]


def _line(row: dict[str, Any]) -> str:
    icon = SEVERITY_ICONS.get(row.get("severity", ""), "")
    return f"{icon} {row['signal_id']} {row['subject_id']}".strip()


def audit_if_named(con: duckdb.DuckDBPyConnection, digest: Digest, actor: str, sent: int) -> None:
    """Audits a digest that names pseudonyms, or that was sent (counts only, never names)."""
    if digest.items or sent:
        detail = {"pseudonyms": bool(digest.items), "counts": digest.counts, "sent_to": sent}
        audit.record(con, actor, "digest", digest.program_id, detail)


def subject(digest: Digest, lang: str) -> str:
    """Returns the e-mail subject line."""
    return t("digest.subject", lang, program=digest.program_id, as_of=fmt_date(digest.as_of, lang))


def render_text(digest: Digest, lang: str) -> str:
    """Returns the digest as plain text."""
    lines = [subject(digest, lang), "", _intro(digest, lang), ""]
    for kind in COUNTED:
        lines.append(f"- {t(_TITLES[kind], lang)}: {digest.counts[kind]}")
        lines.extend(f"    {item}" for item in digest.items.get(kind, []))
    lines += ["", _link(digest, lang), "", _footer(digest, lang)]
    return "\n".join(lines) + "\n"


def render_html(digest: Digest, lang: str) -> str:
    """Returns the digest as a small self-contained HTML document (every value escaped)."""
    rows = []
    for kind in COUNTED:
        items = "".join(f"<li>{escape(i)}</li>" for i in digest.items.get(kind, []))
        rows.append(
            f"<tr><td>{escape(t(_TITLES[kind], lang))}</td>"
            f"<td><strong>{digest.counts[kind]}</strong>"
            + (f"<ul>{items}</ul>" if items else "")
            + "</td></tr>"
        )
    link = escape(_link(digest, lang))
    if digest.app_url:
        link = f'<a href="{escape(digest.app_url)}">{link}</a>'
    return (
        f'<!DOCTYPE html><html lang="{escape(lang)}"><head><meta charset="utf-8">'
        f"<title>{escape(subject(digest, lang))}</title></head><body>"
        f"<h1>{escape(subject(digest, lang))}</h1><p>{escape(_intro(digest, lang))}</p>"
        f"<table>{''.join(rows)}</table><p>{link}</p>"
        f"<p><small>{escape(_footer(digest, lang))}</small></p></body></html>"
    )


def _footer(digest: Digest, lang: str) -> str:
    return t("digest.footer_named", lang) if digest.items else t("digest.footer", lang)


def _intro(digest: Digest, lang: str) -> str:
    return t("digest.intro", lang, since=fmt_date(digest.since, lang))


def _link(digest: Digest, lang: str) -> str:
    if digest.app_url:
        return t("digest.link", lang, url=digest.app_url)
    return t("digest.no_link", lang)
