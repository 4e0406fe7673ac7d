"""The Spark job in local mode: its output is the command line's records."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path
from typing import Any, Dict, List

import pytest

pyspark = pytest.importorskip("pyspark")

from pyspark.sql import SparkSession, types as T  # noqa: E402

import vngov  # noqa: E402
from vngov_spark import record_schema, run  # noqa: E402
from vngov_spark.job import extensions_glob, unpack_wheel  # noqa: E402
from vngov_spark.schema import tasks_columns  # noqa: E402


@pytest.fixture(scope="module")
def spark(root: Path):
    # Workers in local mode are this interpreter, and find the job where it is.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root / "python"), os.environ.get("PYTHONPATH")]))
    session = (
        SparkSession.builder.master("local[2]")
        .appName("vngov-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def make_inputs(tmp: Path, root: Path) -> List[str]:
    """Archives and files beside the corpus: a WARC with a request and a record whose
    length is wrong, JSON Lines with a bad line, junk, awkward file names."""
    texts = sorted((root / "corpus").rglob("*.txt"))
    warc = b""
    for i, p in enumerate(texts[:6]):
        body = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + p.read_bytes()
        kind = "request" if i == 1 else "response"
        length = len(body) + (9 if i == 3 else 0)
        head = f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: https://a.gov.vn/{i}\r\nContent-Length: {length}\r\n\r\n"
        warc += gzip.compress(head.encode() + body + b"\r\n\r\n")
    d = tmp / "in"
    (d / "crawl").mkdir(parents=True)
    (d / "crawl" / "part-1.warc.gz").write_bytes(warc)
    lines = [json.dumps({"text": p.read_text(), "url": f"https://b.gov.vn/{i}"}, ensure_ascii=False) for i, p in enumerate(texts[6:9])]
    lines.insert(1, '{"text": "cut')
    (d / "docs.jsonl").write_text("\n".join(lines) + "\n")
    (d / "junk.txt").write_bytes(b"\x00\x01\x02PK\x03\x04")
    (d / "ghi chú [1].txt").write_text(texts[0].read_text())
    (d / "notes.md").write_text("not walked")
    arc = d / "old.arc"
    page = "<html><body><h1>Tin</h1><p>Ngày 25/12/2018, UBND tỉnh họp.</p></body></html>"
    resp = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page.encode()
    arc.write_bytes(
        b"filedesc://old.arc 0.0.0.0 20050101000000 text/plain 9\n1 0 test\n\n"
        + f"http://c.gov.vn/1 10.0.0.1 20050102000000 text/html {len(resp)}\n".encode()
        + resp
        + b"\n"
    )
    return [str(d.relative_to(root)), str((d / "notes.md").relative_to(root))]


@pytest.fixture(scope="module")
def inputs(root: Path, tmp_path_factory: pytest.TempPathFactory) -> List[str]:
    os.chdir(root)
    tmp = Path(os.path.relpath(tmp_path_factory.mktemp("spark"), root))
    args = ["corpus", *make_inputs(root / tmp, root)]
    if (root / "../shared/corpus").is_dir():
        args.append("../shared/corpus")
    else:
        print("../shared/corpus is absent: the Spark job runs on corpus/ alone", file=sys.stderr)
    return args


def drop_nulls(value: Any) -> Any:
    """A record without its null fields: Parquet has a column for every field."""
    if isinstance(value, dict):
        return {k: drop_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [drop_nulls(v) for v in value]
    return value


def read_lines(folder: Path) -> List[str]:
    return [line for part in sorted(folder.glob("part-*")) for line in part.read_text().splitlines()]


def same_lines(got: List[str], want: List[str]) -> bool:
    """Whether two outputs hold the same lines, in any order; the difference is shown."""
    from collections import Counter

    extra, missing = Counter(got) - Counter(want), Counter(want) - Counter(got)
    for what, lines in (("only from Spark", extra), ("only from the command line", missing)):
        for line in list(lines)[:3]:
            print(what, line[:2000], file=sys.stderr)
    return not extra and not missing


def test_jsonl_output_is_the_command_lines(spark, inputs, vngov_cli, root: Path, tmp_path: Path) -> None:
    os.chdir(root)
    want = vngov_cli.lines(*inputs)
    kinds = {json.loads(line).get("error", {}).get("kind") for line in want}
    assert {None, "decode", "archive"} <= kinds, kinds
    out = tmp_path / "out"
    summary = run(spark, inputs, str(out), fmt="jsonl")
    got = read_lines(out / "records")
    assert same_lines(got, want)
    assert summary.documents == len(want)
    assert summary.errors == {k: sum(1 for l in want if f'"kind":"{k}"' in l) for k in kinds if k}
    tasks = [json.loads(l) for l in read_lines(out / "tasks")]
    assert len(tasks) == sum(len(json.loads(l).get("tasks", [])) for l in want)


def test_parquet_output_is_the_command_lines(spark, inputs, vngov_cli, root: Path, tmp_path: Path) -> None:
    os.chdir(root)
    want = vngov_cli.records(*inputs)
    out = tmp_path / "out"
    run(spark, inputs, str(out), fmt="parquet", partitions=3)
    rows = spark.read.parquet(str(out / "records")).collect()
    got = [drop_nulls(r.asDict(recursive=True)) for r in rows]
    key = lambda r: json.dumps(r, sort_keys=True, ensure_ascii=False)  # noqa: E731
    assert sorted(map(key, got)) == sorted(key(drop_nulls(r)) for r in want)

    tasks = spark.read.parquet(str(out / "tasks"))
    want_tasks = [(r["id"], i, t) for r in want for i, t in enumerate(r.get("tasks", []))]
    assert tasks.count() == len(want_tasks) > 0
    row = tasks.where(f"record_id = '{want_tasks[0][0]}' and task_index = 0").collect()[0].asDict()
    task = want_tasks[0][2]
    for name, value in task.items():
        if name.endswith("span"):
            assert [row[f"{name}_start"], row[f"{name}_end"]] == value
        else:
            assert row[name] == value, name
    spark.read.parquet(str(out / "tasks")).createOrReplaceTempView("tasks")
    top = spark.sql("select assignee_kind, count(*) as n from tasks group by assignee_kind").collect()
    assert sum(r["n"] for r in top) == len(want_tasks)


def test_files_over_the_limit_become_error_rows(spark, root: Path, tmp_path: Path) -> None:
    os.chdir(root)
    out = tmp_path / "out"
    summary = run(spark, ["corpus/seeds"], str(out), fmt="jsonl", max_file_bytes=6000)
    lines = [json.loads(l) for l in read_lines(out / "records")]
    refused = [r for r in lines if "error" in r]
    sizes = {p.name: p.stat().st_size for p in (root / "corpus/seeds").glob("*.txt")}
    assert len(refused) == sum(1 for s in sizes.values() if s > 6000) > 0
    assert refused[0]["error"]["kind"] == "too_large"
    assert refused[0]["source"]["path"].startswith("corpus/seeds/")
    assert summary.errors == {"too_large": len(refused)}


def test_the_schema_holds_every_field_of_the_records(vngov_cli, root: Path) -> None:
    os.chdir(root)
    schema = record_schema(vngov.schema())

    def check(value: Any, dtype: T.DataType, where: str) -> None:
        if isinstance(value, dict):
            assert isinstance(dtype, T.StructType), where
            for k, v in value.items():
                assert k in dtype.fieldNames(), f"{where}.{k} is not in the Spark schema"
                check(v, dtype[k].dataType, f"{where}.{k}")
        elif isinstance(value, list):
            assert isinstance(dtype, T.ArrayType), where
            for v in value:
                check(v, dtype.elementType, f"{where}[]")
        elif value is not None:
            expected = {bool: T.BooleanType, int: T.LongType, float: T.DoubleType, str: T.StringType}
            assert isinstance(dtype, expected[type(value)]), (where, dtype)

    args = ["corpus", "../shared/corpus"] if (root / "../shared/corpus").is_dir() else ["corpus"]
    for rec in vngov_cli.records(*args):
        check(rec, schema, "record")


def test_fields_added_to_the_json_schema_reach_the_tables() -> None:
    js = vngov.schema()
    js["$defs"]["task"]["properties"]["rule"] = {"type": "string"}
    js["$defs"]["source"]["properties"]["fetched"] = {"type": ["string", "null"]}
    js["$defs"]["record"]["properties"]["content_sha256"] = {"type": "string"}
    schema = record_schema(js)
    assert "rule" in tasks_columns(schema)
    assert schema["source"].dataType["fetched"].dataType == T.StringType()
    assert schema["content_sha256"].dataType == T.StringType()
    assert schema["error"].dataType.fieldNames() == ["kind", "message", "status"]


def test_the_walk_keeps_the_command_lines_extensions() -> None:
    import fnmatch

    pattern = extensions_glob(vngov.KNOWN_EXTENSIONS)
    alternatives = pattern[1:-1].split(",")
    for name, kept in [("a.TXT", True), ("b.warc.gz", True), ("c.ARC.GZ", True), ("d.pdf", True), ("e.md", False), ("f.png", False)]:
        assert any(fnmatch.fnmatchcase(name, a) for a in alternatives) == kept, name


def test_spark_submit_ships_the_wheel_to_bare_workers(vngov_cli, root: Path, tmp_path: Path) -> None:
    """The README's cluster commands, in local mode, with an interpreter that has
    neither vngov nor pyspark installed: the job and the wheel are shipped."""
    wheels = sorted((root / "target" / "wheels").glob("vngov-*.whl"))
    if not wheels:
        pytest.skip("no wheel in target/wheels: build it with `pip wheel --no-deps -w target/wheels ./crates/vngov-py`")
    os.chdir(root)
    bare = tmp_path / "bare"
    venv.create(bare, with_pip=False)
    python = str(bare / "bin" / "python")
    job = tmp_path / "vngov_spark.zip"
    with zipfile.ZipFile(job, "w") as z:
        for f in (root / "python" / "vngov_spark").glob("*.py"):
            z.write(f, f"vngov_spark/{f.name}")
    submit = Path(sys.executable).parent / "spark-submit"
    out = tmp_path / "out"
    spark_home = os.path.dirname(pyspark.__file__)
    env = dict(os.environ, PYSPARK_PYTHON=python, PYSPARK_DRIVER_PYTHON=python, SPARK_HOME=spark_home)
    env.pop("PYTHONPATH", None)
    run_ = subprocess.run(
        [str(submit), "--master", "local[2]", "--conf", "spark.ui.enabled=false",
         "--py-files", str(job), "python/vngov_spark/__main__.py",
         "--wheel", str(wheels[-1]), "--format", "jsonl", "corpus", "-o", str(out)],
        cwd=root, env=env, capture_output=True, text=True,
    )
    assert run_.returncode == 0, run_.stderr[-3000:]
    # spark-submit hands the job's own standard error to its standard output.
    assert f"{len(vngov_cli.lines('corpus'))} records, 0 errors" in run_.stdout + run_.stderr
    assert same_lines(read_lines(out / "records"), vngov_cli.lines("corpus"))


def test_a_rebuilt_wheel_of_the_same_name_is_unpacked_anew(tmp_path: Path) -> None:
    """Executors keep unpacked wheels in their temporary directory: a wheel rebuilt
    with the same name must not be served from the earlier one's folder."""
    folders = []
    for build in ["first", "second"]:
        wheel = tmp_path / build / "vngov-0.1.0-cp39-abi3-linux_x86_64.whl"
        wheel.parent.mkdir()
        with zipfile.ZipFile(wheel, "w") as z:
            z.writestr("vngov/__init__.py", f"BUILD = {build!r}\n")
        folder = unpack_wheel(str(wheel))
        assert (Path(folder) / "vngov" / "__init__.py").read_text() == f"BUILD = {build!r}\n"
        assert unpack_wheel(str(wheel)) == folder
        folders.append(folder)
    assert folders[0] != folders[1]
    for folder in folders:
        shutil.rmtree(folder)
