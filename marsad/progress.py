"""Progress of a batch for the person watching it, and the summary at its end.

On a terminal: a progress bar (tqdm) with the count, the total when it is known, the rate and the
time left. Off a terminal (a log file, a pipe): one summary line on standard error every
`LINE_EVERY` seconds. At the end: read, analysed, skipped (grouped by reason) and the time taken.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from marsad.ingest.core import kind_of

#: seconds between two progress lines when standard error is not a terminal
LINE_EVERY = 10.0
#: a folder with more files than this is not counted ahead (its total stays unknown)
MAX_FILES_COUNTED = 200_000
_DETAIL = re.compile(r"\s*\([^)]*\)|\d[\d,.]*")


def count_articles(paths: Iterable[str], extensions: tuple[str, ...]) -> int | None:
    """How many articles the inputs hold when that is cheap to know (files, folders of articles,
    uncompressed JSON Lines); None when it is not (standard input, compressed corpora)."""
    total = 0
    exts = tuple(e.lower() for e in extensions)
    for name in paths:
        if name == "-":
            return None
        path = Path(name)
        if path.is_dir():
            files = _files_under(path, exts)
            if files is None:
                return None
            found = [_articles_in(f) for f in files]
            if None in found:
                return None
            total += sum(n for n in found if n is not None)
        else:
            n = _articles_in(path)
            if n is None:
                return None
            total += n
    return total


def _files_under(folder: Path, exts: tuple[str, ...]) -> list[Path] | None:
    """The files a folder read would take (hidden entries skipped), or None when too many."""
    out: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        out += [Path(root, f) for f in files if not f.startswith(".") and f.lower().endswith(exts)]
        if len(out) > MAX_FILES_COUNTED:
            return None
    return out


def _articles_in(path: Path) -> int | None:
    """1 for a file of one article, the line count of an uncompressed JSON Lines file, else None."""
    kind = kind_of(path)
    if kind in ("jsonl.gz", "json"):
        return None
    if kind != "jsonl":
        return 1
    try:
        with path.open("rb") as fh:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b"")) or 1
    except OSError:
        return 1


def reason_kind(reason: str) -> str:
    """A skip reason without its figures and details, to group alike reasons in the summary."""
    return " ".join(_DETAIL.sub("", reason).split()) or reason


def _duration(seconds: float) -> str:
    """'2.3 s', '4m 05s', '1h 02m'."""
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, secs = divmod(int(seconds), 60)
    if minutes < 60:
        return f"{minutes}m {secs:02d}s"
    return f"{minutes // 60}h {minutes % 60:02d}m"


class Progress:
    """Counts a batch as it goes and shows it: a bar on a terminal, periodic lines elsewhere."""

    def __init__(self, mode: str, total: int | None = None, stream: TextIO | None = None, *,
                 verb: str = "analysed") -> None:
        """`mode`: 'bar' (terminal), 'lines' (periodic lines), 'off' (nothing but warnings); `verb`
        says what became of the items not skipped ('analysed', 'stored')."""
        self.stream = stream or sys.stderr
        self.mode = mode
        self.verb = verb
        self.total = total
        self.analysed = 0
        self.skipped: Counter[str] = Counter()
        self.started = time.monotonic()
        self._next_line = self.started + LINE_EVERY
        self._bar: Any = None
        if mode == "bar":
            from tqdm import tqdm

            self._bar = tqdm(total=total, unit=" articles", file=self.stream, dynamic_ncols=True,
                             smoothing=0.1, desc="marsad")

    @property
    def read(self) -> int:
        """Items read so far (analysed or skipped)."""
        return self.analysed + sum(self.skipped.values())

    def set_total(self, total: int) -> None:
        """The number of items, once known (a compressed corpus is counted as it is read)."""
        self.total = total
        if self._bar is not None:
            self._bar.total = total
            self._bar.refresh()

    def say(self, line: str) -> None:
        """Print a message (a warning, a skipped item) without breaking the bar."""
        if self._bar is not None:
            self._bar.write(line, file=self.stream)
        else:
            self._line(line)

    def done(self, skipped_reason: str | None = None) -> None:
        """One item finished: analysed, or skipped for `skipped_reason`."""
        if skipped_reason is None:
            self.analysed += 1
        else:
            self.skipped[reason_kind(skipped_reason)] += 1
        if self._bar is not None:
            self._bar.update(1)
            if self.skipped:
                self._bar.set_postfix_str(f"{sum(self.skipped.values())} skipped", refresh=False)
        elif self.mode == "lines" and time.monotonic() >= self._next_line:
            self._next_line = time.monotonic() + LINE_EVERY
            self.say(self.status())

    def status(self) -> str:
        """'marsad: 1,200 of 21,078 read, 1,195 analysed, 5 skipped, 41.0/s, 7m 20s left'."""
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.read / elapsed
        of = f" of {self.total:,}" if self.total else ""
        left = ""
        if self.total and rate > 0 and self.total >= self.read:
            left = f", {_duration((self.total - self.read) / rate)} left"
        return (f"marsad: {self.read:,}{of} read, {self.analysed:,} {self.verb}, {sum(self.skipped.values()):,} "
                f"skipped, {rate:.1f} articles/s{left}")

    def summary(self) -> str:
        """The end line: read, analysed, skipped with their reasons, time."""
        took = _duration(time.monotonic() - self.started)
        line = (f"marsad: done in {took}: {self.read:,} read, {self.analysed:,} {self.verb}, "
                f"{sum(self.skipped.values()):,} skipped")
        if self.skipped:
            reasons = "; ".join(f"{why}: {n:,}" for why, n in self.skipped.most_common(6))
            more = len(self.skipped) - 6
            line += f" ({reasons}{f'; {more} other reasons' if more > 0 else ''})"
        return line

    def close(self, summary: bool = True) -> None:
        """Close the bar and print the summary (unless `summary` is false)."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None
        if summary:
            self._line(self.summary())

    def _line(self, line: str) -> None:
        """Write one line to the progress stream at once (the display this object is for, not a log)."""
        self.stream.write(line + "\n")
        self.stream.flush()
