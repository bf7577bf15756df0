"""The demo program's network of professional services, and its incident without a supporter.

Built so that each networking signal occurs once (see SCENARIOS.md): counselling referrals lag
(N-UNMET), no affirming service speaks Turkish for asylum law or Arabic for psychotherapy
(N-GAP), the housing partner has not been met since 2025 (N-STALE), and there is no self-help
group (N-SELFHELP). The psychiatry and social-work partners are stale too, but nobody needed
them in the last 90 days, so they must not fire.
"""

from __future__ import annotations

from datetime import date

from .builder import DemoBuilder

# service_id, service_type, languages, lgbtiq_affirming, accepts_referrals, last_network_contact
SERVICES: tuple[tuple[str, str, str, bool, bool, date | None], ...] = (
    ("SV01", "counselling", "fa|de|en", True, True, date(2026, 10, 1)),
    ("SV02", "counselling", "ar|de|fr", True, True, date(2026, 9, 10)),
    ("SV03", "psychotherapy", "de|en", True, True, date(2026, 8, 20)),
    ("SV04", "psychotherapy", "fa|de", True, True, date(2026, 6, 30)),
    ("SV05", "psychiatry", "de|en", True, True, date(2025, 12, 3)),
    ("SV06", "legal_asylum", "fa|ar|de|en", True, True, date(2026, 10, 22)),
    ("SV07", "legal_asylum", "tr|ru|de", False, True, date(2026, 9, 15)),
    ("SV08", "housing_support", "de|en", True, True, date(2025, 10, 15)),
    ("SV09", "medical", "de|en|ru", True, True, None),
    ("SV10", "sexual_health_clinic", "de|en|fa|ar|tr", True, True, date(2026, 11, 3)),
    ("SV11", "crisis_line", "de|en|ar|tr|ru|uk|fa", True, True, date(2026, 7, 1)),
    ("SV12", "social_work", "de|uk|ru", True, True, date(2026, 10, 12)),
    ("SV13", "community_center", "de|en|fa|ar|tr|ru|uk", True, True, date(2026, 11, 12)),
    ("SV14", "counselling", "uk|ru", True, False, date(2026, 9, 24)),
    ("SV15", "social_work", "fa|ar|de", True, True, date(2026, 5, 4)),
    ("SV16", "medical", "fa|de", False, True, date(2026, 4, 20)),
)


def network(b: DemoBuilder) -> None:
    """Adds the services and the one incident that concerns no single supporter."""
    for service_id, kind, languages, affirming, accepts, last in SERVICES:
        b.service(
            service_id, kind, languages, affirming=affirming, accepts=accepts, last_contact=last
        )
    b.incident("I06", date(2026, 3, 3), None, "crisis_escalation", "medium", date(2026, 3, 20))
