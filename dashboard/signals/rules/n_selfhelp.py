"""N-SELFHELP: the network has no self-help group."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.i18n.message import Msg
from dashboard.signals.model import Finding, Rule

SQL = """
SELECT 'self_help_group' AS subject_id
WHERE NOT EXISTS (SELECT 1 FROM sig_services WHERE service_type = 'self_help_group')
"""


def explain(row: Mapping[str, Any], limits: Mapping[str, Any], as_of: date) -> Finding:
    return Finding(
        severity="low",
        value=0,
        threshold=1,
        message=Msg("signal.N-SELFHELP.message"),
        measure=Msg("signal.N-SELFHELP.measure"),
        evidence={},
    )


RULE = Rule(
    id="N-SELFHELP",
    action="networking",
    subject_type="service",
    sql=SQL,
    explain=explain,
)
