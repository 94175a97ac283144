"""The `marsad` command line: a thin layer over the library."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

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
    """`marsad analyze`: in this process or on workers (marsad.scale), the same output either way."""
    from marsad.scale import cli as scale

    return scale.analyze(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
