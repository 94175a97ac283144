"""Proclitic splitting: و ف ب ل ك ال and their combinations, decided with corpus counts.

A word such as «والجيش» is «و» + «ال» + «جيش»; «للقوات» is «ل» + «ال» + «قوات» (the article's alef is
elided after ل, so the prefix is written «لل»). Names such as «بلال», «فرج» or «لبنان» begin with the
same letters and must survive. The decision leans on a word-frequency list mined from news
(`scripts/build_vocab.py` → `marsad/data/vocab/words.tsv.gz`) and two small hand-written lists in the
same folder: `names.txt` (names: known stems, never split themselves) and `keep.txt` (words that look
like prefix + word but are not, e.g. «الله», «والي»).

The rule, for a normalised word `w` seen `W` times and a candidate split into prefix `p` + stem `s`:

* the stem must be at least two letters and *known*: its evidence `E` is the count of `s` (for a
  prefix carrying the article, the larger of the counts of `s` and «ال»+`s`; a listed name counts as
  at least `NAME_COUNT`) and must reach `MIN_STEM_COUNT` (`MIN_SHORT_STEM_COUNT` for a stem of two
  letters);
* the whole word must not be a word of its own. Two tests say it is: (a) it takes the article
  itself («البحث» is seen, so «بحث» is a noun, not ب + «حث»; a clitic form such as «بسبب» never
  follows «ال»), i.e. count(«ال» + w) >= `MIN_STEM_COUNT`; (b) it is far more frequent than the prefix
  reading can explain: were `w` always `p`+`s` it would be seen about `PRIOR[p] * E` times, where
  `PRIOR[p]` is how often a word carries that prefix (the mean of count(p+s)/count(s) over frequent
  stems of the same corpus), and `W > MARGIN * PRIOR[p] * E` («كان» is not ك + «أن», «بلال» is not
  ب + «لال»). The margin is wide because a frequent collocation («وأضاف» is 26 times as frequent as
  «أضاف», «بسبب») is legitimately far above the average prefix rate;
* the prefix reading must be expected at least `MIN_EXPECTED` times (`PRIOR[p] * E >= 1`), which
  keeps rare combinations («ول», «فبال») for frequent stems and listed names («ولحفتر»);
* among the candidates that pass, the longest prefix wins («وال» + «جيش» rather than «و» + «الجيش»);
  a prefix with the article is not tried when «ال» + stem is a listed word («والاف» is و + «آلاف»).

Listed names and words are never split themselves; words shorter than three letters neither.

An unseen word (W = 0) is therefore split whenever its stem is known («وحفتر» → «و» + «حفتر»).
Decisions are cached per word.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources

from marsad.errors import MarsadError
from marsad.text.normalise import normalise

#: How often a word carries each proclitic sequence, relative to the bare stem (for prefixes with
#: the article: relative to «ال» + stem). Means of count(p+s)/count(s) over stems seen >= 300 times
#: in the 2018 news corpus (scripts/build_vocab.py's corpus), rounded; floored at 0.002 for the rare
#: combinations, and ف, ك (measured 0.002, 0.003) raised to 0.004 so that «فزعيم» passes.
PRIOR: dict[str, float] = {
    "و": 0.09, "ف": 0.004, "ب": 0.058, "ل": 0.046, "ك": 0.004,
    "وب": 0.002, "ول": 0.002, "وك": 0.002, "فب": 0.002, "فل": 0.002, "فك": 0.002,
    "ال": 1.0, "وال": 0.044, "بال": 0.027, "فال": 0.002, "كال": 0.002, "لل": 0.05,
    "وبال": 0.002, "ولل": 0.002, "وكال": 0.002, "فبال": 0.002, "فلل": 0.002, "فكال": 0.002,
}
#: Candidate prefixes, longest first (ties: the order above).
PREFIXES: tuple[str, ...] = tuple(sorted(PRIOR, key=len, reverse=True))
#: How many times more frequent than the prefix reading predicts a word may be and still be split.
MARGIN = 300.0
#: The least evidence for a stem to count as known (the vocabulary keeps words seen >= 3 times).
MIN_STEM_COUNT = 3
#: The prefix reading must predict at least this many occurrences (rare combinations such as «ول»
#: need a frequent stem: «ولائهم» is not ول + «أيهم»).
MIN_EXPECTED = 1.0
#: The evidence a hand-listed name gives as a stem, when the corpus has less.
NAME_COUNT = 100
#: Stems shorter than this are never split off.
MIN_STEM_LEN = 2
#: A two-letter stem needs this much evidence: the true ones are frequent function words («وهو»,
#: «فلا», «بأي», «وقد»), the false ones rare fragments («وتر» is not و + «تر»).
MIN_SHORT_STEM_COUNT = 100


class VocabError(MarsadError):
    """The shipped vocabulary files are missing or malformed."""


def _read_text(name: str) -> str:
    """A shipped vocabulary file as text (gzip files are decompressed)."""
    try:
        data = resources.files("marsad").joinpath(f"data/vocab/{name}").read_bytes()
    except (FileNotFoundError, ModuleNotFoundError, OSError) as exc:
        raise VocabError(f"marsad/data/vocab/{name}: cannot read the shipped vocabulary ({exc}); "
                         "rebuild it with scripts/build_vocab.py") from None
    if name.endswith(".gz"):
        data = gzip.decompress(data)
    return data.decode("utf-8")


@lru_cache(maxsize=1)
def _vocab() -> dict[str, int]:
    """The corpus word counts (normalised word -> count), loaded once."""
    text = _read_text("words.tsv.gz")
    try:
        it = iter(text.split())
        return {w: int(c) for w, c in zip(it, it)}
    except ValueError:
        raise VocabError("marsad/data/vocab/words.tsv.gz: every line must be 'word<TAB>count'") from None


def _word_list(name: str) -> frozenset[str]:
    """The normalised words of a hand-written list (one entry a line, '#' comments; an entry of
    several words adds each of them)."""
    out: set[str] = set()
    for line in _read_text(name).splitlines():
        out.update(normalise(line.split("#", 1)[0]).split())
    return frozenset(out)


@lru_cache(maxsize=1)
def names() -> frozenset[str]:
    """The hand-listed names (normalised): known stems that are never split themselves."""
    return _word_list("names.txt")


@lru_cache(maxsize=1)
def keep_words() -> frozenset[str]:
    """Words (normalised) that look like prefix + word but are words of their own."""
    return _word_list("keep.txt")


def word_count(norm: str) -> int:
    """How often the normalised word was seen in the news corpus (0 when unknown or rarer than 3)."""
    return _vocab().get(norm, 0)


def _evidence(stem: str, with_article: bool, vocab: dict[str, int], listed: frozenset[str]) -> int:
    """How well attested `stem` is as a word (see the module docstring)."""
    e = vocab.get(stem, 0)
    if with_article:
        e = max(e, vocab.get("ال" + stem, 0))
    if stem in listed or (with_article and "ال" + stem in listed):
        e = max(e, NAME_COUNT)
    return e


def _candidates() -> dict[str, tuple[tuple[str, bool, bool, float], ...]]:
    """Prefixes by first letter, longest first: (prefix, carries the article, ends in a bare lam, prior)."""
    out: dict[str, list[tuple[str, bool, bool, float]]] = {}
    for p in PREFIXES:
        with_article = p.endswith("ال") or p.endswith("لل")
        bare_lam = p.endswith("ل") and not p.endswith("ال")
        out.setdefault(p[0], []).append((p, with_article, bare_lam, PRIOR[p]))
    return {k: tuple(v) for k, v in out.items()}


_CANDIDATES = _candidates()


@lru_cache(maxsize=200_000)
def split_proclitics(word_norm: str) -> tuple[str, str]:
    """(prefix, stem) of a normalised word; ("", word) when it has no proclitic to strip."""
    return split_uncached(word_norm)


def split_uncached(word_norm: str) -> tuple[str, str]:
    """`split_proclitics` without its cache (for callers that keep their own, like the tokenizer)."""
    cands = _CANDIDATES.get(word_norm[:1])
    if cands is None or len(word_norm) < MIN_STEM_LEN + 1:
        return "", word_norm
    listed = names()
    keep = keep_words()
    if word_norm in listed or word_norm in keep:
        return "", word_norm
    vocab = _vocab()
    if word_norm[:2] != "ال" and vocab.get("ال" + word_norm, 0) >= MIN_STEM_COUNT:
        return "", word_norm  # the word takes the article itself: a noun of its own
    whole = vocab.get(word_norm, 0)
    for p, with_article, bare_lam, prior in cands:
        if not word_norm.startswith(p):
            continue
        stem = word_norm[len(p):]
        if len(stem) < MIN_STEM_LEN:
            continue
        if bare_lam and stem[:2] == "ال":
            continue  # after a bare lam the article is written «لل» (its own prefix)
        if with_article and "ال" + stem in keep:
            continue  # «والاف» is و + «آلاف», whose «ال» is no article
        e = _evidence(stem, with_article and p != "ال", vocab, listed)
        if e < (MIN_SHORT_STEM_COUNT if len(stem) == 2 else MIN_STEM_COUNT):
            continue
        expected = prior * e
        if expected < MIN_EXPECTED and not (stem in listed or (with_article and "ال" + stem in listed)):
            continue
        if whole <= MARGIN * expected:
            return p, stem
    return "", word_norm


def definite_form(prefix: str, stem: str) -> str:
    """The stem as it would stand alone: with «ال» when the prefix carries the article (للقوات → القوات)."""
    if prefix.endswith("ال") or prefix.endswith("لل"):
        return "ال" + stem
    return stem
