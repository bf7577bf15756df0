"""The app on the PostgreSQL store: a new database gets the demo, and every page renders.

$DASHBOARD_DB is the URL of a fresh database of the test session's cluster
(tests/store/backends.py); the app migrates it and loads the demo on first start, as it does
with a new file.
"""

from __future__ import annotations

import pytest
from app_helpers import PAGES, open_page, texts

from dashboard import db


def test_every_page_renders_on_a_new_postgres_store(postgres_cluster, monkeypatch) -> None:
    monkeypatch.setenv(db.DB_ENV, postgres_cluster.url(postgres_cluster.new_database()))
    monkeypatch.delenv(db.KEY_ENV, raising=False)
    for page in PAGES:
        at = open_page(page)
        assert not at.exception, (page, at.exception)
        assert "Demo data" in texts(at), page


pytestmark = pytest.mark.slow
