"""The server's analysis workers (marsad/server/analyser.py): a pool of processes that answers the
analysis JSON, carries errors back in the one error shape, and replaces a worker that died."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import time
from pathlib import Path

import pytest

from marsad.ingest import document_from_text
from marsad.server.analyser import Analyser
from marsad.server.errors import ApiError
from marsad.settings import Settings

#: Only the text components run: the tests are about the workers, not the extraction.
LIGHT = ("entities", "times", "claims", "events", "relations", "relation_model", "framing")

TEXT = "اجتمع وفد من المجلس البلدي في مدينة زوارة يوم الأحد. وناقش الطرفان إصلاح الطريق الساحلي.\n"


def _light() -> Settings:
    return Settings.load(disable=LIGHT)


def _wait_ready(analyser: Analyser, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while analyser.status()["ready"] < analyser.workers:
        if time.monotonic() > deadline:
            pytest.fail(f"the workers did not start: {analyser.status()}")
        time.sleep(0.1)


def _descendants(pid: int) -> list[int]:
    """Every process under `pid` (Linux /proc)."""
    out: list[int] = []
    todo = [pid]
    while todo:
        p = todo.pop()
        for task in Path(f"/proc/{p}/task").glob("*"):
            try:
                kids = [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
            out += kids
            todo += kids
    return out


def _parent(pid: int) -> int:
    """The parent of a process (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("PPid:"):
            return int(line.split()[1])
    return -1


async def _many(analyser: Analyser, count: int) -> list[dict]:
    docs = [document_from_text(TEXT + f"البلاغ رقم {n}.\n", f"doc-{n}") for n in range(count)]
    bodies = await asyncio.gather(*(analyser.json(d) for d in docs))
    return [json.loads(b) for b in bodies]


def test_worker_processes_answer_the_analysis_json() -> None:
    analyser = Analyser(_light, workers=2)
    try:
        analyser.start()
        _wait_ready(analyser)
        assert analyser.status() == {"workers": 2, "ready": 2}
        results = asyncio.run(_many(analyser, 6))
        assert [r["document"]["source_id"] for r in results] == [f"doc-{n}" for n in range(6)]
        assert all(r["schema"] == "marsad.analysis/1" and r["sentences"] for r in results)
        assert "زوارة" in results[0]["document"]["text"]
        stored = analyser.analyse(document_from_text(TEXT, "for-the-store"))
        assert stored.document.source_id == "for-the-store" and stored.work == {}
    finally:
        analyser.close()


def test_a_worker_error_comes_back_as_an_api_error() -> None:
    analyser = Analyser(lambda: Settings.load(disable=LIGHT[1:], component_options={"entities": {"nope": 1}}),
                        workers=2)
    try:
        with pytest.raises(ApiError) as err:
            asyncio.run(_many(analyser, 1))
        assert err.value.status == 400 and "nope" in err.value.message
    finally:
        analyser.close()


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="finds the worker processes through /proc")
def test_a_worker_that_died_is_replaced() -> None:
    analyser = Analyser(_light, workers=2)
    try:
        analyser.start()
        _wait_ready(analyser)
        workers = [p for p in _descendants(os.getpid()) if _parent(p) != os.getpid()]
        assert len(workers) == 2
        for pid in workers:   # the workers (children of the forkserver), not the forkserver itself
            os.kill(pid, signal.SIGKILL)
        refused = 0
        for _ in range(3):    # a request sent while the pool learns of the death may get a 503
            try:
                results = asyncio.run(_many(analyser, 2))
                break
            except ApiError as exc:
                assert exc.status == 503 and "try again" in exc.message
                refused += 1
        else:
            pytest.fail("the analyser did not recover from its workers' death")
        assert refused <= 1 and len(results) == 2
    finally:
        analyser.close()
