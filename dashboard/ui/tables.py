"""Tables the pages draw: data frames with translated headers and vocabulary labels.

They are drawn as real HTML tables by widgets.table (ui/html_table.py), which escapes every
header and value, so no code in the data can become markup.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd
import streamlit as st

from dashboard.i18n import N_, vocab
from dashboard.ui import widgets
from dashboard.ui.cache import cached
from dashboard.ui.context import PageContext
from dashboard.views import supporter as supporter_view


def _labels(kind: str, values: Iterable[Any], lang: str) -> list[str]:
    return [vocab(kind, v, lang) if isinstance(v, str) else "" for v in values]


def as_list(value: Any) -> list:
    """Returns a list cell (list, tuple or numpy array from DuckDB) as a list; [] for NULL."""
    return list(value) if isinstance(value, (list, tuple, np.ndarray)) else []


def _list_labels(kind: str, values: Iterable[Any], lang: str) -> list[str]:
    return [", ".join(vocab(kind, v, lang) for v in as_list(vals)) for vals in values]


def _yes_no(ctx: PageContext, values: Iterable[Any]) -> list[str]:
    return [
        "" if v is None or pd.isna(v) else (ctx.t("common.yes") if v else ctx.t("common.no"))
        for v in values
    ]


def show(ctx: PageContext, frame: pd.DataFrame, columns: dict[str, str], caption: str) -> None:
    """Draws `frame` with columns renamed by catalog key ({column: key}); the first column
    names each row. Dates, numbers and empty cells are written the language's way."""
    if frame.empty:
        st.caption(ctx.t("common.no_rows"))
        return
    renamed = frame[list(columns)].rename(columns={c: ctx.t(k) for c, k in columns.items()})
    widgets.table(renamed, caption=caption, row_header=str(renamed.columns[0]))


def matches(ctx: PageContext, frame: pd.DataFrame) -> None:
    """Draws the supporter's matches: code, dates, goal, scope agreed, dimensions (no seeker)."""
    view = frame.assign(
        goal=_labels("topic", frame["goal"], ctx.lang),
        scope_agreed=_yes_no(ctx, frame["scope_agreed"]),
        shared_dimensions=_list_labels("dimension", frame["shared_dimensions"], ctx.lang),
        differing_dimensions=_list_labels("dimension", frame["differing_dimensions"], ctx.lang),
    )
    show(
        ctx,
        view,
        {
            "match_id": N_("col.match"),
            "started_on": N_("col.started"),
            "ended_on": N_("col.ended"),
            "goal": N_("col.goal"),
            "scope_agreed": N_("col.scope_agreed"),
            "shared_dimensions": N_("col.shared"),
            "differing_dimensions": N_("col.differing"),
            "contacts_28d": N_("col.contacts_28d"),
        },
        ctx.t("supporter.matches"),
    )


def trainings(ctx: PageContext, frame: pd.DataFrame) -> None:
    """Draws trainings with their validity on the as-of date."""
    view = frame.assign(
        training=_labels("training", frame["training"], ctx.lang),
        valid=[
            ctx.t("supporter.valid") if v else ctx.t("supporter.expired") for v in frame["valid"]
        ],
    )
    show(
        ctx,
        view,
        {
            "training": N_("col.training"),
            "completed_on": N_("col.completed"),
            "valid_until": N_("col.valid_until"),
            "valid": N_("col.validity"),
        },
        ctx.t("supporter.trainings"),
    )


def supervision(ctx: PageContext, frame: pd.DataFrame) -> None:
    """Draws the supervision and intervision sessions attended."""
    view = frame.assign(
        format=_labels("format", frame["format"], ctx.lang),
        facilitator=_labels("facilitator", frame["facilitator"], ctx.lang),
    )
    show(
        ctx,
        view,
        {"session_date": "col.date", "format": "col.format", "facilitator": "col.facilitator"},
        ctx.t("supporter.supervision"),
    )


def contacts(ctx: PageContext, frame: pd.DataFrame, caption: str) -> None:
    """Draws contacts (evidence): date, match, duration, channel, flags, topics, referrals."""
    view = frame.assign(
        channel=_labels("channel", frame["channel"], ctx.lang),
        outside_agreed_hours=_yes_no(ctx, frame["outside_agreed_hours"]),
        private_setting=_yes_no(ctx, frame["private_setting"]),
        crisis=_yes_no(ctx, frame["crisis"]),
        topics=_list_labels("topic", frame["topics"], ctx.lang),
        referral_needed=_list_labels("service", frame["referral_needed"], ctx.lang),
        referral_made=_list_labels("service", frame["referral_made"], ctx.lang),
    )
    show(
        ctx,
        view,
        {
            "contact_date": N_("col.date"),
            "contact_id": N_("col.contact"),
            "match_id": N_("col.match"),
            "duration_min": N_("col.minutes"),
            "channel": N_("col.channel"),
            "crisis": N_("col.crisis"),
            "outside_agreed_hours": N_("col.outside_hours"),
            "private_setting": N_("col.private"),
            "topics": N_("col.topics"),
            "referral_needed": N_("col.referral_needed"),
            "referral_made": N_("col.referral_made"),
            "language": N_("col.language"),
        },
        caption,
    )


def evidence(ctx: PageContext, program_id: str, row: dict[str, Any]) -> None:
    """Draws the records behind one signal: its contacts as a table, other ids as a list."""
    st.caption(ctx.t("evidence.window", days=row["window_days"] or "–"))
    found = row["evidence"] or {}
    contact_ids = found.get("contact_ids") or []
    if contact_ids:
        contacts(
            ctx,
            cached(supporter_view.contacts_by_id, program_id, tuple(contact_ids)),
            ctx.t("ui.evidence_contacts", signal=row["signal_id"]),
        )
    others = [
        (kind, ", ".join(map(str, ids)))
        for kind, ids in sorted(found.items())
        if kind != "contact_ids" and ids
    ]
    if others:
        kinds = _labels("evidence", [kind for kind, _ in others], ctx.lang)
        widgets.table(
            pd.DataFrame(
                {
                    ctx.t("col.record_kind"): kinds,
                    ctx.t("col.records"): [ids for _, ids in others],
                }
            ),
            caption=ctx.t("ui.evidence_records", signal=row["signal_id"]),
            row_header=ctx.t("col.record_kind"),
        )
