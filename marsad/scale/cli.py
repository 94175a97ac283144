"""The command-line side of `analyze` and `ingest` runs: the options they share (workers, executor,
shards), where a run's analyses are made (this process, a process pool, a Dask cluster), and the two
commands' runs themselves."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from marsad.errors import ConfigError
from marsad.scale.executors import default_workers, make_executor
from marsad.scale.run import DEFAULT_RETRIES
from marsad.scale.shards import DEFAULT_SHARD_SIZE


def _whole(minimum: int, wording: str) -> Callable[[str], int]:
    """An argparse type: a whole number of at least `minimum` (`wording` says so in the error)."""
    def parse(value: str) -> int:
        try:
            n = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"a whole number, not {value!r}") from None
        if n < minimum:
            raise argparse.ArgumentTypeError(f"{wording}, not {n}")
        return n
    return parse


_positive = _whole(1, "at least 1")
_count = _whole(0, "0 or more")


def options(*, resume: bool) -> argparse.ArgumentParser:
    """A parent parser with --workers, --executor, --scheduler, --shard-size, --retries (and --resume)."""
    p = argparse.ArgumentParser(add_help=False)
    g = p.add_argument_group("parallel runs")
    g.add_argument("--workers", type=_positive, default=None, metavar="N",
                   help=f"worker processes (default: the number of cores, {default_workers()} here; an input of "
                        "one shard or less, or --workers 1, is analysed in this process); with --executor dask "
                        "and no --scheduler, the workers of a local Dask cluster")
    g.add_argument("--executor", choices=("local", "dask"), default="local",
                   help="local: a process pool on this machine (default); dask: a dask.distributed cluster")
    g.add_argument("--scheduler", metavar="ADDRESS",
                   help="the Dask scheduler (tcp://host:8786); without it --executor dask starts a local cluster")
    g.add_argument("--shard-size", type=_positive, default=DEFAULT_SHARD_SIZE, metavar="N",
                   help=f"articles per shard, the unit of work sent to a worker (default {DEFAULT_SHARD_SIZE})")
    g.add_argument("--retries", type=_count, default=DEFAULT_RETRIES, metavar="N",
                   help=f"times a failed shard is tried again before it is reported (default {DEFAULT_RETRIES})")
    if not resume:
        g.add_argument("--workers-write", action="store_true",
                       help="PostgreSQL only: each worker stores its own shards, all at once, instead of one writer "
                            "storing in input order (faster past one writer's rate; merges may then differ)")
    if resume:
        g.add_argument("--resume", action="store_true",
                       help="with --out FILE --format jsonl: keep FILE's complete lines, leave out the articles "
                            "they hold and append the rest")
    return p


def executor_choice(args: argparse.Namespace) -> Callable[[bool], Any] | None:
    """Where a run's analyses are made: None for this process whatever the input (one worker asked
    for, or a machine of one core), else a function of 'more than one shard?' giving the process pool
    or the Dask cluster asked for, or None (this process: no pool to start for a small input)."""
    if args.scheduler and args.executor != "dask":
        raise ConfigError("--scheduler goes with --executor dask")
    if args.executor == "local" and (args.workers or default_workers()) == 1:
        return None

    def make(many: bool) -> Any:
        if args.executor == "local" and not many:
            return None
        return make_executor(args.executor, args.workers, args.scheduler)
    return make


def progress_mode(args: argparse.Namespace) -> str:
    """'bar' on a terminal, 'lines' elsewhere; --progress [bar|lines] forces one, --quiet turns it off."""
    if args.quiet:
        return "off"
    if args.progress:
        return args.progress
    return "bar" if sys.stderr.isatty() else "lines"


def check_out(out: str, paths: Sequence[str], extensions: Sequence[str]) -> None:
    """Refuse (before anything is written) an --out file that is an input or would be read as one."""
    target = Path(out).resolve()
    for name in paths:
        if name == "-":
            continue
        src = Path(name)
        try:
            same = target.exists() and src.exists() and os.path.samefile(target, src)
        except OSError:
            same = False
        if same:
            raise ConfigError(f"--out {out} is also an input; writing to it would destroy it "
                              "(give another output file)")
        inside = src.is_dir() and src.resolve() in target.parents
        if inside and target.name.lower().endswith(tuple(e.lower() for e in extensions)):
            raise ConfigError(f"--out {out} lies inside the input folder {name} and would be read as an "
                              "input (write it elsewhere)")


def analyze(args: argparse.Namespace) -> int:
    """`marsad analyze`, in this process or on workers; the exit code."""
    from marsad.formats import get_format
    from marsad.progress import Progress, count_articles
    from marsad.scale.analyze import analyze_run, done_ids
    from marsad.scale.inputs import analyze_items
    from marsad.scale.work import Task, pipeline_for
    from marsad.settings import Settings

    settings = Settings.load(args.config, kb=tuple(args.kb) or None, disable=tuple(args.disable) or None)
    if args.format is not None:
        get_format(args.format)  # an unknown format is a usage error before any work
    choice = executor_choice(args)
    if args.out:
        check_out(args.out, args.paths, settings.extensions)
    skip: set[str] = set()
    if args.resume:
        if not args.out or args.format != "jsonl":
            raise ConfigError("--resume needs --out FILE and --format jsonl")
        skip = done_ids(Path(args.out))
    if choice is None:
        pipeline_for(settings)   # settings no pipeline can be built from: an error before any output
    mode = progress_mode(args)
    total = count_articles(args.paths, settings.extensions) if mode != "off" and not args.resume else None
    progress = Progress(mode, total)
    out = _open(args.out, append=args.resume) if args.out else sys.stdout
    fmt = args.format or ("text" if out.isatty() else "json")
    color_mode = args.color or settings.color
    color = color_mode == "always" or (color_mode == "auto" and out.isatty())
    task = Task(settings, output="rendered", format=fmt, color=color, tokens=not args.no_tokens)
    try:
        summary = analyze_run(analyze_items(args.paths, settings), task, out, choice, shard_size=args.shard_size,
                              retries=args.retries, skip=skip, progress=progress)
    except BaseException:
        progress.close(summary=False)   # the error says what happened
        raise
    finally:
        if args.out:
            out.close()
    progress.close(summary=not args.quiet)
    return _analyze_end(args, summary, fmt)


def _analyze_end(args: argparse.Namespace, summary: Any, fmt: str) -> int:
    """What is said after an analyze run; its exit code."""
    if summary.resumed:
        print(f"marsad: {summary.resumed} article(s) already in {args.out} were left out", file=sys.stderr)
    if summary.failed_shards:
        print(f"marsad: {len(summary.failed_shards)} shard(s) failed; their articles are missing from the output"
              + (" (run again with --resume to add them)" if args.resume or (args.out and fmt == "jsonl") else ""),
              file=sys.stderr)
        return 1
    if summary.analysed == 0 and summary.resumed == 0:
        print(f"marsad: error: nothing could be read ({summary.skipped} input(s) skipped)", file=sys.stderr)
        return 1
    return 0


def ingest(args: argparse.Namespace, store: Any, settings: Any, progress: Any) -> Any:
    """`marsad ingest` into an open store, in this process or on workers; the IngestSummary."""
    from marsad.scale.ingest import ingest_run
    from marsad.scale.inputs import ingest_items

    run = ingest_run(store, ingest_items(args.paths, settings), settings, executor_choice(args),
                     shard_size=args.shard_size, retries=args.retries, workers_write=args.workers_write,
                     progress=progress)
    return run.summary


def _open(path: str, *, append: bool) -> Any:
    """The output file, opened at its first write: a run stopped before any output (a scheduler out of
    reach, settings no worker accepts) leaves an existing file as it was and creates no empty one."""
    existed = os.path.exists(path)
    try:  # a path that cannot be written is said before any work
        with open(path, "a", encoding="utf-8"):
            pass
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write ({exc.strerror or exc})") from None
    return _LazyOut(path, append, created=not existed)


class _LazyOut:
    """A text file opened (truncated, unless appending) when first written to."""

    def __init__(self, path: str, append: bool, created: bool) -> None:
        self.path, self.append, self.fh, self.created = path, append, None, created

    def _file(self) -> Any:
        if self.fh is None:
            self.fh = open(self.path, "a" if self.append else "w", encoding="utf-8")
        return self.fh

    def write(self, text: str) -> int:
        """Write, opening the file first."""
        return self._file().write(text)

    def isatty(self) -> bool:
        """Never a terminal."""
        return False

    def flush(self) -> None:
        """Flush what was written (nothing to do before the first write)."""
        if self.fh is not None:
            self.fh.flush()

    def close(self) -> None:
        """Close the file; one the run never wrote to is removed when this run created it empty."""
        if self.fh is not None:
            self.fh.close()
        elif self.created and os.path.exists(self.path) and os.path.getsize(self.path) == 0:
            os.remove(self.path)

    def __getattr__(self, name: str) -> Any:   # what a plugin's writer may use beyond write/flush
        return getattr(self._file(), name)
