"""Every kind of hostile input the fuzz campaign draws, and the one check that judges a case.

The CSV uploads (fuzz_cases.py), the workbooks (fuzz_workbooks.py), the mapping documents
and setup codes (fuzz_inputs.py). CASES (the CI test) lets hypothesis choose the kind, which
is far from an equal share; run_fuzz.py runs each kind in turn for exactly equal shares.
"""

from __future__ import annotations

import duckdb
from fuzz_cases import CSV_KINDS, Case, check_upload
from fuzz_inputs import INPUT_KINDS, check_setup_code
from fuzz_workbooks import WORKBOOK_KINDS
from hypothesis import strategies as st

KINDS = [*CSV_KINDS, *WORKBOOK_KINDS, *INPUT_KINDS]
CASES = st.sampled_from(KINDS).flatmap(lambda kind: kind)


def check_case(con: duckdb.DuckDBPyConnection, case: Case) -> str | None:
    """Returns None when `case` was handled properly (an upload, with its mapping if any, or
    a setup-code attempt against the store's code), else what went wrong."""
    if case.attempt is not None:
        return check_setup_code(con, case.attempt)
    return check_upload(con, case)
