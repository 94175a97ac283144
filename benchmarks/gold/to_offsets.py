"""Turn a gold file written with quotes into the offset form kept in this repository.

Annotators write evidence as exact quotes (as in `examples/*.gold.json`); the repository keeps no
article text, so every quote becomes `{"start": s, "end": e}` into the article. A quote is found at
its first occurrence; write `{"quote": "…", "after": "…"}` to take the first occurrence after another
quote, when the first one is not the one meant. A quote that is not in the text is an error naming
the item, so that nothing is stored half-converted.

Run: `.venv/bin/python benchmarks/gold/to_offsets.py QUOTES.json NNN [--out benchmarks/gold/dev/]`
where NNN names `shared:datasets/articles/dev/NNN.txt`. Then check with `check_gold.py`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from marsad.settings import shared_dir

#: The fields, per layer, that hold evidence.
EVIDENCE_FIELDS = {"relations": "evidence", "events": "evidence", "claims": "evidence",
                   "dates": "text", "framing": "term"}


class QuoteError(ValueError):
    """A quote that cannot be placed in the article text."""


def locate(text: str, value: Any, where: str) -> dict[str, int]:
    """Offsets of a quote (a string, `{"quote", "after"}`, or offsets already) in the text."""
    if isinstance(value, dict) and set(value) == {"start", "end"}:
        return value
    after = 0
    if isinstance(value, dict) and "quote" in value:
        anchor = value.get("after")
        if anchor:
            pos = text.find(anchor)
            if pos < 0:
                raise QuoteError(f"{where}: 'after' quote not in the text: {anchor!r}")
            after = pos + len(anchor)
        value = value["quote"]
    if not isinstance(value, str) or not value.strip():
        raise QuoteError(f"{where}: evidence must be a non-empty quote, not {value!r}")
    quote = value.strip()
    start = text.find(quote, after)
    if start < 0:
        raise QuoteError(f"{where}: quote not in the text: {quote!r}")
    return {"start": start, "end": start + len(quote)}


def convert(gold: dict[str, Any], text: str) -> dict[str, Any]:
    """A copy of a quote gold file with every evidence as offsets; raises QuoteError on a bad quote."""
    out = dict(gold)
    errors = []
    for layer, name in EVIDENCE_FIELDS.items():
        items = []
        for i, item in enumerate(gold.get(layer, [])):
            item = dict(item)
            try:
                item[name] = locate(text, item.get(name), f"{layer}[{i}]")
            except QuoteError as exc:
                errors.append(str(exc))
            items.append(item)
        if layer in gold:
            out[layer] = items
    for ent in gold.get("entities", []):
        for alias in ent.get("aliases", []):
            if alias not in text:
                errors.append(f"entity {ent.get('key')}: alias not in the text: {alias!r}")
    if errors:
        raise QuoteError("\n".join(errors))
    return out


def main(argv: list[str]) -> int:
    """Convert one quote gold file; write NNN.gold.json into --out."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("quotes", type=Path, help="gold file with quotes")
    parser.add_argument("article", help="article number NNN in shared:datasets/articles/dev/")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "dev")
    args = parser.parse_args(argv)
    shared = shared_dir()
    if shared is None:
        print("to_offsets: no shared data folder (set $MARSAD_SHARED)", file=sys.stderr)
        return 2
    ref = f"datasets/articles/dev/{args.article}.txt"
    text = (shared / ref).read_text(encoding="utf-8")
    gold = json.loads(args.quotes.read_text(encoding="utf-8"))
    gold["article"] = "shared:" + ref
    try:
        converted = convert(gold, text)
    except QuoteError as exc:
        print(f"to_offsets: {args.quotes}:\n{exc}", file=sys.stderr)
        return 1
    order = ["article", "published", "outlet"]
    converted = {k: converted[k] for k in order if k in converted} | {
        k: v for k, v in converted.items() if k not in order}
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / f"{args.article}.gold.json"
    target.write_text(json.dumps(converted, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"to_offsets: wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
