#!/usr/bin/env python3
"""Mine recurring names the knowledge base does not link from the shared corpus into a shipped KB file.

    nice -n 10 .venv/bin/python training/kb/mine.py                       # every 3rd article, write the file
    nice -n 10 .venv/bin/python training/kb/mine.py --every 1 --dry-run   # whole corpus, print only

Runs the entities layer over a slice of corpus-ant-2018.jsonl.gz (every N-th article, for outlets and
months alike), counts every entity that carries no knowledge-base id by its normalised name, and keeps
those that recur (articles, outlets), keep one actor type and are proper names (training/kb/filters.py).
Precision filters then keep only names shaped and used like names: a body's name starts with a head
word of the lexicons (حزب، حركة، كتيبة، صحيفة …), no fragment («بنك المركزي»), no partisan word, and a
phrase whose raw-text use (a second, cheap pass over the same articles) far exceeds how often it is
recognised as an entity is an everyday phrase («حركة المرور»). No country is written: the articles'
countries say where a name is reported, not whose it is («منظمة التجارة العالمية» is not American). Writes marsad/data/actors/mined.jsonl: one actor per line
with `"mined": {"articles", "outlets", "mentions"}`, the counts it rests on. Deterministic for one
corpus and one knowledge base; prints the type distribution and a sample.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from marsad.api import build_pipeline  # noqa: E402
from marsad.ingest import document_from_text  # noqa: E402
from marsad.knowledge import load_kb  # noqa: E402
from marsad.knowledge.base import name_key, spelling_variants  # noqa: E402
from marsad.settings import shared_dir  # noqa: E402
from training.kb.filters import (  # noqa: E402
    MAX_RAW_RATIO, Limits, Tally, agreement_problem, article_country, continued_problem, description_problem,
    head_problem,
    partisan_problem, person_problem, qualifier_problem, thing_problem, raw_use_problem, recurs, shape_problem, slug, stable_type,
)
from marsad.text.clitics import word_count  # noqa: E402
from marsad.extract.names.lexicon import rule_lexicon  # noqa: E402
from marsad.extract.names.matcher import name_words  # noqa: E402

OUT = ROOT / "marsad" / "data" / "actors" / "mined.jsonl"
OFF = ("times", "claims", "events", "relations", "relation_model", "framing")
HEADER = ("# Actors mined from the shared corpus (corpus-ant-2018) by training/kb/mine.py: names the knowledge base\n"
          "# did not link that recur in several articles and outlets with one type. Generated: rerun the script,\n"
          "# do not edit by hand (a hand-written actor with the same name makes the script leave it out).\n")


def generic_words(kb) -> frozenset[str]:
    """Words that make descriptions, not names: the filters' list plus the lexicons' heads and titles."""
    words = set()
    for lex, col in (("titles", "term"), ("unit_heads", "term"), ("gentilics", "term"), ("place_cues", "term"),
                     ("name_cues", "term"), ("stance", "term")):
        for row in kb.lexicon(lex):
            words.update(name_key(row[col]).split())
    from training.kb.filters import GENERIC_WORDS
    return frozenset(words | GENERIC_WORDS)


def title_words(kb) -> frozenset[str]:
    """Words of titles, ranks and honorifics."""
    from training.kb.filters import GENERIC_WORDS
    words = {w for row in kb.lexicon("titles") for w in name_key(row["term"]).split()}
    return frozenset(words | {w for w in GENERIC_WORDS if w.startswith(("ال", "رئيس", "وزير"))})


def articles(path: Path, every: int, limit: int | None):
    """(id, outlet, text) of every `every`-th corpus article, at most `limit`."""
    n = 0
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i % every:
                continue
            rec = json.loads(line)
            yield rec["id"], rec.get("outlet", ""), f"{rec.get('title', '')}\n\n{rec.get('text', '')}"
            n += 1
            if limit and n >= limit:
                return


def _country_of(kb, kb_id: str) -> str | None:
    item = kb.get(kb_id)
    return getattr(item, "country", None) if item is not None else None


def collect(path: Path, every: int, limit: int | None) -> tuple[dict[str, Tally], int]:
    """Tally the unlinked entities of the corpus slice by normalised name."""
    kb = load_kb()
    pipe = build_pipeline(disable=OFF)
    tallies: dict[str, Tally] = {}
    n = 0
    for aid, outlet, text in articles(path, every, limit):
        try:
            analysis = pipe(document_from_text(text, aid))
        except Exception as exc:  # one bad article must not stop the run; it is counted out
            print(f"skipped {aid}: {type(exc).__name__}", file=sys.stderr)
            continue
        n += 1
        votes = Counter(c for e in analysis.entities if e.kb_id for c in [_country_of(kb, e.kb_id)] if c)
        country = article_country(votes)
        for ent in analysis.entities:
            if ent.kb_id:
                continue
            key = name_key(ent.name)
            t = tallies.setdefault(key, Tally())
            t.forms[ent.name] += 1
            if aid not in t.articles:
                t.types[ent.type] += 1
                if country:
                    t.countries[country] += 1
            t.articles.add(aid)
            t.outlets.add(outlet)
            t.mentions += len(ent.mentions)
    return tallies, n


def save_tallies(tallies: dict[str, Tally], n: int, path: Path) -> None:
    """Keep the corpus counts in a JSON file, to try other filters without a new corpus run."""
    data = {k: {"forms": t.forms, "types": t.types, "articles": sorted(t.articles), "outlets": sorted(t.outlets),
                "countries": t.countries, "mentions": t.mentions} for k, t in tallies.items()}
    path.write_text(json.dumps({"articles": n, "names": data}, ensure_ascii=False), encoding="utf-8")


def load_tallies(path: Path) -> tuple[dict[str, Tally], int]:
    """The corpus counts written by `save_tallies`."""
    data = json.loads(path.read_text(encoding="utf-8"))
    out = {k: Tally(Counter(v["forms"]), Counter(v["types"]), set(v["articles"]), set(v["outlets"]),
                    Counter(v["countries"]), v["mentions"]) for k, v in data["names"].items()}
    return out, data["articles"]


def merge_spellings(tallies: dict[str, Tally]) -> dict[str, Tally]:
    """Join the counts of one name's spellings («عبد الله» / «عبدالله») under its most frequent spelling."""
    groups: dict[str, list[str]] = {}
    for key in tallies:
        groups.setdefault(min([key, *spelling_variants(key)]), []).append(key)
    out: dict[str, Tally] = {}
    for keys in groups.values():
        keys.sort(key=lambda k: (-len(tallies[k].articles), k))
        merged = tallies[keys[0]]
        for other in keys[1:]:
            t = tallies[other]
            merged.forms.update(t.forms)
            merged.types.update(t.types)
            merged.countries.update(t.countries)
            merged.articles |= t.articles
            merged.outlets |= t.outlets
            merged.mentions += t.mentions
        out[keys[0]] = merged
    return out


_PROCLITICS = ("و", "ف", "ب", "ل", "ك")


@dataclass
class RawUse:
    """How the raw text of the slice uses each name: articles and occurrences, and the word after it."""

    articles: Counter = field(default_factory=Counter)
    occurrences: Counter = field(default_factory=Counter)
    next_words: dict[str, Counter] = field(default_factory=dict)
    prev_words: dict[str, Counter] = field(default_factory=dict)


def raw_use(path: Path, every: int, limit: int | None, keys: set[str]) -> RawUse:
    """Where each normalised name occurs as a run of words in the raw text of the slice (its first
    word may carry one proclitic: «وحركة المرور»), and which words come before and after it."""
    words_of = {k: tuple(k.split()) for k in keys}
    first: dict[str, list[tuple[str, ...]]] = {}
    for words in words_of.values():
        first.setdefault(words[0], []).append(words)
    out = RawUse()
    for _aid, _outlet, text in articles(path, every, limit):
        toks = name_words(text)
        seen: set[str] = set()
        for i, tok in enumerate(toks):
            forms = [tok] + ([tok[1:]] if tok[:1] in _PROCLITICS and len(tok) > 3 else [])
            for form in forms:
                for words in first.get(form, ()):
                    if toks[i + 1:i + len(words)] == words[1:]:
                        key = " ".join(words)
                        seen.add(key)
                        out.occurrences[key] += 1
                        after = toks[i + len(words)] if i + len(words) < len(toks) else ""
                        out.next_words.setdefault(key, Counter())[after] += 1
                        out.prev_words.setdefault(key, Counter())[toks[i - 1] if i else ""] += 1
        out.articles.update(seen)
    return out


def select(tallies: dict[str, Tally], limits: Limits,
           raw_counts: Callable[[set[str]], RawUse] | None = None,
           max_ratio: float = MAX_RAW_RATIO) -> tuple[list[dict], Counter]:
    """The actor rows of the names that pass every filter, and the count of rejections by reason
    (`raw_counts` gives the raw-text article counts of the names that pass the others)."""
    kb = load_kb()
    tallies = merge_spellings(tallies)
    heads = frozenset(k[2:] if k.startswith("ال") else k
                      for k in (name_key(row["term"]) for row in kb.lexicon("unit_heads")))
    stance = frozenset(name_key(row["term"]) for row in kb.lexicon("stance"))
    given = rule_lexicon(kb).given_names
    qualifiers = frozenset(name_key(row["term"]) for row in kb.lexicon("gentilics")) \
        | frozenset(k for p in kb.places.values() for k in (name_key(n) for n in (p.name, *p.aliases)) if " " not in k)
    generic, titles = generic_words(kb), title_words(kb)
    places = frozenset(name_key(row["term"]) for row in kb.lexicon("place_cues"))
    stop = frozenset(name_key(row["term"]) for row in kb.lexicon("name_cues")
                     if row["cue"] in ("stop", "time_word", "relative"))
    rows: list[dict] = []
    rejected: Counter = Counter()
    used = set(kb.actors)
    kept: list[tuple[str, str]] = []
    for key in sorted(tallies, key=lambda k: (-len(tallies[k].articles), k)):
        t = tallies[key]
        if not recurs(t, limits):
            rejected["rare"] += 1
            continue
        etype = stable_type(t, limits)
        if etype is None:
            rejected["unstable or non-actor type"] += 1
            continue
        problem = shape_problem(key, etype, generic, titles, limits, places, stop) \
            or head_problem(key, etype, heads) or agreement_problem(key) or partisan_problem(key, stance) \
            or qualifier_problem(key, etype, qualifiers, word_count) or description_problem(key, etype) \
            or (person_problem(key, given) if etype == "PERSON" else None)
        if problem:
            rejected[problem] += 1
            continue
        if kb.lookup(key):
            rejected["already a KB name (context rule)"] += 1
            continue
        if etype != "PERSON" and len(key.split()) > 1 and kb.lookup(key.split(" ", 1)[1]):
            rejected["head before a KB name (the rules link it)"] += 1
            continue
        kept.append((key, etype))
    raw = raw_counts({k for k, _ in kept}) if raw_counts is not None and kept else RawUse()
    for key, etype in kept:
        t = tallies[key]
        problem = None if raw_counts is None else \
            raw_use_problem(raw.articles.get(key, 0), len(t.articles), max_ratio) \
            or continued_problem(raw.next_words.get(key, Counter()), raw.occurrences.get(key, 0)) \
            or (thing_problem(raw.prev_words.get(key, Counter()), raw.occurrences.get(key, 0), heads)
                if etype == "PERSON" else None)
        if problem:
            rejected[problem] += 1
            continue
        aid = "mined_" + slug(key)
        base, i = aid, 2
        while aid in used:
            aid, i = f"{base}_{i}", i + 1
        used.add(aid)
        name = t.forms.most_common(1)[0][0]  # the most frequent spelling; the matcher adds the others
        # every spelling of the name shares its normalised key, so the name alone matches them all
        row = {"id": aid, "type": etype, "name": name, "aliases": [], "roles": [], "affiliations": []}
        row["mined"] = {"articles": len(t.articles), "outlets": len(t.outlets), "mentions": t.mentions,
                        "raw_articles": raw.articles.get(key, 0)}
        rows.append(row)
    return merge_short_forms(rows), rejected


def merge_short_forms(rows: list[dict]) -> list[dict]:
    """A person's shorter form («سلطان بن سحيم») becomes an alias of the longer one kept beside it
    («سلطان بن سحيم آل ثاني»): same first and last word, or same first words (in place order)."""
    persons = [r for r in rows if r["type"] == "PERSON"]
    keys = {id(r): name_key(r["name"]).split() for r in persons}
    gone: set[int] = set()
    for short in persons:
        words = keys[id(short)]
        for long in persons:
            other = keys[id(long)]
            if long is short or id(long) in gone or len(other) <= len(words):
                continue
            if other[0] == words[0] and (other[-1] == words[-1] or other[:len(words)] == words):
                long["aliases"].append(short["name"])
                gone.add(id(short))
                break
    return [r for r in rows if id(r) not in gone]


def write(rows: list[dict], out: Path) -> None:
    """Write the mined actors, one JSON object per line, under the header."""
    with out.open("w", encoding="utf-8") as f:
        f.write(HEADER)
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    """Run the miner; print counts, the type distribution and a sample; write the file unless --dry-run."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=None, help="the corpus (default: the shared corpus-ant-2018)")
    ap.add_argument("--every", type=int, default=3, help="take every N-th article (default: %(default)s)")
    ap.add_argument("--limit", type=int, default=None, help="at most this many articles")
    ap.add_argument("--min-articles", type=int, default=Limits.min_articles)
    ap.add_argument("--min-outlets", type=int, default=Limits.min_outlets)
    ap.add_argument("--max-raw-ratio", type=float, default=MAX_RAW_RATIO,
                    help="reject a name used in more than this many times the articles where it is an entity")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--dry-run", action="store_true", help="print only")
    ap.add_argument("--tallies", type=Path, default=None,
                    help="a JSON file of the corpus counts: read it if it exists (skipping the corpus run), else write it")
    args = ap.parse_args(argv)
    shared = shared_dir()
    corpus = args.corpus or (shared / "datasets" / "corpus-ant-2018.jsonl.gz" if shared else Path("-"))
    if not corpus.is_file():
        print(f"error: {corpus}: corpus not found", file=sys.stderr)
        return 2
    if args.out == OUT and OUT.exists():  # mine against the KB without the previous run's output
        OUT.unlink()
    started = time.perf_counter()
    if args.tallies and args.tallies.is_file():
        tallies, n = load_tallies(args.tallies)
    else:
        tallies, n = collect(corpus, max(1, args.every), args.limit)
        if args.tallies:
            save_tallies(tallies, n, args.tallies)
    limits = Limits(min_articles=args.min_articles, min_outlets=args.min_outlets)
    every = max(1, args.every)
    rows, rejected = select(tallies, limits, lambda keys: raw_use(corpus, every, args.limit, keys),
                            args.max_raw_ratio)
    print(f"{n} articles in {time.perf_counter() - started:.0f} s; {len(tallies)} unlinked names; kept {len(rows)}")
    print("rejected:", dict(rejected.most_common()))
    print("types:", dict(Counter(r["type"] for r in rows).most_common()))
    for r in rows[:: max(1, len(rows) // 40)]:
        print(f"  {r['type']:13} {r['mined']['articles']:4} {r['mined']['raw_articles']:5} {r['name']}")
    if not args.dry_run:
        write(rows, args.out)
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
