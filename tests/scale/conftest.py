"""Fixtures of the parallel-run tests: an invented corpus, the `marsad` command, a single-process
store to compare parallel runs with."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from scale_corpus import write_corpus
from store_facts import facts

ROOT = Path(__file__).resolve().parents[2]
N_ARTICLES = 40


def marsad(*args: str, check: bool = True, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run the `marsad` command of this checkout; its result (stdout, stderr, returncode)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.run([sys.executable, "-m", "marsad.cli", *args], capture_output=True, text=True,
                          env=env, timeout=timeout, cwd=ROOT)
    if check and proc.returncode != 0:
        raise AssertionError(f"marsad {' '.join(args)} exited {proc.returncode}:\n{proc.stderr}")
    return proc


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """40 invented articles as JSON Lines, with one broken line among them."""
    return write_corpus(tmp_path_factory.mktemp("corpus") / "news.jsonl", N_ARTICLES, broken_at=(13,))


@pytest.fixture(scope="session")
def single_store(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple]]:
    """The facts of a store built by one process (`--workers 1`), on SQLite."""
    db = tmp_path_factory.mktemp("single") / "one.db"
    marsad("ingest", str(corpus), "--db", str(db), "--workers", "1", "-q")
    return facts(str(db))


@pytest.fixture(scope="session")
def run_marsad() -> Callable[..., subprocess.CompletedProcess[str]]:
    """The `marsad` runner."""
    return marsad
