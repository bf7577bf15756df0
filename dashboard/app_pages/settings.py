"""Settings: signal thresholds per program (with help and defaults), as-of default, language."""

from collections import defaultdict
from datetime import date

import streamlit as st

from dashboard import settings
from dashboard.i18n import LANG_NAMES, LANGS, fmt_date, fmt_number
from dashboard.privacy import SUPPRESSION_THRESHOLD
from dashboard.signals import RULES
from dashboard.signals.text import UNITS
from dashboard.ui import context, filters, next_step, session_settings, widgets
from dashboard.ui import followups as followup_forms
from dashboard.ui import lang as lang_ui
from dashboard.ui.cache import by_version, cached, clear
from dashboard.views import common, preferences

ctx = context.get()
st.title(ctx.t("settings.title"))
program = filters.program_picker()
if program is None:
    next_step.no_program(ctx)
    st.stop()
pid = program.program_id
# Demo visitors may try every setting; session_settings keeps them for this browser session.
session_only = ctx.scope.anonymous
writable = (ctx.scope.can_write and ctx.scope.allows(pid) and not program.archived) or session_only
if session_only:
    st.info(ctx.t("settings.session_only"), icon=":material/science:")
elif program.archived:
    st.info(ctx.t("settings.archived"), icon=":material/inventory_2:")
elif not writable:
    st.info(ctx.t("settings.read_only"), icon=":material/lock:")


def _save_program_settings(day: date | None, lang_choice: str) -> None:
    """Stores (audited) the as-of default and language; for demo visitors, the session only."""
    if lang_choice != "browser":
        lang_ui.set_lang(lang_choice)
    if session_only:
        st.session_state[filters.AS_OF_KEY] = day or date.today()
        st.toast(ctx.t("settings.saved_session"))
        st.rerun()
    try:
        for key, value in (
            ("as_of_default", day.isoformat() if day else None),
            ("language", None if lang_choice == "browser" else lang_choice),
        ):
            settings.set_program_setting(
                ctx.cur, pid, key, value, scope=ctx.scope, actor=ctx.scope.user
            )
    except settings.SettingError as exc:
        st.error(widgets.md(exc.text(ctx.lang)))
    else:
        _saved(ctx.t("settings.saved"))


def _save_thresholds(views: list, values: dict) -> None:
    """Stores the changed thresholds (audited); for demo visitors, the session only."""
    try:
        for v in views:
            if values[v.key] == v.value:
                continue
            if session_only:
                session_settings.set_threshold(ctx.cur, pid, v.key, values[v.key])
            else:
                settings.set_threshold(
                    ctx.cur, pid, v.key, values[v.key], scope=ctx.scope, actor=ctx.scope.user
                )
    except settings.SettingError as exc:
        st.error(widgets.md(exc.text(ctx.lang)))
    else:
        _saved(ctx.t("settings.saved_session") if session_only else ctx.t("settings.saved"))


def _reset_thresholds(views: list) -> None:
    if session_only:
        session_settings.reset(pid, [v.key for v in views])
        _saved(ctx.t("settings.saved_session"))
    for v in views:
        if not v.is_default:
            settings.reset_threshold(ctx.cur, pid, v.key, scope=ctx.scope, actor=ctx.scope.user)
    _saved(ctx.t("settings.saved"))


def _saved(message: str) -> None:
    clear()
    st.session_state.pop("sel_as_of", None)  # the new default applies from the next run
    st.toast(message)
    st.rerun()


st.subheader(ctx.t("settings.program_settings", program=widgets.md(pid)))
as_of_help = settings.program_setting_help("as_of_default", ctx.lang)
current = cached(common.as_of_default, pid)
with st.form("program_settings", border=True):
    use_today = st.checkbox(
        ctx.t("settings.as_of_today"), value=current is None, disabled=not writable
    )
    day = st.date_input(
        ctx.t("settings.as_of_default"),
        value=current or filters.default_as_of(program),
        help=as_of_help,
        disabled=not writable,
        format=filters.date_format(ctx.lang),
    )
    options = ["browser", *LANGS]
    stored = by_version(preferences.stored_language, ctx.cur, pid) or "browser"
    lang_choice = st.selectbox(
        ctx.t("settings.language"),
        options,
        index=options.index(stored),
        format_func=lambda o: LANG_NAMES.get(o) or ctx.t("settings.language_browser"),
        help=ctx.t("settings.language_help"),
        disabled=not writable,
    )
    if st.form_submit_button(ctx.t("settings.save"), disabled=not writable):
        _save_program_settings(None if use_today else day, lang_choice)
st.caption(ctx.t("settings.suppression", n=SUPPRESSION_THRESHOLD))
followup_forms.settings_form(pid, writable and not session_only, _saved)  # stored values only

st.subheader(ctx.t("settings.thresholds"))
st.caption(ctx.t("settings.thresholds_hint"))
by_rule = defaultdict(list)
for view in session_settings.applied(cached(common.thresholds, pid), pid):
    by_rule[view.rule_id].append(view)
for rule_id, views in by_rule.items():
    rule = RULES[rule_id]
    changed = sum(not v.is_default for v in views)
    label = f"{ctx.t(rule.title_id)} ({rule_id})" + (
        f" ({ctx.t('settings.changed', n=changed)})" if changed else ""
    )
    with st.expander(label):
        st.caption(ctx.t(rule.reason_id))
        with st.form(f"thr_{rule_id}", border=False):
            values = {}
            for v in views:
                kind = int if isinstance(v.default, int) else float  # widget wants one type
                unit = f" ({ctx.t(UNITS[v.unit])})" if v.unit else ""
                values[v.key] = st.number_input(
                    ctx.t(v.title_id) + unit,
                    min_value=kind(v.minimum),
                    max_value=kind(v.maximum),
                    value=kind(v.value),
                    step=kind(1 if kind is int else 0.05),
                    disabled=not writable,
                    key=f"num_{v.key}",
                    help=f"{ctx.t(v.help_id)} "
                    + ctx.t("settings.default_is", value=fmt_number(v.default, ctx.lang, digits=2))
                    + f" (`{v.key}`)",
                )
            save, reset = st.columns(2)
            if save.form_submit_button(ctx.t("settings.save"), disabled=not writable):
                _save_thresholds(views, values)
            if reset.form_submit_button(
                ctx.t("settings.reset"), disabled=not writable or not changed
            ):
                _reset_thresholds(views)
st.caption(ctx.t("settings.as_of_now", date=fmt_date(filters.default_as_of(program), ctx.lang)))
