"""proqol.csv — ProQOL 5 responses (optional instrument), items q01..q30 each 1-5.

ProQOL by The Center for Victims of Torture, ProQOL.org. Scoring lives in dashboard/proqol.py.
"""

from datetime import date
from typing import Any

from pydantic import create_model

from .fields import Code, ExportRecord, column

ITEMS = tuple(f"q{n:02d}" for n in range(1, 31))


class _ProqolBase(ExportRecord):
    supporter_id: Code = column(
        "Supporter who answered (-> supporters).",
        de="Unterstützende Person, die geantwortet hat (-> supporters).",
        aliases_de=("unterstuetzer_id", "unterstützer_id", "peer_id"),
        required=True,
    )
    response_date: date = column(
        "Date of the ProQOL response.",
        de="Datum der ProQOL-Antwort.",
        aliases_de=("datum", "antwort_datum"),
        required=True,
    )


def _item(n: int) -> Any:
    return (
        int | None,
        column(
            f"ProQOL 5 item {n} (1 = never ... 5 = very often); empty = not answered.",
            de=f"ProQOL-5-Frage {n} (1 = nie ... 5 = sehr oft); leer = nicht beantwortet.",
            aliases_de=(f"frage_{n:02d}", f"f{n:02d}"),
            ge=1,
            le=5,
        ),
    )


ProqolResponse = create_model(  # type: ignore[call-overload]
    "ProqolResponse",
    __base__=_ProqolBase,
    __doc__="One ProQOL 5 response of a supporter: 30 items, each 1-5.",
    **{item: _item(n) for n, item in enumerate(ITEMS, start=1)},
)
