"""The README and docs/ link only inside the repository, to files that exist, and every tool
page is reachable from the tools overview."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def test_relative_links_resolve_and_nothing_points_at_shared() -> None:
    broken = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        assert "shared/DATA_CONTRACT" not in text and "shared/RULEBOOK" not in text, page
        for target in LINK.findall(text):
            if target.startswith(("http://", "https://", "mailto:")):
                continue
            resolved = (page.parent / target).resolve()
            if not resolved.exists() or ROOT not in resolved.parents:
                broken.append(f"{page.relative_to(ROOT)} -> {target}")
    assert broken == []


def test_every_tool_page_is_listed_in_the_overview_and_the_overview_in_the_readme() -> None:
    overview = (ROOT / "docs" / "tools" / "README.md").read_text(encoding="utf-8")
    pages = {p.name for p in (ROOT / "docs" / "tools").glob("*.md")} - {"README.md"}
    assert pages == set(LINK.findall(overview)) & pages
    assert len(pages) == 6
    assert "(docs/tools/README.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
