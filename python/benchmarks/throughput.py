"""Throughput of the Python package and of the Spark job against the command line.

    python python/benchmarks/throughput.py [--docs 6000] [--rounds 3] [--spark]

builds a folder of JSON Lines files (the texts and pages of corpus/ and, when it is
there, ../shared/corpus, repeated to --docs documents, each with its own URL), then
measures on it, in this process and one after the other, round after round:

- on one core (this process and its children pinned to one CPU): the command line
  (`vngov extract -j 1 DIR -o FILE`), and the package's `read_archive(DIR,
  threads=1)` (records as dicts, and as JSON lines), `extract_batch(items,
  threads=1)` and a loop of `extract()` (keeping the records in a list, and not)
  over the same documents held in memory;
- with --spark, on all cores: the command line (`-j` all), and the Spark job in
  local mode (`local[N]`, JSON Lines and Parquet output), the session started
  beforehand and not counted.

Each figure is the best of the rounds (the machine is shared: the best run is the
one least disturbed), with the ratio to the command line's figure of the same kind.
On one core the figures are documents per second of CPU time (the command line's
as a child process), which the load of a shared machine disturbs least, and per
second of wall-clock time; the Spark job's are wall-clock (its work is done in
other processes).
The cases take turns in each round. The command line is taken from target/release/vngov (`cargo build --release`).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Dict, List, Tuple

ROOT = Path(__file__).resolve().parents[2]


def documents(limit: int) -> List[Dict[str, str]]:
    """JSON Lines documents: texts and pages of the corpora, repeated to `limit`."""
    base: List[Dict[str, str]] = []
    shared = ROOT.parent / "shared" / "corpus"
    folders = [ROOT / "corpus"] + [shared / d for d in ("seeds", "dev", "dev2", "html")]
    for folder in folders:
        if not folder.is_dir():
            print(f"{folder} is absent: not used", file=sys.stderr)
            continue
        for p in sorted(folder.rglob("*")):
            if p.suffix == ".txt":
                base.append({"text": p.read_text(encoding="utf-8", errors="replace")})
            elif p.suffix == ".html":
                base.append({"html": p.read_text(encoding="utf-8", errors="replace")})
    bank = shared / "bank" / "bank.jsonl"
    if bank.is_file():
        for line in bank.read_text().splitlines():
            text = json.loads(line).get("text")
            if text:
                base.append({"text": text})
    return [dict(base[i % len(base)], url=f"https://bench.invalid/{i}") for i in range(limit)]


def write_folder(docs: List[Dict[str, str]], folder: Path, files: int) -> int:
    folder.mkdir(parents=True)
    size = 0
    for k in range(files):
        part = docs[k::files]
        text = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in part)
        (folder / f"part-{k:03}.jsonl").write_text(text)
        size += len(text.encode())
    return size


def cpu_seconds() -> float:
    """CPU time of this process (all its threads) and of its finished children."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def best(rounds: int, cases: Dict[str, Callable[[], object]]) -> Dict[str, Tuple[float, float]]:
    """The best wall-clock and CPU times of each case. The cases take turns in each
    round, so that a change in the machine's load falls on all of them."""
    times: Dict[str, List[Tuple[float, float]]] = {name: [] for name in cases}
    for _ in range(rounds):
        for name, fn in cases.items():
            wall, cpu = time.perf_counter(), cpu_seconds()
            fn()
            times[name].append((time.perf_counter() - wall, cpu_seconds() - cpu))
    return {name: (min(w for w, _ in ts), min(c for _, c in ts)) for name, ts in times.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=6000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--files", type=int, default=24, help="JSON Lines files the documents are spread over")
    ap.add_argument("--cpu", type=int, default=1, help="the CPU of the one-core figures")
    ap.add_argument("--spark", action="store_true", help="also the Spark job in local mode, on all cores")
    ap.add_argument("--cli", default=str(ROOT / "target" / "release" / "vngov"))
    args = ap.parse_args()

    import vngov

    tmp = Path(tempfile.mkdtemp(prefix="vngov-bench-"))
    try:
        docs = documents(args.docs)
        folder = tmp / "in"
        size = write_folder(docs, folder, args.files)
        print(f"{len(docs)} documents, {size / 1e6:.1f} MB, in {args.files} JSON Lines files; "
              f"vngov {vngov.__version__}, best of {args.rounds} rounds", flush=True)

        def cli(jobs: int) -> Callable[[], None]:
            def go() -> None:
                subprocess.run([args.cli, "extract", "-j", str(jobs), "--no-progress", "-q", str(folder),
                                "-o", str(tmp / "cli.jsonl")], check=False)
            return go

        n = len(docs)
        items = [dict(d, source="x.jsonl") for d in docs]
        def one(d: Dict[str, str]) -> Dict:
            if "text" in d:
                return vngov.extract(d["text"], url=d["url"])
            return vngov.extract_html(d["html"], url=d["url"])

        all_cpus = os.sched_getaffinity(0)
        os.sched_setaffinity(0, {args.cpu})  # children inherit it
        try:
            cases: Dict[str, Callable[[], object]] = {
                "command line, -j 1": cli(1),
                "read_archive(threads=1), dicts": lambda: sum(1 for _ in vngov.read_archive(folder, threads=1)),
                "read_archive(threads=1, as_json=True)": lambda: sum(1 for _ in vngov.read_archive(folder, threads=1, as_json=True)),
                "extract_batch(threads=1)": lambda: vngov.extract_batch(items, threads=1),
                "extract() in a loop, records kept": lambda: [one(d) for d in docs],
                "extract() in a loop, records dropped": lambda: [one(d) and None for d in docs],
            }
            times = best(args.rounds, cases)
        finally:
            os.sched_setaffinity(0, all_cpus)
        base_wall, base_cpu = times["command line, -j 1"]
        print("\nOne core (documents per second of CPU time, and of wall-clock time):")
        for name, (wall, cpu) in times.items():
            print(f"  {name:40} {n / cpu:6.0f} /CPU s  {base_cpu / cpu:5.0%}   {n / wall:6.0f} /s  {base_wall / wall:5.0%}")

        if args.spark:
            spark_rows(args, folder, tmp, n, cli(len(all_cpus)), len(all_cpus))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def spark_rows(args: argparse.Namespace, folder: Path, tmp: Path, n: int, cli: Callable[[], None], cores: int) -> None:
    sys.path.insert(0, str(ROOT / "python"))
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "python"), os.environ.get("PYTHONPATH")]))
    from pyspark.sql import SparkSession

    from vngov_spark import run

    t = time.perf_counter()
    spark = (SparkSession.builder.master(f"local[{cores}]").config("spark.ui.enabled", "false")
             .config("spark.sql.shuffle.partitions", str(cores)).getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    started = time.perf_counter() - t
    try:
        def job(fmt: str) -> Callable[[], None]:
            def go() -> None:
                out = tmp / f"spark-{fmt}"
                shutil.rmtree(out, ignore_errors=True)
                run(spark, [str(folder)], str(out), fmt=fmt)
            return go

        times = best(args.rounds, {
            f"command line, -j {cores}": cli,
            f"Spark local[{cores}], jsonl": job("jsonl"),
            f"Spark local[{cores}], parquet": job("parquet"),
        })
        base = times[f"command line, -j {cores}"][0]
        rows = [(name, wall) for name, (wall, _) in times.items()]
    finally:
        spark.stop()
    print(f"\nAll {cores} cores (the Spark session's start, {started:.1f} s, not counted):")
    for name, t in rows:
        print(f"  {name:40} {n / t:8.0f} documents/s  {base / t:6.0%} of the command line")


if __name__ == "__main__":
    main()
