"""Tables the pages draw: data frames with translated headers and vocabulary labels.

Values go into st.dataframe only (never into markdown or HTML), so no code can become markup.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd
import streamlit as st

from dashboard.i18n import N_, fmt_date, vocab
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


def show(
    ctx: PageContext, frame: pd.DataFrame, columns: dict[str, str], dates: Iterable[str] = ()
) -> None:
    """Draws `frame` with columns renamed by catalog key ({column: key}), dates written the
    language's one way ('—' when there is none, e.g. a match not ended), other gaps blank."""
    if frame.empty:
        st.caption(ctx.t("common.no_rows"))
        return
    shown = frame[list(columns)].astype(object)
    for c in dates:
        shown[c] = [fmt_date(v, ctx.lang) for v in shown[c]]
    shown = shown.where(shown.notna(), "")
    renamed = shown.rename(columns={c: ctx.t(k) for c, k in columns.items()})
    st.dataframe(renamed, hide_index=True, width="stretch")


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
        dates=("started_on", "ended_on"),
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
        dates=("completed_on", "valid_until"),
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
        {
            "session_date": N_("col.date"),
            "format": N_("col.format"),
            "facilitator": N_("col.facilitator"),
        },
        dates=("session_date",),
    )


def contacts(ctx: PageContext, frame: pd.DataFrame) -> None:
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
        dates=("contact_date",),
    )


def evidence(ctx: PageContext, program_id: str, row: dict[str, Any]) -> None:
    """Draws the records behind one signal: its contacts as a table, other ids as a list."""
    st.caption(ctx.t("evidence.window", days=row["window_days"] or "–"))
    found = row["evidence"] or {}
    contact_ids = found.get("contact_ids") or []
    if contact_ids:
        contacts(ctx, cached(supporter_view.contacts_by_id, program_id, tuple(contact_ids)))
    others = [
        (kind, ", ".join(map(str, ids)))
        for kind, ids in sorted(found.items())
        if kind != "contact_ids" and ids
    ]
    if others:
        st.dataframe(
            pd.DataFrame(others, columns=[ctx.t("col.record_kind"), ctx.t("col.records")]).assign(
                **{
                    ctx.t("col.record_kind"): lambda f: _labels(
                        "evidence", f[ctx.t("col.record_kind")], ctx.lang
                    )
                }
            ),
            hide_index=True,
            width="stretch",
        )
