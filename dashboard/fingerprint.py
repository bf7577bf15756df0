"""A fingerprint of everything in the store: equal fingerprints mean equal contents, row for row.

Used to prove that a refused upload, a dry run or a failed write changed nothing, and to check
a restored backup against the original. Row order does not matter; every column does.
"""

from __future__ import annotations

import hashlib

import duckdb


def table_fingerprints(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, int]]:
    """Returns (row count, sum of row hashes) per table of the current database."""
    tables = [
        r[0]
        for r in con.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_catalog = current_database() AND table_schema = current_schema() "
            "AND table_type = 'BASE TABLE' "
            "ORDER BY table_name"
        ).fetchall()
    ]
    result: dict[str, tuple[int, int]] = {}
    for table in tables:
        quoted = '"' + table.replace('"', '""') + '"'  # names come from the catalog itself
        row = con.execute(
            f"SELECT count(*), coalesce(sum(hash(t)::HUGEINT), 0) FROM {quoted} AS t"
        ).fetchone()
        result[table] = (int(row[0]), int(row[1])) if row else (0, 0)
    return result


def fingerprint(con: duckdb.DuckDBPyConnection) -> str:
    """Returns one hex digest over every table's name, row count and row hashes."""
    digest = hashlib.sha256()
    for table, (count, total) in table_fingerprints(con).items():
        digest.update(f"{table}:{count}:{total}\n".encode())
    return digest.hexdigest()
