"""The quality gate cannot be skipped in CI: without the shared data folder its tests skip, but under
CI=true they fail with a message saying what is missing and how to provide it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.eval.quality import absent_in_ci, in_ci, load_pins

ROOT = Path(__file__).resolve().parent.parent

#: a pytest plugin, loaded before the conftest, that makes the shared data folder unfindable
_HIDE_SHARED = "import marsad.settings\nmarsad.settings.shared_dir = lambda settings=None: None\n"
#: the gate's tests that need the shared data: one per pinned gold set, and the drop check
_NEEDING_DATA = len(load_pins()) + 1


def test_in_ci_reads_the_ci_variable() -> None:
    assert in_ci({"CI": "true"}) and in_ci({"CI": "TRUE"}) and in_ci({"CI": "1"})
    assert not in_ci({}) and not in_ci({"CI": "false"}) and not in_ci({"CI": ""})
    msg = absent_in_ci("../shared/datasets")
    assert "../shared/datasets is absent" in msg and "CI=true" in msg and "MARSAD_SHARED" in msg


def _run_gate(tmp_path: Path, ci: str | None) -> subprocess.CompletedProcess[str]:
    (tmp_path / "hide_shared.py").write_text(_HIDE_SHARED, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "MARSAD_SHARED")}
    env["PYTHONPATH"] = os.pathsep.join([str(tmp_path), str(ROOT)])
    if ci is not None:
        env["CI"] = ci
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "hide_shared", "-p", "no:cacheprovider",
                           "tests/test_quality_gate.py"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.slow
def test_gate_skips_without_data_outside_ci(tmp_path: Path) -> None:
    run = _run_gate(tmp_path, None)
    assert run.returncode == 0, run.stdout + run.stderr
    summary = run.stdout.strip().splitlines()[-1]
    assert f"{_NEEDING_DATA} skipped" in summary and "error" not in summary and "failed" not in summary, summary


@pytest.mark.slow
def test_gate_fails_without_data_under_ci(tmp_path: Path) -> None:
    run = _run_gate(tmp_path, "true")
    assert run.returncode == 1, run.stdout + run.stderr
    summary = run.stdout.strip().splitlines()[-1]
    assert f"{_NEEDING_DATA} error" in summary and "skipped" not in summary, summary
    assert "../shared/datasets is absent, and CI=true" in run.stdout
    assert "MARSAD_SHARED" in run.stdout
