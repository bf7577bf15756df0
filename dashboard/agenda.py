"""The printable one-page agenda for a supervision meeting, as a self-contained HTML document.

A printout travels like a file, so the agenda follows the CSV's small-count rule: program-level
(networking) rows show counts 1..7 as "<8" (`views.agenda_export.shareable`), and says so.

Every value that came from data is passed through `html.escape`, so an odd code can never
turn into markup; labels come from the message catalogs. No Streamlit here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape
from typing import Any

from dashboard.i18n import N_, fmt_date, t, vocab
from dashboard.views.agenda_export import shareable
from dashboard.views.attention import ACTIONS, SEVERITY_ICONS, followup_label

_CSS = """
@page { size: A4; margin: 12mm; }
body { font-family: system-ui, sans-serif; font-size: 9.5pt; color: #111; margin: 0; }
h1 { font-size: 14pt; margin: 0 0 2pt; }
h2 { font-size: 11pt; margin: 10pt 0 3pt; border-bottom: 1px solid #444; }
p.meta { margin: 0 0 6pt; color: #333; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 2pt 4pt; border-bottom: 1px solid #ccc; }
th { font-weight: 600; }
td.sev { white-space: nowrap; }
td.check { width: 14pt; }
td.outcome { width: 28%; color: #444; }
footer { margin-top: 8pt; font-size: 8pt; color: #444; }
"""


def render(
    rows: Sequence[dict[str, Any]],
    *,
    program_id: str,
    as_of: date,
    lang: str,
    generated_on: date | None = None,
    is_demo: bool = False,
) -> str:
    """Returns the agenda as an HTML page: one table per action, rows in agenda order."""
    title = t("agenda.title", lang)
    meta = t(
        "agenda.meta",
        lang,
        program=escape(program_id),
        as_of=escape(fmt_date(as_of, lang)),
        generated=escape(fmt_date(generated_on or date.today(), lang)),
    )
    parts = [
        f'<!DOCTYPE html><html lang="{escape(lang)}"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>",
        f'<h1>{escape(title)}</h1><p class="meta">{meta}</p>',
    ]
    if is_demo:
        parts.append(f"<p><strong>{escape(t('demo.badge', lang))}</strong></p>")
    rows = [shareable(r, lang) for r in rows]
    if not rows:
        parts.append(f"<p>{escape(t('attention.none', lang))}</p>")
    for action in ACTIONS:
        group = [r for r in rows if r["action"] == action]
        if group:
            parts.append(_section(action, group, lang))
    footer = t("agenda.footer", lang) + " " + t("agenda.suppressed", lang)
    parts.append(f"<footer>{escape(footer)}</footer></body></html>")
    return "\n".join(parts)


def _section(action: str, rows: Sequence[dict[str, Any]], lang: str) -> str:
    heads = [
        "",
        N_("col.severity"),
        N_("col.subject"),
        N_("col.signal"),
        N_("col.evidence"),
        N_("col.value"),
        N_("col.since"),
        N_("col.outcome"),
    ]
    header = "".join(f"<th>{escape(t(h, lang)) if h else ''}</th>" for h in heads)
    body = "".join(_row(r, lang) for r in rows)
    name = escape(vocab("action", action, lang))
    return f"<h2>{name} ({len(rows)})</h2><table><tr>{header}</tr>{body}</table>"


def _row(r: dict[str, Any], lang: str) -> str:
    severity = f"{SEVERITY_ICONS.get(r['severity'], '')} {vocab('severity', r['severity'], lang)}"
    value = value_vs_threshold(r, lang)
    since = fmt_date(r["since"], lang) if isinstance(r["since"], date) else ""
    # left blank to write the meeting's outcome in; a planned or reopened follow-up is named
    outcome = followup_label(r, lang)
    cells = ["☐", severity, r["subject_id"], r["signal_id"], r["sentence"], value, since, outcome]
    classes = ["check", "sev", "", "", "", "", "", "outcome"]
    return (
        "<tr>"
        + "".join(
            f'<td class="{c}">{escape(str(v if v is not None else ""))}</td>'
            for c, v in zip(classes, cells, strict=True)
        )
        + "</tr>"
    )


def value_vs_threshold(row: dict[str, Any], lang: str) -> str:
    """Returns the value against its threshold in the sentence's own unit and direction
    ('15.2 h, line 10 h', 'Stress 4 of 5, at or above 4'); '' when the signal has none."""
    return str(row.get("measure") or "")
