"""The record contract checked by a second, independent validator.

Every record the command line makes from the shared material validates against
`schemas/record.schema.json` under Python's `jsonschema` (Draft 2020-12), as the
Rust test checks it under the Rust validator: a mismatch between what the code
writes and what the schema says shows in both.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

FOLDERS = ["seeds", "dev", "dev2", "html", "legacy", "pdf", "bank"]


@pytest.fixture(scope="module")
def validator(root: Path) -> Draft202012Validator:
    schema = json.loads((root / "schemas" / "record.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def shared_folders(shared_corpus: Path):
    folders = [shared_corpus / f for f in FOLDERS]
    peers = shared_corpus.parent / "peers"
    return [str(f) for f in folders + [peers] if f.is_dir()]


def test_shared_material_records_validate(vngov_cli, shared_corpus, validator):
    # Scans are read by OCR once, in the Rust test; here they are error records,
    # which must validate as well.
    records = vngov_cli.records("--no-ocr", *shared_folders(shared_corpus))
    assert records
    failures = []
    for rec in records:
        errors = sorted(validator.iter_errors(rec), key=lambda e: list(e.absolute_path))
        if errors:
            where = rec.get("source", {}).get("path")
            why = "; ".join(f"{e.message} at {list(e.absolute_path)}" for e in errors[:3])
            failures.append(f"{where}: {why}")
    assert not failures, f"{len(failures)} of {len(records)} records fail:\n" + "\n".join(failures)


def test_error_records_validate(vngov_cli, tmp_path, validator):
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03")
    (tmp_path / "odd-utf16.txt").write_bytes(b"\xff\xfea")
    (tmp_path / "big.txt").write_text("a" * 2000)
    records = vngov_cli.records("--max-bytes", "1000", str(tmp_path))
    assert [r["error"]["kind"] for r in records] == ["too_large", "decode", "decode"]
    for rec in records:
        validator.validate(rec)
