"""vngov on Spark: the records of many files, extracted across a cluster.

The driver lists the inputs with Hadoop's file systems (local paths, ``hdfs://``,
``s3a://``: whatever the cluster reads), keeping in directories the files
``vngov extract`` keeps (text, HTML, RTF, JSON Lines, WARC and ARC). Spark reads the
files (``binaryFile``) and spreads them over the executors; each task hands each of
its files to ``vngov.read_archive`` (the same reader and extraction as the command
line, on one thread per task) and gets its records as JSON lines. They are written
as JSON Lines (byte for byte the command line's lines) or as Parquet with the
schema derived from ``schemas/record.schema.json``, together with a flat ``tasks``
table (one row per directive) for SQL.

A document that cannot be read is an error record, as on the command line, and so
is a file the job refuses (over ``--max-file-bytes``) or whose reading fails in
Python: no document fails the job.
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple

GLOB_CHARS = set("*?[]{}")


def unpack_wheel(wheel: str) -> str:
    """Unpacks `wheel` into a folder of the temporary directory and returns it. The
    folder is named after the wheel's content: a rebuilt wheel of the same name is
    unpacked anew, never served from an earlier job's folder."""
    sha = hashlib.sha256()
    with open(wheel, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            sha.update(block)
    name = os.path.basename(wheel)[: -len(".whl")]
    target = os.path.join(tempfile.gettempdir(), f"vngov-{name}-{sha.hexdigest()[:16]}")
    if not os.path.isdir(target):
        # Unpacked beside, then renamed: workers starting together do not see half a package.
        tmp = tempfile.mkdtemp(dir=os.path.dirname(target))
        with zipfile.ZipFile(wheel) as z:
            z.extractall(tmp)
        try:
            os.rename(tmp, target)
        except OSError:
            shutil.rmtree(tmp, ignore_errors=True)
    return target


def import_vngov(wheel: Optional[str] = None) -> Any:
    """The ``vngov`` package: installed, or unpacked from a wheel shipped with the job
    (``--wheel``, or ``spark-submit --files vngov-….whl``) into a folder of its own."""
    try:
        import vngov

        return vngov
    except ImportError:
        pass
    candidates = [wheel] if wheel else []
    try:
        from pyspark import SparkFiles

        candidates += sorted(glob.glob(os.path.join(SparkFiles.getRootDirectory(), "vngov-*.whl")))
    except Exception:  # no SparkContext here: only --wheel can help
        pass
    candidates = [c for c in candidates if c and os.path.isfile(c)]
    if not candidates:
        raise ImportError(
            "vngov is not installed here and no vngov wheel was shipped "
            "(give --wheel, or spark-submit --files vngov-VERSION-….whl)"
        )
    target = unpack_wheel(candidates[0])
    sys.path.insert(0, target)
    import vngov

    return vngov


@dataclass
class Inputs:
    """What the command line names, resolved by the driver: directories Spark walks
    and single files, each with the path records show for it."""

    dirs: List[Tuple[str, str]] = field(default_factory=list)  # (uri, shown)
    files: Dict[str, str] = field(default_factory=dict)  # key of the uri: shown

    def add(self, uri: str, shown: str, is_dir: bool) -> None:
        if is_dir:
            self.dirs.append((_key(uri).rstrip("/") + "/", shown.rstrip("/") + "/"))
            self.dirs.sort(key=lambda d: -len(d[0]))
        else:
            self.files[_key(uri)] = shown

    def shown(self, uri: str) -> str:
        """The path a record shows for a file Spark read: as `vngov extract` would
        show it given the same arguments."""
        key = _key(uri)
        if key in self.files:
            return self.files[key]
        for root, shown in self.dirs:  # the deepest first
            if key.startswith(root):
                return shown + key[len(root) :]
        return uri


def shown_path(arg: str) -> str:
    """A path as ``vngov extract`` shows it: no leading ``./``."""
    return arg[2:] if arg.startswith("./") else arg


def resolve_inputs(spark: Any, inputs: List[str]) -> Tuple[Inputs, List[str], List[str]]:
    """Each argument (a file, a directory, a glob such as ``s3a://b/crawl/*.warc.gz``)
    as directories and files, checked to exist; nothing is listed yet. Returns them
    with the URIs of the directories and of the files."""
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    out = Inputs()
    dirs: List[str] = []
    files: List[str] = []
    for arg in inputs:
        path = jvm.org.apache.hadoop.fs.Path(arg)
        fs = path.getFileSystem(conf)
        statuses = fs.globStatus(path)
        if not statuses:
            raise FileNotFoundError(f"{arg}: no such file or directory")
        is_glob = any(c in GLOB_CHARS for c in arg)
        for st in statuses:
            uri = st.getPath().toString()
            shown = _shown_match(arg, st.getPath()) if is_glob else shown_path(arg)
            out.add(uri, shown, st.isDirectory())
            (dirs if st.isDirectory() else files).append(uri)
    return out, dirs, files


def _shown_match(arg: str, path: Any) -> str:
    """A glob's match as a shell would have expanded it: relative when the glob is."""
    if "://" in arg:
        return path.toString()
    local = path.toUri().getPath()
    return local if arg.startswith("/") else os.path.relpath(local)


def extensions_glob(extensions: Iterable[str]) -> str:
    """A file-name glob for the extensions, in any case (`.TXT` as `.txt`)."""

    def any_case(c: str) -> str:
        return f"[{c.lower()}{c.upper()}]" if c.isalpha() else c

    return "{" + ",".join("*" + "".join(any_case(c) for c in e) for e in extensions) + "}"


def _escape(uri: str) -> str:
    """A path Spark reads literally, whatever characters its name has."""
    return "".join("\\" + c if c in GLOB_CHARS or c == "\\" else c for c in uri)


def _key(uri: str) -> str:
    """A file's URI as the driver and Spark's ``binaryFile`` both give it (one of
    them escapes spaces and the like)."""
    from urllib.parse import unquote

    return unquote(uri)


def extract_partition(rows: Iterable[Any], inputs: Inputs, options: Dict[str, Any]) -> Iterator[str]:
    """The records (JSON lines) of the files of one partition."""
    vngov = import_vngov()
    for row in rows:
        name = inputs.shown(row.path)
        try:
            yield from vngov.read_archive(
                name,
                data=bytes(row.content),
                threads=1,
                tone_style=options["tone_style"],
                max_bytes=options["max_bytes"],
                as_json=True,
            )
        except Exception as e:  # a defect costs its file, not the job
            yield _line(vngov.error_record(name, "internal", f"extraction failed: {e}"))


def refused_partition(rows: Iterable[Any], inputs: Inputs, max_file_bytes: int) -> Iterator[str]:
    """The error records of files over the job's size limit, not read."""
    vngov = import_vngov()
    for row in rows:
        message = f"{row.length} bytes, over the job's limit of {max_file_bytes} for one file (--max-file-bytes)"
        yield _line(vngov.error_record(inputs.shown(row.path), "too_large", message))


def _line(record: Dict[str, Any]) -> str:
    """A record as the command line writes it (compact, UTF-8)."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


@dataclass
class Summary:
    """What a run did."""

    documents: int
    records: int
    errors: Dict[str, int]
    seconds: float

    def line(self) -> str:
        errors = sum(self.errors.values())
        rate = self.documents / max(self.seconds, 1e-6)
        text = (
            f"{self.documents} documents, {self.records} records, "
            f"{errors} errors, {self.seconds:.2f} s ({rate:.0f} documents/s)"
        )
        if self.errors:
            text += "; errors by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(self.errors.items()))
        return text


def run(
    spark: Any,
    inputs_given: List[str],
    output: str,
    *,
    fmt: str = "parquet",
    partitions: Optional[int] = None,
    max_file_bytes: int = 1 << 30,
    max_bytes: Optional[int] = None,
    tone_style: str = "classic",
    mode: str = "errorifexists",
) -> Summary:
    """Extracts the records of the files of `inputs_given` (files, directories,
    globs) into `output`/records and `output`/tasks.

    `fmt` is ``"parquet"`` or ``"jsonl"``. Files over `max_file_bytes` are not read
    (a task holds a whole file in memory) and become error records. `partitions` is
    how many tasks share the files (default: three per core of the cluster).
    """
    from pyspark.sql import functions as F

    from .schema import record_schema

    if fmt not in ("parquet", "jsonl"):
        raise ValueError(f"format must be parquet or jsonl, not {fmt!r}")
    started = time.monotonic()
    vngov = import_vngov()
    vngov.extract("", tone_style=tone_style, max_bytes=max_bytes)  # bad options fail here, once
    sc = spark.sparkContext
    inputs, dir_uris, file_uris = resolve_inputs(spark, inputs_given)
    parts = partitions or max(1, sc.defaultParallelism * 3)
    # Spark packs files into partitions by size; a file's own weight beside its bytes
    # is about a document's.
    spark.conf.set("spark.sql.files.minPartitionNum", str(parts))
    spark.conf.set("spark.sql.files.openCostInBytes", str(64 * 1024))
    frames = []
    if dir_uris:
        # (A reader's options stay with it: each frame has a reader of its own.)
        walk = (
            spark.read.format("binaryFile")
            .option("recursiveFileLookup", "true")
            .option("pathGlobFilter", extensions_glob(vngov.KNOWN_EXTENSIONS))
        )
        frames.append(walk.load([_escape(uri) for uri in dir_uris]))
    if file_uris:
        frames.append(spark.read.format("binaryFile").load([_escape(uri) for uri in file_uris]))
    files = frames[0]
    for f in frames[1:]:
        files = files.unionByName(f)
    # Filters on length are applied before a file's content is read.
    limit = F.col("length") <= F.lit(max_file_bytes)
    shared = sc.broadcast(inputs)
    options = {"tone_style": tone_style, "max_bytes": max_bytes}
    extracted = files.where(limit).select("path", "content").rdd.mapPartitions(
        lambda rows: extract_partition(rows, shared.value, options)
    )
    refused = files.where(~limit).select("path", "length").coalesce(1).rdd.mapPartitions(
        lambda rows: refused_partition(rows, shared.value, max_file_bytes)
    )
    lines = extracted.union(refused)

    # The records are extracted once, as they are written; the tasks table and the
    # counts are read back from them.
    schema = record_schema(vngov.schema())
    out = output.rstrip("/")
    if fmt == "jsonl":
        if mode == "overwrite":
            _remove(spark, output)
        lines.saveAsTextFile(out + "/records")
        records = spark.read.schema(schema).json(out + "/records")
    else:
        as_rows = spark.createDataFrame(lines.map(lambda line: (line,)), "line string")
        parsed = as_rows.select(F.from_json("line", schema).alias("r")).select("r.*")
        parsed.write.mode(mode).parquet(out + "/records")
        records = spark.read.parquet(out + "/records")
    tasks_table(records).write.mode(mode).format("json" if fmt == "jsonl" else "parquet").save(out + "/tasks")

    kinds = records.groupBy(F.col("error.kind").alias("kind")).count().collect()
    errors = {r["kind"]: r["count"] for r in kinds if r["kind"] is not None}
    total = sum(r["count"] for r in kinds)
    return Summary(
        documents=total,
        records=total - sum(errors.values()),
        errors=errors,
        seconds=time.monotonic() - started,
    )


def tasks_table(records: Any) -> Any:
    """One row per task: the record's id, source and date, then the task's own
    fields (as the schema has them), spans as start and end columns."""
    from pyspark.sql import functions as F

    from .schema import tasks_columns

    exploded = records.where(F.col("error").isNull()).select(
        F.col("id").alias("record_id"),
        F.col("source.path").alias("path"),
        F.col("source.url").alias("url"),
        F.col("title"),
        F.col("published"),
        F.col("province"),
        F.posexplode("tasks").alias("task_index", "task"),
    )
    columns = [F.col(c) for c in ("record_id", "path", "url", "title", "published", "province", "task_index")]
    for name in tasks_columns(records.schema):
        if name.endswith("span"):
            columns.append(F.col(f"task.{name}")[0].alias(f"{name}_start"))
            columns.append(F.col(f"task.{name}")[1].alias(f"{name}_end"))
        else:
            columns.append(F.col(f"task.{name}").alias(name))
    return exploded.select(*columns)


def _remove(spark: Any, output: str) -> None:
    jvm = spark.sparkContext._jvm
    path = jvm.org.apache.hadoop.fs.Path(output)
    fs = path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    if fs.exists(path):
        fs.delete(path, True)


def parse_args(argv: Optional[List[str]] = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="vngov_spark",
        description="Extract vngov records from files on a Spark cluster: text, HTML, RTF, "
        "JSON Lines, WARC and ARC files, or directories of them, on any file system "
        "Spark reads (local, hdfs://, s3a://).",
    )
    p.add_argument("inputs", nargs="+", metavar="PATH", help="files, directories or globs")
    p.add_argument("-o", "--output", required=True, help="output directory: OUTPUT/records and OUTPUT/tasks")
    p.add_argument("--format", choices=["parquet", "jsonl"], default="parquet", help="output format (default parquet)")
    p.add_argument("--partitions", type=int, help="how many tasks share the files (default: 3 per core)")
    p.add_argument(
        "--max-file-bytes",
        type=int,
        default=1 << 30,
        help="files larger than this are not read but become error records (default 1 GiB: "
        "a task holds one whole file in memory, Spark at most 2 GiB)",
    )
    p.add_argument("--max-bytes", type=int, help="refuse documents larger than this (default 64 MiB, as the CLI)")
    p.add_argument("--tone-style", choices=["classic", "modern", "keep"], default="classic")
    p.add_argument("--overwrite", action="store_true", help="replace OUTPUT if it exists")
    p.add_argument("--wheel", help="a vngov wheel to ship to the executors (when it is not installed there)")
    return p.parse_args(argv)


def main(argv: Optional[List[str]] = None) -> int:
    args = parse_args(argv)
    from pyspark.sql import SparkSession

    from pyspark import SparkConf

    if SparkConf().get("spark.master", "local[*]").startswith("local"):
        # In local mode the workers are this interpreter, which has vngov.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = SparkSession.builder.appName("vngov").getOrCreate()
    try:
        if args.wheel:
            spark.sparkContext.addFile(os.path.abspath(args.wheel))
        import_vngov(args.wheel)
        summary = run(
            spark,
            args.inputs,
            args.output,
            fmt=args.format,
            partitions=args.partitions,
            max_file_bytes=args.max_file_bytes,
            max_bytes=args.max_bytes,
            tone_style=args.tone_style,
            mode="overwrite" if args.overwrite else "errorifexists",
        )
    finally:
        spark.stop()
    print(summary.line(), file=sys.stderr)
    return 0
