"""The command-line side of parallel runs: the options shared by `analyze` and `ingest`, and the two
commands' parallel paths (taken when more than one worker, or Dask, is asked for)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from marsad.errors import ConfigError
from marsad.scale.executors import InlineExecutor, default_workers, make_executor
from marsad.scale.progress import RunProgress
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
                   help=f"worker processes (default: one, in this process, with the per-article time limit and "
                        f"progress bar; more than one: a process pool; this machine has {default_workers()} cores); "
                        "with --executor dask and no --scheduler, the workers of a local Dask cluster")
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


def parallel(args: argparse.Namespace) -> bool:
    """Whether a run takes the parallel path: Dask, or more than one worker asked for (the default is
    this process alone, which carries the per-article time limit and the progress bar)."""
    if args.scheduler and args.executor != "dask":
        raise ConfigError("--scheduler goes with --executor dask")
    asked = args.workers is not None and (args.workers or default_workers()) > 1
    return (args.executor == "dask" or asked
            or bool(getattr(args, "resume", False)) or bool(getattr(args, "workers_write", False)))


def _executor_for(args: argparse.Namespace) -> Any:
    """A function of 'more than one shard?' giving the executor: this process for a single shard on
    the local executor, else the pool or the Dask cluster asked for."""
    def make(many: bool) -> Any:
        if args.executor == "local" and not many:
            return InlineExecutor()
        return make_executor(args.executor, args.workers, args.scheduler)
    return make


def analyze(args: argparse.Namespace) -> int:
    """`marsad analyze` in parallel; the exit code."""
    from marsad.scale.analyze import analyze_run, done_ids
    from marsad.scale.inputs import analyze_items
    from marsad.scale.work import Task
    from marsad.settings import Settings

    from marsad.formats import get_format

    settings = Settings.load(args.config, kb=tuple(args.kb) or None, disable=tuple(args.disable) or None)
    if args.format is not None:
        get_format(args.format)  # an unknown format is a usage error before any work
    skip: set[str] = set()
    if args.resume:
        if not args.out or args.format != "jsonl":
            raise ConfigError("--resume needs --out FILE and --format jsonl")
        skip = done_ids(Path(args.out))
    out = _open(args.out, append=args.resume) if args.out else sys.stdout
    fmt = args.format or ("text" if out.isatty() else "json")
    mode = args.color or settings.color
    color = mode == "always" or (mode == "auto" and out.isatty())
    task = Task(settings, output="rendered", format=fmt, color=color, tokens=not args.no_tokens)
    progress = RunProgress("off" if args.quiet or not sys.stderr.isatty() else "tty", "analysed")
    try:
        summary = analyze_run(analyze_items(args.paths, settings), task, out, _executor_for(args),
                              shard_size=args.shard_size, retries=args.retries, skip=skip, progress=progress)
    finally:
        if args.out:
            out.close()
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


def ingest(args: argparse.Namespace, store: Any, settings: Any, mode: str) -> Any:
    """`marsad ingest` in parallel into an open store; the IngestSummary (failed shards printed)."""
    from marsad.scale.ingest import ingest_run
    from marsad.scale.inputs import ingest_items

    progress = RunProgress(mode, "ingested")
    run = ingest_run(store, ingest_items(args.paths, settings), settings, _executor_for(args),
                     shard_size=args.shard_size, retries=args.retries, workers_write=args.workers_write,
                     progress=progress)
    return run.summary


def _open(path: str, *, append: bool) -> Any:
    try:
        return open(path, "a" if append else "w", encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write ({exc.strerror or exc})") from None
