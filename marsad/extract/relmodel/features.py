"""Features of a candidate pair: words, lexicon hits, types, order, distance, clauses, events, rules.

Every feature is a short string; the model maps the ones it knows to weights. Features that speak of
the pair's direction are written relative to the head and the tail («h<t» when the head comes first).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from marsad.extract.relmodel.candidates import CLAUSE_BREAKS, Candidate
from marsad.knowledge import KnowledgeBase
from marsad.model import Analysis, Entity, Event, Relation, Token
from marsad.text.normalise import normalise

#: token distance buckets (tokens strictly between the mentions)
_BUCKETS = ((0, "0"), (1, "1"), (2, "2"), (4, "3-4"), (7, "5-7"), (12, "8-12"))
_RELATIVES = frozenset(normalise(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "والذي", "والتي",
                                              "والذين", "اللواتي"))
_CONJ = normalise("و")
#: lexicon hits between a pair that are also read with the pair's types and order
_CUED = ("btrig=", "brc=", "btitle=")
#: letters of a stem kept by the prefix features (`bp=`, `lp=`, `rp=`)
PREFIX = 4
#: words on either side of the pair that are read (left of the first mention, right of the second)
WINDOW = 2


@dataclass(frozen=True, slots=True)
class Lexicons:
    """Single-word cue tables from the shipped lexicons, keyed by normalised form."""

    triggers: dict[str, str] = field(default_factory=dict)   # word → event type(s), joined by «|»
    titles: dict[str, str] = field(default_factory=dict)     # word → relation or kind of title
    cues: frozenset[str] = frozenset()                        # reporting verbs
    modality: dict[str, str] = field(default_factory=dict)   # word → modality
    heads: dict[str, str] = field(default_factory=dict)      # word → entity type a group name starts with
    relcues: dict[str, str] = field(default_factory=dict)    # word → relation cue set(s) (relation_cues.tsv)
    #: (actor id, actor id) → the relation types the knowledge base records between them (any date)
    affiliations: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def from_kb(cls, kb: KnowledgeBase) -> "Lexicons":
        """The tables read from `kb`'s lexicons (the shipped ones plus any overlay)."""
        def table(name: str, col: str) -> dict[str, str]:
            out: dict[str, set[str]] = {}
            for row in kb.lexicon(name):
                term = normalise(row.get("term", "")).strip()
                if term and " " not in term and row.get(col):
                    out.setdefault(term, set()).add(row[col])
            return {k: "|".join(sorted(v)) for k, v in out.items()}

        titles = {}
        for row in kb.lexicon("titles"):
            term = normalise(row.get("term", "")).strip()
            if term and " " not in term:
                titles[term] = row.get("relation") or row.get("kind") or "title"
        cues = frozenset(t for t in table("reporting_verbs", "lemma"))
        relcues = table("relation_cues", "cue") if "relation_cues" in kb.lexicon_names() else {}
        affiliations: dict[tuple[str, str], set[str]] = {}
        for actor_id, actor in kb.actors.items():
            for aff in actor.affiliations:
                affiliations.setdefault((actor_id, aff.target), set()).add(aff.type)
        return cls(table("event_triggers", "event_type"), titles, cues, table("modality", "modality"),
                   table("unit_heads", "type"), relcues, {k: tuple(sorted(v)) for k, v in affiliations.items()})


@dataclass(slots=True)
class ArticleContext:
    """What the features read besides the tokens: entity kinds, event roles and the rules' relations."""

    kinds: dict[str, str]
    roles: dict[tuple[str, str], list[str]]
    rules: dict[tuple[str, str], list[str]]
    mention_starts: frozenset[int]
    #: entity id → knowledge-base id (for the `kb=` features)
    kb_ids: dict[str, str] = field(default_factory=dict)
    #: per token index, its feature strings (filled on first use; see `_token`)
    tokens: dict[int, "_Tok"] = field(default_factory=dict)
    #: per token range between a pair, its features (filled on first use; see `_between`)
    gaps: dict[tuple[int, int], tuple[list[str], list[str], list[str]]] = field(default_factory=dict)

    @classmethod
    def build(cls, entities: Sequence[Entity], events: Sequence[Event], relations: Sequence[Relation],
              mention_starts: Iterable[int] = ()) -> "ArticleContext":
        """Index the article's entities, events and rule relations for pair lookups."""
        roles: dict[tuple[str, str], list[str]] = {}
        for ev in events:
            parts = [("agent", a) for a in ev.agents] + [("target", t) for t in ev.targets]
            if ev.place:
                parts.append(("place", ev.place))
            for r1, e1 in parts:
                for r2, e2 in parts:
                    if e1 != e2:
                        roles.setdefault((e1, e2), []).append(f"{ev.type}:{r1}-{r2}")
        rules: dict[tuple[str, str], list[str]] = {}
        for r in relations:
            rules.setdefault((r.head, r.tail), []).append(f"{r.type}:fwd")
            rules.setdefault((r.tail, r.head), []).append(f"{r.type}:rev")
        return cls({e.id: e.kind or "" for e in entities}, roles, rules, frozenset(mention_starts),
                   {e.id: e.kb_id for e in entities if e.kb_id})

    @classmethod
    def of(cls, analysis: Analysis, mention_starts: Iterable[int] = ()) -> "ArticleContext":
        """The context of an analysed article (its relations are the hand rules' output)."""
        return cls.build(analysis.entities, analysis.events, analysis.relations, mention_starts)


def _bucket(n: int) -> str:
    for top, name in _BUCKETS:
        if n <= top:
            return name
    return "13+"


def _prefix(name: str, stem: str) -> tuple[str, ...]:
    """The stem's first `PREFIX` letters as a feature, when the stem is longer (one feature for
    «سيطرة», «سيطرته», «سيطرتها»: enclitics and endings vary, the start of the word does not)."""
    return (f"{name}{stem[:PREFIX]}",) if len(stem) > PREFIX else ()


def _lex(tok: Token, lex: Lexicons) -> list[str]:
    """Lexicon hits of one token (its normalised form, then its stem), without a position prefix."""
    out = []
    for form in (tok.norm, tok.stem):
        t = lex.triggers.get(form)
        if t:
            out.append(f"trig={t}")
            break
    ti = lex.titles.get(tok.stem) or lex.titles.get(tok.norm)
    if ti:
        out.append(f"title={ti}")
    if tok.norm in lex.cues:
        out.append("cue")
    mo = lex.modality.get(tok.norm)
    if mo:
        out.append(f"mod={mo}")
    rc = lex.relcues.get(tok.norm) or lex.relcues.get(tok.stem)
    if rc:
        out.append(f"rc={rc}")
    return out


@dataclass(frozen=True, slots=True)
class _Tok:
    """The feature strings of one token, by the place it takes around a pair."""

    between: tuple[str, ...]      # b=word and lexicon hits, whatever the order
    stem_ht: str                  # bs=stem|h<t
    stem_th: str                  # bs=stem|t<h
    left: tuple[str, ...]         # l=… lexicon hits (the stem feature carries its distance: l1=, l2=)
    right: tuple[str, ...]
    is_break: bool
    is_conj: bool
    is_rel: bool


def _token(ctx: ArticleContext, tokens: Sequence[Token], i: int, lex: Lexicons) -> _Tok:
    """Token `i`'s feature strings, computed once per article."""
    got = ctx.tokens.get(i)
    if got is None:
        tok = tokens[i]
        hits = _lex(tok, lex)
        got = ctx.tokens[i] = _Tok(
            (f"b={tok.norm}", *_prefix("bp=", tok.stem), *(f"b{h}" for h in hits)), f"bs={tok.stem}|h<t",
            f"bs={tok.stem}|t<h",
            tuple(f"l{h}" for h in hits), tuple(f"r{h}" for h in hits), tok.norm in CLAUSE_BREAKS,
            tok.norm == _CONJ or tok.prefix.startswith("و"), tok.norm in _RELATIVES)
    return got


def _between(tokens: Sequence[Token], a: int, b: int, ctx: ArticleContext,
             lex: Lexicons) -> tuple[list[str], list[str], list[str]]:
    """The features of the tokens [a, b) between a pair: those of either order, then of h<t, of t<h."""
    gap = b - a
    common = [f"dist={_bucket(gap)}"]
    fwd = [f"dist={_bucket(gap)}|h<t"]
    rev = [f"dist={_bucket(gap)}|t<h"]
    breaks = conj = rel = others = 0
    cache = ctx.tokens
    for i in range(a, b):
        tk = cache.get(i) or _token(ctx, tokens, i, lex)
        if tk.is_break:
            breaks += 1
            continue
        common.extend(tk.between)
        fwd.append(tk.stem_ht)
        rev.append(tk.stem_th)
        conj += tk.is_conj
        rel += tk.is_rel
        if i in ctx.mention_starts:
            others += 1
    if gap:
        for order, out in (("h<t", fwd), ("t<h", rev)):
            out.append(f"bf={tokens[a].norm}|{order}")
            out.append(f"bl={tokens[b - 1].norm}|{order}")
            if gap <= 3:
                out.append("bseq=" + "_".join(tokens[i].stem for i in range(a, b)) + f"|{order}")
            if rel:
                out.append(f"rel|{order}")
    common += [f"breaks={min(breaks, 2)}", f"conj={min(conj, 2)}", f"others={min(others, 2)}"]
    return common, fwd, rev


def extract(tokens: Sequence[Token], cand: Candidate, ctx: ArticleContext, lex: Lexicons) -> list[str]:
    """The features of one candidate pair."""
    tp = f"{cand.head_type}>{cand.tail_type}"
    order = "h<t" if cand.head_first else "t<h"
    out = [f"tp={tp}", f"ord={order}", f"tp={tp}|{order}", f"tk={ctx.kinds.get(cand.tail, '')}",
           f"hk={ctx.kinds.get(cand.head, '')}"]
    hf, hl = cand.head_span
    tf, tl = cand.tail_span
    out.append(f"hw={tokens[hf].stem}")
    out.append(f"tw={tokens[tf].stem}")
    if hf > 0 and tokens[hf - 1].sentence == cand.sentence:
        out.append(f"hl1={tokens[hf - 1].stem}")
    if tf > 0 and tokens[tf - 1].sentence == cand.sentence:
        out.append(f"tl1={tokens[tf - 1].stem}")
    if cand.nested:
        out.append("nest=" + ("head-outer" if hf <= tf and tl <= hl else "tail-outer"))
        out.append(f"nest|tp={tp}|{tokens[hf].stem}")
    a, b = cand.gap
    got = ctx.gaps.get((a, b))
    if got is None:
        got = ctx.gaps[(a, b)] = _between(tokens, a, b, ctx, lex)
    out.extend(got[0])
    out.extend(got[1] if cand.head_first else got[2])
    out.extend(f"{f}|{tp}|{order}" for f in got[0] if f.startswith(_CUED))
    first, last = min(hf, tf), max(hl, tl)
    for k in range(1, WINDOW + 1):
        i = first - k
        if i >= 0 and tokens[i].sentence == cand.sentence:
            out.append(f"l{k}={tokens[i].stem}")
            out.extend(_prefix("lp=", tokens[i].stem))
            out.extend((ctx.tokens.get(i) or _token(ctx, tokens, i, lex)).left)
        j = last + k
        if j < len(tokens) and tokens[j].sentence == cand.sentence:
            out.append(f"r{k}={tokens[j].stem}")
            out.extend(_prefix("rp=", tokens[j].stem))
            out.extend((ctx.tokens.get(j) or _token(ctx, tokens, j, lex)).right)
    out.extend(pair_features(cand, ctx, lex))
    return out


def pair_features(cand: Candidate, ctx: ArticleContext, lex: Lexicons, prefix: str = "") -> list[str]:
    """What the article already says of a pair: event roles, rules that fired, the knowledge base's
    affiliations both ways; each feature name starts with `prefix`."""
    out = [f"{prefix}ev={role}" for role in ctx.roles.get((cand.head, cand.tail), ())]
    out += [f"{prefix}rule={rule}" for rule in ctx.rules.get((cand.head, cand.tail), ())]
    kh, kt = ctx.kb_ids.get(cand.head), ctx.kb_ids.get(cand.tail)
    if kh and kt:
        out.extend(f"{prefix}kb={r}:fwd" for r in lex.affiliations.get((kh, kt), ()))
        out.extend(f"{prefix}kb={r}:rev" for r in lex.affiliations.get((kt, kh), ()))
    return out
