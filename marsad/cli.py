"""The `marsad` command line: a thin layer over the library."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from marsad import __version__
from marsad.errors import MarsadError
from marsad.logs import LEVELS, configure, level_for

EXAMPLES = {
    "analyze": (
        "examples:\n"
        "  marsad analyze article.txt                     # readable report in the terminal\n"
        "  marsad analyze article.txt --format json       # the marsad.analysis/1 JSON\n"
        "  marsad analyze news/ --format jsonl --out all.jsonl   # a whole folder, one line each\n"
        "  cat article.html | marsad analyze - --format json\n"
    ),
    "eval": (
        "examples:\n"
        "  marsad eval article.txt article.gold.json      # analyse, then score against the gold file\n"
        "  marsad analyze a.txt --format json --out a.json && marsad eval a.json a.gold.json --json\n"
        "  marsad eval benchmarks/gold/dev/               # every article + gold pair in a folder\n"
    ),
    "eval-ner": (
        "examples:\n"
        "  marsad eval-ner ../shared/datasets/ner/anercorp/test.conll\n"
        "  marsad eval-ner test.conll --json\n"
    ),
}


def _parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="marsad",
        description="marsad (مرصد) reads Arabic news and rebuilds the system it describes: actors, "
                    "places, dates, claims and their sources, events, relations and framing.",
        epilog="examples:\n  marsad analyze article.txt\n  marsad analyze article.txt --format json\n"
               "  marsad eval article.txt article.gold.json\n  marsad kb find حفتر\n\nrun 'marsad COMMAND --help' for a command's options",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    top.add_argument("--version", action="version", version=f"marsad {__version__}")
    sub = top.add_subparsers(dest="command", metavar="COMMAND")

    logopts = argparse.ArgumentParser(add_help=False)
    logopts.add_argument("--verbose", "-v", action="count", default=0,
                         help="say more on standard error: -v what is loaded and run, -vv everything (debug)")
    logopts.add_argument("--log-level", choices=LEVELS, type=str.lower, default=None,
                         help="the least severe messages shown on standard error (default: warning)")
    common = argparse.ArgumentParser(add_help=False, parents=[logopts])
    common.add_argument("--config", metavar="FILE", help="a TOML config file (default: $MARSAD_CONFIG or ./marsad.toml)")
    common.add_argument("--kb", metavar="DIR", action="append", default=[],
                        help="a knowledge overlay folder (actors, places, lexicons) added to the shipped one; repeatable")
    common.add_argument("--disable", metavar="NAME", action="append", default=[],
                        help="skip a pipeline component by name (sentences, tokens, entities, times, claims, events, relations, framing); repeatable")

    from marsad.scale.cli import options as scale_options

    an = sub.add_parser("analyze", parents=[common, scale_options(resume=True)], help="analyse articles (files, folders, '-' for stdin)",
                        description="Analyse Arabic news articles: plain text (title line, date line, body), "
                                    "HTML, JSON Lines (gzipped or not), folders (recursive) or '-' for standard input.",
                        epilog=EXAMPLES["analyze"], formatter_class=argparse.RawDescriptionHelpFormatter)
    an.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, or '-' for standard input")
    an.add_argument("--format", metavar="FORMAT", default=None,
                    help="text: a readable report (default on a terminal); json: one JSON document, the "
                         "analysis object, or a list of them for several articles (default otherwise); "
                         "jsonl: one object per line; or a format a plugin registers (marsad.formats)")
    an.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    an.add_argument("--no-tokens", action="store_true", help="leave the bulky token list out of JSON output")
    an.add_argument("--color", choices=("auto", "always", "never"), default=None,
                    help="colour in the text report (default: the `color` setting, else auto: when writing to a terminal)")
    an.add_argument("--progress", nargs="?", const="bar", choices=("bar", "lines"), default=None,
                    help="force progress on standard error: a bar (count, total, rate, time left) or, with "
                         "'lines', a summary line every 10 s (default: a bar on a terminal, lines otherwise)")
    an.add_argument("--quiet", "-q", action="store_true",
                    help="no progress and no end summary (warnings and skipped items are still printed)")

    ev = sub.add_parser("eval", parents=[common], help="score analyses against gold files",
                        description="Score analyses (or articles, analysed on the fly) against gold files in the "
                                    "format of examples/*.gold.json: precision, recall and F1 per layer. Give pairs "
                                    "as ANALYSIS_OR_ARTICLE GOLD, or folders holding NAME.txt + NAME.gold.json.",
                        epilog=EXAMPLES["eval"], formatter_class=argparse.RawDescriptionHelpFormatter)
    ev.add_argument("paths", nargs="+", metavar="PATH", help="ANALYSIS_OR_ARTICLE GOLD [...] pairs, or folders")
    ev.add_argument("--json", action="store_true", help="print the scores as JSON")
    ev.add_argument("--per-type", action="store_true", help="also break the scores down by type")

    en = sub.add_parser("eval-ner", parents=[logopts], help="score the statistical NER model on a CoNLL file",
                        description="Tag the tokens of a CoNLL file (token TAB tag, BIO) with the shipped NER model "
                                    "and report exact-span precision, recall and F1 per type, micro and macro.",
                        epilog=EXAMPLES["eval-ner"], formatter_class=argparse.RawDescriptionHelpFormatter)
    en.add_argument("conll", metavar="FILE.conll")
    en.add_argument("--json", action="store_true", help="print the scores as JSON")
    en.add_argument("--model", metavar="FILE", help="a model file other than the shipped one")

    from marsad.store.cli import add_commands

    add_commands(sub, common, logopts)
    from marsad.server.cli import add_commands as add_server_commands

    add_server_commands(sub, logopts)
    from marsad.watch.cli import add_commands as add_watch_commands

    add_watch_commands(sub, common, logopts)
    from marsad.knowledge.command import EXAMPLES as KB_EXAMPLES
    from marsad.knowledge.command import add_arguments as add_kb_arguments

    kb = sub.add_parser("kb", parents=[logopts], help="check the knowledge base and overlays, find which ids carry a name",
                        description="Tools for the people who write knowledge files (actors, places, lexicons): "
                                    "check loads everything and lists cross-file problems, find shows which ids "
                                    "carry a name, stats counts. Also `python -m marsad.knowledge`.",
                        epilog=KB_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_kb_arguments(kb)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `marsad` command; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    configure(level_for(args.verbose, args.log_level))
    try:
        if args.command == "analyze":
            return _analyze(args)
        if args.command == "eval":
            from marsad.eval.command import run_eval

            return run_eval(args)
        if args.command == "kb":
            from marsad.knowledge.command import run_kb

            return run_kb(args)
        if args.command == "eval-ner":
            from marsad.ner.command import run_eval_ner

            return run_eval_ner(args)
        from marsad.store.cli import COMMANDS, run as run_store

        if args.command in COMMANDS:
            return run_store(args)
        if args.command == "serve":
            from marsad.server.cli import run as run_server

            return run_server(args)
        from marsad.watch.cli import COMMANDS as WATCH_COMMANDS, run as run_watch

        if args.command in WATCH_COMMANDS:
            return run_watch(args)
    except MarsadError as exc:
        print(f"marsad: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("marsad: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return 2


def _analyze(args: argparse.Namespace) -> int:
    from marsad.api import build_pipeline
    from marsad.formats import OutputOptions, get_format, open_writer
    from marsad.ingest import iter_documents
    from marsad.limits import limit_for, time_limit
    from marsad.progress import Progress, count_articles
    from marsad.scale import cli as scale
    from marsad.settings import Settings

    if scale.parallel(args):
        return scale.analyze(args)
    settings = Settings.load(args.config, kb=tuple(args.kb) or None, disable=tuple(args.disable) or None)
    if args.format is not None:
        get_format(args.format)  # an unknown format is a usage error before any work
    if args.out:
        _check_out(args.out, args.paths, settings.extensions)
    pipeline = build_pipeline(settings)
    mode = _progress_mode(args)
    total = count_articles(args.paths, settings.extensions) if mode != "off" else None
    progress = Progress(mode, total)
    out: TextIO = _open_out(args.out) if args.out else sys.stdout
    mode = args.color or settings.color
    color = mode == "always" or (mode == "auto" and out.isatty())
    writer = open_writer(get_format(args.format or ("text" if out.isatty() else "json")), out,
                         OutputOptions(tokens=not args.no_tokens, color=color))
    try:
        for result in iter_documents(args.paths, settings):
            if result.error is not None:
                progress.say(f"marsad: skipped {result.error}")
                progress.done(result.error.reason)
                continue
            if result.document is None:
                continue
            for w in result.document.warnings:
                progress.say(f"marsad: warning: {result.source_id}: {w}")
            try:
                with time_limit(limit_for(len(result.document.text), settings.time_limit), result.source_id):
                    analysis = pipeline(result.document)
                writer.write(analysis)
            except MarsadError as exc:  # the time limit, or an input the pipeline refused
                progress.say(f"marsad: skipped {exc}")
                progress.done(getattr(exc, "reason", str(exc)))
                continue
            except Exception as exc:  # noqa: BLE001 - one article's failure must not stop the batch
                progress.say(f"marsad: failed {result.source_id}: {type(exc).__name__}: {exc}")
                progress.done(f"failed ({type(exc).__name__})")
                continue
            progress.done()
    finally:
        writer.close()
        if args.out:
            out.close()
        progress.close(summary=not args.quiet)
    if progress.analysed == 0:
        print(f"marsad: error: nothing could be read ({progress.read} input(s) skipped)", file=sys.stderr)
        return 1
    return 0


def _progress_mode(args: argparse.Namespace) -> str:
    """'bar' on a terminal, 'lines' elsewhere; --progress [bar|lines] forces one, --quiet turns it off."""
    if args.quiet:
        return "off"
    if args.progress:
        return args.progress
    return "bar" if sys.stderr.isatty() else "lines"


def _check_out(out: str, paths: Sequence[str], extensions: Sequence[str]) -> None:
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
            raise MarsadError(f"--out {out} is also an input; writing to it would destroy it "
                              "(give another output file)")
        inside = src.is_dir() and src.resolve() in target.parents
        if inside and target.name.lower().endswith(tuple(e.lower() for e in extensions)):
            raise MarsadError(f"--out {out} lies inside the input folder {name} and would be read as an "
                              "input (write it elsewhere)")


def _open_out(path: str) -> TextIO:
    """The output file, or a clear error when it cannot be written."""
    try:
        return open(path, "w", encoding="utf-8")
    except OSError as exc:
        raise MarsadError(f"{path}: cannot write ({exc.strerror or exc})") from None


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
