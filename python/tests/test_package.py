"""The `vngov` Python package: its records are the command line's for the same input."""

from __future__ import annotations

import datetime
import doctest
import gzip
import json
import os
import threading
import unicodedata
from pathlib import Path
from typing import Dict, List

import pytest

import vngov

def shared(shared_corpus: Path, root: Path) -> str:
    """The shared corpus as the command line is given it, relative to the repository."""
    return os.path.relpath(shared_corpus, root)


@pytest.fixture(autouse=True)
def at_root(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Paths are given as the command line is given them, relative to the repository.
    monkeypatch.chdir(root)


def by_path(records: List[Dict]) -> Dict[str, Dict]:
    return {r["source"]["path"]: r for r in records}


def test_module_docstring_examples_hold() -> None:
    failed, tried = doctest.testmod(vngov, verbose=False)
    assert tried > 0 and failed == 0


def test_version_and_schema(root: Path) -> None:
    assert vngov.__version__ == "0.1.0"
    schema = vngov.schema()
    assert schema == json.loads((root / "schemas/record.schema.json").read_text())
    assert vngov.SCHEMA_VERSION in schema["$id"]
    # Compressed inputs of every kind end in ".gz" (".warc.gz", ".arc.gz", ".jsonl.gz").
    assert {".warc", ".arc", ".gz", ".pdf"} <= set(vngov.KNOWN_EXTENSIONS)


def test_read_archive_gives_the_command_lines_records(vngov_cli) -> None:
    expected = vngov_cli.records("corpus")
    assert len(expected) >= 11
    assert list(vngov.read_archive("corpus")) == expected
    assert list(vngov.read_archive("corpus", threads=1, as_json=True)) == vngov_cli.lines("corpus")


def test_read_archive_on_the_shared_corpus(vngov_cli, shared_corpus: Path, root: Path) -> None:
    shared_path = shared(shared_corpus, root)
    expected = vngov_cli.records(shared_path)
    assert len(expected) > 400
    # Error records (scans where OCR is not installed…) come out in their places too.
    assert list(vngov.read_archive(shared_path, threads=2)) == expected


def test_extract_and_extract_html_give_each_files_record(vngov_cli, shared_corpus: Path, root: Path) -> None:
    shared_path = shared(shared_corpus, root)
    expected = by_path(vngov_cli.records("corpus", f"{shared_path}/seeds", f"{shared_path}/dev2", f"{shared_path}/html", f"{shared_path}/legacy"))
    formats = set()
    for path, want in expected.items():
        data = Path(path).read_bytes()
        fmt = want["source"].get("format")
        if path.endswith((".html", ".htm")):
            got = vngov.extract_html(data, source=path)
        elif "error" in want:
            with pytest.raises(vngov.Error) as e:
                vngov.extract(data, source=path)
            assert e.value.kind == want["error"]["kind"]
            assert e.value.record == want
            continue
        else:
            got = vngov.extract(data, source=path)
            if want["source"].get("encoding") == "utf-8" and not data.startswith(b"\xef\xbb\xbf"):
                # The same text as a str gives the same record.
                assert vngov.extract(data.decode(), source=path) == want, path
        formats.add((fmt, want["source"].get("encoding")))
        assert got == want, path
    assert {"html", "text", "rtf"} <= {f for f, _ in formats}
    assert len({e for _, e in formats}) >= 3, formats


def test_standard_input_is_the_record_without_a_source(vngov_cli, root: Path) -> None:
    text = (root / "corpus/cases/notice-with-portal-clock.txt").read_bytes()
    assert vngov.extract(text) == vngov_cli.records("-", stdin=text)[0]
    assert vngov.extract(text.decode(), tone_style="modern") == vngov_cli.records(
        "--tone-style", "modern", "-", stdin=text
    )[0]
    junk = b"\x00\x01\x02PK\x03\x04"
    with pytest.raises(vngov.Error) as e:
        vngov.extract(junk)
    assert e.value.kind == "decode"
    assert e.value.record == vngov_cli.records("-", stdin=junk)[0]
    assert isinstance(e.value, ValueError)


def cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese is written in it: base letters, tone marks combining."""
    out = []
    for c in text:
        d = unicodedata.normalize("NFD", c)
        if len(d) > 1 and not c.encode("cp1258", errors="ignore"):
            c = unicodedata.normalize("NFC", d[:-1]) + d[-1]
        out.append(c.encode("cp1258"))
    return b"".join(out)


def test_pages_with_a_url_and_charset(vngov_cli, tmp_path: Path) -> None:
    page = "<html><body><h1>Họp bàn chuyển đổi số</h1><p>Ngày 03/05/2024, UBND tỉnh Quảng Trị họp.</p></body></html>"
    data = cp1258(page)
    rec = vngov.extract_html(data, url="https://a.gov.vn/tin/1", content_type="text/html; charset=windows-1258")
    assert rec["source"] == {**rec["source"], "path": "https://a.gov.vn/tin/1", "url": "https://a.gov.vn/tin/1", "format": "html"}
    assert rec["source"]["encoding"] == "windows-1258"
    assert rec["title"] == "Họp bàn chuyển đổi số"
    # The same page in a JSON Lines file read by the command line.
    f = tmp_path / "p.jsonl"
    f.write_text(json.dumps({"html": page, "url": "https://a.gov.vn/tin/1"}) + "\n")
    want = vngov_cli.records(str(f))[0]
    got = vngov.extract_html(page, url="https://a.gov.vn/tin/1", source=str(f))
    got["source"].pop("encoding"), want["source"].pop("encoding")
    # A page handed over alone is on no line of a file.
    assert want["source"].pop("line") == 1
    assert {k: v for k, v in got.items() if k != "id"} == {k: v for k, v in want.items() if k != "id"}


def test_published_is_used_when_the_text_gives_none() -> None:
    text = "Tin ngắn không có ngày."
    for published in ("2024-05-08", "2024-05-08T09:30:00+07:00", datetime.date(2024, 5, 8)):
        rec = vngov.extract(text, published=published)
        assert rec["published"] == "2024-05-08"
        assert "published_from_metadata" in [w["code"] for w in rec["warnings"]]
    assert vngov.extract(text, published="hôm qua")["published"] is None


def test_extract_batch_is_the_command_line_on_json_lines(vngov_cli, root: Path, tmp_path: Path) -> None:
    texts = [p.read_text() for p in sorted((root / "corpus").rglob("*.txt"))]
    f = tmp_path / "docs.jsonl"
    lines = [{"text": t, "url": f"https://a.gov.vn/{i}", "published": "2019-01-10"} for i, t in enumerate(texts)]
    f.write_text("".join(json.dumps(l, ensure_ascii=False) + "\n" for l in lines))
    want = vngov_cli.records(str(f))
    # Items of a batch are on no line of a file; the command line's records say which.
    assert [r["source"].pop("line") for r in want] == list(range(1, len(lines) + 1))
    items = [dict(l, source=str(f)) for l in lines]
    assert vngov.extract_batch(items) == want
    assert vngov.extract_batch(items, threads=1) == want
    assert vngov.extract_batch(iter(items), threads=2) == want
    # Plain strings are standard input's documents.
    assert vngov.extract_batch(texts[:3]) == [vngov.extract(t) for t in texts[:3]]
    assert vngov.extract_batch([]) == []


def test_bad_documents_in_a_batch_become_error_records() -> None:
    recs = vngov.extract_batch(["Ngày 25/12/2018", b"\x00\x01\x02", {"title": "no text"}, {"html": b"<p>Tin</p>", "url": "https://a.gov.vn/1"}, {"text": "x" * 100}], max_bytes=50)
    assert [r.get("error", {}).get("kind") for r in recs] == [None, "decode", "decode", None, "too_large"]
    assert "item 2" in recs[2]["error"]["message"]
    assert recs[3]["source"]["url"] == "https://a.gov.vn/1"


def test_wrong_calls_raise() -> None:
    with pytest.raises(TypeError):
        vngov.extract_batch([1])
    with pytest.raises(TypeError):
        vngov.extract(1)
    with pytest.raises(ValueError, match="tone_style"):
        vngov.extract("x", tone_style="new")
    with pytest.raises(ValueError, match="threads"):
        vngov.extract_batch(["x"], threads=0)
    with pytest.raises(FileNotFoundError):
        vngov.read_archive("no/such/dir")
    with pytest.raises(ValueError, match="kind"):
        vngov.error_record("a.txt", "bad", "x")


def test_error_records_for_files_refused_unread(vngov_cli, tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_text("x" * 200)
    want = vngov_cli.records("--max-bytes", "100", str(f))[0]
    assert vngov.error_record(str(f), "too_large", "200 bytes, over the limit of 100") == want


def archive(tmp_path: Path, root: Path) -> Path:
    """A gzipped WARC of the corpus texts as responses, with a request and a bad record."""
    out = b""
    for i, p in enumerate(sorted((root / "corpus").rglob("*.txt"))):
        body = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + p.read_bytes()
        kind = "response"
        if i == 3:
            body = b"GET / HTTP/1.1\r\n\r\n"
            kind = "request"
        head = f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: https://a.gov.vn/{i}\r\nContent-Length: {len(body) + (7 if i == 5 else 0)}\r\n\r\n"
        out += gzip.compress(head.encode() + body + b"\r\n\r\n")
    f = tmp_path / "crawl.warc.gz"
    f.write_bytes(out)
    return f


def test_archives_in_memory_read_as_on_disk(vngov_cli, root: Path, tmp_path: Path) -> None:
    f = archive(tmp_path, root)
    want = vngov_cli.records(str(f))
    assert any("error" in r for r in want)
    reader = vngov.read_archive(f)
    assert list(reader) == want
    assert reader.skipped == {"warc request record": 1}
    assert list(vngov.read_archive(str(f), data=f.read_bytes())) == want
    name = "s3a://bucket/crawls/crawl.warc.gz"
    from_cluster = list(vngov.read_archive(name, data=f.read_bytes(), threads=1))
    assert [r["source"]["path"] for r in from_cluster] == [name] * len(want)


def test_leaving_an_archive_early_stops_it(root: Path) -> None:
    with vngov.read_archive("corpus", threads=1) as reader:
        first = next(reader)
    assert first["source"]["path"].startswith("corpus/")
    assert list(reader) == []


def test_threads_may_call_at_once(root: Path) -> None:
    texts = [p.read_text() for p in sorted((root / "corpus").rglob("*.txt"))]
    want = vngov.extract_batch(texts, threads=1)
    results: List[List[Dict]] = []

    def work() -> None:
        results.append(vngov.extract_batch(texts, threads=1))
        results.append([vngov.extract(t) for t in texts])

    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [want] * 6


def test_errors_pickle() -> None:
    import pickle

    with pytest.raises(vngov.Error) as e:
        vngov.extract(b"\x00\x01")
    again = pickle.loads(pickle.dumps(e.value))
    assert (again.kind, again.message, again.record) == (e.value.kind, e.value.message, e.value.record)


def test_batches_leave_the_cycle_collector_as_they_found_it() -> None:
    import gc

    try:
        gc.disable()
        vngov.extract_batch(["a", "b"])
        assert not gc.isenabled()
    finally:
        gc.enable()
    vngov.extract_batch(["a", "b"])
    assert gc.isenabled()
