"""Cross-sentence candidates for the relation model: a light coreference step.

A mention in one sentence is paired with the entities an anaphor in it may point back to: the
entities mentioned last in the sentence before (most recent first) and the article's main actor (the
first actor of its first sentence). «وأضاف أن قواته…», «سيطرت عليها», «وأكد» carry no name of their
own; the pair takes the features of the sentence that holds the anaphor, all prefixed `xs|`, so the
model weighs these pairs apart from the pairs of one sentence. Only pairs that never share a sentence
are formed (those that do are the ordinary candidates' business).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from marsad.extract.names.cands import Cand
from marsad.extract.relmodel.anaphora import anaphor_mentions
from marsad.extract.relmodel.candidates import Candidate, clause_bounds, generate
from marsad.extract.relmodel.features import ArticleContext, Lexicons, _lex, extract, pair_features
from marsad.extract.relmodel.schema import ACTORS, PLACES, allowed_types
from marsad.model import Token
from marsad.text.normalise import normalise

#: whether cross-sentence candidates are formed by default (off: no gain in cross-validation, see
#: docs/relation-model.md; the shipped model was trained without them)
CROSS = False
#: whether nominal anaphors («التنظيم» after «تنظيم داعش») are mentions of the pairs of one sentence
#: by default (off, for the same reason)
ANAPHORA = False
#: the relation types a cross-sentence pair may take (None: every type its entity types admit)
CROSS_TYPES: frozenset[str] | None = None
#: how many distinct entities of the sentence before an anaphor may point back to
RECENT = 3
#: pronoun endings that mark a word as pointing back («قواته», «عليها», «مواقعهم»)
_SUFFIXES = tuple(normalise(s) for s in ("هما", "هم", "هن", "ها", "ه"))
#: demonstratives that point back («هذه المليشيات», «هذا التنظيم»)
_DEMONSTRATIVES = frozenset(normalise(w) for w in ("هذه", "هذا", "هؤلاء", "تلك", "ذلك"))
#: words on either side of the anaphor sentence's mention that are read
_WINDOW = 3


def _anaphoric(tok: Token) -> bool:
    """Whether a word carries a pronoun ending or is a demonstrative."""
    return tok.norm in _DEMONSTRATIVES or (len(tok.stem) > 3 and tok.stem.endswith(_SUFFIXES))


def generate_cross(tokens: Sequence[Token], mentions: Sequence[Cand], types: dict[str, str],
                   near: set[frozenset[str]], recent: int = RECENT) -> list[Candidate]:
    """Ordered pairs (either way round) of a mention and an entity it may corefer with across a
    sentence boundary, for entity pairs not in `near` (the pairs that share a sentence)."""
    by_sentence: dict[int, list[Cand]] = {}
    for m in mentions:
        t = types.get(m.entity or "")
        if t is not None and (t in ACTORS or t in PLACES) and 0 <= m.first <= m.last < len(tokens):
            by_sentence.setdefault(tokens[m.first].sentence, []).append(m)
    if not by_sentence:
        return []
    first = min(by_sentence)
    main = next((m for m in sorted(by_sentence[first], key=lambda m: m.first)
                 if types[m.entity or ""] in ACTORS - {"GPE"}), None)
    out: list[Candidate] = []
    for sent in sorted(by_sentence):
        ms = by_sentence[sent]
        prev = sorted(by_sentence.get(sent - 1, ()), key=lambda m: -m.last)
        antecedents: list[tuple[Cand, str]] = []
        seen: set[str] = set()
        for m in prev:
            if m.entity not in seen and len(seen) < recent:
                seen.add(m.entity or "")
                antecedents.append((m, f"prev{len(seen)}"))
        if main is not None and sent - 1 > first and main.entity not in seen:
            antecedents.append((main, "main"))
        here = {m.entity for m in ms}
        for y in ms:
            a, b = clause_bounds(tokens, y.first, y.last)
            ev = (tokens[a].start, tokens[b].end)
            for x, how in antecedents:
                if x.entity in here or frozenset((x.entity, y.entity)) in near:
                    continue
                for h, t in ((x, y), (y, x)):
                    ht, tt = types[h.entity or ""], types[t.entity or ""]
                    if allowed_types(ht, tt):
                        out.append(Candidate(h.entity or "", t.entity or "", ht, tt, (h.first, h.last),
                                             (t.first, t.last), sent, ev, how))
    return out


def extract_cross(tokens: Sequence[Token], cand: Candidate, ctx: ArticleContext, lex: Lexicons) -> list[str]:
    """The features of a cross-sentence pair, all prefixed `xs|`."""
    tp = f"{cand.head_type}>{cand.tail_type}"
    order = "h<t" if cand.head_first else "t<h"
    ana, ant = (cand.tail_span, cand.head_span) if cand.head_first else (cand.head_span, cand.tail_span)
    side = "ant=head" if cand.head_first else "ant=tail"
    out = ["xs", f"xs|tp={tp}|{order}", f"xs|{cand.cross}|{tp}|{order}", f"xs|{side}",
           f"xs|hk={ctx.kinds.get(cand.head, '')}", f"xs|tk={ctx.kinds.get(cand.tail, '')}",
           f"xs|hw={tokens[cand.head_span[0]].stem}", f"xs|tw={tokens[cand.tail_span[0]].stem}"]
    sent = cand.sentence
    f, l = ana
    s0 = f
    while s0 > 0 and tokens[s0 - 1].sentence == sent:
        s0 -= 1
    out.append(f"xs|s0={tokens[s0].stem}")
    if tokens[s0].prefix.startswith("و"):
        out.append("xs|s0=wa")
    out.append("xs|start" if s0 == f else "xs|inside")
    a, b = clause_bounds(tokens, f, l)
    pronouns = 0
    for i in range(a, b + 1):
        if f <= i <= l:
            continue
        tok = tokens[i]
        if _anaphoric(tok):
            pronouns += 1
            out.append(f"xs|pro={tok.stem[:4]}|{order}")
        for h in _lex(tok, lex):
            out.append(f"xs|c{h}|{tp}")
    out.append(f"xs|pronouns={min(pronouns, 2)}")
    for k in range(1, _WINDOW + 1):
        if f - k >= 0 and tokens[f - k].sentence == sent:
            out.append(f"xs|l{k}={tokens[f - k].stem}")
        if l + k < len(tokens) and tokens[l + k].sentence == sent:
            out.append(f"xs|r{k}={tokens[l + k].stem}")
    al = ant[0]
    if al > 0:
        out.append(f"xs|al1={tokens[al - 1].stem}")
    out.extend(pair_features(cand, ctx, lex, "xs|"))
    return out


def candidates_and_features(tokens: Sequence[Token], mentions: Sequence[Cand], types: dict[str, str],
                            ctx: ArticleContext, lex: Lexicons, max_gap: int, cross: bool = CROSS,
                            anaphora: bool = ANAPHORA) -> tuple[list[Candidate], list[list[str]]]:
    """The article's candidates and the features of each: those of one sentence (with `anaphora`, also
    those of nominal anaphors, marked `ana`), then with `cross` the cross-sentence ones."""
    extra = anaphor_mentions(tokens, mentions, types) if anaphora else []
    cands = generate(tokens, [*mentions, *extra], types, max_gap)
    feats = [extract(tokens, c, ctx, lex) for c in cands]
    if extra:
        spans = {(m.first, m.last) for m in extra}
        for i, c in enumerate(cands):
            if c.head_span in spans or c.tail_span in spans:
                cands[i] = replace(c, cross="anaphor")
                side = "head" if c.head_span in spans else "tail"
                feats[i] += ["ana", f"ana={side}|{c.head_type}>{c.tail_type}"]
    if cross:
        near = {frozenset((c.head, c.tail)) for c in cands}
        more = generate_cross(tokens, mentions, types, near)
        cands += more
        feats += [extract_cross(tokens, c, ctx, lex) for c in more]
    return cands, feats
