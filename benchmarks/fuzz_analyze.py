"""Fuzz `marsad.analyze` for a time budget with Hypothesis-generated news-like text and raw bytes.

Each input is either text for `marsad.analyze(text=...)` or bytes read the way the command line
reads standard input (decoded, sniffed, then analysed). An input passes when it is analysed into an
analysis that validates against the schema (offsets inside the text, span texts equal to the text
at their offsets) and serialises to UTF-8 JSON, or when it is refused with marsad's own clear error
(`InputError`, e.g. for binary data). Anything else is a failure: it is recorded with its input and
the run goes on. Line coverage of the `marsad` package is measured with coverage.py when installed.

The vocabulary is taken at run time from the shipped knowledge files (names, cues, triggers), so that
the extractors fire; it is mixed with random Unicode, digits of every script, superscripts,
surrogates, diacritic runs, unbalanced quotes and brackets, control characters and long lines.

    nice -n 19 python benchmarks/fuzz_analyze.py --minutes 35 --out benchmarks/results/fuzz-analyze.json
"""

from __future__ import annotations

import argparse
import io
import json
import platform
import re
import subprocess
import sys
import time
import traceback
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATA = ROOT / "marsad" / "data"
_ARABIC_WORD = re.compile(r"[\u0600-\u06FF]{2,}")


def vocabulary() -> list[str]:
    """Arabic words of the shipped knowledge files: names, reporting cues, event triggers."""
    words: set[str] = set()
    for path in [*DATA.glob("lexicons/*.tsv"), *DATA.glob("actors/*.jsonl")]:
        words.update(_ARABIC_WORD.findall(path.read_text(encoding="utf-8")))
    return sorted(words)


PUNCT = list(".،؛:!?؟…«»“”\"'()[]{}-–—/\\*•·٪%") + ["..", "...", "\n", "\n\n", " ", " ", " ", "\t", "\r\n"]
ODD = [chr(c) for c in (0x00B2, 0x00B3, 0x00B9, 0x2070, 0x2074, 0x2079, 0x00BD, 0x2153, 0x0660, 0x0669,
                        0x06F0, 0x06F9, 0x0966, 0x09E6, 0x0E50, 0xFF10, 0x1D7CE, 0x064B, 0x0650, 0x0651,
                        0x0652, 0x0670, 0x0640, 0x200C, 0x200D, 0x200F, 0x202E, 0x2066, 0xFEFF, 0xFFFD,
                        0x0000, 0x0007, 0x001B, 0x007F, 0x0085, 0x2028, 0xFB50, 0xFEFB, 0xD800, 0xDFFF)]
DIGITS = st.text(st.characters(categories=("Nd",)), min_size=1, max_size=6)


def pieces(words: list[str]) -> st.SearchStrategy[str]:
    """One piece of text: a word, punctuation, a number, an odd character or random Unicode."""
    return st.one_of(
        st.sampled_from(words).map(lambda w: w + " "),
        st.sampled_from(words).map(lambda w: w + " "),
        st.sampled_from(words),
        st.sampled_from(PUNCT),
        DIGITS,
        st.sampled_from(ODD),
        st.text(max_size=6),
        st.sampled_from(ODD).map(lambda c: c * 40),
        st.sampled_from(words).map(lambda w: (w + " ") * 150),  # a long line without punctuation
    )


def texts(words: list[str]) -> st.SearchStrategy[str]:
    """News-like text: up to 150 pieces, sometimes with a headline and a date line."""
    body = st.lists(pieces(words), max_size=150).map("".join)
    header = st.sampled_from(["", "عنوان الخبر\n\nالثلاثاء 11 أكتوبر 2016 01:10 م\n\n", "خبر عاجل\n"])
    return st.tuples(header, body).map("".join)


def raw_inputs(words: list[str]) -> st.SearchStrategy[bytes]:
    """Bytes as a file or standard input might hold them: encoded text, JSON Lines, HTML, noise."""
    text = texts(words)
    return st.one_of(
        text.map(lambda t: t.encode("utf-8", "replace")),
        st.tuples(text, st.binary(max_size=4)).map(lambda p: p[0].encode("utf-8", "replace") + p[1]),
        text.map(lambda t: t.encode("cp1256", "replace")),
        text.map(lambda t: t.encode("utf-16", "replace")),
        st.tuples(text, text).map(lambda p: (json.dumps({"id": p[0][:20], "text": p[1]}) + "\n").encode()),
        text.map(lambda t: f"<html><body><p>{t}</p></body></html>".encode("utf-8", "replace")),
        st.binary(max_size=300),
    )


class Tally:
    """Counts of the run, and the failures with their inputs."""

    def __init__(self) -> None:
        self.inputs = self.text_inputs = self.byte_inputs = self.analysed = self.refused = self.timed_out = 0
        self.chars = 0
        self.slowest = 0.0  # wall seconds (a low-priority run on a busy machine waits for the CPU)
        self.slowest_cpu: list[tuple[float, int, str]] = []  # the three costliest inputs in CPU seconds
        self.failures: list[dict[str, Any]] = []


def check(analysis: Any) -> None:
    """Raise when the analysis does not validate or cannot be written as UTF-8 JSON."""
    from marsad.schema import validate_analysis

    problems = validate_analysis(analysis.to_dict())
    if problems:
        raise AssertionError("; ".join(problems[:5]))
    analysis.to_json().encode("utf-8")


def run_text(text: str, tally: Tally) -> None:
    """Analyse one text through the API."""
    import marsad
    from marsad.errors import InputError, TimeLimitError

    try:
        check(marsad.analyze(text=text))
        tally.analysed += 1
    except TimeLimitError:
        tally.timed_out += 1
    except InputError:
        tally.refused += 1


def run_bytes(raw: bytes, tally: Tally) -> None:
    """Read bytes as standard input is read, then analyse every document found."""
    from marsad.api import build_pipeline
    from marsad.ingest.core import read_stream
    from marsad.settings import Settings

    settings = Settings()
    pipe = build_pipeline(settings)
    for result in read_stream(io.BytesIO(raw), "-", settings):
        if result.document is None:
            tally.refused += 1
            continue
        check(pipe(result.document))
        tally.analysed += 1


def fuzz(minutes: float, tally: Tally, seed: int) -> None:
    """Run batches of generated inputs until the budget is spent."""
    words = vocabulary()
    run_text("قال\u0650\u064e المتحدث", Tally())  # load the models before the clock starts
    run_bytes("قال المتحدث".encode(), Tally())
    deadline = time.monotonic() + minutes * 60

    @settings(max_examples=200, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(st.booleans().flatmap(lambda as_text: texts(words) if as_text else raw_inputs(words)))
    def target(value: str | bytes) -> None:
        if time.monotonic() > deadline:
            return
        tally.inputs += 1
        started, cpu = time.perf_counter(), time.process_time()
        try:
            if isinstance(value, str):
                tally.text_inputs += 1
                tally.chars += len(value)
                run_text(value, tally)
            else:
                tally.byte_inputs += 1
                tally.chars += len(value)
                run_bytes(value, tally)
        except Exception as exc:  # noqa: BLE001 - a failure is recorded, the run goes on
            tally.failures.append({"input": repr(value)[:4000], "error": f"{type(exc).__name__}: {exc}"[:500],
                                   "trace": traceback.format_exc()[-2000:]})
        tally.slowest = max(tally.slowest, time.perf_counter() - started)
        spent = time.process_time() - cpu
        if len(tally.slowest_cpu) < 3 or spent > tally.slowest_cpu[-1][0]:
            tally.slowest_cpu = sorted([*tally.slowest_cpu, (spent, len(value), repr(value)[:300])], reverse=True)[:3]

    import random

    random.seed(seed)
    while time.monotonic() < deadline:
        target()


def commit() -> str:
    """The commit the run tested (with '+dirty' when the tree had changes)."""
    try:
        head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "marsad"], capture_output=True,
                               text=True, check=True).stdout.strip()
        return head + ("+dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main() -> int:
    """Run the fuzzer and write its figures as JSON."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=30.0, help="time budget (default 30)")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "fuzz-analyze.json")
    ap.add_argument("--no-coverage", action="store_true", help="do not measure line coverage")
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--commit", default=None, help="the commit tested, when run from a copy without git")
    args = ap.parse_args()
    cov = None
    if not args.no_coverage:
        try:
            import coverage
        except ImportError:
            cov = None
        else:
            cov = coverage.Coverage(source=["marsad"], data_file=None,
                                    omit=["*/marsad/ner/*train*", "*/marsad/ner/lm_pretraining.py",
                                          "*/marsad/ner/distrib.py", "*/marsad/eval/*"])
            cov.start()
    tally = Tally()
    started = time.time()
    fuzz(args.minutes, tally, args.seed)
    elapsed = time.time() - started
    percent = None
    if cov is not None:
        cov.stop()
        percent = round(cov.report(file=io.StringIO()), 1)
    result = {
        "what": "Hypothesis-generated inputs through marsad.analyze(text=...) and the standard-input reader",
        "commit": args.commit or commit(),
        "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started)),
        "minutes": round(elapsed / 60, 1),
        "inputs": tally.inputs,
        "text_inputs": tally.text_inputs,
        "byte_inputs": tally.byte_inputs,
        "characters_or_bytes": tally.chars,
        "analysed": tally.analysed,
        "refused_with_a_clear_error": tally.refused,
        "stopped_by_the_time_limit": tally.timed_out,
        "failures": len(tally.failures),
        "slowest_input_seconds": round(tally.slowest, 2),
        "slowest_inputs_cpu": [{"cpu_s": round(c, 2), "length": n, "input": r} for c, n, r in tally.slowest_cpu],
        "line_coverage_percent": percent,
        "coverage_scope": "marsad package without training, distillation and eval code" if percent else None,
        "python": platform.python_version(),
        "failure_examples": tally.failures[:20],
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in result.items() if k != "failure_examples"}, indent=1))
    return 1 if tally.failures else 0


if __name__ == "__main__":
    sys.exit(main())
