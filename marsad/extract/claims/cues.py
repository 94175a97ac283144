"""Reporting cues: verbs, participles and prepositional phrases that introduce what someone said.

The verbs and participles are data: `marsad/data/lexicons/claim_cues.tsv` lists every form as it
appears after proclitics are removed (agreement in gender and number, present tense, object
pronouns as in «ذكرته», «أكدته») with its lemma, whether it is a participle, and whether its object
can be the content. A knowledge overlay adds rows; the knowledge base's `reporting_verbs` lexicon
adds weak cues. Forms are normalised (see `marsad.text.normalise`).

The other words the claims layer reads are data too: the heads of anonymous sources are the first
words of the `anonymous_sources` lexicon, and the word sets (openers, documentary and media heads,
attribution phrases, spokesman words …) are rows of `claim_words` (`term`, `set`, `lemma`), so that
a `--kb` overlay reaches them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from marsad.knowledge.cache import per_kb
from marsad.knowledge.readers import read_lexicon
from marsad.text.normalise import normalise

CLAIM_CUES_FILE = Path(str(resources.files("marsad").joinpath("data/lexicons/claim_cues.tsv")))
ANONYMOUS_SOURCES_FILE = Path(str(resources.files("marsad").joinpath("data/lexicons/anonymous_sources.tsv")))
CLAIM_WORDS_FILE = Path(str(resources.files("marsad").joinpath("data/lexicons/claim_words.tsv")))
TITLES_FILE = Path(str(resources.files("marsad").joinpath("data/lexicons/titles.tsv")))
#: kinds of `titles` rows whose first word, with the article, can refer back to the person it introduced
_TITLE_HEAD_KINDS = frozenset({"role", "office", "rank", "honorific"})
#: first words of titles too vague to refer back to one person («أحد», «السيد»)
_VAGUE_HEADS = frozenset(normalise(w) for w in ("أحد", "سيد", "سيدة", "د."))


@dataclass(frozen=True)
class ClaimWords:
    """The word sets of lexicons/claim_words.tsv, normalised, one field per `set` (see the file's comments)."""

    opener: frozenset[str] = frozenset()
    document_head: frozenset[str] = frozenset()
    media_head: frozenset[str] = frozenset()
    said_to: frozenset[str] = frozenset()
    member_head: frozenset[str] = frozenset()
    unnamed_spokesman: frozenset[str] = frozenset()
    spokesman_anaphor: frozenset[str] = frozenset()
    led_by: frozenset[str] = frozenset()
    name_word: frozenset[str] = frozenset()
    calling: frozenset[str] = frozenset()
    #: «أن», «إن», «بأن» …: the words that open a reported clause (the events layer reads them too)
    that: frozenset[str] = frozenset()
    #: a cue's lemma -> the prepositions that open its content («شدد على», «حذر من», «هدد بـ»)
    complement: dict[str, frozenset[str]] = field(default_factory=dict)
    #: attribution phrases («بحسب», «نقلا عن») as word tuples -> the cue's lemma (the first row of a phrase wins)
    according: dict[tuple[str, ...], str] = field(default_factory=dict)
    #: the first words of `according`
    according_first: frozenset[str] = frozenset()


_SET_FIELDS = frozenset(f for f in ClaimWords.__dataclass_fields__
                        if f not in ("according", "according_first", "complement"))


def claim_words(rows: list[dict[str, str]]) -> ClaimWords:
    """The word sets of `claim_words` rows (set names outside `ClaimWords` are left to other readers)."""
    sets: dict[str, set[str]] = {}
    according: dict[tuple[str, ...], str] = {}
    complement: dict[str, set[str]] = {}
    for row in rows:
        name, words = row.get("set", "").strip(), normalise(row.get("term", "")).split()
        if not words:
            continue
        if name == "according":
            according.setdefault(tuple(words), normalise((row.get("lemma") or "").strip()) or " ".join(words))
        elif name == "complement":
            lemma = normalise((row.get("lemma") or "").strip())
            if lemma:
                complement.setdefault(lemma, set()).add(words[0])
        elif name in _SET_FIELDS:
            sets.setdefault(name, set()).add(" ".join(words))
    return ClaimWords(**{k: frozenset(v) for k, v in sets.items()}, according=according,
                      according_first=frozenset(words[0] for words in according),
                      complement={lemma: frozenset(v) for lemma, v in complement.items()})


@lru_cache(maxsize=1)
def shipped_claim_words() -> ClaimWords:
    """The word sets of the shipped lexicons/claim_words.tsv."""
    return claim_words(read_lexicon(CLAIM_WORDS_FILE))


def anonymous_heads(rows: list[dict[str, str]]) -> frozenset[str]:
    """Heads of anonymous sources: the first word of every `anonymous_sources` row, normalised."""
    heads = set()
    for row in rows:
        words = normalise(row.get("term", "")).split()
        if words:
            heads.add(words[0])
    return frozenset(heads)


def title_heads(rows: list[dict[str, str]]) -> frozenset[str]:
    """First words of the `titles` rows of a role, office, rank or honorific, normalised and without the article:
    «الوزير», «العميد» with the article refer back to the person introduced with such a title."""
    heads = set()
    for row in rows:
        words = normalise(row.get("term", "")).split()
        if words and (row.get("kind") or "").strip() in _TITLE_HEAD_KINDS:
            head = words[0][2:] if words[0].startswith("ال") and len(words[0]) > 3 else words[0]
            if head not in _VAGUE_HEADS:
                heads.add(head)
    return frozenset(heads)


@dataclass(frozen=True, slots=True)
class Cue:
    """A reporting form: its lemma, whether it is a continuing participle, and whether its object can
    be the content («كشف … تفاصيل»)."""

    lemma: str
    participle: bool = False
    weak: bool = False  # from the KB's reporting_verbs lexicon only: needs its own subject and an opener
    object: bool = False


def _rows(kb: object | None) -> list[dict[str, str]]:
    """The rows of the `claim_cues` lexicon: the knowledge base's (shipped file and overlays), else the file."""
    if kb is not None and "claim_cues" in kb.lexicon_names():  # type: ignore[attr-defined]
        return list(kb.lexicon("claim_cues"))  # type: ignore[attr-defined]
    return read_lexicon(CLAIM_CUES_FILE)


def _build(rows: list[dict[str, str]]) -> dict[str, Cue]:
    """Normalised form -> Cue from `claim_cues` rows (the first row of a form wins)."""
    table: dict[str, Cue] = {}
    for row in rows:
        form = normalise(row.get("term", "").strip())
        lemma = normalise((row.get("lemma") or "").strip() or form)
        if form and " " not in form:
            table.setdefault(form, Cue(lemma, participle=row.get("form", "").strip() == "participle",
                                       object=row.get("object", "").strip() == "yes"))
    return table


CUES: dict[str, Cue] = _build(read_lexicon(CLAIM_CUES_FILE))


def cue_for(form: str) -> Cue | None:
    """The shipped cue of a normalised word (without proclitics), or None."""
    return CUES.get(form)


@dataclass(frozen=True)
class CueTable:
    """The cues, anonymous-source heads and word sets of one knowledge base: its `claim_cues` lexicon,
    plus its `reporting_verbs` lexicon as weak cues, its `anonymous_sources` and `claim_words` lexicons.

    Cues that come only from the KB's `reporting_verbs` lexicon are `weak` (they need their own
    subject and an opener), since that lexicon mixes verbs with nouns such as «تصريحات».
    """

    cues: dict[str, Cue]
    anonymous: frozenset[str]
    words: ClaimWords = field(default_factory=shipped_claim_words)
    #: title heads without the article («وزير», «عميد»): see `title_heads`
    titles: frozenset[str] = frozenset()

    def cue_for(self, form: str) -> Cue | None:
        """The cue of a normalised word (without proclitics), or None."""
        return self.cues.get(form)


@per_kb
def cue_table(kb: object | None) -> CueTable:
    """The cue table of a knowledge base (built once per KB)."""
    cues = _build(_rows(kb))
    names = kb.lexicon_names() if kb is not None else []  # type: ignore[attr-defined]
    if "reporting_verbs" in names:
        for row in kb.lexicon("reporting_verbs"):  # type: ignore[attr-defined]
            term = normalise(row.get("term", "").strip())
            if term and " " not in term and term not in cues:
                cues[term] = Cue(normalise(row.get("lemma") or term), weak=True)
    anonymous = anonymous_heads(kb.lexicon("anonymous_sources") if "anonymous_sources" in names  # type: ignore[attr-defined]
                                else read_lexicon(ANONYMOUS_SOURCES_FILE))
    words = claim_words(kb.lexicon("claim_words")) if "claim_words" in names else shipped_claim_words()  # type: ignore[attr-defined]
    titles = title_heads(kb.lexicon("titles") if "titles" in names  # type: ignore[attr-defined]
                         else read_lexicon(TITLES_FILE))
    return CueTable(cues, anonymous, words, titles)
