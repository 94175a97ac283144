"""`marsad eval` on the reference article and on the dev gold set (needs the shared folder)."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.cli import main
from marsad.eval.command import article_for
from marsad.eval.gold import load_gold
from marsad.eval.score import LAYERS, score_analysis

from eval_helpers import oracle

ROOT = Path(__file__).resolve().parents[2]
DEV_GOLD = sorted((ROOT / "benchmarks" / "gold").glob("*.gold.json"))


def test_eval_runs_on_the_reference_article(reference_article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = reference_article.with_name("haftar-defections-2016.gold.json")
    assert main(["eval", str(reference_article), str(gold)]) == 0
    out = capsys.readouterr().out
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines() if line.split()[:1]
            and line.split()[0] in LAYERS}
    assert set(rows) == set(LAYERS)
    assert int(rows["relations"][0]) == 16 and int(rows["events"][0]) == 9 and int(rows["claims"][0]) == 8
    assert int(rows["entities"][0]) >= 21  # 21 core entities, plus any non-core one that is matched


def _gold_paths(shared: Path) -> list[Path]:
    return [shared / "examples" / "haftar-defections-2016.gold.json", *DEV_GOLD]


@pytest.mark.parametrize("index", range(1 + len(DEV_GOLD)))
def test_a_perfect_analysis_scores_one_on_every_gold_file(shared: Path, index: int) -> None:
    path = _gold_paths(shared)[index]
    gold = load_gold(path)
    text = article_for(gold, path).read_bytes().decode("utf-8")  # as ingest reads it
    score = score_analysis(oracle(gold, text), gold)
    assert score.warnings == []
    for layer, ls in score.layers.items():
        assert ls.counts.f1 in (1.0, None), f"{path.name}: {layer}"
    assert score.geo.correct == score.geo.places
