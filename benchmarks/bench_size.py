"""Time of one analysis against the size of the article, for real news and pathological shapes.

Each measurement runs in a fresh process (so that one large input's memory does not weigh on the
next) and times `marsad.analyze(text=..., time_limit=0)` — building the document, then every
pipeline component — after one warm-up call that loads the models. CPU seconds of the process are
the figure (the machine is shared, and wall-clock time also counts other people's work); wall
seconds are recorded beside them.

Shapes:
- news: articles of the ANT corpus joined by blank lines, in corpus order (../shared/datasets);
- long-line: one line of ten words repeated, without punctuation (one 'sentence' of the whole input);
- marks: a run of diacritics alone (fatha, kasra, fatha, ...);
- open-quotes: «« قال حفتر» repeated: thousands of quotations never closed, in one paragraph;
- brackets: unbalanced brackets and quotes with words and digits of several scripts between them.

Usage: python benchmarks/bench_size.py [--sizes 1k,10k,100k,1M,5M] [--shapes news,...] [--big 20M]
Writes benchmarks/results/size.json (merged with earlier results of other sizes).
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "results" / "size.json"
CORPUS = "datasets/corpus-ant-2018.jsonl.gz"
SHAPES = ("news", "long-line", "marks", "open-quotes", "brackets")
#: ten words of an invented news sentence (a name, a cue, a trigger, a place), repeated for the long line
TEN_WORDS = "قال حفتر إن قواته سيطرت على سرت بعد معارك مع الجيش "


def parse_size(text: str) -> int:
    """'100k' -> 100,000 bytes; '5M' -> 5,000,000 bytes."""
    scale = {"k": 1_000, "K": 1_000, "M": 1_000_000, "m": 1_000_000}
    return int(float(text[:-1]) * scale[text[-1]]) if text[-1] in scale else int(text)


def make_text(shape: str, size: int) -> str:
    """An input of about `size` bytes of UTF-8 in the given shape."""
    if shape == "news":
        return _news(size)
    unit = {
        "long-line": TEN_WORDS,
        "marks": "\u064e\u0650",
        "open-quotes": "« قال حفتر ",
        "brackets": "(«قال [الوزير ²٣ «إن» ۴۵ (القوات \"دخلت) ]] ((« سرت 12³ ",
    }[shape]
    unit_bytes = len(unit.encode("utf-8"))
    return unit * max(1, size // unit_bytes)


def _news(size: int) -> str:
    from marsad.settings import shared_dir

    shared = shared_dir()
    if shared is None:
        raise SystemExit("the news shape needs ../shared/datasets (or $MARSAD_SHARED)")
    parts: list[str] = []
    total = 0
    with gzip.open(shared / CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line).get("text") or ""
            need = size - total
            if len(text.encode("utf-8")) > need:  # the last article cut at a space to fit
                cut = text.encode("utf-8")[:need].decode("utf-8", "ignore")
                text = cut.rsplit(" ", 1)[0] if " " in cut else cut
            parts.append(text)
            total += len(text.encode("utf-8")) + 2
            if total >= size:
                break
    return "\n\n".join(parts)


def measure_one(shape: str, size: int) -> dict[str, object]:
    """Analyse one input in this process and report its size and times."""
    import resource

    import marsad

    # load the models and build the one-time tables (one of them only for text that is not in NFC)
    marsad.analyze(text="قال\u0650\u064e المتحدث باسم الجيش إن القوات سيطرت على المدينة.", time_limit=0)
    text = make_text(shape, size)
    cpu, wall = time.process_time(), time.perf_counter()
    analysis = marsad.analyze(text=text, time_limit=0)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    nbytes = len(text.encode("utf-8"))
    return {
        "shape": shape, "bytes": nbytes, "chars": len(text), "cpu_s": round(cpu, 3), "wall_s": round(wall, 3),
        "cpu_s_per_100kB": round(cpu / nbytes * 100_000, 3),
        "tokens": len(analysis.tokens), "entities": len(analysis.entities), "events": len(analysis.events),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def measure(shape: str, size: int, timeout: float) -> dict[str, object]:
    """Run `measure_one` in a fresh process; a run over `timeout` seconds is recorded as such."""
    cmd = [sys.executable, __file__, "--child", shape, str(size)]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT, check=False)
    except subprocess.TimeoutExpired:
        return {"shape": shape, "bytes": size, "error": f"over {timeout:.0f} s"}
    if done.returncode != 0:
        return {"shape": shape, "bytes": size, "error": done.stderr.strip().splitlines()[-1:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    """Measure every shape at every size and write the results."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1k,10k,100k,1M,5M")
    ap.add_argument("--shapes", default=",".join(SHAPES))
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds allowed per measurement")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--child", nargs=2, metavar=("SHAPE", "BYTES"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(measure_one(args.child[0], int(args.child[1]))))
        return 0
    old = json.loads(args.out.read_text(encoding="utf-8")) if args.out.exists() else {}
    runs = {(r["shape"], r["target_bytes"]): r for r in old.get("runs", [])}
    for shape in args.shapes.split(","):
        for size in map(parse_size, args.sizes.split(",")):
            row = measure(shape, size, args.timeout)
            row["target_bytes"] = size
            row["measured"] = time.strftime("%Y-%m-%d %H:%M")
            runs[(shape, size)] = row
            print(json.dumps(row), flush=True)
    ordered = sorted(runs.values(), key=lambda r: (SHAPES.index(r["shape"]), r["target_bytes"]))
    result = {
        "what": "CPU seconds of marsad.analyze(text=...) on one input, by shape and size (fresh process each)",
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, shared by other jobs (CPU time, not wall time, is the figure)",
        "runs": ordered,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
