"""Builds the numbers, dates and vocabulary words inside signal sentences, in English and German.

Messages are composed in the rule modules from these pieces, so "14,5 Std." and "14.5 h" come
from the same value and the German sentence never carries an English decimal point.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date

_MONTHS_EN = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()

LABELS: dict[str, tuple[str, str]] = {
    # trainings
    "peer_support_basics": ("peer-support basics", "Peer-Support-Grundlagen"),
    "boundaries_self_care": ("boundaries and self-care", "Grenzen und Selbstfürsorge"),
    "trauma_informed": ("trauma-informed work", "traumasensibles Arbeiten"),
    "crisis_intervention": ("crisis intervention", "Krisenintervention"),
    "confidentiality": ("confidentiality", "Vertraulichkeit"),
    "referral_knowledge": ("referral knowledge", "Verweiswissen"),
    "asylum_basics": ("asylum basics", "Asyl-Grundlagen"),
    "intercultural": ("intercultural skills", "interkulturelle Kompetenz"),
    # service types
    "social_work": ("social work", "Sozialarbeit"),
    "counselling": ("counselling", "Beratung"),
    "psychotherapy": ("psychotherapy", "Psychotherapie"),
    "psychiatry": ("psychiatry", "Psychiatrie"),
    "medical": ("medical care", "medizinische Versorgung"),
    "sexual_health_clinic": ("sexual health clinic", "Fachstelle für sexuelle Gesundheit"),
    "legal_asylum": ("legal/asylum advice", "Rechts- und Asylberatung"),
    "housing_support": ("housing support", "Wohnhilfe"),
    "crisis_line": ("crisis line", "Krisentelefon"),
    "self_help_group": ("self-help group", "Selbsthilfegruppe"),
    "community_center": ("community centre", "Community-Zentrum"),
    # topics
    "coming_out": ("coming out", "Coming-out"),
    "identity": ("identity", "Identität"),
    "family_conflict": ("family conflict", "Familienkonflikt"),
    "relationships": ("relationships", "Beziehungen"),
    "loneliness": ("loneliness", "Einsamkeit"),
    "community_access": ("community access", "Zugang zur Community"),
    "asylum_procedure": ("asylum procedure", "Asylverfahren"),
    "housing": ("housing", "Wohnen"),
    "work_education": ("work/education", "Arbeit/Ausbildung"),
    "health": ("health", "Gesundheit"),
    "sexual_health": ("sexual health", "sexuelle Gesundheit"),
    "mental_health": ("mental health", "psychische Gesundheit"),
    "violence_discrimination": ("violence/discrimination", "Gewalt/Diskriminierung"),
    "suicidality": ("suicidality", "Suizidalität"),
    "religion": ("religion", "Religion"),
    "bureaucracy": ("bureaucracy", "Behörden"),
    "other": ("other", "Sonstiges"),
    # incident types
    "confidentiality_breach": ("confidentiality breach", "Vertraulichkeitsbruch"),
    "boundary_crossing": ("boundary crossing", "Grenzüberschreitung"),
    "dependency": ("dependency", "Abhängigkeit"),
    "crisis_escalation": ("crisis escalation", "Krisenzuspitzung"),
    "complaint": ("complaint", "Beschwerde"),
    # severities
    "high": ("high", "hoch"),
    "medium": ("medium", "mittel"),
    "low": ("low", "niedrig"),
}


def label(code: str | None, lang: str = "en") -> str:
    """Returns the readable name of a vocabulary code in `lang` ('en' or 'de'), else the code."""
    if code is None:
        return ""
    en, de = LABELS.get(code, (code, code))
    return de if lang == "de" else en


def labels(codes: Sequence[str], lang: str = "en") -> str:
    """Returns codes as a readable list: 'a, b and c' / 'a, b und c'."""
    return join([label(c, lang) for c in codes], lang)


def join(items: Sequence[str], lang: str = "en") -> str:
    """Returns items joined as prose: 'a, b and c' (en) or 'a, b und c' (de)."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    word = " und " if lang == "de" else " and "
    return ", ".join(items[:-1]) + word + items[-1]


def num(value: float | int | None, lang: str = "en", digits: int = 2) -> str:
    """Returns a number without needless zeros (14.5, 8, 10.02); German with a decimal comma."""
    if value is None:
        return "–"
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{round(value)}"
    return text.replace(".", ",") if lang == "de" else text


def pct(share: float, lang: str = "en", above: float | None = None) -> str:
    """Returns a share (1.8125) as a whole percentage: '181 %'.

    With `above` (a share the value is known to exceed), one or two decimals are kept when the
    whole number would not show it: 1.7502 above 1.75 reads '175.02 %', not '175 %'.
    """
    percent = share * 100
    for digits in (0, 1, 2):
        if above is None or round(percent, digits) > above * 100:
            break
    return f"{num(percent, lang, digits)} %"


@functools.lru_cache(maxsize=4096)  # the same few hundred dates recur in thousands of messages
def day(value: date | None, lang: str = "en") -> str:
    """Returns a date as people write it: '2 Nov 2026' (en), '02.11.2026' (de)."""
    if value is None:
        return "–"
    if lang == "de":
        return f"{value.day:02d}.{value.month:02d}.{value.year}"
    return f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}"


def ids(values: Sequence[str], limit: int = 5, lang: str = "en") -> str:
    """Returns ids for a sentence, shortened after `limit`: 'C1, C2, C3 and 4 more'."""
    if len(values) <= limit:
        return join([str(v) for v in values], lang)
    rest = len(values) - limit
    more = f"{rest} weitere" if lang == "de" else f"{rest} more"
    return join([*(str(v) for v in values[:limit]), more], lang)


def plural(n: int, one: str, many: str) -> str:
    """Returns '1 contact' / '3 contacts' (the caller passes both forms, also for German)."""
    return f"{n} {one if n == 1 else many}"


def iso(values: Sequence[date | None]) -> list[str]:
    """Returns dates as ISO strings for evidence lists (None dropped)."""
    return [v.isoformat() for v in values if v is not None]


def sentence(parts: Sequence[str]) -> str:
    """Returns clauses joined with '; ', starting with a capital letter."""
    text = "; ".join(p for p in parts if p)
    return text[:1].upper() + text[1:]


def cap(text: str) -> str:
    """Returns text with its first letter upper-cased (the rest untouched, unlike capitalize)."""
    return text[:1].upper() + text[1:]


LANGUAGES: dict[str, tuple[str, str]] = {
    "ar": ("Arabic", "Arabisch"),
    "bg": ("Bulgarian", "Bulgarisch"),
    "de": ("German", "Deutsch"),
    "en": ("English", "Englisch"),
    "es": ("Spanish", "Spanisch"),
    "fa": ("Persian", "Persisch"),
    "fr": ("French", "Französisch"),
    "hi": ("Hindi", "Hindi"),
    "it": ("Italian", "Italienisch"),
    "ku": ("Kurdish", "Kurdisch"),
    "pl": ("Polish", "Polnisch"),
    "ps": ("Pashto", "Paschtu"),
    "pt": ("Portuguese", "Portugiesisch"),
    "ro": ("Romanian", "Rumänisch"),
    "ru": ("Russian", "Russisch"),
    "so": ("Somali", "Somali"),
    "sq": ("Albanian", "Albanisch"),
    "sr": ("Serbian", "Serbisch"),
    "ti": ("Tigrinya", "Tigrinya"),
    "tr": ("Turkish", "Türkisch"),
    "uk": ("Ukrainian", "Ukrainisch"),
    "ur": ("Urdu", "Urdu"),
}


def language(code: str, lang: str = "en") -> str:
    """Returns 'Persian (fa)' / 'Persisch (fa)'; just the code for languages not listed."""
    names = LANGUAGES.get(code)
    if names is None:
        return f"'{code}'"
    return f"{names[1] if lang == 'de' else names[0]} ({code})"
