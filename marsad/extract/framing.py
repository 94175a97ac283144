"""The `framing` component: partisan and evaluative naming, attached to the entity it names.

Two sources: (1) mentions found through a stance-marked alias of the knowledge base («قوات الانقلاب»,
«الجنرال المتقاعد» → hostile; «الجيش الوطني الليبي» → favorable); (2) the `stance` lexicon
(«الانقلاب», «المرتزقة», «جرائمه», «شراء ذمم» …), matched on the clitic-free stem with a pronoun suffix
allowed, and attached to the entity whose mention contains or directly carries the term, else to the
actor the pronoun suffix or the sentence points at (the nearest actor before it in the sentence).
One item per term and entity, at its first occurrence (the annotation guide's rule).
`framing_summary()` gives the article-level view: which actors are framed how, with how many terms.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from marsad.extract.names.cands import Cand
from marsad.knowledge.cache import per_kb
from marsad.extract.spanindex import ByKey, LastBefore, Stabbing, clip_clause
from marsad.extract.tokindex import TokenIndex
from marsad.layers import MENTIONS
from marsad.model import Analysis, Framing, Token
from marsad.pipeline import register
from marsad.resources import Resources
from marsad.text.normalise import normalise

_SUFFIXES = ("هم", "ها", "ه")
_ACTORS = frozenset({"PERSON", "ARMED_GROUP", "TRIBE", "ORGANIZATION", "GPE"})
#: usual names that carry no stance in practice, though the KB may mark them
_CONVENTIONAL = frozenset(normalise(w) for w in ("داعش",))


@per_kb
def _table(kb: object | None) -> dict[tuple[str, ...], str]:
    """The stance lexicon of a knowledge base as a table of word tuples (built once per KB)."""
    table: dict[tuple[str, ...], str] = {}
    if kb is not None and "stance" in kb.lexicon_names():  # type: ignore[attr-defined]
        for row in kb.lexicon("stance"):  # type: ignore[attr-defined]
            words = tuple(_bare(w) for w in normalise(row.get("term", "")).split())
            stance = (row.get("stance") or "").strip()
            if words and stance in ("hostile", "favorable"):
                table.setdefault(words, stance)
    return table


def _bare(w: str) -> str:
    return w[2:] if w.startswith("ال") and len(w) > 3 else w


@register("framing", requires=("tokens", "entities", "mentions"), assigns=("framing",))
class FramingFinder:
    """Finds hostile and favourable namings of actors."""

    def __init__(self, resources: Resources) -> None:
        self.kb = resources.kb

    def __call__(self, analysis: Analysis) -> Analysis:
        text = analysis.text
        mentions: list[Cand] = [m for m in MENTIONS.get(analysis) if m.entity]
        types = {e.id: e.type for e in analysis.entities}
        out: list[Framing] = []
        taken: list[tuple[int, int]] = []
        table = _table(self.kb)
        for m in mentions:
            if m.stance not in ("hostile", "favorable") or _conventional(text[m.start:m.end]):
                continue
            if m.stance == "favorable" and not _praises(analysis.tokens[m.first:m.last + 1], table):
                continue  # a self-designation («الجيش الوطني الليبي», «المشير») is not praise by itself
            out.append(Framing(m.entity, m.start, m.end, text[m.start:m.end], m.stance))
            taken.append((m.start, m.end))
        if table:
            out += _lexicon_terms(analysis.tokens, text, table, mentions, types, taken)
        out.sort(key=lambda f: f.start)
        analysis.framing = _once(out)
        return analysis


def _once(items: list[Framing]) -> list[Framing]:
    """One item per term and entity, the first («ميليشيات» said of one militia three times is one framing)."""
    seen: set[tuple[str, str, str]] = set()
    out: list[Framing] = []
    for f in items:
        key = (f.entity or "", f.stance, " ".join(_bare(w) for w in normalise(f.text).split()))
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _word_forms(tok: Token) -> list[str]:
    w = _bare(tok.stem if tok.prefix else tok.norm)
    forms = [w]
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            forms.append(w[: -len(suf)])
    return forms


def _lexicon_terms(tokens: Sequence[Token], text: str, table: dict[tuple[str, ...], str],
                   mentions: list[Cand], types: dict[str, str], taken: list[tuple[int, int]]) -> list[Framing]:
    out: list[Framing] = []
    near = _Near(tokens, mentions, types)
    taken_before = Stabbing(list(taken), lambda span: span)
    taken_end = -1  # the spans added below start in text order: one end says whether they cover a start
    longest = max(len(k) for k in table)
    firsts = {k[0] for k in table if len(k) > 1}
    bare = [_bare(t.stem if t.prefix else t.norm) for t in tokens]
    i = 0
    while i < len(tokens):
        hit = None
        if bare[i] in firsts:
            for size in range(min(longest, len(tokens) - i), 1, -1):
                key = tuple(bare[i:i + size])
                if key in table:
                    hit = (size, table[key])
                    break
        if hit is None:
            for form in _word_forms(tokens[i]):
                if (form,) in table:
                    hit = (1, table[(form,)])
                    break
        if hit is None:
            i += 1
            continue
        size, stance = hit
        start, end = tokens[i].stem_start, tokens[i + size - 1].end
        # a following adjective belongs to the term («جرائمه السابقة»)
        nxt = i + size
        if nxt < len(tokens) and tokens[nxt].sentence == tokens[i].sentence and tokens[nxt].norm.startswith("ال") \
                and tokens[nxt].norm in ("السابقه", "المزعوم", "المزعومه", "الارهابيه", "الارهابي", "الاجراميه"):
            end = tokens[nxt].end
        if stance == "favorable" and near.inside_name(i, i + size - 1):
            i += size
            continue  # «مجلس شورى ثوار بنغازي», «جبهة التحرير»: a word of a proper name frames nobody
        if start >= taken_end and not taken_before.at(start):
            entity = near.attach(i, i + size - 1, loose=size > 1 or _has_pronoun(tokens[i]))
            if entity is not None:
                out.append(Framing(entity, start, end, text[start:end], stance))
                taken.append((start, end))
                taken_end = max(taken_end, end)
        i += size
    return out


def _inside_name(first: int, last: int, mentions: list[Cand]) -> bool:
    """True when tokens [first, last] lie inside a known actor's own name (a knowledge-base name
    without a stance), which the outlet does not choose («ثوار» in «مجلس شورى ثوار بنغازي»)."""
    return any(m.kb_ids and m.stance is None and m.first <= first and last <= m.last and m.last > m.first
               for m in mentions)


def _praises(tokens: Sequence[Token], table: dict[tuple[str, ...], str]) -> bool:
    """True when a name holds a favourable word of the stance lexicon («الأبطال»)."""
    return any(table.get((form,)) == "favorable" for tok in tokens for form in _word_forms(tok))


def _has_pronoun(tok: Token) -> bool:
    """«جرائمه», «مرتزقته»: a possessive suffix points at an actor named before."""
    w = tok.stem if tok.prefix else tok.norm
    return len(w) > 4 and w.endswith(_SUFFIXES) and not w.startswith("ال")


def _conventional(text: str) -> bool:
    """Names so usual in Arabic news that using them is not framing («داعش»)."""
    return normalise(text).replace("تنظيم ", "").strip() in _CONVENTIONAL


def _attach(first: int, last: int, tokens: Sequence[Token], mentions: list[Cand],
            types: dict[str, str], loose: bool = True) -> str | None:
    """The entity a stance term names: a mention containing it, right after or before it; with
    `loose` (multi-word terms, pronoun suffixes) also the nearest actor before it."""
    for m in mentions:
        if m.first <= first and last <= m.last and types.get(m.entity or "") in _ACTORS:
            return m.entity
    sent = tokens[first].sentence
    for m in mentions:
        if m.first == last + 1 and types.get(m.entity or "") in _ACTORS:
            return m.entity
        if m.last == first - 1 and types.get(m.entity or "") in _ACTORS - {"GPE"}:
            return m.entity
    if not loose:
        return None
    best = None
    for m in mentions:
        if m.last < first and tokens[m.first].sentence == sent and types.get(m.entity or "") in _ACTORS - {"GPE"}:
            best = m.entity
    if best is None:
        for m in mentions:
            if m.last < first and types.get(m.entity or "") in ("PERSON", "ARMED_GROUP"):
                best = m.entity
    return best


class _Near:
    """`_attach` and `_inside_name` with indexed look-ups: the same answers without scanning every
    mention of the article for every stance word."""

    def __init__(self, tokens: Sequence[Token], mentions: list[Cand], types: dict[str, str]) -> None:
        self.tokens, self.mentions, self.types = tokens, mentions, types
        self.by_first = ByKey(mentions, lambda m: m.first)
        self.widest = max((m.last - m.first for m in mentions), default=0)
        self.index = TokenIndex(tokens)
        self.last_person_or_group = LastBefore(
            [m for m in mentions if types.get(m.entity or "") in ("PERSON", "ARMED_GROUP")], lambda m: m.last)

    def around(self, first: int) -> Sequence[Cand]:
        """The mentions that may contain token `first` (they start at most `widest` tokens before it)."""
        return self.by_first.between(first - self.widest, first + 1)

    def inside_name(self, first: int, last: int) -> bool:
        """`_inside_name(first, last, mentions)`."""
        return _inside_name(first, last, self.around(first))

    def attach(self, first: int, last: int, loose: bool = True) -> str | None:
        """The entity a stance term names (see `_attach`)."""
        types = self.types
        for m in self.around(first):
            if last <= m.last and types.get(m.entity or "") in _ACTORS:
                return m.entity
        for m in self.by_first.between(first - 1 - self.widest, first):
            if m.last == first - 1 and types.get(m.entity or "") in _ACTORS - {"GPE"}:
                return m.entity
        for m in self.by_first.between(last + 1, last + 2):
            if types.get(m.entity or "") in _ACTORS:
                return m.entity
        if not loose:
            return None
        lo, _ = clip_clause(self.index.sentence_start(first), first, first, first)
        for m in reversed(self.by_first.between(lo, first)):
            if m.last < first and types.get(m.entity or "") in _ACTORS - {"GPE"}:
                return m.entity
        m = self.last_person_or_group.at_most(first - 1)
        return m.entity if m is not None else None


def framing_summary(analysis: Analysis) -> dict[str, Counter[str]]:
    """Per entity id, how many hostile and favourable terms the article uses for it."""
    out: dict[str, Counter[str]] = {}
    for f in analysis.framing:
        if f.entity:
            out.setdefault(f.entity, Counter())[f.stance] += 1
    return out
