"""The `entities` component: actors and places, linked to the knowledge base where known.

Steps: dictionary matching over clitic-split tokens (`names.matcher`), context rules for names the
KB does not know (`names.rules`), the statistical NER model as a net for the rest (`marsad.ner`, when
its model is shipped), then disambiguation, coreference (`names.resolve`; definite head nouns that repeat a
named group or body, «التنظيم» after «تنظيم داعش»: `names.nominal`) and assembly (`names.resolve`).

Besides `analysis.entities`, the component assigns two working layers (`marsad.layers`) for later
components: `mentions` (every mention as a `Cand`, sorted, with its entity id) and `hints`
(relations read off names: spokesman of, commander of, based in …). The knowledge base and the NER
tagger come from the pipeline's shared `Resources`.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from importlib import resources as package_files
from collections.abc import Sequence

from marsad.extract.names.cands import Cand
from marsad.extract.names.inner import inner_places
from marsad.extract.names.lexicon import lexicon_rows, rule_lexicon
from marsad.extract.names.matcher import Match, NameTrie, name_words
from marsad.extract.names.resolve import (
    assemble, country_of, disambiguate, link_generic_bodies, link_group_pronouns, link_regions, link_surnames,
    link_unnamed_holders, main_army, merge_unnamed_roles, SURNAME_MAX_COUNT, relink_generic_bodies,
)
from marsad.extract.names.nominal import link_nominals
from marsad.extract.names.ner_net import GATE_MAX_COUNT, WINDOW_AFTER, WINDOW_BEFORE, NerNet
from marsad.extract.names.rules import RuleContext, find_rule_mentions, titles_over
from marsad.knowledge import KnowledgeBase, Place
from marsad.knowledge.cache import per_kb
from marsad.layers import HINTS, MENTIONS, NORM
from marsad.model import Analysis, Token
from marsad.options import Option
from marsad.pipeline import register
from marsad.resources import Resources
from marsad.text.clitics import word_count
from marsad.text.normalise import normalise

# small places whose names are also everyday words need a cue («بلدة الأمل», «في الأمل»)
_GUARDED_KINDS = frozenset({"village", "neighbourhood", "natural", "facility"})
_PLACE_PREPS = frozenset({"في", "فى", "من", "الى", "إلى", "قرب", "بالقرب", "نحو", "داخل", "حول", "جنوب",
                          "شمال", "شرق", "غرب", "مدينه", "بلده", "قريه", "منطقه"})
#: a single-word place name seen this often in news is an everyday word first
_COMMON_WORD = 5000
#: words of quantity: a «place» right after one is a unit («150 ألف نسمة», «90 في المائة»)
_QUANTITY = frozenset({"الف", "الاف", "مليون", "ملايين", "مليار", "مئات", "عشرات", "الاف", "مائه", "ميه"})
#: «per hundred» words of percentages («90 في المائة»)
_PER = frozenset({"المايه", "الميه", "الالف"})
#: words after which a gentilic form still names the country («في سورية», «و السعودية»)
_PARTICLES = frozenset(normalise(w) for w in _PLACE_PREPS | {"و", "او", "ثم", "بين", "مع", "عن", "على", "علي", "ضد", "عبر", "لدى", "لدي",
                                       "بعد", "قبل", "منذ", "حتى", "حتي", "ان", "إن", "أن", "دوله", "زار", "يزور"})


@per_kb
def name_trie(kb: KnowledgeBase) -> NameTrie:
    """The name trie of a knowledge base (built once per KB object)."""
    return NameTrie(kb.names())


OPTIONS = (
    Option("ner", bool, True, "run the statistical NER model as a net for names the knowledge base and rules miss"),
    Option("ner_model", str, None, 'the NER model: "crf" (the default, fast), "neural" or a model file '
           '(.crfsuite or .npz)', optional=True),
    Option("ner_gate_max_count", int, GATE_MAX_COUNT, "a sentence goes to the NER model only if one of its words "
           "is seen fewer times than this in news (or is a given name)", low=0),
    Option("ner_window_before", int, WINDOW_BEFORE, "tokens tagged by the NER model before a possible name word", low=0),
    Option("ner_window_after", int, WINDOW_AFTER, "tokens tagged by the NER model after a possible name word", low=0),
    Option("surname_max_count", int, SURNAME_MAX_COUNT, "a last name seen this often in news is not linked to "
           "the person on its own", low=0),
    Option("nominal_coref", bool, True, "take a later definite head noun («التنظيم», «الكتيبة») as a mention of "
           "the group or body the article named with it"),
)


@register("entities", requires=("tokens", "norm"), assigns=("entities", "mentions", "hints"), options=OPTIONS)
class EntityRecognizer:
    """Finds actors and places, links them to the knowledge base and groups their mentions."""

    def __init__(self, resources: Resources, *, ner: bool = True, ner_model: str | None = None,
                 ner_gate_max_count: int = GATE_MAX_COUNT, ner_window_before: int = WINDOW_BEFORE,
                 ner_window_after: int = WINDOW_AFTER, surname_max_count: int = SURNAME_MAX_COUNT,
                 nominal_coref: bool = True) -> None:
        self.kb: KnowledgeBase = resources.kb
        self.trie = name_trie(self.kb)
        self.lex = rule_lexicon(self.kb)
        tagger = resources.ner_tagger(ner_model) if ner else None
        self.ner = NerNet(tagger, gate_max_count=ner_gate_max_count, window_before=ner_window_before,
                          window_after=ner_window_after, stop=self.lex.cues.stop) if tagger is not None else None
        self.surname_max_count = surname_max_count
        self.nominals = nominal_coref
        self._gentilics = self._gentilic_table()
        self._adjectives = self._adjective_table()
        self._gentilic_forms = frozenset(normalise(r.get("term", "")).strip() for r in lexicon_rows(self.kb, "gentilics"))

    def _adjective_table(self) -> dict[str, tuple[str, ...]]:
        """Country code -> its singular adjectives with the article («العراقي», «العراقية»)."""
        out: dict[str, list[str]] = {}
        for row in lexicon_rows(self.kb, "gentilics"):
            term, place = row.get("term", "").strip(), self.kb.places.get(row.get("place", ""))
            if place is not None and place.country and term.startswith("ال") and term.endswith(("ي", "ية")) \
                    and " " not in term:
                forms = out.setdefault(place.country.upper(), [])
                if len(forms) < 2 and not any(f.endswith("ية") == term.endswith("ية") for f in forms):
                    forms.append(term)
        return {k: tuple(v) for k, v in out.items()}

    def _gentilic_table(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for row in lexicon_rows(self.kb, "gentilics"):
            place = self.kb.places.get(row.get("place", ""))
            if place is not None and place.country:
                for w in name_words(row.get("term", ""))[:1]:
                    out[w] = place.country.upper()
        return out

    def __call__(self, analysis: Analysis) -> Analysis:
        tokens = analysis.tokens
        text = analysis.text
        norm_text = NORM.get(analysis).norm
        self._context_seen: dict[str, bool] = {}
        self._place_ends: dict[int, set[str]] = {}
        cands = []
        for m in self.trie.match(tokens, text):
            cand = self._from_match(m, tokens, norm_text)
            if cand is not None:
                cands.append(cand)
                countries = {(rec.country or "").upper() for rec in map(self.kb.get, cand.kb_ids) if isinstance(rec, Place)}
                if countries:
                    self._place_ends[cand.last] = countries
        if self.ner is not None:
            cands += self.ner(tokens, text, cands)  # the rules then see the model's names too
        self._extend_by_gentilic(cands, tokens)
        cands += link_generic_bodies(cands, tokens, self.kb)  # «الناطق باسم الجيش» then finds its army
        ctx = RuleContext(tokens, text, self.kb, self.lex, cands)
        find_rule_mentions(ctx)
        relink_generic_bodies(ctx.new, main_army(cands, self.kb), cands, tokens, self.kb)
        gone = {id(c) for c in ctx.dropped}
        cands = [c for c in cands if id(c) not in gone] + ctx.new
        seats, seat_hints = inner_places(cands, tokens, text, self.trie, self.kb)
        cands += seats
        ctx.hints.extend(seat_hints)
        lead = disambiguate(cands, self.kb, self._votes(tokens), self._adjectives,
                            lambda words: any(self._in_text(w, norm_text) for w in words))
        link_regions(ctx.regions, self.kb, lead)
        merge_unnamed_roles(ctx.hints)
        link_unnamed_holders(cands, ctx.hints, self.kb)
        later = seats + link_surnames(cands, tokens, text, self.kb, self.lex.given_names, self.surname_max_count,
                                      self.lex.cues.stop)
        cands += later[len(seats):]
        pronouns = link_group_pronouns(cands, tokens, self.kb)
        cands += pronouns
        if self.nominals:
            cands += self._nominals(cands, tokens, ctx, later + pronouns)
        analysis.entities = assemble(cands, ctx.hints, self.kb, text, self.lex.given_names)
        MENTIONS.set(analysis, sorted(cands, key=lambda c: (c.start, -c.end)))
        HINTS.set(analysis, ctx.hints)
        return analysis

    def _nominals(self, cands: list[Cand], tokens: Sequence[Token], ctx: RuleContext,
                  unseen: list[Cand]) -> list[Cand]:
        """Mentions of head nouns repeating a named body («التنظيم»), and the people their titles name
        («مدير المرصد رامي عبد الرحمن»: the rules' context, told of the `unseen` mentions found after the
        rules ran, takes the hint)."""
        found = link_nominals(cands, tokens, self.kb, self.lex.given_names)
        if not found:
            return []
        ctx.extend(unseen + found)
        before = len(ctx.new)
        titles_over(ctx, found)
        return found + ctx.new[before:]

    def _extend_by_gentilic(self, cands: list[Cand], tokens: Sequence[Token]) -> None:
        """A known body's name followed by its own country's adjective is one name («حكومة الوفاق الوطني
        الليبية», «المجلس الأعلى للدولة الليبية»): the mention takes the adjective in (in place)."""
        starts = {c.first for c in cands}
        for c in cands:
            j = c.last + 1
            if not c.kb_id or j >= len(tokens) or j in starts or tokens[j].sentence != tokens[c.last].sentence:
                continue
            tok = tokens[j]
            if tok.prefix not in ("", "ال") or not tok.norm.startswith("ال") or tok.start == tokens[c.last].end:
                continue
            actor = self.kb.actors.get(c.kb_id)
            country = self._gentilics.get(tok.norm)
            if actor is None or actor.type not in ("ORGANIZATION", "ARMED_GROUP") or country is None \
                    or country_of(self.kb, actor.id) not in (None, country):
                continue
            c.last, c.end = j, tok.end

    def _listed_after_place(self, tokens: Sequence[Token], m: Match, place: Place) -> bool:
        """«رأس لانوف والسدرة»: a name joined by «و» to a place of the same country just named is listed
        as a place too (not «تعز والبيضاء» for Libya's al-Bayda)."""
        tok = tokens[m.first]
        return m.first > 0 and tok.prefix.startswith("و") and tokens[m.first - 1].sentence == tok.sentence \
            and (place.country or "").upper() in self._place_ends.get(m.first - 1, set())

    def _other_given_name(self, entries: list, tokens: Sequence[Token], i: int) -> bool:
        """A lone surname right after a given name that is not the known person's own first name."""
        prev = tokens[i - 1]
        if prev.sentence != tokens[i].sentence or prev.norm not in self.lex.given_names:
            return False
        for entry in entries:
            actor = self.kb.actors.get(entry.kb_id)
            if actor is None or actor.type != "PERSON":
                return False
            if name_words(actor.name)[:1] == (prev.norm,):
                return False
        return True

    def _in_text(self, word: str, norm_text: str) -> bool:
        """Whether a context word occurs in the article (answers cached per article)."""
        hit = self._context_seen.get(word)
        if hit is None:
            hit = self._context_seen[word] = normalise(word) in norm_text
        return hit

    def _needs_cue(self, place: Place, tok: Token) -> bool:
        """Small places, and places named by an everyday word («الجديد», «السلام»), need a place cue."""
        if place.kind in ("country", "capital"):
            return False
        if place.kind in _GUARDED_KINDS:
            return True
        word = ("ال" + tok.stem) if tok.prefix.endswith("ال") else (tok.stem if tok.prefix else tok.norm)
        return word in _everyday_places() or word_count(word) >= _COMMON_WORD or word in self.lex.given_names

    def _adjective(self, tokens: Sequence[Token], m: Match) -> bool:
        """A country name written like its gentilic, right after a noun of the same definiteness
        («مدن سورية», «الطائرات السعودية»): the adjective, not the place."""
        tok = tokens[m.first]
        if m.first != m.last or m.first == 0 or tok.prefix.rstrip("ال") != "":
            return False
        if tok.norm not in self._gentilic_forms:
            return False
        prev = tokens[m.first - 1]
        if prev.sentence != tok.sentence or not prev.norm[:1].isalpha() or prev.end == tok.start:
            return False
        word = prev.stem if prev.prefix else prev.norm
        if prev.norm in _PARTICLES or word in _PARTICLES or prev.prefix.startswith(("ب", "ل", "ك")):
            return False
        definite = tok.norm.startswith("ال")
        return (prev.norm.startswith("ال") or prev.prefix.endswith("ال")) == definite

    def _votes(self, tokens: Sequence[Token]) -> Counter[str]:
        votes: Counter[str] = Counter()
        for tok in tokens:
            country = self._gentilics.get(tok.norm) or self._gentilics.get(tok.stem)
            if country:
                votes[country] += 1
        return votes

    def _from_match(self, m: Match, tokens: Sequence[Token], norm_text: str) -> Cand | None:
        """A candidate from a dictionary match, or None when its context rules or guards fail."""
        kept = []
        for entry in m.entries:
            if entry.context and not any(self._in_text(w, norm_text) for w in entry.context):
                continue
            rec = self.kb.get(entry.kb_id)
            if isinstance(rec, Place) and m.first == m.last and self._needs_cue(rec, tokens[m.first]) \
                    and not _has_cue(tokens, m) and not self._listed_after_place(tokens, m, rec):
                continue
            kept.append(entry)
        if kept and any(_small_place(self.kb.get(e.kb_id)) for e in kept) and _after_quantity(tokens, m.first) \
                or kept and any(isinstance(self.kb.get(e.kb_id), Place) for e in kept) and self._adjective(tokens, m):
            return None  # «ألف نسمة», «في المائة», «غارات تركية», «الطائرات السعودية»
        if not kept:
            return None
        if m.first == m.last and m.first > 0 and self._other_given_name(kept, tokens, m.first):
            return None  # «علي تنتوش» is not «عمر تنتوش»: the rules make a new person of it
        # an alias whose context rule is met wins over the same alias without one («داعش» in Libya)
        with_context = [e for e in kept if e.context]
        if with_context and len({e.kb_id for e in kept}) > 1:
            kept = with_context
        stance = next((e.stance for e in kept if e.stance), None)
        ids = list(dict.fromkeys(e.kb_id for e in kept))  # a name given twice (canonical and stanced alias)
        return Cand(m.first, m.last, m.start, m.end, ids, stance=stance, confidence=0.95 if len(ids) == 1 else 0.8)


@lru_cache(maxsize=1)
def _everyday_places() -> frozenset[str]:
    """Place names that are everyday words too (marsad/data/names/everyday_places.txt), normalised."""
    text = package_files.files("marsad").joinpath("data/names/everyday_places.txt").read_text(encoding="utf-8")
    return frozenset(normalise(w.strip()) for w in text.splitlines() if w.strip() and not w.startswith("#"))


def _small_place(rec: object) -> bool:
    """A place smaller than a city (towns, villages, neighbourhoods, facilities …)."""
    return isinstance(rec, Place) and rec.kind not in ("country", "capital", "city", "region", "district")


def _after_quantity(tokens: Sequence[Token], i: int) -> bool:
    """True after a number or a word of quantity («150 ألف نسمة»), and for «في المائة» after a number."""
    j = i - 1
    if j >= 0 and tokens[j].norm in ("في", "فى") and tokens[i].norm in _PER and tokens[j].sentence == tokens[i].sentence:
        j -= 1
    if j < 0 or tokens[j].sentence != tokens[i].sentence:
        return False
    prev = tokens[j].norm
    if tokens[i].prefix not in ("", "ال", "بال"):
        return False  # «6 للسنغال»
    return prev.replace(".", "").replace(",", "").isdigit() or prev in _QUANTITY


def _has_cue(tokens: Sequence[Token], m: Match) -> bool:
    """True when a small place's name is introduced as a place («في», «بلدة», «قرب» …)."""
    tok = tokens[m.first]
    if m.via_stem and tok.prefix[:1] in ("ب", "ل"):
        return True
    if m.first == 0:
        return False
    prev = tokens[m.first - 1]
    return prev.sentence == tok.sentence and (prev.norm in _PLACE_PREPS or prev.stem in _PLACE_PREPS)
