"""Nominal coreference: a later definite head noun becomes a mention of the named entity it repeats.

After «تنظيم داعش» an article says «التنظيم»; after «كتيبة 166», «الكتيبة»; after «المرصد السوري لحقوق
الإنسان», «المرصد». Such a bare definite word (any proclitics, «هذه الكتيبة» too), outside every other
mention, is taken as a mention of the entity the article named most recently with that head noun,
within `REACH` sentences, when

- the head is one of the listed group and body heads (`marsad/data/names/nominal_heads.txt`) and the
  entity's type is one the head may stand for;
- the entity's name as the article writes it starts with that head («تنظيم داعش»), or one of its
  knowledge-base names does («داعش»: «تنظيم الدولة»; not for «قوات», too loose for that); a name the
  knowledge base does not know must name one body («كتيبة شهداء الوادي», «الكتيبة 21»), not describe
  some («المليشيات الخارجة عن القانون», «القوات الحكومية», «جماعة إرهابية»): a description only competes;
- exactly one entity with that head is in play within reach: two councils, two governments or two
  «قوات X» make the word ambiguous and it is left alone;
- the word is not the start of another name: no mention of a group, body or place, no number and no
  definite word after it that the entity's name lacks («المجلس البلدي» after «مجلس النواب», evaluative
  adjectives aside: «التنظيم الإرهابي»), and no person's name after a head that is also a rank
  («اللواء سالم»; a person after another head is in apposition to the word before: «مدير المرصد رامي
  عبد الرحمن»).

A head noun in brackets right after a name glosses that name («مجلس نواب الشعب (البرلمان)») and is a
mention of it whatever came before.

The new mentions carry the entity's candidates (`source` "nominal"), so every later layer (relations,
events, claims, framing) sees them as mentions of that entity; they never name the entity. One pass over
the tokens with a table of the last entity per head: linear in the article's length.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib import resources as package_files

from marsad.extract.names.cands import Cand
from marsad.extract.names.matcher import name_words
from marsad.knowledge import KnowledgeBase
from marsad.knowledge.cache import per_kb
from marsad.model import Token
from marsad.text.normalise import normalise

#: a nominal refers at most this many sentences after the entity's last mention
REACH = 8
#: confidence of a mention found this way
CONFIDENCE = 0.7
#: adjectives that qualify a group without naming another one («التنظيم الإرهابي»)
_EVALUATIVE = frozenset(normalise(w) for w in (
    "إرهابي", "إرهابية", "متطرف", "متطرفة", "متشدد", "متشددة", "مذكور", "مذكورة", "جهادي", "جهادية"))
#: heads too loose to be read off a knowledge-base alias: any side's troops are «القوات» («القوات المسلحة
#: السودانية» is an alias of the Sudanese army, yet «تجميع القوات» gathers both sides'); only a name the
#: article itself writes with them («قوات الردع») is repeated by them, and only in the next sentence
#: («إرسال المزيد من القوات» further on are often another state's troops)
_LOOSE = frozenset(normalise(w) for w in ("قوات",))
#: how far (in sentences) a loose head reaches
_LOOSE_REACH = 1
#: heads that are also military ranks, written before a person's name («اللواء سالم»)
_RANKS = frozenset({normalise("لواء")})


@lru_cache(maxsize=1)
def nominal_heads() -> dict[str, frozenset[str]]:
    """Bare head nouns (normalised, no «ال») -> the entity types each may stand for."""
    text = package_files.files("marsad").joinpath("data/names/nominal_heads.txt").read_text(encoding="utf-8")
    out: dict[str, frozenset[str]] = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 2 and not line.startswith("#"):
            out[normalise(parts[0])] = frozenset(parts[1:])
    return out


def bare(tok: Token) -> tuple[str, bool]:
    """The word without proclitics or article, and whether it carries the article («للقوات» → قوات, True)."""
    if tok.prefix.endswith(("ال", "لل")):
        return tok.stem, True
    word = tok.stem if tok.prefix else tok.norm
    if word.startswith("ال") and len(word) > 3:
        return word[2:], True
    return word, False


def _bare_word(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


@per_kb
def _kb_heads(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """Per actor id, the listed heads that start one of its knowledge-base names (filled on demand)."""
    return {}


def kb_heads(kb: KnowledgeBase, kb_id: str) -> frozenset[str]:
    """The listed head nouns that start the actor's canonical name or one of its aliases."""
    cache = _kb_heads(kb)
    hit = cache.get(kb_id)
    if hit is None:
        actor = kb.actors.get(kb_id)
        vocab = nominal_heads()
        # not a hostile label («ميليشيات حفتر»): the article's «الميليشيات» are then more often the other side
        names = (actor.name, *(a.text for a in actor.aliases if a.stance != "hostile")) if actor is not None else ()
        hit = cache[kb_id] = frozenset(h for h in (_bare_word(w[0]) for w in map(name_words, names) if w)
                                       if h in vocab and h not in _LOOSE and actor is not None and actor.type in vocab[h])
    return hit


def _entity_type(c: Cand, kb: KnowledgeBase) -> str | None:
    if c.type:
        return c.type
    rec = kb.get(c.kb_ids[0]) if c.kb_ids else None
    return rec.type if rec is not None else None


def _identity(c: Cand) -> str:
    return "kb:" + c.kb_ids[0] if len(c.kb_ids) == 1 else f"new:{c.type}:" + " ".join(name_words(c.name or ""))


def _heads(c: Cand, tokens: Sequence[Token], kb: KnowledgeBase, etype: str) -> frozenset[str]:
    """The listed heads a mention of this entity may be repeated by: its own first word's, and those of
    its knowledge-base names («داعش»: «تنظيم الدولة»)."""
    vocab = nominal_heads()
    own = bare(tokens[c.first])[0]
    heads = frozenset({own}) if own in vocab and etype in vocab[own] else frozenset()
    return heads | kb_heads(kb, c.kb_ids[0]) if len(c.kb_ids) == 1 else heads


def _words(c: Cand, tokens: Sequence[Token], kb: KnowledgeBase) -> frozenset[str]:
    """The bare words of a mention and of its knowledge-base name (for the check of the word after)."""
    out = {bare(tokens[i])[0] for i in range(c.first, c.last + 1)}
    actor = kb.actors.get(c.kb_ids[0]) if len(c.kb_ids) == 1 else None
    if actor is not None:
        out.update(_bare_word(w) for w in name_words(actor.name))
    return frozenset(out)


def _starts_other_name(tokens: Sequence[Token], i: int, ant: Cand, starts: dict[int, str | None],
                       kb: KnowledgeBase, given: frozenset[str]) -> bool:
    """Whether the word after the nominal makes it part of another name or a title («اللواء حفتر»,
    «المجلس البلدي», «الكتيبة 155»). A person named after it is in apposition to the word before
    («مدير المرصد رامي عبد الرحمن») unless the nominal is also a rank."""
    j = i + 1
    if j >= len(tokens) or tokens[j].sentence != tokens[i].sentence:
        return False
    nxt = tokens[j]
    if j in starts or nxt.norm in given:
        return starts.get(j) != "PERSON" and nxt.norm not in given or bare(tokens[i])[0] in _RANKS
    word, definite = bare(nxt)
    if nxt.norm[:1].isdigit():
        return nxt.norm not in _words(ant, tokens, kb)
    return definite and word not in _EVALUATIVE and word not in _words(ant, tokens, kb)


class _Chains:
    """Per head noun, the entities mentioned with it so far: the sentence of each one's last mention and
    whether a nominal may refer to it (a description such as «القوات الحكومية» only competes)."""

    def __init__(self, reach: int) -> None:
        self.reach = reach
        self.recent: dict[str, dict[str, tuple[int, Cand, bool]]] = {}

    def add(self, head: str, cand: Cand, sentence: int, target: bool = True) -> None:
        """Record a mention of `cand`'s entity with `head` in `sentence`."""
        self.recent.setdefault(head, {})[_identity(cand)] = (sentence, cand, target)

    def only(self, head: str, sentence: int) -> Cand | None:
        """The one entity mentioned with `head` within reach of `sentence`, if a nominal may refer to it;
        None for none, several, or a description."""
        reach = _LOOSE_REACH if head in _LOOSE else self.reach
        live = [(c, target) for sent, c, target in self.recent.get(head, {}).values() if sentence - sent <= reach]
        return live[0][0] if len(live) == 1 and live[0][1] else None


def _loose(c: Cand, tokens: Sequence[Token], vocab: dict[str, frozenset[str]]) -> bool:
    """An unnamed description made of a head noun and evaluative adjectives only («التنظيم الإرهابي»)."""
    if c.kb_ids or c.source not in ("rule", "ner") or c.outer:
        return False
    head, definite = bare(tokens[c.first])
    return definite and head in vocab and c.type in vocab[head] \
        and all(bare(tokens[k])[0] in _EVALUATIVE for k in range(c.first + 1, c.last + 1))


def _proper(c: Cand, tokens: Sequence[Token]) -> bool:
    """Whether a name the knowledge base does not know names one body: a head in construct with a name
    or a number («كتيبة شهداء الوادي», «تنظيم جند الخلافة», «الكتيبة 21»), not a description made of a
    head and its adjectives («المليشيات الخارجة», «القوات الحكومية», «جماعة إرهابية», «محكمة ألمانية»),
    which a later «المليشيات» need not repeat."""
    if c.last > c.first and tokens[c.first + 1].norm[:1].isdigit():
        return True
    if bare(tokens[c.first])[1] or c.last == c.first:
        return False
    word, definite = bare(tokens[c.first + 1])
    return definite or not (len(word) > 3 and word.endswith(("ي", "يه")))


def link_nominals(cands: Sequence[Cand], tokens: Sequence[Token], kb: KnowledgeBase,
                  given: frozenset[str] = frozenset(), reach: int = REACH) -> list[Cand]:
    """New mentions (`source` "nominal") of definite head nouns that repeat a named group or body; an
    unnamed description such as «التنظيم الإرهابي» that repeats one becomes its mention (in place)."""
    vocab = nominal_heads()
    covered = bytearray(len(tokens))
    antecedents: list[tuple[int, Cand, frozenset[str], bool]] = []  # (last token, cand, heads, may be referred to)
    loose: dict[int, Cand] = {}
    for c in cands:
        if not 0 <= c.first <= c.last < len(tokens):
            continue
        covered[c.first:c.last + 1] = b"\x01" * (c.last - c.first + 1)
        etype = _entity_type(c, kb)
        if etype is None or (not c.kb_ids and not c.name) or len(c.kb_ids) > 1:
            continue
        if _loose(c, tokens, vocab):
            loose[c.first] = c
            continue
        heads = _heads(c, tokens, kb, etype)
        if heads:
            antecedents.append((c.last, c, heads, bool(c.kb_ids) or _proper(c, tokens)))
    if not antecedents:
        return []
    antecedents.sort(key=lambda a: a[0])
    starts: dict[int, str | None] = {}
    for c in cands:
        if starts.get(c.first) != "PERSON":
            starts[c.first] = _entity_type(c, kb)
    ends = {c.last: c for c in sorted(cands, key=lambda c: c.last - c.first)}  # the longest mention ending there
    chains = _Chains(reach)
    out: list[Cand] = []
    k, due = 0, antecedents[0][0]  # the next antecedent, recorded once the sweep is past its end
    for i, tok in enumerate(tokens):
        while due < i:
            last, c, heads, target = antecedents[k]
            for h in heads:
                chains.add(h, c, tokens[last].sentence, target)
            k += 1
            due = antecedents[k][0] if k < len(antecedents) else len(tokens)
        if loose and i in loose:
            head = bare(tok)[0]
            ant = chains.only(head, tok.sentence)
            if ant is not None:
                c = loose[i]
                c.kb_ids, c.type, c.name, c.source = list(ant.kb_ids), ant.type, ant.name, "nominal"
                chains.add(head, ant, tok.sentence)
            continue
        if covered[i] or (tok.stem not in vocab and tok.stem[2:] not in vocab):
            continue  # (a quick test first: most words are no head noun)
        head, definite = bare(tok)
        if not definite or head not in vocab:
            continue
        ant = _in_brackets(tokens, i, ends, kb, vocab[head])
        if ant is None:
            ant = chains.only(head, tok.sentence)
            if ant is None or _starts_other_name(tokens, i, ant, starts, kb, given):
                continue
        out.append(Cand(i, i, _start(tok), tok.end, list(ant.kb_ids), ant.type, ant.name, "nominal",
                        confidence=CONFIDENCE))
        chains.add(head, ant, tok.sentence)
    return out


def _in_brackets(tokens: Sequence[Token], i: int, ends: dict[int, Cand], kb: KnowledgeBase,
                 types: frozenset[str]) -> Cand | None:
    """The mention a bracketed head noun glosses, right before the brackets («مجلس نواب الشعب (البرلمان)»)."""
    if i < 2 or i + 1 >= len(tokens) or tokens[i - 1].text != "(" or tokens[i + 1].text != ")":
        return None
    c = ends.get(i - 2)
    if c is None or len(c.kb_ids) > 1 or (not c.kb_ids and not c.name) or _entity_type(c, kb) not in types:
        return None
    return c


def _start(tok: Token) -> int:
    """Where the mention starts: at the article, after any other proclitic («وللتنظيم» → «لتنظيم»)."""
    if tok.prefix.endswith("لل"):
        return tok.stem_start - 1
    if tok.prefix.endswith("ال"):
        return tok.stem_start - 2
    return tok.stem_start
