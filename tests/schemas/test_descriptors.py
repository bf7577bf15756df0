"""`python -m dashboard schemas --out DIR` publishes the contract in forms other tools read."""

import csv
import json
from pathlib import Path

from dashboard.cli import main
from schemas import EXPORTS


def test_schemas_command_writes_every_descriptor(tmp_path: Path) -> None:
    assert main(["schemas", "--out", str(tmp_path)]) == 0
    for name, spec in EXPORTS.items():
        header = next(csv.reader((tmp_path / f"{name}.template.csv").open()))
        assert header == [c.name for c in spec.columns]
        json_schema = json.loads((tmp_path / f"{name}.schema.json").read_text())
        assert set(json_schema["required"]) == {c.name for c in spec.columns if c.required}
        table = json.loads((tmp_path / f"{name}.tableschema.json").read_text())
        assert table["primaryKey"] == list(spec.primary_key)
    package = json.loads((tmp_path / "datapackage.json").read_text())
    assert [r["name"] for r in package["resources"]] == list(EXPORTS)


def test_table_schema_carries_constraints_and_references(tmp_path: Path) -> None:
    main(["schemas", "--out", str(tmp_path)])
    contacts = json.loads((tmp_path / "contacts.tableschema.json").read_text())
    fields = {f["name"]: f for f in contacts["fields"]}
    assert fields["duration_min"]["constraints"] == {
        "required": True,
        "minimum": 1,
        "maximum": 1440,
    }
    assert fields["channel"]["constraints"]["enum"][0] == "in_person"
    assert "ja" in fields["crisis"]["trueValues"] and "nein" in fields["crisis"]["falseValues"]
    assert fields["contact_id"]["constraints"]["pattern"] == "^[A-Za-z0-9_.:-]{1,64}$"  # key
    assert contacts["foreignKeys"] == [
        {"fields": ["match_id"], "reference": {"resource": "matches", "fields": ["match_id"]}}
    ]
