"""The metadata columns form tools add to their exports, as data: which tool, harmless or not.

Spellings are those the tools write (sources: tests/ingest/files/README.md). A header cell
matches case-insensitively, on its own or after a group prefix (`meta/`, `meta-`, `meta.`).
Harmless columns describe the submission (when, which form version) and are dropped with a
notice. Identifying columns say who or which device submitted; they are dropped unread (their
cells are never staged, stored or shown) with a warning saying where to switch them off.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.i18n import N_


@dataclass(frozen=True)
class Tool:
    """One form tool: its metadata columns and where its identifying ones are switched off."""

    name: str
    harmless: tuple[str, ...]
    identifying: tuple[str, ...]
    switch_off: str  # message id: where the tool's identifying columns are switched off


TOOLS: tuple[Tool, ...] = (
    Tool(
        "KoboToolbox",
        harmless=(
            "_id",
            "_uuid",
            "_submission_time",
            "_validation_status",
            "_notes",
            "_status",
            "_tags",
            "_index",
            "__version__",
            "_version_",
            "_parent_index",
            "_parent_table_name",
            "_xform_id_string",
            "_attachments",
            "_geolocation",
            "_submission__id",
            "_submission__uuid",
            "start",
            "end",
            "today",
            "audit",
            "audit_url",
            "instanceid",
            "rootuuid",
            "deprecatedid",
            "formhub/uuid",
            "start-geopoint",
            "background-audio",
        ),
        identifying=(
            "_submitted_by",
            "username",
            "deviceid",
            "phonenumber",
            "simserial",
            "subscriberid",
            "email",
            "instancename",
        ),
        switch_off=N_("ingest.switch_off.kobotoolbox"),
    ),
    Tool(
        "ODK Central",
        harmless=(
            "submissiondate",
            "key",
            "instanceid",
            "meta-instanceid",
            "reviewstate",
            "status",
            "edits",
            "formversion",
            "attachmentspresent",
            "attachmentsexpected",
            "updatedat",
        ),
        identifying=("submitterid", "submittername", "deviceid", "instancename"),
        switch_off=N_("ingest.switch_off.odk_central"),
    ),
    Tool(
        "LimeSurvey",
        harmless=(
            "id",
            "submitdate",
            "lastpage",
            "startlanguage",
            "seed",
            "startdate",
            "datestamp",
            "interviewtime",
            "response id",
            "date submitted",
            "last page",
            "start language",
            "date started",
            "date last action",
        ),
        identifying=(
            "token",
            "ipaddr",
            "refurl",
            "access code",
            "ip address",
            "referrer url",
            "email",
            "firstname",
            "lastname",
        ),
        switch_off=N_("ingest.switch_off.limesurvey"),
    ),
    Tool(
        "Google Forms",
        harmless=("timestamp", "zeitstempel", "score", "punktzahl"),
        identifying=("email address", "e-mail-adresse", "email", "e-mail"),
        switch_off=N_("ingest.switch_off.google_forms"),
    ),
    Tool(
        "Microsoft Forms",
        harmless=(
            "id",
            "start time",
            "completion time",
            "last modified time",
            "startzeit",
            "fertigstellungszeit",
            "zeitpunkt der letzten änderung",
        ),
        identifying=("email", "name", "e-mail"),
        switch_off=N_("ingest.switch_off.microsoft_forms"),
    ),
)

# Prefixes under which everything is tool metadata (KoboToolbox/ODK `meta` and `formhub`).
META_GROUPS = ("meta", "formhub", "__system")
GROUP_SEPARATORS = "/.-"


def _index(kind: str) -> dict[str, tuple[Tool, ...]]:
    found: dict[str, tuple[Tool, ...]] = {}
    for tool in TOOLS:
        for name in getattr(tool, kind):
            found[name] = (*found.get(name, ()), tool)
    return found


HARMLESS, IDENTIFYING = _index("harmless"), _index("identifying")


def _key(cell: str) -> str:
    return " ".join(cell.strip().casefold().split())


def _meta_tail(key: str) -> str | None:
    """Returns the name after a `meta/`-like group prefix, else None."""
    for group in META_GROUPS:
        for sep in GROUP_SEPARATORS:
            if key.startswith(group + sep):
                return key[len(group) + 1 :]
    return None


def identifying_tools(cell: str) -> tuple[Tool, ...]:
    """Returns the tools whose identifying metadata column `cell` is (empty if none)."""
    key = _key(cell)
    tail = _meta_tail(key)
    return IDENTIFYING.get(key) or (IDENTIFYING.get(tail, ()) if tail is not None else ())


def harmless_tools(cell: str) -> tuple[Tool, ...] | None:
    """Returns the tools writing harmless metadata column `cell`, or None if it is not one.

    Everything under a `meta/` or `formhub/` group is KoboToolbox/ODK submission metadata.
    """
    key = _key(cell)
    if key in HARMLESS:
        return HARMLESS[key]
    return () if _meta_tail(key) is not None else None


def switch_off_hints(candidates: list[tuple[Tool, ...]], seen: set[str]) -> list[Tool]:
    """Returns the tools to name in the warning: per identifying column, the candidate tools
    that also wrote harmless columns into the file, else every candidate."""
    chosen: list[Tool] = []
    for tools in candidates:
        likely = [t for t in tools if t.name in seen] or list(tools)
        chosen += [t for t in likely if t not in chosen]
    return chosen
