"""N-SELFHELP: the network has no self-help group."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dashboard.signals.model import Finding, Rule

SQL = """
SELECT 'self_help_group' AS subject_id
WHERE NOT EXISTS (SELECT 1 FROM sig_services WHERE service_type = 'self_help_group')
"""


def explain(row: Mapping[str, Any], t: Mapping[str, Any], as_of: date) -> Finding:
    return Finding(
        severity="low",
        value=0,
        threshold=1,
        message="The service network has no self-help group",
        message_de="Das Netzwerk der Fachdienste enthält keine Selbsthilfegruppe",
        evidence={},
    )


RULE = Rule(
    id="N-SELFHELP",
    action="networking",
    subject_type="service",
    title="No self-help group in the network",
    title_de="Keine Selbsthilfegruppe im Netzwerk",
    reason="Professionals should network with peer supporters and self-help groups.",
    reason_de="Fachkräfte sollten sich mit Peer-Unterstützenden und Selbsthilfegruppen vernetzen.",
    sql=SQL,
    explain=explain,
)
