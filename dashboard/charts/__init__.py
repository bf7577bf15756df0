"""Altair chart builders: a DataFrame and a language in, an `alt.Chart` out. No Streamlit here.

One module per page (supporter, program, network); what they share is in style.py.

Every chart has a title and labelled axes in the user's language and says one thing: shares
on a range where their differences show, months on a month axis, "higher is worse" apart from
"higher is better". Series are told apart by shape, dash or fill as well as by colour, and
every colour has at least 4.5:1 contrast on the white page (WCAG AA). Axis numbers keep Latin
digits in every language. Legends sit below the plot, one entry a line, so a phone (390 px)
shows them whole.
"""

from dashboard.charts.network import need_matrix, referrals
from dashboard.charts.program import coverage_trends, load_distribution
from dashboard.charts.style import INK, PALETTE, share_domain
from dashboard.charts.supporter import (
    PROQOL_BANDS,
    RESOURCES,
    STRAIN,
    checkin_resources,
    checkin_strain,
    load_vs_capacity,
    proqol_bands,
)

__all__ = [
    "INK", "PALETTE", "PROQOL_BANDS", "RESOURCES", "STRAIN", "checkin_resources",
    "checkin_strain", "coverage_trends", "load_distribution", "load_vs_capacity",
    "need_matrix", "proqol_bands", "referrals", "share_domain",
]  # fmt: skip
