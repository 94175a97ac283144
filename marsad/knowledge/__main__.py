"""`python -m marsad.knowledge`: an alias of `marsad kb` (check, find, stats), kept for old habits.

    python -m marsad.knowledge check [--kb DIR ...]    load everything, list cross-file problems
    python -m marsad.knowledge find NAME [--kb DIR]    ids whose names contain NAME (normalised)
    python -m marsad.knowledge stats [--kb DIR]        counts and load time
"""

from __future__ import annotations

import argparse
import sys

from marsad.errors import MarsadError
from marsad.knowledge.command import EXAMPLES, add_arguments, run_kb


def main(argv: list[str] | None = None) -> int:
    """Run the tool; returns the exit status (1 when `check` finds problems, 2 on a broken file)."""
    ap = argparse.ArgumentParser(prog="python -m marsad.knowledge", description="The same as `marsad kb`.",
                                 epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_arguments(ap)
    args = ap.parse_args(argv)
    try:
        return run_kb(args)
    except MarsadError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
