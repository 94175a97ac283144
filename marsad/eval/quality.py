"""The quality gate: measure F1 per layer on named gold sets and compare with pinned minimums.

The pins file (`benchmarks/quality_pins.json`) names each gold set and its minimum F1 per layer:

    {"sets": {"reference": {"gold": ["shared:examples/haftar-defections-2016.gold.json"],
                            "f1": {"entities": 0.0, ...}},
              "dev": {"gold": ["benchmarks/gold"], "f1": {...}}}}

A `gold` entry is a gold file or a folder of `*.gold.json`, relative to the project root or
`shared:REL` under the shared data folder. A set none of whose gold entries exists is reported as
absent (and skipped by the gate), not as a failure, except in continuous integration (`CI=true`):
there a missing data folder would let the gate pass unseen, so it is a failure (`absent_in_ci`).
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.errors import ConfigError
from marsad.eval.command import GOLD_SUFFIX, Evaluator, Pair
from marsad.eval.report import render_json
from marsad.eval.score import LAYERS, Summary
from marsad.settings import shared_dir

PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent
PINS_FILE = PROJECT_ROOT / "benchmarks" / "quality_pins.json"
#: Scores are compared after rounding to this many decimals (pins are written the same way).
DECIMALS = 4


@dataclass(slots=True)
class GoldSet:
    """A named gold set with its pinned minimum F1 per layer."""

    name: str
    entries: list[str]
    pins: dict[str, float] = field(default_factory=dict)
    #: A sealed set is scored to report, never read for its errors: only micro totals are shown.
    sealed: bool = False

    def gold_files(self, root: Path = PROJECT_ROOT) -> list[Path] | None:
        """Every gold file of the set, or None when no entry exists (e.g. no shared folder)."""
        files: list[Path] = []
        found = False
        for entry in self.entries:
            path = _resolve(entry, root)
            if path is None or not path.exists():
                continue
            found = True
            files += sorted(path.rglob(f"*{GOLD_SUFFIX}")) if path.is_dir() else [path]
        return files if found and files else None


def in_ci(env: Mapping[str, str] | None = None) -> bool:
    """Whether we run in continuous integration (`CI` set to true, as CI services do)."""
    return (os.environ if env is None else env).get("CI", "").strip().lower() in ("true", "1", "yes")


def absent_in_ci(what: str) -> str:
    """The failure message for data missing under CI (`what` names the missing file or folder)."""
    return (f"{what} is absent, and CI=true: the quality gate may not be skipped in continuous integration. "
            "Put the shared data folder beside the project (../shared) or set MARSAD_SHARED to it.")


def _resolve(entry: str, root: Path) -> Path | None:
    if entry.startswith("shared:"):
        base = shared_dir()
        return None if base is None else base / entry[len("shared:"):]
    return root / entry


def load_pins(path: Path = PINS_FILE) -> list[GoldSet]:
    """The gold sets and pins of a pins file; raises `ConfigError` when it is malformed."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the pins file ({exc})") from None
    sets = data.get("sets") if isinstance(data, dict) else None
    if not isinstance(sets, dict) or not sets:
        raise ConfigError(f"{path}: needs a non-empty 'sets' object")
    out: list[GoldSet] = []
    for name, spec in sets.items():
        gold = spec.get("gold") if isinstance(spec, dict) else None
        pins = spec.get("f1", {}) if isinstance(spec, dict) else None
        if not isinstance(gold, list) or not all(isinstance(g, str) for g in gold):
            raise ConfigError(f"{path}: sets.{name}.gold must be a list of paths")
        if not isinstance(pins, dict) or any(k not in LAYERS or not isinstance(v, (int, float))
                                             for k, v in pins.items()):
            raise ConfigError(f"{path}: sets.{name}.f1 must map layers ({', '.join(LAYERS)}) to numbers")
        sealed = spec.get("sealed", False)
        if not isinstance(sealed, bool):
            raise ConfigError(f"{path}: sets.{name}.sealed must be true or false")
        out.append(GoldSet(name, list(gold), {k: float(v) for k, v in pins.items()}, sealed))
    return out


def measure(gold_set: GoldSet, evaluator: Evaluator | None = None, root: Path = PROJECT_ROOT) -> Summary | None:
    """Evaluate every gold file of a set (articles analysed with the default pipeline); None if absent."""
    files = gold_set.gold_files(root)
    if files is None:
        return None
    return (evaluator or Evaluator()).evaluate([Pair(None, f) for f in files])


def failures(gold_set: GoldSet, summary: Summary) -> list[str]:
    """One message per layer whose micro F1 is below its pin (an n/a F1 never fails)."""
    out: list[str] = []
    for layer, pin in gold_set.pins.items():
        f1 = summary.total[layer].counts.f1
        if f1 is not None and round(f1, DECIMALS) < round(pin, DECIMALS):
            out.append(f"{gold_set.name}: {layer} F1 {f1:.4f} is below its pin {pin:.4f}")
    return out


def floor_score(value: float | None) -> float:
    """A measured F1 as a pin: rounded down to DECIMALS (n/a pins at 0)."""
    if value is None:
        return 0.0
    scale = 10 ** DECIMALS
    return math.floor(round(value * scale, 6)) / scale


def set_report(gold_set: GoldSet, summary: Summary) -> dict[str, Any]:
    """The JSON record of one measured set: scores, pins and any failure."""
    report = render_json(summary, per_type=not gold_set.sealed)  # sealed: layer totals only
    out = {"files": len(summary.files), "sealed": gold_set.sealed,
           "f1": {n: report["micro"][n]["f1"] for n in LAYERS},
           "pins": dict(gold_set.pins), "failures": failures(gold_set, summary),
           "micro": report["micro"], "geo": report["geo"], "links": report["links"]}
    if not gold_set.sealed:  # a sealed set shows its totals only, nothing to fit to
        out["per_file"] = [{"gold": display_path(f["gold"]), "input": display_path(f["input"]),
                            "f1": {n: f["layers"][n]["f1"] for n in LAYERS}, "warnings": f["warnings"]}
                           for f in report["files"]]
    return out


def display_path(path: str, root: Path = PROJECT_ROOT) -> str:
    """A path as `shared:REL` under the shared folder, relative under the project, else as given."""
    p = Path(path).resolve()
    base = shared_dir()
    for prefix, folder in (("shared:", base), ("", root)):
        if folder is not None and p.is_relative_to(folder.resolve()):
            return prefix + p.relative_to(folder.resolve()).as_posix()
    return path
