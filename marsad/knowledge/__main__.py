"""A small tool for the people who write knowledge files.

    python -m marsad.knowledge check [--kb DIR ...]    load everything, list cross-file problems
    python -m marsad.knowledge find NAME [--kb DIR]    ids whose names contain NAME (normalised)
    python -m marsad.knowledge stats [--kb DIR]        counts and load time
"""

from __future__ import annotations

import argparse
import sys
import time

from marsad.errors import KnowledgeError
from marsad.knowledge.base import KnowledgeBase, load_kb, name_key
from marsad.knowledge.validate import problems


def _find(kb: KnowledgeBase, text: str) -> list[str]:
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


def main(argv: list[str] | None = None) -> int:
    """Run the tool; returns the exit status (1 when `check` finds problems, 2 on a broken file)."""
    ap = argparse.ArgumentParser(prog="python -m marsad.knowledge", description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=("check", "find", "stats"))
    ap.add_argument("name", nargs="?", help="for find: a name or part of one")
    ap.add_argument("--kb", action="append", default=[], metavar="DIR", help="an overlay folder (repeatable)")
    args = ap.parse_args(argv)
    try:
        t0 = time.perf_counter()
        kb = load_kb(args.kb)
        took = time.perf_counter() - t0
    except KnowledgeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.command == "find":
        if not args.name:
            ap.error("find needs a NAME")
        lines = _find(kb, args.name)
        print("\n".join(lines) if lines else f"no name contains {args.name!r}")
        return 0 if lines else 1
    if args.command == "stats":
        print(kb)
        print(f"names: {len(kb.names())}; loaded in {took * 1000:.0f} ms")
        for name in kb.lexicon_names():
            print(f"  lexicon {name}: {len(kb.lexicon(name))} rows")
        return 0
    found = problems(kb)
    for warning in kb.warnings:
        print(f"warning: {warning}")
    for p in found:
        print(p)
    print(f"{len(found)} problem(s) in {kb!r}")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
