"""Training the relation model end to end: analyse the data, cross-validate, fit, save with a sidecar.

Used by `training/relations/train.py`. Every random choice takes the given seed; the sidecar JSON
beside the model records the data's checksums, the settings chosen and the cross-validated scores.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import random
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from marsad.errors import InputError
from marsad.eval.score import LayerScore
from marsad.eval.command import article_for
from marsad.eval.gold import load_gold
from marsad.extract.relmodel.candidates import MAX_GAP
from marsad.extract.relmodel.crossval import cross_validate, relation_score
from marsad.extract.relmodel.data import Article, examples_of, prepare, silver_examples
from marsad.extract.relmodel.features import Lexicons
from marsad.extract.relmodel.learn import Example, FitOptions, fit
from marsad.extract.relmodel.schema import RELATION_TYPES
from marsad.ingest.core import document_from_text
from marsad.pipeline import DEFAULT_COMPONENTS, Pipeline

log = logging.getLogger(__name__)

#: articles of the corpus kept for silver data name one of these places
_CONFLICT_WORDS = ("ليبيا", "سوريا", "اليمن", "العراق", "السودان", "الصومال", "مالي")


@dataclass(slots=True)
class TrainConfig:
    """What to train on and which settings to try."""

    gold: Path
    out: Path
    corpus: Path | None = None
    silver_articles: int = 800
    silver_weights: Sequence[float] = (0.0, 0.1, 0.3)
    l2s: Sequence[float] = (1e-3,)
    thresholds: Sequence[float] = (0.1, 0.15, 0.2, 0.3, 0.4, 0.5)
    folds: int = 5
    seed: int = 13
    iterations: int = 150
    keep_negative: float = 0.2
    per_type: bool = False
    log: list[str] = field(default_factory=list)


def _shown(path: Path) -> str:
    """A path as the record shows it: relative to the project when inside it."""
    from marsad.settings import shared_dir

    for root, prefix in ((Path(__file__).resolve().parents[3], ""), (shared_dir(), "shared:")):
        if root is not None:
            try:
                return prefix + str(path.resolve().relative_to(Path(root).resolve()))
            except ValueError:
                pass
    return str(path)


def sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def rules_pipeline() -> Pipeline:
    """The default pipeline without the relation model (its relations are the rules')."""
    return Pipeline(DEFAULT_COMPONENTS, disable=("relation_model",))


def gold_articles(folder: Path, pipe: Pipeline, lex: Lexicons) -> tuple[list[Article], dict[str, str]]:
    """Every `*.gold.json` of `folder` analysed and prepared, and each gold file's checksum."""
    from marsad.api import analyze

    paths = sorted(folder.glob("*.gold.json"))
    if not paths:
        raise InputError(str(folder), "no *.gold.json file in this folder")
    arts, sums = [], {}
    for p in paths:
        gold = load_gold(p)
        analysis = analyze(article_for(gold, p), published=gold.published, pipeline=pipe)
        arts.append(prepare(p.name.removesuffix(".gold.json"), analysis, lex, gold))
        sums[p.name] = sha256(p)
    return arts, sums


def corpus_records(path: Path, n: int, seed: int) -> list[dict[str, Any]]:
    """`n` articles of the corpus naming a conflict country, drawn with `seed` (in corpus order)."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            records = [r for r in map(json.loads, f) if any(w in r.get("text", "") for w in _CONFLICT_WORDS)
                       and 300 <= len(r.get("text", "")) <= 6000]
    except (OSError, ValueError) as exc:
        raise InputError(str(path), f"cannot read the corpus ({exc})") from None
    picked = sorted(random.Random(seed).sample(range(len(records)), min(n, len(records))))
    return [records[i] for i in picked]


def silver_articles(records: Sequence[dict[str, Any]], pipe: Pipeline, lex: Lexicons) -> Iterator[Article]:
    """Corpus records analysed and prepared (no gold)."""
    for r in records:
        doc = document_from_text(r["text"], str(r.get("id", "")), title=r.get("title"))
        yield prepare(str(r.get("id", "")), pipe(doc), lex)


#: cross-validated F1 scores closer than this are a tie, settled by the higher precision
TIE = 0.002


def choose(trials: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The trial with the best cross-validated F1; among those within `TIE` of it, the most precise
    (the model that adds fewer relations when adding more gains nothing measurable)."""
    top = max(t["cv"]["f1"] or 0.0 for t in trials)
    close = [t for t in trials if (t["cv"]["f1"] or 0.0) >= top - TIE]
    return max(close, key=lambda t: (t["cv"]["precision"] or 0.0, -trials.index(t)))


def _per_type(arts: Sequence[Article], opts: FitOptions, cfg: TrainConfig, extra: Sequence[Example],
              chosen: dict[str, Any]) -> dict[str, Any]:
    """Thresholds per type for the chosen setting, and whether they are used: only when the folds,
    each decided with thresholds chosen on the others, beat the single threshold by more than `TIE`."""
    cv = cross_validate(arts, opts, cfg.thresholds, cfg.folds, cfg.seed, extra, per_type=True)
    held_out = cv.per_type or LayerScore()
    chosen_th = cv.per_type_thresholds if cv.per_type_thresholds is not None else np.full(
        len(RELATION_TYPES), chosen["threshold"])
    nested = held_out.counts.to_dict()
    used = (nested["f1"] or 0.0) > (chosen["cv"]["f1"] or 0.0) + TIE
    out = {"thresholds": {t: round(float(v), 3) for t, v in zip(RELATION_TYPES, chosen_th)},
           "cv_held_out_choice": nested, "used": used}
    log.info("per-type thresholds: F1 %s with them, %s with one threshold: %s", nested["f1"], chosen["cv"]["f1"],
             "used" if used else "not used")
    if used:
        chosen["cv"] = nested
        chosen["per_type"] = {t: c.to_dict() for t, c in sorted(held_out.per_type.items())}
    return out


def train(cfg: TrainConfig) -> dict[str, Any]:
    """Cross-validate every setting on the gold articles, fit the best on all of them, save; the record."""
    pipe = rules_pipeline()
    kb = pipe.resources.kb  # type: ignore[union-attr]
    lex = Lexicons.from_kb(kb)
    arts, sums = gold_articles(cfg.gold, pipe, lex)
    silver: list[Example] = []
    data: dict[str, Any] = {"gold": {"folder": _shown(cfg.gold), "files": len(sums), "sha256": sums}}
    if cfg.corpus is not None and cfg.silver_articles > 0:
        records = corpus_records(cfg.corpus, cfg.silver_articles, cfg.seed)
        for art in silver_articles(records, pipe, lex):
            silver += silver_examples(art, kb, 1.0, cfg.keep_negative, cfg.seed)
        data["silver"] = {"corpus": cfg.corpus.name, "sha256": sha256(cfg.corpus), "articles": len(records),
                          "examples": len(silver), "positives": sum(1 for e in silver if e.labels)}
    rules = relation_score(arts, None)
    trials = []
    for l2 in cfg.l2s:
        for sw in (cfg.silver_weights if silver else (0.0,)):
            extra = [Example(e.features, e.labels, e.mask, sw, e.group) for e in silver] if sw > 0 else []
            opts = FitOptions(l2=l2, iterations=cfg.iterations, seed=cfg.seed)
            cv = cross_validate(arts, opts, cfg.thresholds, cfg.folds, cfg.seed, extra)
            th, score = cv.best()
            trial = {"l2": l2, "silver_weight": sw, "threshold": th, "cv": score.counts.to_dict(),
                     "per_type": {t: c.to_dict() for t, c in sorted(score.per_type.items())}}
            trials.append(trial)
            log.info("l2 %g silver %g: best threshold %g, F1 %s", l2, sw, th, score.counts.f1)
    if not trials:
        raise InputError("relation model training", "no setting to try (empty grids)")
    chosen = choose(trials)
    opts = FitOptions(l2=chosen["l2"], iterations=cfg.iterations, seed=cfg.seed, threshold=chosen["threshold"])
    extra = [Example(e.features, e.labels, e.mask, chosen["silver_weight"], e.group) for e in silver] \
        if chosen["silver_weight"] > 0 else []
    per_type = _per_type(arts, opts, cfg, extra, chosen) if cfg.per_type else None
    model = fit([*examples_of(arts), *extra], opts)
    if per_type is not None and per_type["used"]:
        model.thresholds = np.asarray([per_type["thresholds"][t] for t in model.types], dtype=np.float32)
    keep = np.flatnonzero(np.abs(model.weights).max(axis=1) >= 1e-3)  # drop weights that round to nothing
    model = type(model)([model.features[i] for i in keep], model.weights[keep], model.bias, model.types,
                        model.thresholds)
    cfg.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(cfg.out)
    record = {
        "schema": "marsad.relation_model/1", "model": cfg.out.name, "features": len(model.features),
        "types": list(model.types), "max_gap": MAX_GAP, "seed": cfg.seed, "folds": cfg.folds, "iterations": cfg.iterations,
        "chosen": {k: chosen[k] for k in ("l2", "silver_weight", "threshold")}, "data": data,
        "per_type_thresholds": per_type,
        "dev_rules_only": {"total": rules.counts.to_dict(),
                           "per_type": {t: c.to_dict() for t, c in sorted(rules.per_type.items())}},
        "dev_cross_validated": {"total": chosen["cv"], "per_type": chosen["per_type"]},
        "trials": [{k: t[k] for k in ("l2", "silver_weight", "threshold", "cv")} for t in trials],
        "config": {k: (_shown(v) if isinstance(v, Path) else list(v) if isinstance(v, tuple) else v)
                   for k, v in asdict(cfg).items() if k != "log"},
    }
    sidecar = cfg.out.with_suffix(".json")
    sidecar.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return record
