"""Data dictionary: every export and column of the contract, with templates to download."""

import pandas as pd
import streamlit as st

from dashboard.i18n import N_
from dashboard.ui import context, widgets
from dashboard.views import dictionary as view
from dashboard.xlsform import FORMS, LANGUAGES
from schemas import EXPORTS

_KINDS = {  # schemas.registry.Kind -> label
    "code": N_("kind.code"),
    "key": N_("kind.key"),
    "date": N_("kind.date"),
    "bool": N_("kind.bool"),
    "integer": N_("kind.integer"),
    "number": N_("kind.number"),
    "enum": N_("kind.enum"),
    "enum_list": N_("kind.enum_list"),
}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

ctx = context.get()
st.title(ctx.t("dictionary.title"))
st.markdown(ctx.t("dictionary.intro"))
st.download_button(
    ctx.t("dictionary.download_bundle"),
    view.bundle(),
    file_name="peer-dashboard-contract.zip",
    mime="application/zip",
    key="dl_bundle",
    icon=":material/download:",
)

st.subheader(ctx.t("dictionary.forms_title"))
st.markdown(ctx.t("dictionary.forms_intro"))
langs = st.multiselect(
    ctx.t("dictionary.forms_languages"),
    options=list(LANGUAGES),
    default=["en", "de"],
    format_func=lambda code: f"{LANGUAGES[code]} ({code})",
    key="form_langs",
)
form_columns = st.columns(3)
for position, export in enumerate(FORMS):
    form_columns[position % 3].download_button(
        ctx.t("dictionary.download_form", export=export),
        view.xlsform(export, langs) if langs else b"",
        file_name=f"{export}-xlsform.xlsx",
        mime=XLSX,
        key=f"form_{export}",
        icon=":material/download:",
        disabled=not langs,
    )

for name, spec in EXPORTS.items():
    title = view.export_title(name, ctx.lang)
    with st.expander(f"{spec.file_name} — {title}", expanded=False):
        st.text(view.export_description(name, ctx.lang))
        st.caption(ctx.t("dictionary.keys", keys=", ".join(spec.primary_key)))
        yes, no = ctx.t("common.yes"), ctx.t("common.no")
        rows = view.column_rows(name, ctx.lang)
        frame = pd.DataFrame(
            {
                ctx.t("dictionary.column"): [r["column"] for r in rows],
                ctx.t("dictionary.kind"): [ctx.t(_KINDS[r["kind"]]) for r in rows],
                ctx.t("dictionary.required"): [yes if r["required"] else no for r in rows],
                ctx.t("dictionary.values"): [r["values"] for r in rows],
                ctx.t("dictionary.range"): [r["range"] for r in rows],
                ctx.t("dictionary.aliases"): [r["aliases_de"] for r in rows],
                ctx.t("dictionary.description"): [r["description"] for r in rows],
            }
        )
        widgets.table(
            frame,
            caption=spec.file_name,
            row_header=ctx.t("dictionary.column"),
            wide=[ctx.t("dictionary.description")],
        )
        st.download_button(
            ctx.t("dictionary.download_template"),
            view.template(name),
            file_name=spec.file_name,
            mime="text/csv",
            key=f"tpl_{name}",
            icon=":material/download:",
        )
