"""Fixtures of the Python tests: the repository, the shared corpus, the command line.

The records of the Python package and of the Spark job are compared with those of
the `vngov` command line for the same input, so the tests need the binary: it is
taken from $VNGOV_CLI, or built with `cargo build --bin vngov`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Dict, List

import pytest

ROOT = Path(__file__).resolve().parents[2]
# The shared material beside the repository; $VNGOV_SHARED names it elsewhere.
SHARED = Path(os.environ.get("VNGOV_SHARED", ROOT.parent / "shared"))
SHARED_CORPUS = SHARED / "corpus"

# The Spark job is a folder of the repository, not an installed package.
sys.path.insert(0, str(ROOT / "python"))


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    """The shared measurement corpus; the tests that read it skip, saying so, without it."""
    if not SHARED_CORPUS.is_dir():
        print(f"{SHARED_CORPUS} is absent: tests on the shared corpus skipped", file=sys.stderr)
        pytest.skip(f"{SHARED_CORPUS} is absent")
    return SHARED_CORPUS


@pytest.fixture(scope="session")
def cli() -> Path:
    """The `vngov` command line."""
    given = os.environ.get("VNGOV_CLI")
    if given:
        return Path(given)
    subprocess.run(["cargo", "build", "--quiet", "--bin", "vngov"], cwd=ROOT, check=True)
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    return target / "debug" / "vngov"


class Cli:
    """Runs `vngov extract` from the repository root and parses its records."""

    def __init__(self, binary: Path):
        self.binary = binary

    def lines(self, *args: str, stdin: bytes = b"") -> List[str]:
        run = subprocess.run(
            [str(self.binary), "extract", "--no-progress", "--quiet", *args],
            cwd=ROOT,
            input=stdin,
            capture_output=True,
        )
        assert run.returncode in (0, 1), run.stderr.decode()
        return run.stdout.decode().splitlines()

    def records(self, *args: str, stdin: bytes = b"") -> List[Dict]:
        return [json.loads(line) for line in self.lines(*args, stdin=stdin)]


@pytest.fixture(scope="session")
def vngov_cli(cli: Path) -> Cli:
    return Cli(cli)
