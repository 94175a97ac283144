"""Score the `times` component against the Arabic TimeML set (shared/datasets/timeml/*.tml).

Each .tml file is one article with inline TIMEX3 elements carrying normalised values. The script
rebuilds the plain text and the gold spans, runs the pipeline up to `times` over every article
anchored on the document creation time, and reports precision, recall and F1 on spans (any
overlap, one-to-one) and on values (overlap and the same value, see `same_value`), for:

- "all": every TIMEX3 (durations and sets included, which `times` does not produce by design);
- "dates": TIMEX3 of type DATE or TIME whose value is a calendar value (a year, month, week, day
  or time, a decade, a season); predictions overlapping an excluded gold expression are ignored.

The files carry no creation time; the annotation resolves every «اليوم» of the set to 2015-12-24,
so that is the default anchor (`--dct`). Usage:

    .venv/bin/python benchmarks/eval_timeml.py [--dct 2015-12-24] [--out benchmarks/results/timeml.json] [-v]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from marsad.model import Document  # noqa: E402
from marsad.pipeline import Pipeline  # noqa: E402
from marsad.settings import shared_dir  # noqa: E402

_CALENDAR = re.compile(r"^\d{2,4}(?:-(?:\d\d|W\d\d|SU|WI|FA|SP|H\d|Q\d)(?:-\d\d)?)?(?:T\d\d(?::\d\d)?)?$")
_PART_OF_DAY = re.compile(r"T(?:MO|AF|EV|NI|DT)$")
_CENTURY_RANGE = re.compile(r"^(?P<c>\d\d)00/(?P=c)99$")


def same_value(pred: str | None, gold: str) -> bool:
    """Whether a predicted value says what a TIMEX3 value says: equal, or the same in the other
    notation (a part-of-day suffix "TNI" is dropped from the gold value; a century, which the
    contract writes as the range "1900/1999", is "19" in TIMEX3)."""
    if pred is None:
        return False
    gold = _PART_OF_DAY.sub("", gold)
    m = _CENTURY_RANGE.match(pred)
    return pred == gold or (m is not None and m.group(1) == gold)


@dataclass
class Gold:
    """One gold TIMEX3: offsets into the rebuilt text, type and normalised value."""

    start: int
    end: int
    type: str
    value: str

    @property
    def is_date(self) -> bool:
        """A DATE or TIME with a calendar value (not PAST_REF, not a duration or a set)."""
        return self.type in ("DATE", "TIME") and bool(_CALENDAR.match(_PART_OF_DAY.sub("", self.value)))


def read_tml(path: Path) -> tuple[str, list[Gold]]:
    """The plain text of a .tml file and its TIMEX3 annotations with offsets into it."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise SystemExit(f"{path}: not well-formed TimeML ({exc})") from None
    parts: list[str] = [root.text or ""]
    golds: list[Gold] = []
    pos = len(parts[0])
    for el in root.iter():
        if el is root:
            continue
        inner = "".join(el.itertext())
        if el.tag == "TIMEX3":
            golds.append(Gold(pos, pos + len(inner), el.get("type", ""), el.get("value", "")))
        parts.append(inner)
        pos += len(inner)
        parts.append(el.tail or "")
        pos += len(el.tail or "")
    return "".join(parts), golds


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _prf(tp_p: int, n_pred: int, tp_g: int, n_gold: int) -> dict[str, float]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def score(docs: list[tuple[str, list[Gold], list[tuple[int, int, str | None]]]], dates_only: bool,
          verbose: bool = False) -> dict[str, object]:
    """Span and value scores over all documents (see the module docstring)."""
    n_gold = n_pred = span_tp = value_tp = 0
    for name, golds, preds in docs:
        excluded = [g for g in golds if dates_only and not g.is_date]
        gset = [g for g in golds if not dates_only or g.is_date]
        pset = [p for p in preds if not any(_overlap((p[0], p[1]), (g.start, g.end)) for g in excluded)
                or any(_overlap((p[0], p[1]), (g.start, g.end)) for g in gset)]
        n_gold += len(gset)
        n_pred += len(pset)
        used: set[int] = set()
        for p in pset:
            for i, g in enumerate(gset):
                if i not in used and _overlap((p[0], p[1]), (g.start, g.end)):
                    used.add(i)
                    span_tp += 1
                    if same_value(p[2], g.value):
                        value_tp += 1
                    elif verbose:
                        print(f"  value {name}: {p[2]} != {g.value}")
                    break
            else:
                if verbose:
                    print(f"  spurious {name}: {p}")
        if verbose:
            for i, g in enumerate(gset):
                if i not in used:
                    print(f"  missed {name}: {g.type} {g.value} at {g.start}")
    return {"gold": n_gold, "predicted": n_pred, "span_matches": span_tp, "value_matches": value_tp,
            "span": _prf(span_tp, n_pred, span_tp, n_gold),
            "value": _prf(value_tp, n_pred, value_tp, n_gold),
            "value_accuracy_on_matched_spans": round(value_tp / span_tp, 4) if span_tp else 0.0}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write the figures as JSON."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dct", default="2015-12-24", help="creation time used as anchor (ISO date)")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "timeml.json"))
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and wrong values")
    args = ap.parse_args(argv)
    shared = shared_dir()
    folder = shared / "datasets" / "timeml" if shared else None
    if folder is None or not folder.is_dir():
        print("eval_timeml: shared/datasets/timeml is absent (set MARSAD_SHARED)", file=sys.stderr)
        return 2
    pipe = Pipeline(components=("sentences", "tokens", "times"))
    docs = []
    elapsed = 0.0
    for path in sorted(folder.glob("*.tml"), key=lambda p: int(re.sub(r"\D", "", p.stem) or 0)):
        text, golds = read_tml(path)
        doc = Document(id=path.stem, source_id=str(path), text=text, published=args.dct)
        t0 = time.perf_counter()
        analysis = pipe(doc)
        elapsed += time.perf_counter() - t0
        docs.append((path.stem, golds, [(t.start, t.end, t.value) for t in analysis.times]))
    result = {
        "dataset": "shared/datasets/timeml (Arabic news articles with TIMEX3 annotations)",
        "anchor": args.dct, "documents": len(docs),
        "all": score(docs, dates_only=False),
        "dates": score(docs, dates_only=True, verbose=args.verbose),
        "ms_per_document_sentences_tokens_times": round(1000 * elapsed / max(1, len(docs)), 3),
    }
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
