"""The `events` component: what happened, to whom, where, when, how surely, and according to whom.

Triggers come from the knowledge base's `event_triggers` lexicon (verbs and verbal nouns, matched
on the clitic-free stem, also with a pronoun suffix removed: «ولائهم» → «ولاء»; multi-word triggers
such as «تشكيل قوة» too). For each trigger, within its sentence:

- agents: an actor right after a verb («سيطرت قوات X»), the author after «لـ» of an attack, clash or
  campaign («حملة عسكرية للقوات»), the subject of a relative clause whose verb carries the event as
  its object pronoun («هدنة أعلنتها روسيا»), the group of the members named («قوات تابعة للجيش»),
  the speaker of the claim an accusation cues, else the nearest actor before it in the same clause (a
  subject, or «اتصالات حفتر … حشد»); a pronoun-only subject takes the last person named; a place that
  falls or submits to a side («سقطت المدينة بيد X», «تخضع لسيطرة X») is taken by that side; support
  received («تلقى X دعما من Y») is given by Y; the author of an act suffered («تعرضت لهجوم من X») follows
  «من»; an agent named by a common noun only («مسلحون انشقوا», «الميليشيات التي سيطرت», «استولى عليها
  مسلحون», «في هجوم لمسلحين») is left null but counts for the event's confidence (less than a named one,
  and such an event yields its sentence's slot to a named one); never after a killing verb, nor a
  noun in the accusative after a verb («يستهدف مسلحين»: its object);
- targets: an actor after «على / ضد / من / في صفوف» or right after a verbal noun («طرد الجضران»); the
  subject of «تعرض لـ» (who suffered the act: not an aim, as «لـ» + verbal noun otherwise is);
- place: a place after «في / ب / قرب …», else a place in the same clause; of several, the most
  specific (a facility or district before its town, a town before its country); a place taken that
  is named by a pronoun or a common noun («استولى عليها», «دخلوا المدينة») is the town named last;
- time: a time expression in the sentence, else the time of the claim that carries the event;
- modality: attempted («حاول»), failed («باءت بالفشل»), denied (a denying claim or «لم»), planned
  («تعتزم»), possible («قد» + present, «ربما»), else asserted — cues from the `modality` lexicon;
- claim: the claim whose content contains the trigger (None when the narrator states it).
No event: what is prevented («لمنع …»), asked for («دعت إلى التهدئة»), refused, or referred back to
(«هذه الانشقاقات»), or «دعما لـ» («in support of», said of another act); «وقع» before another trigger
means «took place» («وقعت اشتباكات»), not signing, and «وقع» is signing only before an agreement word or
a document; words with an everyday sense count only in their event's context («حمّل» with «المسؤولية»,
«تعزيز» before forces, «جمع» before leaders or a name, «إغلاق» with protesters; «فجر» before a day is
dawn); a word ending in «ة» is a noun, never a trigger verb with the pronoun «ه» («حملة», «أسرة»).
Repeated mentions of one happening (same type and participants) become one event; control of
another (or an unnamed) place, or a town of its own, is another event.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from marsad.extract.claims.cues import cue_table
from marsad.extract.claimspan import narrowest_claim
from marsad.extract.names.cands import Cand
from marsad.extract.spanindex import ByKey, LastBefore, Stabbing, clip_clause
from marsad.extract.tokindex import TokenIndex
from marsad.knowledge.cache import per_kb
from marsad.knowledge.readers import read_lexicon
from marsad.layers import MENTIONS
from marsad.model import Analysis, Claim, Event, Offsets, Span, Time, Token
from marsad.options import Option
from marsad.pipeline import register
from marsad.resources import Resources
from marsad.text.clitics import word_count
from marsad.text.normalise import normalise

#: events scoring below this are dropped (a verb with its agent scores 0.7; a bare noun 0.25)
MIN_CONFIDENCE = 0.6
#: a word seen this often with the article in news is a noun when it does not open its clause
_DEFINITE_SEEN = 20
#: types whose trigger is a speech act made by the speaker of the claim it cues (not «حذر من أن …»:
#: a warning reports a threat by others)
_SPEECH_ACTS = frozenset({"ACCUSATION"})
_VIOLENT = frozenset({"ATTACK", "ARMED_CLASH", "VIOLENCE_AGAINST_CIVILIANS", "PROTEST", "ARREST"})
#: at most this many events (of different types) per sentence
MAX_PER_SENTENCE = 3
#: how far (in tokens) from its trigger an event's place may stand
PLACE_WINDOW = 12
#: event_cues sets compared with a token's bare stem (no proclitics, no article); the others with the
#: normalised token
_BARE_CUES = frozenset({"belonging", "civil_body", "civilians", "court", "fall", "figurative", "inquiry", "instrument", "killing", "occur", "seize",
                        "legal_context", "light_verb", "members", "not_after_ba", "not_trigger", "penalty",
                        "place_noun", "ruling", "try", "unnamed_agent", "submit", "holder_noun", "receive", "undergo", "responsibility", "document",
                        "military_object", "gathered", "protesters"})

#: verbal nouns whose following genitive is the agent («هجوم تنظيم الدولة»); for the others it is the
#: one undergoing the event («طرد الجضران», «اعتقال X»)
_GENITIVE_AGENT = frozenset({"ATTACK", "ARMED_CLASH", "MOBILIZATION", "SUPPORT", "MEETING", "THREAT",
                             "ACCUSATION", "TERRITORY_CONTROL", "DEFECTION", "ALLEGIANCE", "AGREEMENT", "PROTEST"})
#: what an agent named by a common noun only («مسلحون») adds to an event's confidence (a named one adds 0.25)
UNNAMED_AGENT_WEIGHT = 0.2
#: trigger words with an everyday sense (event_cues set), the set their context must hold, and where:
#: "next" (the word after them, or a name there) or "clause" (anywhere in their sentence)
_CONTEXT_RULES = (("reinforce", "military_object", "next"), ("gather", "gathered", "next"),
                  ("closing", "protesters", "clause"))
#: how many sentences back a place named by a pronoun or a common noun («عليها», «المدينة») may be found
REFERENCE_SENTENCES = 3
#: verbal nouns whose author may follow with «لـ»: «في هجوم لتنظيم X», «حملة عسكرية للقوات المسلحة»,
#: «تعزيزات لقوات النظام»
_AUTHOR_AFTER_LA = frozenset({"ATTACK", "ARMED_CLASH", "MOBILIZATION"})
_VIOLENT_AUTHOR = frozenset({"ATTACK", "ARMED_CLASH"})
#: how far before a verbal noun its agent may stand
NOUN_AGENT_WINDOW = 4
_DENY = normalise("نفى")
_IN_SUPPORT_OF = normalise("دعما")
_UNSEEN = object()
_SUFFIXES = ("هما", "هم", "هن", "ها", "ه", "كم", "نا")  # not «ي»: «الاجتماعي», «السلبي» are adjectives
_ACTOR_TYPES = frozenset({"PERSON", "ARMED_GROUP", "TRIBE", "ORGANIZATION", "GPE", "MEDIA"})
_PLACE_TYPES = frozenset({"GPE", "LOCATION"})
_ARMED = frozenset({"ARMED_GROUP", "TRIBE", "ORGANIZATION"})
#: endings of a verb carrying its object pronoun (the raw text: «ة» is never one)
_OBJECT_PRONOUNS = ("ها", "ه", "هم", "هما")
_CLAUSE_BREAK = frozenset({"،", ",", ";", "؛", ":", "(", ")"})



@dataclass(slots=True)
class _Trigger:
    first: int
    last: int
    type: str
    verb: bool
    form: str = ""  # the lexicon form matched («قتل» for «وقتله»)


@dataclass(slots=True)
class Candidate:
    """An event a trigger built, before selection: the trigger, the event and its sentence."""

    trigger: _Trigger
    event: Event
    sentence: int


@dataclass(slots=True)
class _Args:
    """The arguments of an event being built."""

    agents: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    place: str | None = None
    spoken: bool = False  # the trigger is the cue of a claim («اتهم», «هدد»): the act is reported as made
    unnamed: int | None = None  # the token of an agent named by a common noun only («مسلحون», «تلك القوات»)


class _Lexicon:
    """Trigger and modality tables from the knowledge base (built once per KB)."""

    def __init__(self, kb: object | None) -> None:
        self.single: dict[str, str] = {}
        self.multi: dict[tuple[str, ...], str] = {}
        self.modality: dict[str, str] = {}
        self.cues: dict[str, frozenset[str]] = _event_cues(kb)
        #: words that open reported speech («قال إن …», «أكد أن …»): the claims layer's `that` set
        self.openers: frozenset[str] = cue_table(kb).words.that
        self.multi_first: frozenset[str] = frozenset()
        if kb is None:
            return
        names = kb.lexicon_names()  # type: ignore[attr-defined]
        if "event_triggers" in names:
            for row in kb.lexicon("event_triggers"):  # type: ignore[attr-defined]
                words = tuple(normalise(row.get("term", "")).split())
                etype = (row.get("event_type") or row.get("type") or "").strip()
                if not words or not etype:
                    continue
                if len(words) == 1:
                    self.single.setdefault(_strip_al(words[0]), etype)
                else:
                    self.multi.setdefault(tuple(_strip_al(w) for w in words), etype)
        self.multi_first = frozenset(k[0] for k in self.multi)
        if "modality" in names:
            for row in kb.lexicon("modality"):  # type: ignore[attr-defined]
                term = normalise(row.get("term", "")).strip()
                if term and " " not in term:
                    self.modality.setdefault(term, row.get("modality", "").strip())
                elif term:
                    self.modality.setdefault(term, row.get("modality", "").strip())


def _strip_al(w: str) -> str:
    """A normalised word without its article."""
    return w[2:] if w.startswith("ال") and len(w) > 3 else w


def _event_cues(kb: object | None) -> dict[str, frozenset[str]]:
    """The word sets of the `event_cues` lexicon (the shipped file when there is no knowledge base)."""
    if kb is not None and "event_cues" in kb.lexicon_names():  # type: ignore[attr-defined]
        rows = kb.lexicon("event_cues")  # type: ignore[attr-defined]
    else:
        rows = read_lexicon(Path(str(resources.files("marsad").joinpath("data/lexicons/event_cues.tsv"))))
    sets: dict[str, set[str]] = {}
    for row in rows:
        cue = row.get("cue", "").strip()
        word = normalise(row.get("term", "").strip())
        if word:
            sets.setdefault(cue, set()).add(_strip_al(word) if cue in _BARE_CUES else word)
    return defaultdict(frozenset, {cue: frozenset(words) for cue, words in sets.items()})


@per_kb
def _lexicon(kb: object | None) -> _Lexicon:
    """The trigger and modality tables of a knowledge base (built once per KB)."""
    return _Lexicon(kb)


@dataclass(frozen=True, slots=True)
class EventSettings:
    """The thresholds of the events component (its options)."""

    min_confidence: float = MIN_CONFIDENCE
    max_per_sentence: int = MAX_PER_SENTENCE
    place_window: int = PLACE_WINDOW
    noun_agent_window: int = NOUN_AGENT_WINDOW


OPTIONS = (
    Option("min_confidence", float, MIN_CONFIDENCE, "events scoring below this are dropped (a verb with its "
           "agent scores 0.7, a bare noun 0.25)", low=0.0, high=1.0),
    Option("max_per_sentence", int, MAX_PER_SENTENCE, "at most this many events (of different types) per sentence",
           low=0),
    Option("place_window", int, PLACE_WINDOW, "how far (in tokens) from its trigger an event's place may stand", low=0),
    Option("noun_agent_window", int, NOUN_AGENT_WINDOW, "how far (in tokens) before a verbal noun its agent may stand",
           low=0),
)


@register("events", requires=("tokens", "entities", "mentions", "times", "claims"), assigns=("events",),
          options=OPTIONS)
class EventFinder:
    """Finds events from trigger words and fills their arguments from the sentence."""

    def __init__(self, resources: Resources, *, min_confidence: float = MIN_CONFIDENCE,
                 max_per_sentence: int = MAX_PER_SENTENCE, place_window: int = PLACE_WINDOW,
                 noun_agent_window: int = NOUN_AGENT_WINDOW) -> None:
        self.lex = _lexicon(resources.kb)
        self.settings = EventSettings(min_confidence, max_per_sentence, place_window, noun_agent_window)

    def __call__(self, analysis: Analysis) -> Analysis:
        finder = _Finder(analysis, self.lex, self.settings)
        analysis.events = finder.run()
        return analysis


class _Finder:
    def __init__(self, analysis: Analysis, lex: _Lexicon, settings: EventSettings = EventSettings()) -> None:
        self.a = analysis
        self.lex = lex
        self.cue = lex.cues
        self.opts = settings
        self.tokens: Sequence[Token] = analysis.tokens
        self.text = analysis.text
        self.types = {e.id: e.type for e in analysis.entities}
        self.kinds = {e.id: e.kind for e in analysis.entities}
        mentions: list[Cand] = MENTIONS.get(analysis)
        self.mentions = [m for m in mentions if m.entity]
        self.stems = [_strip_al(t.stem if t.prefix else t.norm) for t in self.tokens]
        self.starts = [t.start for t in self.tokens]
        self._last_trigger: _Trigger | None = None
        self._found: dict[int, object] = {}
        self._unnamed: set[int] = set()  # id() of the events whose agent is named by a common noun only
        self.index = TokenIndex(self.tokens, self.mentions)
        self.by_entity: dict[str, list[Cand]] = {}
        for m in self.mentions:
            self.by_entity.setdefault(m.entity or "", []).append(m)
        self.by_first: dict[int, list[Cand]] = {}
        for m in self.mentions:
            self.by_first.setdefault(m.first, []).append(m)
        # indexes that keep the look-ups below from scanning the whole article for every trigger
        self.near_entity = {e: ByKey(ms, _first) for e, ms in self.by_entity.items()}
        self.mentions_from = ByKey(self.mentions, _first)
        self.local_places = LastBefore([m for m in self.mentions if self.types.get(m.entity or "") in _PLACE_TYPES
                                        and self.kinds.get(m.entity or "") != "country"], lambda m: m.end)
        self.persons_ending = LastBefore([m for m in self.mentions if self.types.get(m.entity or "") == "PERSON"],
                                         lambda m: m.end)
        self.claims_at = Stabbing(analysis.claims, lambda c: (c.content.start, c.content.end))
        self.claim_cue_at = {c.cue.start: c for c in analysis.claims}
        self.claim_by_id: dict[str, Claim] = {}
        for c in analysis.claims:
            self.claim_by_id.setdefault(c.id, c)
        self.times_from = ByKey(analysis.times, lambda t: t.start)
        self.time_by_id: dict[str, Time] = {}
        for t in analysis.times:
            if t.value:
                self.time_by_id.setdefault(t.id, t)

    def stem(self, i: int) -> str:
        """Token i without proclitics and article (precomputed)."""
        return self.stems[i]

    def trigger_at(self, i: int) -> _Trigger | None:
        """The trigger starting at token i (multi-word first), or None; the lexicon look-up is made
        once per token (only the verb reading depends on the triggers before it)."""
        found = self._found.get(i, _UNSEEN)
        if found is _UNSEEN:
            found = self._found[i] = self._lookup(i)
        if found is None:
            return None
        last, etype, form = found
        if last > i:
            return _Trigger(i, last, etype, False)
        return _Trigger(i, i, etype, self._is_verb(i, form), form)

    def _lookup(self, i: int) -> tuple[int, str, str] | None:
        """(last token, event type, lexicon form) of the trigger words starting at token i, or None."""
        tok = self.tokens[i]
        if not tok.text[:1].isalpha():
            return None
        for size in (3, 2) if self.stems[i] in self.lex.multi_first else ():
            if i + size <= len(self.tokens):
                key = tuple(self.stem(i + k) for k in range(size))
                etype = self.lex.multi.get(key)
                if etype:
                    return i + size - 1, etype, ""

        w, etype = self._single(self.stem(i))
        if etype is None and self.stem(i)[:1] in "وف" and len(self.stem(i)) >= 5 and not tok.prefix \
                and self.lex.single.get(self.stem(i)[1:]):
            w = self.stem(i)[1:]  # «واشتبكت»: a conjunction the clitic split left on (the listed form only)
            etype = self.lex.single[w]
        if etype is None or w in self.cue["not_trigger"] or self.stem(i) in self.cue["not_trigger"] or \
                (tok.prefix == "ب" and w in self.cue["not_after_ba"]):
            return None
        if tok.text.endswith("ة") and w + "ه" == self.stem(i):
            return None  # «حملة», «رحلة»: a feminine noun's «ة», not a pronoun on a verb («حمّل»)
        return i, etype, w

    def _single(self, w: str) -> tuple[str, str | None]:
        """(lexicon form, event type) of one word: as it stands, without a pronoun suffix, the
        accusative «ا», or a present plural or dual ending; (w, None) when none is a trigger."""
        etype = self.lex.single.get(w)
        if etype is None:
            for suf in _SUFFIXES:
                if w.endswith(suf) and len(w) - len(suf) >= 3:
                    base = w[: -len(suf)]
                    for form in (base, base.replace("ئ", "ء"), base[:-1] + "ء" if base.endswith("ي") else base):
                        etype = self.lex.single.get(form)
                        if etype:
                            return form, etype
        if etype is None and w.endswith("ا") and len(w) >= 5 and self.lex.single.get(w[:-1]):
            return w[:-1], self.lex.single[w[:-1]]  # the accusative «هجوما», «تحقيقا», «اتفاقا»
        if etype is None and w[:1] in "يت" and w.endswith(("ون", "ان")) and len(w) >= 6 \
                and self.lex.single.get(w[:-2]):
            return w[:-2], self.lex.single[w[:-2]]  # a present plural or dual verb («يتقاتلون», «تتصارعان»)
        return w, etype

    def _is_verb(self, i: int, w: str) -> bool:
        """A trigger word read as a verb: never with the article; a word news also writes with the
        article («القصف», «الولاء») is a verbal noun unless it opens its clause («وقصفت …»)."""
        tok = self.tokens[i]
        if tok.prefix.endswith(("ال", "لل")) or tok.prefix[:1] in ("ب", "ل", "ك"):
            return False
        if w.endswith(("ات", "ه")) or (w.startswith("م") and len(w) >= 5):
            return False  # a plural or feminine noun («مواجهات», «غارة»), a mim-noun («مظاهرة»)
        if w[:1] in "يت" and len(w) >= 4:
            return True
        bases = [w] + [w[: -len(suf)] for suf in _SUFFIXES if w.endswith(suf) and len(w) - len(suf) >= 3]
        if w.endswith("ا") and len(w) >= 5:
            bases.append(w[:-1])  # the accusative of a verbal noun («هجوما», «اتفاقا»)
        if all(word_count("ال" + b) < _DEFINITE_SEEN for b in bases):
            return True
        last = self._last_trigger
        if tok.prefix.startswith("و") and last is not None and not last.verb and i - last.last <= 8 \
                and self.tokens[last.first].sentence == tok.sentence:
            return False  # «السيطرة على …، وطرد الجضران»: coordinated with a verbal noun
        prev = self.tokens[i - 1] if i > 0 else None
        return prev is None or prev.sentence != tok.sentence or prev.text in _CLAUSE_BREAK or prev.norm == "قد"

    def run(self) -> list[Event]:
        """Every trigger's event, scored; the best per sentence kept, repeats merged."""
        return self.select(self.candidates())

    def candidates(self) -> list[Candidate]:
        """Every event a trigger builds (before any threshold), with the trigger that built it."""
        out: list[Candidate] = []
        prev_trigger: _Trigger | None = None
        i = 0
        while i < len(self.tokens):
            trig = self.trigger_at(i)
            if trig is None or self._inside_name(i):
                i += 1
                continue
            self._last_trigger = trig
            if self._occurs(trig):
                i = trig.last + 1  # «ووقعت اشتباكات»: the event is the noun that follows
                continue
            if self._skipped(trig, prev_trigger):
                prev_trigger = trig if not self._after_demonstrative(trig) else prev_trigger
                i = trig.last + 1
                continue
            ev = self._build(trig, 0)
            if ev is not None:
                self._share_subject(trig, ev, out)
                out.append(Candidate(trig, ev, self.tokens[trig.first].sentence))
            prev_trigger = trig
            i = trig.last + 1
        return out

    def _after_demonstrative(self, trig: _Trigger) -> bool:
        """«هذه الانشقاقات»: the trigger refers back to an event already told."""
        return trig.first > 0 and self.tokens[trig.first - 1].norm in self.cue["demonstrative"]

    def _occurs(self, trig: _Trigger) -> bool:
        """«وقعت اشتباكات», «وقع الهجوم»: a verb of signing that also means «took place» is the latter
        before a trigger of another type (no agreement was signed)."""
        nxt = trig.last + 1
        if self.stems[trig.first] not in self.cue["occur"] or nxt >= len(self.tokens) \
                or self.tokens[nxt].sentence != self.tokens[trig.first].sentence:
            return False
        other = self._peek(nxt)
        return other is not None and other.type != trig.type

    def _signed(self, trig: _Trigger, hi: int) -> bool:
        """«وقع» as signing: an agreement word or a document («عقد», «وثيقة») follows within a few words,
        or «على» right after it; never «على وقع» (amid)."""
        if trig.first > 0 and self.tokens[trig.first - 1].norm in self.cue["amid"]:
            return False
        for k in range(trig.last + 1, min(hi, trig.last + 8) + 1):
            if (k == trig.last + 1 and self.tokens[k].norm in ("على", "علي")) or self.stems[k] in self.cue["document"]:
                return True
            other = self._peek(k)
            if other is not None and other.type == "AGREEMENT":
                return True
        return False

    def _lacks_context(self, trig: _Trigger, lo: int, hi: int) -> bool:
        """A trigger word with an everyday sense counts only in its event's context (`_CONTEXT_RULES`):
        reinforcing forces or positions, gathering leaders or named sides, closing by protesters."""
        for forms, context, where in _CONTEXT_RULES:
            if trig.form not in self.cue[forms]:
                continue
            nxt = trig.last + 1
            if where == "next":
                return not (nxt <= hi and (self.stems[nxt] in self.cue[context] or self.by_first.get(nxt)))
            return not any(self.stems[k] in self.cue[context] for k in range(lo, hi + 1))
        return False

    def _at_dawn(self, trig: _Trigger) -> bool:
        """«فجر» as dawn: with the article, after a preposition of time, or before a day or «اليوم»."""
        tok = self.tokens[trig.first]
        prev = self.tokens[trig.first - 1].norm if trig.first > 0 else ""
        nxt = self.tokens[trig.last + 1].norm if trig.last + 1 < len(self.tokens) else ""
        return tok.prefix.endswith("ال") or prev in self.cue["time_prep"] or nxt in self.cue["day"]

    def _skipped(self, trig: _Trigger, prev_trigger: _Trigger | None) -> bool:
        """A trigger that builds no event: after a demonstrative, a refusal, or as another trigger's object."""
        if self._after_demonstrative(trig):
            return True
        same_sentence = trig.first > 0 and self.tokens[trig.first - 1].sentence == self.tokens[trig.first].sentence
        prev_word = self.stems[trig.first - 1] if same_sentence else ""
        # «رفضوا تولي …» did not happen; «حشد الدعم»: the object of a trigger
        return prev_word in self.cue["refusal"] or (same_sentence and prev_trigger is not None
                                                    and prev_trigger.last == trig.first - 1)

    def _share_subject(self, trig: _Trigger, ev: Event, built: list[Candidate]) -> None:
        """«السيطرة على موانئ النفط، إعلان ولائهم لحفتر، وطرد الجضران»: one subject for a series."""
        if ev.agents or not built or (trig.verb and not self.tokens[trig.first].prefix.startswith("و")):
            return
        last = built[-1]
        last_first, last_ev = last.trigger.first, last.event
        gap = {self.tokens[k].norm for k in range(last_first + 1, trig.first)}
        if self.tokens[last_first].sentence == self.tokens[trig.first].sentence and last_ev.agents \
                and trig.first - last_first <= 10 and not gap & self.cue["new_clause"]:
            ev.agents = [a for a in last_ev.agents if a not in ev.targets]
            ev.confidence = min(0.95, ev.confidence + 0.25)

    def select(self, cands: list[Candidate]) -> list[Event]:
        """The candidates kept: confident enough, at most a few types per sentence, one event per
        happening; numbered in text order."""
        threshold = self.opts.min_confidence
        scored = [(c.event.confidence, c.sentence, c.event) for c in cands if c.event.confidence >= threshold]
        kept: list[Event] = []
        per_sentence: dict[int, list[str]] = {}
        seen: set[tuple] = set()
        # an event whose agent is named by a common noun only comes after the others of its sentence
        # («قصف المسلحون قريتين تحاصرهما فصائل X»: the named side keeps the sentence's slot)
        for conf, sent, ev in sorted(scored, key=lambda x: (id(x[2]) in self._unnamed, -x[0], x[2].trigger.start)):
            types = per_sentence.setdefault(sent, [])
            if ev.type in types or len(types) >= self.opts.max_per_sentence:
                continue
            key = (ev.type, tuple(sorted(ev.agents)), tuple(sorted(ev.targets)), ev.place)
            loose = (ev.type, ev.place, tuple(sorted(set(ev.agents) | set(ev.targets))))
            if key in seen or loose in seen or self._same_happening(ev, kept):
                continue
            seen.update((key, loose))
            types.append(ev.type)
            kept.append(ev)
        kept.sort(key=lambda e: e.trigger.start)
        for n, ev in enumerate(kept, start=1):
            ev.id = f"v{n}"
        return kept

    def _same_happening(self, ev: Event, kept: list[Event]) -> bool:
        """An event of the same type sharing a participant, and not at another town or site, was
        already kept (the headline retold)."""
        def local(place: str) -> bool:
            return self.kinds.get(place) != "country"
        people = set(ev.agents) | set(ev.targets)
        for other in kept:
            if other.type != ev.type or (ev.place and other.place and ev.place != other.place and local(ev.place)
                                         and local(other.place)):
                continue  # one side taking two towns is two events
            if ev.type == "TERRITORY_CONTROL" and ev.place != other.place:
                continue  # control is of a place: another (or an unnamed) place is another event
            if people & (set(other.agents) | set(other.targets)):
                return True
        return False

    def _inside_name(self, i: int) -> bool:
        return i in self.index.inside

    def _clause(self, trig: _Trigger) -> tuple[int, int]:
        """Token range of the trigger's sentence (at most `MAX_CLAUSE_TOKENS` either side of it); inside
        a reported statement, of the statement's content only (the speaker of a quote is not the agent
        of the events he reports)."""
        lo, hi = clip_clause(self.index.sentence_start(trig.first), self.index.sentence_end(trig.last),
                             trig.first, trig.last)
        pos = self.tokens[trig.first].start
        for c in self.claims_at.at(pos):
            if self._reported(c):
                while lo < trig.first and self.tokens[lo].start < c.content.start:
                    lo += 1
                while hi > trig.last and self.tokens[hi].end > c.content.end:
                    hi -= 1
        return lo, hi

    def _reported(self, claim: object) -> bool:
        """True when a claim's content is reported speech («قال إن …», a quote), not the object of an
        announcement («أعلن الجيش بدء عملية …», whose announcer acts)."""
        start = claim.content.start  # type: ignore[attr-defined]
        k = bisect_right(self.starts, start) - 1
        prev = self.tokens[k - 1] if k >= 1 else None
        return bool(getattr(claim, "quote", False)) or (prev is not None and (
            prev.text in (":", '"', "«", "“") or normalise(prev.text) in self.lex.openers))

    def _mention_at(self, i: int, types: frozenset[str]) -> Cand | None:
        for m in sorted(self.by_first.get(i, []), key=lambda m: -(m.last - m.first)):
            if self.types.get(m.entity or "") in types:
                return m
        return None

    def _build(self, trig: _Trigger, n: int) -> Event | None:
        """The event of one trigger, or None when it did not happen or is implausible."""
        lo, hi = self._clause(trig)
        args = self._args_after(trig, hi)
        self._agent_before_trigger(trig, lo, args)
        if trig.type in _SPEECH_ACTS:
            self._speaker_as_agent(trig, args)
        if trig.type == "TERRITORY_CONTROL":
            self._new_holder(trig, hi, args)
        if trig.type == "SUPPORT":
            self._received(trig, lo, hi, args)
            if self.stems[trig.first] == _IN_SUPPORT_OF and trig.last + 1 <= hi \
                    and self.tokens[trig.last + 1].prefix.lstrip("و")[:1] == "ل":
                return None  # «… دعما للحكومة»: «in support of», said of another act (the relation layer reads it)
        args.targets = [t for t in args.targets if t not in args.agents]
        if not args.agents:
            args.unnamed = self._unnamed_agent(trig, lo, hi)
        if args.place is None:
            args.place = self._place_in(lo, hi, trig)
        args.place = self._most_specific(args.place, lo, hi, trig)
        if args.place is None and trig.type == "TERRITORY_CONTROL":
            args.place = self._place_by_reference(trig, hi)
        if trig.first == trig.last and self.stems[trig.first] in self.cue["occur"] and not self._signed(trig, hi):
            return None  # «الانفجار الذي وقع», «على وقع الضربات»: took place, fell or amid; nothing was signed
        if trig.first == trig.last and self._lacks_context(trig, lo, hi):
            return None  # «تعزيز التعاون», «جمع عينات», «إغلاق الميناء»: the word's everyday sense
        if trig.first == trig.last and trig.form in self.cue["dawn"] and self._at_dawn(trig):
            return None  # «فجر السبت», «في الفجر»: dawn, not blowing up
        etype = self._retype(trig, lo, hi, args)
        if not self._plausible(etype, trig, args.agents or ([""] if args.unnamed is not None else []), args.targets,
                               args.place, lo, hi):
            return None
        if self._prevented(trig, lo):
            return None  # «لمنع المسلحين من دخول المدينة»: kept from happening
        if self._called_for(trig, lo):
            return None  # «ودعا إلى وقف العمليات العسكرية»: asked for, not done
        modality = self._modality(trig, lo, hi)
        purpose = self.tokens[trig.first].prefix == "ل" or self.tokens[trig.first].norm in ("لمحاوله",)
        if purpose and self._undergone(trig, lo, args):
            purpose = False  # «تعرضت القافلة لهجوم»: suffered, not aimed at
        if purpose:
            if not any(self.stems[k] in self.cue["try"] or self.tokens[k].norm[1:] in self.cue["try"]
                       for k in range(max(lo, trig.first - 3), trig.first)):
                return None  # «… لمحاصرة الانشقاقات»: an aim, not a happening
            modality = "attempted"  # «سعت للسيطرة على الهلال النفطي»
        claim = self._claim(trig)
        return self._event(n, etype, trig, args, lo, hi, modality, claim, purpose)

    def _args_after(self, trig: _Trigger, hi: int) -> _Args:
        """Agent (a verb's subject, a verbal noun's genitive), targets and place read after the trigger."""
        toks = self.tokens
        args = _Args()
        k = trig.last + 1
        steps = 0
        while k <= hi and steps < 10:
            tok = toks[k]
            if tok.text in _CLAUSE_BREAK and steps > 0:
                break
            if steps > 0 and self._starts_trigger(k):
                if self._same_type_at(k, trig.type):
                    k += 1  # «استعادت القوات السيطرة على …»: the verb's object restates it; read on
                    steps += 1
                    continue
                break  # the next event's words are its own
            by = self._passive_agent(k, hi)
            if by is not None:
                # «بعد اقتحامها من قبل قوات X»: the agent of a passive or a verbal noun
                args.agents = [by.entity or ""] + [a for a in args.agents if a != by.entity]
                args.targets = [t for t in args.targets if t != by.entity]
                k = by.last + 1
                steps += 1
                continue
            m = self._mention_at(k, _ACTOR_TYPES | _PLACE_TYPES)
            if m is None and steps == 0 and (trig.verb or trig.type in _GENITIVE_AGENT) and not args.agents:
                group = self._group_of_members(k, hi)
                if group is not None:
                    # «اقتحم متشددون من تنظيم الدولة», «قصفت طائرات قوات X»: the group behind them acts
                    args.agents.append(group.entity or "")
                    k = group.last + 1
                    steps += 1
                    continue
            if m is None and tok.norm in self.cue["target_prep"] | self.cue["place_prep"] and k + 1 <= hi:
                k += 1
                steps += 1
                continue
            if m is None:
                k += 1
                steps += 1
                continue
            if not trig.verb and self._after_resumptive_verb(trig, k) and self.can_act(m.entity):
                # «هدنة أعلنتها روسيا», «الإعدامات التي كان ينفذها التنظيم»: the subject of the relative
                # clause whose object pronoun is the event acts
                args.agents = [m.entity or ""] + [a for a in args.agents if a != m.entity]
                args.targets = [t for t in args.targets if t != m.entity]
                k = m.last + 1
                steps += 1
                continue
            k = self._take_argument(trig, m, k, steps, hi, args)
            steps += 1
        return args

    def _after_resumptive_verb(self, trig: _Trigger, k: int) -> bool:
        """The mention at token k follows a verb carrying an object pronoun («أعلنتها», «رعته», «ينفذها»)
        that opens a relative clause on the trigger: only adjectives, «التي/الذي» and «كان» between."""
        if k - 1 <= trig.last or k - trig.last > 5:
            return False
        verb = self.tokens[k - 1]
        if verb.prefix or not verb.text.endswith(_OBJECT_PRONOUNS) or len(verb.text) < 4:
            return False
        for j in range(trig.last + 1, k - 1):
            tok = self.tokens[j]
            if tok.text in _CLAUSE_BREAK or self.by_first.get(j) or self._starts_trigger(j):
                return False
            if tok.norm not in self.cue["relative"] and not tok.prefix.endswith("ال") and j > trig.last + 1:
                return False  # more than one bare word between: not an adjective and a relative
        return True

    def _take_argument(self, trig: _Trigger, m: Cand, k: int, steps: int, hi: int, args: _Args) -> int:
        """File the mention at token k as place, agent or target; the token to go on from."""
        toks = self.tokens
        tok = toks[k]
        etype = self.types[m.entity or ""]
        prev = toks[k - 1].norm if k - 1 > trig.last else ""
        via_prep = prev in self.cue["place_prep"] or (m.source != "coref" and tok.prefix[:1] in ("ب",) and m.start > tok.start)
        # «في هجوم لتنظيم الدولة», «تعزيزات لقوات النظام»: the author after «لـ»
        of_author = not trig.verb and trig.type in _AUTHOR_AFTER_LA and tok.prefix in ("ل", "لل")
        if etype == "LOCATION" or (etype == "GPE" and (via_prep or prev == "في" or not self.can_act(m.entity))):
            args.place = args.place or m.entity
        elif not args.agents and (steps == 0 or (of_author and self._adjectives_only(trig, k))) \
                and self.can_act(m.entity) and not self._plural_verb(trig) and (
                trig.verb or of_author or (trig.type in _GENITIVE_AGENT and not tok.prefix[:1] in ("ل", "ب"))):
            args.agents.append(m.entity or "")  # «سيطرت قوات X», «هجوم تنظيم الدولة»
            nxt = m.last + 1
            other = self._mention_at(nxt, _ACTOR_TYPES) if nxt <= hi and toks[nxt].prefix == "و" else None
            if other is not None and self.can_act(other.entity) and other.entity not in args.agents:
                args.agents.append(other.entity or "")  # «وتدعم الأمم المتحدة والاتحاد الأوروبي …»
                return other.last + 1
        elif m.entity not in args.targets and etype != "MEDIA":
            args.targets.append(m.entity or "")
        return m.last + 1

    def _adjectives_only(self, trig: _Trigger, k: int) -> bool:
        """At most two bare words, no preposition, between the trigger and token k («حملة عسكرية واسعة لـ …»)."""
        between = range(trig.last + 1, k)
        return len(between) <= 2 and all(
            not self.tokens[j].prefix and self.tokens[j].text not in _CLAUSE_BREAK and not self.by_first.get(j)
            and self.tokens[j].norm not in self.cue["place_prep"] and self.tokens[j].norm not in self.cue["target_prep"]
            for j in between)

    def _plural_verb(self, trig: _Trigger) -> bool:
        """«بايعوا تنظيم X», «هاجموا مواقع X»: a verb in the plural carries its subject, so the actor
        after it is its object (a verb before a named subject stays singular)."""
        word = normalise(self.tokens[trig.first].text)
        return trig.verb and trig.first == trig.last and word.endswith("وا") and len(word) >= 5

    def _passive_agent(self, k: int, hi: int) -> Cand | None:
        """The actor after «من قبل» / «على يد» at token k, if any."""
        toks = self.tokens
        if k + 2 > hi or (toks[k].norm, toks[k + 1].norm) not in (("من", "قبل"), ("علي", "يد"), ("على", "يد")):
            return None
        m = self._mention_at(k + 2, _ACTOR_TYPES)
        return m if m is not None and self.can_act(m.entity) else None

    def _group_of_members(self, k: int, hi: int) -> Cand | None:
        """«متشددون من تنظيم الدولة», «قوات تابعة للجيش», «طائرات قوات X»: the group whose members or arms
        stand at token k."""
        toks = self.tokens
        if self.stems[k] in self.cue["members"] and k + 2 <= hi and toks[k + 1].norm == "من":
            m = self._mention_at(k + 2, _ACTOR_TYPES)
        elif self.stems[k] in self.cue["members"] and k + 2 <= hi and self.stems[k + 1] in self.cue["belonging"] \
                and toks[k + 2].prefix[:1] == "ل":
            m = self._mention_at(k + 2, _ACTOR_TYPES)  # «دخول قوات تابعة للجيش», «مقاتلون موالون لتنظيم X»
        elif self.stems[k] in self.cue["instrument"] and k + 1 <= hi:
            m = self._mention_at(k + 1, _ACTOR_TYPES)
        else:
            return None
        if m is not None and self.can_act(m.entity) and self.types.get(m.entity or "") != "GPE":
            return m
        return None

    def _unnamed_agent(self, trig: _Trigger, lo: int, hi: int) -> int | None:
        """The token of an agent the text names by a common noun only, the subject or author of the
        trigger: «مسلحون انشقوا», «الميليشيات التي سيطرت», «استولى عليها مسلحون», «في هجوم لمسلحين», «من
        قبل مسلحين». Never for a killing («قُتل مسلحون», «مسلحين قتلوا»: mostly the victims)."""
        if self.stems[trig.first] in self.cue["killing"] or trig.form in self.cue["killing"]:
            return None
        k = trig.last + 1
        if k <= hi and self.tokens[k].norm in self.cue["place_pronoun"]:
            k += 1  # «استولى عليها مسلحون»
        by = k + 2 <= hi and (self.tokens[k].norm, self.tokens[k + 1].norm) in (("من", "قبل"), ("علي", "يد"), ("على", "يد"))
        if by:
            k += 2  # «من قبل مسلحين»
        verb = trig.verb and not _taf_il(self.stems[trig.first])  # «تجنيد العناصر»: a verbal noun and its object
        if not trig.verb and k == trig.last + 1 and k + 1 <= hi and self._after_resumptive_verb(trig, k + 1):
            k, verb = k + 1, True  # «لهجوم شنه مقاتلون»: the subject of the relative clause
        if k <= hi and (by or verb or trig.type in _VIOLENT_AUTHOR) and self._unnamed_at(k, after=True, verb=verb and not by):
            return k
        before = trig.first - 1
        if before >= lo and self.tokens[before].norm in self.cue["relative"]:
            before -= 1  # «الميليشيات التي سيطرت»
        if trig.verb and before >= lo and self._unnamed_at(before, after=False, verb=True):
            return before
        return None

    def _unnamed_at(self, k: int, *, after: bool, verb: bool) -> bool:
        """A group named by a common noun stands at token k as a subject (after a verb, in the
        nominative: «مسلحون», not «مسلحين»), an author after «لـ» (after a verbal noun) or the agent of a
        passive; not inside a name, not before a name («قوات الجيش»), not governed by a preposition."""
        tok = self.tokens[k]
        if self.stems[k] not in self.cue["unnamed_agent"] or self._inside_name(k) or self.by_first.get(k):
            return False
        nxt = k + 1
        if nxt < len(self.tokens) and self.by_first.get(nxt) and self.tokens[nxt].sentence == tok.sentence \
                and not self.tokens[nxt].prefix.lstrip("و").startswith(("ب", "ل", "ك")):
            return False  # «قوات الجيش»: a named group the entity layer did not read as one name
        prefix = tok.prefix.lstrip("وف")
        if after and not verb:
            # a verbal noun's author after «لـ» («في هجوم لمسلحين»), a passive's agent («من قبل مسلحين»)
            return prefix[:1] == "ل" or self.tokens[k - 1].norm in ("قبل", "يد")
        if prefix[:1] in ("ب", "ل", "ك"):
            return False
        if after and self.stems[k].endswith("ين"):
            return False  # «يستهدف مسلحين»: the object of a verb whose subject is its pronoun
        prev = self.tokens[k - 1].norm if k > 0 else ""
        return after or not (prev in self.cue["target_prep"] or prev in self.cue["place_prep"])

    def _new_holder(self, trig: _Trigger, hi: int, args: _Args) -> None:
        """«سقطت المدينة بيد تنظيم X», «سقوط الموصل في قبضة داعش», «خضعت البلدة لسيطرة قوات X»: a place
        that falls or submits to a side is taken by that side (the agent), not by the place's subject."""
        stem = self.stems[trig.first]
        if stem not in self.cue["fall"] and trig.form not in self.cue["fall"] and stem not in self.cue["submit"] \
                and trig.form not in self.cue["submit"]:
            return
        for k in range(trig.last + 1, min(hi, trig.last + 8) + 1):
            if self.tokens[k].text in _CLAUSE_BREAK:
                return
            if self.stems[k] in self.cue["holder_noun"] and k + 1 <= hi:
                m = self._mention_at(k + 1, _ACTOR_TYPES)
                if m is not None and self.can_act(m.entity):
                    args.agents = [m.entity or ""]
                    args.targets = [t for t in args.targets if t != m.entity]
                return

    def _undergone(self, trig: _Trigger, lo: int, args: _Args) -> bool:
        """«تعرضت كتيبة X لهجوم», «تعرضوا لقصف»: an act the subject of «تعرض» suffered; that subject
        (taken for the agent before the trigger) is its target."""
        verb = next((k for k in range(trig.first - 1, max(lo - 1, trig.first - 5), -1)
                     if self.stems[k] in self.cue["undergo"]), None)
        if verb is None:
            return False
        subjects = {m.entity for k in range(max(lo, verb - 4), trig.first) for m in self.by_first.get(k, ())}
        moved = [a for a in args.agents if a in subjects]
        args.agents = [a for a in args.agents if a not in subjects]
        args.targets = moved + [t for t in args.targets if t not in moved]
        for k in range(trig.last + 1, min(len(self.tokens) - 1, trig.last + 3) + 1):
            if self.tokens[k].norm == "من":  # «تعرضت لهجوم من قوات X»: the author after «من»
                m = self._mention_at(k + 1, _ACTOR_TYPES)
                if m is not None and self.can_act(m.entity) and m.entity not in moved:
                    args.agents = [m.entity or ""]
                    args.targets = [t for t in args.targets if t != m.entity]
                break
            if self.tokens[k].prefix or self.tokens[k].text in _CLAUSE_BREAK or self.by_first.get(k):
                break
        return True

    def _received(self, trig: _Trigger, lo: int, hi: int, args: _Args) -> None:
        """«تلقى مجلس X دعما ماليا من Y», «حصلت الجماعة على تمويل من Y»: support received is given by the
        actor after «من» (the agent) to the verb's subject (the target)."""
        verb = next((k for k in range(trig.first - 1, max(lo - 1, trig.first - 7), -1)
                     if self.stems[k] in self.cue["receive"] or self.tokens[k].norm in self.cue["receive"]), None)
        if verb is None:
            return
        receiver = next((m.entity for m in self.mentions_from.between(verb + 1, trig.first)
                         if m.last < trig.first and self.can_act(m.entity)), None)
        if receiver is None:
            receiver = self._agent_before(_Trigger(verb, verb, trig.type, True), lo)
        giver = None
        for k in range(trig.last + 1, min(hi, trig.last + 8) + 1):
            if self.tokens[k].text in _CLAUSE_BREAK:
                break
            if self.tokens[k].norm == "من" and k + 1 <= hi:
                m = self._mention_at(k + 1, _ACTOR_TYPES)
                giver = m.entity if m is not None and self.can_act(m.entity) else None
                break
        args.agents = [giver] if giver and giver != receiver else []
        args.targets = [receiver] if receiver else []

    def _speaker_as_agent(self, trig: _Trigger, args: _Args) -> None:
        """«واتهم المتحدث الحكومة بـ …», «يتهمه خصومه بـ …»: an accusation whose trigger is the cue of a
        claim is made by the claim's speaker (named or not)."""
        claim = self.claim_cue_at.get(self.tokens[trig.first].start)
        if claim is None:
            return
        args.spoken = True
        if claim.speaker and self.can_act(claim.speaker) and not args.agents and claim.speaker not in args.targets:
            args.agents.append(claim.speaker)  # (a speaker found as the verb's object is the one accused)

    def _agent_before_trigger(self, trig: _Trigger, lo: int, args: _Args) -> None:
        """With no agent after the trigger: a light verb's subject, else the actor before it."""
        if not args.agents and not trig.verb:
            # «خاض الجيش، الخميس، مواجهات مع …», «قام سلاح الجو بقصف …», «توصلت A و B إلى اتفاق»
            args.agents += [a for a in self._support_verb_subjects(trig, lo) if a not in args.targets]
        killing = self.stems[trig.first] in self.cue["killing"] or trig.form in self.cue["killing"]
        if not args.agents and not killing:
            agent = self._agent_before(trig, lo, near=None if trig.verb else self.opts.noun_agent_window)
            if agent:
                args.agents.append(agent)

    def _retype(self, trig: _Trigger, lo: int, hi: int, args: _Args) -> str:
        """The event type from the trigger's and the arguments' evidence."""
        etype = trig.type
        stem = self.stems[trig.first]
        if stem in self.cue["penalty"] and trig.first > lo and self.stems[trig.first - 1] in self.cue["ruling"]:
            return "LEGAL_ACTION"  # «أحكام الإعدام»
        if self.tokens[trig.first].prefix.startswith("ب") and stem in self.cue["penalty"] and any(
                self.stems[k] in self.cue["court"] for k in range(lo, hi + 1) if k != trig.first):
            return "LEGAL_ACTION"  # «قضت المحكمة بإعدام X», «حكما بالسجن»: a sentence, not a killing
        killing = stem in self.cue["killing"] or trig.form in self.cue["killing"]
        if etype == "VIOLENCE_AGAINST_CIVILIANS" and killing and not any(
                self.stems[k] in self.cue["civilians"] for k in range(max(lo, trig.first - 8), min(hi, trig.last + 10) + 1)):
            etype = "ATTACK"  # a killing with no civilians named is an attack (an execution, a massacre stay)
        if etype == "ARMED_CLASH":
            # a clash has two sides, and they bear arms (a speaker's «المعركة» names none)
            args.agents = [a for a in args.agents + [t for t in args.targets if t not in args.agents]
                           if self.types.get(a) in ("ARMED_GROUP", "TRIBE", "ORGANIZATION")]
            args.targets = []
        return etype

    def _prevented(self, trig: _Trigger, lo: int) -> bool:
        """«لمنع المسلحين من دخول …», «للحيلولة دون سقوط …»: a prevention word just before the trigger."""
        for k in range(max(lo, trig.first - 4), trig.first):
            tok = self.tokens[k]
            if tok.norm in self.cue["prevent"] or tok.stem in self.cue["prevent"]:
                return True
        return False

    def _called_for(self, trig: _Trigger, lo: int) -> bool:
        """«دعت تونس إلى "التهدئة"», «ندعو الجماعات إلى وقف العمليات», «طالب بإعطاء الدعم», «ضرورة التحرك»:
        a verbal noun that is what a call or demand asks for (a call word right before it, or before the
        «إلى/بـ» that leads to it)."""
        if trig.verb:
            return False
        if trig.first > lo and self._is_call(trig.first - 1):
            return True
        for link in range(trig.first, max(lo - 1, trig.first - 4), -1):
            tok = self.tokens[link]
            if tok.norm in self.cue["call_link"] or tok.prefix[:1] == "ب":
                return any(self._is_call(k) for k in range(max(lo, link - 6), link))
        return False

    def _is_call(self, k: int) -> bool:
        """A word of calling for or demanding («دعا», «طالب», «ضرورة») at token k."""
        return self.tokens[k].norm in self.cue["call"] or self.stems[k] in self.cue["call"]

    def _event(self, n: int, etype: str, trig: _Trigger, args: _Args, lo: int, hi: int, modality: str,
               claim: str | None, purpose: bool) -> Event:
        """The Event record: confidence, evidence span (trigger and nearest argument mentions), time."""
        toks = self.tokens
        agents, targets, place = args.agents, args.targets, args.place
        actors = [x for x in agents + targets if self.types.get(x) != "LOCATION"]
        conf = (0.45 if trig.verb else 0.35) + 0.25 * bool(agents) + 0.15 * bool(targets) + 0.1 * bool(place)
        unnamed = not agents and args.unnamed is not None and not (trig.type == "TERRITORY_CONTROL" and self._present(trig))
        if unnamed:
            conf += UNNAMED_AGENT_WEIGHT  # less than a named agent
        if not actors and args.unnamed is None:
            conf -= 0.1
        if trig.type in _VIOLENT and place:
            conf += 0.15
        elif trig.type == "TERRITORY_CONTROL" and place and not self._present(trig) and (
                any(self.types.get(x) in _ARMED for x in agents + targets)
                or (trig.verb and self.stems[trig.first] in self.cue["seize"])):
            # a place taken by armed men, or seized («استولى عليها مسلحون»); not «تسيطر على …» (a state),
            # not «سقطت الطائرة» or «خضع لعملية»
            conf += 0.15
        if purpose:
            conf -= 0.1
        if args.spoken:
            conf += 0.25  # the act is the claim: «يتهمه خصومه بـ …» stands with no actor named
        ev_start = toks[trig.first].start
        ev_end = toks[trig.last].end
        for ent in agents + targets + ([place] if place else []):
            near = self.near_entity[ent].between(lo, hi + 1) if ent in self.near_entity else ()
            if near:
                m = min(near, key=lambda m: abs(m.first - trig.first))
                ev_start, ev_end = min(ev_start, m.start), max(ev_end, m.end)
        if args.unnamed is not None:
            ev_start, ev_end = min(ev_start, toks[args.unnamed].start), max(ev_end, toks[args.unnamed].end)
        trigger = Span(toks[trig.first].start, toks[trig.last].end,
                       self.text[toks[trig.first].start:toks[trig.last].end])
        event = Event(f"v{n}", etype, trigger, Offsets(ev_start, ev_end), agents, targets, place,
                      self._time(lo, hi, claim), modality, claim, min(conf, 0.95))
        if unnamed:
            self._unnamed.add(id(event))
        return event

    def _present(self, trig: _Trigger) -> bool:
        """A verb in the present tense («يسيطر», «تسيطر»): its listed past form follows the prefix."""
        word = self.stems[trig.first]
        return trig.verb and word[:1] in "يت" and self.lex.single.get(word[1:]) == trig.type

    def can_act(self, entity: str | None) -> bool:
        """Actors act; of places, only countries do («مصر تدعم …»), never cities or regions."""
        etype = self.types.get(entity or "")
        if etype == "GPE":
            return self.kinds.get(entity or "") == "country"
        return etype in _ACTOR_TYPES and etype != "MEDIA"

    def _peek(self, k: int) -> _Trigger | None:
        """The trigger at token k, read without touching the coordination state."""
        saved = self._last_trigger
        try:
            return self.trigger_at(k)
        finally:
            self._last_trigger = saved

    def _same_type_at(self, k: int, etype: str) -> bool:
        """A one-word trigger of type `etype` stands at token k («السيطرة» after «استعادت»)."""
        other = self._peek(k)
        return other is not None and other.type == etype and other.first == other.last

    def _starts_trigger(self, k: int) -> bool:
        """True when a trigger word stands at token k (without touching the coordination state)."""
        return self._peek(k) is not None

    def _plausible(self, etype: str, trig: _Trigger, agents: list[str], targets: list[str],
                   place: str | None, lo: int, hi: int) -> bool:
        """Type-specific sanity: control needs a place and no state as agent, an appointment a person,
        a verdict a court; «سقوط النظام» is not a battle."""
        if etype == "TERRITORY_CONTROL":
            if (place is None and not self._place_noun_after(trig, hi)) or any(self.types.get(a) == "GPE" for a in agents):
                return False
            nxt = self.tokens[trig.last + 1].norm if trig.last + 1 < len(self.tokens) else ""
            after = self._mention_at(trig.last + 1, frozenset({"PERSON"}))
            if trig.form in self.cue["fall"] and (nxt in self.cue["regime"] or after is not None):
                return False  # «سقوط النظام», «سقوط القذافي»
        if trig.form in self.cue["blame"] and not any(self.stems[k] in self.cue["responsibility"]
                                                      for k in range(trig.last + 1, min(hi, trig.last + 16) + 1)):
            return False  # «حمّل» is blaming only with «المسؤولية» after it: not «حمل لافتات», not «حملة»
        if etype == "APPOINTMENT" and not any(self.types.get(x) == "PERSON" for x in agents + targets):
            return False
        if etype == "SUPPORT" and (not agents or not targets or self.tokens[trig.first].prefix[:1] == "ب"):
            return False  # «بدعم من …» qualifies another act; support needs a giver and a receiver
        if etype == "ARMED_CLASH" and any(self.types.get(a) == "GPE" for a in agents):
            return False
        nxt = self.stems[trig.last + 1] if trig.last + 1 <= hi else ""
        if etype in ("ARMED_CLASH", "ATTACK") and nxt in self.cue["figurative"]:
            return False  # «معركة إعلامية شرسة», «حرب سياسية»
        if etype == "MOBILIZATION" and nxt in self.cue["civil_body"]:
            return False  # «وشكلت حكومة»: forming a government is not mobilising
        if etype == "TERRITORY_CONTROL" and not agents and not trig.verb:
            return False  # «السيطرة» with no one taking control
        if etype == "LEGAL_ACTION" and self.stems[trig.first] in self.cue["inquiry"] and not self._legal_inquiry(trig, lo, hi):
            return False  # «تحقيق تقدم», «تحقيق الاستقرار»: achieving, not investigating
        if etype == "LEGAL_ACTION" and self.stems[trig.first] in self.cue["ruling"] and not any(
                self.stems[k] in self.cue["court"] for k in range(lo, hi + 1)):
            return False
        return True

    def _place_by_reference(self, trig: _Trigger, hi: int) -> str | None:
        """«استولى عليها مسلحون», «بعد تحريرها», «دخلت القوات المدينة»: a place taken that is named by a
        pronoun or a definite common noun is the last town or site named before, within a few sentences."""
        if self._present(trig) or not self._refers_to_place(trig, hi):
            return None  # «المناطق التي يسيطر عليها …» tells who holds them (a relation), not a taking
        m = self.local_places.at_most(self.tokens[trig.first].start)
        if m is None or self.tokens[trig.first].sentence - self.tokens[m.first].sentence > REFERENCE_SENTENCES:
            return None
        return m.entity

    def _refers_to_place(self, trig: _Trigger, hi: int) -> bool:
        """The trigger's object is a pronoun («عليها», «تحريرها») or a definite place noun («المدينة»)."""
        word = self.stems[trig.first]
        if trig.form and word != trig.form and word.endswith("ها"):
            return True
        for k in range(trig.last + 1, min(hi, trig.last + 3) + 1):
            tok = self.tokens[k]
            if tok.text in _CLAUSE_BREAK:
                return False
            if tok.norm in self.cue["place_pronoun"]:
                return True
            if tok.prefix.endswith("ال") and self.stems[k] in self.cue["place_noun"]:
                return self._mention_at(k, _PLACE_TYPES) is None and self._mention_at(k + 1, _PLACE_TYPES) is None
        return False

    def _place_noun_after(self, trig: _Trigger, hi: int) -> bool:
        """«سيطر على عدد من البلدات», «استولى عليها»: a place named by a common noun or a pronoun
        just after the trigger (its object)."""
        for k in range(trig.last + 1, min(hi, trig.last + 12) + 1):
            if self.tokens[k].text in _CLAUSE_BREAK:
                return False
            if self.stems[k] in self.cue["place_noun"]:
                return True
        return False

    def _legal_inquiry(self, trig: _Trigger, lo: int, hi: int) -> bool:
        """«تحقيق» as an investigation: «تحقيق في/بشأن/دولي …», or a court or legal word in the clause."""
        nxt = self.tokens[trig.last + 1].norm if trig.last + 1 <= hi else ""
        return nxt in self.cue["inquiry_next"] or any(
            self.stems[k] in self.cue["legal_context"] or self.stems[k] in self.cue["court"] for k in range(lo, hi + 1))

    def _agent_before(self, trig: _Trigger, lo: int, near: int | None = None) -> str | None:
        """The nearest actor before the trigger in its clause (or the pronoun's referent); within
        `near` tokens and no comma between for a verbal noun."""
        k = trig.first - 1
        limit = 12 if near is None else near
        # «وكان رئيس المجلس الرئاسي، فايز السراج، قد التقى …»: the subject before «قد» may sit in commas
        pluperfect = near is None and k >= lo and self.tokens[k].norm == "قد"
        while k >= lo and trig.first - k <= limit:
            if near is not None and self.tokens[k].text in _CLAUSE_BREAK:
                break
            if self.tokens[k].text in _CLAUSE_BREAK and trig.first - k > 1 and not pluperfect:
                break
            if self.tokens[k].norm in self.cue["pronoun_subject"]:
                return self._last_person(self.tokens[k].start)
            for m in self.index.by_last.get(k, ()):
                if self.can_act(m.entity):
                    return m.entity
            k -= 1
        return None

    def _support_verb_subjects(self, trig: _Trigger, lo: int) -> list[str]:
        """The subject of a light verb whose object is the verbal-noun trigger (شن، خاض، نفذ، قام بـ …),
        with a second actor coordinated to it by «و»."""
        for s in range(trig.first - 1, max(lo - 1, trig.first - 9), -1):
            norm = self.tokens[s].norm
            if norm in self.cue["light_verb"] or self.stems[s] in self.cue["light_verb"] or (norm[:1] in "وف" and norm[1:] in self.cue["light_verb"]):
                for m in self.mentions_from.between(s + 1, trig.first):
                    if m.last < trig.first and self.can_act(m.entity) and not self._governed(m):
                        other = self._mention_at(m.last + 1, _ACTOR_TYPES) if m.last + 1 < trig.first else None
                        if other is not None and self.tokens[m.last + 1].prefix == "و" and self.can_act(other.entity) \
                                and other.entity != m.entity:
                            return [m.entity or "", other.entity or ""]
                        return [m.entity or ""]
                return []
        return []

    def _governed(self, m: Cand) -> bool:
        """«ولائهم لحفتر»: a mention after «لـ/بـ» or a preposition is an object, never a subject."""
        tok = self.tokens[m.first]
        prev = self.tokens[m.first - 1].norm if m.first > 0 else ""
        return tok.prefix[:1] in ("ل", "ب") or prev in self.cue["target_prep"]

    def _last_person(self, before: int) -> str | None:
        m = self.persons_ending.at_most(before)
        return m.entity if m is not None else None

    def _specificity(self, place: str) -> int:
        """0 for a facility or district, 1 for a town, 2 for a region, 3 for a country."""
        if self.types.get(place) == "LOCATION":
            return 0
        return {"country": 3, "region": 2}.get(self.kinds.get(place) or "", 1)

    def _most_specific(self, place: str | None, lo: int, hi: int, trig: _Trigger) -> str | None:
        """«في بنغازي داخل حي الليثي», «في ليبيا قرب ميناء الزويتينة»: of the places the clause gives the
        event, the most specific (a district before its town, a town before its country)."""
        if place is None or self._specificity(place) == 0:
            return place
        window = self.opts.place_window
        best, rank = place, self._specificity(place)
        for k in range(max(lo, trig.first - window), min(hi, trig.last + window) + 1):
            m = self._mention_at(k, _PLACE_TYPES)
            if m is None or m.entity == best:
                continue
            prev = self.tokens[k - 1].norm if k > lo else ""
            if not (prev in self.cue["place_prep"] or self.tokens[k].prefix[:1] == "ب"):
                continue
            if self._specificity(m.entity or "") < rank:
                best, rank = m.entity or "", self._specificity(m.entity or "")
        return best

    def _place_in(self, lo: int, hi: int, trig: _Trigger | None = None) -> str | None:
        """The place nearest the trigger (after it first) introduced as a place, within a window."""
        centre = trig.first if trig else lo
        window = self.opts.place_window
        order = sorted(range(max(lo, centre - window), min(hi, centre + window) + 1),
                       key=lambda k: (k < centre, abs(k - centre)))
        for k in order:
            m = self._mention_at(k, _PLACE_TYPES)
            if m is not None:
                prev = self.tokens[k - 1].norm if k > lo else ""
                if self.types[m.entity or ""] == "LOCATION" or prev in self.cue["place_prep"] or self.tokens[k].prefix[:1] == "ب":
                    return m.entity
        return None

    def _unable(self, trig: _Trigger, lo: int) -> bool:
        """«لم تتمكن القوات من السيطرة», «لم تنجح في دخول»: a negated ability before the trigger."""
        for k in range(max(lo, trig.first - 6), trig.first):
            if self.tokens[k].norm in self.cue["ability"] or self.tokens[k].stem in self.cue["ability"]:
                prev = self.tokens[k - 1] if k > lo else None
                return prev is not None and "negation" in (self.lex.modality.get(prev.norm), self.lex.modality.get(prev.stem))
        return False

    def _modality(self, trig: _Trigger, lo: int, hi: int) -> str:
        """The trigger's modality from the cues around it (a failed attempt, a denial, a plan …)."""
        if self._unable(trig, lo):
            return "failed"
        after = 0 if trig.type in _SPEECH_ACTS else 12  # «اتهمه بالسعي إلى …»: the charge's words are not its modality
        window = range(max(lo, trig.first - 4), min(hi, trig.last + after) + 1)
        found = set()
        for k in window:
            tok = self.tokens[k]
            if k + 1 < len(self.tokens) and self.stems[k + 1] in self.cue["still"]:
                continue  # «ما زالت تسيطر», «لا يزال»: still, not a negation
            for form in (tok.norm, tok.stem):
                mod = self.lex.modality.get(form)
                if mod == "possible" and form == "قد":
                    nxt = self.tokens[k + 1].norm if k + 1 < len(self.tokens) else ""
                    if not nxt[:1] in ("ي", "ت", "ن") or k + 1 != trig.first and k + 2 != trig.first:
                        mod = None
                if mod:
                    found.add((mod, k < trig.first))
        kinds = {m for m, _ in found}
        if "failed" in kinds:
            return "failed"
        if "attempted" in kinds:
            return "attempted"
        neg_before = max((k for k in window if k < trig.first
                          and self.lex.modality.get(self.tokens[k].norm) == "negation"), default=-9)
        if "denied" in kinds or (("negation", True) in found and trig.first - 2 <= neg_before):
            return "denied"
        if any(c.cue_lemma == _DENY for c in self.claims_at.at(self.tokens[trig.first].start)):
            return "denied"
        if "planned" in kinds:
            return "planned"
        if ("possible", True) in found:
            return "possible"
        return "asserted"

    def _claim(self, trig: _Trigger) -> str | None:
        return narrowest_claim(self.claims_at, self.tokens[trig.first].start)

    def _time(self, lo: int, hi: int, claim_id: str | None) -> dict[str, object] | None:
        start, end = self.tokens[lo].start, self.tokens[hi].end
        for t in self.times_from.between(start, end):
            if t.value:
                return {"value": t.value, "precision": t.precision}
        claim = self.claim_by_id.get(claim_id) if claim_id else None
        said = self.time_by_id.get(claim.time) if claim is not None and claim.time else None
        return {"value": said.value, "precision": said.precision} if said else None


def _taf_il(word: str) -> bool:
    """A verbal noun of the form تفعيل («تجنيد», «تشكيل», «تدريب»), which reads like a present verb."""
    return len(word) == 5 and word[0] == "ت" and word[3] == "ي"


def _first(m: Cand) -> int:
    return m.first
