"""`marsad kb`: the tool for people who write knowledge files (also `python -m marsad.knowledge`).

    marsad kb check [--kb DIR ...]    load everything, list cross-file problems (exit 1 if any)
    marsad kb find NAME [--kb DIR]    ids whose names contain NAME (normalised)
    marsad kb stats [--kb DIR]        counts and load time

The knowledge loaded is the one `marsad analyze` would use: the shipped files plus the overlays of
`--kb` (else of `$MARSAD_KB` or the `kb` setting of the config file). A malformed file is a
`KnowledgeError` naming the file and line.
"""

from __future__ import annotations

import argparse
import sys
import time

from marsad.knowledge.base import KnowledgeBase, load_kb, name_key
from marsad.knowledge.validate import problems
from marsad.settings import Settings

EXAMPLES = (
    "examples:\n"
    "  marsad kb check                          # the shipped knowledge: cross-file problems\n"
    "  marsad kb check --kb my_kb/              # with an overlay folder (errors name file and line)\n"
    "  marsad kb find حفتر                       # which ids carry a name\n"
    "  marsad kb stats                          # counts and load time\n"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The `check`, `find` and `stats` subcommands with their options, on `parser`."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--kb", action="append", default=[], metavar="DIR",
                        help="a knowledge overlay folder added to the shipped one; repeatable")
    common.add_argument("--config", metavar="FILE", help="a TOML config file (its `kb` setting)")
    sub = parser.add_subparsers(dest="kb_command", metavar="ACTION", required=True)
    sub.add_parser("check", parents=[common], help="load everything and list cross-file problems (exit 1 if any)")
    find = sub.add_parser("find", parents=[common], help="ids whose names contain NAME (normalised)")
    find.add_argument("name", metavar="NAME", help="a name or part of one")
    sub.add_parser("stats", parents=[common], help="counts of actors, places, names and lexicon rows; load time")


def find_names(kb: KnowledgeBase, text: str) -> list[str]:
    """One line per (id, name) whose normalised name contains the normalised `text`."""
    key = name_key(text)
    out = []
    for entry in kb.names():
        if key in entry.norm:
            rec = kb.get(entry.kb_id)
            kind = getattr(rec, "kind", None) or getattr(rec, "type", "")
            extra = f" stance={entry.stance}" if entry.stance else ""
            extra += f" context={'|'.join(entry.context)}" if entry.context else ""
            out.append(f"{entry.kb_id}\t{kind}\t{entry.text}{extra}")
    return out


def run_kb(args: argparse.Namespace) -> int:
    """Run one action, writing its report to standard output; 0 when fine, 1 when `check` finds
    problems or `find` finds nothing. A malformed knowledge file raises `KnowledgeError` (the command
    line reports it with exit 2)."""
    overlays = Settings.load(args.config, kb=tuple(args.kb) or None).kb
    t0 = time.perf_counter()
    kb = load_kb(overlays)
    took = time.perf_counter() - t0
    if args.kb_command == "find":
        lines = find_names(kb, args.name)
        code = 0 if lines else 1
        lines = lines or [f"no name contains {args.name!r}"]
    elif args.kb_command == "stats":
        lines = [repr(kb), f"names: {len(kb.names())}; loaded in {took * 1000:.0f} ms"]
        lines += [f"  lexicon {name}: {len(kb.lexicon(name))} rows" for name in kb.lexicon_names()]
        code = 0
    else:
        found = problems(kb)
        lines = [f"warning: {w}" for w in kb.warnings] + found + [f"{len(found)} problem(s) in {kb!r}"]
        code = 1 if found else 0
    sys.stdout.write("\n".join(lines) + "\n")
    sys.stdout.flush()
    return code
