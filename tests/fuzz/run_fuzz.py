"""Long fuzz campaign against the importer: `python tests/fuzz/run_fuzz.py --cases 10000`.

Draws hostile inputs from the same hypothesis strategies as the CI test (fuzz_kinds.py: CSV
and workbook uploads, mapping documents, setup codes), every kind the same share, checks each
one against one store, and every --cli-every'th upload also through the real CLI (`python -m
dashboard import`, with its `--mapping`) on a copy. Prints the case count per kind and every
failure; failing inputs are written to --out as <n>_<kind>.bin (and .mapping.json) with a .txt
saying what went wrong.
Exit code 0 = no failure.
"""

from __future__ import annotations

import argparse
import io
import shutil
import sys
import tempfile
import time
from collections import Counter
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from anywhere
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))  # tests/: ingest.workbooks

from fuzz_cases import PROGRAM, Case, make_store  # noqa: E402
from fuzz_kinds import KINDS, check_case  # noqa: E402
from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402

from dashboard import db  # noqa: E402
from dashboard.cli import main as cli_main  # noqa: E402
from dashboard.fingerprint import fingerprint  # noqa: E402


def check_cli(template: Path, folder: Path, case: Case) -> str | None:
    """Returns None when the CLI refused (or, for a possibly valid case, took) the file, with
    its --mapping if any, cleanly. (A setup-code attempt has no CLI: nothing to do.)"""
    if case.attempt is not None:
        return None
    path = folder / "cli.duckdb"
    shutil.copy(template, path)
    upload = folder / case.name
    upload.write_bytes(case.data)
    con = db.connect(path)
    before = fingerprint(con)
    con.close()
    argv = ["import", "--db", str(path), "--program", PROGRAM, str(upload)]
    if case.mapping is not None:
        (folder / "mapping.json").write_bytes(case.mapping)
        argv += ["--mapping", str(folder / "mapping.json")]
    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(out):
        try:
            code = cli_main(argv)
        except BaseException as exc:  # noqa: BLE001 - the finding
            return f"CLI raised {type(exc).__name__}"
    text = out.getvalue()
    if "Traceback" in text or not text.strip():
        return "CLI printed a traceback or nothing"
    if any(c in text for c in ("\x1b", "\x07", "\x9b", "\u202e", "\x08")):
        return "CLI printed a control character from the file"
    if code == 0:
        return "CLI exit 0 for a malformed file" if case.must_fail else None
    con = db.connect(path)
    changed = fingerprint(con) != before
    con.close()
    return f"CLI exit {code} but the database changed" if changed else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--cli-every", type=int, default=100)
    parser.add_argument("--out", type=Path, default=Path("fuzz_failures"))
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="fuzz-run-"))
    con = make_store(work / "store.duckdb")
    template = work / "template.duckdb"
    make_store(template).close()
    kinds: Counter[str] = Counter()
    failures: list[tuple[int, Case, str]] = []
    started = time.time()

    def check(case: Case) -> None:
        number = sum(case_counts(kinds))
        kinds[case.kind] += 1
        problem = check_case(con, case)
        if problem is None and args.cli_every and number % args.cli_every == 0:
            kinds["(also via CLI)"] += 1
            problem = check_cli(template, work, case)
        if problem:
            failures.append((number, case, problem))
        if number and number % 500 == 0:
            print(f"  {number} cases, {len(failures)} failures", file=sys.stderr, flush=True)

    # One run per kind gives each the same share (hypothesis's own choice among them does not);
    # a kind with fewer distinct inputs than its share stops early, and the others make up
    # the difference in another round (with another seed).
    open_kinds, round_ = list(KINDS), 0
    while open_kinds and (done := sum(case_counts(kinds))) < args.cases:
        share = -(-(args.cases - done) // len(open_kinds))
        options = settings(
            max_examples=share,
            deadline=None,
            database=None,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        for kind in list(open_kinds):
            before = sum(case_counts(kinds))
            seed(args.seed + round_)(options(given(case=kind)(check)))()
            if sum(case_counts(kinds)) - before < share:
                open_kinds.remove(kind)  # exhausted: every distinct input was drawn
        round_ += 1
    total = sum(case_counts(kinds))
    print(f"fuzz: {total} cases in {time.time() - started:.0f}s, seed {args.seed}")
    for kind, count in sorted(kinds.items()):
        print(f"  {kind:16} {count}")
    print(f"failures: {len(failures)}")
    _write_failures(args.out, failures)
    return 1 if failures else 0


def case_counts(kinds: Counter[str]) -> list[int]:
    """Returns the case counts per kind (not the "(also via CLI)" line)."""
    return [n for k, n in kinds.items() if not k.startswith("(")]


def _write_failures(out: Path, failures: list[tuple[int, Case, str]]) -> None:
    if not failures:
        return
    out.mkdir(parents=True, exist_ok=True)
    for number, case, problem in failures:
        stem = out / f"{number}_{case.kind}"
        stem.with_suffix(".bin").write_bytes(case.data)
        if case.mapping is not None:
            stem.with_suffix(".mapping.json").write_bytes(case.mapping)
        stem.with_suffix(".txt").write_text(f"{case!r}\n{problem}\n")
        print(f"  #{number} {case.kind} {case.name}: {problem} -> {stem}.bin")


if __name__ == "__main__":
    raise SystemExit(main())
