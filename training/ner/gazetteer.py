"""A gazetteer of Arabic-script person names (first and family names, each with how common it is) for
the neural tagger's name-lexicon input.

The self-training lexicon knows the names the news corpus repeats; people are also called by names the
corpus never printed. `merge_names` gives every gazetteer word the lexicon lacks the type `GAZ:hi`
(among the `hi_rank` most common names of some country) or `GAZ:lo`. Many names are also ordinary
words (سعيد, أمل), so the type is a hint the network weighs against the word's vector and context.

`scripts/build_name_gazetteer.py` builds the list from the names-dataset package (first and last
names with per-country ranks) and stores it as gzipped TSV: word, best rank. It is a training tool:
no shipped model uses it, as it brought no gain on the dev splits (marsad/ner/models/README.md).
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path

from marsad.ner.neural import GAZ_TYPES
from marsad.text.normalise import normalise

#: a name kept in the gazetteer: Arabic letters only (hamza to yeh), no space, digit or Latin letter
ARABIC_NAME = re.compile("^[\u0621-\u064a]+$")
#: best rank recorded for a name no country ranks
UNRANKED = 1_000_000
#: names at or under this rank in some country get GAZ:hi
HI_RANK = 1000


def arabic_names(entries: Iterable[tuple[str, Mapping[str, int]]], min_chars: int = 2) -> dict[str, int]:
    """Normalised Arabic-script names → best rank, from (name, {country: rank}) pairs; spellings
    that normalise alike keep the best rank, names without ranks get `UNRANKED`."""
    out: dict[str, int] = {}
    for name, ranks in entries:
        if not ARABIC_NAME.match(name):
            continue
        word = normalise(name)
        if len(word) < min_chars:
            continue
        best = min((int(r) for r in ranks.values()), default=UNRANKED)
        out[word] = min(out.get(word, UNRANKED), best)
    return out


def merge_names(lexicon: Mapping[str, str], gazetteer: Mapping[str, int], hi_rank: int = HI_RANK,
                skip: Collection[str] = ()) -> dict[str, str]:
    """The lexicon with every gazetteer word it lacks typed `GAZ:hi` (rank ≤ `hi_rank`) or `GAZ:lo`,
    except the words in `skip` (say, the corpus's commonest words); the lexicon's own types win."""
    out = dict(lexicon)
    for word, rank in gazetteer.items():
        if word not in out and word not in skip:
            out[word] = GAZ_TYPES[0] if rank <= hi_rank else GAZ_TYPES[1]
    return out


def save_gazetteer(path: str | Path, gazetteer: Mapping[str, int]) -> None:
    """Write the gazetteer as gzipped TSV sorted by word (byte-for-byte repeatable)."""
    lines = ["# word\tbest_rank"] + [f"{w}\t{r}" for w, r in sorted(gazetteer.items())]
    raw = ("\n".join(lines) + "\n").encode("utf-8")
    Path(path).write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))


def load_gazetteer(path: str | Path) -> dict[str, int]:
    """The gazetteer written by `save_gazetteer`; a malformed file raises ValueError naming the line."""
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"{path}: not found")
    try:
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: not a gzipped UTF-8 gazetteer ({exc})") from exc
    out: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[1].isdigit() or not parts[0]:
            raise ValueError(f"{path}: line {number}: expected 'word<TAB>rank', got {line[:60]!r}")
        out[parts[0]] = int(parts[1])
    return out
